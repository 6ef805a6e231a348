import type { List, RootContent } from 'mdast'
import type { CauseItem, Causes, Section } from '../model/types.js'
import { flattenInline } from './mapped-text.js'
import { sectionBlocks } from './sections.js'
import type { SourceMap } from './source-map.js'

const ROOT_CAUSE_LABEL = /^\s*(?:the\s+)?(?:primary\s+|underlying\s+)?root[\s-]?causes?\s*(?:\(s\))?\s*(?:is|was|:|—|–|-)\s*/i
const CONTRIBUTING_LABEL = /^\s*(?:other\s+)?(?:contributing|contributory)\s+(?:factors?|causes?|conditions?)\b\s*:?/i
const WHY_STEP = /^\s*(?:\d+[.)]\s*)?(?:why\b|because\b)/i

export interface CausesInputs {
  allSections: Section[]
  sourceMap: SourceMap
}

export function extractCauses({ allSections, sourceMap }: CausesInputs): Causes {
  const first = (kind: Section['kind']): Section | null => allSections.find((section) => section.kind === kind) ?? null
  const rootCauseSection = first('root-cause')
  const contributingSection = first('contributing-factors')
  const mergedSection = first('causes')
  const fiveWhysSection = first('five-whys')

  const itemOf = (node: RootContent): CauseItem => ({
    text: flattenInline(node, 'keep').text.replace(/\s+/g, ' ').trim(),
    span: sourceMap.span(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0),
  })

  let rootCause: CauseItem | null = null
  if (rootCauseSection) {
    const blocks = sectionBlocks(rootCauseSection).filter((node) => node.type === 'paragraph' || node.type === 'list')
    const text = blocks.map((node) => itemOf(node).text).join(' ').trim()
    rootCause = { text, span: rootCauseSection.span }
  }

  const contributingFactors: CauseItem[] = contributingSection ? itemsOf(sectionBlocks(contributingSection), itemOf) : []
  // A labelled list inside another section: "**Contributing factors:**" followed by a list.
  if (!contributingSection) {
    for (const section of [rootCauseSection, mergedSection]) {
      if (!section) continue
      const blocks = sectionBlocks(section)
      blocks.forEach((node, index) => {
        const next = blocks[index + 1]
        if (node.type === 'paragraph' && CONTRIBUTING_LABEL.test(itemOf(node).text) && next?.type === 'list') {
          contributingFactors.push(...next.children.map(itemOf))
        }
      })
    }
  }

  const mergedItems: CauseItem[] = []
  if (mergedSection) {
    const blocks = sectionBlocks(mergedSection)
    // Causes written as sub-headings ("### Public endpoint") are one item each.
    if (mergedSection.subsections.length > 0 && mergedSection.subsections.every((sub) => sub.kind === null)) {
      for (const sub of mergedSection.subsections) {
        const body = sectionBlocks(sub).map((node) => itemOf(node).text).join(' ')
        mergedItems.push({ text: `${sub.title}. ${body}`.trim(), span: sub.span })
      }
    } else {
      mergedItems.push(...itemsOf(blocks, itemOf))
    }
    // "Root cause: ..." labelled inside a merged section still names the root cause.
    if (!rootCause) {
      const labelled = mergedItems.find((item) => ROOT_CAUSE_LABEL.test(item.text))
      if (labelled) rootCause = labelled
    }
  }

  const fiveWhys: Causes['fiveWhys'] = []
  const whyLists = (section: Section | null): List[] =>
    section ? sectionBlocks(section).filter((node): node is List => node.type === 'list') : []
  for (const list of [...whyLists(fiveWhysSection), ...whyLists(rootCauseSection), ...whyLists(mergedSection)]) {
    const steps = list.children.map(itemOf)
    const isChain = list === whyLists(fiveWhysSection)[0] || steps.filter((step) => WHY_STEP.test(step.text)).length >= 2
    if (isChain && steps.length > 0) {
      fiveWhys.push({ span: sourceMap.span(list.position?.start.offset ?? 0, list.position?.end.offset ?? 0), steps })
    }
  }

  return { rootCauseSection, rootCause, contributingSection, contributingFactors, mergedSection, mergedItems, fiveWhys }
}

/** Top-level list items are items; without a list, each paragraph is one. */
function itemsOf(blocks: RootContent[], itemOf: (node: RootContent) => CauseItem): CauseItem[] {
  const lists = blocks.filter((node): node is List => node.type === 'list')
  if (lists.length > 0) return lists.flatMap((list) => list.children.map(itemOf))
  return blocks.filter((node) => node.type === 'paragraph').map(itemOf).filter((item) => item.text.length > 0)
}
