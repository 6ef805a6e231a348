import { createHash } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { LintResult } from '@postmortem-lint/core'
import { writeFileAtomic } from './atomic-write.js'

export const defaultCacheFileName = '.postmortemlintcache'
const FORMAT = 'postmortem-lint-cache'
// 2: results carry the rubric, and a skipped file's score is null.
const FORMAT_VERSION = 2

interface CacheEntry {
  key: string
  result: Omit<LintResult, 'filePath'>
}

interface CacheFile {
  format: typeof FORMAT
  version: typeof FORMAT_VERSION
  entries: Record<string, CacheEntry>
}

/**
 * The cache key of one file's result: the content, the resolved config (as `--print-config` shows
 * it) and the core version, so a changed document, config or engine each invalidates it. The code
 * of custom rules is not part of the key: after changing one, delete the cache.
 */
export function cacheKey(content: string, configJson: string, coreVersion: string, detect: boolean): string {
  return createHash('sha256')
    .update(content)
    .update('\0')
    .update(configJson)
    .update('\0')
    .update(coreVersion)
    .update('\0')
    .update(detect ? 'detect' : 'all')
    .digest('hex')
}

/** `--cache-location`: a file, or a directory to put `.postmortemlintcache` in. */
export function resolveCacheLocation(cwd: string, location: string | undefined): string {
  if (location === undefined) return join(cwd, defaultCacheFileName)
  const path = resolve(cwd, location)
  const isDirectory = /[\\/]$/.test(location) || (existsSync(path) && statSync(path).isDirectory())
  return isDirectory ? join(path, defaultCacheFileName) : path
}

/**
 * Lint results by absolute path and key. A cache file that cannot be read, is not JSON or is not
 * ours is ignored and replaced on save; results are only ever reused when the key matches.
 */
export class LintCache {
  private entries: Record<string, CacheEntry> = Object.create(null) as Record<string, CacheEntry>
  private changed = false

  private constructor(readonly path: string) {}

  static async load(path: string): Promise<LintCache> {
    const cache = new LintCache(path)
    const text = await readFile(path, 'utf8').catch(() => null)
    if (text === null) return cache
    try {
      const data = JSON.parse(text) as Partial<CacheFile> | null
      if (data && data.format === FORMAT && data.version === FORMAT_VERSION && isRecord(data.entries)) {
        for (const [file, entry] of Object.entries(data.entries)) {
          if (isRecord(entry) && typeof entry.key === 'string' && isCachedResult(entry.result)) cache.entries[file] = entry as CacheEntry
          else cache.changed = true
        }
      } else {
        cache.changed = true
      }
    } catch {
      cache.changed = true
    }
    return cache
  }

  get(filePath: string, key: string): LintResult | undefined {
    const entry = this.entries[filePath]
    if (!entry || entry.key !== key) return undefined
    return { filePath, ...structuredClone(entry.result) }
  }

  set(filePath: string, key: string, result: LintResult): void {
    // Results of unreadable files are never cached: the next run must try again.
    if (result.fatal !== undefined) return
    const { filePath: _omit, ...rest } = result
    this.entries[filePath] = { key, result: rest }
    this.changed = true
  }

  /** Write the cache atomically, dropping entries of files that no longer exist. */
  async save(): Promise<void> {
    for (const file of Object.keys(this.entries)) {
      if (!existsSync(file)) {
        delete this.entries[file]
        this.changed = true
      }
    }
    if (!this.changed) return
    const data: CacheFile = { format: FORMAT, version: FORMAT_VERSION, entries: this.entries }
    await writeFileAtomic(this.path, JSON.stringify(data), { mkdirs: true })
    this.changed = false
  }
}

/**
 * The shape of a stored result, checked so that a hand-edited cache, or one written by a build
 * that stored something else under the same format version, cannot hand the formatters a result
 * without messages or counts: such an entry is dropped and the file linted again.
 */
function isCachedResult(value: unknown): boolean {
  if (!isRecord(value) || !Array.isArray(value.messages) || !isRecord(value.categories)) return false
  if (value.rubric !== undefined && !isRecord(value.rubric)) return false
  if (!['errorCount', 'warningCount'].every((key) => typeof value[key] === 'number')) return false
  // A skipped file has no score; every other result has one.
  if (!(typeof value.score === 'number' || (value.score === null && typeof value.skipped === 'string'))) return false
  return value.messages.every(
    (message) => isRecord(message) && typeof message.message === 'string' && typeof message.line === 'number' && typeof message.column === 'number',
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
