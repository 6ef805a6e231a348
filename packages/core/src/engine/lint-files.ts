import { dirname, resolve } from 'node:path'
import { loadConfig, type LoadConfigOptions } from '../config/load-config.js'
import type { ResolvedConfig } from '../config/resolve-config.js'
import { lint } from './lint.js'
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
  const results: LintResult[] = []
  for (const path of paths) {
    const read = await readDocument(path)
    if (!read.ok) {
      results.push(fatalResult(path, read.problem))
      continue
    }
    const config = await configFor(path)
    results.push(lint(read.text, { filePath: path, config, ...(options.detect === undefined ? {} : { detect: options.detect }) }))
  }
  return results
}
