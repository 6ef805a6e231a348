import { describe, expect, it } from 'vitest'
import type { TimelineEntry } from '../../src/model/types.js'
import { md, parse, range, spanOf, textAt } from './helpers.js'

const t = (hour: number, minute: number, second: number | null = null) => ({ hour, minute, second })
const d = (year: number, month: number, day: number) => ({ year, month, day })

function timeline(source: string, path?: string) {
  const doc = parse(source, path)
  expect(doc.timeline).not.toBeNull()
  return doc.timeline!
}

/** The fields most tests compare, in a compact form. */
const brief = (entry: TimelineEntry) => ({
  timeText: entry.timeText,
  time: entry.time,
  date: entry.date,
  statesDate: entry.statesDate,
  timeZone: entry.timeZone,
  text: entry.text,
})

describe('timeline: tables', () => {
  const source = md`
    # Outage

    ## Timeline

    | Time (UTC) | Event |
    |---|---|
    | 10:05 | Alert **fired** for the queue |
    | 10:12:30 | Ada paged the database team |
    | | Customers reported errors |
  `

  it('finds the time column by its header and takes the zone from it', () => {
    const line = timeline(source)
    expect(line.shape).toBe('table')
    expect(line.statedTimeZones.map((zone) => zone.zone)).toEqual(['UTC'])
    expect(range(line.statedTimeZones[0]!.span)).toBe('5:1-5:23')
    expect(line.entries.map(brief)).toEqual([
      { timeText: '10:05', time: t(10, 5), date: null, statesDate: false, timeZone: 'UTC', text: 'Alert fired for the queue' },
      { timeText: '10:12:30', time: t(10, 12, 30), date: null, statesDate: false, timeZone: 'UTC', text: 'Ada paged the database team' },
      { timeText: null, time: null, date: null, statesDate: false, timeZone: 'UTC', text: 'Customers reported errors' },
    ])
  })

  it('gives each entry its row span and the span of its time cell', () => {
    const [first, second, untimed] = timeline(source).entries
    expect(range(first!.span)).toBe('7:1-7:42')
    expect(range(first!.timeSpan)).toBe('7:3-7:8')
    expect(textAt(source, second!.timeSpan)).toBe('10:12:30')
    expect(range(second!.timeSpan)).toBe('8:3-8:11')
    expect(untimed!.timeSpan).toBeNull()
    expect(range(untimed!.span)).toBe('9:1-9:32')
    expect(first!.unparsedTime).toBe(false)
  })

  it('finds the time column by content when the header says nothing', () => {
    const source = md`
      ## Timeline

      | Who | What | |
      |---|---|---|
      | Ada | Rolled back the deploy | 10:22 |
      | Bob | Confirmed recovery | 10:40 |
    `
    const line = timeline(source)
    expect(line.entries.map((entry) => [entry.timeText, entry.text])).toEqual([
      ['10:22', 'Ada — Rolled back the deploy'],
      ['10:40', 'Bob — Confirmed recovery'],
    ])
    expect(line.entries[0]!.timeSpan).toEqual(spanOf(source, '10:22'))
  })

  it('reads dates in the time cell and date-only rows', () => {
    const source = md`
      ## Timeline

      | When | What happened |
      |---|---|
      | 2025-02-09 23:50 | Backlog starts to grow |
      | 2025-02-10 | |
      | 00:10 | Alert fires |
      | 00:25 | Workers restarted |
      | | 2025-02-11 |
      | 09:00 | Review |
    `
    const line = timeline(source)
    expect(line.entries.map((entry) => [entry.timeText, entry.date, entry.statesDate])).toEqual([
      ['2025-02-09 23:50', d(2025, 2, 9), true],
      ['00:10', d(2025, 2, 10), true],
      ['00:25', d(2025, 2, 10), false],
      ['09:00', d(2025, 2, 11), true],
    ])
  })

  it('reads a separate date column next to the time column', () => {
    const source = md`
      ## Timeline

      | Date | Time (UTC) | Event |
      |---|---|---|
      | 2025-02-09 | 23:50 | Backlog grows |
      | | 23:58 | Alert fires |
      | 2025-02-10 | 00:10 | Workers restarted |
    `
    const line = timeline(source)
    expect(line.entries.map((entry) => [entry.timeText, entry.time, entry.date, entry.statesDate, entry.timeZone, entry.text])).toEqual([
      ['23:50', t(23, 50), d(2025, 2, 9), true, 'UTC', 'Backlog grows'],
      ['23:58', t(23, 58), d(2025, 2, 9), false, 'UTC', 'Alert fires'],
      ['00:10', t(0, 10), d(2025, 2, 10), true, 'UTC', 'Workers restarted'],
    ])
    expect(line.entries[2]!.timeSpan).toEqual(spanOf(source, '00:10'))
  })

  it('reads a date-and-time column headed "Date"', () => {
    const entries = timeline('## Timeline\n\n| Date | Event |\n|---|---|\n| 2025-02-09 10:05 | a |\n').entries
    expect(entries.map((entry) => [entry.time, entry.date])).toEqual([[t(10, 5), d(2025, 2, 9)]])
  })

  it('marks a time cell it cannot read as unparsed, keeping its text and span', () => {
    const source = md`
      ## Timeline

      | Time | Event |
      |---|---|
      | shortly after lunch | Queue backs up |
      | 13:10 | Alert |
    `
    const [unparsed, parsed] = timeline(source).entries
    expect(unparsed).toMatchObject({ timeText: 'shortly after lunch', time: null, unparsedTime: true, text: 'Queue backs up' })
    expect(unparsed!.timeSpan).toEqual(spanOf(source, 'shortly after lunch'))
    expect(parsed).toMatchObject({ time: t(13, 10), unparsedTime: false })
  })

  it('ignores a table without any time column', () => {
    const line = timeline('## Timeline\n\n| Team | Role |\n|---|---|\n| DB | owner |\n')
    expect(line.entries).toEqual([])
  })
})

