import type { Point, Span } from '../model/types.js'

/**
 * Converts offsets to line/column. Line breaks are \n, \r\n or a lone \r, as in micromark, so
 * positions stay right in CRLF files.
 */
export class SourceMap {
  readonly #lineStarts: number[]
  readonly source: string
  readonly length: number

  constructor(source: string) {
    this.source = source
    this.length = source.length
    const starts = [0]
    for (let index = 0; index < source.length; index++) {
      const code = source.charCodeAt(index)
      if (code === 10) starts.push(index + 1)
      else if (code === 13) {
        if (source.charCodeAt(index + 1) === 10) index++
        starts.push(index + 1)
      }
    }
    this.#lineStarts = starts
  }

  pointAt(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.length))
    const starts = this.#lineStarts
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((starts[middle] ?? 0) <= clamped) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: clamped - (starts[low] ?? 0) + 1, offset: clamped }
  }

  span(startOffset: number, endOffset: number): Span {
    return { start: this.pointAt(startOffset), end: this.pointAt(Math.max(startOffset, endOffset)) }
  }

  /** The span of an mdast node (empty at the start when the node has no position). */
  nodeSpan(node: { position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined }): Span {
    return this.span(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0)
  }

  /** `end` moved back over trailing whitespace (blank lines, indentation), but not before `start`. */
  trimEnd(start: number, end: number): number {
    let cursor = end
    while (cursor > start && /\s/.test(this.source[cursor - 1] ?? '')) cursor--
    return cursor
  }

  /** The offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.#lineStarts[Math.max(0, Math.min(line - 1, this.#lineStarts.length - 1))] ?? 0
  }

  get lineCount(): number {
    return this.#lineStarts.length
  }
}
