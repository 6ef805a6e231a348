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
const generic = vagueData['generic-deliverables']
const buildingVerbs = new PhraseMatcher([{ id: 'build', phrases: generic.verbs }])
const genericNouns = new Set<string>(generic.nouns)
const qualifiers = new PhraseMatcher([{ id: 'qualifier', phrases: generic.qualifiers }])
// Words that may stand between the verb and a generic noun without saying which ones.
const FILLERS = new Set(['more', 'some', 'additional', 'extra', 'better', 'new', 'further', 'proper', 'appropriate', 'relevant', 'basic', 'the', 'our', 'any'])

/**
 * "Add dashboards for the workers", "Write more tests for billing": a building verb whose object
 * is a bare generic deliverable, with nothing after it saying which ones or what they check.
 */
function genericDeliverable(tokens: Tokens): string | null {
  const verb = buildingVerbs.matchAll(tokens).find((match) => match.start === 0)
  if (!verb) return null
  let at = verb.end
  while (at < tokens.length && FILLERS.has(tokens[at]!.norm)) at++
  const noun = tokens[at]?.norm
  if (!noun || !genericNouns.has(noun)) return null
  const rest = tokens.slice(at + 1)
  return qualifiers.matchAll(rest).length === 0 ? noun : null
}

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

const commitments = new PhraseMatcher([{ id: 'commitment', phrases: vagueData.commitments }])
const hedges = new PhraseMatcher([{ id: 'hedge', phrases: vagueData.hedges }])
const emptyPurposes = new PhraseMatcher([{ id: 'purpose', phrases: vagueData['empty-purposes'] }])
// How far into a sentence its modal may sit: "In the future, the platform team will …".
const OPENING = 8
const CONTINUERS = new Set(['also', 'then', 'continue', 'to', 'further', 'first', 'be'])

type Tokens = ReturnType<typeof tokenize>

/** The tokens from the item's main verb on: after "The team will", "We should also", if any. */
function fromMainVerb(tokens: Tokens): Tokens {
  const modal = commitments.matchAll(tokens.slice(0, OPENING))[0]
  if (!modal) return tokens
  let at = modal.end
  while (at < tokens.length && CONTINUERS.has(tokens[at]!.norm)) at++
  return tokens.slice(at)
}

/** Why the item is vague, or null when its deliverable is specific enough. */
export function vagueness(item: ActionItem, specificWords: number): { reason: string; phrase: string } | null {
  const tokens = tokenize(item.text).filter((token) => /[\p{L}\p{N}]/u.test(token.norm))
  const words = tokens.length
  const measured = /\d/.test(item.text)
  if (measured) return null
  // "In the future, I might redeploy Prometheus": whatever its length, nobody has committed to it.
  const hedge = hedges.matchAll(tokens.slice(0, OPENING))[0]
  if (hedge) return { reason: `it is hedged ("${hedge.phrase}"): nobody has committed to doing it`, phrase: hedge.phrase }
  const main = fromMainVerb(tokens)
  const leading = vagueVerbs.matchAll(main).find((match) => match.start === 0)
  if (words >= specificWords) {
    // A long item is specific unless it leans on a stock purpose and its own verb or words are vague.
    const purpose = emptyPurposes.matchAll(tokens)[0]
    if (!purpose || !(leading || vagueModifiers.matchAll(tokens).length > 0)) return null
    return { reason: `its purpose ("${purpose.phrase}") is stock, and what it delivers is not said`, phrase: purpose.phrase }
  }
  // Only a vague verb at the start decides: "Review every purge over 100,000 objects" has a number.
  const verb = leading ?? vagueVerbs.matchAll(tokens).find((match) => match.start <= 1)
  if (verb) return { reason: `the verb "${verb.phrase}" names a direction, not a deliverable`, phrase: verb.phrase }
  const deliverable = genericDeliverable(main)
  if (deliverable) return { reason: `it asks for "${deliverable}" without saying which ones or what they must catch`, phrase: deliverable }
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
