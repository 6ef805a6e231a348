import { z } from 'zod'
import { defineRule } from '../engine/define-rule.js'
import { quote } from '../engine/render-message.js'
import type { CalendarDate, TimelineEntry } from '../model/types.js'
import { classifyMilestone as classify, markedMilestones, statedZoneFamilies, zoneFamily, type Milestone } from '../evidence/timeline.js'
import { dayNumber } from '../parse/time/index.js'

const options = z
  .strictObject({
    /** Milestones the timeline must show. */
    milestones: z.array(z.enum(['onset', 'detection', 'mitigation', 'resolution'])).default(['detection', 'resolution']),
    /** Require a stated time zone. */
    requireTimeZone: z.boolean().default(true),
    /** Largest disagreement, in percent, between the header duration and the timeline. */
    durationTolerance: z.number().min(0).default(25),
  })
  .default({ milestones: ['detection', 'resolution'], requireTimeZone: true, durationTolerance: 25 })

/**
 * Minutes since the epoch. An entry without a date takes the baseline (the incident date, else
 * the timeline's first date), so dated and undated entries compare on one scale.
 */
function instant(entry: TimelineEntry, baseline: CalendarDate | null): number | null {
  if (!entry.time) return null
  const minutes = entry.time.hour * 60 + entry.time.minute + (entry.time.second ?? 0) / 60
  const date = entry.date ?? baseline
  return date ? dayNumber(date) * 1440 + minutes : minutes
}

