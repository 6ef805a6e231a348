import type { Code, Heading, Html, Paragraph, Root, RootContent } from 'mdast'
import type { SectionKind } from '../../model/types.js'
import { classifyHeading, normaliseHeading } from '../heading-title.js'
import { isMetadataLabel } from '../metadata.js'
import { isTitleHeading } from '../sections.js'
import { splitLeadingTimestamp } from '../time/index.js'
import { flattenInline } from '../mapped-text.js'
import type { SourceMap } from '../source-map.js'
import type { Edit } from './edits.js'
import { readHeadingLine, type HeadingLine } from './heading-lines.js'
import { continuesLine, sourceLines, type SourceLine } from './lines.js'
import { htmlHeadingEdits } from './html-headings.js'
import { looksLikeProse } from './prose-code.js'
import { reparseRegion } from './reparse.js'

/**
 * Sections whose sub-headings group their content ("**Detection**" under action items is a
 * category of actions) rather than start a section of their own.
 */
const GROUPING_KINDS: ReadonlySet<SectionKind> = new Set(['action-items', 'timeline', 'appendix', 'follow-up', 'impact'])
/** Kinds that never group another section's content: a reader sees a new section. */
const MAJOR_KINDS: ReadonlySet<SectionKind> = new Set([
  'summary',
  'impact',
  'timeline',
  'root-cause',
  'contributing-factors',
  'causes',
  'five-whys',
  'what-went-well',
  'what-went-poorly',
  'where-we-got-lucky',
  'lessons-learned',
  'action-items',
])

/** What a merged causes section is made of. */
const CAUSE_PARTS: ReadonlySet<SectionKind> = new Set(['root-cause', 'contributing-factors', 'five-whys'])

interface OpenSection {
  depth: number
  kind: SectionKind | null
  recovered: boolean
  /** The document's title: its content is the preamble, not a section. */
  title: boolean
}

/**
 * Recover the structure a reader sees where the Markdown says something else: headings written
 * as plain, bold, upper-case, question or HTML lines, labels that open a section ("Root cause:
 * ..."), headings that carry their first sentence, indented prose that Markdown renders as code,
 * a whole document inside a ```markdown fence. The tree's top-level blocks are replaced in place;
 * every recovered node keeps exact positions in the original source (see reparse.ts).
 */
export function recoverStructure(tree: Root, sourceMap: SourceMap): void {
  const unwrapped = unwrapMisreadBlocks(tree.children, sourceMap)
  tree.children = recoverHeadings(promoteTitleLine(unwrapped, sourceMap), sourceMap)
}

/**
 * The first line of a document that has no Markdown title is its title, as a reader sees it
 * ("Postmortem: booking site down", "EMBERFALL WORLD ROLLBACK POSTMORTEM"), when it is a short
 * line that is not a sentence, a section heading, a field or a timed entry.
 */
function promoteTitleLine(blocks: RootContent[], sourceMap: SourceMap): RootContent[] {
  const source = sourceMap.source
  if (blocks.some((block) => block.type === 'heading' && block.depth === 1)) return blocks
  const index = blocks.findIndex((block) => block.type !== 'yaml' && (block.type as string) !== 'toml' && block.type !== 'html')
  const first = blocks[index]
  if (!first || first.type !== 'paragraph') return blocks
  const start = first.position?.start.offset
  const end = first.position?.end.offset
  if (start === undefined || end === undefined) return blocks
  const [line, next] = sourceLines(source, start, end)
  if (!line) return blocks
  const text = source.slice(line.contentStart, line.end).trim()
  const words = text.split(/\s+/)
  if (words.length > 16 || words.length < 2 || /[.,;]$/.test(text) || !/\p{L}/u.test(text)) return blocks
  if (readHeadingLine(source, line.start, line.end, { alone: next === undefined })?.kind) return blocks
  if (isFieldOrEntry(text)) return blocks
  // "A sentence with a hard\nbreak in it": a line the next one carries on is not a title.
  if (next && continuesLine(text, source.slice(next.contentStart, next.end))) return blocks
  const edits: Edit[] = [{ start: line.contentStart, end: line.contentStart, text: '# ' }]
  if (next) edits.push({ start: trimmedEnd(source, line), end: next.contentStart, text: '\n\n' })
  return [...blocks.slice(0, index), ...reparseRegion(sourceMap, start, end, edits), ...blocks.slice(index + 1)]
}

