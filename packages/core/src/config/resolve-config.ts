import type { z } from 'zod'
import type { Rule, RuleSeverity } from '../engine/types.js'
import { defaultWeights, type CategoryWeights } from '../rubric/score.js'
import { builtInRules } from '../rules/index.js'
import { ConfigError } from './errors.js'
import { presetRules } from './presets.js'
import { userConfigSchema, type RuleSetting, type UserConfig } from './schema.js'

export interface EnabledRule {
  rule: Rule<unknown>
  severity: Exclude<RuleSeverity, 'off'>
  options: unknown
}

/** A validated configuration, ready for the engine. */
export interface ResolvedConfig {
  /** The file it came from, or null for defaults / inline config. */
  filePath: string | null
  rules: EnabledRule[]
  weights: CategoryWeights
  include: string[]
  ignore: string[]
  settings: Record<string, unknown>
  reportUnusedDisableDirectives: Exclude<RuleSeverity, 'off'> | null
}

/**
 * Validate a user config and resolve presets, severities and options. Throws ConfigError naming
 * the file, the key and what is allowed.
 */
export function resolveConfig(input: unknown, filePath: string | null = null): ResolvedConfig {
  const parsed = userConfigSchema.safeParse(input ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new ConfigError(filePath, issue.path.join('.') || null, describeIssue(issue))
  }
  const config = parsed.data
  const custom = (config.customRules ?? []) as unknown as Rule<unknown>[]
  const registry = new Map<string, Rule<unknown>>()
  for (const rule of [...builtInRules, ...custom]) {
    if (registry.has(rule.id) && custom.includes(rule)) {
      throw new ConfigError(filePath, 'customRules', `rule id "${rule.id}" is already taken by a built-in rule`)
    }
    registry.set(rule.id, rule)
  }
  const extendsList = config.extends === undefined ? ['recommended' as const] : [config.extends].flat()
  const settings: Record<string, RuleSetting> = {}
  for (const preset of extendsList) Object.assign(settings, presetRules(preset, builtInRules))
  // Custom rules are on at their default severity unless the config says otherwise.
  for (const rule of custom) settings[rule.id] = rule.meta.defaultSeverity
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    if (!registry.has(id)) {
      throw new ConfigError(filePath, `rules.${id}`, `unknown rule; known rules: ${[...registry.keys()].sort().join(', ')}`)
    }
    // A bare severity keeps the options a preset chose, as in ESLint.
    const previous = settings[id]
    if (!Array.isArray(setting) && Array.isArray(previous) && previous.length === 2) settings[id] = [setting, previous[1]]
    else settings[id] = setting
  }

  const rules: EnabledRule[] = []
  for (const [id, setting] of Object.entries(settings)) {
    const rule = registry.get(id)!
    const [severityValue, options] = Array.isArray(setting) ? setting : [setting, undefined]
    const severity = normaliseSeverity(severityValue)
    if (severity === 'off') continue
    rules.push({ rule, severity, options: resolveOptions(rule, options, filePath) })
  }
  rules.sort((a, b) => a.rule.id.localeCompare(b.rule.id))

  const unused = config.reportUnusedDisableDirectives
  return {
    filePath,
    rules,
    weights: { ...defaultWeights, ...(config.weights as Partial<CategoryWeights> | undefined) },
    include: config.include ?? [],
    ignore: config.ignore ?? [],
    settings: config.settings ?? {},
    reportUnusedDisableDirectives: unused === true ? 'warn' : unused === false || unused === undefined ? null : unused,
  }
}

function normaliseSeverity(value: string | number): RuleSeverity {
  if (value === 0 || value === 'off') return 'off'
  if (value === 1 || value === 'warn') return 'warn'
  return 'error'
}

function resolveOptions(rule: Rule<unknown>, options: unknown, filePath: string | null): unknown {
  const schema = rule.meta.options
  if (!schema) {
    if (options !== undefined && !(typeof options === 'object' && options !== null && Object.keys(options).length === 0)) {
      throw new ConfigError(filePath, `rules.${rule.id}`, 'this rule takes no options')
    }
    return {}
  }
  const parsed = schema.safeParse(options ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const key = [`rules.${rule.id}`, ...issue.path.map(String)].join('.')
    throw new ConfigError(filePath, key, describeIssue(issue))
  }
  return parsed.data
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`
  }
  return issue.message
}

/** The built-in defaults: the recommended preset. */
export function defaultConfig(): ResolvedConfig {
  return resolveConfig({})
}

export type { UserConfig }
