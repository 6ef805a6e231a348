/**
 * Reading the reviewer's markers out of a fixture, and the snapshot sidecar written next to it.
 *
 * Markers live in HTML comments, on the line they are about or, for a line that cannot hold a
 * comment (a heading, a metadata line, a table row, a code block), in a comment block with
 * `line=N`:
 *
 * - `expect rule-a rule-b`: a reviewer flags this line, and so does the linter.
 * - `linter-misses rule-a -- why`: a reviewer flags this line, the linter does not (a known false
 *   negative, reported to the maintainers).
 * - `linter-wrongly-flags rule-a -- why`: the linter flags this line, a reviewer would not (a known
 *   false positive, reported to the maintainers).
 *
 * The two `linter-*` kinds keep the reviewer's intent in the document without bending it to the
 * linter: when the linter is fixed, the fixture test fails and the marker becomes an `expect` (or
 * is removed).
 */
import type { LintResult } from '@postmortem-lint/core'

export type MarkerKind = 'expect' | 'linter-misses' | 'linter-wrongly-flags'

export interface Markers {
  /** `${line} ${ruleId}` pairs, sorted, one set per kind. */
  expect: string[]
  'linter-misses': string[]
  'linter-wrongly-flags': string[]
}

// A marker keyword at the start of the commented text, then its words; a reason may follow ` -- `.
const MARKER = /^\s*(expect|linter-misses|linter-wrongly-flags)\s+(.*)$/
const RULE_ID = /^[a-z][a-z0-9-]*$/

export function readMarkers(source: string): Markers {
  const found: Record<MarkerKind, Set<string>> = {
    expect: new Set(),
    'linter-misses': new Set(),
    'linter-wrongly-flags': new Set(),
  }
  let inComment = false
  source.split(/\r?\n/).forEach((text, index) => {
    const commented = inComment || text.includes('<!--')
    if (text.includes('<!--')) inComment = !text.slice(text.lastIndexOf('<!--')).includes('-->')
    else if (text.includes('-->')) inComment = false
    if (!commented) return
    // Only the commented part of the line: after "<!--" on a line of prose, or the whole line
    // inside a comment block; never the reason after " -- ".
    const start = text.indexOf('<!--')
    let comment = start >= 0 ? text.slice(start + 4) : text
    if (comment.includes('-->')) comment = comment.slice(0, comment.indexOf('-->'))
    comment = comment.split(/\s--(?:\s|$)/)[0] ?? ''
    const match = MARKER.exec(comment)
    if (!match) return
    const kind = match[1] as MarkerKind
    const words = (match[2] ?? '').split(/\s+/).filter(Boolean)
    const lineWord = words.find((word) => word.startsWith('line='))
    const line = lineWord ? Number(lineWord.slice(5)) : index + 1
    if (!Number.isInteger(line) || line < 1) throw new Error(`line ${index + 1}: bad ${lineWord}`)
    for (const rule of words.filter((word) => !word.startsWith('line='))) {
      if (!RULE_ID.test(rule)) throw new Error(`line ${index + 1}: "${rule}" is not a rule id (put a reason after " -- ")`)
      found[kind].add(`${line} ${rule}`)
    }
  })
  const sorted = (set: Set<string>) => [...set].sort(byLineThenRule)
  return { expect: sorted(found.expect), 'linter-misses': sorted(found['linter-misses']), 'linter-wrongly-flags': sorted(found['linter-wrongly-flags']) }
}

export function byLineThenRule(a: string, b: string): number {
  const [lineA = '', ruleA = ''] = a.split(' ')
  const [lineB = '', ruleB = ''] = b.split(' ')
  return Number(lineA) - Number(lineB) || ruleA.localeCompare(ruleB)
}

/** The distinct (line, rule) pairs of a result, in the markers' format. */
export function findingPairs(result: LintResult): string[] {
  return [...new Set(result.messages.map((message) => `${message.line} ${message.ruleId}`))].sort(byLineThenRule)
}

/**
 * What `fixtures/<name>.expected.json` records: the scores, the checklist items each category
 * missed (rubric/checklist.ts ids), and the findings' ids and places, not their text.
 */
export interface Sidecar {
  score: number | null
  categories: LintResult['categories']
  missed: Record<string, string[]>
  messages: { ruleId: string; messageId: string; line: number; column: number }[]
}

export function sidecarOf(result: LintResult): Sidecar {
  const missed: Record<string, string[]> = {}
  for (const [id, category] of Object.entries(result.rubric ?? {})) {
    if (category.missed.length) missed[id] = category.missed.map((item) => item.id)
  }
  return {
    score: result.score,
    categories: result.categories,
    missed,
    messages: result.messages.map(({ ruleId, messageId, line, column }) => ({ ruleId, messageId, line, column })),
  }
}

/** Pretty JSON with one message per line, so a diff of a sidecar reads like a diff of findings. */
export function formatSidecar(sidecar: Sidecar): string {
  const categories = Object.entries(sidecar.categories)
    .map(([id, score]) => `    ${JSON.stringify(id)}: ${score}`)
    .join(',\n')
  const messages = sidecar.messages.map((message) => `    ${JSON.stringify(message).replace(/,"/g, ', "').replace(/":/g, '": ')}`)
  const missed = Object.entries(sidecar.missed)
    .map(([id, items]) => `    ${JSON.stringify(id)}: [${items.map((item) => JSON.stringify(item)).join(', ')}]`)
    .join(',\n')
  return [
    '{',
    `  "score": ${sidecar.score},`,
    categories ? `  "categories": {\n${categories}\n  },` : '  "categories": {},',
    missed ? `  "missed": {\n${missed}\n  },` : '  "missed": {},',
    messages.length ? `  "messages": [\n${messages.join(',\n')}\n  ]` : '  "messages": []',
    '}',
    '',
  ].join('\n')
}
