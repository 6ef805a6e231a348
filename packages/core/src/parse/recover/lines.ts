/**
 * Lines of a block as its author typed them: split at line endings and at `<br>`, with the
 * separator between each line and the next (so an edit can turn it into a paragraph break).
 */
export interface SourceLine {
  /** Where the line starts (its indentation included) and ends (before the separator). */
  start: number
  end: number
  /** Where the text after the line begins: the next line's start, or `end` for the last line. */
  next: number
  /** Offset of the line's first non-blank character. */
  contentStart: number
}

const BREAK = /\r\n|\r|\n|<br\s{0,8}\/?>[ \t]*(?:\r\n|\r|\n)?/gi

export function sourceLines(source: string, start: number, end: number): SourceLine[] {
  const lines: SourceLine[] = []
  const text = source.slice(start, end)
  let cursor = 0
  BREAK.lastIndex = 0
  for (let match = BREAK.exec(text); match; match = BREAK.exec(text)) {
    lines.push(line(text, start, cursor, match.index, match.index + match[0].length))
    cursor = match.index + match[0].length
  }
  lines.push(line(text, start, cursor, text.length, text.length))
  return lines.filter((entry, index) => index < lines.length - 1 || entry.end > entry.start || lines.length === 1)
}

function line(text: string, base: number, from: number, to: number, next: number): SourceLine {
  let content = from
  while (content < to && (text[content] === ' ' || text[content] === '\t')) content++
  return { start: base + from, end: base + to, next: base + next, contentStart: base + content }
}

const FUNCTION_WORD = /\b(?:a|an|and|as|at|by|for|from|in|into|is|of|on|or|over|the|their|to|was|were|which|while|with)$/i

/**
 * Whether `next` carries on the sentence of `previous` (a wrapped line) rather than starting a
 * line of its own. Wrapped prose breaks between words, so the next line mostly starts in lower
 * case, or the previous one stops on a comma or a word that cannot end a sentence.
 */
export function continuesLine(previous: string, next: string): boolean {
  const before = previous.trimEnd()
  const after = next.trimStart()
  if (after === '' || before === '') return false
  if (/^\p{Ll}/u.test(after)) return true
  if (/[,;(\-–—&/]$/.test(before)) return true
  return FUNCTION_WORD.test(before)
}
