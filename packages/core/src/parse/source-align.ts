import type { Nodes, Root } from 'mdast'

/** A run of a text node's value and the source it came from (lengths differ for escapes and entities). */
export interface Piece {
  valueStart: number
  valueLength: number
  sourceStart: number
  sourceLength: number
}

// Text nodes whose value is not a verbatim copy of their source, keyed by node. A WeakMap, not
// `node.data`, so the tree that rules and plugins see is left exactly as remark built it.
const alignments = new WeakMap<object, Piece[]>()

const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y

function isLineEnding(char: string | undefined): boolean {
  return char === '\n' || char === '\r'
}

/** How many UTF-16 units an entity decodes to: exact for numeric ones, guessed for named ones. */
function decodedLength(entity: string, value: string, index: number, after: string | undefined): number {
  const numeric = /^&#(x?)([0-9a-f]+);$/i.exec(entity)
  if (numeric) {
    const code = Number.parseInt(numeric[2] ?? '', numeric[1] ? 16 : 10)
    return code > 0xffff && code <= 0x10ffff ? 2 : 1
  }
  // Named entities are one unit, bar a few ("&fjlig;") whose second unit is then followed by `after`.
  return after !== undefined && after !== '&' && value[index + 1] !== after && value[index + 2] === after ? 2 : 1
}

/**
 * Align a text node's value with its source. micromark drops the indentation and `>` markers of
 * continuation lines, trailing blanks before a line break, escape backslashes and entity names,
 * so without this every position after the first such place would drift.
 */
export function alignText(value: string, source: string, sourceStart: number): Piece[] {
  const pieces: Piece[] = []
  let run: Piece | null = null
  const push = (piece: Piece): void => {
    run = null
    pieces.push(piece)
  }
  let i = 0
  let j = sourceStart
  const end = sourceStart + source.length
  let atLineStart = false
  while (i < value.length && j < end) {
    const v = value[i]
    const s = source[j - sourceStart]
    // Escapes and entities first: `\\` and `&amp;` start with the very character they stand for.
    if (s === '\\' && source[j - sourceStart + 1] === v) {
      push({ valueStart: i, valueLength: 1, sourceStart: j, sourceLength: 2 })
      i++
      j += 2
      continue
    }
    if (s === '&') {
      ENTITY.lastIndex = j - sourceStart
      const entity = ENTITY.exec(source)
      if (entity && value.slice(i, i + entity[0].length) !== entity[0]) {
        const produced = decodedLength(entity[0], value, i, source[j - sourceStart + entity[0].length])
        push({ valueStart: i, valueLength: produced, sourceStart: j, sourceLength: entity[0].length })
        i += produced
        j += entity[0].length
        continue
      }
    }
    if (v === s) {
      if (run && run.valueStart + run.valueLength === i && run.sourceStart + run.sourceLength === j) {
        run.valueLength++
        run.sourceLength++
      } else {
        run = { valueStart: i, valueLength: 1, sourceStart: j, sourceLength: 1 }
        pieces.push(run)
      }
      atLineStart = isLineEnding(v) ? true : atLineStart && (v === ' ' || v === '\t')
      i++
      j++
      continue
    }
    // Blanks before a line break, and the indentation or quote markers after one, are not in the value.
    if ((s === ' ' || s === '\t') && (isLineEnding(v) || atLineStart)) {
      j++
      continue
    }
    if (s === '>' && atLineStart) {
      j++
      continue
    }
    break
  }
  if (i < value.length) {
    // Something we do not model: map the rest onto the rest of the source, clamped.
    pieces.push({ valueStart: i, valueLength: value.length - i, sourceStart: Math.min(j, end), sourceLength: Math.max(0, end - j) })
  }
  return pieces
}

/** Record alignments for every text node whose value differs in length from its source. */
export function registerSourceAlignment(tree: Root, source: string): void {
  const visit = (node: Nodes): void => {
    if (node.type === 'text') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start !== undefined && end !== undefined && end - start !== node.value.length) {
        alignments.set(node, alignText(node.value, source.slice(start, end), start))
      }
      return
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
}

/** Record the alignment of a text node whose value maps onto its source piece by piece. */
export function setAlignment(node: object, pieces: Piece[]): void {
  alignments.set(node, pieces)
}

export function alignmentOf(node: object): Piece[] | undefined {
  return alignments.get(node)
}
