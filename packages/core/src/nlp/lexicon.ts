import actions from '../data/blame-actions.generated.js'
import commonWords from '../data/common-words.generated.js'
import { lexiconPlaces } from '../data/lexicon-names.generated.js'
import systemNames from '../data/system-names.generated.js'
import { PhraseMatcher, type PhraseEntry } from './phrase-matcher.js'

/**
 * Word knowledge the blame grammar needs: which words are common English, which are systems,
 * and the verb classes of data/blame-actions.yml with their inflected forms.
 */

let common: ReadonlySet<string> | null = null

/** Whether a lower-case word is a common English word or an inflection of one ("typos", "dropped"). */
export function isCommonWord(norm: string): boolean {
  // Decoded on first use: most runs never ask (only sentences with a blame cue and a capitalised word do).
  common ??= decodeFrontCoded(commonWords.words)
  if (common.has(norm)) return true
  // Two rounds: "servers" → "server" → "serve" (the dictionary lists stems with affix flags).
  for (const stem of stems(norm)) {
    if (common.has(stem)) return true
    for (const inner of stems(stem)) if (common.has(inner)) return true
  }
  return false
}

const PREFIXES = ['auto', 'multi', 'micro', 'pre', 're', 'sub', 'super', 'hyper', 'inter', 'over', 'under', 'cross', 'cyber', 'data', 'geo', 'meta', 'mega', 'out', 'up', 'down', 'back', 'fail', 'load', 'hot', 'dead', 'cold', 'health', 'time', 'net', 'web', 'cloud', 'dev', 'ops', 'sys', 'un', 'non', 'de', 'dis', 'mis', 'co', 'self', 'post', 'fire', 'key', 'work', 'code', 'file', 'log', 'bit', 'byte']

/**
 * A word made of common words ("autoscaling", "failover", "healthcheck", "backfill"): technical
 * compounds are things. Both halves must be words of four letters or more (or a known prefix), so
 * names like "Carmen" or "Tomas" are not split into "car men" or "tom as".
 */
export function isCompoundWord(norm: string): boolean {
  if (norm.length < 7 || !/^[a-z]+$/.test(norm)) return false
  for (let cut = 2; cut <= norm.length - 4; cut++) {
    const head = norm.slice(0, cut)
    const tail = norm.slice(cut)
    if ((PREFIXES.includes(head) || (head.length >= 4 && isCommonWord(head))) && tail.length >= 4 && isCommonWord(tail)) return true
  }
  return false
}

/** The words of a front-coded list ("0aah1rdvark" → "aah", "aardvark"; see scripts/data-schemas.mjs). */
function decodeFrontCoded(coded: string): Set<string> {
  const out = new Set<string>()
  let previous = ''
  for (let index = 0; index < coded.length; ) {
    const shared = coded.charCodeAt(index) - 48
    let end = index + 1
    while (end < coded.length && coded.charCodeAt(end) > 57) end++
    previous = previous.slice(0, shared) + coded.slice(index + 1, end)
    out.add(previous)
    index = end
  }
  return out
}

/** Candidate stems of an inflected word: "copies" → "copy", "dropped" → "drop", "typos" → "typo". */
function stems(word: string): string[] {
  const out: string[] = []
  const strip = (suffix: string, add = ''): void => {
    if (word.length > suffix.length + 1 && word.endsWith(suffix)) out.push(word.slice(0, -suffix.length) + add)
  }
  strip('s')
  strip('es')
  strip('ies', 'y')
  strip('ed')
  strip('ed', 'e')
  strip('ied', 'y')
  strip('ing')
  strip('ing', 'e')
  strip('er')
  strip('r')
  strip('or', 'e')
  strip('ly')
  strip('ness')
  strip('ment')
  strip('able')
  strip('ation', 'e')
  // "dropped", "stopping": a doubled final consonant.
  const doubled = /^(.*([b-df-hj-np-tv-z]))\2(?:ed|ing)$/.exec(word)
  if (doubled) out.push(doubled[1]!)
  return out
}

