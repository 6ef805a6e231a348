import { describe, expect, it } from 'vitest'
import { run } from './helpers.js'

const id = 'metadata'
const body = '\n## Summary\n\nThe checkout API returned errors for 40 minutes.\n'
const full = (lines: string) => `# Checkout outage\n\n${lines}\n${body}`
const complete = '**Date:** 2024-03-05  \n**Severity:** SEV2  \n**Status:** Draft  \n**Authors:** @alice, @bob'

describe(id, () => {
  it('reports each missing field once, at the title', () => {
    const messages = run(id, `# Checkout outage\n${body}`)
    expect(messages.map((m) => m.message.match(/states no ([a-z ]+);/)?.[1]).sort()).toEqual(['authors', 'incident date', 'severity', 'status'])
    for (const m of messages) expect(m).toMatchObject({ line: 1, column: 1, endLine: 1 })
  })

  it('reports at line 1 without a title', () => {
    const [m] = run(id, `Some intro\n${body}`, { required: ['status'] })
    expect(m).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 11 })
  })

  it('reports an unreadable severity and date', () => {
    const messages = run(id, full('**Date:** sometime last week  \n**Severity:** bad  \n**Status:** Draft  \n**Authors:** @alice'))
    expect(messages.map((m) => m.messageId)).toEqual(['bad-date', 'bad-severity'])
    expect(messages[1]?.message).toContain('`bad`')
  })

  it('honours `required`', () => {
    expect(run(id, full('**Date:** 2024-03-05'), { required: ['date'] })).toEqual([])
    expect(run(id, full(complete), { required: ['reviewers'] }).map((m) => m.messageId)).toEqual(['missing'])
  })

  const good = [
    complete,
    '**Date:** March 5, 2024  \n**Severity:** P1  \n**Status:** Final  \n**Authors:** Alice Chen',
    '**Date:** 5 March 2024  \n**Severity:** critical  \n**Status:** In review  \n**Author:** Alice',
    '**Date:** 2024-03-05  \n**Severity:** SEV0  \n**Status:** Draft  \n**Written by:** SRE team',
    '**Date:** 2024-03-05  \n**Sev:** 3  \n**Status:** Draft  \n**Prepared by:** @alice',
    '**Date:** 2024-03-05  \n**Severity:** minor  \n**Status:** Complete  \n**Owners:** @alice',
    '| Field | Value |\n|---|---|\n| Date | 2024-03-05 |\n| Severity | Major |\n| Status | Draft |\n| Authors | @alice |',
    '- Date: 2024-03-05\n- Severity: SEV-2\n- Status: Draft\n- Authors: @alice',
  ]
  for (const lines of good) {
    it(`does not flag ${JSON.stringify(lines.slice(0, 60))}`, () => {
      expect(run(id, full(lines)).map((m) => m.message)).toEqual([])
    })
  }

  it('accepts front matter and a date in the title', () => {
    expect(run(id, `---\ndate: 2024-03-05\nseverity: SEV2\nstatus: draft\nauthors: [alice]\n---\n# Outage\n${body}`)).toEqual([])
    expect(run(id, `# 2024-03-05: checkout outage\n\n**Severity:** SEV2  \n**Status:** Draft  \n**Authors:** @alice\n${body}`)).toEqual([])
  })

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ])('reads front matter with %s line endings', (_, ending) => {
    const source = ['---', 'date: 2024-03-05', 'severity: P2', 'status: Draft', 'authors: alice', '---', '# Incident', ''].join(ending)
    expect(run(id, source).map((m) => m.message)).toEqual([])
  })

  describe('two incident dates (issue 16)', () => {
    const pasted = full(`date: 2015-11-17\n\n${complete}  \n**Follow-up review:** 2024-04-04`)

    it('reports the date that contradicts the one it uses, pointing at both', () => {
      const messages = run(id, pasted)
      expect(messages.map((m) => m.messageId)).toEqual(['conflicting-dates'])
      expect(messages[0]).toMatchObject({ line: 3, column: 1, endLine: 3, endColumn: 17 })
      expect(messages[0]?.related?.[0]).toMatchObject({ line: 5 })
      expect(messages[0]?.message).toBe(
        "A second incident date, `2015-11-17`, contradicts `2024-03-05` (line 5); due dates and the follow-up review are measured from the incident date, so one of the two is wrong. The linter uses 2024-03-05, the one the document's other dates (timeline, due dates, follow-up review) follow; correct or remove the other.",
      )
    })

    it('measures the follow-up review from the date it uses', () => {
      expect(run('follow-up-scheduled', pasted).map((m) => m.message)).toEqual([])
    })

    it.each([
      ['the same date twice', `---\ndate: 2024-03-05\n---\n# Checkout outage\n\n${complete}\n${body}`],
      ['an incident that crossed midnight', full(`${complete}  \n**Started:** 2024-03-04 23:50 UTC`)],
      ['a document date after the incident date', full(`${complete}  \n**Incident date:** 2024-02-28`)],
    ])('does not report %s', (_, source) => {
      expect(run(id, source).map((m) => m.message)).toEqual([])
    })

    it('reports a generic date long after, or before, an incident date', () => {
      expect(run(id, full(`${complete}  \n**Incident date:** 2023-01-10`)).map((m) => m.messageId)).toEqual(['conflicting-dates'])
      expect(run(id, full(`${complete}  \n**Incident date:** 2024-03-09`)).map((m) => m.messageId)).toEqual(['conflicting-dates'])
    })
  })
})
