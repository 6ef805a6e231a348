import { describe, expect, it } from 'vitest'
import type { MetadataKey, PostmortemDocument } from '../../src/model/types.js'
import { parseSeverity } from '../../src/parse/metadata.js'
import { md, parse, range, spanOf, textAt } from './helpers.js'

const d = (year: number, month: number, day: number) => ({ year, month, day })
const NO_SPAN = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }

function field(doc: PostmortemDocument, key: MetadataKey) {
  return doc.metadata.fields.find((candidate) => candidate.key === key)
}

describe('metadata: YAML front matter', () => {
  const source = md`
    ---
    title: Queue stall during the February deploy
    date: 2025-02-09
    severity: SEV2
    status: resolved
    authors:
      - Ada Lovelace
      - Grace Hopper
    reviewers: [Edsger Dijkstra, Barbara Liskov]
    incident-lead: Ada Lovelace
    follow_up_review: 2025-03-10
    duration: 1h 20m
    systems: [queue, scheduler]
    ---

    # Queue stall during the February deploy

    ## Summary

    Text.
  `

  it('reads scalar, list and date values under any key spelling', () => {
    const doc = parse(source)
    expect(doc.metadata.fields.map((f) => [f.key, f.label, f.raw, f.source])).toEqual([
      ['title', 'title', 'Queue stall during the February deploy', 'front-matter'],
      ['date', 'date', '2025-02-09', 'front-matter'],
      ['severity', 'severity', 'SEV2', 'front-matter'],
      ['status', 'status', 'resolved', 'front-matter'],
      ['authors', 'authors', 'Ada Lovelace, Grace Hopper', 'front-matter'],
      ['reviewers', 'reviewers', 'Edsger Dijkstra, Barbara Liskov', 'front-matter'],
      ['incidentLead', 'incident-lead', 'Ada Lovelace', 'front-matter'],
      ['followUp', 'follow_up_review', '2025-03-10', 'front-matter'],
      ['duration', 'duration', '1h 20m', 'front-matter'],
    ])
    expect(doc.metadata.date?.value).toEqual(d(2025, 2, 9))
    expect(doc.metadata.severity).toMatchObject({ raw: 'SEV2', level: 2 })
    expect(doc.metadata.followUp).toMatchObject({ raw: '2025-03-10', value: d(2025, 3, 10) })
    expect(doc.metadata.durationMinutes).toMatchObject({ raw: '1h 20m', value: 80 })
    expect(doc.metadata.authors?.raw).toBe('Ada Lovelace, Grace Hopper')
    expect(doc.incidentDate).toEqual(d(2025, 2, 9))
    // The H1 repeats the title: the front matter's comes first.
    expect(doc.metadata.title?.source).toBe('front-matter')
    expect(doc.title?.text).toBe('Queue stall during the February deploy')
  })

  it('points each field at its key line', () => {
    const doc = parse(source)
    expect(range(field(doc, 'title')!.span)).toBe('2:1-2:46')
    expect(range(field(doc, 'date')!.span)).toBe('3:1-3:17')
    // A list value's span covers its items.
    expect(range(field(doc, 'authors')!.span)).toBe('6:1-8:17')
    expect(range(field(doc, 'incidentLead')!.span)).toBe('10:1-10:28')
    expect(textAt(source, field(doc, 'followUp')!.span)).toBe('follow_up_review: 2025-03-10')
  })

  it('keeps key positions right in a CRLF file', () => {
    const crlf = source.replace(/\n/g, '\r\n')
    const doc = parse(crlf)
    expect(range(field(doc, 'date')!.span)).toBe('3:1-3:17')
    expect(textAt(crlf, field(doc, 'severity')!.span)).toBe('severity: SEV2')
    expect(textAt(crlf, field(doc, 'followUp')!.span)).toBe('follow_up_review: 2025-03-10')
  })

  it.each([
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
    ['mixed', null],
  ])('reads the same fields at the same lines in a %s file', (_, ending) => {
    const lines = source.split('\n')
    const converted = ending === null ? lines.map((line, index) => line + (['\n', '\r\n', '\r'][index % 3] ?? '')).join('') : lines.join(ending)
    const doc = parse(converted)
    const fromLf = parse(source)
    const summary = (d: PostmortemDocument) => d.metadata.fields.map((f) => [f.key, f.raw, range(f.span)])
    expect(summary(doc)).toEqual(summary(fromLf))
    expect(doc.metadata.date?.value).toEqual(d(2025, 2, 9))
    expect(textAt(converted, field(doc, 'severity')!.span)).toBe('severity: SEV2')
    // The authors list spans its items, whatever ends the lines.
    expect(textAt(converted, field(doc, 'authors')!.span)?.split(/\r\n|\r|\n/)).toEqual(['authors:', '  - Ada Lovelace', '  - Grace Hopper'])
  })

  it('reads block scalars and comments in a lone-CR file', () => {
    const doc = parse('---\rdate: 2024-03-05 # local\rseverity: P2\rstatus: Draft\rauthors: |\r  alice\r  bob\r---\r# Incident\r')
    expect(doc.metadata.fields.map((f) => [f.key, f.raw])).toEqual([
      ['date', '2024-03-05'],
      ['severity', 'P2'],
      ['status', 'Draft'],
      ['authors', 'alice\nbob'],
      ['title', 'Incident'],
    ])
  })

  it('accepts dates YAML reads as timestamps and quoted keys', () => {
    const doc = parse('---\n"date": 2025-02-09T10:05:00Z\nSeverity: 1\n---\n\n# Outage\n')
    expect(doc.metadata.date?.value).toEqual(d(2025, 2, 9))
    expect(doc.metadata.severity?.level).toBe(1)
    expect(range(field(doc, 'date')!.span)).toBe('2:1-2:29')
  })

  it('survives broken front matter', () => {
    const doc = parse('---\ndate: [unclosed\n---\n\n# Outage on 2025-02-09\n')
    expect(doc.metadata.fields.map((f) => f.key)).toEqual(['title'])
    // The title still dates the document.
    expect(doc.metadata.date?.value).toEqual(d(2025, 2, 9))
  })
})

