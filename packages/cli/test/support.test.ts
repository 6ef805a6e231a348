import { readdirSync, readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { FileExistsError, writeFileAtomic } from '../src/atomic-write.js'
import { LintCache, cacheKey, resolveCacheLocation } from '../src/cache.js'
import { shouldUseColor } from '../src/color.js'
import { postmortemSkeleton, slugify, todayUtc } from '../src/new-postmortem.js'
import { createProgress } from '../src/progress.js'
import { makeProject, removeProjects } from '../../../test/helpers/cli.js'

afterAll(removeProjects)

describe('writeFileAtomic', () => {
  it('writes, replaces, and leaves no temporary files behind', async () => {
    const root = await makeProject({})
    const path = join(root, 'out.txt')
    await writeFileAtomic(path, 'one')
    await writeFileAtomic(path, 'two')
    expect(readFileSync(path, 'utf8')).toBe('two')
    expect(readdirSync(root)).toEqual(['out.txt'])
  })

  it('never overwrites when told not to', async () => {
    const root = await makeProject({ 'keep.txt': 'original' })
    const path = join(root, 'keep.txt')
    await expect(writeFileAtomic(path, 'new', { overwrite: false })).rejects.toBeInstanceOf(FileExistsError)
    expect(readFileSync(path, 'utf8')).toBe('original')
    expect(readdirSync(root)).toEqual(['keep.txt'])
    await writeFileAtomic(join(root, 'a/b/new.txt'), 'x', { overwrite: false, mkdirs: true })
    expect(readFileSync(join(root, 'a/b/new.txt'), 'utf8')).toBe('x')
  })
})

describe('cache', () => {
  it('keys on content, config, core version and detection', () => {
    const base = cacheKey('# A', '{}', '1.0.0', true)
    expect(cacheKey('# A', '{}', '1.0.0', true)).toBe(base)
    expect(cacheKey('# B', '{}', '1.0.0', true)).not.toBe(base)
    expect(cacheKey('# A', '{"rules":{}}', '1.0.0', true)).not.toBe(base)
    expect(cacheKey('# A', '{}', '1.0.1', true)).not.toBe(base)
    expect(cacheKey('# A', '{}', '1.0.0', false)).not.toBe(base)
  })

  it('stores results by path and key, and drops entries of deleted files', async () => {
    const root = await makeProject({ 'a.md': '# A', 'b.md': '# B' })
    const location = join(root, 'cache.json')
    const cache = await LintCache.load(location)
    const result = { filePath: join(root, 'a.md'), messages: [], errorCount: 0, warningCount: 0, score: 100, categories: {} }
    cache.set(join(root, 'a.md'), 'k1', result)
    cache.set(join(root, 'gone.md'), 'k2', { ...result, filePath: join(root, 'gone.md') })
    cache.set(join(root, 'b.md'), 'k3', { ...result, fatal: 'permission denied' })
    await cache.save()
    const again = await LintCache.load(location)
    expect(again.get(join(root, 'a.md'), 'k1')).toEqual(result)
    expect(again.get(join(root, 'a.md'), 'other')).toBeUndefined()
    expect(again.get(join(root, 'gone.md'), 'k2')).toBeUndefined()
    expect(again.get(join(root, 'b.md'), 'k3')).toBeUndefined()
  })

  it.each([['not json {'], ['{"format": "something-else", "entries": {}}'], ['[]'], ['null']])('ignores and rebuilds a corrupt or foreign cache: %s', async (content) => {
    const root = await makeProject({ 'a.md': '# A' })
    const location = join(root, '.postmortemlintcache')
    await writeFile(location, content)
    const cache = await LintCache.load(location)
    expect(cache.get(join(root, 'a.md'), 'k')).toBeUndefined()
    await cache.save()
    expect(JSON.parse(readFileSync(location, 'utf8'))).toMatchObject({ format: 'postmortem-lint-cache', version: 2, entries: {} })
  })

  it('puts the cache file in a directory given as the location', async () => {
    const root = await makeProject({ 'cachedir/x': '' })
    expect(resolveCacheLocation(root, undefined)).toBe(join(root, '.postmortemlintcache'))
    expect(resolveCacheLocation(root, 'cachedir')).toBe(join(root, 'cachedir/.postmortemlintcache'))
    expect(resolveCacheLocation(root, 'new-dir/')).toBe(join(root, 'new-dir/.postmortemlintcache'))
    expect(resolveCacheLocation(root, 'my.cache')).toBe(join(root, 'my.cache'))
  })
})

describe('shouldUseColor', () => {
  it.each([
    [true, {}, false, true],
    [false, { FORCE_COLOR: '1' }, true, false],
    [undefined, {}, true, true],
    [undefined, {}, false, false],
    [undefined, { TERM: 'dumb' }, true, false],
    [undefined, { NO_COLOR: '1' }, true, false],
    [undefined, { NO_COLOR: '' }, true, true],
    [undefined, { FORCE_COLOR: '1' }, false, true],
    [undefined, { FORCE_COLOR: '' }, false, true],
    [undefined, { FORCE_COLOR: '0' }, true, false],
    [undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }, true, false],
  ] as const)('flag %s, env %j, terminal %s -> %s', (flag, env, terminal, expected) => {
    expect(shouldUseColor(flag, env, terminal)).toBe(expected)
  })
})

