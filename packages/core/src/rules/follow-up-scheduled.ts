import type { Nodes } from 'mdast'
import { z } from 'zod'
import { defineRule } from '../engine/define-rule.js'
import { isCommittedReview } from '../parse/action-items.js'
import { quote } from '../engine/render-message.js'
import type { CalendarDate, PostmortemDocument, Sentence, Span } from '../model/types.js'
import { sectionBlocks } from '../parse/sections.js'
import { addDays, dayNumber, findDates, formatDate } from '../parse/time/index.js'

const options = z
  .strictObject({
    /** The latest a follow-up review may be, in days after the incident. */
    windowDays: z.number().int().min(1).default(90),
    /** Whether every action item needs a ticket (or the section a tracker link). */
    requireTickets: z.boolean().default(true),
    /** A regex source a ticket (or the item's text) must match; null uses the parser's ticket field. */
    ticketPattern: z
      .string()
      .min(1)
      .refine((source) => {
        try {
          new RegExp(source, 'u')
          return true
        } catch {
          return false
        }
      }, 'ticketPattern must be a valid regular expression')
      .nullable()
      .default(null),
  })
  .default({ windowDays: 90, requireTickets: true, ticketPattern: null })

// "Follow-up review on ...", "retro booked for ...", "check-in scheduled ...", "we meet again on
// ... to check progress", "we will revisit the thresholds on ...".
const REVIEW_WORDING = /(?<![\p{L}])(?:follow[-\s]?ups?|reviews?|retro(?:spective)?s?|check[-\s]?ins?|meet(?:ing)? again|check(?:ing)? (?:on )?progress|revisit(?:s|ed|ing)?)(?![\p{L}])/iu
const URL = /https?:\/\/[^\s)>\]]+/iu

interface Candidate {
  raw: string
  date: CalendarDate | null
  span: Span
  /** Dates in prose outside a follow-up section only count when they could be a schedule. */
  fromProse: boolean
}

function sentenceDates(sentence: Sentence, referenceYear: number | undefined, fromProse: boolean): Candidate[] {
  return findDates(sentence.text, referenceYear === undefined ? {} : { referenceYear }).map((match) => ({
    raw: sentence.text.slice(match.index, match.index + match.length),
    date: match.date,
    span: { start: sentence.pointAt(match.index), end: sentence.pointAt(match.index + match.length) },
    fromProse,
  }))
}

function hasLink(node: Nodes): boolean {
  if (node.type === 'link' || node.type === 'linkReference') return true
  if (node.type === 'text' && URL.test(node.value)) return true
  return 'children' in node && (node.children as Nodes[]).some(hasLink)
}

/** A tracker linked in the action-items section's own prose, outside the items themselves. */
function linksTracker(doc: PostmortemDocument): boolean {
  const section = doc.actionItemsSection
  if (!section) return false
  const itemRanges = doc.actionItems.map((item) => [item.span.start.offset, item.span.end.offset] as const)
  return sectionBlocks(section).some((block) => {
    if (block.type !== 'paragraph' && block.type !== 'heading') return false
    const start = block.position?.start.offset ?? -1
    if (itemRanges.some(([from, to]) => start >= from && start < to)) return false
    return hasLink(block)
  })
}

function oneLine(span: Span): Span {
  return { start: span.start, end: span.start.line === span.end.line ? span.end : span.start }
}

