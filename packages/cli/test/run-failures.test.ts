/**
 * Failures between finding the files and reading them, injected in process: a file deleted after
 * the search, and a path that cannot be read (a directory where a file was found, which stands in
 * for "permission denied" when the tests run as root and permission bits do not stop reads).
 * Run against the compiled CLI so the worker-pool path is the real one (its worker is dist/).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { makeProject, removeProjects } from '../../../test/helpers/cli.js'
import { requiredSectionsOnly } from '../../../test/helpers/config.js'
import { completeP4 } from '../../../test/helpers/postmortems.js'
import type { FoundFiles } from '../src/files.js'

/** Called with what the search found, before anything is read. */
let afterSearch: ((found: FoundFiles) => Promise<void>) | undefined

vi.mock('../dist/files.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../dist/files.js')>()
  return {
    ...actual,
    findFiles: async (...args: Parameters<typeof actual.findFiles>) => {
      const found = await actual.findFiles(...args)
      await afterSearch?.(found)
      return found
    },
  }
})

const { main } = await import('../dist/main.js')

afterAll(removeProjects)

interface Run {
  code: number
  stdout: string
  stderr: string
}

async function run(argv: string[], cwd: string): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const sink = (write: (text: string) => void) => ({ write: (chunk: string | Uint8Array) => (write(String(chunk)), true), isTTY: false })
  const code = await main(argv, {
    cwd,
    env: {},
    stdout: sink((text) => (stdout += text)) as unknown as NodeJS.WriteStream,
    stderr: sink((text) => (stderr += text)) as unknown as NodeJS.WriteStream,
  })
  return { code, stdout, stderr }
}

interface JsonResult {
  filePath: string
  errorCount: number
  fatal?: string
}

/** `count` postmortems in docs/, plus docs/held.md (a directory named like a file). */
async function project(count: number): Promise<string> {
  const files: Record<string, string> = { 'postmortem-lint.config.json': requiredSectionsOnly() }
  for (let index = 0; index < count; index++) files[`docs/pm-${String(index).padStart(3, '0')}.md`] = completeP4
  const root = await makeProject(files)
  await mkdir(join(root, 'docs/held.md'))
  return root
}

/** After the search: delete pm-001.md and add the directory docs/held.md as a file to lint. */
function sabotage(root: string): (found: FoundFiles) => Promise<void> {
  return async (found) => {
    await rm(join(root, 'docs/pm-001.md'))
    found.files.splice(3, 0, join(root, 'docs/held.md'))
  }
}

describe.each([
  ['on the main thread', 10, ['--concurrency', '1']],
  ['on worker threads', 70, ['--concurrency', '2']],
])('a file that vanishes or cannot be read after the search, %s', (_where, count, flags) => {
  it('is a per-file error naming the file and the problem; the run goes on; exit 1', async () => {
    const root = await project(count)
    afterSearch = sabotage(root)
    const result = await run(['-f', 'json', '--debug', ...flags, 'docs'], root)
    const results = JSON.parse(result.stdout) as JsonResult[]
    expect(results).toHaveLength(count + 1)
    // Reported in the order found, whoever linted them.
    expect(results[1]).toMatchObject({ filePath: join(root, 'docs/pm-001.md'), fatal: 'file not found', errorCount: 1 })
    expect(results[3]).toMatchObject({ filePath: join(root, 'docs/held.md'), fatal: 'is a directory', errorCount: 1 })
    expect(results.filter((item) => item.fatal === undefined).every((item) => item.errorCount === 0)).toBe(true)
    expect(result.stderr.includes('worker thread(s)')).toBe(count >= 64)
    expect(result.stderr).not.toMatch(/Unexpected error/)
    expect(result.code).toBe(1)

    await writeFile(join(root, 'docs/pm-001.md'), completeP4)
    const stylish = await run([...flags, 'docs'], root)
    afterSearch = undefined
    expect(stylish.stdout).toContain('docs/pm-001.md\n  error  Could not lint this file: file not found\n')
    expect(stylish.stdout).toContain('docs/held.md\n  error  Could not lint this file: is a directory\n')
    expect(stylish.code).toBe(1)
  })

  it('with --cache: is reported, not cached, and linted again next time', async () => {
    const root = await project(count)
    afterSearch = sabotage(root)
    const first = await run(['-f', 'json', '--cache', ...flags, 'docs'], root)
    afterSearch = undefined
    expect((JSON.parse(first.stdout) as JsonResult[])[1]).toMatchObject({ fatal: 'file not found' })
    expect(first.code).toBe(1)
    await writeFile(join(root, 'docs/pm-001.md'), completeP4)
    const second = await run(['-f', 'json', '--cache', ...flags, 'docs'], root)
    expect((JSON.parse(second.stdout) as JsonResult[]).find((item) => item.filePath.endsWith('pm-001.md'))).toMatchObject({ errorCount: 0 })
  })
})

describe('every file vanishing after the search', () => {
  it('exits 2: nothing could be linted', async () => {
    const root = await project(2)
    afterSearch = async (found) => {
      for (const file of found.files) await rm(file, { recursive: true })
    }
    const result = await run(['-f', 'json', 'docs'], root)
    afterSearch = undefined
    expect((JSON.parse(result.stdout) as JsonResult[]).map((item) => item.fatal)).toEqual(['file not found', 'file not found'])
    expect(result.code).toBe(2)
  })
})
