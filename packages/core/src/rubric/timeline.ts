import { markedMilestones, statedZoneFamilies, timedEntries } from '../evidence/timeline.js'
import { plural, type CategoryEvidence } from './context.js'

/** Timed entries from which a timeline counts as complete; fewer is "prose with one or two times". */
export const COMPLETE_TIMELINE_ENTRIES = 3

/**
 * Timeline: a timeline of timed events, oldest first (judged by timeline-order's order findings),
 * in one stated zone, marking detection, mitigation and resolution.
 */
export const timelineEvidence: CategoryEvidence = ({ doc, option }) => {
  const timeline = doc.timeline
  const timed = timeline ? timedEntries(timeline) : []
  const present = !timeline
    ? { credit: 0 }
    : timed.length === 0
      ? { credit: 0, missed: 'no timed entries in the timeline' }
      : timed.length < COMPLETE_TIMELINE_ENTRIES
        ? { credit: timed.length / COMPLETE_TIMELINE_ENTRIES, missed: 'timeline too short', detail: `only ${plural(timed.length, 'timed entry', 'timed entries')}` }
        : { credit: 1 }
  if (!timeline) return { 'timeline-present': present }
  const zones = statedZoneFamilies(timeline)
  const marked = markedMilestones(timeline)
  return {
    'timeline-present': present,
    'timeline-zone': !option('timeline-order', 'requireTimeZone', true)
      ? null
      : zones.size === 0
        ? { credit: 0 }
        : zones.size > 1
          ? { credit: 0.5, missed: 'mixes time zones', detail: [...zones.values()].join(', ') }
          : { credit: 1 },
    'timeline-detection': { credit: marked.detection ? 1 : 0 },
    'timeline-mitigation': { credit: marked.mitigation ? 1 : 0 },
    'timeline-resolution': { credit: marked.resolution ? 1 : 0 },
  }
}
