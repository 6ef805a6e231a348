import { z } from 'zod'
import { defineRule } from '../engine/define-rule.js'
import { quote } from '../engine/render-message.js'
import { followUpReviews, hasScheduledReview, isTracked, linksTracker, ticketPatternOf } from '../evidence/follow-up.js'
import type { Span } from '../model/types.js'
import { addDays, formatDate } from '../parse/time/index.js'

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
    // A suggested date: 30 days out is the usual first review.
    const example = incident ? formatDate(addDays(incident, 30)) : '2025-04-14'

    // (a) The follow-up review.
    const followUpSection = doc.section('follow-up')
    const relevant = followUpReviews(doc, options.windowDays)
    if (!hasScheduledReview(relevant)) {
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
    const pattern = ticketPatternOf(options.ticketPattern)
    for (const item of doc.actionItems) {
      // A done item needs no ticket to chase it.
      if (item.done || isTracked(item, pattern)) continue
      report({
        messageId: pattern ? 'untracked-pattern' : 'untracked',
        data: { text: quote(item.text, 60), pattern: options.ticketPattern ?? '' },
        at: item.textSpan,
      })
    }
  },
})

