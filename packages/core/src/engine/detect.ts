import placeholderData from '../data/placeholders.generated.js'
import type { PostmortemDocument, SectionKind } from '../model/types.js'

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
  if (postmortemKinds.length < 2 && !(postmortemKinds.length === 1 && doc.metadata.severity)) {
    const what = /^(readme|index|contributing|changelog|license)\b/.test(fileName)
      ? `looks like ${fileName.replace(/\.(md|markdown)$/, '')} page, not a postmortem`
      : 'not a postmortem'
    return `${what}: fewer than two postmortem sections (summary, impact, timeline, root cause, action items, ...)`
  }
  let blanks = 0
  for (const sentence of doc.prose) {
    for (const pattern of placeholderPatterns) {
      pattern.lastIndex = 0
      if (pattern.test(sentence.text)) blanks++
    }
  }
  const filledTimeline = (doc.timeline?.entries.filter((entry) => entry.time !== null).length ?? 0) > 0
  const filledActions = doc.actionItems.some((item) => item.owner !== null && !/^\W*$/.test(item.owner.raw))
  if (blanks >= 5 && !filledTimeline && !filledActions) return `a template: ${blanks} unfilled placeholders and no timeline or owned action items`
  return null
}
