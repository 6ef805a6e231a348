import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { parse as parsePath, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { lilconfig, type LilconfigResult, type Loader } from 'lilconfig'
import { ConfigError } from './errors.js'
import { defaultConfig, resolveConfig, type ResolvedConfig } from './resolve-config.js'

/** Where a config may live, nearest directory first; the first found in a directory wins. */
export const configFileNames = [
  'package.json',
  '.postmortemlintrc',
  '.postmortemlintrc.json',
  'postmortem-lint.config.json',
  'postmortem-lint.config.js',
  'postmortem-lint.config.mjs',
] as const

export interface LoadConfigOptions {
  /** Start the search here (a file's directory or the cwd). */
  searchFrom?: string
  /** Use this file instead of searching. */
  configFile?: string
  /**
   * Refuse JavaScript config files. The Action sets this under pull_request_target, where a
   * PR's head must never run code with the base repository's token.
   */
  allowJavaScript?: boolean
  /** Stop searching upwards here (default: the filesystem root). */
  stopDir?: string
}

export interface LoadedConfig {
  config: ResolvedConfig
  /** The file the config came from, or null when the defaults apply. */
  filePath: string | null
}

const jsonLoader: Loader = (filepath, content) => {
  try {
    return JSON.parse(content) as unknown
  } catch (error) {
    throw new ConfigError(filepath, null, `invalid JSON: ${(error as Error).message}`)
  }
}

function jsLoader(allowJavaScript: boolean): Loader {
  return async (filepath) => {
    if (!allowJavaScript) {
      throw new ConfigError(filepath, null, 'JavaScript config files are not allowed here; use postmortem-lint.config.json')
    }
    try {
      const module = (await import(pathToFileURL(filepath).href)) as { default?: unknown }
      return module.default ?? module
    } catch (error) {
      throw new ConfigError(filepath, null, `the config file threw while loading: ${(error as Error).message}`)
    }
  }
}

const searchers = new Map<string, ReturnType<typeof lilconfig>>()

function searcher(options: LoadConfigOptions): ReturnType<typeof lilconfig> {
  const allowJavaScript = options.allowJavaScript ?? true
  const key = `${allowJavaScript}:${options.stopDir ?? ''}`
  let found = searchers.get(key)
  if (!found) {
    found = lilconfig('postmortem-lint', {
      searchPlaces: [...configFileNames],
      packageProp: 'postmortemLint',
      stopDir: options.stopDir ?? parsePath(process.cwd()).root,
      loaders: { '.json': jsonLoader, noExt: jsonLoader, '.js': jsLoader(allowJavaScript), '.mjs': jsLoader(allowJavaScript) },
    })
    searchers.set(key, found)
  }
  return found
}

/**
 * Find and validate the config for a file or directory: `postmortem-lint.config.{json,js,mjs}`,
 * `.postmortemlintrc(.json)` or a `postmortemLint` key in package.json, nearest first.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  let result: LilconfigResult
  try {
    if (options.configFile) {
      const path = resolve(options.configFile)
      if (!existsSync(path)) throw new ConfigError(path, null, 'config file not found')
      result = await searcher(options).load(path)
    } else {
      result = await searcher(options).search(options.searchFrom ?? process.cwd())
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error
    throw new ConfigError(options.configFile ?? null, null, (error as Error).message)
  }
  if (!result || result.isEmpty) return { config: defaultConfig(), filePath: result?.filepath ?? null }
  return { config: resolveConfig(result.config, result.filepath), filePath: result.filepath }
}

/** Read a JSON config file without any search (for `--print-config` and tests). */
export async function readJsonConfig(path: string): Promise<ResolvedConfig> {
  const content = await readFile(path, 'utf8')
  return resolveConfig(jsonLoader(path, content), path)
}
