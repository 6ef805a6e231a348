import type { Nodes, Root } from 'mdast'
import { alignText } from './source-align.js'
import { SourceMap } from './source-map.js'

/** A unist point, named here so the module needs no types beyond mdast's. */
type Point = NonNullable<Root['position']>['start']

/**
 * Give every node of the tree a position. micromark positions everything it tokenizes, but
 * mdast transforms that rebuild nodes leave theirs out: remark-gfm's autolink-literal transform
 * (a URL or e-mail address after "[" or a quote, which micromark's own literal construct does
 * not start on) replaces one positioned text node with text, link and text nodes that have none.
 * Without this, everything that maps text back to the source falls back to the start of the
 * paragraph, and findings are reported on the wrong line with no width.
 *
 * Unpositioned nodes are recovered from the source between their positioned neighbours (or the
 * edges of their parent), by aligning their text with it the way text nodes are aligned
 * (escapes, entities, continuation indentation). A container gets the extent of its children.
 * Runs in time proportional to the tree, and does nothing when every node has a position.
 */
export function fillMissingPositions(tree: Root, source: string): void {
  let sourceMap: SourceMap | null = null
  const point = (offset: number): Point => {
    sourceMap ??= new SourceMap(source)
    const { line, column } = sourceMap.pointAt(offset)
    return { line, column, offset }
  }
  const visit = (node: Nodes): void => {
    if (!('children' in node)) return
    const children = node.children as Nodes[]
    const parentStart = node.position?.start.offset
    const parentEnd = node.position?.end.offset
    if (parentStart === undefined || parentEnd === undefined) return
    let index = 0
    while (index < children.length) {
      const child = children[index]!
      if (hasPosition(child)) {
        visit(child)
        index++
        continue
      }
      // A run of unpositioned siblings lies between the neighbours that have positions.
      let runEnd = index
      while (runEnd < children.length && !hasPosition(children[runEnd]!)) runEnd++
      const from = index > 0 ? endOf(children[index - 1]!) : parentStart
      const to = runEnd < children.length ? startOf(children[runEnd]!) : parentEnd
      const cursor = { at: from }
      for (const member of children.slice(index, runEnd)) place(member, source, cursor, Math.max(from, to), point)
      index = runEnd
    }
  }
  visit(tree)
}

function hasPosition(node: Nodes): boolean {
  return node.position?.start.offset !== undefined && node.position.end.offset !== undefined
}

function startOf(node: Nodes): number {
  return node.position!.start.offset!
}

function endOf(node: Nodes): number {
  return node.position!.end.offset!
}

/** Position `node` (and its subtree) in `source` from `cursor.at`, never past `limit`. */
function place(node: Nodes, source: string, cursor: { at: number }, limit: number, point: (offset: number) => Point): void {
  if (hasPosition(node)) {
    // A positioned node inside an unpositioned one anchors the cursor.
    cursor.at = Math.max(cursor.at, endOf(node))
    return
  }
  let start: number
  let end: number
  if ('children' in node) {
    const children = node.children as Nodes[]
    const before = cursor.at
    for (const child of children) place(child, source, cursor, limit, point)
    const placed = children.filter(hasPosition)
    start = placed.length > 0 ? startOf(placed[0]!) : before
    end = placed.length > 0 ? endOf(placed[placed.length - 1]!) : before
  } else if (node.type === 'text') {
    ;[start, end] = locateText(node.value, source, cursor.at, limit)
  } else if ('value' in node && typeof node.value === 'string' && node.value !== '') {
    // Inline code, HTML: the value is verbatim somewhere ahead (inside backticks for code).
    const found = source.indexOf(node.value, cursor.at)
    if (found >= 0 && found + node.value.length <= limit) {
      start = found
      end = found + node.value.length
      if (node.type === 'inlineCode') {
        while (start > cursor.at && source[start - 1] === '`') start--
        while (end < limit && source[end] === '`') end++
      }
    } else {
      start = end = cursor.at
    }
  } else {
    start = end = cursor.at
  }
  node.position = { start: point(start), end: point(end) }
  cursor.at = Math.max(cursor.at, end)
}

// Markup a run can start after (emphasis markers, a heading's "#" and spaces, a link's "["):
// a few characters, never a paragraph.
const MAX_SKIP = 64

/**
 * Where `value` lies in `source` at or after `from`: the first offset (within MAX_SKIP) where
 * the whole value aligns, else the alignment from `from` itself, clamped to `limit`. Only as
 * much source is looked at as the value can take (escapes and entities are a few times longer
 * than what they produce; each line break may be followed by indentation and quote markers, at
 * most 100 levels deep after the complexity pre-scan), so a paragraph of many links stays linear.
 */
function locateText(value: string, source: string, from: number, limit: number): [number, number] {
  if (value === '') return [from, from]
  let lineBreaks = 0
  for (let index = value.indexOf('\n'); index >= 0; index = value.indexOf('\n', index + 1)) lineBreaks++
  for (let index = value.indexOf('\r'); index >= 0; index = value.indexOf('\r', index + 1)) lineBreaks++
  const window = source.slice(from, Math.min(limit, from + MAX_SKIP + value.length * 8 + lineBreaks * 512 + 16))
  const found = alignedAt(value, window, from)
  if (found) return found
  const pieces = alignText(value, window, from)
  const last = pieces[pieces.length - 1]
  return [from, Math.min(limit, last ? last.sourceStart + last.sourceLength : from)]
}

function alignedAt(value: string, window: string, from: number): [number, number] | null {
  for (let skip = 0; skip <= Math.min(MAX_SKIP, window.length - 1); skip++) {
    if (!startsLike(window, skip, value)) continue
    const rest = window.slice(skip)
    const pieces = alignText(value, rest, from + skip)
    const last = pieces[pieces.length - 1]
    if (last && aligned(pieces, value, rest, from + skip)) return [pieces[0]!.sourceStart, last.sourceStart + last.sourceLength]
  }
  return null
}

/** Whether `value` could start at `window[skip]`: the same character, an escape or an entity. */
function startsLike(window: string, skip: number, value: string): boolean {
  const char = window[skip]
  return char === value[0] || char === '&' || (char === '\\' && window[skip + 1] === value[0])
}

const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});$/

/**
 * Whether the pieces account for all of the value with source that really produces it: verbatim
 * runs, escapes and entities. alignText maps a rest it cannot model onto the rest of the source,
 * which is right for a node whose extent is known and wrong for one being looked for.
 */
function aligned(pieces: ReturnType<typeof alignText>, value: string, source: string, offset: number): boolean {
  let covered = 0
  for (const piece of pieces) {
    if (piece.valueStart !== covered) return false
    const produced = value.slice(piece.valueStart, piece.valueStart + piece.valueLength)
    const written = source.slice(piece.sourceStart - offset, piece.sourceStart - offset + piece.sourceLength)
    const ok = produced === written || (written.length === 2 && written === `\\${produced}`) || ENTITY.test(written)
    if (!ok) return false
    covered += piece.valueLength
  }
  return covered === value.length
}