describe('metadata: more than one incident date (issue 16)', () => {
  const dated = (lines: string, rest = '') => `# Checkout outage\n\n${lines}\n\n## Summary\n\nCheckout failed.\n${rest}`
  const choice = (source: string) => {
    const doc = parse(source)
    return { date: doc.metadata.date?.raw, incident: doc.incidentDate, choice: doc.metadata.dateChoice, dates: doc.metadata.dates?.map((c) => c.raw) }
  }

  it('takes the date the rest of the document follows over a line pasted above it', () => {
    const source = dated('date: 2015-11-17\n\n**Date:** 2024-03-05  \n**Follow-up review:** 2024-04-04')
    expect(choice(source)).toEqual({ date: '2024-03-05', incident: d(2024, 3, 5), choice: 'support', dates: ['2015-11-17', '2024-03-05'] })
    // Either order: what decides is the evidence, not which came first.
    expect(choice(dated('**Date:** 2024-03-05  \n**Follow-up review:** 2024-04-04\n\ndate: 2015-11-17')).date).toBe('2024-03-05')
  })

  it('counts timeline days and due dates as evidence', () => {
    const rest = '\n## Timeline (UTC)\n\n### 2024-03-05\n\n- 10:05 Alert fired\n\n## Action items\n\n- Add a pool alert, @ana, due 2024-03-20\n'
    expect(choice(dated('**Date:** 2019-06-01  \n**Incident date:** 2024-03-05', rest))).toMatchObject({ date: '2024-03-05', choice: 'support' })
    expect(choice(dated('**Incident date:** 2019-06-01  \n**Date:** 2024-03-05', rest))).toMatchObject({ date: '2024-03-05', choice: 'support' })
  })

  it('without evidence, prefers the title, an incident label, a labelled field, then the first', () => {
    expect(choice('# 2024-03-05: checkout outage\n\n**Date:** 2015-11-17  \n**Started:** 2024-03-05 09:58\n')).toMatchObject({ date: '2024-03-05 09:58', choice: 'title' })
    expect(choice(dated('**Date:** 2015-11-17  \n**Incident date:** 2024-03-05'))).toMatchObject({ date: '2024-03-05', choice: 'label' })
    expect(choice(dated('date: 2015-11-17\n\n**Date:** 2024-03-05'))).toMatchObject({ date: '2024-03-05', choice: 'source' })
    expect(choice(dated('**Date:** 2015-11-17  \n**Day:** 2024-03-05'))).toMatchObject({ date: '2015-11-17', choice: 'first' })
  })

  it('does not take a document date written after an explicit incident date', () => {
    // Dates in the weeks after the incident (a due date) support both; the label decides.
    const source = dated('**Date:** 2024-03-12  \n**Incident date:** 2024-03-05', '\n## Action items\n\n- Add a pool alert, @ana, due 2024-04-01\n')
    expect(choice(source)).toMatchObject({ date: '2024-03-05', choice: 'label' })
  })

  it('reads a later date when the first date field cannot be read', () => {
    expect(choice(dated('**Date:** sometime last week\n\n**Incident date:** 2024-03-05'))).toEqual({ date: '2024-03-05', incident: d(2024, 3, 5), choice: undefined, dates: undefined })
  })

  it('keeps a single date as before', () => {
    expect(choice(dated('**Date:** 2024-03-05'))).toEqual({ date: '2024-03-05', incident: d(2024, 3, 5), choice: undefined, dates: undefined })
  })
})