export default defineRule<z.output<typeof options>>({
  id: 'timeline-order',
  meta: {
    description: 'Keep the timeline chronological, in one stated time zone, with its key milestones',
    category: 'timeline',
    defaultSeverity: 'error',
    options,
    messages: {
      'out-of-order':
        'Entry at `{{time}}` comes after `{{previous}}` (line {{previousLine}}) but is earlier; readers reconstruct cause and effect from the order. Move it, or add the date if it is the next day.',
      'midnight-without-date':
        'Entry at `{{time}}` follows `{{previous}}` (line {{previousLine}}) without a new date; if the timeline crossed midnight, readers cannot tell. Add a date heading or write the date on the entry.',
      'unparsed-time':
        'Cannot read the time `{{time}}`; an entry without a usable time cannot be placed on the timeline. Write it as `HH:MM` (24-hour) or an ISO 8601 timestamp.',
      'no-time-zone':
        'The timeline never states its time zone; times are ambiguous to anyone in another zone. Add "All times UTC" to the heading, the time column header or each entry.',
      'mixed-time-zones':
        'The timeline mixes time zones (`{{zones}}`); comparing entries then needs mental arithmetic and invites mistakes. Convert every entry to one zone, UTC by convention.',
      'missing-milestone':
        'The timeline shows no {{milestone}} entry; {{why}}. Add the entry, and mark it (e.g. `**{{label}}.**`).',
      'detection-before-onset':
        'Detection (line {{detectionLine}}) comes before onset (line {{onsetLine}}); detection cannot precede the first symptom. Check both times.',
      'resolution-not-last':
        'A {{milestone}} entry (`{{time}}`) comes after the resolution (line {{resolutionLine}}); the incident was not over yet. Move the resolution, or reword the later entry.',
      'duration-mismatch':
        'The stated duration ({{stated}} min) disagrees with the timeline ({{measured}} min from {{from}} to resolution); one of them is wrong. Correct the header or the timeline.',
    },
    penalties: { 'no-time-zone': 25, 'missing-milestone': 15, 'out-of-order': 25, 'midnight-without-date': 10 },
  },
  check(doc, { options, report }) {
    const timeline = doc.timeline
    if (!timeline) return
    const timed = timeline.entries.filter((entry) => entry.time !== null)
    const baseline = doc.incidentDate ?? timeline.entries.find((entry) => entry.date)?.date ?? null
    const at = (entry: TimelineEntry): number | null => instant(entry, baseline)

    for (const entry of timeline.entries) {
      if (entry.unparsedTime && entry.timeText && entry.timeSpan) {
        report({ messageId: 'unparsed-time', data: { time: quote(entry.timeText) }, at: entry.timeSpan })
      }
    }

    // Order: time may only go back when a new date says so.
    let previous: TimelineEntry | null = null
    for (const entry of timed) {
      const now = at(entry)
      const before = previous ? at(previous) : null
      if (previous && now !== null && before !== null && now < before) {
        const sameDay = !entry.statesDate || !entry.date || !previous.date || dayNumber(entry.date) === dayNumber(previous.date)
        const lateToEarly = (previous.time?.hour ?? 0) >= 18 && (entry.time?.hour ?? 0) < 12
        const data = {
          time: entry.timeText ?? '',
          previous: previous.timeText ?? '',
          previousLine: previous.span.start.line,
        }
        const at = entry.timeSpan ?? entry.span
        const related = [{ message: 'the earlier entry', at: previous.timeSpan ?? previous.span }]
        if (sameDay && lateToEarly && !entry.statesDate) report({ messageId: 'midnight-without-date', data, at, related })
        else report({ messageId: 'out-of-order', data, at, related })
      }
      previous = entry
    }

    if (timed.length === 0) return
    const entryZones = timed.map((entry) => entry.timeZone).filter((zone): zone is string => zone !== null)
    if (options.requireTimeZone && timeline.statedTimeZones.length === 0 && entryZones.length === 0) {
      report({ messageId: 'no-time-zone', at: timeline.section.headingSpan })
    }
    const families = statedZoneFamilies(timeline)
    if (families.size > 1) {
      // Point at the first entry whose zone differs from the timeline's own, when there is one.
      const first = [...families.keys()][0]
      const odd = timed.find((entry) => entry.timeZone !== null && zoneFamily(entry.timeZone) !== first)
      report({
        messageId: 'mixed-time-zones',
        data: { zones: [...families.values()].join('`, `') },
        at: odd?.timeSpan ?? timeline.section.headingSpan,
      })
    }

    const classified = timed.map((entry) => {
      const found = classify(entry)
      return { entry, milestone: found?.milestone ?? null, explicit: found?.explicit ?? false }
    })
    const first = (milestone: Milestone) => classified.find((item) => item.milestone === milestone)?.entry ?? null
    // Order checks trust only labelled milestones: keywords misfire on ordinary events.
    const firstLabelled = (milestone: Milestone) =>
      classified.find((item) => item.milestone === milestone && item.explicit)?.entry ?? null
    const why: Record<Milestone, [string, string]> = {
      onset: ['the gap from first symptom to detection is what detection actions should shrink', 'Onset'],
      detection: ['time to detect is the first thing a reviewer measures', 'Detection'],
      mitigation: ['readers need to know when the impact stopped', 'Mitigation'],
      resolution: ['without it the incident has no end and no duration', 'Resolution'],
    }
    // A resolution entry also marks mitigation when no separate mitigation is written.
    const marked = markedMilestones(timeline)
    for (const milestone of options.milestones) {
      if (marked[milestone]) continue
      report({
        messageId: 'missing-milestone',
        data: { milestone, why: why[milestone][0], label: why[milestone][1] },
        at: timeline.section.headingSpan,
      })
    }
    const onset = firstLabelled('onset')
    const detection = firstLabelled('detection')
    if (onset && detection) {
      const onsetAt = at(onset)
      const detectionAt = at(detection)
      if (onsetAt !== null && detectionAt !== null && detectionAt < onsetAt) {
        report({
          messageId: 'detection-before-onset',
          data: { detectionLine: detection.span.start.line, onsetLine: onset.span.start.line },
          at: detection.timeSpan ?? detection.span,
        })
      }
    }
    const resolutionIndex = classified.findIndex((item) => item.milestone === 'resolution' && item.explicit)
    if (resolutionIndex >= 0) {
      const resolution = classified[resolutionIndex]!.entry
      // Clean-up after the resolution is normal; detection or mitigation after it is not.
      const later = classified
        .slice(resolutionIndex + 1)
        .find((item) => item.explicit && (item.milestone === 'detection' || item.milestone === 'onset'))
      if (later) {
        report({
          messageId: 'resolution-not-last',
          data: { milestone: later.milestone ?? '', time: later.entry.timeText ?? '', resolutionLine: resolution.span.start.line },
          at: later.entry.timeSpan ?? later.entry.span,
        })
      }
      const stated = doc.metadata.durationMinutes
      const start = onset ?? detection ?? first('onset') ?? first('detection')
      const startAt = start ? at(start) : null
      let endAt = at(resolution)
      // An undated resolution earlier on the clock than the start is the next morning.
      if (endAt !== null && startAt !== null && endAt < startAt && !resolution.date) endAt += 1440
      if (stated && start && startAt !== null && endAt !== null && endAt > startAt) {
        const measured = Math.round(endAt - startAt)
        const difference = Math.abs(measured - stated.value)
        if (difference > 15 && difference > (stated.value * options.durationTolerance) / 100) {
          report({
            messageId: 'duration-mismatch',
            data: { stated: stated.value, measured, from: onset ? 'onset' : 'detection' },
            at: stated.span,
          })
        }
      }
    }
  },
})
