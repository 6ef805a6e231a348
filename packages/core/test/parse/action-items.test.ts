import { describe, expect, it } from 'vitest'
import type { ActionItem } from '../../src/model/types.js'
import { md, parse, range, spanOf } from './helpers.js'

const d = (year: number, month: number, day: number) => ({ year, month, day })

function actions(source: string) {
  return parse(source).actionItems
}

/** Raw field values of an item, in a compact form. */
const fields = (item: ActionItem) => ({
  text: item.text,
  owner: item.owner?.raw ?? null,
  due: item.due?.raw ?? null,
  date: item.due?.date ?? null,
  priority: item.priority?.raw ?? null,
  category: item.category?.raw ?? null,
  ticket: item.ticket?.raw ?? null,
  status: item.status?.raw ?? null,
})

describe('action items: tables', () => {
  const source = md`
    # Outage

    Date: 2025-02-09

    ## Action items

    | Task | Assignee | Deadline | Priority | Category | Issue | Status |
    |---|---|---|---|---|---|---|
    | Add a queue-depth alert | @alice | 2025-03-01 | P1 | Detect | [OPS-1](https://tracker.example.com/OPS-1) | Open |
    | Document the failover | Platform team | March 3 | high | Process | OPS-2 | Done |
    | Review the retry policy | - | TBD | | | | |
  `

  it('maps columns by their header synonyms', () => {
    const items = actions(source)
    expect(items.map(fields)).toEqual([
      { text: 'Add a queue-depth alert', owner: '@alice', due: '2025-03-01', date: d(2025, 3, 1), priority: 'P1', category: 'Detect', ticket: 'OPS-1', status: 'Open' },
      { text: 'Document the failover', owner: 'Platform team', due: 'March 3', date: d(2025, 3, 3), priority: 'high', category: 'Process', ticket: 'OPS-2', status: 'Done' },
      { text: 'Review the retry policy', owner: null, due: 'TBD', date: null, priority: null, category: null, ticket: null, status: null },
    ])
    expect(items.every((item) => item.source === 'table' && item.group === null)).toBe(true)
  })

  it('points at the row, the deliverable and each field cell', () => {
    const [first, second] = actions(source)
    expect(range(first!.span)).toBe('9:1-9:116')
    expect(range(first!.textSpan)).toBe('9:3-9:26')
    expect(first!.owner!.span).toEqual(spanOf(source, '@alice'))
    expect(first!.due!.span).toEqual(spanOf(source, '2025-03-01'))
    // A linked ticket points at the link text, which is its raw value.
    expect(first!.ticket!.span).toEqual(spanOf(source, 'OPS-1'))
    expect(second!.owner!.span).toEqual(spanOf(source, 'Platform team'))
  })

  it.each([
    ['Action', 'Owner', 'Due', 'Ticket'],
    ['Item', 'Who', 'Date', 'Link'],
    ['Action item', 'DRI', 'ETA', 'Tracking bug'],
    ['Description', 'Owner(s)', 'Due date', 'Jira'],
  ])('reads the headers %s | %s | %s | %s', (text, owner, due, ticket) => {
    const items = actions(`## Action items\n\n| ${text} | ${owner} | ${due} | ${ticket} |\n|---|---|---|---|\n| Add an alert | @ada | 2025-03-01 | OPS-7 |\n`)
    expect(items.map(fields)).toEqual([
      { text: 'Add an alert', owner: '@ada', due: '2025-03-01', date: d(2025, 3, 1), priority: null, category: null, ticket: 'OPS-7', status: null },
    ])
  })

  it('finds the deliverable column of a table without an "Action" header', () => {
    const source = md`
      ## Follow-ups

      | # | Owner | Due |
      |---|---|---|
      | Page on replication lag above 30 s | @bob | 2025-03-05 |
      | Add a runbook for failover | @cy | 2025-03-06 |
    `
    const items = actions(source)
    expect(items.map((item) => [item.text, item.owner?.raw])).toEqual([
      ['Page on replication lag above 30 s', '@bob'],
      ['Add a runbook for failover', '@cy'],
    ])
    expect(items[0]!.textSpan).toEqual(spanOf(source, 'Page on replication lag above 30 s'))
  })

  it('reads a "Who | What" table with the owner first', () => {
    const source = '## Action items\n\n| Who | What | ETA | Link |\n|---|---|---|---|\n| @erin | Add a load test for search | 2025-04-01 | https://github.com/org/repo/issues/12 |\n'
    const [item] = actions(source)
    expect(fields(item!)).toMatchObject({ text: 'Add a load test for search', owner: '@erin', due: '2025-04-01', ticket: 'https://github.com/org/repo/issues/12' })
    expect(item!.owner!.span).toEqual(spanOf(source, '@erin'))
  })

  it('reads inline fields inside the action cell', () => {
    const [item] = actions('## Action items\n\n| Action | Notes |\n|---|---|\n| Add an alert — @ada, due 2025-03-01 | |\n')
    expect(fields(item!)).toMatchObject({ text: 'Add an alert', owner: '@ada', date: d(2025, 3, 1) })
  })

  it('skips empty and dash-only rows', () => {
    expect(actions('## Action items\n\n| Action | Owner |\n|---|---|\n| | @ada |\n| — | |\n')).toEqual([])
  })
})

