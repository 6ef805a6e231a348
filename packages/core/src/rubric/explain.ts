import type { LintResult } from '../engine/types.js'
import { categories, type CategoryId } from './categories.js'
import { plural } from './context.js'
import type { CategoryRubric } from './types.js'

/**
 * What a category lacks, one phrase each, for the formatters and the Action's comment: the items
 * missed (with why, when partly met), then the findings that took points off beyond them, e.g.
 * ["no time zone", "no detection milestone", "−10 for 1 finding of timeline-order"].
 */
export function describeGaps(category: Pick<CategoryRubric, 'missed' | 'deductions'>): string[] {
  const gaps = category.missed.map((item) => (item.detail ? `${item.text} (${item.detail})` : item.text))
  const byRule = new Map<string, { count: number; points: number }>()
  for (const deduction of category.deductions) {
    const entry = byRule.get(deduction.ruleId) ?? { count: 0, points: 0 }
    entry.count += deduction.count
    entry.points += deduction.points
    byRule.set(deduction.ruleId, entry)
  }
  for (const [ruleId, { count, points }] of byRule) {
    if (points > 0) gaps.push(`−${points} for ${plural(count, 'finding')} of ${ruleId}`)
  }
  return gaps
}

export interface CategoryGaps {
  id: CategoryId
  title: string
  score: number
  /** What the category lacks (see describeGaps). */
  gaps: string[]
}

/**
 * The categories of a result that fall short, in rubric order, with what each lacks. Empty for a
 * skipped or unreadable file and for a result without a rubric (a report from an older version).
 */
export function rubricGaps(result: Pick<LintResult, 'rubric'>): CategoryGaps[] {
  const out: CategoryGaps[] = []
  for (const category of categories) {
    const rubric = result.rubric?.[category.id]
    if (!rubric) continue
    const gaps = describeGaps(rubric)
    if (gaps.length === 0 && rubric.score >= 100) continue
    out.push({ id: category.id, title: category.title, score: rubric.score, gaps })
  }
  return out
}

/** One line: "Timeline 40: no time zone; no detection milestone". */
export function gapLine(gap: CategoryGaps): string {
  return gap.gaps.length ? `${gap.title} ${gap.score}: ${gap.gaps.join('; ')}` : `${gap.title} ${gap.score}`
}