describe('timeline: numeric dates whose day and month could swap', () => {
  const dates = (items: string[]) => timeline(`# Outage\n\n## Timeline (UTC)\n\n${items.map((item) => `- ${item}`).join('\n')}\n`).entries.map((entry) => entry.date)

  it('reads them the way the timeline settles: one unambiguous date fixes the order for all', () => {
    expect(dates(['06/04/2023 21:42 - a', '14/04/2023 08:00 - b'])).toEqual([d(2023, 4, 6), d(2023, 4, 14)])
    expect(dates(['06/04/2023 21:42 - a', '06/14/2023 08:00 - b'])).toEqual([d(2023, 6, 4), d(2023, 6, 14)])
  })

  it('otherwise the order under which the dates lie days apart, not months', () => {
    expect(dates(['06/04/2023 21:42 - a', '07/04/2023 01:00 - b', '11/04/2023 08:14 - c'])).toEqual([d(2023, 4, 6), d(2023, 4, 7), d(2023, 4, 11)])
    expect(dates(['04/06/2023 21:42 - a', '04/07/2023 01:00 - b', '04/11/2023 08:14 - c'])).toEqual([d(2023, 4, 6), d(2023, 4, 7), d(2023, 4, 11)])
  })

  it('leaves them unread when nothing settles it', () => {
    expect(dates(['06/04/2023 21:42 - a'])).toEqual([null])
    expect(dates(['05/04/2023 21:42 - a', '04/05/2023 08:00 - b'])).toEqual([null, null])
  })
})

