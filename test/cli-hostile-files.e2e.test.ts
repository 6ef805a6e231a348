/**
 * The real binary over files a repository can hold but a linter cannot read as Markdown: each one
 * is a per-file error naming the file and the problem, the run goes on, nothing hangs, and the
 * exit code says an error occurred (1 among linted files, 2 when nothing could be linted, as the
 * CLI README documents). Writes that fail leave no temporary or half-written file behind.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { makeProject, removeProjects, runCli } from './helpers/cli.js'
import { requiredSectionsOnly } from './helpers/config.js'
import { completeP4, incompleteP2 } from './helpers/postmortems.js'

afterAll(removeProjects)

const CONFIG = 'postmortem-lint.config.json'

interface JsonResult {
  filePath: string
  messages: { ruleId: string; line: number; column: number }[]
  errorCount: number
  score: number
  skipped?: string
  fatal?: string
}

function byName(root: string, stdout: string): Map<string, JsonResult> {
  const results = JSON.parse(stdout) as JsonResult[]
  return new Map(results.map((result) => [result.filePath.slice(root.length + 1), result]))
}

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const body = Buffer.from(text, 'utf16le')
  if (order === 'be') body.swap16()
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body])
}

/** Every file below `root` whose name marks it as a temporary file of writeFileAtomic. */
function temporaryFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmp'))
}

describe('postmortem-lint: files it cannot read as Markdown', () => {
  it('gives each unreadable file its own error and lints the rest, decoding UTF-16 with a byte-order mark', async () => {
    const root = await makeProject({
      [CONFIG]: requiredSectionsOnly(),
      'good.md': completeP4,
      'image.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      'latin1.md': new Uint8Array([...Buffer.from('# Caf'), 0xe9, 0x0a, 0xff, 0xfe, 0xc3, 0x28]),
      'utf16le.md': utf16(completeP4, 'le'),
      'utf16be.md': utf16(completeP4, 'be'),
      // A byte-order mark, then a lone high surrogate: not UTF-16.
      'broken-utf16.md': new Uint8Array([0xff, 0xfe, 0x23, 0x00, 0x20, 0x00, 0x00, 0xd8, 0x41, 0x00]),
      'empty.md': '',
      'loop-a.md': { symlinkTo: 'loop-b.md' },
      'loop-b.md': { symlinkTo: 'loop-a.md' },
      'dangling.md': { symlinkTo: 'not-there.md' },
      'nested/up': { symlinkTo: '..' },
      'nested/self': { symlinkTo: '.' },
    })
    const run = runCli(['-f', 'json', '.'], { cwd: root })
    expect(run.stderr).toBe('')
    const results = byName(root, run.stdout)
    expect(results.get('image.md')).toMatchObject({ fatal: 'binary file (contains NUL bytes), not Markdown', errorCount: 1, score: 0 })
    expect(results.get('latin1.md')?.fatal).toBe('not valid UTF-8; save the file as UTF-8')
    expect(results.get('broken-utf16.md')?.fatal).toBe('not valid UTF-16LE (it starts with a UTF-16 byte-order mark); save the file as UTF-8')
    expect(results.get('loop-a.md')?.fatal).toBe('too many levels of symbolic links')
    expect(results.get('loop-b.md')?.fatal).toBe('too many levels of symbolic links')
    expect(results.get('dangling.md')?.fatal).toBe('broken symbolic link (its target does not exist)')
    expect(results.get('empty.md')?.skipped).toBe('empty file')
    // UTF-16 in either byte order lints exactly like the UTF-8 original, positions included.
    const good = results.get('good.md')!
    expect(good).toMatchObject({ errorCount: 0, score: 100 })
    for (const name of ['utf16le.md', 'utf16be.md']) {
      expect(results.get(name)?.fatal, name).toBeUndefined()
      expect(results.get(name)?.messages, name).toEqual(good.messages)
      expect(results.get(name)?.score, name).toBe(good.score)
    }
    // The directory links are not followed: nothing is found twice or through `up`.
    expect([...results.keys()].filter((name) => name.startsWith('nested/'))).toEqual([])
    expect(run.code).toBe(1)

    const stylish = runCli(['.'], { cwd: root })
    expect(stylish.stdout).toMatch(/^loop-a\.md\n {2}error {2}Could not lint this file: too many levels of symbolic links$/m)
    expect(stylish.stdout).toMatch(/^image\.md\n {2}error {2}Could not lint this file: binary file/m)
    expect(stylish.code).toBe(1)
  })

  it('exits 2 when nothing named could be linted, naming each file and its problem', async () => {
    const root = await makeProject({
      [CONFIG]: requiredSectionsOnly(),
      'loop-a.md': { symlinkTo: 'loop-b.md' },
      'loop-b.md': { symlinkTo: 'loop-a.md' },
      'latin1.md': new Uint8Array([0x23, 0x20, 0xe9, 0x0a]),
    })
    const run = runCli(['-f', 'compact', 'loop-a.md', 'latin1.md'], { cwd: root })
    expect(run.stdout).toBe(
      'loop-a.md:1:1: error Could not lint this file: too many levels of symbolic links\n' +
        'latin1.md:1:1: error Could not lint this file: not valid UTF-8; save the file as UTF-8\n',
    )
    expect(run.code).toBe(2)
  })
})