describe('metadata: lines under the title', () => {
  it('reads several **Key:** value pairs on one line, separated by · or |', () => {
    const source = md`
      # Outage

      **Date:** 2025-02-09 · **Severity:** SEV1 · **Status:** Resolved
      **Authors:** Ada Lovelace | **Incident lead:** Grace Hopper | **Duration:** 47 minutes
    `
    const doc = parse(source)
    expect(doc.metadata.fields.map((f) => [f.key, f.raw, f.source])).toEqual([
      ['date', '2025-02-09', 'bold-line'],
      ['severity', 'SEV1', 'bold-line'],
      ['status', 'Resolved', 'bold-line'],
      ['authors', 'Ada Lovelace', 'bold-line'],
      ['incidentLead', 'Grace Hopper', 'bold-line'],
      ['duration', '47 minutes', 'bold-line'],
      ['title', 'Outage', 'heading'],
    ])
    // Spans start at the label, not at the separator before it.
    expect(textAt(source, field(doc, 'date')!.span)).toBe('**Date:** 2025-02-09')
    expect(textAt(source, field(doc, 'severity')!.span)).toBe('**Severity:** SEV1')
    expect(range(field(doc, 'severity')!.span)).toBe('3:24-3:42')
    expect(textAt(source, field(doc, 'incidentLead')!.span)).toBe('**Incident lead:** Grace Hopper')
    expect(doc.metadata.severity).toMatchObject({ level: 1, span: field(doc, 'severity')!.span })
    expect(doc.metadata.durationMinutes?.value).toBe(47)
  })

  it('reads the bold-colon-outside spelling', () => {
    const doc = parse('# Outage\n\n**Severity**: P3 · __Status__: open\n')
    expect(doc.metadata.severity?.level).toBe(3)
    expect(doc.metadata.status?.raw).toBe('open')
  })

  it('reads plain Key: value lines', () => {
    const source = md`
      # Outage

      Date: 9 February 2025
      Severity: Sev 2
      Owner: Platform team
      Follow-up review: March 10
    `
    const doc = parse(source)
    expect(doc.metadata.fields.map((f) => [f.key, f.raw, f.source]).slice(0, 4)).toEqual([
      ['date', '9 February 2025', 'line'],
      ['severity', 'Sev 2', 'line'],
      ['authors', 'Platform team', 'line'],
      ['followUp', 'March 10', 'line'],
    ])
    expect(doc.metadata.date?.value).toEqual(d(2025, 2, 9))
    expect(doc.metadata.severity?.level).toBe(2)
    // The follow-up date takes its year from the incident date.
    expect(doc.metadata.followUp?.value).toEqual(d(2025, 3, 10))
    expect(range(field(doc, 'severity')!.span)).toBe('4:1-4:16')
  })

  it('reads a bullet list of - **Key:** value', () => {
    const source = md`
      # Outage

      - **Incident:** INC-2041
      - **Date:** 2025-02-09
      - **Severity:** P1
      - **Incident commander:** Ada Lovelace
      - **Reviewed by:** Grace Hopper, Alan Turing
      - **Follow-up review:** 2025-03-09 (four weeks later)
    `
    const doc = parse(source)
    expect(doc.metadata.fields.map((f) => [f.key, f.label, f.raw, f.source]).slice(0, 6)).toEqual([
      ['incidentId', 'Incident', 'INC-2041', 'list'],
      ['date', 'Date', '2025-02-09', 'list'],
      ['severity', 'Severity', 'P1', 'list'],
      ['incidentLead', 'Incident commander', 'Ada Lovelace', 'list'],
      ['reviewers', 'Reviewed by', 'Grace Hopper, Alan Turing', 'list'],
      ['followUp', 'Follow-up review', '2025-03-09 (four weeks later)', 'list'],
    ])
    // The bullet is not part of the field.
    expect(range(field(doc, 'date')!.span)).toBe('4:3-4:23')
    expect(textAt(source, field(doc, 'severity')!.span)).toBe('**Severity:** P1')
    expect(doc.metadata.followUp?.value).toEqual(d(2025, 3, 9))
    expect(doc.metadata.reviewers?.raw).toBe('Grace Hopper, Alan Turing')
  })

  it('reads an ordered or indented metadata list', () => {
    const doc = parse('# Outage\n\n1. Date: 2025-02-09\n2. Severity: P2\n   - Status: open\n')
    expect(doc.metadata.date?.value).toEqual(d(2025, 2, 9))
    expect(doc.metadata.severity?.level).toBe(2)
    expect(doc.metadata.status?.raw).toBe('open')
    expect(range(doc.metadata.status!.span)).toBe('5:6-5:18')
  })

  it('reads <br>-separated values', () => {
    const source = 'Status: final<br> Owners: @ada<br/>Severity: P4\n\n## Summary\n\nText.\n'
    const doc = parse(source)
    expect(doc.metadata.fields.map((f) => [f.key, f.raw])).toEqual([
      ['status', 'final'],
      ['authors', '@ada'],
      ['severity', 'P4'],
    ])
    expect(textAt(source, field(doc, 'authors')!.span)).toBe('Owners: @ada')
    expect(range(field(doc, 'severity')!.span)).toBe('1:36-1:48')
  })

  it('ignores labels it does not know and sentences with a colon', () => {
    const doc = parse('# Outage\n\nNote: this draft is not final.\n\nWe learned one thing: deploys need a canary.\n')
    expect(doc.metadata.fields.map((f) => f.key)).toEqual(['title'])
  })

  it('takes the first value when a key repeats', () => {
    const doc = parse('# Outage\n\nSeverity: P2\n\nSeverity: P1\n')
    expect(doc.metadata.severity).toMatchObject({ raw: 'P2', level: 2 })
  })
})

