import type { EnabledRule } from '../config/resolve-config.js'
import type { LintMessage, Rule } from '../engine/types.js'
import type { PostmortemDocument } from '../model/types.js'
import { actionItemsEvidence } from './action-items.js'
import { blamelessToneEvidence } from './blameless-tone.js'
import { categories, type CategoryId } from './categories.js'
import { checklist, defectCosts, DEFECTS_COUNTED_PER_KIND, type ChecklistItem } from './checklist.js'
import { createContext, matchesFinding, plural, type CategoryEvidence } from './context.js'
import { followUpEvidence } from './follow-up.js'
import { impactEvidence } from './impact.js'
import { rootCauseEvidence } from './root-cause.js'
import { timelineEvidence } from './timeline.js'
import type { CategoryRubric, Evidence, Rubric, RubricDeduction, RubricItemResult } from './types.js'

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
 * Findings only, for programs that have messages but no document: each category starts at 100
 * and loses the penalty of every message its rules report, down to 0; categories with no enabled
 * rule are left out. The overall score is the weighted mean of the categories present, rounded.
 * The engine scores with `scoreDocument`, which rates the evidence the document shows.
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
  for (const { id } of categories) {
    const value = points.get(id)
    if (value !== undefined) result[id] = value
  }
  return { score: overallScore(result, weights), categories: result }
}

/** The weighted mean of the categories present, rounded; 100 when none is. */
function overallScore(scores: Partial<Record<CategoryId, number>>, weights: CategoryWeights): number {
  let weighted = 0
  let totalWeight = 0
  let sum = 0
  let present = 0
  for (const { id } of categories) {
    const value = scores[id]
    if (value === undefined) continue
    const weight = weights[id] ?? 0
    weighted += value * weight
    totalWeight += weight
    sum += value
    present++
  }
  if (present === 0) return 100
  // Every weight set to 0 cannot mean "a perfect score whatever the findings": fall back to the plain mean.
  return Math.round(totalWeight > 0 ? weighted / totalWeight : sum / present)
}

export interface RubricScore extends Score {
  /** Per category: the checklist items met and missed and the findings that took points off. */
  rubric: Rubric
}

const evaluators: Record<CategoryId, CategoryEvidence> = {
  'blameless-tone': blamelessToneEvidence,
  timeline: timelineEvidence,
  impact: impactEvidence,
  'root-cause': rootCauseEvidence,
  'action-items': actionItemsEvidence,
  'follow-up': followUpEvidence,
}

interface Judged {
  item: ChecklistItem
  evidence: Evidence
}

/** The cost of a finding no checklist item accounts for. */
function costOf(message: LintMessage, rule: Rule<unknown>): number {
  const key = `${message.ruleId}/${message.messageId}`
  if (Object.hasOwn(defectCosts, key)) return defectCosts[key]!
  // Own properties only: a message id such as "constructor" must not find Object.prototype's.
  const declared = rule.meta.penalties && Object.hasOwn(rule.meta.penalties, message.messageId) ? rule.meta.penalties[message.messageId] : undefined
  return declared ?? (message.severity === 2 ? defaultPenalty.error : defaultPenalty.warning)
}

const round1 = (value: number): number => Math.round(value * 10) / 10

/**
 * Score a document against the review checklist (rubric/checklist.ts; rules/README.md, "Scoring").
 * Each category present (at least one enabled rule) earns the points of the checklist items the
 * document shows, scaled to 100 over the items that count for it, then loses the cost of every
 * finding no item of the checklist accounts for. A category with no item that counts starts at
 * 100. An item counts while one of its rules is enabled, once the item it builds on is shown, and
 * when the document's severity asks for it (or it is met in full anyway).
 */
