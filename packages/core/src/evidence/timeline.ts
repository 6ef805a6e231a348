/**
 * What a timeline shows: which milestones its entries mark and which time zones it states.
 * timeline-order and the rubric's timeline category both read it from here.
 */
import milestoneData from '../data/milestone-keywords.generated.js'
import type { Timeline, TimelineEntry } from '../model/types.js'
import { PhraseMatcher } from '../nlp/phrase-matcher.js'
import { tokenize } from '../nlp/tokens.js'
import { findTimeZone } from '../parse/time/index.js'

export type Milestone = 'onset' | 'detection' | 'mitigation' | 'resolution'

const milestoneMatcher = new PhraseMatcher(milestoneData.milestones)

const LABEL = /^\W*(onset|detection|detected|mitigation|mitigated|resolution|resolved)\b\W/i
const LABEL_TO_MILESTONE: Record<string, Milestone> = {
  onset: 'onset',
  detection: 'detection',
  detected: 'detection',
  mitigation: 'mitigation',
  mitigated: 'mitigation',
  resolution: 'resolution',
  resolved: 'resolution',
}

/**
 * What milestone an entry marks. A label at the start ("**Detection.** ...") is explicit; a
 * keyword anywhere ("alert fired", "rolled back") is a guess, good enough to say a milestone is
 * present but not to judge the order of milestones.
 */
export function classifyMilestone(entry: TimelineEntry): { milestone: Milestone; explicit: boolean } | null {
  const label = LABEL.exec(entry.text)
  if (label?.[1]) return { milestone: LABEL_TO_MILESTONE[label[1].toLowerCase()]!, explicit: true }
  const matches = milestoneMatcher.matchAll(tokenize(entry.text))
  const milestone = matches[0]?.entry.id as Milestone | undefined
  return milestone ? { milestone, explicit: false } : null
}

/** The entries that carry a readable time. */
export function timedEntries(timeline: Timeline): TimelineEntry[] {
  return timeline.entries.filter((entry) => entry.time !== null)
}

/**
 * The first timed entry that marks each milestone. A resolution also marks mitigation when no
 * separate mitigation is written: the impact stopped when the incident ended.
 */
export function markedMilestones(timeline: Timeline): Partial<Record<Milestone, TimelineEntry>> {
  const marked: Partial<Record<Milestone, TimelineEntry>> = {}
  for (const entry of timedEntries(timeline)) {
    const found = classifyMilestone(entry)
    if (found && !marked[found.milestone]) marked[found.milestone] = entry
  }
  if (!marked.mitigation && marked.resolution) marked.mitigation = marked.resolution
  return marked
}

/** Zones that name the same offset ("CEST" and "UTC+02:00", "PT" and "PDT") are one zone. */
export function zoneFamily(zone: string): string {
  // "Eastern (EST)": the standard and daylight names of a region are that region's zone.
  if (/^P[SD]?T$/.test(zone)) return 'pacific'
  if (/^E[SD]?T$/.test(zone)) return 'eastern'
  if (/^C[SD]?T$/.test(zone)) return 'central'
  if (/^M[SD]?T$/.test(zone)) return 'mountain'
  const match = findTimeZone(zone)
  if (match?.offsetMinutes !== null && match?.offsetMinutes !== undefined) return `offset:${match.offsetMinutes}`
  return zone
}

/**
 * The time zones the timeline states, one per family, first-seen spelling kept: for the whole
 * timeline (heading, intro sentence, column header) and on its timed entries.
 */
export function statedZoneFamilies(timeline: Timeline): Map<string, string> {
  const entryZones = timedEntries(timeline)
    .map((entry) => entry.timeZone)
    .filter((zone): zone is string => zone !== null)
  const families = new Map<string, string>()
  for (const zone of [...timeline.statedTimeZones.map((stated) => stated.zone), ...entryZones]) {
    const family = zoneFamily(zone)
    if (!families.has(family)) families.set(family, zone)
  }
  return families
}
