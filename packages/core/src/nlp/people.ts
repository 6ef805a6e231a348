import firstNames from '../data/first-names.generated.js'
import { lexiconNames } from '../data/lexicon-names.generated.js'
import roleData from '../data/person-roles.generated.js'
import type { PostmortemDocument } from '../model/types.js'
import type { TaggedTerm } from './compromise.js'
import { PhraseMatcher } from './phrase-matcher.js'
import type { Token } from './tokens.js'

/**
 * How sure we are that a token refers to a person:
 * - strong: an @handle, he/she/I, a role ("the on-call"), a name compromise knows or the
 *   document lists among its people;
 * - weak: "they", or a capitalised word that could be a name or a product ("Yuki", "Kafka");
 * - team: "the payments team" (a group of people, but also how teams own systems).
 */
export type PersonStrength = 'strong' | 'weak' | 'team'

const roleMatcher = new PhraseMatcher(roleData.roles)
const excludedNames: ReadonlySet<string> = new Set(firstNames.exclude)
const knownFirstNames: ReadonlySet<string> = new Set(firstNames.names.filter((name) => !excludedNames.has(name)))
// Names the NLP would tag as names: with ours, every name tagging could find (see isKnownName).
const namesWithNlpNames: ReadonlySet<string> = new Set([...knownFirstNames, ...lexiconNames.filter((name) => !excludedNames.has(name))])
const roleWords = new Set(roleData.roles.flatMap((entry) => entry.phrases.flatMap((phrase) => phrase.split(' '))))

/** Whether the tokens hold a whole role phrase ("the on-call engineer", "SRE"). */
export function mentionsRole(tokens: readonly Token[]): boolean {
  return roleMatcher.mayMatch(tokens) && roleMatcher.matchAll(tokens).length > 0
}

/**
 * Whether a word, written as a name ("Mateo", not "mateo"), is a name PersonReferences could
 * call strong: one the document lists among its people, a first name from our list, or a name in
 * the NLP's lexicon (which its tags would mark). System names ("Cassandra") are not.
 */
export function isKnownName(token: Token, people: ReadonlySet<string>): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(token.text) || excludedNames.has(token.norm)) return false
  return people.has(token.norm) || namesWithNlpNames.has(token.norm)
}

/** A system that shares a person's name ("Cassandra", "Aurora"): never a person. */
export function isSystemName(norm: string): boolean {
  return excludedNames.has(norm)
}

/** Whether a lower-case word is part of a role ("engineer", "on-call"). */
export function isRole(word: string): boolean {
  return roleWords.has(word)
}
const strongPronouns = new Set(['he', 'she', 'him', 'her', 'i', 'me', 'his', 'himself', 'herself'])
const weakPronouns = new Set(['they', 'them', 'themselves'])
const NAME_TAGS = new Set(['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific'])
// Common-noun endings: a capitalised "Deployment" or "Monitoring" is not a name.
const COMMON_NOUN_SUFFIX = /(?:ment|tion|sion|ing|ness|ity|ance|ence|ure|age|ism|ics|ship|hood|ery|ory|ware|base|ops|able|ible|ly|ed|s)$/