export function scoreDocument(
  doc: PostmortemDocument,
  messages: readonly LintMessage[],
  enabled: readonly EnabledRule[],
  weights: CategoryWeights = defaultWeights,
): RubricScore {
  const ruleById = new Map(enabled.map((entry) => [entry.rule.id, entry.rule]))
  // Findings about the tool itself (a crashed rule, an unused directive) say nothing of the document.
  const scored = messages.filter((message) => ruleById.has(message.ruleId) && message.messageId !== 'rule-crashed')
  const context = createContext(doc, scored, enabled)
  const present = new Set(enabled.map((entry) => entry.rule.meta.category))

  const judged = new Map<CategoryId, Judged[]>()
  // Findings an item of the rubric reports missing cost nothing beyond the item's points, also
  // when the item does not count for this document (a P4 is not faulted for its lessons).
  const covering: string[] = []
  for (const { id: category } of categories) {
    if (!present.has(category)) continue
    const evidence = evaluators[category](context)
    const included = new Map<string, Judged>()
    for (const item of checklist) {
      if (item.category !== category || !item.rules.some((id) => ruleById.has(id))) continue
      covering.push(...(item.covers ?? []))
      const parent = item.requires === undefined ? undefined : included.get(item.requires)
      if (item.requires !== undefined && !(parent && parent.evidence.credit > 0)) continue
      let found: Evidence | null | undefined = evidence[item.id]
      if (item.perFinding !== undefined) {
        const count = scored.filter((message) => item.covers?.some((pattern) => matchesFinding(message, pattern))).length
        found = count === 0 ? { credit: 1 } : { credit: Math.max(0, item.points - count * item.perFinding) / item.points, detail: plural(count, 'finding') }
      }
      if (found === null) continue
      const result = found ?? { credit: 0 }
      // Asked of this severity, or part of what a shown item consists of (a P4's timeline, once
      // written, is judged on its zone). What is not asked counts only when met in full: extra
      // depth earns, its absence never costs.
      const asked = context.level <= item.expectedUpTo || (parent !== undefined && item.expectedUpTo >= parent.item.expectedUpTo)
      if (!asked && result.credit < 1) continue
      included.set(item.id, { item, evidence: result })
    }
    judged.set(category, [...included.values()])
  }

  // Patterns as keys: a document may have thousands of findings.
  const covered = new Set(covering)
  const deductions = new Map<CategoryId, Map<string, RubricDeduction>>()
  for (const message of scored) {
    // A category whose rules are all off is out of the score (rules/README.md), even when another
    // rule charges a finding to it: otherwise it would appear only when it can lower the score.
    if (!present.has(message.category)) continue
    const finding = `${message.ruleId}/${message.messageId}`
    if (covered.has(finding) || covered.has(`${finding}@${message.category}`)) continue
    const byKind = deductions.get(message.category) ?? new Map<string, RubricDeduction>()
    const entry = byKind.get(finding) ?? { ruleId: message.ruleId, messageId: message.messageId, count: 0, points: 0 }
    entry.count++
    if (entry.count <= DEFECTS_COUNTED_PER_KIND) entry.points += costOf(message, ruleById.get(message.ruleId)!)
    byKind.set(finding, entry)
    deductions.set(message.category, byKind)
  }

  const rubric: Rubric = {}
  const result: Partial<Record<CategoryId, number>> = {}
  for (const { id } of categories) {
    const items = judged.get(id)
    if (items === undefined) continue
    const available = items.reduce((total, { item }) => total + item.points, 0)
    const earned = items.reduce((total, { item, evidence }) => total + item.points * evidence.credit, 0)
    const taken = [...(deductions.get(id)?.values() ?? [])]
    const lost = taken.reduce((total, entry) => total + entry.points, 0)
    const base = available > 0 ? (100 * earned) / available : 100
    const value = Math.max(0, Math.min(100, Math.round(base - lost)))
    const describe = ({ item, evidence }: Judged, met: boolean): RubricItemResult => ({
      id: item.id,
      text: met ? item.met : (evidence.missed ?? item.missed),
      points: item.points,
      earned: round1(item.points * evidence.credit),
      ...(evidence.detail === undefined || met ? {} : { detail: evidence.detail }),
    })
    const category: CategoryRubric = {
      score: value,
      met: items.filter(({ evidence }) => evidence.credit >= 1).map((entry) => describe(entry, true)),
      missed: items.filter(({ evidence }) => evidence.credit < 1).map((entry) => describe(entry, false)),
      deductions: taken,
    }
    rubric[id] = category
    result[id] = value
  }
  return { score: overallScore(result, weights), categories: result, rubric }
}
