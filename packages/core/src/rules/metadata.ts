import { z } from 'zod'
import { defineRule } from '../engine/define-rule.js'
import { quote } from '../engine/render-message.js'
import type { DateChoice, MetadataKey, Span } from '../model/types.js'
import { conflictingDates, parseSeverity } from '../parse/metadata.js'
import { formatDate, parseCalendarDate } from '../parse/time/calendar.js'

/** What each field is called, why a reader needs it, and an example line to add. */
const fields = {
  date: { name: 'incident date', why: 'due dates and the follow-up review are measured from it', example: '**Date:** 2024-03-05' },
  severity: { name: 'severity', why: 'it decides how deep the review goes and which sections it needs', example: '**Severity:** SEV2' },
  status: { name: 'status', why: 'readers need to know whether the document is a draft or reviewed', example: '**Status:** Draft' },
  authors: { name: 'authors', why: 'readers need someone to ask about the document', example: '**Authors:** @alice, @bob' },
  duration: { name: 'duration', why: 'impact is judged against how long it lasted', example: '**Duration:** 47 minutes' },
  reviewers: { name: 'reviewers', why: 'a reviewed postmortem says who reviewed it', example: '**Reviewers:** @carol' },
  followUp: { name: 'follow-up review date', why: 'without a date the action items are not checked', example: '**Follow-up review:** 2024-04-05' },
  incidentLead: { name: 'incident lead', why: 'readers need to know who coordinated the response', example: '**Incident commander:** @dave' },
  incidentId: { name: 'incident id', why: 'it links the document to the incident record', example: '**Incident:** INC-1234' },
  timeZone: { name: 'time zone', why: 'timeline times mean nothing without one', example: '**Time zone:** UTC' },
  title: { name: 'title', why: 'readers find the document by it', example: '# 2024-03-05: checkout outage' },
} as const satisfies Record<MetadataKey, { name: string; why: string; example: string }>

const fieldIds = Object.keys(fields) as [MetadataKey, ...MetadataKey[]]

/** Why the linter took one of two incident dates, for the conflicting-dates message. */
const choiceReasons: Record<DateChoice, string> = {
  title: 'the date in the title',
  support: "the one the document's other dates (timeline, due dates, follow-up review) follow",
  label: 'the one labelled as the incident date',
  source: 'the one in a labelled metadata field rather than a plain line',
  first: 'the first one',
}

const options = z
  .strictObject({
    /** Metadata fields the document must state. */
    required: z.array(z.enum(fieldIds)).default(['date', 'severity', 'status', 'authors']),
  })
  .default({ required: ['date', 'severity', 'status', 'authors'] })

export default defineRule<z.output<typeof options>>({
  id: 'metadata',
  meta: {
    description: 'State the date, severity, status and authors at the top',
    category: 'follow-up',
    defaultSeverity: 'warn',
    options,
    messages: {
      missing: 'The document states no {{field}}; {{why}}. Add a line under the title, e.g. `{{example}}`.',
      'bad-severity':
        '`{{value}}` is not a severity the linter can read; the severity decides how deep the review goes. Write a level such as `SEV2`, `P2` or `major`.',
      'bad-date':
        '`{{value}}` is not a date the linter can read; due dates and the follow-up review are measured from the incident date. Write it as `2024-03-05`.',
      'conflicting-dates':
        'A second incident date, `{{other}}`, contradicts `{{chosen}}` (line {{line}}); due dates and the follow-up review are measured from the incident date, so one of the two is wrong. The linter uses {{date}}, {{why}}; correct or remove the other.',
    },
  },
  check(doc, { options, report }) {
    const { metadata } = doc
    const stated = (key: MetadataKey): boolean => {
      if (key === 'date' && metadata.date) return true
      if (key === 'title' && doc.title) return true
      return metadata.fields.some((field) => field.key === key && field.raw.trim() !== '')
    }
    // At the title, or the first line when there is none.
    const firstLineEnd = doc.source.search(/\r?\n|\r|$/)
    const title: Span = doc.title?.span ?? { start: doc.pointAt(0), end: doc.pointAt(firstLineEnd) }
    const at: Span = { start: title.start, end: title.start.line === title.end.line ? title.end : title.start }
    for (const key of options.required) {
      if (stated(key)) continue
      const field = fields[key]
      report({ messageId: 'missing', data: { field: field.name, why: field.why, example: field.example }, at })
    }
    const chosen = metadata.date
    for (const other of chosen ? conflictingDates(metadata) : []) {
      report({
        messageId: 'conflicting-dates',
        data: {
          other: quote(other.raw),
          chosen: quote(chosen!.raw),
          line: chosen!.span.start.line,
          date: formatDate(chosen!.value),
          why: choiceReasons[metadata.dateChoice ?? 'first'],
        },
        at: other.span,
        related: [{ message: 'the incident date the linter uses', at: chosen!.span }],
      })
    }
    for (const field of metadata.fields) {
      const raw = field.raw.trim()
      if (raw === '') continue
      if (field.key === 'severity' && !parseSeverity(raw, field.span)) {
        report({ messageId: 'bad-severity', data: { value: quote(raw) }, at: field.span })
      } else if (field.key === 'date' && !parseCalendarDate(raw)) {
        report({ messageId: 'bad-date', data: { value: quote(raw) }, at: field.span })
      }
    }
  },
})
