import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { extname, parse as parsePath, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { lilconfig, type LilconfigResult, type Loader } from 'lilconfig'
import { ConfigError } from './errors.js'
import { JsonSyntaxError, parseJson } from './parse-json.js'
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
    return parseJson(content)
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      // .postmortemlintrc has no extension, and other tools' rc files are often YAML.
      const hint = extname(filepath) === '' ? ' (this file is read as JSON; YAML is not supported)' : ''
      throw new ConfigError(filepath, null, `invalid JSON at ${error.message}${hint}`)
    }
    throw error
  }
}

/** The mtime each JavaScript config had when this process first imported it. */
const importedAt = new Map<string, number>()

/**
 * The URL to import a JavaScript config from. Node caches a module by URL for the life of the
 * process, so a long-running caller (the language server) would never see an edited config: once
 * the file has changed since its first import, the URL carries its mtime. The first import uses
 * the plain file URL, so stack traces name the file as it is.
 */
function moduleUrl(filepath: string): string {
  const href = pathToFileURL(filepath).href
  let mtime: number
  try {
    mtime = statSync(filepath).mtimeMs
  } catch {
    return href
  }
  const first = importedAt.get(filepath)
  if (first === undefined) importedAt.set(filepath, mtime)
  return first === undefined || first === mtime ? href : `${href}?mtime=${mtime}`
}

function jsLoader(allowJavaScript: boolean): Loader {
  return async (filepath) => {
    if (!allowJavaScript) {
      throw new ConfigError(
        filepath,
        null,
        'JavaScript config files are not allowed here (they could run code from an untrusted branch); use postmortem-lint.config.json',
      )
    }
    let module: { default?: unknown }
    try {
      module = (await import(moduleUrl(filepath))) as { default?: unknown }
    } catch (error) {
      const problem = `the config file threw while loading: ${error instanceof Error ? error.message : String(error)}`
      throw new ConfigError(filepath, null, problem, { cause: error })
    }
    if (!('default' in module)) return module
    // Not passed over like an empty file: a JS config that exports nothing is a mistake.
    if (module.default === null || module.default === undefined) {
      throw new ConfigError(filepath, 'default', `the default export is ${String(module.default)}; export the config object: export default { rules: { ... } }`)
    }
    return module.default
  }
}

function searcher(options: LoadConfigOptions): ReturnType<typeof lilconfig> {
  // No cache: lilconfig's caches live as long as the searcher, so a config edited or created
  // after the first search (an editor, a watch mode, a test) would never be seen. lintFiles
  // keeps its own cache for the length of one run.
  return lilconfig('postmortem-lint', {
    searchPlaces: [...configFileNames],
    packageProp: 'postmortemLint',
    stopDir: options.stopDir ?? parsePath(resolve(options.searchFrom ?? process.cwd())).root,
    cache: false,
    loaders: { '.json': jsonLoader, noExt: jsonLoader, '.js': jsLoader(options.allowJavaScript ?? true), '.mjs': jsLoader(options.allowJavaScript ?? true) },
  })
}

/**
 * Find and validate the config for a file or directory: `postmortem-lint.config.{json,js,mjs}`,
 * `.postmortemlintrc(.json)` or a `postmortemLint` key in package.json, nearest first.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  let result: LilconfigResult
  const configFile = options.configFile === undefined ? undefined : resolve(options.configFile)
  try {
    if (configFile !== undefined) {
      if (!existsSync(configFile)) throw new ConfigError(configFile, null, 'config file not found')
      result = await searcher(options).load(configFile)
    } else {
      result = await searcher(options).search(options.searchFrom ?? process.cwd())
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error
    throw new ConfigError(configFile ?? null, null, error instanceof Error ? error.message : String(error))
  }
  if (!result || result.isEmpty) return { config: defaultConfig(), filePath: result?.filepath ?? null }
  // package.json without a postmortemLint key, given explicitly: nothing configured there.
  if (result.config === null || result.config === undefined) return { config: defaultConfig(), filePath: result.filepath }
  return { config: resolveConfig(result.config, result.filepath), filePath: result.filepath }
}

/** Read a JSON config file without any search (for `--print-config` and tests). */
export async function readJsonConfig(path: string): Promise<ResolvedConfig> {
  const content = await readFile(path, 'utf8')
  return resolveConfig(jsonLoader(path, content), path)
}
