import { readFileSync, readdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { LintCache } from '../src/cache.js'
import { makeProject, removeProjects, runCli } from '../../../test/helpers/cli.js'
import { requiredSectionsOnly } from '../../../test/helpers/config.js'
import { completeP4 } from '../../../test/helpers/postmortems.js'

afterAll(removeProjects)

const goodResult = { messages: [], errorCount: 0, warningCount: 0, score: 100, categories: {} }

function cacheFile(entries: Record<string, unknown>, version: unknown = 2): string {
  return JSON.stringify({ format: 'postmortem-lint-cache', version, entries })
}

describe('a corrupt or foreign cache file', () => {
  it.each([
    ['truncated JSON', (file: string) => cacheFile({ [file]: { key: 'k', result: goodResult } }).slice(0, 40)],
    ['a cache from another format version', (file: string) => cacheFile({ [file]: { key: 'k', result: goodResult } }, 1)],
    ['an entry without a score that was not skipped', (file: string) => cacheFile({ [file]: { key: 'k', result: { ...goodResult, score: null } } })],
    ['an entry whose rubric is not an object', (file: string) => cacheFile({ [file]: { key: 'k', result: { ...goodResult, rubric: [] } } })],
    ['an entry whose result is empty', (file: string) => cacheFile({ [file]: { key: 'k', result: {} } })],
    ['an entry whose messages are not a list', (file: string) => cacheFile({ [file]: { key: 'k', result: { ...goodResult, messages: 'none' } } })],
    ['an entry whose messages have no position', (file: string) => cacheFile({ [file]: { key: 'k', result: { ...goodResult, messages: [{ message: 'x' }] } } })],
    ['an entry whose counts are strings', (file: string) => cacheFile({ [file]: { key: 'k', result: { ...goodResult, errorCount: '0' } } })],
  ])('is not trusted: %s', async (_name, content) => {
    const root = await makeProject({ 'a.md': '# A' })
    const file = join(root, 'a.md')
    const location = join(root, '.postmortemlintcache')
    await writeFile(location, content(file))
    const cache = await LintCache.load(location)
    expect(cache.get(file, 'k')).toBeUndefined()
    await cache.save()
    expect(JSON.parse(readFileSync(location, 'utf8'))).toEqual({ format: 'postmortem-lint-cache', version: 2, entries: {} })
  })

  it('trusts a skipped entry without a score', async () => {
    const root = await makeProject({ 'a.md': '# A' })
    const location = join(root, '.postmortemlintcache')
    const skipped = { ...goodResult, score: null, rubric: {}, skipped: 'empty file' }
    await writeFile(location, cacheFile({ [join(root, 'a.md')]: { key: 'k', result: skipped } }))
    const cache = await LintCache.load(location)
    expect(cache.get(join(root, 'a.md'), 'k')).toEqual({ filePath: join(root, 'a.md'), ...skipped })
  })

  it('keeps the well-formed entries of a cache that has a bad one', async () => {
    const root = await makeProject({ 'a.md': '# A', 'b.md': '# B' })
    const location = join(root, '.postmortemlintcache')
    await writeFile(location, cacheFile({ [join(root, 'a.md')]: { key: 'k', result: goodResult }, [join(root, 'b.md')]: { key: 'k', result: {} } }))
    const cache = await LintCache.load(location)
    expect(cache.get(join(root, 'a.md'), 'k')).toEqual({ filePath: join(root, 'a.md'), ...goodResult })
    expect(cache.get(join(root, 'b.md'), 'k')).toBeUndefined()
  })

  it('end to end: garbage in the cache file is replaced and the results are the same as without a cache', async () => {
    const root = await makeProject({ 'postmortem-lint.config.json': requiredSectionsOnly(), 'a.md': completeP4 })
    const plain = runCli(['-f', 'json', 'a.md'], { cwd: root })
    await writeFile(join(root, '.postmortemlintcache'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff]))
    const cached = runCli(['-f', 'json', '--cache', 'a.md'], { cwd: root })
    expect(cached.stdout).toBe(plain.stdout)
    expect(cached.stderr).toBe('')
    expect(cached.code).toBe(0)
    expect(JSON.parse(readFileSync(join(root, '.postmortemlintcache'), 'utf8'))).toMatchObject({ format: 'postmortem-lint-cache', version: 2 })
    expect(readdirSync(root).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})
