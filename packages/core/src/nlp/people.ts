import calendarData from '../data/calendar-words.generated.js'
import firstNames from '../data/first-names.generated.js'
import { lexiconNames } from '../data/lexicon-names.generated.js'
import roleData from '../data/person-roles.generated.js'
import type { PostmortemDocument } from '../model/types.js'
import type { TaggedTerm } from './compromise.js'
import { PhraseMatcher } from './phrase-matcher.js'
import { actionVerbForms, isAcronym, isCommonWord, isCompoundWord, isSystemWord, words } from './lexicon.js'
import { perDocument } from '../evidence/per-document.js'
import { tokenize, type Token } from './tokens.js'

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
const curatedNames: ReadonlySet<string> = new Set(lexiconNames.filter((name) => !excludedNames.has(name)))
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

/** Names of the people a document mentions in its metadata and action owners, lower-case. */
export function knownPeople(doc: PostmortemDocument): Set<string> {
  return perDocument(doc, 'known-people', () => readKnownPeople(doc))
}

function readKnownPeople(doc: PostmortemDocument): Set<string> {
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

/** One reference to a person (or a group) in a sentence, as a token range. */
export interface Mention {
  start: number
  end: number
  kind: 'name' | 'handle' | 'initials' | 'role' | 'group' | 'pronoun' | 'they' | 'team'
  strength: PersonStrength
}

// Lower-case words inside a name ("Ana de la Cruz", "Ahmed bin Rashid", "Jan van der Berg").
const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'da', 'das', 'do', 'dos', 'du', 'del', 'della', 'di', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'ten', 'bin', 'binti', 'ibn', 'al', 'el', 'ben', 'bint', 'y', 'e', 'st'])
// Words before a capitalised word that make it a thing: people are not "the Orion".
const THING_DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'its', 'our', 'their', 'your', 'every', 'each', 'any', 'no'])
// "our team", "my team": the authors themselves, a team-level statement.
const SELF: ReadonlySet<string> = new Set(['our', 'my', 'we', 'us'])
const GROUP_HEADS: ReadonlySet<string> = new Set(['team', 'teams', 'squad', 'squads', 'crew', 'folks', 'guys', 'group'])
// A capitalised word shaped like a name: letters with inner hyphens or apostrophes, no digits and
// no inner capital ("CloudWatch", "PagerDuty" are products), or a hyphenated name ("Ji-woo", "Jean-Luc").
// Inner capitals only after the prefixes names have ("McAllister", "DeShawn", "O'Malley").
const NAME_SHAPE = /^(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Fitz|O['’]|D['’])?\p{Lu}[\p{Ll}\p{M}]+(?:['’-]\p{L}[\p{Ll}\p{M}]*)*$/u
const INITIALS = /^(?:\p{Lu}\.?){2,3}$/u

/**
 * Everything in a sentence that may refer to a person, open-world: the detector does not depend
 * on a list of first names. A capitalised word (or run of them: "Park Ji-hoon", "Trần Thu Hà")
 * that is not a common English word, a known system, place or organisation, or the document's own
 * system name is a name; so are @handles, initials, role nouns, groups and pronouns. Known first
 * names and the document's people only rescue names that are also words ("Grace", "Will").
 */
export class PersonReferences {
  /** Strength per token index, for tokens that may refer to a person. */
  readonly strength = new Map<number, PersonStrength>()
  readonly mentions: Mention[] = []
  readonly #byToken = new Map<number, Mention>()

  constructor(
    private readonly tokens: readonly Token[],
    private readonly terms: readonly TaggedTerm[],
    people: ReadonlySet<string>,
    systems: ReadonlySet<string> = new Set(),
  ) {
    for (const match of roleMatcher.matchAll(tokens)) this.#add(match.start, match.end, 'role', 'strong')
    for (let index = 0; index < tokens.length; index++) {
      if (this.#byToken.has(index)) continue
      const token = tokens[index]!
      const before = tokens[index - 1]?.norm ?? ''
      if (token.norm.startsWith('@') && token.norm.length > 1) this.#add(index, index + 1, 'handle', 'strong')
      else if (strongPronouns.has(token.norm)) this.#add(index, index + 1, 'pronoun', 'strong')
      else if (weakPronouns.has(token.norm)) {
        // "they" after a group, or after a person with no plural noun in between, refers to them.
        const antecedent = this.#antecedent(index)
        const gloss = tokens[index + 1]?.norm === '['
        if (!gloss) this.#add(index, index + 1, 'they', antecedent ? 'strong' : 'weak')
      } else if (GROUP_HEADS.has(token.norm)) this.#group(index)
      else if (INITIALS.test(token.text) && !isAcronym(token.norm.replace(/\./g, '')) && !excludedNames.has(token.norm)) {
        this.#add(index, index + 1, 'initials', this.#inAgentPosition(index) ? 'strong' : 'weak')
      } else if (/^\p{Lu}/u.test(token.text) && !THING_DETERMINERS.has(before)) {
        index = this.#name(index, people, systems) - 1
      }
    }
  }

  #antecedent(index: number): boolean {
    const previous = this.mentions.filter((mention) => mention.strength === 'strong' && mention.end <= index).at(-1)
    if (!previous) return false
    for (let cursor = previous.end; cursor < index; cursor++) {
      const token = this.tokens[cursor]!
      if (/^\p{Ll}+[^s']s$/u.test(token.text) || tagsAt(this.terms, token).includes('Plural')) return false
    }
    return previous.kind === 'group' || previous.kind === 'role' || previous.kind === 'name' || previous.kind === 'handle' || previous.kind === 'initials'
  }

  #add(start: number, end: number, kind: Mention['kind'], strength: PersonStrength): void {
    const mention = { start, end, kind, strength }
    this.mentions.push(mention)
    for (let index = start; index < end; index++) {
      this.strength.set(index, strength)
      this.#byToken.set(index, mention)
    }
  }

  /** "the mobile team", "the devs": a group of people; "our team" is the authors themselves. */
  #group(index: number): void {
    let start = index
    while (start > 0 && /^\p{Ll}|^\p{Lu}\p{Ll}+$|^\p{Lu}+$/u.test(this.tokens[start - 1]!.text) && !CLAUSE_WORDS.has(this.tokens[start - 1]!.norm) && start > index - 4) {
      if (THING_DETERMINERS.has(this.tokens[start - 1]!.norm) || SELF.has(this.tokens[start - 1]!.norm)) break
      start--
    }
    const determiner = this.tokens[start - 1]?.norm ?? ''
    if (SELF.has(determiner)) return this.#add(start, index + 1, 'team', 'team')
    // "The team" alone is usually the authors' own team; "the payments team" is a group.
    this.#add(start, index + 1, 'group', start < index ? 'strong' : 'team')
  }

  /** A run of capitalised words from `index`; returns the index after it. */
  #name(index: number, people: ReadonlySet<string>, systems: ReadonlySet<string>): number {
    // "After Wojtek ...", "Had Emeka run ...": a capitalised opener is not part of the name.
    const opener = this.tokens[index]!
    const openerTags = tagsAt(this.terms, opener)
    if (CLOSED_CLASS.has(opener.norm) || AUXILIARY_OPENERS.has(opener.norm) || openerTags.some((tagName) => OPENER_TAGS.has(tagName)) || (openerTags.includes('Verb') && !openerTags.includes('Noun') && (index === 0 || /^[,:;(]$/.test(this.tokens[index - 1]!.norm)))) {
      return index + 1
    }
    let end = index
    const parts: number[] = []
    while (end < this.tokens.length) {
      const token = this.tokens[end]!
      if (/^\p{Lu}/u.test(token.text) && /\p{Ll}/u.test(token.text)) parts.push(end)
      else if (/^\p{Lu}$/u.test(token.text) && this.tokens[end + 1]?.norm === '.' && /^\p{Lu}/u.test(this.tokens[end + 2]?.text ?? '')) {
        // "J. Okafor": an initial and its full stop.
        parts.push(end)
        end++
      } else if (!(NAME_PARTICLES.has(token.text) && end > index && /^\p{Lu}/u.test(this.tokens[end + 1]?.text ?? ''))) break
      end++
    }
    if (end === index) return index + 1
    const norms = parts.map((part) => this.tokens[part]!.norm)
    const next = this.tokens[end]
    const isThing =
      norms.some((norm) => excludedNames.has(norm) || isSystemWord(norm) || systems.has(norm) || calendarWords.has(norm)) ||
      // "Orion service", "Payments team": a modifier of a system noun.
      (next !== undefined && /^\p{Ll}/u.test(next.text) && ((words.systemHeads.has(next.norm) && headsNounPhrase(this.tokens, end)) || GROUP_HEADS.has(next.norm) || this.#beforeCommonNoun(end - 1)))
    if (isThing) return end
    const shaped = parts.every((part) => NAME_SHAPE.test(this.tokens[part]!.text) || /^\p{Lu}$/u.test(this.tokens[part]!.text))
    const unknownWord = norms.some((norm) => norm.length > 1 && !isCommonWord(norm.replace(/['’]/g, '')) && !isCompoundWord(norm) && !FUNCTION_WORDS.has(norm) && !isContraction(norm) && !isHyphenatedWords(norm))
    // Capitals mid-sentence mark a proper noun ("because Yaw never updated ..."); at the start of a
    // sentence or after a colon they say nothing, so a word there that is also a common word
    // ("Traffic", "Server") is a name only when something else says so: the document's people, a
    // name lexicon (but never a system noun: "Server" is in ours), or a name particle ("Le Van Hung").
    const before = this.tokens[index - 1]?.norm ?? ''
    const forcedCapital = index === 0 || /^[:;("“'‘\-–—*•>|]$/.test(before) || (before === '.' && index > 1)
    // "our server Emberfall crashed": a name right after a system noun names that system, as far
    // as anything but the document's own people goes; whose name it is does not matter.
    const previous = this.tokens[index - 1]
    const afterSystemNoun = previous !== undefined && /^\p{Ll}/u.test(previous.text) && words.systemHeads.has(previous.norm)
    if (afterSystemNoun && !norms.some((norm) => people.has(norm))) {
      if (this.#inAgentPosition(index)) this.#add(index, end, 'name', 'weak')
      return end
    }
    const known = norms.some((norm) => people.has(norm) || curatedNames.has(norm) || (knownFirstNames.has(norm) && !words.systemHeads.has(norm)))
    const particle = parts.length > 1 && norms.some((norm) => NAME_PARTICLES.has(norm))
    const proper = !forcedCapital && shaped && !norms.every((norm) => FUNCTION_WORDS.has(norm) || words.systemHeads.has(norm) || isContraction(norm))
    if (known || particle || ((proper || (shaped && unknownWord)) && !this.#taggedAsThing(parts))) this.#add(index, end, 'name', 'strong')
    // A capitalised common word as a bare subject ("Blessing forgot ...", "Traffic spiked") may be
    // a name that is also a word: weak, so only verbs that only people do, or a human cue, count.
    else if (shaped && parts.length === 1 && this.#inAgentPosition(index) && !/(?:[^s]s|tion|sion|ment|ness|ity|ance|ence|ure|ism|ics|ware|ops|ly)$/.test(norms[0]!) && !FUNCTION_WORDS.has(norms[0]!)) {
      this.#add(index, end, 'name', 'weak')
    }
    return end
  }

  /**
   * compromise's tags say the word is a place or an organisation ("Frankfurt", "Initech"). Its
   * tags of a hyphenated name are the tags of its first half ("Jun" of "Jun-ho" is a month), so
   * those are not asked.
   */
  #taggedAsThing(parts: readonly number[]): boolean {
    return parts.some((part) => {
      const token = this.tokens[part]!
      if (token.norm.includes('-')) return false
      const tags = tagsAt(this.terms, token)
      return ['Place', 'Organization', 'SportsTeam'].some((tagName) => tags.includes(tagName)) && !namesWithNlpNames.has(token.norm)
    })
  }

  /** Initials count as a person where a name would act: before a verb, "'s" or "who", or after "by". */
  #inAgentPosition(index: number): boolean {
    // "J.M. deleted ...": the full stop after dotted initials.
    const next = this.tokens[index + 1]?.norm === '.' && this.tokens[index]!.text.includes('.') ? this.tokens[index + 2] : this.tokens[index + 1]
    const previous = this.tokens[index - 1]?.norm
    if (previous === 'by' || previous === 'to' || previous === 'and' || previous === 'was') return true
    if (!next) return false
    if (next.norm === "'s" || next.norm === 'who' || next.norm === ',') return true
    const tags = tagsAt(this.terms, next)
    return /^\p{Ll}/u.test(next.text) && (tags.includes('Verb') || actionVerbForms.has(next.norm) || /ed$/.test(next.norm) || AUXILIARIES.has(next.norm))
  }

  /** "Product images failed": a capitalised word before a lower-case noun is a modifier, not a name. */
  #beforeCommonNoun(index: number): boolean {
    const next = this.tokens[index + 1]
    if (!next || !/^\p{Ll}/u.test(next.text) || actionVerbForms.has(next.norm) || AUXILIARIES.has(next.norm)) return false
    const tags = tagsAt(this.terms, next)
    // Only a noun: compromise calls some verbs adjectives ("fat-fingered", "mistyped").
    return tags.includes('Noun') && !tags.includes('Verb') && !tags.includes('Preposition') && !/ed$/.test(next.norm)
  }

  at(index: number): PersonStrength | null {
    return this.strength.get(index) ?? null
  }

  /** The mention covering a token, if any. */
  mentionAt(index: number): Mention | null {
    return this.#byToken.get(index) ?? null
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

// Capitalised openers that are never part of a name.
const CLOSED_CLASS: ReadonlySet<string> = new Set(['after', 'before', 'when', 'while', 'because', 'since', 'once', 'if', 'then', 'meanwhile', 'later', 'finally', 'also', 'yesterday', 'today', 'tonight', 'unfortunately', 'fortunately', 'luckily', 'sadly', 'eventually', 'initially', 'overnight', 'apparently', 'naturally', 'obviously', 'clearly', 'again', 'instead', 'afterwards', 'soon', 'shortly', 'within', 'during', 'until', 'though', 'although', 'despite', 'even', 'only', 'so', 'thus', 'hence', 'therefore', 'however', 'why', 'how', 'what', 'who', 'whoever', 'where', 'thanks', 'per', 'via', 'here', 'there', 'now', 'next', 'first', 'second', 'third', 'last', 'cause', 'trigger', 'responsible', 'fix', 'note', 'update', 'edit', 'summary', 'impact', 'status', 'owner', 'action', 'result', 'outcome', 'reason', 'root'])
const AUXILIARY_OPENERS: ReadonlySet<string> = new Set(['had', 'has', 'have', 'was', 'were', 'is', 'are', 'did', 'does', 'do', 'should', 'could', 'would', 'will', 'can', 'may', 'might', 'must', 'shall', 'were', 'not', 'never'])
const OPENER_TAGS: ReadonlySet<string> = new Set(['Preposition', 'Conjunction', 'Determiner', 'QuestionWord'])
const calendarWords: ReadonlySet<string> = new Set([...calendarData.months.flat(), ...calendarData.weekdays.flat()])
const AUXILIARIES: ReadonlySet<string> = new Set(['had', 'has', 'have', 'was', 'were', 'is', 'did', 'does', 'never', 'just', 'then', 'also', 'accidentally', 'mistakenly', 'still', 'should', 'could', 'would', 'forgot', 'failed', 'not'])
const CLAUSE_WORDS: ReadonlySet<string> = new Set([',', ';', ':', '.', 'and', 'or', 'but', 'because', 'when', 'while', 'after', 'before', 'by', 'of', 'with', 'to', 'from', 'in', 'on', 'at', 'for', 'that', 'which', 'who'])
const FUNCTION_WORDS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'we', 'our', 'in', 'on', 'at', 'when', 'after', 'before', 'because', 'during', 'while', 'as', 'if', 'once', 'since', 'there', 'each', 'every', 'all', 'no', 'some', 'one', 'two', 'both', 'for', 'with', 'to', 'from', 'by', 'however', 'then', 'also', 'only', 'most', 'many', "it's", "that's", "there's", "what's", "let's", 'ok', 'okay'])

/** "We've", "They'll", "I'm": a contraction, never a name. */
function isContraction(norm: string): boolean {
  return /['’](?:ve|ll|re|d|m|t|s)$/.test(norm) || norm.endsWith("n't")
}

/** "Priority-classes", "Read-only": every part a common word, so a compound, not "Ji-woo". */
function isHyphenatedWords(norm: string): boolean {
  const parts = norm.split('-')
  // Four letters or more: "Jun-ho" and "Min-seo" are names even though "jun", "ho" and "min" are words.
  return parts.length > 1 && parts.every((part) => part.length > 3 && isCommonWord(part))
}

/**
 * Capitalised words the document itself uses as system names: after "the" ("the Orion API") or
 * before a system noun ("Orion service", "Ledger cluster"). Lower-case.
 */
/**
 * Whether the system noun at `index` ends a noun phrase ("the Orion deploys failed") rather than
 * being a verb with its object ("Bob deploys the config", "Ana builds a new image"): a verb's
 * object starts with a determiner.
 */
function headsNounPhrase(tokens: readonly Token[], index: number): boolean {
  const after = tokens[index + 1]
  return after === undefined || !OBJECT_STARTS.has(after.norm)
}
const OBJECT_STARTS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'your', 'my', 'it', 'them', 'every', 'all'])

export function knownSystems(doc: PostmortemDocument): Set<string> {
  return perDocument(doc, 'known-systems', () => readKnownSystems(doc))
}

function readKnownSystems(doc: PostmortemDocument): Set<string> {
  const systems = new Set<string>()
  for (const sentence of doc.prose) {
    const text = sentence.text
    // Cheap: most sentences have no capitalised word after their first.
    if (!/\s\p{Lu}/u.test(text)) continue
    const tokens = tokenize(text)
    for (let index = 1; index < tokens.length; index++) {
      const token = tokens[index]!
      if (!/^\p{Lu}\p{Ll}/u.test(token.text)) continue
      const before = tokens[index - 1]!.norm
      const after = tokens[index + 1]
      if ((THING_DETERMINERS.has(before) && before !== 'our') || (after && /^\p{Ll}/u.test(after.text) && words.systemHeads.has(after.norm) && headsNounPhrase(tokens, index + 1))) systems.add(token.norm)
    }
  }
  // A person is never a system, whatever "the" precedes it in the document.
  for (const person of knownPeople(doc)) systems.delete(person)
  return systems
}

export function tagsAt(terms: readonly TaggedTerm[], token: Token): string[] {
  for (const term of terms) {
    if (token.start >= term.start && token.start < term.start + Math.max(1, term.length)) return term.tags
  }
  return []
}
