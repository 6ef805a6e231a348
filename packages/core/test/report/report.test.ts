import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { buildReport, fatalResult, lint, lintForReport, matchClass, renderReportJson, systemsIn, type Report } from '@postmortem-lint/core'

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))
const fixtureDir = join(repoRoot, 'fixtures/report')
const schema = JSON.parse(readFileSync(join(repoRoot, 'packages/core/schema/report.schema.json'), 'utf8')) as object
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema)

const files = readdirSync(fixtureDir).filter((file) => file.endsWith('.md')).sort()
const entries = files.map((file) => lintForReport(readFileSync(join(fixtureDir, file), 'utf8'), { filePath: `fixtures/report/${file}`, detect: true }))
const report = (asOf = '2025-06-30'): Report => buildReport(entries, { asOf })

const action = (r: Report, text: string) => {
  const found = r.actions.find((item) => item.text.startsWith(text))
  if (!found) throw new Error(`no action "${text}"`)
  return found
}

describe('report: JSON against its schema', () => {
  it('the fixture report validates, as the JSON renderer writes it', () => {
    const parsed = JSON.parse(renderReportJson(report())) as unknown
    const ok = validate(parsed)
    expect(validate.errors ?? []).toEqual([])
    expect(ok).toBe(true)
  })

  it('a file that could not be read is listed as unreadable, not as a postmortem', () => {
    const r = buildReport([...entries, { result: fatalResult('fixtures/report/broken.md', 'not UTF-8 text'), facts: null }], { asOf: '2025-06-30' })
    expect(r.unreadable).toEqual([{ path: 'fixtures/report/broken.md', problem: 'not UTF-8 text' }])
    expect(r.summary).toMatchObject({ files: 6, postmortems: 4, unreadable: 1 })
    expect(validate(JSON.parse(renderReportJson(r)))).toBe(true)
  })

  it('an empty report validates too', () => {
    const empty = JSON.parse(renderReportJson(buildReport([], { asOf: '2025-06-30' }))) as Report
    expect(validate(empty)).toBe(true)
    expect(empty.summary.meanScore).toBeNull()
  })

  it('the schema rejects what the report never writes (an unknown state, a missing key)', () => {
    const broken = JSON.parse(renderReportJson(report())) as Report & Record<string, unknown>
    broken.actions[0]!.state = 'later' as never
    expect(validate(broken)).toBe(false)
    const missing = JSON.parse(renderReportJson(report())) as Record<string, unknown>
    delete missing.recurring
    expect(validate(missing)).toBe(false)
  })

  it('the core package publishes the schema', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'packages/core/package.json'), 'utf8')) as { files: string[]; exports: Record<string, unknown> }
    expect(pkg.files).toContain('schema')
    expect(pkg.exports['./schema/report.schema.json']).toBe('./schema/report.schema.json')
  })
})

describe('report: one parse gives the lint result and the facts', () => {
  it('lintForReport gives the same result as lint', () => {
    for (const file of files) {
      const text = readFileSync(join(fixtureDir, file), 'utf8')
      const options = { filePath: `fixtures/report/${file}`, detect: true }
      expect(lintForReport(text, options).result).toEqual(lint(text, options))
    }
  })

  it('a skipped template has no facts and is listed apart, with its reason', () => {
    const r = report()
    expect(r.skipped).toEqual([{ path: 'fixtures/report/template.md', reason: expect.stringMatching(/template/) }])
    expect(r.postmortems.map((item) => item.path)).not.toContain('fixtures/report/template.md')
    expect(r.summary).toMatchObject({ files: 5, postmortems: 4, skipped: 1, unreadable: 0 })
  })
})