export default defineRule<z.output<typeof options>>({
  id: 'follow-up-scheduled',
  meta: {
    description: 'Schedule a follow-up review and track every action item in a ticket',
    category: 'follow-up',
    defaultSeverity: 'error',
    options,
    messages: {
      missing:
        'No follow-up review date; without one nobody checks that the action items were done ("retro amnesia"). Add a date within {{window}} days of the incident, e.g. "**Follow-up review:** {{example}}".',
      unparseable:
        'The follow-up date `{{raw}}` is not a date; a review without a real date is never held. Write a calendar date, e.g. "{{example}}".',
      'before-incident':
        'The follow-up review `{{raw}}`{{date}} is not after the incident ({{incident}}); a review of the action items can only happen once they exist. Schedule it after the incident, e.g. "{{example}}".',
      'too-late':
        'The follow-up review `{{raw}}`{{date}} is {{days}} days after the incident, more than {{window}}; by then the context is lost and the actions have gone stale. Bring it forward, e.g. "{{example}}".',
      untracked:
        'The action item `{{text}}` has no ticket; untracked items are the ones that never get done. Link the ticket that tracks it, e.g. "{{text}} (OPS-123)", or link the board in the section.',
      'untracked-pattern':
        'The action item `{{text}}` has no ticket matching `{{pattern}}`; untracked items are the ones that never get done. Add the ticket key, e.g. "{{text}} (OPS-123)".',
    },
  },
  check(doc, { options, report }) {
    const incident = doc.incidentDate
    const referenceYear = incident?.year
    // A suggested date: 30 days out is the usual first review.
    const example = incident ? formatDate(addDays(incident, 30)) : '2025-04-14'

    // (a) The follow-up review.
    const candidates: Candidate[] = []
    const followUp = doc.metadata.followUp
    if (followUp) candidates.push({ raw: followUp.raw, date: followUp.value, span: followUp.span, fromProse: false })
    const followUpSection = doc.section('follow-up')
    for (const sentence of doc.prose) {
      const kind = sentence.section?.kind
      // An action item's due date ("add it to the review checklist, due ...") is not a review date;
      // a paragraph under the actions ("Review booked for 1 April") can be.
      const inActionList = sentence.section !== null && (sentence.section === doc.actionItemsSection || kind === 'action-items')
      // "We will revisit the thresholds on 2025-03-20" under next steps is an action and a review.
      const commitsToReview = sentence.context === 'paragraph' && isCommittedReview(sentence.text)
      const isActionItem =
        inActionList && !commitsToReview && (sentence.context !== 'paragraph' || doc.actionItems.some((item) => item.source === 'paragraph'))
      if (kind === 'follow-up' && !isActionItem) candidates.push(...sentenceDates(sentence, referenceYear, false))
      else if (kind !== 'timeline' && !isActionItem && REVIEW_WORDING.test(sentence.text)) {
        candidates.push(...sentenceDates(sentence, referenceYear, true))
      }
    }
    // The metadata line is prose too: keep each written date once.
    const unique = candidates.filter(
      (candidate, index) =>
        !candidates
          .slice(0, index)
          .some((earlier) => candidate.span.start.offset >= earlier.span.start.offset && candidate.span.start.offset < earlier.span.end.offset),
    )
    const judged = unique.map((candidate) => {
      if (!candidate.date) return { candidate, problem: 'unparseable' as const, days: 0 }
      if (!incident) return { candidate, problem: null, days: 0 }
      const days = dayNumber(candidate.date) - dayNumber(incident)
      if (days <= 0) return { candidate, problem: 'before-incident' as const, days }
      if (days > options.windowDays) return { candidate, problem: 'too-late' as const, days }
      return { candidate, problem: null, days }
    })
    // A past date in ordinary prose ("the retro on 2024-11-02 flagged this") is history, not a schedule.
    const relevant = judged.filter((entry) => !(entry.candidate.fromProse && entry.problem === 'before-incident'))
    if (!relevant.some((entry) => entry.problem === null)) {
      if (relevant.length === 0) {
        const at = followUpSection?.headingSpan ?? doc.title?.span ?? doc.sections[0]?.headingSpan ?? doc.span
        report({ messageId: 'missing', data: { window: options.windowDays, example }, at: oneLine(at) })
      }
      for (const { candidate, problem, days } of relevant) {
        if (problem === null) continue
        report({
          messageId: problem,
          data: {
            raw: quote(candidate.raw),
            date: candidate.date && formatDate(candidate.date) !== candidate.raw.trim() ? ` (${formatDate(candidate.date)})` : '',
            incident: incident ? formatDate(incident) : '',
            days,
            window: options.windowDays,
            example: problem === 'unparseable' ? example : `Follow-up review: ${example}`,
          },
          at: candidate.span,
        })
      }
    }

    // (b) Action items tracked.
    if (!options.requireTickets || doc.actionItems.length === 0 || linksTracker(doc)) return
    const pattern = options.ticketPattern === null ? null : new RegExp(options.ticketPattern, 'u')
    for (const item of doc.actionItems) {
      const tracked = pattern
        ? (item.ticket !== null && pattern.test(item.ticket.raw)) || pattern.test(item.text)
        : item.ticket !== null
      if (tracked) continue
      report({
        messageId: pattern ? 'untracked-pattern' : 'untracked',
        data: { text: quote(item.text, 60), pattern: options.ticketPattern ?? '' },
        at: item.textSpan,
      })
    }
  },
})

