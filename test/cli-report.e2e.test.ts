/**
 * `postmortem-lint report` end to end: the built binary over the report fixtures (fixtures/report/)
 * copied into a project, with the same file discovery, ignore files and config as linting.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Report } from '@postmortem-lint/core'
import { makeProject, removeProjects, repoRoot, runCli } from './helpers/cli.js'

afterAll(removeProjects)

const fixtureDir = join(repoRoot, 'fixtures/report')
const fixtures = Object.fromEntries(readdirSync(fixtureDir).map((file) => [`postmortems/${file}`, readFileSync(join(fixtureDir, file), 'utf8')]))
const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(join(repoRoot, 'packages/core/schema/report.schema.json'), 'utf8')) as object)
let root: string

beforeAll(async () => {
  root = await makeProject({ ...fixtures, 'postmortems/drafts/ignored.md': fixtures['postmortems/2025-04-10-redis-disk.md']!, '.postmortemlintignore': 'drafts/\n' })
})

const reportOf = (stdout: string): Report => JSON.parse(stdout) as Report

describe('postmortem-lint report', () => {
  it('-f json -o - writes the report to stdout; it validates against the schema, paths relative to the cwd', () => {
    const run = runCli(['report', 'postmortems', '-f', 'json', '-o', '-', '--as-of', '2025-06-30'], { cwd: root })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const report = reportOf(run.stdout)
    expect(validate(report)).toBe(true)
    expect(report.asOf).toBe('2025-06-30')
    expect(report.postmortems.map((item) => item.path)).toEqual([
      'postmortems/2025-01-14-api-gateway-certificate.md',
      'postmortems/2025-03-02-payments-proxy-certificate.md',
      'postmortems/2025-04-10-redis-disk.md',
      'postmortems/2025-05-20-search-certificate.md',
    ])
    expect(report.skipped.map((item) => item.path)).toEqual(['postmortems/template.md'])
    expect(report.summary.actions).toMatchObject({ total: 11, done: 3, overdue: 4 })
    expect(report.summary.reviews).toMatchObject({ overdue: 1, scheduled: 1, held: 1 })
    expect(report.recurring.map((group) => [group.id, group.evidence.length, group.escalate])).toEqual([['certificate-expiry', 3, true]])
  })

  it('honours the ignore files as linting does (drafts/ is ignored)', () => {
    const report = reportOf(runCli(['report', '-f', 'json', '-o', '-', '--as-of', '2025-06-30'], { cwd: root }).stdout)
    expect(report.postmortems.map((item) => item.path)).not.toContain('postmortems/drafts/ignored.md')
    expect(report.summary.files).toBe(5)
  })

  it('--as-of moves what is overdue', () => {
    const early = reportOf(runCli(['report', 'postmortems', '-f', 'json', '-o', '-', '--as-of', '2025-03-20'], { cwd: root }).stdout)
    expect(early.summary.actions.overdue).toBe(1)
    expect(early.summary.reviews.overdue).toBe(0)
  })

  it('writes the default file and says what it holds', async () => {
    const run = runCli(['report', 'postmortems', '-f', 'json', '--as-of', '2025-06-30'], { cwd: root })
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('Wrote postmortem-report.json: 4 postmortems, 4 overdue actions, 1 overdue review, 1 recurring cause (1 skipped).\n')
    expect(validate(JSON.parse(await readFile(join(root, 'postmortem-report.json'), 'utf8')))).toBe(true)
  })

  it('writes HTML by default, to postmortem-report.html; links lead from the page to the files', async () => {
    const run = runCli(['report', 'postmortems', '--as-of', '2025-06-30'], { cwd: root })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Wrote postmortem-report\.html: 4 postmortems/)
    const html = await readFile(join(root, 'postmortem-report.html'), 'utf8')
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).toContain('href="./postmortems/2025-01-14-api-gateway-certificate.md"')
    const nested = runCli(['report', 'postmortems', '--as-of', '2025-06-30', '-o', 'out/site/report.html'], { cwd: root })
    expect(nested.code).toBe(0)
    expect(await readFile(join(root, 'out/site/report.html'), 'utf8')).toContain('href="../../postmortems/2025-01-14-api-gateway-certificate.md"')
  })

  it('lints with the same rule settings as linting (--rule)', () => {
    const args = ['report', 'postmortems', '-f', 'json', '-o', '-', '--as-of', '2025-06-30']
    const all = reportOf(runCli(args, { cwd: root }).stdout)
    expect(all.findings.map((rule) => rule.ruleId)).toContain('follow-up-scheduled')
    const off = reportOf(runCli([...args, '--rule', 'follow-up-scheduled: off'], { cwd: root }).stdout)
    expect(off.findings.map((rule) => rule.ruleId)).not.toContain('follow-up-scheduled')
    expect(off.postmortems[0]!.categories['follow-up']).toBeDefined()
  })

  it('rejects a bad --as-of and an unknown format with exit code 2', () => {
    const bad = runCli(['report', 'postmortems', '--as-of', '2025-02-30'], { cwd: root })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("--as-of must be a calendar date written YYYY-MM-DD, got '2025-02-30'.")
    const format = runCli(['report', 'postmortems', '-f', 'sarif'], { cwd: root })
    expect(format.code).toBe(2)
    expect(format.stderr).toContain("Unknown format 'sarif'")
  })

  it('report --help describes the command', () => {
    const run = runCli(['report', '--help'], { cwd: root })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Usage: postmortem-lint report [options]')
    expect(run.stdout).toContain('--as-of <YYYY-MM-DD>')
  })

  it('on worker threads (64+ files) the report is the same as on the main thread', async () => {
    const many: Record<string, string> = {}
    const names = Object.keys(fixtures)
    for (let index = 0; index < 66; index++) {
      const name = names[index % names.length]!
      many[`pm/${String(index).padStart(3, '0')}-${name.replace('postmortems/', '')}`] = fixtures[name]!
    }
    const big = await makeProject(many)
    const threaded = runCli(['report', 'pm', '-f', 'json', '-o', '-', '--as-of', '2025-06-30', '--concurrency', '2', '--debug'], { cwd: big })
    expect(threaded.stderr).toContain('on 2 worker thread(s)')
    const single = runCli(['report', 'pm', '-f', 'json', '-o', '-', '--as-of', '2025-06-30', '--concurrency', '1'], { cwd: big })
    expect(threaded.code).toBe(0)
    expect(JSON.parse(threaded.stdout)).toEqual(JSON.parse(single.stdout))
    expect(reportOf(single.stdout).summary.postmortems).toBe(Math.round((66 * 4) / 5))
  })
})