const products: ReadonlySet<string> = new Set(systemNames.products)
const acronyms: ReadonlySet<string> = new Set(systemNames.acronyms)
const places: ReadonlySet<string> = new Set(lexiconPlaces)

/** A product, vendor or tool name ("kafka", "jenkins"), or a place or organisation the NLP knows. */
export function isSystemWord(norm: string): boolean {
  return products.has(norm) || places.has(norm)
}

/** An upper-case word that is a system, unit or role ("DNS", "CI", "QA"), never someone's initials. */
export function isAcronym(norm: string): boolean {
  return acronyms.has(norm) || products.has(norm)
}

/** The forms of a verb phrase's first word: base, -s, -ed, -ing (over-generating is harmless). */
export function inflect(phrase: string): string[] {
  const [verb = '', ...rest] = phrase.split(' ')
  const tail = rest.length > 0 ? ` ${rest.join(' ')}` : ''
  if (verb === '*' || verb.startsWith("'")) return [phrase]
  const forms = new Set([verb, `${verb}s`, `${verb}ing`])
  if (verb.endsWith('e')) {
    forms.add(`${verb}d`)
    forms.add(`${verb.slice(0, -1)}ing`)
  } else forms.add(`${verb}ed`)
  if (/(?:s|x|z|ch|sh|o)$/.test(verb)) forms.add(`${verb}es`)
  if (/[^aeiou]y$/.test(verb)) {
    forms.add(`${verb.slice(0, -1)}ies`)
    forms.add(`${verb.slice(0, -1)}ied`)
  }
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(verb)) {
    forms.add(`${verb}${verb.at(-1)}ed`)
    forms.add(`${verb}${verb.at(-1)}ing`)
  }
  return [...forms].map((form) => form + tail)
}

export type ActionKind = (typeof actions.actions)[number]['kind']

export interface ActionEntry extends PhraseEntry {
  kind: ActionKind
  /** A removal that is harm only when its object held data or served traffic. */
  needsValue?: boolean
}

/** One matcher per action class, over every inflected form of its verbs. */
export const actionMatchers: ReadonlyMap<ActionKind, PhraseMatcher> = new Map(
  (['destructive', 'disable', 'introduce', 'operate', 'leave', 'outcome', 'inaction'] as const).map((kind) => {
    const entries = actions.actions
      .filter((entry) => entry.kind === kind)
      .map((entry): ActionEntry => ({ ...entry, phrases: [...new Set(entry.phrases.flatMap(inflect))] }))
    return [kind, new PhraseMatcher(entries)]
  }),
)

const wordSet = (list: readonly string[]): ReadonlySet<string> => new Set(list)
/** Single words of data/blame-actions.yml `words`, as sets. */
export const words = {
  harmful: wordSet(actions.words.harmful),
  junk: wordSet(actions.words.junk),
  valuable: wordSet(actions.words.valuable),
  stative: wordSet(actions.words.stative.flatMap(inflect)),
  systemHeads: wordSet(actions.words['system-heads']),
  checks: wordSet(actions.words.checks.flatMap(inflect)),
}
/** Multi-word lists of data/blame-actions.yml `words`, as matchers. */
export const safeguards = new PhraseMatcher([{ id: 'safeguard', phrases: actions.words.safeguards }])
export const excuses = new PhraseMatcher([{ id: 'excuse', phrases: actions.words.excuses }])
export const riskyTargets = new PhraseMatcher([{ id: 'risky-target', phrases: actions.words['risky-targets'] }])
export const forms = new Map(actions.forms.map((entry) => [entry.id, new PhraseMatcher([entry])]))

/** Every form of every verb in a class, for quick membership tests in the clause walk. */
export const actionVerbForms: ReadonlySet<string> = new Set(actions.actions.flatMap((entry) => entry.phrases.flatMap(inflect).map((phrase) => phrase.split(' ')[0]!)).filter((word) => word !== '*'))
