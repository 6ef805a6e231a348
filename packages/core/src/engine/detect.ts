import placeholderData from '../data/placeholders.generated.js'
import { toString } from 'mdast-util-to-string'
import type { PostmortemDocument, Section, SectionKind } from '../model/types.js'
import { sectionBlocks } from '../parse/sections.js'

/** Section kinds only a postmortem has; a README or an index has none or one of them. */
const POSTMORTEM_KINDS: ReadonlySet<SectionKind> = new Set([
  'impact',
  'timeline',
  'root-cause',
  'contributing-factors',
  'causes',
  'five-whys',
  'action-items',
  'what-went-well',
  'what-went-poorly',
  'lessons-learned',
  'follow-up',
  'detection',
  'resolution',
  'summary',
])

const placeholderPatterns = placeholderData.placeholders.map(
  (entry) => new RegExp(entry.pattern, entry.caseSensitive ? 'gu' : 'giu'),
)

/**
 * Decide whether a document is a postmortem worth linting. Returns the reason to skip it, or
 * null. Deliberately conservative: a weak postmortem must still be linted, so only documents
 * with (almost) no postmortem structure, or a template still full of blanks, are skipped.
 */
export function reasonToSkip(doc: PostmortemDocument): string | null {
  if (doc.source.trim() === '') return 'empty file'
  const kinds = new Set(doc.allSections.map((section) => section.kind).filter((kind): kind is SectionKind => kind !== null))
  const postmortemKinds = [...kinds].filter((kind) => POSTMORTEM_KINDS.has(kind))
  const fileName = (doc.path ?? '').split(/[\\/]/).pop()?.toLowerCase() ?? ''
  // "Incident Report for ...", "Postmortem: ...": a document that says what it is is linted.
  const heading = doc.title?.text ?? doc.allSections[0]?.heading ?? ''
  const saysPostmortem = POSTMORTEM_TITLE.test(heading) && !/^(readme|index)\b/.test(fileName)
  if (postmortemKinds.length < 2 && !saysPostmortem && !(postmortemKinds.length === 1 && doc.metadata.severity)) {
    const what = /^(readme|index|contributing|changelog|license)\b/.test(fileName)
      ? `looks like a ${fileName.replace(/\.(md|markdown)$/, '')} page, not a postmortem`
      : 'not a postmortem'
    return `${what}: fewer than two postmortem sections (summary, impact, timeline, root cause, action items, ...)`
  }
  let blanks = 0
  for (const sentence of doc.prose) blanks += placeholderPatterns.filter((pattern) => matches(pattern, sentence.text)).length
  const filledTimeline = (doc.timeline?.entries.filter((entry) => entry.time !== null).length ?? 0) > 0
  // An owner of "[owner]" or "<name>" is the template's blank, not an owner.
  const filledActions = doc.actionItems.some((item) => item.owner !== null && !isBlank(item.owner.raw))
  if (blanks >= 5 && !filledTimeline && !filledActions) return `a template: ${blanks} unfilled placeholders and no timeline or owned action items`
  // A template's sections are headings with nothing (or a lone "-") under them.
  const classified = doc.allSections.filter((section) => section.kind !== null)
  const empty = classified.filter((section) => wordsIn(section) < 4)
  if (classified.length >= 3 && empty.length / classified.length >= 0.6 && !filledActions) {
    return `a template: ${empty.length} of ${classified.length} sections are empty`
  }
  return null
}

function matches(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0
  return pattern.test(text)
}

function isBlank(text: string): boolean {
  return /^\W*$/.test(text) || placeholderPatterns.some((pattern) => matches(pattern, text))
}

const POSTMORTEM_TITLE = /\b(?:incident|post[\s-]?mortem|outage|retrospective|retro|root cause analysis|rca|near[\s-]?miss)\b/i

function wordsIn(section: Section): number {
  let count = 0
  for (const node of sectionBlocks(section)) {
    if (node.type === 'heading') continue
    count += toString(node, { includeHtml: false }).split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
    if (count >= 4) return count
  }
  return count
}