describe('timeline: lists', () => {
  it.each([
    ['- 10:05 — Alert fired', '10:05', 'Alert fired'],
    ['- 10:05 - Alert fired', '10:05', 'Alert fired'],
    ['- 10:05: Alert fired', '10:05', 'Alert fired'],
    ['- **10:05** Alert fired', '10:05', 'Alert fired'],
    ['- **10:05** — Alert fired', '10:05', 'Alert fired'],
    ['* [10:05] Alert fired', '10:05', 'Alert fired'],
    ['- `10:05` Alert fired', '10:05', 'Alert fired'],
    ['1. 10:05 | Alert fired', '10:05', 'Alert fired'],
    ['- ~10:05 Alert fired', '10:05', 'Alert fired'],
  ])('reads "%s"', (item, timeText, text) => {
    const source = `# Outage\n\n## Timeline\n\n${item}\n`
    const [entry] = timeline(source).entries
    expect(entry).toMatchObject({ timeText, time: t(10, 5), text, unparsedTime: false })
    expect(entry!.timeSpan).toEqual(spanOf(source, '10:05'))
    expect(range(entry!.span)).toBe(`5:1-5:${item.length + 1}`)
    expect(timeline(source).shape).toBe('list')
  })

  it('reads times with seconds, ISO 8601 timestamps, dates and 12-hour clocks', () => {
    const source = md`
      ## Timeline

      - 10:05:30 — a
      - 2025-02-09T10:05:00Z — b
      - 2025-02-09 10:07 UTC — c
      - Feb 9, 10:09 — d
      - 8:52 PM — e
      - 11:15 am — f
      - 09:00 CET — g
    `
    const line = timeline(source, '2025-02-09-outage.md')
    expect(line.entries.map((entry) => [entry.timeText, entry.time, entry.date, entry.timeZone, entry.text])).toEqual([
      ['10:05:30', t(10, 5, 30), null, null, 'a'],
      ['2025-02-09T10:05:00Z', t(10, 5, 0), d(2025, 2, 9), 'UTC', 'b'],
      ['2025-02-09 10:07 UTC', t(10, 7), d(2025, 2, 9), 'UTC', 'c'],
      ['Feb 9, 10:09', t(10, 9), d(2025, 2, 9), null, 'd'],
      ['8:52 PM', t(20, 52), d(2025, 2, 9), null, 'e'],
      ['11:15 am', t(11, 15), d(2025, 2, 9), null, 'f'],
      ['09:00 CET', t(9, 0), d(2025, 2, 9), 'CET', 'g'],
    ])
    expect(line.entries[1]!.timeSpan).toEqual(spanOf(source, '2025-02-09T10:05:00Z'))
    expect(line.entries[2]!.timeSpan).toEqual(spanOf(source, '2025-02-09 10:07 UTC'))
    expect(line.entries[3]!.timeSpan).toEqual(spanOf(source, 'Feb 9, 10:09'))
  })

  it('takes the year of a date without one from the incident date', () => {
    const source = '# Outage\n\nDate: 2024-06-01\n\n## Timeline\n\n- Jun 1, 23:58 — a\n- Jun 2, 00:03 — b\n'
    const entries = timeline(source).entries
    expect(entries.map((entry) => [entry.date, entry.statesDate])).toEqual([
      [d(2024, 6, 1), true],
      [d(2024, 6, 2), true],
    ])
  })

  it('marks a date without a year as stated even when no year is known', () => {
    const entries = timeline('## Timeline\n\n- Feb 9, 23:50 — a\n- Feb 10, 00:10 — b\n').entries
    expect(entries.map((entry) => [entry.date, entry.statesDate, entry.time])).toEqual([
      [null, true, t(23, 50)],
      [null, true, t(0, 10)],
    ])
  })

  it('keeps untimed items as entries without a time', () => {
    const source = '## Timeline\n\n- 10:05 — alert\n- Later, the queue drained\n'
    const [, untimed] = timeline(source).entries
    expect(untimed).toMatchObject({ timeText: null, timeSpan: null, time: null, unparsedTime: false, text: 'Later, the queue drained' })
    expect(range(untimed!.span)).toBe('4:1-4:27')
  })

  it('carries a date list item over to the nested entries', () => {
    const source = md`
      ## Timeline

      - Friday 7 March 2025
        - 23:50 — Backlog grows
      - Saturday 8 March 2025:
        - 00:10 — Alert fires
        - 00:20 — Restarted
    `
    const entries = timeline(source).entries
    expect(entries.map((entry) => [entry.timeText, entry.date, entry.statesDate])).toEqual([
      ['23:50', d(2025, 3, 7), true],
      ['00:10', d(2025, 3, 8), true],
      ['00:20', d(2025, 3, 8), false],
    ])
    expect(entries[1]!.timeSpan).toEqual(spanOf(source, '00:10'))
  })

  it('appends nested paragraphs of an item to its text', () => {
    const source = '## Timeline\n\n- 10:05 — Alert fired\n\n  The on-call acknowledged it.\n'
    expect(timeline(source).entries[0]!.text).toBe('Alert fired The on-call acknowledged it.')
  })
})

