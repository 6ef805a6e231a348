import type { Point, Span } from '../../src/model/types.js'
import { parsePostmortem } from '../../src/parse/parse-postmortem.js'

/** Parse inline Markdown the way the CLI does. */
export function parse(markdown: string, path?: string) {
  return parsePostmortem(markdown, path === undefined ? {} : { path })
}

/**
 * Strip the common indentation of a template literal and its first newline, so test documents
 * can be written indented inside the test. Lines that are only whitespace do not count.
 */
export function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((out, part, index) => out + part + (index < values.length ? String(values[index]) : ''), '')
  const lines = raw.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n')
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length)
  const common = indents.length > 0 ? Math.min(...indents) : 0
  return lines.map((line) => line.slice(common)).join('\n')
}

/**
 * Where the `nth` occurrence of `needle` starts in `source` (1-based line and column), computed
 * independently of the parser's source map. Line breaks are \n, \r\n or a lone \r.
 */
export function locate(source: string, needle: string, nth = 0): Point {
  let offset = -1
  for (let count = 0; count <= nth; count++) {
    offset = source.indexOf(needle, offset + 1)
    if (offset < 0) throw new Error(`"${needle}" (#${nth}) not found`)
  }
  return pointOf(source, offset)
}

/** The exclusive end of the `nth` occurrence of `needle`. */
export function locateEnd(source: string, needle: string, nth = 0): Point {
  const start = locate(source, needle, nth)
  return pointOf(source, start.offset + needle.length)
}

/** The span of the `nth` occurrence of `needle`. */
export function spanOf(source: string, needle: string, nth = 0): Span {
  return { start: locate(source, needle, nth), end: locateEnd(source, needle, nth) }
}

export function pointOf(source: string, offset: number): Point {
  let line = 1
  let lineStart = 0
  for (let index = 0; index < offset; index++) {
    const char = source[index]
    if (char === '\n' || (char === '\r' && source[index + 1] !== '\n')) {
      line++
      lineStart = index + 1
    }
  }
  return { line, column: offset - lineStart + 1, offset }
}

/** The text a span covers. */
export function textAt(source: string, span: Span | null | undefined): string | null {
  return span ? source.slice(span.start.offset, span.end.offset) : null
}

/** "line:column" of a point, for compact position assertions. */
export function lc(point: Point | undefined): string {
  return point ? `${point.line}:${point.column}` : '-'
}

/** "line:column-line:column" of a span. */
export function range(span: Span | null | undefined): string {
  return span ? `${lc(span.start)}-${lc(span.end)}` : '-'
}
