import { builtInRules } from '@postmortem-lint/core'

/**
 * A config that turns every built-in rule off except the given ones (at their default severity),
 * so end-to-end assertions about the CLI do not move as the core gains rules.
 */
export function onlyRules(ids: readonly string[], extra: Record<string, unknown> = {}): string {
  const rules = Object.fromEntries(builtInRules.map((rule) => [rule.id, ids.includes(rule.id) ? rule.meta.defaultSeverity : 'off']))
  const { rules: extraRules, ...rest } = extra as { rules?: Record<string, unknown> }
  return `${JSON.stringify({ ...rest, rules: { ...rules, ...extraRules } }, null, 2)}\n`
}

/** The config most CLI tests use: required-sections alone. */
export const requiredSectionsOnly = (extra: Record<string, unknown> = {}): string => onlyRules(['required-sections'], extra)
