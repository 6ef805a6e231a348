import { describe, expect, it } from 'vitest'
import { lint, resolveConfig } from '../../src/index.js'

function run(markdown: string, options?: Record<string, unknown>) {
  const setting = options === undefined ? 'error' : ['error', options]
  const config = resolveConfig({ extends: [], rules: { 'follow-up-scheduled': setting } } as never)
  return lint(markdown, { config }).messages.filter((m) => m.ruleId === 'follow-up-scheduled')
}

const head = '# Checkout outage\n\n**Date:** 2025-03-04\n'
const tracked = '\n## Action items\n\n- Alert on pool utilisation above 80% (OPS-101)\n'

describe('follow-up-scheduled: review date', () => {
  it('accepts a metadata follow-up date within the window', () => {
    expect(run(`${head}**Follow-up:** 2025-04-03\n${tracked}`)).toEqual([])
  })

  it('accepts a follow-up section with a date', () => {
    expect(run(`${head}${tracked}\n## Follow-up review\n\nWe meet on Tuesday 18 March 2025 to check the actions.\n`)).toEqual([])
  })

  it('accepts a review sentence anywhere', () => {
    expect(run(`${head}\nFollow-up review on 2025-03-12 with the payments team.\n${tracked}`)).toEqual([])
    expect(run(`${head}${tracked}\nReview booked for Tuesday 1 April 2025.\n`)).toEqual([])
    expect(run(`${head}${tracked}\n## Next steps\n\nWe meet again on 2025-03-18 to check progress on the action items.\n`)).toEqual([])
    expect(run(`${head}${tracked}\n## Next steps\n\nWe will revisit the alert thresholds on 2025-03-20.\n`)).toEqual([])
  })

  it('does not take any future date for a review', () => {
    expect(run(`${head}${tracked}\n## Next steps\n\nThe vendor ships the fix on 2025-03-20.\n`).map((m) => m.messageId)).toEqual(['missing'])
  })

  it('reports a missing review at the title', () => {
    const messages = run(`${head}${tracked}`)
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([['missing', 1]])
    expect(messages[0]?.message).toContain('2025-04-03')
  })

  it('reports a missing review at the follow-up section heading', () => {
    const messages = run(`${head}${tracked}\n## Follow-up\n\nTo be scheduled.\n`)
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([['missing', 9]])
  })

  it('reports an unparseable metadata date, quoting it', () => {
    const messages = run(`${head}**Follow-up:** next sprint\n${tracked}`)
    expect(messages.map((m) => m.messageId)).toEqual(['unparseable'])
    expect(messages[0]?.message).toContain('`next sprint`')
  })

  it('reports a date before the incident and one outside the window', () => {
    expect(run(`${head}**Follow-up:** 2025-03-01\n${tracked}`).map((m) => m.messageId)).toEqual(['before-incident'])
    expect(run(`${head}**Follow-up:** 2025-03-04\n${tracked}`).map((m) => m.messageId)).toEqual(['before-incident'])
    const late = run(`${head}**Follow-up:** 2025-09-01\n${tracked}`)
    expect(late.map((m) => m.messageId)).toEqual(['too-late'])
    expect(late[0]?.message).toContain('181 days')
    expect(run(`${head}**Follow-up:** 2025-09-01\n${tracked}`, { windowDays: 200 })).toEqual([])
  })

  it('treats a past review mentioned in prose as history, not a schedule', () => {
    const markdown = `${head}\n## Background\n\nThe retro on 2024-11-02 flagged the pool size.\n${tracked}`
    expect(run(markdown).map((m) => m.messageId)).toEqual(['missing'])
  })

  it('ignores timeline entries', () => {
    const markdown = `${head}\n## Timeline\n\n- 2025-05-01 10:05 Review of the deploy started\n${tracked}`
    expect(run(markdown).map((m) => m.messageId)).toEqual(['missing'])
  })
})

describe('follow-up-scheduled: tracked action items', () => {
  const review = `${head}**Follow-up:** 2025-04-03\n`

  it('reports each item without a ticket at its text', () => {
    const messages = run(`${review}\n## Action items\n\n- Alert on pool utilisation (OPS-101)\n- Add a load test for order search\n`)
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([['untracked', 9, 3]])
    expect(messages[0]?.message).toContain('`Add a load test for order search`')
  })

  it('accepts items tracked by a ticket column, #123 or an issue URL', () => {
    const table = '| Action | Owner | Ticket |\n|---|---|---|\n| Add a load test | @db | PAY-7 |\n'
    expect(run(`${review}\n## Action items\n\n${table}`)).toEqual([])
    expect(run(`${review}\n## Action items\n\n- Add a load test #123\n- Add an alert https://github.com/acme/shop/issues/9\n`)).toEqual([])
  })

  it('accepts a tracker linked in the section prose', () => {
    const markdown = `${review}\n## Action items\n\nTracked in the board: https://linear.app/acme/project/outage-42\n\n- Add a load test\n- Add an alert\n`
    expect(run(markdown)).toEqual([])
  })

  it('honours requireTickets and ticketPattern', () => {
    const markdown = `${review}\n## Action items\n\n- Add a load test (OPS-1)\n- Add an alert (PAY-2)\n`
    expect(run(markdown, { requireTickets: false })).toEqual([])
    const messages = run(markdown, { ticketPattern: '^OPS-\\d+$' })
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([['untracked-pattern', 9]])
  })

  it('asks no ticket of an item the document marks done', () => {
    const doc = '# Incident\n\n**Date:** 2025-03-01 · **Follow-up review:** 2025-03-20\n\n## Action items\n\n- [x] Rotate the leaked key\n- [ ] Alert on key age above 90 days\n'
    const messages = run(doc)
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([['untracked', 8]])
  })
})
