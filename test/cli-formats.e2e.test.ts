import { readFileSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeProject, removeProjects, repoRoot, runCli } from './helpers/cli.js'
import { onlyRules, requiredSectionsOnly } from './helpers/config.js'
import { completeP4, incompleteP2, readme } from './helpers/postmortems.js'
import { sarifErrors, sarifValidator } from './helpers/sarif-schema.js'

afterAll(removeProjects)

const ESC = String.fromCharCode(27)
let root: string

beforeAll(async () => {
  // One project for every format: a clean postmortem, a weak one (errors), a skipped README.
  root = await makeProject({
    'postmortem-lint.config.json': requiredSectionsOnly(),
    'docs/good.md': completeP4,
    'docs/weak.md': incompleteP2,
    'docs/README.md': readme,
  })
})

describe('formats, end to end', () => {
  it('stylish: findings grouped by file with score and rule id, skipped files, summary; no colour when piped', () => {
    const run = runCli(['docs'], { cwd: root })
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/^docs\/weak\.md {2}score \d+\/100$/m)
    expect(run.stdout).toMatch(/^ {2}Impact \d+: no impact section/m)
    expect(run.stdout).toMatch(/^ {2}\d+:\d+ +error +required-sections +No impact section/m)
    expect(run.stdout).toMatch(/^docs\/README\.md {2}skipped — /m)
    expect(run.stdout).not.toContain('docs/good.md')
    expect(run.stdout.trimEnd().split('\n').pop()).toMatch(/^✖ \d+ problems \(\d+ errors, 0 warnings\) · 2 files linted, mean score \d+\/100 · 1 skipped$/)
    expect(run.stdout).not.toContain(ESC)
  })

  it('stylish: --color and FORCE_COLOR colour it, NO_COLOR and --no-color do not', () => {
    expect(runCli(['--color', 'docs'], { cwd: root }).stdout).toContain(ESC)
    expect(runCli(['docs'], { cwd: root, env: { FORCE_COLOR: '1' } }).stdout).toContain(ESC)
    expect(runCli(['docs'], { cwd: root, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain(ESC)
    expect(runCli(['--no-color', 'docs'], { cwd: root, env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ESC)
  })

  it('json: the documented contract, absolute paths', () => {
    const run = runCli(['-f', 'json', 'docs'], { cwd: root })
    expect(run.code).toBe(1)
    const results = JSON.parse(run.stdout) as Record<string, unknown>[]
    expect(results.map((result) => result.filePath)).toEqual(['README.md', 'good.md', 'weak.md'].map((name) => join(root, 'docs', name)))
    const [skipped, good, weak] = results
    expect(skipped).toMatchObject({ messages: [], errorCount: 0, warningCount: 0, score: null, categories: {}, rubric: {}, skipped: expect.any(String) })
    expect(good).toMatchObject({ messages: [], errorCount: 0, warningCount: 0, score: 100 })
    expect(good).not.toHaveProperty('skipped')
    expect(weak).toMatchObject({ errorCount: expect.any(Number), warningCount: 0, score: expect.any(Number), categories: expect.any(Object) })
    for (const message of weak!.messages as Record<string, unknown>[]) {
      expect(message).toMatchObject({
        ruleId: 'required-sections',
        severity: 2,
        message: expect.any(String),
        line: expect.any(Number),
        column: expect.any(Number),
        endLine: expect.any(Number),
        endColumn: expect.any(Number),
        docsUrl: expect.stringMatching(/^https:\/\/.*required-sections/),
      })
    }
    for (const value of Object.values(weak!.categories as Record<string, number>)) expect(value).toBeGreaterThanOrEqual(0)
    // The rubric explains each category: a P2 without a timeline misses it.
    const rubric = weak!.rubric as Record<string, { score: number; met: { id: string }[]; missed: { id: string; text: string }[] }>
    expect(Object.keys(rubric)).toEqual(Object.keys(weak!.categories as object))
    expect(rubric.impact?.missed.map((item) => item.id)).toContain('impact-stated')
  })

  it('sarif: valid against the SARIF 2.1.0 schema, rules with helpUri, paths relative to %SRCROOT%', () => {
    const run = runCli(['-f', 'sarif', 'docs'], { cwd: root })
    expect(run.code).toBe(1)
    const log = JSON.parse(run.stdout)
    expect(sarifErrors(sarifValidator(), log)).toEqual([])
    const sarifRun = log.runs[0]
    expect(sarifRun.tool.driver.rules).toEqual([expect.objectContaining({ id: 'required-sections', helpUri: expect.stringMatching(/^https:/) })])
    expect(sarifRun.results.length).toBeGreaterThan(0)
    for (const result of sarifRun.results) {
      expect(result.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'docs/weak.md', uriBaseId: '%SRCROOT%' })
    }
    expect(sarifRun.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/)
  })

  it('github: workflow-command annotations with relative paths', () => {
    const run = runCli(['-f', 'github', 'docs'], { cwd: root })
    expect(run.code).toBe(1)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) expect(line).toMatch(/^::error file=docs\/weak\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=required-sections::\S/)
  })

  it('markdown: the rubric table and the findings', () => {
    const run = runCli(['-f', 'markdown', 'docs'], { cwd: root })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^\| File \| .* \| Score \|$/m)
    expect(run.stdout).toMatch(/^\| `docs\/good\.md` \| .* \| \*\*100\*\* \|$/m)
    expect(run.stdout).toMatch(/^\| `docs\/weak\.md` \| .* \| \*\*\d+\*\* \|$/m)
    expect(run.stdout).toContain('- `docs/README.md`: ')
    expect(run.stdout).toContain('#### `docs/weak.md`')
    expect(run.stdout).toMatch(/What the rubric score lacks:\n\n- \*\*Impact \d+\*\*: no impact section/)
  })

  it('compact: file:line:col: severity message [rule]', () => {
    const run = runCli(['-f', 'compact', 'docs'], { cwd: root })
    expect(run.code).toBe(1)
    for (const line of run.stdout.trimEnd().split('\n')) expect(line).toMatch(/^docs\/weak\.md:\d+:\d+: error .+ \[required-sections\]$/)
  })

  it('an unknown format is a usage error', () => {
    const run = runCli(['-f', 'xml', 'docs'], { cwd: root })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain("Unknown format 'xml'. Choose one of: stylish, json, sarif, github, markdown, compact.")
  })

  it('-o writes the report to a file (creating folders), nothing to stdout, no temporary files left', async () => {
    const run = runCli(['-f', 'sarif', '-o', 'reports/out.sarif', 'docs'], { cwd: root })
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    const written = JSON.parse(await readFile(join(root, 'reports/out.sarif'), 'utf8'))
    expect(written.version).toBe('2.1.0')
    expect(await readdir(join(root, 'reports'))).toEqual(['out.sarif'])
  })

  it('-o into an unwritable place is an I/O error (exit 2)', async () => {
    const run = runCli(['-o', 'docs/good.md/report.txt', 'docs'], { cwd: root })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Could not write the report to docs/good.md/report.txt')
  })
})

describe('columns are UTF-16 code units, 1-based, end exclusive (packages/cli/README.md)', () => {
  // Before the finding: an emoji outside the BMP (two UTF-16 units, one code point, four UTF-8
  // bytes), an accented letter (one unit, two bytes) and a combining mark (one unit, no glyph).
  const prefix = '🔥 Café e\u0301 paged '
  const address = 'maria.lopez@acme-corp.com'
  const line = `${prefix}${address} at 10:22.`
  const column = prefix.length + 1
  const endColumn = column + address.length
  let project: string

  beforeAll(async () => {
    project = await makeProject({ 'postmortem-lint.config.json': onlyRules(['no-sensitive-data']), 'doc.md': `# Outage\n\n## Summary\n\n${line}\n` })
    // The counts differ per unit, so the assertions below can only pass in UTF-16 units.
    expect([column, [...prefix].length + 1, Buffer.byteLength(prefix) + 1]).toEqual([18, 17, 22])
  })

  it('the CLI README says so', () => {
    expect(readFileSync(join(repoRoot, 'packages/cli/README.md'), 'utf8')).toMatch(/1-based, end exclusive, UTF-16 code units/)
  })

  it('json', () => {
    const [result] = JSON.parse(runCli(['-f', 'json', 'doc.md'], { cwd: project }).stdout) as { messages: Record<string, unknown>[] }[]
    expect(result!.messages).toEqual([expect.objectContaining({ ruleId: 'no-sensitive-data', line: 5, column, endLine: 5, endColumn })])
    expect(line.slice(column - 1, endColumn - 1)).toBe(address)
  })

  it('compact, stylish, github and sarif', () => {
    expect(runCli(['-f', 'compact', 'doc.md'], { cwd: project }).stdout).toContain(`doc.md:5:${column}: error`)
    expect(runCli(['doc.md'], { cwd: project }).stdout).toMatch(new RegExp(`^ {2}5:${column} +error +no-sensitive-data`, 'm'))
    expect(runCli(['-f', 'github', 'doc.md'], { cwd: project }).stdout).toContain(`line=5,col=${column},endLine=5,endColumn=${endColumn},`)
    const sarif = JSON.parse(runCli(['-f', 'sarif', 'doc.md'], { cwd: project }).stdout)
    expect(sarif.runs[0].columnKind).toBe('utf16CodeUnits')
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region).toMatchObject({ startLine: 5, startColumn: column, endColumn })
  })
})

