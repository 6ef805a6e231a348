import type { LintMessage, Rule } from '../engine/types.js'
import { categories, type CategoryId } from './categories.js'

/**
 * Points a message costs its category when its rule declares no penalty for that message id:
 * an error is a defect a reviewer would send back, a warning one they would mention.
 */
export const defaultPenalty = { error: 20, warning: 8 } as const

export type CategoryWeights = Record<CategoryId, number>

export const defaultWeights: CategoryWeights = Object.fromEntries(
  categories.map((category) => [category.id, category.defaultWeight]),
) as CategoryWeights

export interface Score {
  score: number
  categories: Partial<Record<CategoryId, number>>
}

/**
 * Each category starts at 100 and loses the penalty of every message its rules report, down to 0;
 * categories with no enabled rule are left out. The overall score is the weighted mean of the
 * categories present, rounded. rules/README.md documents this.
 */
export function scoreMessages(
  messages: readonly LintMessage[],
  enabledRules: readonly Rule<unknown>[],
  weights: CategoryWeights = defaultWeights,
): Score {
  const ruleById = new Map(enabledRules.map((rule) => [rule.id, rule]))
  const points = new Map<CategoryId, number>()
  for (const rule of enabledRules) points.set(rule.meta.category, 100)
  for (const message of messages) {
    const rule = ruleById.get(message.ruleId)
    // Findings about the tool itself (a crashed rule, an unused directive) say nothing of the document.
    if (!rule || message.messageId === 'rule-crashed') continue
    // Own properties only: a message id such as "constructor" must not find Object.prototype's.
    const declared = rule.meta.penalties && Object.hasOwn(rule.meta.penalties, message.messageId) ? rule.meta.penalties[message.messageId] : undefined
    const penalty = declared ?? (message.severity === 2 ? defaultPenalty.error : defaultPenalty.warning)
    // A category whose rules are all off is out of the score (rules/README.md), even when another
    // rule charges a finding to it: otherwise it would appear only when it can lower the score.
    const current = points.get(message.category)
    if (current === undefined) continue
    points.set(message.category, Math.max(0, current - penalty))
  }
  const result: Partial<Record<CategoryId, number>> = {}
  let weighted = 0
  let totalWeight = 0
  let sum = 0
  for (const { id } of categories) {
    const value = points.get(id)
    if (value === undefined) continue
    result[id] = value
    const weight = weights[id] ?? 0
    weighted += value * weight
    totalWeight += weight
    sum += value
  }
  const present = Object.keys(result).length
  if (present === 0) return { score: 100, categories: result }
  // Every weight set to 0 cannot mean "a perfect score whatever the findings": fall back to the plain mean.
  return { score: Math.round(totalWeight > 0 ? weighted / totalWeight : sum / present), categories: result }
}