describe('metadata: tables', () => {
  it('reads a two-column vertical table near the top', () => {
    const source = md`
      # Near miss

      | Field | Value |
      |---|---|
      | Reference | NM-7 |
      | Date | 2025-10-06 |
      | Severity | P4 (near-miss) |
      | Authors | Ada Lovelace |
      | Follow-up review: | 2025-11-04 |
    `
    const doc = parse(source)
    expect(doc.metadata.fields.map((f) => [f.key, f.raw, f.source]).slice(0, 5)).toEqual([
      ['incidentId', 'NM-7', 'table'],
      ['date', '2025-10-06', 'table'],
      ['severity', 'P4 (near-miss)', 'table'],
      ['authors', 'Ada Lovelace', 'table'],
      ['followUp', '2025-11-04', 'table'],
    ])
    expect(doc.metadata.severity?.level).toBe(4)
    expect(range(field(doc, 'date')!.span)).toBe('6:1-6:22')
    expect(doc.metadata.followUp?.value).toEqual(d(2025, 11, 4))
  })

  it('reads a vertical table whose header row is the first pair', () => {
    const doc = parse('# Outage\n\n| Date | 2025-02-09 |\n|---|---|\n| Severity | P2 |\n')
    expect(doc.metadata.date?.value).toEqual(d(2025, 2, 9))
    expect(doc.metadata.severity?.level).toBe(2)
    expect(range(field(doc, 'date')!.span)).toBe('3:1-3:22')
  })

  it('reads a horizontal one-row table', () => {
    const source = md`
      # Outage

      | Date | Severity | Duration | Status | Incident commander |
      |---|---|---|---|---|
      | 2025-02-09 | Critical | 2 hours | Resolved | Ada Lovelace |
    `
    const doc = parse(source)
    expect(doc.metadata.fields.map((f) => [f.key, f.raw]).slice(0, 5)).toEqual([
      ['date', '2025-02-09'],
      ['severity', 'Critical'],
      ['duration', '2 hours'],
      ['status', 'Resolved'],
      ['incidentLead', 'Ada Lovelace'],
    ])
    expect(doc.metadata.severity?.level).toBe(1)
    expect(doc.metadata.durationMinutes?.value).toBe(120)
    // The values sit in the second row.
    expect(field(doc, 'date')!.span.start.line).toBe(5)
  })

  it('reads a metadata section', () => {
    const doc = parse(md`
      # Outage

      ## Incident details

      | | |
      |---|---|
      | Date | 2025-02-09 |
      | Severity | major |

      ## Summary

      Date: 2024-01-01 is not metadata here.
    `)
    expect(doc.sections[0]!.kind).toBe('metadata')
    expect(doc.metadata.date?.value).toEqual(d(2025, 2, 9))
    expect(doc.metadata.severity?.level).toBe(2)
  })
})

