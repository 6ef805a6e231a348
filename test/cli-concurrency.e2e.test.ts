import { afterAll, describe, expect, it } from 'vitest'
import { makeProject, removeProjects, runCli, type ProjectFiles } from './helpers/cli.js'
import { completeP4, incompleteP2, noSeverity, readme } from './helpers/postmortems.js'

afterAll(removeProjects)

/** 80 small postmortems (more than the 64 that start worker threads), each a little different. */
function manyPostmortems(): ProjectFiles {
  const files: ProjectFiles = {}
  const bases = [completeP4, incompleteP2, noSeverity, readme]
  for (let index = 0; index < 80; index++) {
    const base = bases[index % bases.length]!
    const name = `docs/${String(index % 7)}/pm-${String(index).padStart(3, '0')}.md`
    files[name] = `${base}\nThe on-call engineer blamed nobody; incident ${index} was resolved quickly.\n`
  }
  return files
}

describe('postmortem-lint: worker threads', () => {
  it('lints 80 files to the same JSON, in the same order, with and without --concurrency 1', async () => {
    const root = await makeProject(manyPostmortems())
    const serial = runCli(['-f', 'json', '--concurrency', '1', 'docs'], { cwd: root })
    const pooled = runCli(['-f', 'json', '--concurrency', '2', '--debug', 'docs'], { cwd: root })
    const auto = runCli(['-f', 'json', 'docs'], { cwd: root })
    expect(serial.stdout.length).toBeGreaterThan(1000)
    expect(JSON.parse(serial.stdout)).toHaveLength(80)
    expect(pooled.stderr).toContain('on 2 worker thread(s)')
    expect(pooled.stdout).toBe(serial.stdout)
    expect(pooled.code).toBe(serial.code)
    expect(auto.stdout).toBe(serial.stdout)
    expect(auto.code).toBe(serial.code)
  })

  it('with --cache: workers lint the misses, the main thread writes the cache, hits give the same output', async () => {
    const root = await makeProject(manyPostmortems())
    const serial = runCli(['-f', 'json', '--concurrency', '1', 'docs'], { cwd: root })
    const first = runCli(['-f', 'json', '--concurrency', '2', '--cache', '--debug', 'docs'], { cwd: root })
    expect(first.stderr).toContain('on 2 worker thread(s)')
    expect(first.stderr).toContain('0 of 80 file(s) unchanged')
    expect(first.stdout).toBe(serial.stdout)
    const second = runCli(['-f', 'json', '--concurrency', '2', '--cache', '--debug', 'docs'], { cwd: root })
    expect(second.stderr).toContain('80 of 80 file(s) unchanged')
    expect(second.stderr).not.toContain('worker thread(s)')
    expect(second.stdout).toBe(serial.stdout)
  })

  it('uses no workers below 64 files', async () => {
    const files: ProjectFiles = {}
    for (let index = 0; index < 10; index++) files[`docs/pm-${index}.md`] = incompleteP2
    const run = runCli(['-f', 'json', '--concurrency', '4', '--debug', 'docs'], { cwd: await makeProject(files) })
    expect(run.stderr).not.toContain('worker thread(s)')
    expect(JSON.parse(run.stdout)).toHaveLength(10)
  })

  it('rejects a --concurrency that is not a whole number of 1 or more', async () => {
    const root = await makeProject({})
    for (const value of ['0', 'two', '1.5']) {
      const run = runCli(['--concurrency', value, 'docs'], { cwd: root })
      expect(run.code).toBe(2)
      expect(run.stderr).toContain(`--concurrency must be a whole number of threads, 1 or more, got '${value}'.`)
    }
  })
})
