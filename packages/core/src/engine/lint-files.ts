import { dirname, resolve } from 'node:path'
import { loadConfig, type LoadConfigOptions } from '../config/load-config.js'
import type { ResolvedConfig } from '../config/resolve-config.js'
import { lint, type LintOptions } from './lint.js'
import { readDocument } from './read-document.js'
import { fatalResult } from './results.js'
import type { LintResult } from './types.js'

export interface LintFilesOptions {
  /** Use this config for every file instead of searching from each file's directory. */
  config?: ResolvedConfig
  /** Options for the config search when `config` is not given. */
  configSearch?: Omit<LoadConfigOptions, 'searchFrom'>
  detect?: boolean
}

/**
 * Lint files from disk, each with the config found nearest to it. A file that cannot be read
 * gets a result with `fatal` set and the run goes on. Config errors are thrown: they are the
 * user's to fix before any result means anything.
 */
export async function lintFiles(paths: readonly string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  return forEachFile(paths, options, (text, lintOptions) => lint(text, lintOptions), fatalResult)
}

/**
 * Read each file and hand its text to `onText` with the lint options for it (the config found
 * nearest to it); `onUnreadable` answers for a file that cannot be read. lintFiles and the
 * report's file reader share it.
 */
export async function forEachFile<T>(
  paths: readonly string[],
  options: LintFilesOptions,
  onText: (text: string, lintOptions: LintOptions & { filePath: string; config: ResolvedConfig }) => T,
  onUnreadable: (path: string, problem: string) => T,
): Promise<T[]> {
  // One search per directory and run: files side by side share a config, and a config edited
  // between two runs is read afresh (the loader itself keeps no cache).
  const configs = new Map<string, Promise<ResolvedConfig>>()
  const configFor = (path: string): Promise<ResolvedConfig> => {
    if (options.config) return Promise.resolve(options.config)
    const directory = dirname(resolve(path))
    let found = configs.get(directory)
    if (!found) {
      found = loadConfig({ ...options.configSearch, searchFrom: directory }).then((loaded) => loaded.config)
      configs.set(directory, found)
    }
    return found
  }
  const results: T[] = []
  for (const path of paths) {
    const read = await readDocument(path)
    if (!read.ok) {
      results.push(onUnreadable(path, read.problem))
      continue
    }
    const config = await configFor(path)
    results.push(onText(read.text, { filePath: path, config, ...(options.detect === undefined ? {} : { detect: options.detect }) }))
  }
  return results
}
