/**
 * What makes an action item complete: its fields, and whether its deliverable is specific.
 * action-specificity and the rubric's action-items and blameless-tone categories both read it
 * from here.
 */
import vagueData from '../data/vague-actions.generated.js'
import type { ActionItem, FieldValue } from '../model/types.js'
import { PhraseMatcher } from '../nlp/phrase-matcher.js'
import { tokenize } from '../nlp/tokens.js'

const vagueVerbs = new PhraseMatcher(vagueData['vague-verbs'])
const vagueModifiers = new PhraseMatcher(vagueData['vague-modifiers'])
const peopleDirected = new PhraseMatcher(vagueData['people-directed'])

export const actionFields = ['owner', 'due', 'priority', 'category', 'ticket'] as const
export type ActionField = (typeof actionFields)[number]

/** The item's value for a field; a sub-heading such as "Prevention" gives the category. */
export function actionField(item: ActionItem, field: ActionField): Pick<FieldValue, 'raw'> | null {
  if (field === 'category') return item.category ?? (item.group ? { raw: item.group } : null)
  return item[field]
}

/** The phrase that aims the item at people ("train", "remind the team"), or null. */
export function peopleDirectedPhrase(item: ActionItem): string | null {
  return peopleDirected.matchAll(tokenize(item.text)).find((match) => match.start === 0)?.phrase ?? null
}

/** Why the item is vague, or null when its deliverable is specific enough. */
export function vagueness(item: ActionItem, specificWords: number): { reason: string; phrase: string } | null {
  const tokens = tokenize(item.text).filter((token) => /[\p{L}\p{N}]/u.test(token.norm))
  const words = tokens.length
  const measured = /\d/.test(item.text)
  if (measured || words >= specificWords) return null
  // Only a vague verb at the start decides: "Review every purge over 100,000 objects" has a number.
  const verb = vagueVerbs.matchAll(tokens).find((match) => match.start <= 1)
  if (verb) return { reason: `the verb "${verb.phrase}" names a direction, not a deliverable`, phrase: verb.phrase }
  const modifier = vagueModifiers.matchAll(tokens)[0]
  if (modifier && words < specificWords - 2) {
    return { reason: `"${modifier.phrase}" has no measure (more than what, by when?)`, phrase: modifier.phrase }
  }
  if (words <= 2) return { reason: 'it names no concrete object or mechanism', phrase: item.text }
  return null
}

/** A specific deliverable aimed at the system: neither people-directed nor vague. */
export function isSpecific(item: ActionItem, specificWords: number): boolean {
  return peopleDirectedPhrase(item) === null && vagueness(item, specificWords) === null
}