describe('metadata: headings and the title', () => {
  it('reads fields written as headings', () => {
    const source = md`
      ## Incident report for a stalled queue
      ## Date: February 06, 2023
      ## Time: 15:30:00 UTC
      ## Details:

      Text.
    `
    const doc = parse(source)
    expect(field(doc, 'date')).toMatchObject({ raw: 'February 06, 2023', source: 'heading' })
    expect(doc.metadata.date?.value).toEqual(d(2023, 2, 6))
    expect(range(field(doc, 'date')!.span)).toBe('2:4-2:27')
  })

  it('takes the date from the title when no field gives one', () => {
    const source = '# 2025-02-09, the queue stalls\n\n## Summary\n\nText.\n'
    const doc = parse(source)
    expect(doc.metadata.date).toMatchObject({ value: d(2025, 2, 9), raw: '2025-02-09, the queue stalls' })
    expect(range(doc.metadata.date!.span)).toBe('1:1-1:31')
    expect(doc.incidentDate).toEqual(d(2025, 2, 9))
  })

  it('takes the date from a title with a month name', () => {
    expect(parse('# March 26th, 2019 Queue Outage\n').metadata.date?.value).toEqual(d(2019, 3, 26))
  })

  it('prefers a date field to the title', () => {
    const doc = parse('# Outage of 2025-02-08\n\nDate: 2025-02-09\n')
    expect(doc.metadata.date?.value).toEqual(d(2025, 2, 9))
  })

  it('dates an undated document from the file name, then from the summary', () => {
    expect(parse('# Outage\n', 'postmortems/2024-12-01-outage.md').incidentDate).toEqual(d(2024, 12, 1))
    const doc = parse('# Outage\n\n## Summary\n\nOn May 31, 2022, the queue stalled.\n')
    expect(doc.metadata.date).toBeUndefined()
    expect(doc.incidentDate).toEqual(d(2022, 5, 31))
  })

  it('keeps an unparseable date field as a field without a date', () => {
    const doc = parse('# Outage\n\nDate: TBD\n')
    expect(field(doc, 'date')?.raw).toBe('TBD')
    expect(doc.metadata.date).toBeUndefined()
  })

  it('keeps an unparseable follow-up value with a null date', () => {
    const doc = parse('# Outage\n\nFollow-up review: not scheduled yet\n')
    expect(doc.metadata.followUp).toMatchObject({ raw: 'not scheduled yet', value: null })
  })
})

describe('metadata: severity scales', () => {
  it.each([
    ['P1', 1],
    ['P2', 2],
    ['p3', 3],
    ['P4', 4],
    ['SEV0', 1],
    ['SEV1', 1],
    ['SEV-2', 2],
    ['sev3', 3],
    ['SEV4', 4],
    ['Sev 2', 2],
    ['Severity 3', 3],
    ['S2', 2],
    ['1', 1],
    ['2 (major degradation)', 2],
    ['Critical', 1],
    ['major', 2],
    ['High', 2],
    ['Minor', 3],
    ['Medium', 3],
    ['low', 4],
    ['Near-miss', 4],
    ['P2 - minor', 2],
  ])('%s is level %i', (raw, level) => {
    expect(parseSeverity(raw, NO_SPAN)?.level).toBe(level)
  })

  it.each([['unknown'], ['TBD'], ['SEV5'], ['']])('"%s" has no level', (raw) => {
    expect(parseSeverity(raw, NO_SPAN)).toBeNull()
  })

  it('keeps a severity field it cannot read as a field', () => {
    const doc = parse('# Outage\n\nSeverity: to be decided\n')
    expect(field(doc, 'severity')?.raw).toBe('to be decided')
    expect(doc.metadata.severity).toBeUndefined()
  })
})

describe('metadata: durations', () => {
  it.each([
    ['47 minutes', 47],
    ['1h 20m', 80],
    ['2 hours', 120],
    ['15 hours 40 minutes', 940],
    ['about 3 hours', 180],
    ['01:30', 90],
  ])('Duration: %s is %i minutes', (raw, minutes) => {
    const source = `# Outage\n\n**Duration:** ${raw}\n`
    const doc = parse(source)
    expect(doc.metadata.durationMinutes).toMatchObject({ raw, value: minutes })
    expect(doc.metadata.durationMinutes!.span).toEqual(spanOf(source, `**Duration:** ${raw}`))
  })

  it('keeps an unreadable duration as a field only', () => {
    const doc = parse('# Outage\n\nDuration: ongoing\n')
    expect(field(doc, 'duration')?.raw).toBe('ongoing')
    expect(doc.metadata.durationMinutes).toBeUndefined()
  })
})
