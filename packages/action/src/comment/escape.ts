/**
 * Text quoted from a document (messages, suggestions, paths, rule ids from a report) goes into a
 * comment that GitHub renders as Markdown with inline HTML. It must not notify anyone, link issues,
 * or break out of the table cell, list item or `<details>` it sits in.
 */

/** Zero-width joiner: `@​name` shows as `@name` but is no mention. */
const ZWJ = '\u200d'

/** Characters with a meaning in GFM, inline HTML, tables or GitHub's math; shown as entities. */
const special = /[&<>|\\`*_[\]#~$]/g

/** One line, everything special as an entity, mentions and issue references neutralised. */
export function escapeInline(text: string): string {
  return escapeFragment(oneLine(text))
}

function escapeFragment(text: string): string {
  return neutralise(text).replace(special, (char) => `&#${char.charCodeAt(0)};`)
}

/**
 * A message or suggestion: escaped like {@link escapeInline}, but the `code spans` the core's
 * messages use are shown as `<code>` (their content escaped the same way).
 */
export function escapeMessage(text: string): string {
  const line = oneLine(text)
  const parts = line.split(/(`[^`]+`)/)
  return parts
    .map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? code(part.slice(1, -1)) : escapeFragment(part)))
    .join('')
}

/** Each run of whitespace holding a line break becomes one space. */
function oneLine(text: string): string {
  // A run is matched whole and tested apart: a single pattern for "whitespace around a break"
  // backtracks quadratically over long runs of spaces without a break.
  return text.replace(/\s+/g, (run) => (/[\r\n\u2028\u2029]/.test(run) ? ' ' : run)).trim()
}

/** Text in a code style (paths, rule ids): an HTML `<code>` element, escaped like inline text. */
export function code(text: string): string {
  return `<code>${escapeInline(text)}</code>`
}

/**
 * Break `@handle`, `@org/team`, `#123` and `GH-123` so GitHub neither notifies nor cross-links,
 * keeping what a reader sees. Runs on raw text, before entities are inserted.
 */
export function neutralise(text: string): string {
  return text
    .replace(/@(?=[A-Za-z0-9_-])/g, `@${ZWJ}`)
    .replace(/#(?=\d)/g, `#${ZWJ}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`)
}

/** A URL safe inside Markdown link syntax, or null when it is not an http(s) URL. */
export function safeUrl(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null
  return parsed.href.replace(/[()<>\s"'`|[\]]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

/** A repository path for a URL: each segment percent-encoded, including `(`, `)` and `#`. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()!'*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/')
}
