import type { Rule } from '../engine/types.js'
import type { PresetName, RuleSetting } from './schema.js'

/**
 * `recommended`: every built-in rule at its default severity and options.
 * `strict`: every rule an error, and the options a mature incident process expects.
 */
const strictOptions: Record<string, unknown> = {
  'action-specificity': { require: ['owner', 'due', 'priority', 'category'] },
  'follow-up-scheduled': { windowDays: 60 },
}

export function presetRules(name: PresetName, builtIn: readonly Rule<unknown>[]): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {}
  for (const rule of builtIn) {
    if (name === 'recommended') settings[rule.id] = rule.meta.defaultSeverity
    else settings[rule.id] = strictOptions[rule.id] === undefined ? 'error' : ['error', strictOptions[rule.id]]
  }
  return settings
}
