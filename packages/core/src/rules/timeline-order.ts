import { z } from 'zod'
import { defineRule } from '../engine/define-rule.js'
import type { RuleContext } from '../engine/types.js'
import { quote } from '../engine/render-message.js'
import type { RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { CalendarDate, PostmortemDocument, Section, Span, Timeline, TimelineEntry } from '../model/types.js'
import { classifyMilestone as classify, markedMilestones, statedZoneFamilies, zoneFamily, type Milestone } from '../evidence/timeline.js'
import { dayNumber, findClockTime, findDates, findTimeZone } from '../parse/time/index.js'

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
function instant(entry: TimelineEntry, baseline: CalendarDate | null, mixedZones: boolean): number | null {
  if (!entry.time) return null
  // Entries in different zones compare as the same clock only once both are in UTC.
  const offset = mixedZones && !entry.relative ? (zoneOffset(entry.timeZone) ?? 0) : 0
  const minutes = entry.time.hour * 60 + entry.time.minute + (entry.time.second ?? 0) / 60 - offset
  const date = entry.date ?? baseline
  return date ? dayNumber(date) * 1440 + minutes : minutes
}

/** Minutes east of UTC for a zone with one fixed offset, else null (PT, ET or unknown). */
function zoneOffset(zone: string | null): number | null {
  if (zone === null) return null
  return findTimeZone(zone)?.offsetMinutes ?? null
}


/** The timeline section is there, but no entry has a time or a date. */
function reportUntimed(doc: PostmortemDocument, timeline: Timeline, report: RuleContext<unknown>['report']): void {
  const at = timeline.section.headingSpan
  const first = timeline.entries[0]
  if (first) {
    const count = timeline.entries.length
    const text = quote(first.text, 50)
    const entries =
      count === 1
        ? `The only timeline entry (\`${text}\`) has no time the linter can read`
        : `None of the ${count} timeline entries has a time the linter can read (the first is \`${text}\`)`
    // The example keeps the event and drops whatever unreadable time it starts with ("10:65").
    const example = text.replace(/^\d{1,2}[:.h]\d{1,2}[^\s]{0,12}\s/, '').replace(/[.;,]$/, '')
    report({ messageId: 'no-timestamps', data: { entries, example }, at })
    return
  }
  // No entries: an empty section, or prose ("We have not written the timeline yet.").
  const sentence = doc.prose.find((candidate) => candidate.context !== 'heading' && within(candidate.span, timeline.section.span))
  report({ messageId: 'empty-timeline', data: { content: sentence ? `only \`${quote(sentence.text, 60)}\`` : 'it is empty' }, at })
}

// A time relative to the incident's start: "T+0:05", "T-10m", "T + 5".
const RELATIVE_TIME = /\bT ?[+\-−] ?\d/

/**
 * Whether the section writes times or dates anywhere, in a form its entries were not read from:
 * prose ("detected at 11 a.m. by a customer"), times inside the text of an entry, relative times
 * ("T+0:05"), a code block of log lines, an HTML table, a quoted chat log. That is a timeline the
 * linter cannot check, and saying it has no timestamps would be wrong.
 */
function writesTimes(section: Section): boolean {
  const timed = (node: RootContent): boolean => {
    const text = toString(node)
    return findClockTime(text) !== null || RELATIVE_TIME.test(text) || findDates(text).some((found) => found.hasYear)
  }
  return section.nodes.some(timed) || section.subsections.some((sub) => timed(sub.headingNode) || writesTimes(sub))
}

function within(inner: Span, outer: Span): boolean {
  return inner.start.offset >= outer.start.offset && inner.end.offset <= outer.end.offset
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
      'empty-timeline':
        'The timeline section has no timed events ({{content}}); readers cannot tell when the incident began, was detected and ended, and time to detect and to mitigate cannot be measured. List the events oldest first, each with its time in one stated zone, e.g. `- 10:05 UTC Alert fired for checkout errors`.',
      'no-timestamps':
        '{{entries}}; readers cannot tell when the incident began, was detected and ended, and time to detect and to mitigate cannot be measured. Start each entry with its time in one stated zone, e.g. `- 10:05 UTC {{example}}`.',
      'duration-mismatch':
        'The stated duration ({{stated}} min) disagrees with the timeline ({{measured}} min from {{from}} to resolution); one of them is wrong. Correct the header or the timeline.',
    },
    // A timeline with nothing on it leaves nothing to score, like a missing one (required-sections).
    penalties: { 'empty-timeline': 100, 'no-timestamps': 60, 'no-time-zone': 25, 'missing-milestone': 15, 'out-of-order': 25, 'midnight-without-date': 10 },
  },
  check(doc, { options, report }) {
    const timeline = doc.timeline
    if (!timeline) return
    const timed = timeline.entries.filter((entry) => entry.time !== null)
    const baseline = doc.incidentDate ?? timeline.entries.find((entry) => entry.date)?.date ?? null
    // Only a timeline whose entries carry different fixed-offset zones is put on UTC to compare.
    const offsets = new Set(timed.map((entry) => zoneOffset(entry.timeZone)))
    const mixedZones = offsets.size > 1 && !offsets.has(null)
    const at = (entry: TimelineEntry): number | null => instant(entry, baseline, mixedZones)
    // Where zones differ, an entry is out of order only if it is earlier both on the clocks as
    // written and in UTC: otherwise the zones are the confusion, and "mixes time zones" says so.
    const earlier = (entry: TimelineEntry, previous: TimelineEntry): boolean => {
      const now = at(entry)
      const before = at(previous)
      if (now === null || before === null || now >= before) return false
      if (!mixedZones) return true
      const asWritten = instant(entry, baseline, false)
      const previousAsWritten = instant(previous, baseline, false)
      return asWritten !== null && previousAsWritten !== null && asWritten < previousAsWritten
    }

    for (const entry of timeline.entries) {
      if (entry.unparsedTime && entry.timeText && entry.timeSpan) {
        report({ messageId: 'unparsed-time', data: { time: quote(entry.timeText) }, at: entry.timeSpan })
      }
    }

    // Order: time may only go back when a new date says so.
    let previous: TimelineEntry | null = null
    for (const entry of timed) {
      if (previous && earlier(entry, previous)) {
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

    if (timed.length === 0) {
      // Nothing places any entry in time: no clock time, no date, not even an unreadable time
      // (reported above). Every other check needs times, so this one message says what to do.
      const untimed = !timeline.entries.some((entry) => entry.date !== null || entry.timeText !== null)
      if (untimed && !writesTimes(timeline.section)) reportUntimed(doc, timeline, report)
      return
    }
    // "T+0:26" counts from the incident's start: no clock, so no zone to state.
    const clockTimed = timed.filter((entry) => !entry.relative)
    const entryZones = timed.map((entry) => entry.timeZone).filter((zone): zone is string => zone !== null)
    if (options.requireTimeZone && clockTimed.length > 0 && timeline.statedTimeZones.length === 0 && entryZones.length === 0) {
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
