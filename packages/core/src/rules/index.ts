import type { Rule } from '../engine/types.js'
import actionSpecificity from './action-specificity.js'
import blamelessLanguage from './blameless-language.js'
import followUpScheduled from './follow-up-scheduled.js'
import impactQuantified from './impact-quantified.js'
import metadata from './metadata.js'
import noSensitiveData from './no-sensitive-data.js'
import noTemplatePlaceholders from './no-template-placeholders.js'
import requiredSections from './required-sections.js'
import rootcauseVsContributing from './rootcause-vs-contributing.js'
import timelineOrder from './timeline-order.js'

/** The built-in rules, one entry per rule, sorted by id. */
export const rules = {
  'action-specificity': actionSpecificity,
  'blameless-language': blamelessLanguage,
  'follow-up-scheduled': followUpScheduled,
  'impact-quantified': impactQuantified,
  metadata,
  'no-sensitive-data': noSensitiveData,
  'no-template-placeholders': noTemplatePlaceholders,
  'required-sections': requiredSections,
  'rootcause-vs-contributing': rootcauseVsContributing,
  'timeline-order': timelineOrder,
} as const

export const builtInRules: readonly Rule<unknown>[] = Object.values(rules) as unknown as Rule<unknown>[]