/** "Date: 2025-03-14", "Severity: P3", "10:05 UTC alert fired": not a title. */
function isFieldOrEntry(text: string): boolean {
  const plain = text.replace(/[*_]/g, '')
  const colon = plain.indexOf(':')
  if (colon > 0 && isMetadataLabel(plain.slice(0, colon))) return true
  return splitLeadingTimestamp(plain)?.timestamp.time != null
}

/** A fenced document and indented prose become the blocks they hold. */
function unwrapMisreadBlocks(blocks: RootContent[], sourceMap: SourceMap): RootContent[] {
  const source = sourceMap.source
  const result: RootContent[] = []
  for (const block of blocks) {
    if (block.type === 'code' && isFencedDocument(block, source, sourceMap.length)) {
      const region = fenceContent(block, source)
      if (region) {
        result.push(...reparseRegion(sourceMap, region.start, region.end, []))
        continue
      }
    }
    if (block.type === 'code' && isIndented(block, source)) {
      const start = block.position?.start.offset ?? 0
      const end = block.position?.end.offset ?? start
      const lines = sourceLines(source, start, end)
      if (looksLikeProse(lines.map((line) => source.slice(line.contentStart, line.end)))) {
        result.push(...reparseRegion(sourceMap, start, end, splitLineEdits(lines, source, () => false)))
        continue
      }
    }
    result.push(block)
  }
  return result
}

function isIndented(block: Code, source: string): boolean {
  const start = block.position?.start.offset
  if (start === undefined) return false
  const first = source.slice(start, start + 4).trimStart()[0]
  return first !== '`' && first !== '~'
}

/** A ```markdown fence holding most of the file is the document itself, pasted from somewhere. */
function isFencedDocument(block: Code, source: string, length: number): boolean {
  if (!block.lang || !/^(?:markdown|md|gfm)$/i.test(block.lang)) return false
  return block.value.length >= 0.5 * length && /^#{1,6}\s/m.test(block.value) && source.length > 0
}

