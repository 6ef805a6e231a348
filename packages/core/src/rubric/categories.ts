/**
 * The six rubric categories of the review checklist (postmortem-practice.md, "The review
 * checklist"). Every rule belongs to exactly one.
 */
export const categories = [
  { id: 'blameless-tone', title: 'Blameless tone', defaultWeight: 1 },
  { id: 'timeline', title: 'Timeline', defaultWeight: 1 },
  { id: 'impact', title: 'Impact', defaultWeight: 1 },
  { id: 'root-cause', title: 'Root cause vs contributing factors', defaultWeight: 1 },
  { id: 'action-items', title: 'Action items', defaultWeight: 1 },
  { id: 'follow-up', title: 'Follow-up', defaultWeight: 1 },
] as const

export type CategoryId = (typeof categories)[number]['id']

export const categoryIds: readonly CategoryId[] = categories.map((category) => category.id)

export function isCategoryId(value: string): value is CategoryId {
  return (categoryIds as readonly string[]).includes(value)
}
