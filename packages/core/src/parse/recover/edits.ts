/**
 * Text edits over the original source, and the map from the edited text back to it. Structure
 * recovery rewrites a region the way its author meant it ("Timeline:" → "## Timeline:"), parses
 * the rewrite, and moves every position back onto the original with this map, so findings in
 * recovered structure point at the text the user wrote.
 */

/** Replace `[start, end)` of the original with `text`; `start === end` inserts. */
export interface Edit {
  start: number
  end: number
  text: string
}

interface Piece {
  /** Range in the edited text. */
  editedStart: number
  editedEnd: number
  /** Range in the original it stands for (the replaced range, for inserted text). */
  originalStart: number
  originalEnd: number
  /** Kept original text maps one to one; inserted text maps onto its whole original range. */
  kept: boolean
}

export class EditedRegion {
  readonly text: string
  readonly #pieces: Piece[]

  /** `edits` must lie within `[start, end)` and not overlap; they are applied in offset order. */
  constructor(source: string, start: number, end: number, edits: readonly Edit[]) {
    const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
    const pieces: Piece[] = []
    let text = ''
    let cursor = start
    const keep = (to: number): void => {
      if (to <= cursor) return
      pieces.push({ editedStart: text.length, editedEnd: text.length + (to - cursor), originalStart: cursor, originalEnd: to, kept: true })
      text += source.slice(cursor, to)
      cursor = to
    }
    for (const edit of sorted) {
      const from = Math.max(edit.start, cursor)
      const to = Math.max(from, Math.min(edit.end, end))
      keep(from)
      if (edit.text.length > 0 || to > from) {
        pieces.push({ editedStart: text.length, editedEnd: text.length + edit.text.length, originalStart: from, originalEnd: to, kept: false })
        text += edit.text
      }
      cursor = to
    }
    keep(end)
    this.text = text
    this.#pieces = pieces
  }

  /**
   * The pieces an edited range crosses, clipped to it: kept text maps one to one, inserted text
   * onto the original range it replaced.
   */
  segments(start: number, end: number): { editedStart: number; editedEnd: number; originalStart: number; originalEnd: number; kept: boolean }[] {
    const result = []
    for (const piece of this.#pieces) {
      const from = Math.max(start, piece.editedStart)
      const to = Math.min(end, piece.editedEnd)
      if (to <= from) continue
      if (piece.kept) {
        const shift = piece.originalStart - piece.editedStart
        result.push({ editedStart: from, editedEnd: to, originalStart: from + shift, originalEnd: to + shift, kept: true })
      } else {
        result.push({ editedStart: from, editedEnd: to, originalStart: piece.originalStart, originalEnd: piece.originalEnd, kept: false })
      }
    }
    return result
  }

  /**
   * The original offset of an edited one. `bias` decides at the seam of two pieces: a node that
   * starts there starts in the later piece, one that ends there ends in the earlier one. Inside
   * inserted text, a start maps to where the insertion begins and an end to where it ends.
   */
  original(offset: number, bias: 'start' | 'end'): number {
    const pieces = this.#pieces
    if (pieces.length === 0) return 0
    let low = 0
    let high = pieces.length - 1
    // The first piece ending after `offset` (for starts) or at or after it (for ends).
    while (low < high) {
      const middle = (low + high) >> 1
      const piece = pieces[middle]!
      const before = bias === 'start' ? piece.editedEnd <= offset : piece.editedEnd < offset
      if (before) low = middle + 1
      else high = middle
    }
    const piece = pieces[low]!
    // Skip empty pieces (pure deletions) in the direction the bias points.
    if (piece.kept) return piece.originalStart + Math.max(0, Math.min(offset, piece.editedEnd) - piece.editedStart)
    if (bias === 'start') return offset >= piece.editedEnd && piece.editedEnd > piece.editedStart ? piece.originalEnd : piece.originalStart
    return offset <= piece.editedStart && piece.editedEnd > piece.editedStart ? piece.originalStart : piece.originalEnd
  }
}
