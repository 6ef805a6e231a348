import modifiers from '../data/blame-modifiers.generated.js'
import verbs from '../data/blame-verbs.generated.js'
import roleData from '../data/person-roles.generated.js'
import { tag, type TaggedTerm } from './compromise.js'
import { isKnownName, isRole, isSystemName, mentionsRole, PersonReferences, tagsAt, type PersonStrength } from './people.js'
import { PhraseMatcher, type PhraseEntry, type PhraseMatch } from './phrase-matcher.js'
import { tokenize, type Token } from './tokens.js'

export type BlameKind =
  | 'person-failure'
  | 'counterfactual'
  | 'character'
  | 'blame-noun'
  | 'person-cause'
  | 'person-root-cause'

export interface BlameFinding {
  kind: BlameKind
  /** Who the sentence blames, as written ("Dave", "the on-call engineer"), or the blame phrase. */
  who: string
  /** The phrase that carries the blame ("forgot", "human error"). */
  phrase: string
  /** Id of the vocabulary entry, for allow-lists. */
  entryId: string
  /** A system-focused direction for the rewrite, from the vocabulary. */
  suggest: string
  /** Character range in the sentence that the finding covers. */
  start: number
  end: number
}

export interface BlameContext {
  /** Whether the sentence sits in a root-cause section, where naming any person is blame. */
  inRootCause: boolean
  people: ReadonlySet<string>
  /** Vocabulary entry ids or literal phrases the user allowed. */
  allow: ReadonlySet<string>
}

const humanOnly = new PhraseMatcher(verbs['human-only'])
const ambiguous = new PhraseMatcher(verbs.ambiguous)
const adverbs = new PhraseMatcher(modifiers.adverbs)
const character = new PhraseMatcher(modifiers.character)
const blameNouns = new PhraseMatcher(modifiers['blame-nouns'])
const counterfactuals = new PhraseMatcher(modifiers.counterfactuals)
const causal = new PhraseMatcher(modifiers.causal)
const negations = new PhraseMatcher(modifiers.negations)
const mitigationIntent = new PhraseMatcher(modifiers['mitigation-intent'])
const humanCues = new PhraseMatcher(roleData['human-cues'])
const candidates = [humanOnly, ambiguous, adverbs, character, blameNouns, counterfactuals]
const omission: PhraseEntry = verbs.ambiguous.find((entry) => entry.id === 'wrong-target')!

// Words the subject walk steps over: auxiliaries, negation and adverbs between subject and verb.
const AUXILIARY = new Set(['had', 'has', 'have', 'was', 'were', 'is', 'are', 'did', 'does', 'do', 'not', 'never', 'just', 'simply', 'then', 'also', 'still', 'again', 'apparently', 'clearly', 'obviously', 'somehow', 'even', 'probably', 'likely', 'already', 'only', 'completely', 'entirely', 'totally', 'again', 'and', 'would', 'could', 'should', 'might', 'must', 'will', 'ought', 'to'])
// Words that end the subject's clause when walking left.
const CLAUSE_BREAK = new Set([',', ';', ':', '.', '(', ')', '—', '–', 'because', 'while', 'when', 'after', 'before', 'so', 'but', 'although', 'though', 'since', 'until', 'which', 'that', 'if', 'once', 'where', 'as'])
const LINKING_PREPOSITIONS = new Set(['on', 'of', 'in', 'from', 'at', 'with', 'for'])
const CONTROL_WORDS = /^(?:whoever|someone|somebody|anyone)$/
const APPOSITIVE_OPENERS: ReadonlySet<string> = new Set(['our', 'the', 'a', 'an', 'his', 'her', 'their'])

/**
 * Find blame in one sentence. A cheap lexical pre-filter runs first; only sentences holding a
 * blame word (or root-cause sentences) are tagged by compromise, so NLP cost follows the
 * number of suspicious sentences, not the size of the document.
 */