describe('report: action tracker', () => {
  it('done when the document says so: a status column, a checked task box, a strike-through', () => {
    const r = report()
    expect(action(r, 'Move the gateway certificate').state).toBe('done')
    expect(action(r, "Move the proxy's certificate renewal").state).toBe('done')
    expect(action(r, 'Serve the previous certificate').state).toBe('done')
    // A done item past its due date is not overdue.
    expect(action(r, 'Move the gateway certificate').daysOverdue).toBeNull()
  })

  it('overdue when open and past due as of --as-of, open otherwise', () => {
    const r = report('2025-06-30')
    expect(action(r, 'Alert when any certificate').state).toBe('overdue')
    expect(action(r, 'Alert when any certificate').daysOverdue).toBe(135)
    expect(action(r, 'Add a backup key').state).toBe('overdue')
    expect(action(r, 'Add the gateway certificate locations').state).toBe('open')
    expect(action(r, 'Alert when the pinned key').state).toBe('open')
    expect(r.summary.actions).toEqual({ total: 11, done: 3, open: 4, overdue: 4, unowned: 2, undated: 2 })
    // Earlier, fewer are overdue; the day itself is not past due.
    const early = report('2025-03-20')
    expect(action(early, 'Add the standby proxy').state).toBe('open')
    expect(action(early, 'Alert when any certificate').state).toBe('overdue')
    expect(early.actions.filter((item) => item.state === 'overdue').map((item) => item.text)).toEqual([
      'Alert when any certificate we serve expires in less than 21 days',
    ])
  })

  it('items with no owner or no due date say what they lack', () => {
    const r = report()
    expect(action(r, 'Inventory every client certificate').missing).toEqual(['owner', 'due'])
    expect(action(r, 'Delete leftover rewrite files').missing).toEqual(['owner'])
    expect(action(r, "Alert when the session store's disk").missing).toEqual(['due'])
    expect(action(r, 'Add a backup key').missing).toEqual([])
  })

  it('a view by owner, with @ and case ignored', () => {
    const r = report()
    expect(r.owners.find((owner) => owner.owner === '@sam.reyes')).toEqual({ owner: '@sam.reyes', open: 1, overdue: 0, done: 1 })
    expect(r.owners[0]!.overdue).toBe(1)
    const merged = buildReport(
      [lintForReport('# Outage\n\n## Action items\n\n- Add an alert on queue age over 5 minutes — Owner: @Kai, Due: 2025-01-02\n- Add a runbook step for the queue drain — Owner: kai, Due: 2025-09-02\n', { filePath: 'x.md' })],
      { asOf: '2025-06-30' },
    )
    expect(merged.owners).toEqual([{ owner: '@Kai', open: 1, overdue: 1, done: 0 }])
  })

  it('refuses an asOf that is not a date', () => {
    expect(() => buildReport(entries, { asOf: '2025-02-30' })).toThrow(/YYYY-MM-DD/)
    expect(() => buildReport(entries, { asOf: 'tomorrow' })).toThrow(/YYYY-MM-DD/)
  })
})

describe('report: follow-up reviews', () => {
  it('held when the status says reviewed, overdue when past and not reviewed, scheduled ahead, none when missing', () => {
    const states = Object.fromEntries(report().reviews.map((review) => [review.path.replace('fixtures/report/', ''), [review.state, review.daysOverdue]]))
    expect(states).toEqual({
      '2025-01-14-api-gateway-certificate.md': ['held', null],
      '2025-03-02-payments-proxy-certificate.md': ['overdue', 90],
      '2025-04-10-redis-disk.md': ['none', null],
      '2025-05-20-search-certificate.md': ['scheduled', null],
    })
    expect(report('2025-03-15').reviews.find((review) => review.path.includes('payments'))!.state).toBe('scheduled')
  })

  it('only a status about the follow-through marks it reviewed, not one about the incident or the document', () => {
    const stateWith = (status: string) =>
      buildReport([lintForReport(`# Outage\n\n**Date:** 2025-01-10 · **Status:** ${status}\n**Follow-up review:** 2025-02-10\n\n## Root cause\n\nA disk filled up.\n`, { filePath: 'x.md' })], { asOf: '2025-06-30' }).reviews[0]!.state
    for (const status of ['Reviewed', 'Review held', 'Closed', 'Complete', 'Done', 'Follow-up done']) expect(stateWith(status), status).toBe('held')
    for (const status of ['Draft', 'In review', 'Resolved', 'Final', 'Published']) expect(stateWith(status), status).toBe('overdue')
  })
})

