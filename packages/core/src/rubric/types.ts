import type { CategoryId } from './categories.js'

/** One checklist item as a document fared on it. */
export interface RubricItemResult {
  /** The checklist item's id (rubric/checklist.ts), e.g. "timeline-zone". */
  id: string
  /** What the document shows (met) or lacks (missed), e.g. "no time zone". */
  text: string
  /** The item's points in its category, before scaling the category to 100. */
  points: number
  /** Points earned: all of them when met, a share when partly met ("3 of 5 actions have an owner"). */
  earned: number
  /** Why it is partly met or missed, when there is more to say. */
  detail?: string
}

/** Points a kind of finding took off a category beyond the checklist items. */
export interface RubricDeduction {
  ruleId: string
  messageId: string
  count: number
  points: number
}

/** How a category was scored: its score, the items met and missed, and what findings took off. */
export interface CategoryRubric {
  score: number
  met: RubricItemResult[]
  missed: RubricItemResult[]
  deductions: RubricDeduction[]
}

export type Rubric = Partial<Record<CategoryId, CategoryRubric>>

/** What an evaluator says of one item: the share met (0..1), and why when it is not all. */
export interface Evidence {
  credit: number
  detail?: string
  /** Replaces the item's `missed` text when the document falls short in another way ("mixes time zones"). */
  missed?: string
}
