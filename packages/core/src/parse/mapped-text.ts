import type { Nodes, PhrasingContent } from 'mdast'

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

  /** Source offset of a text index; `index === text.length` maps to the end of the last piece. */
  sourceOffsetAt(index: number): number {
    const segments = this.#segments
    if (segments.length === 0) return this.#fallbackOffset
    let low = 0
    let high = segments.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((segments[middle]?.textStart ?? 0) <= index) low = middle
      else high = middle - 1
    }
    const segment = segments[low]!
    const within = index - segment.textStart
    // Escapes and entities make a text node shorter than its source: clamp rather than guess.
    if (segment.length === segment.sourceLength) return segment.sourceStart + within
    return segment.sourceStart + Math.min(within, segment.sourceLength)
  }

  /** A new MappedText for `text.slice(start, end)` keeping the mapping. */
  slice(start: number, end = this.text.length): MappedText {
    const result = new MappedText(this.sourceOffsetAt(start))
    for (const segment of this.#segments) {
      const from = Math.max(start, segment.textStart)
      const to = Math.min(end, segment.textStart + segment.length)
      if (from >= to) continue
      const piece = this.text.slice(from, to)
      if (segment.length === segment.sourceLength) {
        result.append(piece, segment.sourceStart + (from - segment.textStart), piece.length)
      } else {
        const sourceFrom = this.sourceOffsetAt(from)
        result.append(piece, sourceFrom, Math.max(0, this.sourceOffsetAt(to) - sourceFrom))
      }
    }
    return result
  }
}

/**
 * Flatten the inline content of a node into mapped text. HTML (comments included: our own
 * inline-control comments must not leak into prose) is dropped; hard breaks become spaces;
 * inline code becomes a placeholder or is kept, per `mode`.
 */
export function flattenInline(node: Nodes, mode: InlineCodeMode, into?: MappedText): MappedText {
  const out = into ?? new MappedText(node.position?.start.offset ?? 0)
  visit(node, mode, out)
  return out
}

function visit(node: Nodes, mode: InlineCodeMode, out: MappedText): void {
  switch (node.type) {
    case 'text': {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
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
    case 'break':
      out.append(' ', node.position?.start.offset, 1)
      return
    case 'html':
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
      return
    default:
      if ('children' in node) {
        for (const child of node.children as PhrasingContent[]) visit(child, mode, out)
      }
  }
}
