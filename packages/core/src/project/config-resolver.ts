import { dirname, resolve } from 'node:path'
import { ConfigError } from '../config/errors.js'
import { loadConfig } from '../config/load-config.js'
import { resolveConfig, type ResolvedConfig } from '../config/resolve-config.js'
import type { RuleSetting } from '../config/schema.js'
import { builtInRules } from '../rules/index.js'
import type { FileFilters } from './files.js'

/** A `--rule`-style override the core refused: which rule (or rules) and why. */
export class RuleOverrideError extends Error {
  override name = 'RuleOverrideError'
  constructor(
    readonly rule: string,
    readonly problem: string,
  ) {
    super(`Invalid rule setting for '${rule}': ${problem}`)
  }
}

export interface ConfigForFile {
  config: ResolvedConfig
  /** The directory `include` and `ignore` globs are relative to: the config file's, or the cwd. */
  baseDir: string
}

export interface ConfigResolverOptions {
  cwd: string
  /** `-c`: one config for every file, no search. */
  configFile?: string
  /** `--rule` settings, applied on top of every config (validated by the core). */
  ruleOverrides?: Record<string, RuleSetting>
  /** Passed to the core's loadConfig (default: JavaScript configs allowed). */
  allowJavaScript?: boolean
}

/**
 * The config of each file: the `-c` file, or the nearest config above the file (searched once per
 * directory), with the `--rule` overrides applied.
 */
export class ConfigResolver {
  private readonly byDirectory = new Map<string, Promise<ConfigForFile>>()
  private fixed: Promise<ConfigForFile> | undefined

  constructor(private readonly options: ConfigResolverOptions) {}

  forFile(path: string): Promise<ConfigForFile> {
    return this.forDirectory(dirname(resolve(this.options.cwd, path)))
  }

  forDirectory(directory: string): Promise<ConfigForFile> {
    if (this.options.configFile !== undefined) {
      this.fixed ??= this.load({ configFile: resolve(this.options.cwd, this.options.configFile) })
      return this.fixed
    }
    let found = this.byDirectory.get(directory)
    if (!found) {
      found = this.load({ searchFrom: directory })
      this.byDirectory.set(directory, found)
    }
    return found
  }

  private async load(search: { configFile: string } | { searchFrom: string }): Promise<ConfigForFile> {
    const allow = this.options.allowJavaScript
    const loaded = await loadConfig(allow === undefined ? search : { ...search, allowJavaScript: allow })
    return { config: this.withOverrides(loaded.config), baseDir: loaded.filePath ? dirname(loaded.filePath) : this.options.cwd }
  }

  /**
   * Apply the `--rule` settings with the core's `resolveConfig(raw, filePath, overrides)`, which
   * validates them and gives a bare severity the options set before it. The core's loadConfig
   * takes no overrides and returns only the resolved config, not the raw one resolveConfig wants,
   * so this adapter gives the core the overridden rules' current settings (and the config's custom
   * rules, so their ids are known) as the raw config, and puts the rules it returns in their place.
   */
  private withOverrides(config: ResolvedConfig): ResolvedConfig {
    const overrides = this.options.ruleOverrides ?? {}
    const ids = new Set(Object.keys(overrides))
    if (ids.size === 0) return config
    const builtIn = new Set(builtInRules)
    const raw = {
      extends: [],
      rules: Object.fromEntries(config.rules.filter(({ rule }) => ids.has(rule.id)).map(({ rule, severity, options }) => [rule.id, [severity, options]])),
      customRules: config.rules.map(({ rule }) => rule).filter((rule) => !builtIn.has(rule)),
    }
    let overridden: ResolvedConfig
    try {
      overridden = resolveConfig(raw, null, overrides)
    } catch (error) {
      if (error instanceof ConfigError) {
        throw new RuleOverrideError(error.key?.replace(/^rules\./, '') ?? [...ids].join(', '), error.problem)
      }
      throw error
    }
    // Custom rules not overridden are on at their default severity in `overridden`: the config's own settings stand.
    const rules = [...config.rules.filter(({ rule }) => !ids.has(rule.id)), ...overridden.rules.filter(({ rule }) => ids.has(rule.id))]
    // The core's order: by rule id, in code points.
    return { ...config, rules: rules.sort((a, b) => (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0)) }
  }
}

/** The include/ignore settings of a file's config, as the file searches read them. */
export function toFilters({ config, baseDir }: ConfigForFile): FileFilters {
  return { include: config.include, ignore: config.ignore, baseDir, configFile: config.filePath }
}