export function findBlame(text: string, context: BlameContext): BlameFinding | null {
  const tokens = tokenize(text)
  // Causal phrases ("because of", "due to") are everywhere; they only matter next to a person.
  // Match the vocabularies once: the pre-filter and the negation check share the result.
  const blameStarts = candidates.flatMap((matcher) => (matcher.mayMatch(tokens) ? matcher.matchAll(tokens).map((match) => match.start) : []))
  const suspicious =
    blameStarts.length > 0 ||
    hasOmission(tokens) ||
    (causal.mayMatch(tokens) && causal.matchAll(tokens).length > 0 && tokens.some((token, index) => token.norm.startsWith('@') || (index > 0 && /^\p{Lu}\p{Ll}/u.test(token.text))))
  if (!suspicious && !(context.inRootCause && mayNameSomeoneInRootCause(tokens, context.people))) return null
  if (deniesBlame(tokens, blameStarts)) return null

  // Every path to blame but "human error" needs a person-like word; without one, tagging the
  // sentence cannot change the answer, so compromise is not run at all.
  const terms = mayReferToPerson(tokens) ? tag(text) : []
  const people = new PersonReferences(tokens, terms, context.people)
  const analysis = new SentenceAnalysis(text, tokens, terms, people, context)
  return (
    analysis.blameNouns() ??
    analysis.counterfactual() ??
    analysis.failureVerbs() ??
    analysis.carelessAdverbs() ??
    analysis.character() ??
    analysis.personAsCause() ??
    (context.inRootCause ? analysis.personInRootCause() : null)
  )
}

const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'we', 'our', 'in', 'on', 'at', 'when', 'after', 'before', 'because', 'during', 'while', 'as', 'if', 'once', 'since', 'there', 'each', 'every', 'all', 'no', 'some', 'one', 'two', 'both', 'for', 'with', 'to', 'from', 'by', 'however', 'then', 'also', 'only', 'most', 'many'])

/**
 * "No individual is at fault", "nobody ignored the alert": a negation right before the blame
 * word denies it. A negation elsewhere ("Nobody would have been paged if Ben had read the
 * alert") does not.
 */
function deniesBlame(tokens: readonly Token[], blameStarts: readonly number[]): boolean {
  for (const negation of negations.matchAll(tokens)) {
    // Phrases that are denials on their own ("blameless", "not anyone's fault").
    if (negation.end - negation.start >= 3 || /^(?:blameless|not)$/.test(tokens[negation.start]!.norm)) return true
    if (blameStarts.some((start) => start >= negation.end && start - negation.end <= 3)) return true
  }
  return false
}

/** "without" + a verb: the only omission pattern not spelled out in the vocabulary. */
function hasOmission(tokens: readonly Token[]): boolean {
  return tokens.some((token, index) => token.norm === 'without' && /ing$/.test(tokens[index + 1]?.norm ?? ''))
}

/**
 * A cheap look for a person before paying for tagging a sentence: an @handle, he/she/I, a whole
 * role phrase (the matcher PersonReferences uses), or a token `nameLike` accepts. It only answers
 * "no" where PersonReferences could find no person even with tags.
 */
function mayNameSomeone(tokens: readonly Token[], nameLike: (token: Token, index: number) => boolean): boolean {
  return tokens.some((token, index) => token.norm.startsWith('@') || /^(?:he|she|his|her|i)$/.test(token.norm) || nameLike(token, index)) || mentionsRole(tokens)
}

/** Any capitalised word may be a name the NLP knows, but not "The" after a timestamp or "Cassandra". */
const anyCapitalisedWord = (token: Token): boolean => /^\p{Lu}\p{Ll}/u.test(token.text) && !FUNCTION_WORDS.has(token.norm) && !isSystemName(token.norm)

/**
 * In root-cause sections only names the lexicons or the document know, and "Dr X": unknown
 * capitalised words there are products and sentence openers ("Redis", "Customer", "Meanwhile"),
 * and the NLP's name tags on them were wrong every time we looked (57 of 57 over 1,800 synthetic
 * root-cause sentences), so tagging them cost time and bought only false positives.
 */
function mayNameSomeoneInRootCause(tokens: readonly Token[], people: ReadonlySet<string>): boolean {
  return mayNameSomeone(tokens, (token, index) => isKnownName(token, people) || (HONORIFICS.has(token.norm) && /^\p{Lu}/u.test(tokens[index + 1]?.text ?? '')))
}

const HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'mx', 'dr'])

function mayReferToPerson(tokens: readonly Token[]): boolean {
  return mayNameSomeone(tokens, anyCapitalisedWord) || tokens.some((token) => /^(?:they|them|themselves|team|teams|squad)$/.test(token.norm))
}

interface Subject {
  start: number
  end: number
  person: { index: number; strength: PersonStrength } | null
  /** The subject is a clause like "Whoever wrote the runner". */
  personClause: boolean
}

