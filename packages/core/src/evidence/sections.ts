/**
 * The sections a postmortem is expected to have, and when a document has one. required-sections
 * and the rubric both read it from here, so a section the rule accepts is a section the score
 * counts.
 */
import type { PostmortemDocument, SectionKind, Span } from '../model/types.js'
import type { CategoryId } from '../rubric/categories.js'

/** A requirement and the section kinds that satisfy it. */
export const sectionRequirements = {
  summary: { kinds: ['summary'], heading: 'Summary', category: 'impact', core: false, why: 'readers outside the team start there' },
  impact: { kinds: ['impact'], heading: 'Impact', category: 'impact', core: true, why: 'severity and priorities are argued from the impact' },
  timeline: { kinds: ['timeline'], heading: 'Timeline', category: 'timeline', core: true, why: 'detection and mitigation gaps only show on a timeline' },
  'root-cause': { kinds: ['root-cause', 'causes', 'five-whys'], heading: 'Root cause', category: 'root-cause', core: true, why: 'the actions must trace back to a cause' },
  'contributing-factors': { kinds: ['contributing-factors', 'causes'], heading: 'Contributing factors', category: 'root-cause', core: false, why: 'incidents rarely have one cause, and the others need actions too' },
  'action-items': { kinds: ['action-items'], heading: 'Action items', category: 'action-items', core: true, why: 'without actions the same failure comes back' },
  lessons: { kinds: ['lessons-learned', 'what-went-well', 'what-went-poorly', 'where-we-got-lucky'], heading: 'Lessons learned', category: 'follow-up', core: false, why: 'what went well and poorly is what the next responder learns from' },
} as const satisfies Record<string, { kinds: readonly SectionKind[]; heading: string; category: CategoryId; core: boolean; why: string }>

export type SectionRequirement = keyof typeof sectionRequirements

/** Whether the document has a section that satisfies the requirement. */
export function hasRequiredSection(doc: PostmortemDocument, id: SectionRequirement): boolean {
  const kinds: readonly SectionKind[] = sectionRequirements[id].kinds
  if (doc.allSections.some((section) => section.kind !== null && kinds.includes(section.kind))) return true
  return id === 'action-items' && doc.actionItemsSection !== null
}

/**
 * Where a finding about the whole document goes: its title (or first heading), on one line, so
 * an editor or a PR annotation marks the title and not everything under it.
 */
export function documentAnchor(doc: PostmortemDocument): Span {
  const at = doc.title?.span ?? doc.sections[0]?.headingSpan ?? doc.span
  return { start: at.start, end: at.start.line === at.end.line ? at.end : at.start }
}
