import type { Heading, Root, RootContent } from 'mdast'
import type { Section, SectionKind } from '../model/types.js'
import { flattenInline } from './mapped-text.js'
import { classifyHeading, isSynonymHeading, normaliseHeading, type NormalisedHeading } from './heading-title.js'
import type { SourceMap } from './source-map.js'

/**
 * Subsections of these kinds are groupings of their parent's content ("### Detection" under
 * action items is a category of actions, "### Thursday 6 March" under the timeline is a date),
 * so they are not classified as sections of their own.
 */
const GROUPING_PARENTS: ReadonlySet<SectionKind> = new Set(['action-items', 'timeline', 'appendix', 'follow-up', 'impact'])

export interface SectionTree {
  title: { text: string; heading: Heading } | null
  /** Blocks before the first section: the title block, metadata lines, intro. */
  preamble: RootContent[]
  sections: Section[]
  allSections: Section[]
}

export function buildSections(tree: Root, sourceMap: SourceMap): SectionTree {
  const roots: Section[] = []
  const all: Section[] = []
  const stack: Section[] = []
  const preamble: RootContent[] = []
  let title: SectionTree['title'] = null
  const end = sourceMap.length

  const firstHeading = tree.children.find((node): node is Heading => node.type === 'heading')

  for (const node of tree.children) {
    if (node.type === 'heading') {
      const text = flattenInline(node, 'keep').text.trim()
      const normalised = normaliseHeading(text)
      // An H1 that opens the document and names no section is its title; its content is the preamble.
      if (node === firstHeading && isTitleHeading(node, normalised)) {
        title = { text, heading: node }
        continue
      }
      while (stack.length > 0 && stack[stack.length - 1]!.depth >= node.depth) stack.pop()
      const parent = stack[stack.length - 1] ?? null
      const groupingParent = parent !== null && nearestKind(parent) !== null && GROUPING_PARENTS.has(nearestKind(parent)!)
      const kind = groupingParent ? null : classifyHeading(normalised)
      const start = node.position?.start.offset ?? 0
      const section: Section = {
        kind,
        heading: text,
        title: normalised.title,
        qualifiers: normalised.qualifiers,
        depth: node.depth,
        headingSpan: sourceMap.span(start, node.position?.end.offset ?? start),
        headingNode: node,
        span: sourceMap.span(start, end),
        nodes: [],
        subsections: [],
        parent,
      }
      if (parent) parent.subsections.push(section)
      else roots.push(section)
      all.push(section)
      stack.push(section)
      continue
    }
    const current = stack[stack.length - 1]
    if (current) current.nodes.push(node)
    else preamble.push(node)
  }

  closeSpans(roots, end, sourceMap)
  return { title, preamble, sections: roots, allSections: all }
}

/**
 * Whether the document's first heading is its title: an H1 that names no section, or one that
 * only mentions a section word in a longer title ("Outage report: lesson videos would not play").
 */
export function isTitleHeading(heading: Heading, normalised: NormalisedHeading): boolean {
  if (heading.depth !== 1) return false
  if (classifyHeading(normalised) === null) return true
  return !isSynonymHeading(normalised) && normalised.title.split(/\s+/).length >= 5
}

/** A section ends where the next section of the same or a shallower depth starts. */
function closeSpans(sections: Section[], parentEnd: number, sourceMap: SourceMap): void {
  sections.forEach((section, index) => {
    const next = sections[index + 1]
    const endOffset = next ? next.headingSpan.start.offset : parentEnd
    // Blank lines before the next heading belong to no section.
    section.span = sourceMap.span(section.headingSpan.start.offset, sourceMap.trimEnd(section.headingSpan.start.offset, endOffset))
    closeSpans(section.subsections, endOffset, sourceMap)
  })
}

/** The kind of a section or of its nearest classified ancestor. */
export function nearestKind(section: Section | null): SectionKind | null {
  for (let current = section; current; current = current.parent) if (current.kind) return current.kind
  return null
}

/** The section itself or its nearest classified ancestor. */
export function nearestClassified(section: Section | null): Section | null {
  for (let current = section; current; current = current.parent) if (current.kind) return current
  return null
}

/** All blocks of a section, its subsections' headings and blocks included, in document order. */
export function sectionBlocks(section: Section): RootContent[] {
  const blocks: RootContent[] = [...section.nodes]
  for (const sub of section.subsections) blocks.push(sub.headingNode, ...sectionBlocks(sub))
  return blocks
}
