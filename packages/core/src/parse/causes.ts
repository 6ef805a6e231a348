import type { List, RootContent } from 'mdast'
import causeStatements from '../data/cause-statements.generated.js'
import type { CauseItem, Causes, Section, Sentence, Span } from '../model/types.js'
import { flattenInline } from './mapped-text.js'
import { nearestKind, sectionBlocks } from './sections.js'
import type { SourceMap } from './source-map.js'

const ROOT_CAUSE_LABEL = /^\s*(?:the\s+)?(?:primary\s+|underlying\s+)?root[\s-]?causes?\s*(?:\(s\)\s*)?(?:is|was|:|—|–|-)\s*/i
const CONTRIBUTING_LABEL = /^\s*(?:other\s+)?(?:contributing|contributory)\s+(?:factors?|causes?|conditions?)\b\s*:?/i
const WHY_STEP = /^\s*(?:\d+[.)]\s*)?(?:why\b|because\b)/i

export interface CausesInputs {
  allSections: Section[]
  sourceMap: SourceMap
  /** The document's sentences, for a cause stated in prose when no section names one. */
  prose?: Sentence[]
}

// One alternation per list, so each sentence is scanned once whatever the size of the list.
const phraseRegex = (phrases: readonly string[]): RegExp =>
  new RegExp(`(?:^|[^\\p{L}])(?:${[...phrases].sort((a, b) => b.length - a.length).map((phrase) => phrase.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`, 'iu')
const explicitCause = phraseRegex(causeStatements.explicit)
const causeConnectives = phraseRegex(causeStatements.connectives)
const forwardConnectives = new RegExp(phraseRegex(causeStatements['forward-connectives']).source, 'giu')
const incidentSubject = new RegExp(`^\\s*(?:${causeStatements['incident-subjects'].map((phrase) => phrase.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`, 'iu')
const incidentWords = new RegExp(`(?:^|[^\\p{L}])(?:${causeStatements['incident-words'].join('|')})(?![\\p{L}])`, 'iu')
// Sections whose sentences are never the statement of the incident's cause.
const NOT_CAUSAL: ReadonlySet<Section['kind']> = new Set(['timeline', 'action-items', 'follow-up', 'appendix', 'what-went-well', 'where-we-got-lucky', 'metadata'])

/**
 * The first sentence that states the incident's cause ("The outage was caused by an expired
 * certificate"), outside the timeline, the actions and the appendix; a sentence in the summary,
 * the impact or the narrative counts when it also names the failure.
 */
function statedCause(prose: Sentence[]): CauseItem | null {
  for (const sentence of prose) {
    if (sentence.context === 'heading' || NOT_CAUSAL.has(nearestKind(sentence.section))) continue
    const explicit = explicitCause.test(sentence.text)
    const named = incidentWords.test(sentence.text)
    if (!explicit && !(named && (causeConnectives.test(sentence.text) || causeComesFirst(sentence.text)))) continue
    return { text: sentence.text, span: sentence.span }
  }
  return null
}

/** "X, causing Y": a forward connective with something other than the incident before it. */
function causeComesFirst(text: string): boolean {
  forwardConnectives.lastIndex = 0
  const match = forwardConnectives.exec(text)
  if (!match) return false
  const before = text.slice(0, match.index)
  return /\p{L}{3}/u.test(before) && !incidentSubject.test(before)
}