function fenceContent(block: Code, source: string): { start: number; end: number } | null {
  const start = block.position?.start.offset
  const end = block.position?.end.offset
  if (start === undefined || end === undefined) return null
  const lines = sourceLines(source, start, end)
  const first = lines[0]
  const last = lines[lines.length - 1]
  if (!first || !last || lines.length < 2) return null
  const closed = /^\s*(?:`{3,}|~{3,})\s*$/.test(source.slice(last.start, last.end))
  return { start: first.next, end: closed ? last.start : end }
}

/**
 * Edits that give every line of a block its own paragraph unless it wraps the one before, and
 * drop the indentation that would make a line after a paragraph break read as code.
 */
function splitLineEdits(lines: SourceLine[], source: string, breakBefore: (index: number) => boolean): Edit[] {
  const edits: Edit[] = []
  for (let index = 1; index < lines.length; index++) {
    const previous = lines[index - 1]!
    const current = lines[index]!
    const previousText = source.slice(previous.contentStart, previous.end)
    const currentText = source.slice(current.contentStart, current.end)
    if (currentText.trim() === '') continue
    if (breakBefore(index) || !continuesLine(previousText, currentText)) {
      edits.push({ start: trimmedEnd(source, previous), end: current.contentStart, text: '\n\n' })
    } else if (current.contentStart > current.start) {
      edits.push({ start: current.start, end: current.contentStart, text: '' })
    }
  }
  const first = lines[0]
  if (first && first.contentStart > first.start) edits.push({ start: first.start, end: first.contentStart, text: '' })
  return edits
}

function trimmedEnd(source: string, line: SourceLine): number {
  let end = line.end
  while (end > line.contentStart && /[ \t]/.test(source[end - 1] ?? '')) end--
  return end
}

function recoverHeadings(blocks: RootContent[], sourceMap: SourceMap): RootContent[] {
  const source = sourceMap.source
  const realKinds = new Set<SectionKind>()
  const firstHeading = blocks.find((block): block is Heading => block.type === 'heading')
  for (const block of blocks) {
    if (block.type !== 'heading') continue
    const normalised = normaliseHeading(flattenInline(block, 'keep').text.trim())
    const kind = block === firstHeading && isTitleHeading(block, normalised) ? null : classifyHeading(normalised)
    if (kind) realKinds.add(kind)
  }
  const stack: OpenSection[] = []
  const open = (section: OpenSection): void => {
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= section.depth) stack.pop()
    stack.push(section)
  }
  const result: RootContent[] = []
  for (const block of blocks) {
    if (block.type === 'heading') {
      const text = flattenInline(block, 'keep').text.trim()
      const normalised = normaliseHeading(text)
      const isTitle = block === firstHeading && isTitleHeading(block, normalised)
      const kind = isTitle ? null : classifyHeading(normalised)
      const split = isTitle ? null : headingWithContent(block, sourceMap)
      if (split) {
        const nodes = reparseRegion(sourceMap, split.start, split.end, split.edits)
        result.push(...nodes)
        open({ depth: block.depth, kind: split.kind, recovered: false, title: false })
        continue
      }
      open({ depth: block.depth, kind, recovered: false, title: isTitle })
      result.push(block)
      continue
    }
    if (block.type === 'paragraph' || block.type === 'html') {
      const recovered = block.type === 'paragraph' ? paragraphHeadings(block, source, stack, realKinds) : htmlHeadings(block, source)
      if (recovered) {
        // A line that is all heading needs no parse: its inline content is the heading's.
        const nodes: RootContent[] =
          'heading' in recovered ? [recovered.heading] : reparseRegion(sourceMap, recovered.start, recovered.end, recovered.edits)
        for (const node of nodes) {
          if (node.type !== 'heading') continue
          const kind = classifyHeading(normaliseHeading(flattenInline(node, 'keep').text.trim()))
          open({ depth: node.depth, kind, recovered: true, title: false })
        }
        result.push(...nodes)
        continue
      }
    }
    result.push(block)
  }
  return result
}

interface RegionEdits {
  start: number
  end: number
  edits: Edit[]
}

/** "## Root Cause: The issue stemmed from ...": the heading, then its first paragraph. */
function headingWithContent(heading: Heading, sourceMap: SourceMap): (RegionEdits & { kind: SectionKind }) | null {
  const mapped = flattenInline(heading, 'keep')
  const text = mapped.text
  const colon = text.indexOf(':')
  if (colon <= 0) return null
  const label = text.slice(0, colon).trim()
  const rest = text.slice(colon + 1).trim()
  if (label.split(/\s+/).length > 6 || rest.split(/\s+/).length < 4) return null
  const kind = classifyHeading(normaliseHeading(label))
  if (!kind) return null
  let restIndex = colon + 1
  while (/\s/.test(text[restIndex] ?? '')) restIndex++
  const labelEnd = mapped.sourceEndAt(colon + 1)
  const restStart = mapped.sourceOffsetAt(restIndex)
  const start = heading.position?.start.offset
  const end = heading.position?.end.offset
  if (start === undefined || end === undefined || restStart <= labelEnd) return null
  // Only plain text between the colon and the sentence: markup there is left as written.
  if (sourceMap.source.slice(labelEnd, restStart).trim() !== '') return null
  return { start, end, edits: [{ start: labelEnd, end: restStart, text: '\n\n' }], kind }
}

/**
 * The heading lines of a paragraph, as edits that make each one a heading of the depth its place
 * gives it, with the lines between them split into paragraphs where the author broke them.
 */
function paragraphHeadings(
  paragraph: Paragraph,
  source: string,
  stack: OpenSection[],
  realKinds: ReadonlySet<SectionKind>,
): RegionEdits | { heading: Heading } | null {
  const start = paragraph.position?.start.offset
  const end = paragraph.position?.end.offset
  if (start === undefined || end === undefined) return null
  const lines = sourceLines(source, start, end)
  const alone = lines.length === 1
  const candidates = lines.map((line) => readHeadingLine(source, line.start, line.end, { alone }))
  if (candidates.every((candidate) => candidate === null)) return null

  const local = [...stack]
  const promoted = new Map<number, { heading: HeadingLine; depth: number }>()
  candidates.forEach((candidate, index) => {
    if (!candidate) return
    // A label line whose section the document already has under a real heading is a field of
    // the section it sits in ("Root cause: ..." in a summary), not a second root-cause section.
    if (candidate.restStart !== null && candidate.kind && realKinds.has(candidate.kind)) return
    const depth = depthFor(candidate.kind, local)
    if (depth === null) return
    promoted.set(index, { heading: candidate, depth })
    while (local.length > 0 && local[local.length - 1]!.depth >= depth) local.pop()
    local.push({ depth, kind: candidate.kind, recovered: true, title: false })
  })
  if (promoted.size === 0) return null
  const only = promoted.get(0)
  if (lines.length === 1 && only && only.heading.restStart === null) {
    const heading: Heading = { type: 'heading', depth: only.depth as Heading['depth'], children: paragraph.children }
    if (paragraph.position) heading.position = paragraph.position
    return { heading }
  }

  const edits = splitLineEdits(lines, source, (index) => promoted.has(index) || promoted.has(index - 1))
  for (const { heading, depth } of promoted.values()) {
    edits.push({ start: heading.start, end: heading.start, text: `${'#'.repeat(depth)} ` })
    if (heading.restStart !== null) edits.push({ start: heading.labelEnd, end: heading.restStart, text: '\n\n' })
  }
  return { start, end, edits: withoutOverlaps(edits) }
}

/**
 * Where a recovered heading sits: beside the section it follows when that section has another
 * kind, inside it when the section is unnamed or groups its content, nowhere when it repeats the
 * section's own name.
 */
function depthFor(kind: SectionKind | null, stack: readonly OpenSection[]): number | null {
  const current = stack[stack.length - 1]
  if (!current || current.title) return Math.min(6, (current?.depth ?? 1) + 1)
  if (kind !== null && kind === current.kind) return null
  const child = Math.min(6, current.depth + 1)
  // A line that names no section is a sub-heading of the section it is in ("**Technical:**"
  // under contributing factors), or the next of a run of such lines.
  if (kind === null) return current.recovered && current.kind === null ? current.depth : child
  // "Why it happened" holding "Root cause: ..." and "Things that made it worse:": its parts.
  if (current.kind === 'causes' && !current.recovered && CAUSE_PARTS.has(kind)) return child
  if (current.recovered) return current.depth
  if (current.kind !== null && GROUPING_KINDS.has(current.kind) && !MAJOR_KINDS.has(kind)) return child
  if (current.kind === null) return child
  return current.depth
}

function htmlHeadings(node: Html, source: string): RegionEdits | null {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return null
  const edits = htmlHeadingEdits(source, sourceLines(source, start, end))
  return edits ? { start, end, edits } : null
}

/** Edits sorted by offset, dropping any that overlap an earlier one. */
function withoutOverlaps(edits: Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  const kept: Edit[] = []
  let cursor = -1
  for (const edit of sorted) {
    if (edit.start < cursor) continue
    kept.push(edit)
    cursor = Math.max(edit.end, edit.start === edit.end ? edit.start : edit.end)
  }
  return kept
}
