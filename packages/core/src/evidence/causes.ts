/**
 * What the causes part of a document states: whether there is a root cause worth the name, whether
 * it is "human error", and whether contributing factors stand apart from it.
 * rootcause-vs-contributing and the rubric's root-cause category both read it from here.
 */
import modifiers from '../data/blame-modifiers.generated.js'
import type { Causes } from '../model/types.js'
import { PhraseMatcher } from '../nlp/phrase-matcher.js'
import { tokenize } from '../nlp/tokens.js'

const blameNouns = new PhraseMatcher(modifiers['blame-nouns'].filter((entry) => entry.id === 'human-error'))
const ROOT_LABEL = /\b(?:root[\s-]?cause|primary cause|main cause|underlying cause|the trigger|triggering cause|proximate cause)\b/i

/** Fewer words than this in a root-cause section say nothing ("TBD", "See above."). */
export const MIN_ROOT_CAUSE_WORDS = 4

/** The "human error" phrase in a text (the first), or null. */
export function humanErrorPhrase(text: string): string | null {
  return blameNouns.matchAll(tokenize(text))[0]?.phrase ?? null
}

/** Words in the root cause's text. */
export function rootCauseWordCount(causes: Causes): number {
  return causes.rootCause?.text.split(/\s+/).filter(Boolean).length ?? 0
}

/**
 * Whether a root cause is stated: a root cause with some substance (or "human error", which says
 * something, if the wrong thing), a merged causes list, or a five-whys chain.
 */
export function statesRootCause(causes: Causes): boolean {
  if (rootCauseWordCount(causes) >= MIN_ROOT_CAUSE_WORDS) return true
  if (humanErrorPhrase(causes.rootCause?.text ?? '') !== null) return true
  return causes.mergedItems.length > 0 || causes.fiveWhys.some((chain) => chain.steps.length > 0)
}

/** Whether a merged "Causes" section says which of its causes is the root cause. */
export function mergedCausesLabelled(causes: Causes): boolean {
  if (!causes.mergedSection) return false
  return causes.mergedItems.some((item) => ROOT_LABEL.test(item.text)) || ROOT_LABEL.test(causes.mergedSection.heading)
}

/** Whether factors beyond the one cause are listed (a contributing-factors list, or several merged causes). */
export function listsFactors(causes: Causes): boolean {
  return causes.contributingFactors.length > 0 || causes.mergedItems.length > 1
}

/**
 * The contributing factors that stand apart from the root cause: a list of their own, or the
 * other causes of a merged list that labels its root cause. Several causes side by side with no
 * label are not distinguished.
 */
export function distinguishedFactors(causes: Causes, minWhys = DEFAULT_MIN_WHYS): number {
  if (causes.contributingFactors.length > 0) return causes.contributingFactors.length
  if (mergedCausesLabelled(causes)) return Math.max(0, causes.mergedItems.length - 1)
  // A five-whys chain deep enough, beside a root cause stated on its own, lays out the conditions
  // that led to it level by level: the factors stand apart from the cause the chain ends on.
  const chain = Math.max(0, ...causes.fiveWhys.map((whys) => whys.steps.length))
  return chain >= minWhys && rootCauseWordCount(causes) >= MIN_ROOT_CAUSE_WORDS ? chain - 1 : 0
}

/** Levels a five-whys chain must reach to count as an analysis (rootcause-vs-contributing's `minWhys`). */
export const DEFAULT_MIN_WHYS = 3