describe('action items: what is not an action', () => {
  it('skips list items that retell what caused what, keeps actions that mention a cause', () => {
    const source = '# Outage\n\n## Moving forward\n\n1. The OOM killer caused the locale step to fail.\n2. The lack of a locale caused the database to stop.\n3. Fix the job that caused the spike.\n4. We will alert when a package upgrade led to a restart.\n'
    expect(actions(source).map((item) => item.text)).toEqual(['Fix the job that caused the spike.', 'We will alert when a package upgrade led to a restart.'])
  })

  it('reads a hedged commitment in prose as an action, not a hedged guess', () => {
    const source = '# Outage\n\n## Next steps\n\nIn the future, I might redeploy the metrics stack.\n\nWe might have missed it anyway.\n'
    expect(actions(source).map((item) => item.text)).toEqual(['In the future, I might redeploy the metrics stack.'])
  })
})

describe('action items: lists', () => {
  it('reads a task list, checked or not', () => {
    const source = '## Action items\n\n- [ ] Add a canary stage to the deploy pipeline\n- [x] Roll back the bad config\n'
    const items = actions(source)
    expect(items.map((item) => [item.text, item.source])).toEqual([
      ['Add a canary stage to the deploy pipeline', 'task-list'],
      ['Roll back the bad config', 'task-list'],
    ])
    expect(range(items[0]!.textSpan)).toBe('3:7-3:48')
    expect(range(items[0]!.span)).toBe('3:1-3:48')
  })

  it('reads inline fields after a dash: "— @alice, due 2025-03-01, JIRA-123"', () => {
    const source = '## Action items\n\n- Add a queue-depth alert — @alice, due 2025-03-01, JIRA-123\n'
    const [item] = actions(source)
    expect(fields(item!)).toEqual({
      text: 'Add a queue-depth alert',
      owner: '@alice',
      due: '2025-03-01',
      date: d(2025, 3, 1),
      priority: null,
      category: null,
      ticket: 'JIRA-123',
      status: null,
    })
    expect(item!.source).toBe('list')
    expect(item!.textSpan).toEqual(spanOf(source, 'Add a queue-depth alert'))
    expect(item!.owner!.span).toEqual(spanOf(source, '@alice'))
    expect(item!.due!.span).toEqual(spanOf(source, '2025-03-01'))
    expect(item!.ticket!.span).toEqual(spanOf(source, 'JIRA-123'))
  })

  it('reads labelled fields in parentheses: "(owner: Platform team, due: March 3)"', () => {
    const source = '# Outage\n\nDate: 2025-02-09\n\n## Action items\n\n- Document the failover runbook (owner: Platform team, due: March 3)\n'
    const [item] = actions(source)
    expect(fields(item!)).toMatchObject({ text: 'Document the failover runbook', owner: 'Platform team', due: 'March 3', date: d(2025, 3, 3) })
    expect(item!.owner!.span).toEqual(spanOf(source, 'Platform team'))
    expect(item!.due!.span).toEqual(spanOf(source, 'March 3'))
    expect(item!.textSpan).toEqual(spanOf(source, 'Document the failover runbook'))
  })

  it('reads labelled fields as sentences after the deliverable', () => {
    const [item] = actions('## Action items\n\n- Size the pool from traffic. Owner: @bob. Due: 2025-03-10. Ticket: OPS-9.\n')
    expect(fields(item!)).toMatchObject({ owner: '@bob', due: '2025-03-10', ticket: 'OPS-9' })
    expect(item!.text).toBe('Size the pool from traffic.')
  })

  it('reads fields on the line below the item', () => {
    const source = md`
      ## Action items

      - [ ] Add a canary stage to the deploy pipeline
        **Owner:** @carol · **Due:** 2025-03-01 · **Ticket:** [ABC-1](https://tracker.example.com/ABC-1)
      - Decode config key by key.
        Owner: Lea Hoffmann. Due: 2025-03-21. Ticket: MOB-3310.
    `
    const [first, second] = actions(source)
    expect(fields(first!)).toEqual({
      text: 'Add a canary stage to the deploy pipeline',
      owner: '@carol',
      due: '2025-03-01',
      date: d(2025, 3, 1),
      priority: null,
      category: null,
      ticket: 'ABC-1',
      status: null,
    })
    expect(first!.owner!.span).toEqual(spanOf(source, '@carol'))
    expect(range(first!.owner!.span)).toBe('4:14-4:20')
    expect(first!.ticket!.span).toEqual(spanOf(source, 'ABC-1'))
    // The deliverable is the first line only.
    expect(range(first!.textSpan)).toBe('3:7-3:48')
    expect(range(first!.span)).toBe('3:1-4:99')
    expect(fields(second!)).toMatchObject({ text: 'Decode config key by key.', owner: 'Lea Hoffmann', due: '2025-03-21', ticket: 'MOB-3310' })
    expect(second!.owner!.span).toEqual(spanOf(source, 'Lea Hoffmann'))
  })

  it('reads fields in a paragraph below the item and in a nested list', () => {
    const source = md`
      ## Action items

      - Fix the flaky integration test

        Owner: @dan, due 2025-04-02

      - Rotate the leaked token
        - Owner: @erin
        - Due: 2025-04-01
    `
    const [first, second] = actions(source)
    expect(fields(first!)).toMatchObject({ text: 'Fix the flaky integration test', owner: '@dan', due: '2025-04-02' })
    expect(fields(second!)).toMatchObject({ text: 'Rotate the leaked token', owner: '@erin', due: '2025-04-01' })
    expect(second!.due!.span).toEqual(spanOf(source, '2025-04-01'))
  })

  it('reads a priority and a ticket at the end, and fields written first', () => {
    const items = actions(md`
      ## Action items

      - Add a load test for the search query (P2, #1234)
      - [x] Roll back the config P1 @dave by 2025-02-12
      - Alert on replication lag https://github.com/org/repo/issues/77
    `)
    expect(items.map(fields)).toEqual([
      { text: 'Add a load test for the search query', owner: null, due: null, date: null, priority: 'P2', category: null, ticket: '#1234', status: null },
      { text: 'Roll back the config', owner: '@dave', due: '2025-02-12', date: d(2025, 2, 12), priority: 'P1', category: null, ticket: null, status: null },
      { text: 'Alert on replication lag', owner: null, due: null, date: null, priority: null, category: null, ticket: 'https://github.com/org/repo/issues/77', status: null },
    ])
  })

  it('takes a link to a tracker as the ticket even when its text names none', () => {
    const source = md`
      ## Action items

      1. Handle launch errors on the hub more gracefully.
         [Issue](https://github.com/org/hub/issues/131)
    `
    const [item] = actions(source)
    expect(item!.ticket?.raw).toBe('https://github.com/org/hub/issues/131')
    expect(item!.ticket!.span).toEqual(spanOf(source, 'https://github.com/org/hub/issues/131'))
    expect(item!.text).toBe('Handle launch errors on the hub more gracefully.')
    expect(item!.textSpan).toEqual(spanOf(source, 'Handle launch errors on the hub more gracefully.'))
  })

  it('keeps items without any field', () => {
    const source = '## Next steps\n\n- Review the retry policy\n- Add more tests\n'
    const items = actions(source)
    expect(items.map(fields)).toEqual([
      { text: 'Review the retry policy', owner: null, due: null, date: null, priority: null, category: null, ticket: null, status: null },
      { text: 'Add more tests', owner: null, due: null, date: null, priority: null, category: null, ticket: null, status: null },
    ])
    expect(items[1]!.textSpan).toEqual(spanOf(source, 'Add more tests'))
  })

  it('does not take a date in the middle of the deliverable for the due date', () => {
    const [item] = actions('## Action items\n\n- Backfill the invoices created between 2025-02-09 and 2025-02-10 for every affected account in the EU region\n')
    expect(item!.due).toBeNull()
  })
})