describe('report: recurring causes', () => {
  it('certificate expiry across three postmortems, with what matched and a pointer to escalate', () => {
    const r = report()
    expect(r.recurring).toHaveLength(1)
    const [group] = r.recurring
    expect(group).toMatchObject({ kind: 'failure-class', id: 'certificate-expiry', firstDate: '2025-01-14', lastDate: '2025-05-20', escalate: true })
    expect(group!.evidence.map((item) => item.path)).toEqual([
      'fixtures/report/2025-01-14-api-gateway-certificate.md',
      'fixtures/report/2025-03-02-payments-proxy-certificate.md',
      'fixtures/report/2025-05-20-search-certificate.md',
    ])
    expect(group!.evidence[1]!.matched).toEqual(['expired certificate'])
    expect(group!.explanation).toMatch(/failure-classes\.yml/)
    expect(group!.suggestion).toMatch(/architecture or SLO review/)
  })

  it('a class seen once is no recurrence (the disk-full postmortem stands alone)', () => {
    expect(report().recurring.map((group) => group.id)).not.toContain('disk-full')
    expect(matchClass('The disk of the Redis primary filled up with rewrite leftovers.', 'disk-full')).toEqual(['disk', 'filled'])
  })

  it('matches whole words within one sentence, not words scattered over a cause', () => {
    expect(matchClass('We added a certificate. Later the session expired.', 'certificate-expiry')).toBeNull()
    expect(matchClass('The certificates were expiring.', 'certificate-expiry')).toEqual(['certificates', 'expiring'])
    expect(matchClass('A discount code expired.', 'certificate-expiry')).toBeNull()
    expect(matchClass('Our DNS resolvers returned NXDOMAIN.', 'dns')).toEqual(['dns'])
    expect(matchClass('The adnsx host failed.', 'dns')).toBeNull()
    // Words of a together entry must stand close: far apart in a long sentence they are two statements.
    expect(matchClass('The pod was not replaced due to lack of any configuration to do so, and nobody noticed the lack of functional change.', 'config-change')).toBeNull()
    expect(matchClass('A configuration change reached production unreviewed.', 'config-change')).toEqual(['configuration change'])
    expect(matchClass('The config was changed by hand.', 'config-change')).toEqual(['config', 'changed'])
    expect(matchClass('The TLS certificate of the API gateway expired.', 'certificate-expiry')).toEqual(['certificate', 'expired'])
  })

  it('two escalate only at three within a year; two of a class are listed without escalation', () => {
    const doc = (date: string, cause: string) => `# Outage on ${date}\n\n**Date:** ${date}\n\n## Root cause\n\n${cause}\n`
    const make = (dates: string[]) =>
      buildReport(
        dates.map((date, index) => lintForReport(doc(date, 'The primary volume was full, so the database stopped accepting writes.'), { filePath: `pm-${index}.md` })),
        { asOf: '2025-06-30' },
      ).recurring.find((group) => group.id === 'disk-full')
    expect(make(['2024-01-01', '2025-03-01'])).toMatchObject({ escalate: false, suggestion: expect.stringMatching(/^2 postmortems: a third within a year/) })
    expect(make(['2022-01-01', '2023-06-01', '2025-03-01'])).toMatchObject({ escalate: false, suggestion: expect.stringMatching(/^3 postmortems, fewer than 3 within any year/) })
    expect(make(['2024-06-01', '2024-09-01', '2025-03-01'])).toMatchObject({ escalate: true })
    expect(make(['2025-03-01'])).toBeUndefined()
  })

  it('a shared system in the root causes, by product or by the name the text gives it; generic tools are not systems', () => {
    expect([...systemsIn('The Kafka broker ran out of file handles.').keys()]).toEqual(['kafka'])
    expect([...systemsIn('A deploy of the Orion service removed a header.').values()]).toEqual(['Orion'])
    expect([...systemsIn('The alert went to a Slack channel nobody read.').keys()]).toEqual([])
    expect([...systemsIn('We were upgrading Kubernetes when the pod moved.').keys()]).toEqual([])
    expect([...systemsIn('The main database ran out of connections.').keys()]).toEqual([])
    expect([...systemsIn('The Main database ran out of connections.').keys()]).toEqual([])
    expect([...systemsIn('A bug in the payments proxy dropped requests.').keys()]).toEqual([])
    expect([...systemsIn('Our ledger-db cluster lost quorum.').values()]).toEqual(['ledger-db'])
    const doc = (cause: string) => `# Outage\n\n## Root cause\n\n${cause}\n`
    const r = buildReport(
      [
        lintForReport(doc('A deploy of the Orion service removed the auth header from responses.'), { filePath: 'a.md' }),
        lintForReport(doc('The Orion service cached an empty price list after a timeout.'), { filePath: 'b.md' }),
      ],
      { asOf: '2025-06-30' },
    )
    expect(r.recurring.map((group) => [group.kind, group.id, group.evidence.length])).toEqual([['system', 'orion', 2]])
  })
})

describe('report: most frequent findings', () => {
  it('counts findings per rule, with files and the top messages', () => {
    const r = report()
    const total = entries.reduce((sum, entry) => sum + entry.result.messages.length, 0)
    expect(r.findings.reduce((sum, rule) => sum + rule.count, 0)).toBe(total)
    for (let index = 1; index < r.findings.length; index++) expect(r.findings[index - 1]!.count).toBeGreaterThanOrEqual(r.findings[index]!.count)
    const first = r.findings[0]!
    expect(first.messages.reduce((sum, message) => sum + message.count, 0)).toBe(first.count)
  })
})
