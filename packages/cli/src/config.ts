import { dirname, resolve } from 'node:path'
import type { EnabledRule, ResolvedConfig } from '@postmortem-lint/core'
import { UsageError } from './errors.js'
import { messages } from './messages/errors.js'

export type Core = typeof import('@postmortem-lint/core')

export interface ConfigForFile {
  config: ResolvedConfig
  /** The directory `include` and `ignore` globs are relative to: the config file's, or the cwd. */
  baseDir: string
}

export interface ConfigResolverOptions {
  cwd: string
  /** `-c`: one config for every file, no search. */
  configFile?: string
  /** `--rule` settings, applied on top of every config. */
  ruleOverrides: Record<string, unknown>
}

/**
 * The config of each file: the `-c` file, or the nearest config above the file (searched once per
 * directory), with the `--rule` overrides applied.
 */
export class ConfigResolver {
  private readonly byDirectory = new Map<string, Promise<ConfigForFile>>()
  private fixed: Promise<ConfigForFile> | undefined

  constructor(
    private readonly core: Core,
    private readonly options: ConfigResolverOptions,
  ) {}

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
    const loaded = await this.core.loadConfig(search)
    const config = this.applyOverrides(loaded.config)
    return { config, baseDir: loaded.filePath ? dirname(loaded.filePath) : this.options.cwd }
  }

  /**
   * Merge `--rule` settings into a resolved config. The core resolves them as an inline config
   * (so severities and options are validated exactly like a file's), with the config's custom
   * rules passed along so their ids are known. A bare severity keeps the options the config gave
   * the rule, as in ESLint.
   */
  private applyOverrides(config: ResolvedConfig): ResolvedConfig {
    const ids = Object.keys(this.options.ruleOverrides)
    if (ids.length === 0) return config
    const current = new Map(config.rules.map((entry) => [entry.rule.id, entry]))
    const rules: Record<string, unknown> = {}
    for (const [id, setting] of Object.entries(this.options.ruleOverrides)) {
      const previous = current.get(id)
      rules[id] = !Array.isArray(setting) && previous ? [setting, previous.options] : setting
    }
    const builtIn = new Set(this.core.builtInRules)
    const customRules = config.rules.map((entry) => entry.rule).filter((rule) => !builtIn.has(rule))
    let inline: ResolvedConfig
    try {
      inline = this.core.resolveConfig(customRules.length ? { rules, customRules } : { rules }, null)
    } catch (error) {
      if (error instanceof this.core.ConfigError) {
        throw new UsageError(messages.badRuleSetting(error.key?.replace(/^rules\./, '') ?? ids.join(', '), error.problem))
      }
      throw error
    }
    const overridden = new Set(ids)
    const merged: EnabledRule[] = [
      ...config.rules.filter((entry) => !overridden.has(entry.rule.id)),
      ...inline.rules.filter((entry) => overridden.has(entry.rule.id)),
    ].sort((a, b) => a.rule.id.localeCompare(b.rule.id))
    return { ...config, rules: merged }
  }
}

/** The JSON form of a resolved config: what `--print-config` shows and the cache keys on. */
export function serializeConfig(config: ResolvedConfig): Record<string, unknown> {
  return {
    configFile: config.filePath,
    rules: Object.fromEntries(config.rules.map((entry) => [entry.rule.id, [entry.severity, entry.options ?? {}]])),
    weights: config.weights,
    include: config.include,
    ignore: config.ignore,
    settings: config.settings,
    reportUnusedDisableDirectives: config.reportUnusedDisableDirectives,
  }
}