describe('postmortem-lint: paths with spaces and non-ASCII names', () => {
  const name = 'incidents/2024 Q1/事故-ü.md'
  const awkward = 'incidents/2024 Q1/db, part 2: replica.md'
  const bad = incompleteP2

  it('lints them and reports the right path in every format', async () => {
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly(), [name]: bad, [awkward]: bad })
    const expected: Record<string, (path: string) => string> = {
      stylish: (path) => `${path}  score`,
      compact: (path) => `${path}:1:1: error`,
      markdown: (path) => `\`${path}\``,
      github: (path) => `::error file=${path.replace(/,/g, '%2C').replace(/:/g, '%3A')},line=1,`,
    }
    for (const [format, shown] of Object.entries(expected)) {
      const run = runCli(['-f', format, 'incidents'], { cwd: root })
      expect(run.code, format).toBe(1)
      for (const path of [name, awkward]) expect(run.stdout, format).toContain(shown(path))
    }

    const json = runCli(['-f', 'json', 'incidents'], { cwd: root })
    expect((JSON.parse(json.stdout) as JsonResult[]).map((result) => result.filePath).sort()).toEqual([join(root, awkward), join(root, name)].sort())

    const sarif = JSON.parse(runCli(['-f', 'sarif', 'incidents'], { cwd: root }).stdout) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[]
    }
    const uris = new Set(sarif.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri))
    expect(uris).toEqual(new Set([encodeURI(name), encodeURI(awkward).replace(/,/g, '%2C').replace(/:/g, '%3A')]))
    for (const uri of uris) expect(uri).not.toMatch(/[ 事ü]/)

    // Named on the command line, with the space and the non-ASCII characters as they are.
    const named = runCli(['-f', 'compact', name], { cwd: root })
    expect(named.stdout.split('\n')[0]).toMatch(new RegExp(`^${name.replace(/[.]/g, '\\.')}:1:1: error`))
  })
})

describe('postmortem-lint: writes that fail', () => {
  it('-o onto a directory, or below a file, fails with exit 2 and a plain reason, leaving nothing behind', async () => {
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly(), 'a.md': completeP4, 'reports/keep.txt': 'mine', 'notes.txt': 'mine' })
    const onDirectory = runCli(['-o', 'reports', 'a.md'], { cwd: root })
    expect(onDirectory.code).toBe(2)
    expect(onDirectory.stderr).toBe('postmortem-lint: Could not write the report to reports: it is a directory.\n')
    expect(statSync(join(root, 'reports')).isDirectory()).toBe(true)
    expect(readFileSync(join(root, 'reports/keep.txt'), 'utf8')).toBe('mine')

    const belowFile = runCli(['-o', 'notes.txt/report.txt', 'a.md'], { cwd: root })
    expect(belowFile.code).toBe(2)
    expect(belowFile.stderr).toBe('postmortem-lint: Could not write the report to notes.txt/report.txt: a parent of it is a file, not a directory.\n')
    expect(readFileSync(join(root, 'notes.txt'), 'utf8')).toBe('mine')
    expect(temporaryFiles(root)).toEqual([])
  })

  it('-o replaces an existing report file whole (a report is output, like ESLint)', async () => {
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly(), 'a.md': completeP4, 'report.json': 'x'.repeat(100_000) })
    const run = runCli(['-f', 'json', '-o', 'report.json', 'a.md'], { cwd: root })
    expect(run.code).toBe(0)
    expect(JSON.parse(readFileSync(join(root, 'report.json'), 'utf8'))).toHaveLength(1)
    expect(temporaryFiles(root)).toEqual([])
  })

  it('a cache that cannot be written is a warning with a plain reason; the report is unaffected', async () => {
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly(), 'a.md': completeP4, 'blocker': 'a file' })
    const run = runCli(['--cache', '--cache-location', 'blocker/cache.json', '-f', 'json', 'a.md'], { cwd: root })
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('Warning: could not write the cache to')
    expect(run.stderr).toContain('a parent of it is a file, not a directory. The results are not affected.')
    expect(JSON.parse(run.stdout)).toHaveLength(1)
    expect(temporaryFiles(root)).toEqual([])
  })

  it('`new` below a file fails with exit 2 and writes nothing', async () => {
    const root = await makeProject({ 'docs': 'a file, not a directory' })
    const run = runCli(['new', 'Queue backlog', '--dir', 'docs/postmortems', '--date', '2025-03-04'], { cwd: root })
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('postmortem-lint: Could not write docs/postmortems/2025-03-04-queue-backlog.md: a parent of it is a file, not a directory.\n')
    expect(readFileSync(join(root, 'docs'), 'utf8')).toBe('a file, not a directory')
    expect(temporaryFiles(root)).toEqual([])
  })
})
