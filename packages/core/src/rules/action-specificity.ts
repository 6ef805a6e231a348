import { z } from 'zod'
import { defineRule } from '../engine/define-rule.js'
import { quote } from '../engine/render-message.js'
import { actionField, actionFields as fields, peopleDirectedPhrase, vagueness, type ActionField as Field } from '../evidence/actions.js'
import { compareDates, formatDate } from '../parse/time/index.js'

const options = z
  .strictObject({
    /** Fields every action item must have. */
    require: z.array(z.enum(fields)).default(['owner', 'due']),
    /** Items with this many words or more count as specific even with a vague verb. */
    specificWords: z.number().int().positive().default(12),
  })
  .default({ require: ['owner', 'due'], specificWords: 12 })

/** Examples of specific deliverables (postmortem-practice.md), picked by what the item is about. */
const examples: [RegExp, string][] = [
  [/monitor|alert|dashboard|detect|observ/i, 'Alert when connection-pool utilisation exceeds 80% for 5 minutes'],
  [/test|qa|coverage|verify|validat/i, 'Add a load test for the order-search query to CI'],
  [/process|deploy|release|rollout|communicat|runbook|document/i, 'Add a dry-run step to the deploy runbook'],
]
const fallbackExample = 'Add a dry-run step to the deploy runbook'

function exampleFor(text: string): string {
  return examples.find(([pattern]) => pattern.test(text))?.[1] ?? fallbackExample
}

export default defineRule<z.output<typeof options>>({
  id: 'action-specificity',
  meta: {
    description: 'Give every action item an owner, a due date and a specific deliverable',
    category: 'action-items',
    defaultSeverity: 'error',
    options,
    messages: {
      'missing-field':
        'Action `{{item}}` has no {{field}}; {{why}}. Add it, e.g. {{example}}.',
      'unparsed-due': 'Cannot read the due date `{{due}}` of `{{item}}`; an unreadable date cannot be tracked. Write it as YYYY-MM-DD.',
      'due-before-incident':
        'Action `{{item}}` is due {{due}}, before the incident ({{incident}}); the date is probably a typo. Correct it.',
      vague:
        'Action `{{item}}` is vague: {{reason}}; vague items do not get done because nobody can tell when they are done. Name a deliverable someone can finish, e.g. "{{example}}".',
      'people-directed':
        'Action `{{item}}` aims at people ("{{phrase}}"), not at the system; changing people is blame in disguise and does not stop the failure recurring. Change a system or process instead, e.g. "{{example}}".',
      'no-actions':
        'This {{severity}}postmortem lists no action items; without them the same failure comes back. Add owned, dated actions to the action-items section.',
    },
    penalties: { 'no-actions': 100, 'missing-field': 10, vague: 15, 'people-directed': 15 },
  },
  check(doc, { options, report }) {
    const items = doc.actionItems
    const severity = doc.metadata.severity
    if (items.length === 0) {
      if (doc.actionItemsSection && (!severity || severity.level <= 3)) {
        report({
          messageId: 'no-actions',
          data: { severity: severity ? `P${severity.level} ` : '' },
          at: doc.actionItemsSection.headingSpan,
        })
      }
      return
    }
    const why: Record<Field, [string, string]> = {
      owner: ['an item nobody owns is an item nobody does', '`@alice` or `Platform team`'],
      due: ['without a date it never becomes urgent', '`due 2025-03-01`'],
      priority: ['priorities decide what gets done first', '`P1`'],
      category: ['the category shows whether the actions prevent, detect or mitigate', '`prevent`, `detect`, `mitigate` or `process`'],
      ticket: ['untracked items are forgotten', 'a ticket key such as `OPS-123`'],
    }
    for (const item of items) {
      const label = quote(item.text, 60)
      const people = peopleDirectedPhrase(item)
      // A done item is history: it needs no owner, date or sharper wording to get done. Aiming
      // it at people is still blame.
      if (item.done) {
        if (people) report({ messageId: 'people-directed', data: { item: label, phrase: people, example: exampleFor(item.text) }, at: item.textSpan })
        continue
      }
      for (const field of options.require) {
        if (actionField(item, field)) continue
        const fieldName = { owner: 'owner', due: 'due date', priority: 'priority', category: 'category', ticket: 'ticket' }[field]
        report({ messageId: 'missing-field', data: { item: label, field: fieldName, why: why[field][0], example: why[field][1] }, at: item.textSpan })
      }
      if (item.due && item.due.date === null && options.require.includes('due') && !/^(?:tbd|todo|n\/a|-+)$/i.test(item.due.raw)) {
        report({ messageId: 'unparsed-due', data: { due: quote(item.due.raw), item: label }, at: item.due.span })
      }
      if (item.due?.date && doc.incidentDate && compareDates(item.due.date, doc.incidentDate) < 0) {
        report({
          messageId: 'due-before-incident',
          data: { item: label, due: formatDate(item.due.date), incident: formatDate(doc.incidentDate) },
          at: item.due.span,
        })
      }
      if (people) {
        report({ messageId: 'people-directed', data: { item: label, phrase: people, example: exampleFor(item.text) }, at: item.textSpan })
        continue
      }
      const vague = vagueness(item, options.specificWords)
      if (vague) {
        report({ messageId: 'vague', data: { item: label, reason: vague.reason, example: exampleFor(item.text) }, at: item.textSpan, suggestion: exampleFor(item.text) })
      }
    }
  },
})
