import type { Rule } from '../engine/types.js'
import blamelessLanguage from './blameless-language.js'
import requiredSections from './required-sections.js'

/** The built-in rules, one entry per rule, sorted by id. */
export const rules = {
  'blameless-language': blamelessLanguage,
  'required-sections': requiredSections,
} as const

export const builtInRules: readonly Rule<unknown>[] = Object.values(rules) as unknown as Rule<unknown>[]
