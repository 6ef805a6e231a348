import { describe, expect, it } from 'vitest'
import { lint, resolveConfig } from '../../src/index.js'
import { run } from './helpers.js'

const ids = (markdown: string, options?: unknown) => run('timeline-order', markdown, options).map((m) => m.messageId)
const doc = (timeline: string, head = '') => `# Incident\n\n${head}\n\n## Timeline\n\n${timeline}\n`

describe('timeline-order', () => {
  describe('order', () => {
    it('flags an entry earlier than the one before it, pointing at both', () => {
      const [message] = run('timeline-order', doc('All times UTC.\n\n- 10:05 Alert fired\n- 09:58 Deploy started\n- 10:40 Incident resolved'))
      expect(message).toMatchObject({ messageId: 'out-of-order', line: 10, column: 3 })
      expect(message?.related?.[0]).toMatchObject({ line: 9 })
    })

    it('accepts a midnight crossing marked by a date heading', () => {
      const md = doc('All times UTC.\n\n### 2025-02-09\n\n- 23:40 Alert fired\n\n### 2025-02-10\n\n- 00:20 Incident resolved')
      expect(ids(md)).toEqual([])
    })

    it('accepts a midnight crossing marked by dates on the entries', () => {
      expect(ids(doc('| Time (UTC) | Event |\n|---|---|\n| 2025-02-09 23:40 | Alert fired |\n| 2025-02-10 00:20 | Incident resolved |'))).toEqual([])
    })

    it('asks for a date when the clock goes from night to morning without one', () => {
      expect(ids(doc('All times UTC.\n\n- 23:40 Alert fired\n- 00:20 Incident resolved'))).toEqual(['midnight-without-date'])
    })

    it('flags going back in time even after a date when the date is the same day', () => {
      expect(ids(doc('All times UTC.\n\n### 2025-02-09\n\n- 10:40 Alert fired\n\n### 2025-02-09\n\n- 10:20 Incident resolved'))).toEqual(['out-of-order'])
    })

    it('treats equal times and seconds correctly', () => {
      expect(ids(doc('All times UTC.\n\n- 10:05:10 Alert fired\n- 10:05:10 Pager acknowledged\n- 10:05:30 Incident resolved'))).toEqual([])
      expect(ids(doc('All times UTC.\n\n- 10:05:30 Alert fired\n- 10:05:10 Incident resolved'))).toEqual(['out-of-order'])
    })

    it('orders 12-hour times', () => {
      expect(ids(doc('All times PST.\n\n- 11:50 AM Alert fired\n- 12:10 PM Incident resolved'))).toEqual([])
    })

    it('ignores untimed lines', () => {
      expect(ids(doc('All times UTC.\n\n- 10:05 Alert fired\n- Later, the team regrouped.\n- 10:40 Incident resolved'))).toEqual([])
    })
  })

  describe('time zones', () => {
    it('flags a timeline that never states its zone', () => {
      expect(ids(doc('- 10:05 Alert fired\n- 10:40 Incident resolved'))).toEqual(['no-time-zone'])
    })

    it('finds the zone in the heading, the column header, an intro sentence, each entry or under the title', () => {
      expect(ids(`# I\n\n## Timeline (all times UTC)\n\n- 10:05 Alert fired\n- 10:40 Incident resolved\n`)).toEqual([])
      expect(ids(doc('| Time (CET) | Event |\n|---|---|\n| 10:05 | Alert fired |\n| 10:40 | Incident resolved |'))).toEqual([])
      expect(ids(doc('All times are Pacific Time.\n\n- 10:05 Alert fired\n- 10:40 Incident resolved'))).toEqual([])
      expect(ids(doc('- 10:05Z Alert fired\n- 10:40Z Incident resolved'))).toEqual([])
      expect(ids(doc('- 10:05 Alert fired\n- 10:40 Incident resolved', 'All times UTC.'))).toEqual([])
    })

    it('treats names of the same offset as one zone, and flags two zones', () => {
      expect(ids(doc('Times are CEST (UTC+2).\n\n- 10:05 Alert fired\n- 10:40 Incident resolved'))).toEqual([])
      expect(ids(doc('- 10:05 UTC Alert fired\n- 12:40 CEST Incident resolved'))).toEqual(['mixed-time-zones'])
    })

    it('can be told not to require a zone', () => {
      expect(ids(doc('- 10:05 Alert fired\n- 10:40 Incident resolved'), { requireTimeZone: false })).toEqual([])
    })
  })

  describe('milestones', () => {
    it('flags a timeline without detection or resolution', () => {
      expect(ids(doc('All times UTC.\n\n- 10:05 Deploy started\n- 10:40 Deploy finished'))).toEqual(['missing-milestone', 'missing-milestone'])
    })

    it('recognises milestones by labels and by keywords', () => {
      expect(ids(doc('All times UTC.\n\n- 10:05 **Detection.** Error budget burn\n- 10:40 **Resolution.** Back to normal'))).toEqual([])
      expect(ids(doc('All times UTC.\n\n- 10:05 The on-call is paged\n- 10:40 Incident resolved'))).toEqual([])
    })

    it('checks required milestones from the options', () => {
      expect(ids(doc('All times UTC.\n\n- 10:05 Alert fired\n- 10:40 Incident resolved'), { milestones: ['onset'] })).toEqual(['missing-milestone'])
    })

    it('does not judge milestone order from keywords alone', () => {
      // "reported" here is about a log line, not detection; only labels decide order.
      expect(ids(doc('All times UTC.\n\n- 10:01 The job reported 12 retries\n- 10:03 **Onset.** Errors start\n- 10:05 Alert fired\n- 10:40 Incident resolved'))).toEqual([])
    })

    it('flags detection before onset and detection after resolution when labelled', () => {
      expect(ids(doc('All times UTC.\n\n- 10:00 **Detection.** Alert\n- 10:05 **Onset.** Errors\n- 10:40 **Resolution.** Done'))).toEqual(['detection-before-onset'])
      expect(ids(doc('All times UTC.\n\n- 10:00 **Detection.** Alert\n- 10:40 **Resolution.** Done\n- 10:50 **Detection.** Again'))).toEqual(['resolution-not-last'])
    })

    it('allows clean-up entries after the resolution', () => {
      expect(ids(doc('All times UTC.\n\n- 10:00 **Detection.** Alert\n- 10:40 **Resolution.** Done\n- 13:00 Scaled the pool back to 16 pods'))).toEqual([])
    })
  })

  describe('duration', () => {
    it('flags a stated duration that disagrees with the timeline, within tolerance otherwise', () => {
      const timeline = 'All times UTC.\n\n- 10:00 **Onset.** Errors\n- 10:05 **Detection.** Alert\n- 11:00 **Resolution.** Done'
      expect(ids(doc(timeline, '**Duration:** 3 hours'))).toEqual(['duration-mismatch'])
      expect(ids(doc(timeline, '**Duration:** 1 hour'))).toEqual([])
      expect(ids(doc(timeline, '**Duration:** 65 minutes'))).toEqual([])
    })
  })

  it('flags a time it cannot read, in a table', () => {
    expect(ids(doc('| Time (UTC) | Event |\n|---|---|\n| 10:05 | Alert fired |\n| around lunch | Rollback |\n| 10:40 | Incident resolved |'))).toEqual(['unparsed-time'])
  })

  describe('a timeline without timestamps (issue 16)', () => {
    const lone = (timeline: string) => `# Incident\n\n## Timeline\n\n${timeline}\n\n## Impact\n\nCheckout failed for 40 minutes.\n`

    it('reports prose where the events should be, once, at the heading, quoting it', () => {
      const messages = run('timeline-order', lone('We have not written the timeline yet.'))
      expect(messages.map((m) => m.messageId)).toEqual(['empty-timeline'])
      expect(messages[0]).toMatchObject({ line: 3, column: 1, endLine: 3, endColumn: 12 })
      expect(messages[0]?.message).toContain('(only `We have not written the timeline yet.`)')
      expect(messages[0]?.message).toMatch(/no timed events.*List the events oldest first, each with its time/)
    })

    it('reports entries that have no time, with an example built from the first', () => {
      const messages = run('timeline-order', lone('- Deploy started.\n- Alert fired.'))
      expect(messages.map((m) => m.messageId)).toEqual(['no-timestamps'])
      expect(messages[0]?.message).toMatch(/^None of the 2 timeline entries has a time the linter can read \(the first is `Deploy started.`\)/)
      expect(messages[0]?.message).toContain('e.g. `- 10:05 UTC Deploy started`')
      expect(run('timeline-order', lone('- Deploy started.'))[0]?.message).toMatch(/^The only timeline entry \(`Deploy started.`\) has no time the linter can read;/)
    })

    it('reports an empty section, before another section or at the end of the document', () => {
      expect(run('timeline-order', lone('')).map((m) => m.message.match(/\(([^)]*)\)/)?.[1])).toEqual(['it is empty'])
      expect(ids('# Incident\n\n## Timeline\n')).toEqual(['empty-timeline'])
    })

    it('costs the timeline category like a missing timeline', () => {
      const config = resolveConfig({ extends: [], rules: { 'timeline-order': 'error' } })
      expect(lint(lone('We have not written the timeline yet.'), { config }).categories.timeline).toBe(0)
      // The rubric scores the evidence: entries that place nothing in time show no timeline at all.
      const missing = lint('# Incident\n\n## Summary\n\nThe deploy failed.\n', { config }).categories.timeline
      expect(lint(lone('- Deploy started.\n- Alert fired.'), { config }).categories.timeline).toBe(missing)
    })

    it('stays quiet when entries have times or dates, or times sit in blocks it does not read', () => {
      expect(ids(lone('All times UTC.\n\n- 10:05 Alert fired (detection)\n- 10:40 Incident resolved'))).toEqual([])
      // A day-by-day timeline places its entries in time, at a coarser resolution.
      expect(ids(lone('- 2024-03-05: Vulnerability reported.\n- 2024-03-06: Patch deployed.'))).not.toContain('empty-timeline')
      expect(ids(lone('- 2024-03-05: Vulnerability reported.\n- 2024-03-06: Patch deployed.'))).not.toContain('no-timestamps')
      // Log lines in a code block, an HTML table, times in prose or inside an entry, relative
      // times: a timeline the linter cannot read is still one.
      expect(ids(lone('```\n10:05 alert fired\n10:40 resolved\n```'))).toEqual([])
      expect(ids(lone('<table><tr><td>10:05</td><td>Alert fired</td></tr></table>'))).toEqual([])
      expect(ids(lone('A customer reported the errors around 11 a.m.; the rollback finished half an hour later.'))).toEqual([])
      expect(ids(lone('On 2024-03-05 the deploy started and the alert fired soon after.'))).toEqual([])
      expect(ids(lone('- Deploy started at 10:05.\n- Alert fired.'))).toEqual([])
      expect(ids(lone('- T+0:00 Deploy started.\n- T+0:07 Alert fired.'))).not.toContain('no-timestamps')
    })

    it('says a time it cannot read is not a time, and keeps it out of the example', () => {
      const [message] = run('timeline-order', lone('- 10:65 Alert fired'))
      expect(message?.message).toMatch(/^The only timeline entry \(`10:65 Alert fired`\) has no time the linter can read/)
      expect(message?.message).toContain('e.g. `- 10:05 UTC Alert fired`')
    })
  })

  it('says nothing when there is no timeline section', () => {
    expect(ids('# Incident\n\n## Summary\n\nA short outage.\n')).toEqual([])
  })
})
