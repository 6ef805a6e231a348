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
    const penalty =
      rule.meta.penalties?.[message.messageId] ?? (message.severity === 2 ? defaultPenalty.error : defaultPenalty.warning)
    const category = message.category
    if (!points.has(category)) points.set(category, 100)
    points.set(category, Math.max(0, (points.get(category) ?? 100) - penalty))
  }
  const result: Partial<Record<CategoryId, number>> = {}
  let weighted = 0
  let totalWeight = 0
  for (const { id } of categories) {
    const value = points.get(id)
    if (value === undefined) continue
    result[id] = value
    const weight = weights[id] ?? 0
    weighted += value * weight
    totalWeight += weight
  }
  return { score: totalWeight > 0 ? Math.round(weighted / totalWeight) : 100, categories: result }
}