describe('--cache, end to end', () => {
  it('reuses results of unchanged files, notices changes, and rebuilds a corrupt cache', async () => {
    const project = await makeProject({ 'postmortem-lint.config.json': requiredSectionsOnly(), 'a.md': completeP4, 'b.md': incompleteP2 })
    const first = runCli(['--cache', '-f', 'json', '.'], { cwd: project })
    const cache = JSON.parse(await readFile(join(project, '.postmortemlintcache'), 'utf8'))
    expect(Object.keys(cache.entries).sort()).toEqual([join(project, 'a.md'), join(project, 'b.md')])

    const second = runCli(['--cache', '--debug', '-f', 'json', '.'], { cwd: project })
    expect(second.stdout).toBe(first.stdout)
    expect(second.code).toBe(first.code)
    expect(second.stderr).toContain('2 of 2 file(s) unchanged')

    const { writeFile } = await import('node:fs/promises')
    await writeFile(join(project, 'b.md'), completeP4)
    const third = runCli(['--cache', '--debug', '-f', 'json', '.'], { cwd: project })
    expect(third.code).toBe(0)
    expect(third.stderr).toContain('1 of 2 file(s) unchanged')

    await writeFile(join(project, '.postmortemlintcache'), '{"not": "ours"')
    const rebuilt = runCli(['--cache', '-f', 'json', '.'], { cwd: project })
    expect(rebuilt.code).toBe(0)
    expect(JSON.parse(await readFile(join(project, '.postmortemlintcache'), 'utf8')).format).toBe('postmortem-lint-cache')
  })

  it('a changed config invalidates cached results', async () => {
    const project = await makeProject({ 'postmortem-lint.config.json': requiredSectionsOnly(), 'b.md': incompleteP2 })
    expect(runCli(['--cache', 'b.md'], { cwd: project }).code).toBe(1)
    expect(runCli(['--cache', '--rule', 'required-sections: off', 'b.md'], { cwd: project }).code).toBe(0)
  })

  it('--cache-location puts the cache elsewhere', async () => {
    const project = await makeProject({ 'postmortem-lint.config.json': requiredSectionsOnly(), 'a.md': completeP4, 'tmp/keep': '' })
    expect(runCli(['--cache', '--cache-location', 'tmp/', 'a.md'], { cwd: project }).code).toBe(0)
    expect(await readdir(join(project, 'tmp'))).toEqual(['.postmortemlintcache', 'keep'])
    expect(await readdir(project)).not.toContain('.postmortemlintcache')
  })
})

