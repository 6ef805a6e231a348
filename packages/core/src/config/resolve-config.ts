import { z } from 'zod'
import { ruleDocsUrl } from '../engine/docs-url.js'
import type { Rule, RuleSeverity } from '../engine/types.js'
import { defaultWeights, type CategoryWeights } from '../rubric/score.js'
import { builtInRules } from '../rules/index.js'
import { describeIssue } from './describe-issue.js'
import { ConfigError } from './errors.js'
import { presetRules } from './presets.js'
import { ruleSettingSchema, userConfigSchema, type RuleSetting, type UserConfig } from './schema.js'

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

const overridesSchema = z.record(z.string(), ruleSettingSchema)

/**
 * Validate a user config and resolve presets, severities and options. Throws ConfigError naming
 * the file, the key and what is allowed. `overrides` (the CLI's `--rule`) are applied after the
 * config's own rules, with the same meaning: a bare severity keeps the options set before it.
 */
export function resolveConfig(
  input: unknown,
  filePath: string | null = null,
  overrides?: Record<string, RuleSetting>,
): ResolvedConfig {
  const parsed = userConfigSchema.safeParse(input ?? {})
  if (!parsed.success) throw configError(filePath, parsed.error.issues[0]!, userConfigSchema, input ?? {})
  const config = parsed.data
  const registry = ruleRegistry((input as { customRules?: unknown[] } | null | undefined)?.customRules, filePath)

  const extendsList = config.extends === undefined ? ['recommended' as const] : [config.extends].flat()
  const settings = new Map<string, RuleSetting>()
  for (const preset of extendsList) for (const [id, setting] of Object.entries(presetRules(preset, builtInRules))) settings.set(id, setting)
  // Custom rules are on at their default severity unless the config says otherwise.
  for (const rule of registry.values()) if (!builtInRules.includes(rule)) settings.set(rule.id, rule.meta.defaultSeverity)
  applySettings(settings, config.rules ?? {}, registry, filePath)
  if (overrides !== undefined) {
    const checked = overridesSchema.safeParse(overrides)
    // Overrides come from the command line, not from the file: the error must not blame the file.
    if (!checked.success) throw configError(null, checked.error.issues[0]!, overridesSchema, overrides, ['rules'])
    applySettings(settings, checked.data, registry, null)
  }

  const rules: EnabledRule[] = []
  for (const [id, setting] of settings) {
    const rule = registry.get(id)!
    const [severityValue, options] = Array.isArray(setting) ? setting : [setting, undefined]
    const severity = normaliseSeverity(severityValue)
    if (severity === 'off') continue
    rules.push({ rule, severity, options: resolveOptions(rule, options, filePath) })
  }
  // Code-point order, so the order (and every output built from it) is the same on every machine.
  rules.sort((a, b) => (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0))

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

/**
 * Built-in rules plus the config's custom rules. The custom rules are the user's own objects, not
 * zod's validated copies, so a rule written as a class keeps its prototype.
 */
function ruleRegistry(custom: unknown[] | undefined, filePath: string | null): Map<string, Rule<unknown>> {
  const registry = new Map<string, Rule<unknown>>(builtInRules.map((rule) => [rule.id, rule]))
  for (const rule of (custom ?? []) as Rule<unknown>[]) {
    if (registry.has(rule.id)) {
      const taken = builtInRules.some((builtIn) => builtIn.id === rule.id) ? 'a built-in rule' : 'another custom rule'
      throw new ConfigError(filePath, 'customRules', `rule id "${rule.id}" is already taken by ${taken}; give the custom rule another id`)
    }
    registry.set(rule.id, rule.meta.docsUrl ? rule : withDocsUrl(rule))
  }
  return registry
}

/** A rule written without defineRule gets the URL defineRule would give it: messages always link somewhere. */
function withDocsUrl(rule: Rule<unknown>): Rule<unknown> {
  return { id: rule.id, meta: { ...rule.meta, docsUrl: ruleDocsUrl(rule.id) }, check: (doc, context) => rule.check(doc, context) }
}

function applySettings(
  settings: Map<string, RuleSetting>,
  changes: Record<string, RuleSetting>,
  registry: ReadonlyMap<string, Rule<unknown>>,
  filePath: string | null,
): void {
  for (const [id, setting] of Object.entries(changes)) {
    if (!registry.has(id)) {
      throw new ConfigError(filePath, `rules.${id}`, `unknown rule; known rules: ${[...registry.keys()].sort().join(', ')}`)
    }
    // A severity alone ("warn" or ["warn"]) keeps the options set before it, as in ESLint.
    const previous = settings.get(id)
    const severityOnly = !Array.isArray(setting) || setting.length === 1
    if (severityOnly && Array.isArray(previous) && previous.length === 2) {
      settings.set(id, [Array.isArray(setting) ? setting[0] : setting, previous[1]])
    } else settings.set(id, setting)
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
  if (!parsed.success) throw configError(filePath, parsed.error.issues[0]!, schema, options ?? {}, ['rules', rule.id])
  return parsed.data
}

function configError(filePath: string | null, issue: z.core.$ZodIssue, schema: z.core.$ZodType, input: unknown, prefix: string[] = []): ConfigError {
  const { key, problem } = describeIssue(issue, schema, input, prefix)
  // The severity in [severity, options] is, to the user, the rule's setting: "rules.x", not "rules.x.0".
  return new ConfigError(filePath, key?.replace(/^(rules\.[^.]+)\.0$/, '$1') ?? null, problem)
}

/** The built-in defaults: the recommended preset. */
export function defaultConfig(): ResolvedConfig {
  return resolveConfig({})
}

export type { UserConfig }
