import type { Nodes, RootContent } from 'mdast'
import type { Point as UnistPoint } from 'unist'
import { parseMarkdownTree } from '../markdown.js'
import { alignText, setAlignment, type Piece } from '../source-align.js'
import type { SourceMap } from '../source-map.js'
import { EditedRegion, type Edit } from './edits.js'

/**
 * Parse `[start, end)` of the source with `edits` applied, and return its blocks with every
 * position (and every text node's alignment) moved back onto the original source. Costs a parse
 * of the region only, so recovering one misread paragraph does not re-parse the document.
 */
export function reparseRegion(sourceMap: SourceMap, start: number, end: number, edits: readonly Edit[]): RootContent[] {
  const region = new EditedRegion(sourceMap.source, start, end, edits)
  const tree = parseMarkdownTree(region.text)
  for (const child of tree.children) remap(child, region, sourceMap)
  return tree.children
}

function remap(node: Nodes, region: EditedRegion, sourceMap: SourceMap): void {
  const position = node.position
  if (position && position.start.offset !== undefined && position.end.offset !== undefined) {
    const editedStart = position.start.offset
    const editedEnd = position.end.offset
    const start = region.original(editedStart, 'start')
    const end = Math.max(start, region.original(editedEnd, 'end'))
    if (node.type === 'text') alignRemapped(node, region, editedStart, editedEnd, start, end)
    node.position = { start: point(sourceMap, start), end: point(sourceMap, end) }
  }
  if ('children' in node) for (const child of node.children) remap(child as Nodes, region, sourceMap)
}

function point(sourceMap: SourceMap, offset: number): UnistPoint & { offset: number } {
  const { line, column } = sourceMap.pointAt(offset)
  return { line, column, offset }
}

/**
 * A text node's value against the edited text is aligned first (escapes, dropped indentation),
 * then each piece is moved onto the original; the node keeps a plain one-to-one mapping only
 * when that is what comes out.
 */
function alignRemapped(node: { value: string }, region: EditedRegion, editedStart: number, editedEnd: number, start: number, end: number): void {
  const { value } = node
  const edited: Piece[] =
    editedEnd - editedStart === value.length
      ? [{ valueStart: 0, valueLength: value.length, sourceStart: editedStart, sourceLength: value.length }]
      : alignText(value, region.text.slice(editedStart, editedEnd), editedStart)
  const pieces: Piece[] = []
  for (const piece of edited) {
    if (piece.valueLength !== piece.sourceLength) {
      // An escape or entity: one piece of value for one piece of source, moved as a whole.
      const sourceStart = region.original(piece.sourceStart, 'start')
      const sourceEnd = Math.max(sourceStart, region.original(piece.sourceStart + piece.sourceLength, 'end'))
      pieces.push({ valueStart: piece.valueStart, valueLength: piece.valueLength, sourceStart, sourceLength: sourceEnd - sourceStart })
      continue
    }
    // Verbatim value: split where the edits are, so text after a dropped indent stays exact.
    for (const segment of region.segments(piece.sourceStart, piece.sourceStart + piece.sourceLength)) {
      pieces.push({
        valueStart: piece.valueStart + (segment.editedStart - piece.sourceStart),
        valueLength: segment.editedEnd - segment.editedStart,
        sourceStart: segment.originalStart,
        sourceLength: segment.originalEnd - segment.originalStart,
      })
    }
  }
  const only = pieces[0]
  const identity =
    pieces.length === 1 && only !== undefined && only.sourceStart === start && only.sourceLength === value.length && end - start === value.length
  if (!identity) setAlignment(node, pieces)
}