describe('new, end to end', () => {
  it('writes a dated skeleton, prints its path and never overwrites', async () => {
    const project = await makeProject({})
    const run = runCli(['new', 'Checkout outage: 502s', '--severity', 'P2', '--dir', 'docs/postmortems', '--date', '2025-03-04'], { cwd: project })
    expect(run).toMatchObject({ code: 0, stderr: '' })
    expect(run.stdout).toBe('docs/postmortems/2025-03-04-checkout-outage-502s.md\n')
    const text = await readFile(join(project, 'docs/postmortems/2025-03-04-checkout-outage-502s.md'), 'utf8')
    expect(text).toContain('# Checkout outage: 502s')
    expect(text).toContain('**Severity:** P2')
    expect(text).toContain('| Time (UTC) |')
    expect(text).toContain('| Action | Owner | Due | Priority | Type | Ticket |')

    await (await import('node:fs/promises')).writeFile(join(project, 'docs/postmortems/2025-03-04-checkout-outage-502s.md'), 'edited')
    const again = runCli(['new', 'Checkout outage: 502s', '--dir', 'docs/postmortems', '--date', '2025-03-04'], { cwd: project })
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('already exists')
    expect(await readFile(join(project, 'docs/postmortems/2025-03-04-checkout-outage-502s.md'), 'utf8')).toBe('edited')
    expect(await readdir(join(project, 'docs/postmortems'))).toEqual(['2025-03-04-checkout-outage-502s.md'])
  })

  it('dates the file today (UTC) by default and writes to the cwd', async () => {
    const project = await makeProject({})
    const before = new Date().toISOString().slice(0, 10)
    const run = runCli(['new', 'DNS failure'], { cwd: project })
    const after = new Date().toISOString().slice(0, 10)
    expect(run.code).toBe(0)
    expect([`${before}-dns-failure.md\n`, `${after}-dns-failure.md\n`]).toContain(run.stdout)
  })

  it('the skeleton can be linted straight away', async () => {
    const project = await makeProject({})
    const path = runCli(['new', 'Queue backlog', '--severity', 'P3', '--date', '2025-03-04'], { cwd: project }).stdout.trim()
    const run = runCli(['-f', 'json', path], { cwd: project })
    expect([0, 1]).toContain(run.code)
    expect(JSON.parse(run.stdout)).toHaveLength(1)
  })

  it('once its placeholders are filled, the skeleton passes every rule', async () => {
    const project = await makeProject({})
    const path = runCli(['new', 'Queue backlog', '--severity', 'P3', '--date', '2025-03-04'], { cwd: project }).stdout.trim()
    const skeleton = await readFile(join(project, path), 'utf8')
    // Unfilled, it is a template: the placeholders are reported.
    const unfilled = JSON.parse(runCli(['-f', 'json', '--no-detect', path], { cwd: project }).stdout)[0]
    expect(unfilled.messages.some((m: { ruleId: string }) => m.ruleId === 'no-template-placeholders')).toBe(true)
    const times = ['10:02', '10:09', '10:31', '10:58']
    const filled = skeleton
      .replace('**Authors:** TODO', '**Authors:** Ana Ruiz')
      .replace('**Reviewers:** TODO', '**Reviewers:** Ben Okafor')
      .replace('**Follow-up review:** TODO', '**Follow-up review:** 2025-04-01')
      .replace(/HH:MM/g, () => times.shift() ?? '11:00')
      .replace(/TODO: What happened[^\n]*/, 'The order queue backed up for 56 minutes after a consumer deploy, delaying 1,240 orders.')
      .replace(/TODO: Who was affected[^\n]*/, '1,240 orders (8% of the period) were confirmed up to 50 minutes late; none were lost.')
      .replace(/TODO: The technical cause[^\n]*/, 'The new consumer build requested a prefetch of 1 message, so throughput fell to a tenth.')
      .replace(/- TODO: What made the failure[^\n]*/, '- The deploy had no throughput check.\n- Queue depth alerted only after 15 minutes.')
      .replace(/- TODO\n\n## What went poorly\n\n- TODO/, '- The rollback took two minutes.\n\n## What went poorly\n\n- The alert fired late.')
      .replace(/\| TODO: a specific, verifiable change \| TODO \| TODO \| P2 \| Prevent \| TODO \|/, '| Fail the deploy when consumer throughput drops by more than 50% for 5 minutes | @ana | 2025-03-20 | P2 | Prevent | OPS-41 |')
      .replace(/TODO: When the team reviews[^\n]*/, 'Review on 2025-04-01, run by Ben Okafor.')
    expect(filled).not.toContain('TODO')
    await (await import('node:fs/promises')).writeFile(join(project, path), filled)
    const result = JSON.parse(runCli(['-f', 'json', path], { cwd: project }).stdout)[0]
    expect(result.messages.map((m: { ruleId: string; message: string }) => `${m.ruleId}: ${m.message}`)).toEqual([])
    expect(result.score).toBe(100)
  })

  it('needs a title', async () => {
    const run = runCli(['new'], { cwd: await makeProject({}) })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain("'new' needs a title")
  })
})