describe('timeline: paragraphs and headings', () => {
  it('reads one entry per line of a paragraph', () => {
    const source = md`
      ## Timeline

      10:05 Alert fired
      10:07 — Ada acknowledged
      and opened a channel
      **10:15** Rolled back
    `
    const line = timeline(source)
    expect(line.shape).toBe('paragraphs')
    expect(line.entries.map((entry) => [entry.timeText, entry.text])).toEqual([
      ['10:05', 'Alert fired'],
      ['10:07', 'Ada acknowledged and opened a channel'],
      ['10:15', 'Rolled back'],
    ])
    expect(range(line.entries[0]!.span)).toBe('3:1-3:18')
    // A wrapped line belongs to the entry before it.
    expect(range(line.entries[1]!.span)).toBe('4:1-5:21')
    expect(range(line.entries[2]!.timeSpan)).toBe('6:3-6:8')
  })

  it('splits a paragraph at hard breaks and <br>', () => {
    const source = '## Timeline\n\n10:05 - Alert<br>10:07 - Ack<br/> 10:09 - Fix\\\n10:11 - Done\n'
    const entries = timeline(source).entries
    expect(entries.map((entry) => [entry.timeText, entry.text])).toEqual([
      ['10:05', 'Alert'],
      ['10:07', 'Ack'],
      ['10:09', 'Fix'],
      ['10:11', 'Done'],
    ])
    expect(entries[2]!.timeSpan).toEqual(spanOf(source, '10:09'))
    expect(entries[2]!.span).toEqual(spanOf(source, '10:09 - Fix'))
  })

  it('reads a date line inside a paragraph timeline', () => {
    const source = '## Timeline\n\n**23:50** Backlog grows\n\n2025-02-10\n\n**00:10** Alert fires\n'
    const entries = timeline(source).entries
    expect(entries.map((entry) => [entry.timeText, entry.date, entry.statesDate])).toEqual([
      ['23:50', null, false],
      ['00:10', d(2025, 2, 10), true],
    ])
  })

  it('reads entries written as sub-headings, with the text below', () => {
    const source = md`
      ## Timeline

      ### 2025-02-09 4:19

      First report of errors.

      ### 4:27

      Found the failing job.
      It had retried all night.

      ### 8:20 - 8:24

      Discussed options.
    `
    const line = timeline(source)
    expect(line.shape).toBe('headings')
    expect(line.entries.map((entry) => [entry.timeText, entry.time, entry.date, entry.statesDate, entry.text])).toEqual([
      ['2025-02-09 4:19', t(4, 19), d(2025, 2, 9), true, 'First report of errors.'],
      ['4:27', t(4, 27), d(2025, 2, 9), false, 'Found the failing job. It had retried all night.'],
      ['8:20 - 8:24', t(8, 20), d(2025, 2, 9), false, 'Discussed options.'],
    ])
    expect(range(line.entries[1]!.timeSpan)).toBe('7:5-7:9')
    expect(range(line.entries[1]!.span)).toBe('7:1-10:26')
  })

  it('carries date sub-headings over to the entries below them', () => {
    const source = md`
      ## Timeline

      ### Friday 7 March 2025

      - 23:50 — Backlog grows

      ### Saturday 8 March 2025

      - 00:10 — Alert fires
      - 00:20 — Restarted
    `
    const entries = timeline(source).entries
    expect(entries.map((entry) => [entry.timeText, entry.date, entry.statesDate])).toEqual([
      ['23:50', d(2025, 3, 7), true],
      ['00:10', d(2025, 3, 8), true],
      ['00:20', d(2025, 3, 8), false],
    ])
  })

  it('places date headings without a year in the year of the last date stated', () => {
    const source = '## Timeline\n\n- 2025-03-07 23:50 — a\n\n### Saturday 8 March\n\n- 00:10 — b\n'
    expect(timeline(source).entries.map((entry) => [entry.date, entry.statesDate])).toEqual([
      [d(2025, 3, 7), true],
      [d(2025, 3, 8), true],
    ])
  })

  it('does not invent a new date when midnight passes without one', () => {
    const source = '# Outage\n\nDate: 2025-02-09\n\n## Timeline\n\n- 23:50 — a\n- 00:10 — b\n'
    expect(timeline(source).entries.map((entry) => [entry.time, entry.date, entry.statesDate])).toEqual([
      [t(23, 50), null, false],
      [t(0, 10), null, false],
    ])
  })
})