describe('action items: groups', () => {
  it('uses sub-headings as groups', () => {
    const source = md`
      ## Action items

      ### Prevent

      - Validate config values against a schema

      ### Detect

      | Action | Owner |
      |---|---|
      | Page on crash-free sessions below 99% | @lea |

      ### Mitigate

      - [ ] Purge the CDN on every publish
    `
    const items = actions(source)
    expect(items.map((item) => [item.group, item.text, item.source])).toEqual([
      ['Prevent', 'Validate config values against a schema', 'list'],
      ['Detect', 'Page on crash-free sessions below 99%', 'table'],
      ['Mitigate', 'Purge the CDN on every publish', 'task-list'],
    ])
    expect(parse(source).section('detection')).toBeNull()
  })

  it('uses a short bold list item with nested items as a group', () => {
    const items = actions(md`
      ## Corrective actions

      - **Prevention**
        - Add a dry-run step to the deploy runbook
      - Detection:
        - Alert when the pool is above 80% for 5 minutes
    `)
    expect(items.map((item) => [item.group, item.text])).toEqual([
      ['Prevention', 'Add a dry-run step to the deploy runbook'],
      ['Detection', 'Alert when the pool is above 80% for 5 minutes'],
    ])
  })

  it('reads only the action-items section', () => {
    const doc = parse('## Summary\n\n- Not an action\n\n## Action items\n\n- An action\n\n## Appendix\n\n- Not one either\n')
    expect(doc.actionItems.map((item) => item.text)).toEqual(['An action'])
    expect(doc.actionItemsSection?.title).toBe('Action items')
  })

  it('has no items without an action-items section', () => {
    const doc = parse('# Outage\n\n## Summary\n\nText.\n')
    expect(doc.actionItems).toEqual([])
    expect(doc.actionItemsSection).toBeNull()
  })
})

describe('action items: done', () => {
  it('knows an item is done from a checked box, a done status, a done note or a strike-through', () => {
    const doc = parse(
      [
        '# Outage',
        '',
        '## Action items',
        '',
        '- [x] Pin the NIC names with systemd link files',
        '- [ ] Replace the CMOS battery (owner: @ana)',
        '- Add a disk alert at 80% (done 2025-01-12)',
        '- ~~Rotate the database password~~',
        '',
        '| Action | Owner | Status |',
        '|---|---|---|',
        '| Add a canary stage to the deploy | @kofi | Done |',
        '| Document the failover | @mei | In progress |',
        '',
      ].join('\n'),
    )
    expect(doc.actionItems.map((item) => [item.text.slice(0, 22), item.done])).toEqual([
      ['Pin the NIC names with', true],
      ['Replace the CMOS batte', false],
      ['Add a disk alert at 80', true],
      ['Rotate the database pa', true],
      ['Add a canary stage to ', true],
      ['Document the failover', false],
    ])
  })
})