export function extractCauses({ allSections, sourceMap, prose }: CausesInputs): Causes {
  const first = (kind: Section['kind']): Section | null => allSections.find((section) => section.kind === kind) ?? null
  const rootCauseSection = first('root-cause')
  const contributingSection = first('contributing-factors')
  const mergedSection = first('causes')
  const fiveWhysSection = first('five-whys')

  const itemOf = (node: RootContent): CauseItem => ({
    text: blockText(node).replace(/\s+/g, ' ').trim(),
    span: sourceMap.span(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0),
  })

  const spanOfBlocks = (blocks: RootContent[]): Span | null => {
    const first = blocks[0]
    const last = blocks[blocks.length - 1]
    return first && last ? sourceMap.span(first.position?.start.offset ?? 0, last.position?.end.offset ?? 0) : null
  }

  // A "**Contributing factors:**" paragraph inside the root-cause section starts the factors: what
  // follows it is not part of the root cause.
  let rootCause: CauseItem | null = null
  let rootCauseSource: Causes['rootCauseSource'] = null
  if (rootCauseSection) {
    const blocks = ownBlocks(rootCauseSection)
    const labelAt = blocks.findIndex((node) => node.type === 'paragraph' && CONTRIBUTING_LABEL.test(itemOf(node).text))
    const own = (labelAt >= 0 ? blocks.slice(0, labelAt) : blocks).filter((node) => node.type === 'paragraph' || node.type === 'list')
    const text = own.map((node) => itemOf(node).text).join(' ').trim()
    const span = spanOfBlocks(own)
    if (text && span) {
      rootCause = { text, span }
      rootCauseSource = 'section'
    }
  }

  const contributingFactors: CauseItem[] = contributingSection ? itemsOfSection(contributingSection, itemOf) : []
  // A labelled list inside another section: "**Contributing factors:**" followed by a list.
  if (!contributingSection) {
    for (const section of [rootCauseSection, mergedSection]) {
      if (!section) continue
      const blocks = sectionBlocks(section)
      blocks.forEach((node, index) => {
        const next = blocks[index + 1]
        if (node.type === 'paragraph' && CONTRIBUTING_LABEL.test(itemOf(node).text) && next?.type === 'list') {
          contributingFactors.push(...itemsOf([next], itemOf))
        }
      })
    }
  }

  const mergedItems: CauseItem[] = mergedSection ? itemsOfSection(mergedSection, itemOf) : []
  // "Root cause: ..." labelled inside a merged section still names the root cause.
  if (!rootCause) {
    const labelled = mergedItems.find((item) => ROOT_CAUSE_LABEL.test(item.text))
    if (labelled) {
      const text = labelled.text.replace(ROOT_CAUSE_LABEL, '').trim()
      rootCause = { text: text || labelled.text, span: labelled.span }
      rootCauseSource = 'label'
    }
  }
  // "Why did it happen?" answered in prose, with no list of causes: the answer is the cause.
  if (!rootCause && mergedSection && mergedItems.length >= 1 && !sectionBlocks(mergedSection).some((node) => node.type === 'list')) {
    const paragraphs = mergedSection.nodes.filter((node) => node.type === 'paragraph')
    const span = spanOfBlocks(paragraphs)
    const text = paragraphs.map((node) => itemOf(node).text).join(' ').trim()
    if (text && span && mergedSection.subsections.length === 0) {
      rootCause = { text, span }
      rootCauseSource = 'merged'
    }
  }

  const fiveWhys: Causes['fiveWhys'] = []
  const whyLists = (section: Section | null): List[] =>
    section ? sectionBlocks(section).filter((node): node is List => node.type === 'list') : []
  // A "### Five whys" inside "## Root cause" is reached from both sections: each list counts once.
  const chainLists = new Set([...whyLists(fiveWhysSection), ...whyLists(rootCauseSection), ...whyLists(mergedSection)])
  for (const list of chainLists) {
    const steps = list.children.map(itemOf)
    const questions = whyQuestions([list], itemOf)
    const isChain = list === whyLists(fiveWhysSection)[0] || steps.filter((step) => WHY_STEP.test(step.text)).length >= 2 || questions.length >= 2
    if (!isChain || steps.length === 0) continue
    // A chain written as nested bullets under "**Why …?**" questions is as deep as its questions.
    fiveWhys.push({ span: sourceMap.span(list.position?.start.offset ?? 0, list.position?.end.offset ?? 0), steps: questions.length > steps.length ? questions : steps })
  }
  // A chain written as paragraphs ("**Why?** The node could not mount its volume."), one per level.
  for (const section of new Set([fiveWhysSection, rootCauseSection, mergedSection])) {
    if (!section) continue
    const paragraphs = sectionBlocks(section).filter((node) => node.type === 'paragraph')
    const steps = whyQuestions(paragraphs, itemOf)
    if (steps.length >= 2) fiveWhys.push({ span: spanOfBlocks(paragraphs)!, steps })
  }

  if (!rootCause && mergedItems.length === 0 && prose) {
    const stated = statedCause(prose)
    if (stated) {
      rootCause = stated
      rootCauseSource = 'sentence'
    }
  }
  return { rootCauseSection, rootCause, rootCauseSource, contributingSection, contributingFactors, mergedSection, mergedItems, fiveWhys }
}

/**
 * A section's blocks without its subsections of another kind: the "### Contributing factors" or
 * "### Five whys" under "## Root cause analysis" are not part of the root cause's own text.
 */
function ownBlocks(section: Section): RootContent[] {
  const blocks: RootContent[] = [...section.nodes]
  for (const sub of section.subsections) {
    if (sub.kind === null || sub.kind === section.kind) blocks.push(sub.headingNode, ...ownBlocks(sub))
  }
  return blocks
}

/**
 * The "why" steps among blocks, at any depth of list nesting: paragraphs that ask or answer a why
 * ("**Why was the pull request not reviewed?**", "Why? Because …", "2. Why did it run twice?").
 */
function whyQuestions(blocks: RootContent[], itemOf: (node: RootContent) => CauseItem): CauseItem[] {
  const steps: CauseItem[] = []
  const visit = (node: RootContent): void => {
    if (node.type === 'paragraph') {
      const item = itemOf(node)
      if (WHY_STEP.test(item.text)) steps.push(item)
    } else if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') {
      node.children.forEach(visit)
    }
  }
  blocks.forEach(visit)
  return steps
}

/** The text of a block; the blocks inside a list or list item are joined with spaces, not glued. */
function blockText(node: RootContent): string {
  switch (node.type) {
    case 'list':
    case 'listItem':
    case 'blockquote':
      return node.children.map((child) => blockText(child)).join(' ')
    case 'code':
    case 'html':
    case 'yaml':
      return ''
    default:
      return flattenInline(node, 'keep').text
  }
}

/** Top-level list items are items; without a list, each paragraph is one. Empty items are dropped. */
function itemsOf(blocks: RootContent[], itemOf: (node: RootContent) => CauseItem): CauseItem[] {
  const lists = blocks.filter((node): node is List => node.type === 'list')
  const items = lists.length > 0 ? lists.flatMap((list) => list.children.map(itemOf)) : blocks.filter((node) => node.type === 'paragraph').map(itemOf)
  return items.filter((item) => item.text.length > 0)
}

/** Items of a cause section; causes written as sub-headings ("### Public endpoint") are one item each. */
function itemsOfSection(section: Section, itemOf: (node: RootContent) => CauseItem): CauseItem[] {
  if (section.subsections.length === 0 || section.subsections.some((sub) => sub.kind !== null)) {
    return itemsOf(sectionBlocks(section), itemOf)
  }
  const items = itemsOf(section.nodes, itemOf)
  for (const sub of section.subsections) {
    const body = sectionBlocks(sub).map((node) => itemOf(node).text).filter(Boolean).join(' ')
    items.push({ text: `${sub.title}. ${body}`.trim(), span: sub.span })
  }
  return items
}
