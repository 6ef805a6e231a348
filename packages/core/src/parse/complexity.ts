/**
 * A linear pre-scan that refuses the few Markdown shapes micromark (remark-parse's tokenizer)
 * parses in super-linear time or overflows the call stack on. Measured, not guessed (see
 * test/pathological.test.ts and test/bench): container nesting costs time per level on every
 * line and overflows the stack past a few thousand levels; a paragraph packed with emphasis
 * delimiters or closing brackets costs quadratic time (micromark's attention resolver splices its
 * event list once per match; the GFM footnote tokenizer walks back over the paragraph's events at
 * every `]`). No real postmortem comes near these limits, so such a document is reported and not
 * linted rather than hanging the run.
 */

/** Container levels (block quotes and list items) one line may sit in. */
export const NESTING_LIMIT = 100
/** Emphasis delimiters (`*`, `_`) or closing brackets in one paragraph. */
export const INLINE_MARKER_LIMIT = 500

export interface ComplexityProblem {
  kind: 'nesting' | 'emphasis' | 'brackets'
  /** The measured count: nesting levels, or markers in the paragraph. */
  count: number
  limit: number
  /** 1-based line where the limit was passed. */
  line: number
  /** What the user reads: why the document is not linted. */
  message: string
}

interface OpenItem {
  /** Block quote markers in front of the list item. */
  quotes: number
  /** Column where the item's content starts (after its quote markers). */
  contentColumn: number
}

interface Paragraph {
  delimiters: number
  brackets: number
  line: number
}

const TAB = 9
const SPACE = 32

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB
}

/** `***`, `- - -`, `___`: a thematic break, which is not a list item however many markers it has. */
function isThematicBreak(line: string, from: number): boolean {
  const marker = line.charCodeAt(from)
  if (marker !== 42 && marker !== 45 && marker !== 95) return false
  let count = 0
  for (let index = from; index < line.length; index++) {
    const code = line.charCodeAt(index)
    if (code === marker) count++
    else if (!isBlank(code)) return false
  }
  return count >= 3
}

/** Length of a list marker (`-`, `*`, `+`, `1.`, `12)`) at `from`, or 0 when there is none. */
function listMarkerLength(line: string, from: number): number {
  const code = line.charCodeAt(from)
  let end = from
  if (code === 45 || code === 42 || code === 43) end = from + 1
  else {
    while (end - from < 9 && line.charCodeAt(end) >= 48 && line.charCodeAt(end) <= 57) end++
    if (end === from || (line.charCodeAt(end) !== 46 && line.charCodeAt(end) !== 41)) return 0
    end++
  }
  const after = line.charCodeAt(end)
  return end >= line.length || isBlank(after) ? end - from : 0
}

/** The fence (```` ``` ```` or `~~~`) a line opens or closes at `from`, or null. */
function fenceAt(line: string, from: number): { char: number; length: number } | null {
  const char = line.charCodeAt(from)
  if (char !== 96 && char !== 126) return null
  let end = from
  while (line.charCodeAt(end) === char) end++
  return end - from >= 3 ? { char, length: end - from } : null
}

/**
 * Scan the source once and return the first limit it passes, or null. Approximates CommonMark's
 * block structure (quotes, list items by indentation, fences, paragraphs) closely enough to
 * measure, never to parse.
 */