describe('timeline: time zones', () => {
  const entries = (source: string) => timeline(source).entries.map((entry) => entry.timeZone)

  it('takes the zone written on the entry', () => {
    expect(entries('## Timeline\n\n- 10:05 UTC — a\n- 10:07 PDT — b\n- 10:09 — c\n')).toEqual(['UTC', 'PDT', null])
  })

  it('takes the zone from the section heading qualifier', () => {
    const line = timeline('## Timeline (all times UTC)\n\n- 10:05 — a\n- 10:07 CET — b\n')
    expect(line.entries.map((entry) => entry.timeZone)).toEqual(['UTC', 'CET'])
    expect(line.statedTimeZones.map((zone) => [zone.zone, range(zone.span)])).toEqual([['UTC', '1:1-1:28']])
  })

  it('takes the zone from a dash qualifier and from PST/PDT', () => {
    expect(entries('## Timeline — all times in PST/PDT\n\n- 10:05 — a\n')).toEqual(['PT'])
  })

  it('takes the zone from an intro sentence', () => {
    const line = timeline('## Timeline\n\nAll times are UTC.\n\n- 10:05 — a\n')
    expect(line.entries.map((entry) => entry.timeZone)).toEqual(['UTC'])
    expect(line.statedTimeZones.map((zone) => [zone.zone, range(zone.span)])).toEqual([['UTC', '3:1-3:19']])
  })

  it('takes the first zone a statement names', () => {
    const line = timeline('## Timeline\n\nTimes are Central European Time (CET, UTC+1).\n\n- 10:05 — a\n')
    expect(line.entries[0]!.timeZone).toBe('CET')
    expect(line.statedTimeZones.map((zone) => zone.zone)).toEqual(['CET', 'CET', 'UTC+01:00'])
  })

  it('takes the zone and the date from an intro sentence', () => {
    const entries = timeline('## Timeline\n\nTimestamps are UTC, on Saturday 1 November 2025.\n\n1. 02:00:02 — a\n').entries
    expect(entries[0]).toMatchObject({ timeZone: 'UTC', date: d(2025, 11, 1), statesDate: true, time: t(2, 0, 2) })
  })

  it('takes the zone from a line under the document title', () => {
    const line = timeline('# Outage\n\nAll times PDT.\n\n## Summary\n\nText.\n\n## Timeline\n\n- 10:05 — a\n')
    expect(line.entries[0]!.timeZone).toBe('PDT')
    expect(line.statedTimeZones.map((zone) => [zone.zone, range(zone.span)])).toEqual([['PDT', '3:1-3:15']])
  })

  it('takes the zone from a time-zone metadata field', () => {
    expect(entries('# Outage\n\n**Time zone:** UTC\n\n## Timeline\n\n- 10:05 — a\n')).toEqual(['UTC'])
  })

  it('does not take a zone mentioned in passing for the whole timeline', () => {
    const line = timeline(
      '## Timeline\n\nThe nightly job, which we had moved to 02:00 UTC the week before, ran late again that night.\n\n- 10:05 — a\n',
    )
    expect(line.statedTimeZones).toEqual([])
    expect(line.entries[0]!.timeZone).toBeNull()
  })

  it('lets a later statement win over the document one', () => {
    expect(entries('# Outage\n\nAll times PDT.\n\n## Timeline (UTC)\n\n- 10:05 — a\n')).toEqual(['UTC'])
  })
})

describe('timeline: section shapes', () => {
  it('reports a mixed timeline', () => {
    const source = md`
      ## Timeline

      | Time | Event |
      |---|---|
      | 10:05 | a |

      - 10:07 — b
    `
    const line = timeline(source)
    expect(line.shape).toBe('mixed')
    expect(line.entries).toHaveLength(2)
  })

  it('finds the timeline under its synonyms', () => {
    expect(timeline('## Sequence of events\n\n- 10:05 — a\n').entries).toHaveLength(1)
    expect(timeline('## 4. Chronology\n\n- 10:05 — a\n').entries).toHaveLength(1)
  })

  it('returns no timeline without a timeline section', () => {
    expect(parse('# Outage\n\n## Summary\n\n- 10:05 — a\n').timeline).toBeNull()
  })

  it('reads an empty timeline section as no entries', () => {
    const line = timeline('## Timeline\n\n_TBD_\n')
    expect(line.entries).toEqual([])
    expect(line.shape).toBe('paragraphs')
  })

  it('uses the first dated entry as the incident date of an undated document', () => {
    const doc = parse('# Outage\n\n## Timeline\n\n- 2025-02-09 10:05 — a\n')
    expect(doc.incidentDate).toEqual(d(2025, 2, 9))
  })

  it('reads month-day timestamps without a year such as [12-05 16:21]', () => {
    const entries = timeline('# Outage\n\nDate: 2024-12-05\n\n## Timeline\n\n- [12-05 16:21] Queue alert fired\n').entries
    expect(entries[0]).toMatchObject({ timeText: '12-05 16:21', time: t(16, 21), date: d(2024, 12, 5), text: 'Queue alert fired' })
  })
})
