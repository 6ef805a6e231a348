import type { Nodes, PhrasingContent } from 'mdast'
import { alignmentOf } from './source-align.js'

/** What to do with inline code when flattening: prose replaces it, structured fields keep it. */
export type InlineCodeMode = 'placeholder' | 'keep'

/**
 * The neutral word that stands in for inline code in prose, so that `the `layout` key` still
 * reads as a noun phrase to the NLP but code is never judged as language.
 */
export const CODE_PLACEHOLDER = 'CODE'

interface Segment {
  textStart: number
  sourceStart: number
  length: number
  sourceLength: number
}

/**
 * Text flattened from inline Markdown, remembering where each piece came from so a match in the
 * text maps back to an exact source offset (textlint's StringSource idea).
 */
export class MappedText {
  text = ''
  readonly #segments: Segment[] = []
  #fallbackOffset: number

  constructor(fallbackOffset: number) {
    this.#fallbackOffset = fallbackOffset
  }

  append(text: string, sourceStart: number | undefined, sourceLength = text.length): void {
    if (text.length === 0) return
    if (sourceStart !== undefined) {
      this.#segments.push({ textStart: this.text.length, sourceStart, length: text.length, sourceLength })
      this.#fallbackOffset = sourceStart + sourceLength
    } else {
      this.#segments.push({
        textStart: this.text.length,
        sourceStart: this.#fallbackOffset,
        length: text.length,
        sourceLength: 0,
      })
    }
    this.text += text
  }

  #segmentAt(index: number): Segment | undefined {
    const segments = this.#segments
    let low = 0
    let high = segments.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((segments[middle]?.textStart ?? 0) <= index) low = middle
      else high = middle - 1
    }
    return segments[low]
  }

  /** Source offset where the character at `index` starts; `text.length` maps to the end of the last piece. */
  sourceOffsetAt(index: number): number {
    const last = this.#segments[this.#segments.length - 1]
    if (!last) return this.#fallbackOffset
    if (index >= this.text.length) return last.sourceStart + last.sourceLength
    const segment = this.#segmentAt(Math.max(0, index))
    if (!segment) return this.#fallbackOffset
    const within = Math.max(0, index - segment.textStart)
    // Escapes and entities make a text node shorter than its source: clamp rather than guess.
    if (segment.length === segment.sourceLength) return segment.sourceStart + within
    return segment.sourceStart + Math.min(within, segment.sourceLength)
  }

  /**
   * Source offset where the character before `index` ends: the exclusive end of a range. Differs
   * from `sourceOffsetAt` where markup sits between two pieces: the end of "10:05" in
   * `**10:05** alert` is before the closing `**`, not after it.
   */
  sourceEndAt(index: number): number {
    if (index <= 0) return this.sourceOffsetAt(0)
    const last = Math.min(index, this.text.length) - 1
    const segment = this.#segmentAt(last)
    if (!segment) return this.#fallbackOffset
    const within = last - segment.textStart + 1
    if (segment.length === segment.sourceLength) return segment.sourceStart + within
    if (within >= segment.length) return segment.sourceStart + segment.sourceLength
    return segment.sourceStart + Math.min(within, segment.sourceLength)
  }

  /** A new MappedText for `text.slice(start, end)` keeping the mapping. */
  slice(start: number, end = this.text.length): MappedText {
    const result = new MappedText(this.sourceOffsetAt(start))
    this.#copyInto(result, start, end)
    return result
  }

  /**
   * The same text with every run of whitespace (line breaks included: \r\n, \r or \n) replaced
   * by one space mapped onto the run. Soft line breaks are wrapping, a dropped comment leaves two
   * spaces behind, and CRLF files must not shift what follows.
   */
  collapseWhitespace(): MappedText {
    const result = new MappedText(this.sourceOffsetAt(0))
    let cursor = 0
    for (const match of this.text.matchAll(/\s{2,}|[\t\n\v\f\r]/g)) {
      const index = match.index
      this.#copyInto(result, cursor, index)
      const from = this.sourceOffsetAt(index)
      result.append(' ', from, Math.max(0, this.sourceEndAt(index + match[0].length) - from))
      cursor = index + match[0].length
    }
    this.#copyInto(result, cursor, this.text.length)
    return result
  }

  #copyInto(result: MappedText, start: number, end: number): void {
    for (const segment of this.#segments) {
      const from = Math.max(start, segment.textStart)
      const to = Math.min(end, segment.textStart + segment.length)
      if (from >= to) continue
      const piece = this.text.slice(from, to)
      if (segment.length === segment.sourceLength) {
        result.append(piece, segment.sourceStart + (from - segment.textStart), piece.length)
      } else {
        const sourceFrom = this.sourceOffsetAt(from)
        result.append(piece, sourceFrom, Math.max(0, this.sourceEndAt(to) - sourceFrom))
      }
    }
  }
}

export interface FlattenOptions {
  /** Keep line structure: hard breaks and `<br>` become "\n" (timeline lines), not spaces. */
  lineBreaks?: boolean
}

/**
 * Flatten the inline content of a node into mapped text. HTML (comments included: our own
 * inline-control comments must not leak into prose) is dropped; hard breaks become spaces (or line
 * breaks, with `lineBreaks`); inline code becomes a placeholder or is kept, per `mode`.
 */
export function flattenInline(node: Nodes, mode: InlineCodeMode, options: FlattenOptions = {}): MappedText {
  const out = new MappedText(node.position?.start.offset ?? 0)
  visit(node, mode, out, options.lineBreaks === true)
  return out
}

const BR = /^<br\s*\/?>$/i

function visit(node: Nodes, mode: InlineCodeMode, out: MappedText, lineBreaks: boolean): void {
  switch (node.type) {
    case 'text': {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      const pieces = alignmentOf(node)
      if (pieces) {
        for (const piece of pieces) {
          out.append(node.value.slice(piece.valueStart, piece.valueStart + piece.valueLength), piece.sourceStart, piece.sourceLength)
        }
        return
      }
      out.append(node.value, start, start !== undefined && end !== undefined ? end - start : node.value.length)
      return
    }
    case 'inlineCode': {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      const length = start !== undefined && end !== undefined ? end - start : 0
      if (mode === 'keep') {
        // Map onto the code itself, inside the backticks.
        const fence = start !== undefined && length > node.value.length ? Math.floor((length - node.value.length) / 2) : 0
        out.append(node.value, start !== undefined ? start + fence : undefined, node.value.length)
      } else {
        out.append(CODE_PLACEHOLDER, start, length)
      }
      return
    }
    case 'break': {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      out.append(lineBreaks ? '\n' : ' ', start, start !== undefined && end !== undefined ? end - start : 1)
      return
    }
    case 'html':
      if (lineBreaks && BR.test(node.value.trim())) out.append('\n', node.position?.start.offset, node.value.length)
      return
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
      return
    default:
      if ('children' in node) {
        for (const child of node.children as PhrasingContent[]) visit(child, mode, out, lineBreaks)
      }
  }
}