class SentenceAnalysis {
  private readonly hasHumanCue: boolean

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly terms: readonly TaggedTerm[],
    private readonly people: PersonReferences,
    private readonly context: BlameContext,
  ) {
    this.hasHumanCue = humanCues.matchAll(tokens).length > 0
  }

  blameNouns(): BlameFinding | null {
    for (const match of this.allowed(blameNouns.matchAll(this.tokens))) {
      if (this.negatedBefore(match.start)) continue
      if (match.entry.id === 'human-error') return this.finding('blame-noun', match, 'a person', match)
      // "Emeka's fault", "the culprit", "to blame": blame only when a person is in the sentence.
      const person = this.people.strongestIn(0, this.tokens.length)
      if (person && person.strength !== 'team') return this.finding('blame-noun', match, this.tokens[person.index]!.text, match)
    }
    return null
  }

  counterfactual(): BlameFinding | null {
    for (const match of this.allowed(counterfactuals.matchAll(this.tokens))) {
      // "if he had read the page": the subject sits inside the match.
      const inner = this.people.strongestIn(match.start, match.end)
      const subject = this.subjectBefore(match.start)
      // "Had Emeka run the tests" and "if Oskar had looked" are counterfactual; "the deployer's
      // disk had run out" and "the engineer had checked the dashboard" are plain past perfect.
      if (match.phrase.startsWith('had *')) {
        const named = inner && (inner.strength === 'strong' || /^\p{Lu}\p{Ll}/u.test(this.tokens[inner.index]!.text))
        // clauseStart stops after the word that opens the clause.
        const conditional = /^(?:if|unless)$/.test(this.tokens[this.clauseStart(match.start) - 1]?.norm ?? '')
        if (named) return this.finding('counterfactual', match, this.tokens[inner.index]!.text, match)
        if (conditional && subject.person?.strength === 'strong') return this.finding('counterfactual', match, this.who(subject, subject.person), match)
        continue
      }
      const person = inner?.strength === 'strong' ? inner : subject.person
      if (!person) continue
      if (person.strength === 'strong' || subject.personClause) return this.finding('counterfactual', match, this.who(subject, person), match)
      // A bare name as the subject of "should have" is about a person far more often than not.
      const bareName = person.strength === 'weak' && subject.end - subject.start === 1 && /^\p{Lu}/u.test(this.tokens[person.index]!.text)
      if ((person.strength === 'weak' && this.hasHumanCue) || bareName) return this.finding('counterfactual', match, this.who(subject, person), match)
    }
    return null
  }

  failureVerbs(): BlameFinding | null {
    // "The alert was ignored by Sam": a passive failure verb with a person as its agent.
    for (const match of this.allowed([...humanOnly.matchAll(this.tokens), ...ambiguous.matchAll(this.tokens)])) {
      const agent = this.passiveAgent(match)
      if (agent) return this.finding(match.entry.id === 'caused' ? 'person-cause' : 'person-failure', match, this.tokens[agent.index]!.text, match)
    }
    for (const match of this.allowed(humanOnly.matchAll(this.tokens))) {
      // "forgot nothing", "missed no step": the object denies the failure.
      if (/^(?:nothing|none|no|nobody)$/.test(this.tokens[match.end]?.norm ?? '')) continue
      const subject = this.subjectBefore(match.start)
      if (subject.person || subject.personClause) return this.finding('person-failure', match, this.who(subject, subject.person), match)
    }
    const deliberate = mitigationIntent.mayMatch(this.tokens) && mitigationIntent.matchAll(this.tokens).length > 0
    for (const match of this.allowed(ambiguous.matchAll(this.tokens))) {
      // "missed nothing": the object denies the failure.
      if (/^(?:nothing|none|no|nobody)$/.test(this.tokens[match.end]?.norm ?? '')) continue
      // "overrode the limits to restore capacity": skipping a safeguard on purpose is mitigation.
      if (deliberate && match.entry.excusedByPurpose) continue
      // "pushed the change without testing it": the modifier's subject is the clause's subject.
      const subject = match.entry.id === 'wrong-target' ? this.clauseSubject(match.start) : this.subjectBefore(match.start)
      const strength = subject.person?.strength
      const possessivePerson = this.possessivePersonIn(subject.start, subject.end)
      if (strength === 'strong' || subject.personClause || (possessivePerson && match.entry.id === 'caused')) {
        return this.finding('person-failure', match, this.who(subject, subject.person ?? possessivePerson), match)
      }
      if ((strength === 'weak' || strength === 'team') && this.hasHumanCue) {
        return this.finding('person-failure', match, this.who(subject, subject.person), match)
      }
    }
    // "pushed the migration without running it": any omission of a step, not only listed ones.
    for (let index = 0; index < this.tokens.length - 1; index++) {
      if (this.tokens[index]!.norm !== 'without' || !tagsAt(this.terms, this.tokens[index + 1]!).includes('Gerund')) continue
      const subject = this.clauseSubject(index)
      if (subject.person?.strength === 'strong' || subject.personClause || this.isBareName(subject)) {
        const match = { entry: omission, phrase: `without ${this.tokens[index + 1]!.norm}`, start: index, end: index + 2 }
        return this.finding('person-failure', match, this.who(subject, subject.person), match)
      }
    }
    return null
  }

  carelessAdverbs(): BlameFinding | null {
    for (const match of this.allowed(adverbs.matchAll(this.tokens))) {
      // "the tag was accidentally attached" is a passive fact about the system.
      const before = this.tokens[match.start - 1]?.norm
      if (before && /^(?:was|were|been|be|is|are|got)$/.test(before)) continue
      // "ran the script carelessly": an adverb after the object belongs to the clause's subject.
      const direct = this.subjectBefore(match.start)
      const subject = direct.person ? direct : this.clauseSubject(match.start)
      if (subject.person?.strength === 'strong' || subject.personClause || (subject.person && this.hasHumanCue)) {
        return this.finding('person-failure', match, this.who(subject, subject.person), match)
      }
    }
    return null
  }

  character(): BlameFinding | null {
    for (const match of this.allowed(character.matchAll(this.tokens))) {
      const person = this.people.strongestIn(0, this.tokens.length)
      if (!person) continue
      if (match.entry.id === 'habit') {
        const failure = humanOnly.matchAll(this.tokens).length > 0 || ambiguous.matchAll(this.tokens).length > 0
        if (person.strength === 'strong' || failure) return this.finding('character', match, this.tokens[person.index]!.text, match)
        continue
      }
      if (person.strength !== 'team' || match.end - match.start > 1) {
        return this.finding('character', match, this.tokens[person.index]!.text, match)
      }
    }
    return null
  }

  personAsCause(): BlameFinding | null {
    for (const match of this.allowed(causal.matchAll(this.tokens))) {
      // A person right after the causal phrase ("because of Thabo's negligence", "traces back to
      // an operator error by Mateus"), or before it ("@zofia is the reason").
      const after = this.people.strongestIn(match.end, Math.min(this.tokens.length, match.end + 6))
      const subject = this.subjectBefore(match.start)
      // "..., and that is why the app crashed": "that" points back at the sentence's first clause.
      const anaphor = /^(?:that|which|this)$/.test(this.tokens[match.start - 1]?.norm ?? '')
      const before = anaphor
        ? this.sentenceSubject(match.start - 1).person
        : /^(?:is|was|sits|lies|rests|falls|down)$/.test(this.tokens[match.start]?.norm ?? '') || this.tokens[match.start]?.norm === 'the'
          ? subject.person
          : null
      const clear = (found: { strength: PersonStrength } | null | undefined): boolean =>
        found?.strength === 'strong' || (found?.strength === 'weak' && this.hasHumanCue)
      const person = clear(after) ? after : clear(before) ? before : null
      if (person) return this.finding('person-cause', match, this.tokens[person.index]!.text, match)
    }
    return null
  }

  personInRootCause(): BlameFinding | null {
    // Any verb whose subject is a clear person, or a person's possession ("Gustavo's oversight").
    for (let index = 0; index < this.tokens.length; index++) {
      const tags = tagsAt(this.terms, this.tokens[index]!)
      if (!tags.includes('Verb') || tags.includes('Gerund') || tags.includes('Auxiliary')) continue
      const subject = this.subjectBefore(index)
      // Names, handles and he/she only: a role ("the person who published it") is how a careful
      // root cause talks about people without blaming them; roles with failure verbs are caught above.
      if (subject.person?.strength === 'strong' && this.namesSomeone(subject.person.index)) {
        const match = { entry: { id: 'person-in-root-cause', phrases: [] }, phrase: this.tokens[index]!.text, start: subject.start, end: index + 1 }
        return this.finding('person-root-cause', match, this.who(subject, subject.person), match)
      }
    }
    const possessive = this.possessivePersonIn(0, this.tokens.length)
    if (possessive?.strength === 'strong') {
      const match = { entry: { id: 'person-in-root-cause', phrases: [] }, phrase: this.tokens[possessive.index]!.text, start: possessive.index, end: possessive.index + 2 }
      return this.finding('person-root-cause', match, this.tokens[possessive.index]!.text, match)
    }
    return null
  }

  /** The person after "by" in a passive clause ("was forgotten by the on-call engineer"). */
  private passiveAgent(match: PhraseMatch): { index: number; strength: PersonStrength } | null {
    if (!/^(?:was|were|been|being|got|is|are)$/.test(this.tokens[match.start - 1]?.norm ?? '')) return null
    for (let index = match.end; index < Math.min(this.tokens.length, match.end + 4); index++) {
      if (this.tokens[index]!.norm !== 'by') continue
      const agent = this.people.strongestIn(index + 1, Math.min(this.tokens.length, index + 5))
      if (agent && agent.strength !== 'team') return agent
    }
    return null
  }

  /** The subject is one capitalised word the NLP does not know ("Kwame"): most likely a name. */
  private isBareName(subject: Subject): boolean {
    const person = subject.person
    return person?.strength === 'weak' && subject.end - subject.start === 1 && /^\p{Lu}\p{Ll}/u.test(this.tokens[person.index]!.text)
  }

  /** A name, an @handle or he/she/I, as opposed to a role or "they". */
  private namesSomeone(index: number): boolean {
    const token = this.tokens[index]!
    return token.norm.startsWith('@') || /^(?:he|she|i|his|her)$/.test(token.norm) || /^\p{Lu}/u.test(token.text) && !isRole(token.norm)
  }

  /** Walk left from a verb to the noun phrase that is its subject. */
  private subjectBefore(verbIndex: number): Subject {
    let index = verbIndex - 1
    while (index >= 0 && (AUXILIARY.has(this.tokens[index]!.norm) || this.isAdverb(index))) {
      // "and" joins a second verb to the same subject: "was warned ... and shrugged it off".
      if (this.tokens[index]!.norm === 'and') return this.sentenceSubject(index)
      index--
    }
    const end = index + 1
    let start = end
    while (index >= 0) {
      const token = this.tokens[index]!
      if (CLAUSE_BREAK.has(token.norm)) break
      if (LINKING_PREPOSITIONS.has(token.norm)) {
        // "A new joiner on the web team": the head noun phrase is before the preposition.
        index--
        continue
      }
      const tags = tagsAt(this.terms, token)
      const isVerb = tags.includes('Verb') && !tags.includes('Gerund') && !this.people.at(index) && !tags.includes('Noun')
      if (isVerb) break
      start = index
      index--
    }
    const clauseStart = this.clauseStart(verbIndex)
    const personClause = CONTROL_WORDS.test(this.tokens[clauseStart]?.norm ?? '')
    // "The developer who wrote the loop did not think": the walk stopped at the relative clause's
    // verb; the subject is the noun phrase the clause hangs on.
    const head = this.relativeClauseHead(index) ?? (start === end ? this.appositiveHead(index) : null)
    if (head) return { ...head, personClause }
    return { start, end, person: this.people.strongestIn(start, end), personClause }
  }

  /**
   * "Alice, who was on call, ignored the page" and "Marek, our on-call engineer, missed ...": the
   * walk stopped at the comma closing an aside; the subject is the noun phrase before it. Only an
   * aside that says it is about a person counts ("who", or a role in it): "Kafka, the message
   * broker, failed to ..." is about a system.
   */
  private appositiveHead(closingComma: number): Omit<Subject, 'personClause'> | null {
    if (this.tokens[closingComma]?.norm !== ',') return null
    for (let comma = closingComma - 2; comma >= Math.max(1, closingComma - 14); comma--) {
      if (this.tokens[comma]!.norm !== ',') continue
      const opener = this.tokens[comma + 1]!.norm
      const aboutPerson = opener === 'who' || (APPOSITIVE_OPENERS.has(opener) && this.people.strongestIn(comma + 1, closingComma)?.strength === 'strong')
      if (!aboutPerson) return null
      let start = comma
      for (let index = comma - 1; index >= 0 && !CLAUSE_BREAK.has(this.tokens[index]!.norm); index--) start = index
      const person = this.people.strongestIn(start, comma)
      return person && start < comma ? { start, end: comma, person } : null
    }
    return null
  }

  /** The noun phrase before "who"/"that" when `verbIndex` is a relative clause's verb, if it names a person. */
  private relativeClauseHead(verbIndex: number): Omit<Subject, 'personClause'> | null {
    if (verbIndex < 2 || !/^(?:who|that)$/.test(this.tokens[verbIndex - 1]!.norm)) return null
    const end = verbIndex - 1
    let start = end
    for (let index = end - 1; index >= 0; index--) {
      const tags = tagsAt(this.terms, this.tokens[index]!)
      if (CLAUSE_BREAK.has(this.tokens[index]!.norm) || (tags.includes('Verb') && !this.people.at(index) && !tags.includes('Noun'))) break
      start = index
    }
    const person = this.people.strongestIn(start, end)
    return person ? { start, end, person } : null
  }

  /** The subject of the clause holding a token: the noun phrase before the clause's first verb. */
  private clauseSubject(index: number): Subject {
    for (let cursor = this.clauseStart(index); cursor < index; cursor++) {
      const tags = tagsAt(this.terms, this.tokens[cursor]!)
      if (tags.includes('Verb') && !tags.includes('Auxiliary') && !this.people.at(cursor) && !tags.includes('Noun')) return this.subjectBefore(cursor)
    }
    return this.subjectBefore(index)
  }

  /** The subject of the whole sentence (the first noun phrase of its first clause). */
  private sentenceSubject(limit: number): Subject {
    for (let index = 0; index < limit; index++) {
      const tags = tagsAt(this.terms, this.tokens[index]!)
      if (tags.includes('Verb') && !this.people.at(index) && !tags.includes('Noun')) return this.subjectBefore(index)
    }
    return { start: 0, end: 0, person: null, personClause: false }
  }

  /** Where the clause holding a token begins: after punctuation or a word that opens a clause ("that", "because"). */
  private clauseStart(index: number): number {
    let cursor = index - 1
    while (cursor >= 0 && !CLAUSE_BREAK.has(this.tokens[cursor]!.norm)) cursor--
    return cursor + 1
  }

  private isAdverb(index: number): boolean {
    const tags = tagsAt(this.terms, this.tokens[index]!)
    return tags.includes('Adverb') && !this.people.at(index)
  }

  private possessivePersonIn(start: number, end: number): { index: number; strength: PersonStrength } | null {
    for (let index = start; index < end - 1; index++) {
      if (this.tokens[index + 1]?.norm !== "'s") continue
      const strength = this.people.at(index)
      if (strength === 'strong' || strength === 'weak') return { index, strength }
    }
    return null
  }

  private negatedBefore(index: number): boolean {
    for (let cursor = Math.max(0, index - 4); cursor < index; cursor++) {
      if (/^(?:not|no|never|rather|instead|isn't|wasn't|without)$/.test(this.tokens[cursor]!.norm)) return true
    }
    return false
  }

  private allowed(matches: PhraseMatch[]): PhraseMatch[] {
    if (this.context.allow.size === 0) return matches
    return matches.filter((match) => !this.context.allow.has(match.entry.id) && !this.context.allow.has(match.phrase))
  }

  private who(subject: Subject, person: { index: number } | null): string {
    // Mid-sentence casing: "makes the on-call engineer the subject", not "makes The on-call ...".
    const lower = (text: string): string => text.replace(/^(The|A|An|He|She|They|This|That)\b/, (word) => word.toLowerCase())
    return lower(this.whoAsWritten(subject, person))
  }

  private whoAsWritten(subject: Subject, person: { index: number } | null): string {
    if (subject.personClause) return this.text.slice(this.tokens[this.clauseStart(subject.end)]?.start ?? 0, this.tokens[subject.end - 1]?.end ?? 0).trim()
    // The subject phrase names the person only when the person is inside it ("if he had ...").
    const inside = person === null || (person.index >= subject.start && person.index < subject.end)
    if (subject.end > subject.start && inside) {
      const text = this.text.slice(this.tokens[subject.start]!.start, this.tokens[subject.end - 1]!.end).trim()
      if (text.split(/\s+/).length <= 6) return text
    }
    return person ? this.tokens[person.index]!.text : 'a person'
  }

  private finding(kind: BlameKind, match: { start: number; end: number; phrase: string }, who: string, source: { entry: PhraseEntry; phrase: string }): BlameFinding {
    return {
      kind,
      who,
      // A pattern with a wildcard ("had * run") reads better as the words it matched.
      phrase: source.phrase.includes('*') ? this.text.slice(this.tokens[match.start]!.start, this.tokens[match.end - 1]!.end) : source.phrase,
      entryId: source.entry.id,
      suggest: source.entry.suggest ?? 'describe the condition that allowed it',
      start: 0,
      end: this.text.length,
    }
  }
}