export function findComplexityProblem(source: string): ComplexityProblem | null {
  const open: OpenItem[] = []
  let paragraph: Paragraph | null = null
  let fence: { char: number; length: number } | null = null
  let lineNumber = 0
  let start = 0
  while (start <= source.length) {
    let end = start
    while (end < source.length && source.charCodeAt(end) !== 10 && source.charCodeAt(end) !== 13) end++
    const line = source.slice(start, end)
    lineNumber++
    start = end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1)

    // Block quote markers, then the indentation after them.
    let at = 0
    let quotes = 0
    let column = 0
    for (;;) {
      const code = line.charCodeAt(at)
      if (code === SPACE) column++
      else if (code === TAB) column += 4 - (column % 4)
      else if (code === 62) {
        quotes++
        column = 0
      } else break
      at++
    }
    if (at >= line.length) {
      paragraph = null
      continue
    }
    const inFence = fence
    if (inFence) {
      const closing = fenceAt(line, at)
      if (closing && closing.char === inFence.char && closing.length >= inFence.length) fence = null
      continue
    }
    while (open.length > 0 && (open[open.length - 1]!.quotes !== quotes || open[open.length - 1]!.contentColumn > column)) open.pop()
    const base = open[open.length - 1]?.contentColumn ?? 0
    // Indented code: no markers and no inline parsing inside.
    if (paragraph === null && column - base >= 4) continue

    let markers = 0
    let innerQuotes = 0
    // Checked once: a line of `- - - - ...` markers is one break, and rescanning per marker is quadratic.
    const thematicBreak = isThematicBreak(line, at)
    while (!thematicBreak) {
      const length = listMarkerLength(line, at)
      if (length > 0) {
        markers++
        at += length
        let contentColumn = column + length
        while (isBlank(line.charCodeAt(at))) {
          contentColumn += line.charCodeAt(at) === TAB ? 4 - (contentColumn % 4) : 1
          at++
        }
        open.push({ quotes, contentColumn })
        column = contentColumn
      } else if (line.charCodeAt(at) === 62) {
        // A quote inside a list item on the same line ("- > - x"): counted, not tracked.
        markers++
        innerQuotes++
        at++
        while (isBlank(line.charCodeAt(at))) at++
      } else break
    }
    const depth = quotes + open.length + innerQuotes
    if (depth > NESTING_LIMIT) {
      return {
        kind: 'nesting',
        count: depth,
        limit: NESTING_LIMIT,
        line: lineNumber,
        message: `the document nests ${depth} levels deep at line ${lineNumber} (limit ${NESTING_LIMIT}); not linted`,
      }
    }

    const opened = fenceAt(line, at)
    if (opened) {
      fence = opened
      paragraph = null
      continue
    }
    // List items, headings and table rows each start inline content of their own.
    const ownLine = markers > 0 || line.charCodeAt(at) === 35 || line.includes('|', at)
    if (ownLine || paragraph === null) paragraph = { delimiters: 0, brackets: 0, line: lineNumber }
    if (thematicBreak) continue
    const problem = countInline(line, at, paragraph)
    if (problem) return problem
    if (ownLine) paragraph = null
  }
  return null
}

function countInline(line: string, from: number, paragraph: Paragraph): ComplexityProblem | null {
  for (let index = from; index < line.length; index++) {
    const code = line.charCodeAt(index)
    if (code === 92) index++
    else if (code === 93) paragraph.brackets++
    else if (code === 42 || code === 95) {
      // A run costs per character (`****x****` nests), unless blanks on both sides mean it can
      // neither open nor close ("a ***** b", a redacted value).
      let end = index
      while (line.charCodeAt(end) === code) end++
      const before = index === from ? SPACE : line.charCodeAt(index - 1)
      const after = end >= line.length ? SPACE : line.charCodeAt(end)
      if (!isBlank(before) || !isBlank(after)) paragraph.delimiters += end - index
      index = end - 1
    }
  }
  const over =
    paragraph.delimiters > INLINE_MARKER_LIMIT ? ('emphasis' as const) : paragraph.brackets > INLINE_MARKER_LIMIT ? ('brackets' as const) : null
  if (!over) return null
  const count = over === 'emphasis' ? paragraph.delimiters : paragraph.brackets
  const what = over === 'emphasis' ? 'emphasis markers (* or _)' : 'closing brackets'
  return {
    kind: over,
    count,
    limit: INLINE_MARKER_LIMIT,
    line: paragraph.line,
    message: `the paragraph at line ${paragraph.line} has ${count} ${what} (limit ${INLINE_MARKER_LIMIT}); not linted`,
  }
}

/** Thrown by parsePostmortem for a document past a limit; lint turns it into a fatal result. */
export class DocumentTooComplexError extends Error {
  readonly problem: ComplexityProblem

  constructor(problem: ComplexityProblem) {
    super(problem.message)
    this.name = 'DocumentTooComplexError'
    this.problem = problem
  }
}