/** Names of the people a document mentions in its metadata and action owners, lower-case. */
export function knownPeople(doc: PostmortemDocument): Set<string> {
  const names = new Set<string>()
  const add = (raw: string): void => {
    for (const part of raw.split(/,|;|&|\band\b|\//)) {
      const words = withoutAsides(part).trim().split(/\s+/)
      // Only person-shaped values: one to three capitalised words ("Inès Moreau").
      if (words.length === 0 || words.length > 3 || !words.every((word) => /^\p{Lu}[\p{L}'’-]+$/u.test(word))) continue
      for (const word of words) names.add(word.toLowerCase())
    }
  }
  for (const field of doc.metadata.fields) {
    if (field.key === 'authors' || field.key === 'reviewers' || field.key === 'incidentLead') add(field.raw)
  }
  for (const item of doc.actionItems) if (item.owner && !item.owner.raw.startsWith('@')) add(item.owner.raw)
  return names
}

/**
 * `text` without its "(...)" asides, each ending at the first ")" on its line as with /\(.*?\)/g.
 * Found with indexOf, as that lazy pattern scans to the end of the line again from every "(".
 */
function withoutAsides(text: string): string {
  let kept = ''
  let from = 0
  for (let open = text.indexOf('('); open >= 0; ) {
    const close = text.indexOf(')', open + 1)
    if (close < 0) break
    const closeLine = lineStart(text, close, open)
    if (closeLine > open) {
      open = text.indexOf('(', closeLine)
      continue
    }
    kept += text.slice(from, open)
    from = close + 1
    open = text.indexOf('(', from)
  }
  return kept + text.slice(from)
}

/** Where the line holding `index` starts, looking back no further than `floor`. */
function lineStart(text: string, index: number, floor: number): number {
  let cursor = index
  while (cursor > floor && !'\n\r\u2028\u2029'.includes(text[cursor - 1]!)) cursor--
  return cursor
}

export class PersonReferences {
  /** Strength per token index, for tokens that may refer to a person. */
  readonly strength = new Map<number, PersonStrength>()

  constructor(tokens: readonly Token[], terms: readonly TaggedTerm[], people: ReadonlySet<string>) {
    for (const match of roleMatcher.matchAll(tokens)) {
      for (let index = match.start; index < match.end; index++) this.strength.set(index, 'strong')
    }
    tokens.forEach((token, index) => {
      if (this.strength.has(index)) return
      if (token.norm.startsWith('@') && token.norm.length > 1) this.strength.set(index, 'strong')
      else if (strongPronouns.has(token.norm)) this.strength.set(index, 'strong')
      else if (weakPronouns.has(token.norm)) this.strength.set(index, 'weak')
      // A system that shares a person's name ("Cassandra failed to compact") is a system.
      else if (excludedNames.has(token.norm)) return
      else if (/^\p{Lu}/u.test(token.text)) {
        const tags = tagsAt(terms, token)
        const listedName = knownFirstNames.has(token.norm) && /^\p{Lu}\p{Ll}/u.test(token.text) && !this.#beforeCommonNoun(tokens, terms, index)
        if (people.has(token.norm) || tags.some((tagName) => NAME_TAGS.has(tagName)) || listedName) this.strength.set(index, 'strong')
        else if (looksLikeUnknownName(token, tags) && !this.#beforeCommonNoun(tokens, terms, index)) this.strength.set(index, 'weak')
      } else if (token.norm === 'team' || token.norm === 'teams' || token.norm === 'squad') this.strength.set(index, 'team')
    })
  }

  /** "Product images failed": a capitalised word before a lower-case noun is a modifier, not a name. */
  #beforeCommonNoun(tokens: readonly Token[], terms: readonly TaggedTerm[], index: number): boolean {
    const next = tokens[index + 1]
    if (!next || !/^\p{Ll}/u.test(next.text)) return false
    const tags = tagsAt(terms, next)
    return (tags.includes('Noun') || tags.includes('Adjective')) && !tags.includes('Verb')
  }

  at(index: number): PersonStrength | null {
    return this.strength.get(index) ?? null
  }

  /** The strongest person reference in a token range. */
  strongestIn(start: number, end: number): { index: number; strength: PersonStrength } | null {
    let best: { index: number; strength: PersonStrength } | null = null
    const rank = { strong: 3, weak: 2, team: 1 } as const
    for (let index = Math.max(0, start); index < end; index++) {
      const strength = this.strength.get(index)
      if (strength && (!best || rank[strength] > rank[best.strength])) best = { index, strength }
    }
    return best
  }
}

function looksLikeUnknownName(token: Token, tags: readonly string[]): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(token.text)) return false
  if (COMMON_NOUN_SUFFIX.test(token.norm)) return false
  // Untagged (the sentence was not worth tagging): no evidence of a name.
  if (tags.length === 0) return false
  const blocked = ['Verb', 'Adjective', 'Adverb', 'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Acronym', 'Plural', 'Date', 'Month', 'WeekDay', 'Value', 'Place', 'Organization', 'QuestionWord']
  return tags.includes('Noun') && !blocked.some((tagName) => tags.includes(tagName))
}

export function tagsAt(terms: readonly TaggedTerm[], token: Token): string[] {
  for (const term of terms) {
    if (token.start >= term.start && token.start < term.start + Math.max(1, term.length)) return term.tags
  }
  return []
}