describe('progress', () => {
  function fakeStream(isTTY: boolean): PassThrough & { isTTY: boolean; text: () => string } {
    const stream = new PassThrough() as PassThrough & { isTTY: boolean; text: () => string }
    stream.isTTY = isTTY
    let written = ''
    stream.on('data', (chunk: Buffer) => (written += chunk.toString()))
    stream.text = () => written
    return stream
  }

  it('draws on a terminal and clears the line at the end', async () => {
    const stream = fakeStream(true)
    const progress = createProgress(3, stream as unknown as NodeJS.WriteStream, {}, { delayMs: 0, intervalMs: 0 })
    progress.tick()
    progress.tick()
    progress.done()
    await new Promise((resolve) => setImmediate(resolve))
    expect(stream.text()).toContain('Linting 2/3 files')
    expect(stream.text().endsWith('\r\x1b[2K')).toBe(true)
  })

  it.each([
    ['piped', false, {}],
    ['in CI', true, { CI: 'true' }],
  ] as const)('prints nothing when %s', async (_, isTTY, env) => {
    const stream = fakeStream(isTTY)
    const progress = createProgress(3, stream as unknown as NodeJS.WriteStream, env, { delayMs: 0, intervalMs: 0 })
    progress.tick()
    progress.done()
    await new Promise((resolve) => setImmediate(resolve))
    expect(stream.text()).toBe('')
  })
})

describe('new postmortem', () => {
  it('slugifies titles', () => {
    expect(slugify('Checkout API outage: 502s at 40%')).toBe('checkout-api-outage-502s-at-40')
    expect(slugify('Café  déjà-vu — DNS')).toBe('cafe-deja-vu-dns')
    expect(slugify("Payments' retry storm")).toBe('payments-retry-storm')
    expect(slugify('!!!')).toBe('incident')
    expect(slugify('word '.repeat(30)).length).toBeLessThanOrEqual(60)
    expect(slugify('word '.repeat(30)).endsWith('-')).toBe(false)
  })

  it('dates in UTC', () => {
    expect(todayUtc(new Date('2025-01-31T23:30:00-05:00'))).toBe('2025-02-01')
  })

  it('writes a skeleton with metadata, every section and the two tables', () => {
    const text = postmortemSkeleton({ title: 'Checkout outage', date: '2025-03-04', severity: 'P2' })
    expect(text.startsWith('# Checkout outage\n')).toBe(true)
    for (const line of ['**Date:** 2025-03-04', '**Severity:** P2', '**Status:**', '**Authors:**', '**Reviewers:**', '**Follow-up review:**']) {
      expect(text).toContain(line)
    }
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1])
    expect(headings).toEqual([
      'Summary', 'Impact', 'Timeline', 'Root cause', 'Contributing factors', 'What went well', 'What went poorly', 'Action items', 'Follow-up review',
    ])
    expect(text).toContain('| Time (UTC) | Event |')
    expect(text).toContain('| Action | Owner | Due | Priority | Type | Ticket |')
    expect(postmortemSkeleton({ title: 'x', date: '2025-03-04' })).toContain('**Severity:** TODO')
  })
})
