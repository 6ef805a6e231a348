import modifiers from '../data/blame-modifiers.generated.js'
import verbs from '../data/blame-verbs.generated.js'
import roleData from '../data/person-roles.generated.js'
import { tag, type TaggedTerm } from './compromise.js'
import { actionMatchers, actionVerbForms, excuses, forms, isAcronym, isCommonWord, isSystemWord, riskyTargets, safeguards, words, type ActionEntry, type ActionKind } from './lexicon.js'
import { isKnownName, mentionsRole, PersonReferences, tagsAt, type Mention, type PersonStrength } from './people.js'
import { PhraseMatcher, type PhraseEntry, type PhraseMatch } from './phrase-matcher.js'
import { tokenize, type Token } from './tokens.js'

export type BlameKind =
  | 'person-failure'
  | 'harmful-step'
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
  /** Whether the sentence is a timeline entry, where people act as responders. */
  inTimeline?: boolean
  people: ReadonlySet<string>
  /** Capitalised words the document uses as system names ("the Orion service"). */
  systems?: ReadonlySet<string>
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
// Risky targets that only say where a step ran: production, live, the primary.
const PRODUCTION_TARGET = /\b(?:production|prod|live|primary)\b/
// What a responder runs to repair: its effects are the repair.
const REMEDIES = new Set(['fix', 'fixes', 'hotfix', 'patch', 'workaround', 'rollback', 'revert', 'repair', 'remediation', 'mitigation', 'backfill'])
const negations = new PhraseMatcher(modifiers.negations)
const mitigationIntent = new PhraseMatcher(modifiers['mitigation-intent'])
const faultsBy = new PhraseMatcher(modifiers['faults-by'].filter((entry) => entry.id === 'fault-by-agent'))
const responderVerbs = new PhraseMatcher(modifiers['faults-by'].filter((entry) => entry.id === 'responder-verb'))
const authoringVerbs: ReadonlySet<string> = new Set<string>(modifiers['faults-by'].filter((entry) => entry.id === 'authoring-verb').flatMap((entry) => entry.phrases))
const IRREGULAR_PARTICIPLES = new Set(['made', 'written', 'shown', 'seen', 'done', 'set', 'put', 'run', 'sent', 'taken', 'given', 'found', 'caught', 'undone', 'chosen', 'held', 'kept', 'left', 'built', 'brought', 'known', 'read'])
const humanCues = new PhraseMatcher(roleData['human-cues'])
const despite = forms.get('despite-warned')!
const forewarned = forms.get('forewarned')!
const bypass = forms.get('process-bypass')!
const causeLabels = forms.get('cause-label')!
const sarcasm = forms.get('sarcasm')!
const praise = forms.get('praise')!
const externalActors = forms.get('external-actor')!
const harmClasses: readonly ActionKind[] = ['destructive', 'disable', 'leave', 'outcome', 'inaction']
const candidates = [humanOnly, ambiguous, adverbs, character, blameNouns, counterfactuals, despite, forewarned, bypass, sarcasm, riskyTargets, ...harmClasses.map((kind) => actionMatchers.get(kind)!)]
// Most sentences start no blame phrase at all: one pass over their tokens says so for every matcher.
const candidateFirstWords: ReadonlySet<string> = new Set(candidates.flatMap((matcher) => [...matcher.firstWords()]))
const omission: PhraseEntry = verbs.ambiguous.find((entry) => entry.id === 'wrong-target')!

// Words the subject walk steps over: auxiliaries, negation and adverbs between subject and verb.
const AUXILIARY = new Set(['had', 'has', 'have', 'was', 'were', 'is', 'are', 'did', 'does', 'do', 'not', 'never', 'just', 'simply', 'then', 'also', 'still', 'again', 'apparently', 'clearly', 'obviously', 'somehow', 'even', 'probably', 'likely', 'already', 'only', 'completely', 'entirely', 'totally', 'and', 'would', 'could', 'should', 'might', 'must', 'will', 'ought', 'to', 'been', 'being', "didn't", "hadn't", "wasn't", "weren't", "hasn't", "haven't", "doesn't", "don't", 'actually', 'quietly', 'manually', 'personally', 'himself', 'herself', 'themselves', 'single-handedly', 'later', 'first', 'once', 'immediately', 'directly', 'deliberately', 'knowingly'])
// Words that end the subject's clause when walking left.
const CLAUSE_BREAK = new Set([',', ';', ':', '.', '(', ')', '—', '–', 'because', 'while', 'when', 'after', 'before', 'so', 'but', 'although', 'though', 'since', 'until', 'which', 'that', 'if', 'once', 'where', 'as', 'yet', 'unless', 'whereas', 'despite'])
const LINKING_PREPOSITIONS = new Set(['on', 'of', 'in', 'from', 'at', 'with', 'for'])
const CONTROL_WORDS = /^(?:whoever|someone|somebody|anyone)$/
const APPOSITIVE_OPENERS: ReadonlySet<string> = new Set(['our', 'the', 'a', 'an', 'his', 'her', 'their'])
const BE = /^(?:was|were|been|being|got|is|are|be|get|gets|'s)$/
// Words that end a verb's object when walking right.
const OBJECT_END = new Set([',', ';', ':', '.', '(', ')', 'because', 'while', 'when', 'after', 'before', 'so', 'but', 'although', 'though', 'since', 'until', 'which', 'that', 'if', 'once', 'where', 'as', 'and', 'to', 'from', 'by', 'for', 'with', 'without', 'on', 'in', 'at', 'during', 'into', 'onto', 'instead', 'rather', 'despite', 'then', 'who'])
// Words that make a sentence a statement of harm: a person's step did damage.
const HARM_WORDS = /^(?:outage|outages|incident|incidents|failure|failures|failed|errors?|loss|lost|losses|crash|crashes|crashed|downtime|problem|problems|issue|issues|degradation|degraded|broke|broken|breakage|duplicates?|duplicated|corruption|corrupted|breach|leak|leaked|delays?|delayed|regression|bug|bugs|damage|damaged|disruption|unavailable|overload|overloaded|5\d\d|500s|timeouts?|wrong|mistake|mistakes|accident|bad|lapse|lapsed|expired|deleted|dropped|wiped)$/
// Words that say the rest of a sentence explains instead of blaming ("... because the runbook ...").
const REASON = new Set(['because', 'since', 'as', 'until', 'so', 'but'])

/**
 * Find blame in one sentence. A cheap lexical pre-filter runs first; only sentences holding a
 * blame word (or root-cause sentences) are tagged by compromise, so NLP cost follows the
 * number of suspicious sentences, not the size of the document.
 */
export function findBlame(text: string, context: BlameContext): BlameFinding | null {
  const tokens = tokenize(text)
  // Causal phrases ("because of", "due to") are everywhere; they only matter next to a person.
  // Match the vocabularies once: the pre-filter and the negation check share the result.
  const blameStarts = tokens.some((token) => candidateFirstWords.has(token.norm))
    ? candidates.flatMap((matcher) => (matcher.mayMatch(tokens) ? matcher.matchAll(tokens).map((match) => match.start) : []))
    : []
  const suspicious =
    blameStarts.length > 0 ||
    hasOmission(tokens) ||
    hasNegatedStep(tokens) ||
    startsWithLabel(tokens) ||
    tokens.some((token) => words.harmful.has(token.norm) || SECRETS.has(token.norm)) ||
    // "improper configuration ... by an engineer": a fault word and an agent's "by".
    (faultsBy.mayMatch(tokens) && tokens.some((token) => token.norm === 'by')) ||
    (causal.mayMatch(tokens) && causal.matchAll(tokens).length > 0 && mayNameSomeone(tokens, mayBeName))
  if (!suspicious && !(context.inRootCause && mayNameSomeoneInRootCause(tokens, context.people))) return null
  if (deniesBlame(tokens, blameStarts)) return null

  // Every path to blame but "human error" needs a person-like word; without one, tagging the
  // sentence cannot change the answer, so compromise is not run at all.
  const terms = mayReferToPerson(tokens) ? tag(text) : []
  const people = new PersonReferences(tokens, terms, context.people, context.systems)
  const analysis = new SentenceAnalysis(text, tokens, terms, people, context)
  // Praise ("thanks to Ade's quick rollback") names a person for what went well.
  if (analysis.isPraise()) return null
  return (
    analysis.blameNouns() ??
    analysis.causeLabel() ??
    analysis.counterfactual() ??
    analysis.failureVerbs() ??
    analysis.carelessAdverbs() ??
    analysis.character() ??
    analysis.despiteWarned() ??
    analysis.processBypass() ??
    // In a root cause, "puts a person in the root cause" says more than "makes X the subject".
    (context.inRootCause ? analysis.personInRootCause() : null) ??
    analysis.faultByAgent() ??
    analysis.possessiveHarm() ??
    analysis.harmfulSteps() ??
    analysis.negatedSteps() ??
    analysis.sarcasm() ??
    analysis.personAsCause()
  )
}

// Prepositions whose object is a person spoken about, not an agent ("reach out to", "hold of").
const OBJECT_PREPOSITIONS = new Set(['of', 'for', 'to', 'with', 'from', 'about', 'on', 'at', 'toward', 'towards', 'among'])

const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'we', 'our', 'in', 'on', 'at', 'when', 'after', 'before', 'because', 'during', 'while', 'as', 'if', 'once', 'since', 'there', 'each', 'every', 'all', 'no', 'some', 'one', 'two', 'both', 'for', 'with', 'to', 'from', 'by', 'however', 'then', 'also', 'only', 'most', 'many'])

/**
 * "No individual is at fault", "nobody ignored the alert": a negation right before the blame
 * word denies it. A negation elsewhere ("Nobody would have been paged if Ben had read the
 * alert") does not.
 */
function deniesBlame(tokens: readonly Token[], blameStarts: readonly number[]): boolean {
  for (const negation of negations.matchAll(tokens)) {
    // Phrases that are denials on their own ("blameless", "not anyone's fault").
    if (negation.entry.id === 'denial' || negation.end - negation.start >= 3 || /^(?:blameless|not)$/.test(tokens[negation.start]!.norm)) return true
    if (blameStarts.some((start) => start >= negation.end && start - negation.end <= 3)) return true
  }
  return false
}

/** "without" + a verb: the only omission pattern not spelled out in the vocabulary. */
function hasOmission(tokens: readonly Token[]): boolean {
  return tokens.some((token, index) => token.norm === 'without' && /ing$/.test(tokens[index + 1]?.norm ?? ''))
}

/** "never updated", "did not add": a step not taken, with something person-like before it. */
function hasNegatedStep(tokens: readonly Token[]): boolean {
  return tokens.some((token, index) => {
    if (token.norm !== 'never' && token.norm !== 'not' && !token.norm.endsWith("n't")) return false
    // The subject may be far back ("@dana made the changes by hand, and did not update ...").
    for (let before = 0; before < index; before++) {
      const candidate = tokens[before]!
      if (candidate.norm.startsWith('@') || /^(?:he|she|i|they|team|who)$/.test(candidate.norm) || mayBeName(candidate, before, tokens)) return true
    }
    return mentionsRole(tokens.slice(0, index))
  })
}

/** "Cause: ...", "Responsible: ...": a label naming the cause. */
function startsWithLabel(tokens: readonly Token[]): boolean {
  const colon = tokens.findIndex((token) => token.norm === ':')
  return colon > 0 && colon <= 4 && causeLabels.matchAll(tokens.slice(0, colon)).some((match) => match.start === 0 && match.end === colon)
}

/**
 * A cheap look for a person before paying for tagging a sentence: an @handle, he/she/I, a whole
 * role phrase (the matcher PersonReferences uses), or a token `nameLike` accepts. It only answers
 * "no" where PersonReferences could find no person even with tags.
 */
function mayNameSomeone(tokens: readonly Token[], nameLike: (token: Token, index: number, tokens: readonly Token[]) => boolean): boolean {
  return tokens.some((token, index) => token.norm.startsWith('@') || /^(?:he|she|his|her|i)$/.test(token.norm) || nameLike(token, index, tokens)) || mentionsRole(tokens)
}

/**
 * A capitalised word that may be a name, judged without tags: mid-sentence, anything but a known
 * system or acronym ("because Yaw ...", "PK", "Park Ji-hoon"); at the start of a sentence or after
 * a colon, only a word that is not a common English word ("Tariq ...", not "Remove ..." or "Note:").
 */
function mayBeName(token: Token, index: number, tokens: readonly Token[]): boolean {
  if (!/^\p{Lu}/u.test(token.text) || FUNCTION_WORDS.has(token.norm)) return false
  // Capitals only, four letters or more: an acronym or the placeholder for inline code, never a
  // name; "J.M." is initials.
  if (token.text.length > 3 && !/\p{Ll}/u.test(token.text) && !/^(?:\p{Lu}\.){2,3}$/u.test(token.text)) return false
  // "MD002", "V8", "Windows-style": versions, codes and compounds of words.
  if (/\p{N}/u.test(token.text) || (token.norm.includes('-') && token.norm.split('-').every((part) => isCommonWord(part)))) return false
  const bare = token.norm.replace(/\./g, '')
  if (isAcronym(bare) || isSystemWord(bare)) return false
  const forced = index === 0 || /^[:;("“'‘\-–—*•>|.]$/.test(tokens[index - 1]!.norm)
  return !forced || !isCommonWord(token.norm) || isKnownName(token, new Set())
}
const anyCapitalisedWord = mayBeName

/**
 * In root-cause sections a sentence is looked at without a blame word only when it may name
 * someone: a name the lexicons or the document know, initials, or an unknown capitalised word
 * after the sentence's first (a sentence opener like "Redis" or "Customer" is left alone).
 */
function mayNameSomeoneInRootCause(tokens: readonly Token[], people: ReadonlySet<string>): boolean {
  return mayNameSomeone(tokens, (token, index) => isKnownName(token, people) || (HONORIFICS.has(token.norm) && /^\p{Lu}/u.test(tokens[index + 1]?.text ?? '')) || /^\p{Lu}{2,3}$/u.test(token.text))
}

const HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'mx', 'dr'])

function mayReferToPerson(tokens: readonly Token[]): boolean {
  return mayNameSomeone(tokens, anyCapitalisedWord) || tokens.some((token) => /^(?:they|them|themselves|team|teams|squad|crew|folks|guys|group)$/.test(token.norm))
}

/** Token indices inside quotation marks: a blame word there is mentioned, not used. */
function quotedTokens(text: string, tokens: readonly Token[]): Set<number> {
  const inside = new Set<number>()
  const spans = quotedSpans(text)
  if (spans.length === 0) return inside
  tokens.forEach((token, index) => {
    if (spans.some(([start, end]) => token.start > start && token.end < end)) inside.add(index)
  })
  return inside
}

const CLOSING: Readonly<Record<string, string>> = { '"': '"', '“': '”', '‘': '’', "'": "'" }

/**
 * Quoted spans, each closed within 200 characters on its line; a straight single quote opens only
 * after a non-letter ("'human error'", not "it's"). One pass with bounded look-ahead: linear,
 * where the equivalent alternation of lazy patterns is polynomial on runs of opening quotes.
 */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = []
  for (let index = 0; index < text.length; index++) {
    const close = CLOSING[text[index]!]
    if (!close) continue
    if (text[index] === "'" && /[\p{L}\p{N}]/u.test(text[index - 1] ?? '')) continue
    const limit = Math.min(text.length, index + 202)
    for (let end = index + 1; end < limit; end++) {
      const char = text[end]!
      if (char === '\n') break
      if (char !== close || end === index + 1) continue
      if (close === "'" && /[\p{L}\p{N}]/u.test(text[end + 1] ?? '')) continue
      spans.push([index, end + 1])
      index = end
      break
    }
  }
  return spans
}

interface Subject {
  start: number
  end: number
  person: { index: number; strength: PersonStrength } | null
  /** The subject is a clause like "Whoever wrote the runner". */
  personClause: boolean
}

type Agent = { index: number; strength: PersonStrength }

class SentenceAnalysis {
  private readonly hasHumanCue: boolean
  private readonly quoted: Set<number>
  private readonly deliberate: boolean
  private readonly excused: boolean

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly terms: readonly TaggedTerm[],
    private readonly people: PersonReferences,
    private readonly context: BlameContext,
  ) {
    this.hasHumanCue = humanCues.matchAll(tokens).length > 0
    this.quoted = quotedTokens(text, tokens)
    this.deliberate = mitigationIntent.mayMatch(tokens) && mitigationIntent.matchAll(tokens).length > 0
    this.excused = excuses.mayMatch(tokens) && excuses.matchAll(tokens).length > 0
  }

  /** "Thanks to Ade's quick rollback", "credit goes to @deepa": praise, with no sign of harm. */
  isPraise(): boolean {
    if (!praise.mayMatch(this.tokens)) return false
    const matches = praise.matchAll(this.tokens)
    if (matches.length === 0) return false
    // Sarcasm dresses blame as praise: "kudos to Radu for deploying on a Friday".
    return !this.hasRiskSign(0, this.tokens.length, true)
  }

  blameNouns(): BlameFinding | null {
    for (const match of this.usable(blameNouns.matchAll(this.tokens))) {
      if (this.negatedBefore(match.start)) continue
      if (match.entry.id === 'human-error') return this.finding('blame-noun', match, 'a person', match)
      // "Emeka's fault", "the culprit", "to blame": blame only when a person is in the sentence.
      const person = this.people.strongestIn(0, this.tokens.length)
      if (person && person.strength !== 'team') return this.finding('blame-noun', match, this.nameAt(person.index), match)
    }
    return null
  }

  /** "Cause: Farid's typo in the config", "Responsible: Dana (forgot to ...)". */
  causeLabel(): BlameFinding | null {
    if (!startsWithLabel(this.tokens)) return null
    const colon = this.tokens.findIndex((token) => token.norm === ':')
    let index = colon + 1
    while (/^(?:the|a|an|our|one|engineer|engineers)$/.test(this.tokens[index]?.norm ?? '') && !this.people.at(index)) index++
    const mention = this.people.mentionAt(index)
    if (!mention || mention.strength !== 'strong' || this.isExternal(mention)) return null
    const match = { entry: causeLabelEntry, phrase: this.tokens.slice(0, colon).map((token) => token.text).join(' '), start: 0, end: colon }
    return this.finding('person-cause', match, this.mentionText(mention), match)
  }

  counterfactual(): BlameFinding | null {
    for (const match of this.usable(counterfactuals.matchAll(this.tokens))) {
      // "Once the script is done, Forge should have added ...": an expectation, not a judgement.
      if (this.isExpectation(match.start)) continue
      // "if he had read the page": the subject sits inside the match.
      const inner = this.people.strongestIn(match.start, match.end)
      const subject = this.subjectBefore(match.start)
      // "Had Emeka run the tests" and "if Oskar had looked" are counterfactual; "the deployer's
      // disk had run out" and "the engineer had checked the dashboard" are plain past perfect.
      if (match.phrase.startsWith('had *')) {
        const named = inner && inner.strength === 'strong'
        // clauseStart stops after the word that opens the clause.
        const conditional = /^(?:if|unless)$/.test(this.tokens[this.clauseStart(match.start) - 1]?.norm ?? '')
        if (named && this.tokens[match.start]!.text === 'Had') return this.finding('counterfactual', match, this.nameAt(inner.index), match)
        if (conditional && subject.person?.strength === 'strong') return this.finding('counterfactual', match, this.who(subject, subject.person), match)
        continue
      }
      const person = inner?.strength === 'strong' ? inner : subject.person
      if (!person || this.isExternalAt(person.index)) continue
      if (person.strength === 'strong' || subject.personClause) return this.finding('counterfactual', match, this.who(subject, person), match)
      if (person.strength === 'weak' && this.hasHumanCue) return this.finding('counterfactual', match, this.who(subject, person), match)
    }
    return null
  }

  failureVerbs(): BlameFinding | null {
    // "The alert was ignored by Sam": a passive failure verb with a person as its agent.
    for (const match of this.verbal([...humanOnly.matchAll(this.tokens), ...ambiguous.matchAll(this.tokens)])) {
      const agent = this.passiveAgent(match.start, match.end)
      if (agent) return this.finding(match.entry.id === 'caused' ? 'person-cause' : 'person-failure', match, this.nameAt(agent.index), match)
    }
    for (const match of this.verbal(humanOnly.matchAll(this.tokens))) {
      // "forgot nothing", "missed no step": the object denies the failure.
      if (/^(?:nothing|none|no|nobody)$/.test(this.tokens[match.end]?.norm ?? '')) continue
      if (this.isPassive(match.start)) continue
      if (this.learnedFrom(match.end)) continue
      // "pushed the release through in a hurry": an adverbial phrase belongs to the clause's subject.
      const direct = this.agentSubject(match.start)
      // "caught the misconfigured flag": a failure word used as an adjective has no subject.
      const subject = direct.person || direct.personClause || !this.verbLike(match.start) ? direct : this.clauseSubject(match.start)
      if (this.spokenAbout(subject)) continue
      if (subject.person && !this.isExternalAt(subject.person.index)) return this.finding('person-failure', match, this.who(subject, subject.person), match)
      if (subject.personClause) return this.finding('person-failure', match, this.who(subject, subject.person), match)
    }
    for (const match of this.verbal(ambiguous.matchAll(this.tokens))) {
      // "missed nothing": the object denies the failure.
      if (/^(?:nothing|none|no|nobody)$/.test(this.tokens[match.end]?.norm ?? '')) continue
      // "overrode the limits to restore capacity": skipping a safeguard on purpose is mitigation.
      if ((this.deliberate || this.excused) && match.entry.excusedByPurpose) continue
      // "They are basically ignored": a passive without a person agent is about the thing.
      if (this.isPassive(match.start)) continue
      // "pushed the change without testing it": the modifier's subject is the clause's subject.
      const subject = match.entry.id === 'wrong-target' ? this.clauseSubject(match.start) : this.agentSubject(match.start)
      if (subject.person && this.isExternalAt(subject.person.index)) continue
      // "is the reason we knew the fallback held": a cause of something good is credit.
      if (match.entry.id === 'caused' && !this.tokens.some((token) => HARM_WORDS.test(token.norm)) && !/^(?:it|this|that|everything)$/.test(this.tokens[match.end]?.norm ?? '')) continue
      const strength = subject.person?.strength
      const possessivePerson = this.possessivePersonIn(subject.start, subject.end)
      if (strength === 'strong' || subject.personClause || (possessivePerson && (match.entry.id === 'caused' || match.entry.id === 'broke'))) {
        return this.finding('person-failure', match, this.who(subject, subject.person ?? possessivePerson), match)
      }
      if ((strength === 'weak' || strength === 'team') && this.hasHumanCue) {
        return this.finding('person-failure', match, this.who(subject, subject.person), match)
      }
    }
    // "pushed the migration without running it": any omission of a checking step, not only listed ones.
    for (let index = 0; index < this.tokens.length - 1; index++) {
      if (this.tokens[index]!.norm !== 'without' || this.quoted.has(index)) continue
      const next = this.tokens[index + 1]!.norm
      if (!/ing$/.test(next) || !words.checks.has(next)) continue
      const subject = this.clauseSubject(index)
      // "was approved by Dmitri without reading it": a passive's agent skipped the step.
      const person = subject.person?.strength === 'strong' ? subject.person : this.clauseAgent(index)
      if (person || subject.personClause) {
        if (this.isExternalAt(person?.index ?? -1)) continue
        const match = { entry: omission, phrase: `without ${this.tokens[index + 1]!.norm}`, start: index, end: index + 2 }
        return this.finding('person-failure', match, person ? this.nameAt(person.index) : this.who(subject, null), match)
      }
    }
    return null
  }

  /** "Despite being warned, Tariq merged ...", "was reminded twice and still let it lapse". */
  despiteWarned(): BlameFinding | null {
    for (const match of this.usable(despite.matchAll(this.tokens))) {
      const person = this.mainPerson(match)
      if (person) return this.finding('person-failure', match, this.nameAt(person.index), match)
    }
    for (const match of this.usable(forewarned.matchAll(this.tokens))) {
      // Knowing or being told is blame only when the person went on anyway.
      const rest = this.tokens.slice(match.end).map((token) => token.norm)
      const anyway = rest.some((norm) => /^(?:still|anyway|regardless|nonetheless|nevertheless|yet)$/.test(norm)) || (rest.includes('but') && this.hasRiskSign(match.end, this.tokens.length))
      if (!anyway) continue
      const subject = this.subjectBefore(match.start)
      if (subject.person?.strength === 'strong' && !this.isExternalAt(subject.person.index)) return this.finding('person-failure', match, this.who(subject, subject.person), match)
    }
    return null
  }

  /** "approved her own pull request", "deployed from his laptop instead of going through the pipeline". */
  processBypass(): BlameFinding | null {
    for (const match of this.usable(bypass.matchAll(this.tokens))) {
      if (this.deliberate || this.excused) continue
      const subject = this.clauseSubject(match.start)
      const person = subject.person ?? this.clauseAgent(match.start)
      if (person?.strength === 'strong' && !this.isExternalAt(person.index)) return this.finding('person-failure', match, this.who(subject, person), match)
    }
    return null
  }

  /**
   * A person's ordinary step that did harm: destroying something that held data, switching off a
   * safeguard, putting a broken thing into production, a step against the wrong target, leaving a
   * harmful state in place, or a step with a harmful outcome ("... and broke checkout").
   */
  harmfulSteps(): BlameFinding | null {
    const found = (kind: ActionKind, check: (match: PhraseMatch, agent: Agent) => boolean): BlameFinding | null => {
      for (const match of this.usable(actionMatchers.get(kind)!.matchAll(this.tokens))) {
        if (!this.verbLike(match.start)) continue
        const agent = this.agentOf(match.start, match.end)
        this.patient = agent ? this.patientOf(match) : null
        if (!agent || !check(match, agent)) continue
        return this.finding('harmful-step', this.stepSpan(match), this.nameAt(agent.index), match)
      }
      return null
    }
    return (
      found('destructive', (match) => this.destroysSomethingOfValue(match)) ??
      found('disable', (match) => this.disablesSafeguard(match)) ??
      found('inaction', () => true) ??
      found('leave', (match) => this.leavesHarm(match)) ??
      found('introduce', (match) => this.introducesHarm(match) || this.riskyStep(match)) ??
      found('operate', (match) => this.riskyStep(match)) ??
      this.harmfulOutcome()
    )
  }

  /** "Nasrin's unreviewed change", "Bogdan's botched migration", "her untested fix": a person's harmful work. */
  possessiveHarm(): BlameFinding | null {
    for (let index = 0; index < this.tokens.length - 1; index++) {
      const possessor = this.possessivePersonIn(index, index + 1)
      if (!possessor || possessor.strength !== 'strong' || this.isExternalAt(index)) continue
      const from = this.tokens[index + 1]?.norm === "'s" ? index + 2 : index + 1
      for (let cursor = from; cursor < Math.min(this.tokens.length, from + 3); cursor++) {
        const token = this.tokens[cursor]!
        if (OBJECT_END.has(token.norm)) break
        const failure = humanOnly.matchAll(this.tokens.slice(cursor, cursor + 1)).length > 0
        if (!words.harmful.has(token.norm) && !failure) continue
        const match = { entry: possessiveEntry, phrase: this.text.slice(this.tokens[index]!.start, this.tokens[Math.min(this.tokens.length - 1, cursor + 1)]!.end), start: index, end: Math.min(this.tokens.length, cursor + 2) }
        return this.finding('harmful-step', match, this.nameAt(possessor.index), match)
      }
    }
    return null
  }

  /** "Thanh never updated the runbook", "Chidi did not add the gateway to the allowlist". */
  negatedSteps(): BlameFinding | null {
    for (let index = 0; index < this.tokens.length - 1; index++) {
      const norm = this.tokens[index]!.norm
      if (norm !== 'never' && norm !== 'not' && !norm.endsWith("n't")) continue
      if (this.quoted.has(index)) continue
      const auxiliary = norm.endsWith("n't") ? norm : (this.tokens[index - 1]?.norm ?? '')
      if (/^(?:can|can't|cannot|will|won't|would|wouldn't|could|couldn't|should|shouldn't|may|might|must)$/.test(auxiliary)) continue
      // "Picomatch does not do brace expansion", "I do not consider ...": the present tense states
      // what something does or what we think; only a concrete operational step in it ("does not
      // update the templates") is an omission.
      const present = /^(?:does|do|doesn't|don't|is|are|isn't|aren't)$/.test(auxiliary)
      let verb = index + 1
      while (/^(?:actually|even|once|properly|fully|bother|bothered|to|been|yet|always|once)$/.test(this.tokens[verb]?.norm ?? '')) verb++
      const token = this.tokens[verb]
      // "was not answering pages": a progressive is a step not taken too.
      const progressive = /ing$/.test(token?.norm ?? '') && /^(?:was|were)$/.test(this.tokens[index - 1]?.norm ?? '')
      if (!token || !(this.isStepVerb(verb) || progressive) || words.stative.has(token.norm) || this.learnedFrom(verb + 1)) continue
      if (present && !progressive && !actionVerbForms.has(token.norm)) continue
      // "did not restart it because the runbook said to wait": a stated reason explains instead.
      if (this.tokens.slice(verb).some((next) => /^(?:because|since|as|until|unless)$/.test(next.norm))) continue
      const subject = this.subjectBefore(index)
      if (subject.person?.strength !== 'strong' || this.isExternalAt(subject.person.index)) continue
      const kind = this.people.mentionAt(subject.person.index)?.kind
      if (kind === 'team') continue
      // "a shared mailbox that the team does not read": a relative clause describing a thing.
      if (this.inRelativeClauseOfThing(subject.start)) continue
      const match = { entry: negatedStepEntry, phrase: this.text.slice(this.tokens[index]!.start, token.end), start: index, end: verb + 1 }
      return this.finding('person-failure', match, this.who(subject, subject.person), match)
    }
    return null
  }

  /**
   * "a channel for getting hold of team members in a hurry": the person found is the object of
   * a preposition, someone the clause is about, not the one who acted.
   */
  private spokenAbout(subject: Subject): boolean {
    if (!subject.person || subject.personClause) return false
    const start = this.people.mentionAt(subject.person.index)?.start ?? subject.person.index
    return OBJECT_PREPOSITIONS.has(this.tokens[start - 1]?.norm ?? '')
  }

  /**
   * "The outage was due to improper configuration of the haproxy files by an engineer": a fault
   * written as a noun phrase whose agent follows "by". A responder's verb between the two ("the
   * typo was spotted by Ana") makes the person the one who found it.
   */
  faultByAgent(): BlameFinding | null {
    for (const match of this.usable(faultsBy.matchAll(this.tokens))) {
      const agent = this.passiveAgent(match.start, match.end, true)
      if (!agent || this.isExternalAt(agent.index)) continue
      const by = this.tokens.findIndex((token, index) => index >= match.end && token.norm === 'by')
      const between = this.tokens.slice(match.end, by)
      if (by < 0 || responderVerbs.matchAll(between).length > 0) continue
      // "the faulty disk was replaced by Ola": a verb between names what the person did to it;
      // only an authoring verb ("an incorrect change pushed by Dave") makes them its author.
      const participle = between.find((token) => (token.norm.length > 3 && token.norm.endsWith('ed')) || IRREGULAR_PARTICIPLES.has(token.norm))
      if (participle && !authoringVerbs.has(participle.norm)) continue
      const span = { entry: match.entry, phrase: this.text.slice(this.tokens[match.start]!.start, this.tokens[by]!.end), start: match.start, end: by + 1 }
      return this.finding('person-failure', span, this.nameAt(agent.index), match)
    }
    return null
  }

  carelessAdverbs(): BlameFinding | null {
    for (const match of this.usable(adverbs.matchAll(this.tokens))) {
      // "the tag was accidentally attached" is a passive fact about the system.
      const before = this.tokens[match.start - 1]?.norm
      if (before && /^(?:was|were|been|be|is|are|got)$/.test(before) && !this.passiveAgent(match.start, match.end + 2)) continue
      // "ran the script carelessly": an adverb after the object belongs to the clause's subject.
      const direct = this.subjectBefore(match.start)
      const subject = direct.person ? direct : this.clauseSubject(match.start)
      if (subject.person && this.isExternalAt(subject.person.index)) continue
      // "a channel for getting hold of team members in a hurry": people after a preposition are
      // what the clause is about, not who did it hastily.
      if (this.spokenAbout(subject)) continue
      if (subject.person?.strength === 'strong' || subject.personClause || (subject.person && this.hasHumanCue)) {
        return this.finding('person-failure', match, this.who(subject, subject.person), match)
      }
    }
    return null
  }

  character(): BlameFinding | null {
    for (const match of this.usable(character.matchAll(this.tokens))) {
      const anywhere = this.people.strongestIn(0, this.tokens.length)
      if (!anywhere) continue
      if (match.entry.id === 'habit') {
        // "Prow is once again merging at its usual rate", "the site is once again up": a state
        // said again, in the present, is a status report, not a person's habit.
        if (/^(?:is|are|'s|'re)$/.test(this.tokens[match.start - 1]?.norm ?? '')) continue
        const failure = humanOnly.matchAll(this.tokens).length > 0 || ambiguous.matchAll(this.tokens).length > 0
        if (anywhere.strength === 'strong' || failure) return this.finding('character', match, this.nameAt(anywhere.index), match)
        continue
      }
      // A single word must be said of a person ("Pablo was careless", "a careless engineer",
      // "his sloppy deploy"): "lazy loading for rules" is about a thing.
      const person = match.end - match.start > 1 ? (anywhere.strength !== 'team' ? anywhere : null) : this.characterTarget(match)
      if (person && !this.isExternalAt(person.index)) return this.finding('character', match, this.nameAt(person.index), match)
    }
    return null
  }

  /** "Naturally, Mehdi picked the busiest hour ...", "Full marks to Radu for deploying on a Friday". */
  sarcasm(): BlameFinding | null {
    for (const match of this.usable(sarcasm.matchAll(this.tokens))) {
      const opener = match.start === 0 || this.tokens[match.start - 1]?.norm === ','
      const selfSufficient = /^(?:optional reading|what could possibly)/.test(match.phrase)
      if (!opener && !selfSufficient && !/^(?:full|top|gold|kudos|hats|well|great|nice|good|bravo)/.test(match.phrase)) continue
      const person = this.people.strongestIn(0, this.tokens.length)
      if (person?.strength !== 'strong' || this.isExternalAt(person.index)) continue
      if (selfSufficient || this.hasRiskSign(0, this.tokens.length)) return this.finding('person-failure', match, this.nameAt(person.index), match)
    }
    return null
  }

  personAsCause(): BlameFinding | null {
    for (const match of this.usable(causal.matchAll(this.tokens))) {
      // A person right after the causal phrase ("because of Thabo's negligence", "traces back to
      // an operator error by Mateus"), or before it ("@zofia is the reason"); never a credit in
      // brackets after the cause ("due to a regression (#123) (Kai Cataldo)").
      const after = this.causeAfter(match.end)
      const subject = this.subjectBefore(match.start)
      // "..., and that is why the app crashed": "that" points back at the sentence's first clause.
      const anaphor = /^(?:that|which|this)$/.test(this.tokens[match.start - 1]?.norm ?? '')
      const before = anaphor
        ? this.sentenceSubject(match.start - 1).person
        : /^(?:is|was|sits|lies|rests|falls|down)$/.test(this.tokens[match.start]?.norm ?? '') || this.tokens[match.start]?.norm === 'the'
          ? subject.person
          : null
      const clear = (found: { index: number; strength: PersonStrength } | null | undefined): boolean =>
        (found?.strength === 'strong' || (found?.strength === 'weak' && this.hasHumanCue)) && !this.isExternalAt(found.index)
      const person = clear(after) ? after : clear(before) ? before : null
      // A cause of something good ("is the reason we knew the fallback held") is credit.
      if (person && this.tokens.some((token) => HARM_WORDS.test(token.norm))) return this.finding('person-cause', match, this.nameAt(person.index), match)
    }
    return null
  }

  personInRootCause(): BlameFinding | null {
    // A person as the subject of the sentence's main clause, with nothing after it that explains
    // the condition ("Maria ran the cleanup script against the production cluster."). A root cause
    // that names who acted and then what the system did ("Rashid rotated the key by the documented
    // procedure, but the procedure ...") is about the system.
    if (this.excused || this.tokens.some((token, index) => index > 0 && (REASON.has(token.norm) || /^(?:which|however|although|though|yet|;|when|while|after|before|once|until|whenever)$/.test(token.norm)))) return null
    if (/^(?:when|while|after|before|if|once|as|because|since)$/.test(this.tokens[0]?.norm ?? '')) return null
    for (let index = 0; index < this.tokens.length; index++) {
      if (!this.isStepVerb(index)) continue
      // Only a step that changes the system can be put forward as a cause: "MV restored the DNS
      // record", "paged the team" in a root-cause section are remedies, not causes.
      if (!actionVerbForms.has(this.tokens[index]!.norm)) break
      const subject = this.subjectBefore(index)
      // Names, handles, initials and he/she only: a role ("the person who published it") is how a
      // careful root cause talks about people without blaming them.
      if (subject.person?.strength === 'strong' && this.namesSomeone(subject.person.index) && subject.start === 0) {
        const match = { entry: { id: 'person-in-root-cause', phrases: [] }, phrase: this.tokens[index]!.text, start: subject.start, end: index + 1 }
        return this.finding('person-root-cause', match, this.who(subject, subject.person), match)
      }
      break
    }
    const possessive = this.possessivePersonIn(0, Math.min(3, this.tokens.length))
    if (possessive?.strength === 'strong' && this.namesSomeone(possessive.index)) {
      const match = { entry: { id: 'person-in-root-cause', phrases: [] }, phrase: this.tokens[possessive.index]!.text, start: possessive.index, end: possessive.index + 2 }
      return this.finding('person-root-cause', match, this.nameAt(possessive.index), match)
    }
    return null
  }

  // Harm tests for ordinary steps.

  /** The tokens of a verb's object: from the end of the verb phrase to the next clause word. */
  private objectOf(end: number): [number, number] {
    let stop = end
    while (stop < this.tokens.length && stop < end + 8) {
      const norm = this.tokens[stop]!.norm
      // "the staging and production keys": "and" inside a noun phrase does not end it.
      const inPhrase = norm === 'and' && stop > end && !this.isStepVerb(stop + 1) && !/^(?:the|a|an|then|it|they|he|she|we)$/.test(this.tokens[stop + 1]?.norm ?? '') && !this.people.at(stop + 1)
      if (OBJECT_END.has(norm) && !inPhrase) break
      stop++
    }
    return [end, stop]
  }

  /** What a passive or a "by" fragment acted on: its subject ("The wrong branch was deployed by ..."). */
  private patient: [number, number] | null = null

  private patientOf(match: PhraseMatch): [number, number] | null {
    const fragment = this.tokens[match.end]?.norm === 'by' || this.tokens[match.end + 1]?.norm === 'by'
    if (!this.isPassive(match.start) && !fragment) return null
    const subject = this.subjectBefore(match.start)
    return subject.end > subject.start ? [subject.start, subject.end] : null
  }

  private objectHas(end: number, set: ReadonlySet<string>): boolean {
    const [start, stop] = this.objectOf(end)
    for (let index = start; index < stop; index++) if (set.has(this.tokens[index]!.norm)) return true
    if (this.patient) for (let index = this.patient[0]; index < this.patient[1]; index++) if (set.has(this.tokens[index]!.norm)) return true
    return false
  }

  private destroysSomethingOfValue(match: PhraseMatch): boolean {
    const [start, stop] = this.objectOf(match.end)
    const production = this.tokens.slice(start, stop).some((token) => /^(?:production|prod|live|primary|backups?|snapshots?|audit)$/.test(token.norm))
    // "deleted the stale record", "dropped the stuck connections": removing junk is mitigation;
    // so is clearing a test environment ("in the staging environment").
    if (!production && this.objectHas(match.end, words.junk)) return false
    const clause: string[] = []
    for (let index = match.end; index < this.tokens.length && !/^(?:[.;,]|while|when|who|which|because|after|before|as|so|since|but|and)$/.test(this.tokens[index]!.norm); index++) clause.push(this.tokens[index]!.norm)
    const place = clause.findIndex((norm, index) => /^(?:in|on|inside|against)$/.test(norm) && /^(?:staging|sandbox|scratch|dev|test|testing|local)$/.test(/^(?:the|a|an|our)$/.test(clause[index + 1] ?? '') ? (clause[index + 2] ?? '') : (clause[index + 1] ?? '')))
    if (place >= 0 && !clause.some((norm) => /^(?:production|prod|live)$/.test(norm))) return false
    // "dropped half the backends", "removed every node": how much was removed is the harm.
    const much = this.objectHas(match.end, new Set(['all', 'every', 'half', 'most', 'both', 'entire', 'whole']))
    const valuable = much || this.objectHas(match.end, words.valuable) || this.hasRiskSign(match.end, this.tokens.length, true)
    if (this.deliberate || this.excused) return production
    // "removed the node from the pool", "the exceptions from his browser": taking out, not destroying.
    if ((match.entry as ActionEntry).needsValue === true && this.tokens[stop]?.norm === 'from' && !production && !much) return false
    // In a timeline a responder's step needs a sign that it did harm; so does a removal anywhere.
    const needsValue = (match.entry as ActionEntry).needsValue === true || this.context.inTimeline === true
    return valuable || (!needsValue && stop > start)
  }

  private disablesSafeguard(match: PhraseMatch): boolean {
    if (this.deliberate || this.excused) return false
    // "the noisy alert", "the duplicate page": switching off junk is tidying up ("test" is a
    // safeguard here, not junk: "skipped the load test").
    if (this.objectHas(match.end, junkNotSafeguard)) return false
    const [start, stop] = this.objectOf(match.end)
    // "assumed the alert was noise and silenced it": the pronoun stands for the safeguard before it.
    if (/^(?:it|them)$/.test(this.tokens[match.end]?.norm ?? '') && safeguards.matchAll(this.tokens.slice(0, match.start)).length > 0) return true
    // "switched the limiter off": the object sits inside the gap of the phrase.
    const from = Math.min(start, match.start + 1)
    if (this.patient && safeguards.matchAll(this.tokens.slice(this.patient[0], this.patient[1])).length > 0) return true
    return safeguards.matchAll(this.tokens.slice(from, Math.max(stop, match.end))).length > 0
  }

  private leavesHarm(match: PhraseMatch): boolean {
    const [start, stop] = this.objectOf(match.end)
    const passive = this.isPassive(match.start)
    if (!passive && start >= stop) return false
    const after = this.tokens.slice(passive ? match.end : stop, (passive ? match.end : stop) + 3).map((token) => token.norm)
    if (this.tokens[match.start]!.norm === 'let') {
      // "let the disk fill up", "let the certificate lapse".
      return this.tokens.slice(match.end, stop + 3).some((token) => /^(?:fill|lapse|expire|slip|grow|pile|rot|drift|overflow|die|fail|break|run|sit|linger)$/.test(token.norm))
    }
    // "left the flag on", "left debug logging enabled", "were left in place by Esra". A state is
    // harm when it is bad in itself ("unpatched", "half converted"), when a safeguard was left off,
    // or when what was left on was temporary, risky or junk ("debug logging", "the stale entries")
    // or stayed so too long; "leaves request collapsing on" (a protection) is a step.
    const bad = /^(?:unattended|unpatched|unlocked|unencrypted|public|exposed|half|broken|inconsistent|unusable|corrupt|corrupted|misconfigured|dangling|world-readable)$/
    const on = /^(?:on|enabled|running|open|active|behind|untouched|unchanged|pointing|mounted|attached)$/
    const off = /^(?:disabled|off|paused|muted|silenced|stopped)$/
    const inPlace = after[0] === 'in' && after[1] === 'place'
    if (bad.test(after[0] ?? '') || (after[0] === 'in' && /^(?:a|an)$/.test(after[1] ?? '') && /^(?:broken|bad|inconsistent|half|partial|corrupt)/.test(after[2] ?? ''))) return true
    const thing = passive && this.patient ? this.tokens.slice(this.patient[0], this.patient[1]) : this.tokens.slice(start, stop)
    if (off.test(after[0] ?? '')) return safeguards.matchAll(thing).length > 0
    if (!on.test(after[0] ?? '') && !inPlace) return false
    const risky = thing.some((token) => words.junk.has(token.norm) || words.harmful.has(token.norm) || /^(?:verbose|trace|tracing|profiling|flag|flags|override|overrides|exception|exceptions|workaround|hack|backdoor|port|ports|maintenance|sudo|wildcard|root)$/.test(token.norm))
    const tooLong = this.tokens.slice(stop).some((token, index, rest) => (token.norm === 'long' && rest[index + 1]?.norm === 'after') || (token.norm === 'for' && /^(?:weeks|months|days|hours|years)$/.test(rest[index + 1]?.norm ?? '')))
    return risky || tooLong || actionMatchers.get('outcome')!.matchAll(this.tokens.slice(stop)).length > 0
  }

  private introducesHarm(match: PhraseMatch): boolean {
    if (this.excused) return false
    if (this.objectHas(match.end, words.harmful)) return true
    // "pasted the production password into a public channel": a secret put where others see it.
    const clause = this.tokens.slice(match.end, this.clauseEnd(match.end)).map((token) => token.norm)
    return this.objectHas(match.end, SECRETS) && clause.some((norm) => /^(?:public|channel|chat|slack|repo|repository|github|gitlab|logs?|ticket|wiki|gist|pastebin|forum|email|screenshot)$/.test(norm))
  }

  /** A step against production, the wrong target, at a risky time, or instead of the safe way. */
  private riskyStep(match: PhraseMatch): boolean {
    if (this.excused || this.deliberate) return false
    const end = this.clauseEnd(match.end)
    const targets = riskyTargets.matchAll(this.tokens.slice(match.end, end))
    // A timeline records what responders did where: "installs 6.0 on the live server" at 12:45
    // is the step, not a charge; the wrong target, a risky time or a skipped way still is.
    const risky = this.context.inTimeline === true ? targets.filter((target) => !PRODUCTION_TARGET.test(target.phrase)) : targets
    return risky.length > 0 || this.objectHas(match.end, new Set(['wrong']))
  }

  /** "... and broke checkout", "... a rule that sent every request to one pod", "..., filling the disk". */
  private harmfulOutcome(): BlameFinding | null {
    for (const match of this.usable(actionMatchers.get('outcome')!.matchAll(this.tokens))) {
      if (!this.verbLike(match.start)) continue
      const before = this.tokens[match.start - 1]?.norm ?? ''
      let agent: Agent | null = null
      if (/^(?:and|then|thereby|which|that)$/.test(before) || (before === ',' && /ing$/.test(this.tokens[match.start]!.norm))) {
        // The step the outcome follows: the nearest verb before it with a person as its agent
        // ("shipped a release that called the API in a loop and overloaded it").
        let steps = 0
        for (let index = match.start - 2; index >= 0 && steps < 3 && !/^[.;:]$/.test(this.tokens[index]!.norm); index--) {
          if (!this.isStepVerb(index)) continue
          steps++
          agent = this.agentOf(index, index + 1)
          if (agent) break
        }
      } else {
        // A removal as the main verb was judged by the destructive test already.
        const destructive = actionMatchers.get('destructive')!.matchAll(this.tokens.slice(match.start, match.end + 1))
        if (destructive.length > 0) continue
        // "killed the runaway query": ending junk is mitigation.
        if (this.objectHas(match.end, words.junk)) continue
        agent = this.agentOf(match.start, match.end)
      }
      // "ran a fix that filled the missing zones": what a remedy does is the repair.
      if (agent && this.remedyBefore(match.start)) continue
      if (!agent || this.deliberate || this.excused) continue
      // "..., which deleted live sessions because its filter matched them": the sentence goes on to
      // say what in the system did the harm.
      if (before === 'which' && this.tokens.slice(match.end).some((token) => /^(?:because|since)$/.test(token.norm))) continue
      return this.finding('harmful-step', this.stepSpan(match), this.nameAt(agent.index), match)
    }
    return null
  }

  /** Whether the outcome at `index` is what a remedy did: "a fix that filled ...", "a patch which ...". */
  private remedyBefore(index: number): boolean {
    const relative = /^(?:that|which)$/.test(this.tokens[index - 1]?.norm ?? '')
    return relative && REMEDIES.has(this.tokens[index - 2]?.norm ?? '')
  }

  /** The step as quoted in the message: the verb and its object, or up to a risky target. */
  private stepSpan(match: PhraseMatch): PhraseMatch {
    // "The payments topic was purged": a passive is quoted with what it acted on.
    if (this.patient && this.patient[1] <= match.start && match.end - this.patient[0] <= 12) return { ...match, start: this.patient[0] }
    const [, objectEnd] = this.objectOf(match.end)
    let end = Math.max(match.end, objectEnd)
    const clauseEnd = this.clauseEnd(match.end)
    const risky = riskyTargets.matchAll(this.tokens.slice(match.end, clauseEnd))[0]
    if (risky && match.end + risky.end - match.start <= 12) end = Math.max(end, match.end + risky.end)
    if (end - match.start > 12) end = match.start + 12
    return { ...match, end }
  }

  /**
   * Any sign in a token range that a step did harm or took a risk. `strict` leaves out words
   * that only name the incident ("the error rate was back to normal" is not a risk).
   */
  private hasRiskSign(start: number, end: number, strict = false): boolean {
    const slice = this.tokens.slice(start, end)
    if (riskyTargets.matchAll(slice).length > 0) return true
    if (humanOnly.matchAll(slice).length > 0 || ambiguous.matchAll(slice).length > 0) return true
    if (!strict && (actionMatchers.get('destructive')!.matchAll(slice).length > 0 || actionMatchers.get('outcome')!.matchAll(slice).length > 0)) return true
    return slice.some((token) => words.harmful.has(token.norm) || (!strict && HARM_WORDS.test(token.norm)) || /^(?:busiest|worst|skipped|skipping|untested|logging|logged|weekend|friday)$/.test(token.norm))
  }

  // Agents.

  /**
   * The person who did the step at `[start, end)`, if the step has one: the passive "by" agent,
   * the subject (through auxiliaries, relative clauses, asides, coordination and "to"), or a
   * person's possession as the subject ("Olumide's script wiped ..."). Persons the incident
   * happened to (customers) or attackers are not agents of blame.
   */
  private agentOf(start: number, end: number): Agent | null {
    if (this.isPassive(start)) {
      const agent = this.passiveAgent(start, end)
      return agent && agent.strength === 'strong' && !this.isExternalAt(agent.index) ? agent : null
    }
    // A fragment "Wrong cluster drained by Serkan": a participle with a "by" agent and no subject.
    const byAgent = this.tokens[end]?.norm === 'by' || this.tokens[end + 1]?.norm === 'by' ? this.passiveAgent(start, end, true) : null
    if (byAgent && byAgent.strength === 'strong' && !this.isExternalAt(byAgent.index)) return byAgent
    const subject = this.agentSubject(start)
    const person = subject.person ?? this.possessivePersonIn(subject.start, subject.end)
    if (!person || this.isExternalAt(person.index)) return null
    if (person.strength === 'strong') return person
    if ((person.strength === 'weak' || person.strength === 'team') && this.hasHumanCue) return person
    return null
  }

  /**
   * The person a causal phrase points at: the head of the noun phrase right after it ("because of
   * Thabo"), a possessor there ("due to Victor's change"), or a "by" agent ("an operator error by
   * Mateus"); never someone further on ("an error log of Lets Encrypt") or a credit in brackets
   * ("due to a regression (#123) (Kai Cataldo)").
   */
  private causeAfter(start: number): Agent | null {
    let index = start
    while (index < this.tokens.length && /^(?:the|a|an|one|some|this|that|an|unexpected|manual|careless|single|late|bad|wrong|quick)$/.test(this.tokens[index]!.norm) && !this.people.at(index)) index++
    for (let cursor = index; cursor < Math.min(this.tokens.length, index + 5); cursor++) {
      const norm = this.tokens[cursor]!.norm
      // "a script that @ravi ran by hand": the person whose thing it was.
      if (norm === 'that' || norm === 'which') {
        const agent = this.people.strongestIn(cursor + 1, Math.min(this.tokens.length, cursor + 3))
        return agent?.strength === 'strong' ? agent : null
      }
      if (norm === '(' || (OBJECT_END.has(norm) && norm !== 'by')) return null
      const strength = this.people.at(cursor)
      // The head itself, or a possessor of it.
      if (strength && (cursor === index || this.tokens[cursor + 1]?.norm === "'s" || /^(?:his|her|their)$/.test(norm))) return { index: cursor, strength }
      if (norm === 'by') {
        const agent = this.people.strongestIn(cursor + 1, Math.min(this.tokens.length, cursor + 4))
        return agent && agent.index <= cursor + 2 ? agent : null
      }
    }
    return null
  }

  /** "I didn't read that in a handbook": where something was learned, not a missed step. */
  private learnedFrom(objectStart: number): boolean {
    return /^(?:that|this|it|anything|about)$/.test(this.tokens[objectStart]?.norm ?? '') && /^(?:in|on|from|anywhere)$/.test(this.tokens[objectStart + 1]?.norm ?? '')
  }

  /** Whether a subject starting at `start` opens a relative clause on a thing ("a mailbox that the team ..."). */
  private inRelativeClauseOfThing(start: number): boolean {
    if (!/^(?:that|which)$/.test(this.tokens[start - 1]?.norm ?? '')) return false
    const head = this.tokens[start - 2]
    if (!head || this.people.at(start - 2)) return false
    const tags = tagsAt(this.terms, head)
    return tags.includes('Noun') && !tags.includes('Verb') && !tags.includes('Adjective')
  }

  /** The agent of the first step in the clause holding a token ("was deleted by X without a ticket"). */
  private clauseAgent(index: number): Agent | null {
    for (let cursor = this.clauseStart(index); cursor < index; cursor++) {
      if (this.isStepVerb(cursor) || (this.isPassive(cursor) && !this.people.at(cursor))) return this.agentOf(cursor, cursor + 1)
    }
    return null
  }

  /** The subject of a verb, following "to" back to the verb or noun that governs it. */
  private agentSubject(verbIndex: number): Subject {
    if (this.tokens[verbIndex - 1]?.norm === 'to') {
      // "Piotr's decision to disable ...", "chose to ignore ...", "used it to wipe ...".
      for (let index = verbIndex - 2; index >= Math.max(0, verbIndex - 6); index--) {
        const norm = this.tokens[index]!.norm
        if (CLAUSE_BREAK.has(norm)) break
        if (norm === "'s" && this.people.at(index - 1)) {
          const strength = this.people.at(index - 1)!
          return { start: index - 1, end: index + 1, person: { index: index - 1, strength }, personClause: false }
        }
        if (this.isStepVerb(index) || /^(?:chose|decided|opted|elected|tried|used|went|wanted|attempted|agreed|offered|volunteered|rushed|hurried)$/.test(norm)) return this.agentSubject(index)
      }
    }
    return this.subjectBefore(verbIndex)
  }

  private isPassive(verbIndex: number): boolean {
    let index = verbIndex - 1
    while (index >= 0 && /^(?:not|never|just|also|then|quietly|accidentally|mistakenly|basically|simply|silently|all|later|immediately|already|been)$/.test(this.tokens[index]!.norm)) {
      if (this.tokens[index]!.norm === 'been') return this.isParticiple(verbIndex)
      index--
    }
    return BE.test(this.tokens[index]?.norm ?? '') && this.isParticiple(verbIndex)
  }

  private isParticiple(index: number): boolean {
    const token = this.tokens[index]!
    if (/(?:ed|en|wn|ne|pt|lt|ft|ot|ut|ung|ept|ade|ld|nt|id|un|one)$/.test(token.norm)) return true
    const tags = tagsAt(this.terms, token)
    return tags.includes('Passive') || tags.includes('PastTense') || tags.includes('Participle')
  }

  /**
   * Whether an action word is used as a verb here: "the release", "his change" and "a push" are
   * nouns even though "release", "change" and "push" are verbs too.
   */
  private verbLike(index: number): boolean {
    const before = this.tokens[index - 1]?.norm ?? ''
    const determiner = /^(?:the|a|an|this|these|those|his|her|their|our|its|my|your|'s|every|each|no|one|another|any|some|first|second|last|same|manual|quick|hand|small|big|late|bad|new|old|risky|single)$/
    if (determiner.test(before)) return false
    // "the root cause", "a bad config push": a noun after a determiner and a modifier.
    const modifier = this.tokens[index - 1]
    const past = /ed$/.test(this.tokens[index]!.norm) || tagsAt(this.terms, this.tokens[index]!).includes('PastTense')
    if (modifier && !past && !this.people.at(index - 1) && /^\p{Ll}/u.test(modifier.text) && determiner.test(this.tokens[index - 2]?.norm ?? '') && !actionVerbForms.has(modifier.norm) && !tagsAt(this.terms, modifier).includes('Verb')) return false
    const token = this.tokens[index]!
    const tags = tagsAt(this.terms, token)
    if (tags.length === 0 || tags.includes('Verb') || /(?:ed|en)$/.test(token.norm)) return true
    return !tags.includes('Noun') && !tags.includes('Adjective')
  }

  /** The person after "by" in a passive clause ("was forgotten by the on-call engineer"). */
  private passiveAgent(start: number, end: number, fragment = false): Agent | null {
    if (!fragment && !this.isPassive(start)) return null
    for (let index = end; index < Math.min(this.tokens.length, end + 8); index++) {
      const norm = this.tokens[index]!.norm
      if (norm !== 'by') {
        if (/^[.;:]$/.test(norm) || norm === 'because' || norm === 'but') return null
        continue
      }
      let first = index + 1
      while (/^(?:the|a|an|our|one|of|their|his|her)$/.test(this.tokens[first]?.norm ?? '') && !this.people.at(first)) first++
      const agent = this.people.strongestIn(first, Math.min(this.tokens.length, first + 4))
      if (agent && agent.strength !== 'team' && agent.index <= first + 2) return agent
      return null
    }
    return null
  }

  /** The person in the main clause of a sentence that holds a concession ("Despite ..., Tariq merged"). */
  private mainPerson(match: PhraseMatch): Agent | null {
    const candidates = this.people.mentions.filter((mention) => mention.strength === 'strong' && !this.isExternal(mention))
    // "Even after the DBA warned him, Goran ran it": the person acting, not the one warning.
    const outside = candidates.find((mention) => mention.start >= match.end + 2 || mention.end <= match.start)
    const chosen = outside ?? candidates[0]
    return chosen ? { index: chosen.start, strength: chosen.strength } : null
  }

  /** Whether a person reference is a customer, user or attacker (or sits in such a phrase). */
  private isExternalAt(index: number): boolean {
    const mention = this.people.mentionAt(index)
    return mention ? this.isExternal(mention) : false
  }

  /**
   * "The attacker", "a customer's admin", "someone outside the company": the mention is, or is
   * qualified as, someone the incident happened to or who attacked; "the support engineer gave the
   * customer ..." is not.
   */
  private isExternal(mention: Mention): boolean {
    const from = Math.max(0, mention.start - 2)
    const to = Math.min(this.tokens.length, mention.end + 4)
    return externalActors.matchAll(this.tokens.slice(from, to)).some((match) => {
      const start = match.start + from
      return start < mention.end || (start === mention.end && /^(?:outside|third|third-party)$/.test(this.tokens[start]!.norm))
    })
  }

  /** The person a single character word is said of, if any. */
  private characterTarget(match: PhraseMatch): Agent | null {
    const at = match.start
    // "Pablo was careless", "he seemed careless": a predicate of the subject.
    let be = at - 1
    while (be >= 0 && /^(?:very|so|too|quite|rather|extremely|clearly|just|a|bit|little|being|been|pretty|really|incredibly|always|often|usually|consistently|frequently|sometimes|notoriously|famously|again|still|also|equally|somewhat|fairly)$/.test(this.tokens[be]!.norm)) be--
    if (be >= 0 && /^(?:was|is|were|are|been|being|seemed|seems|appeared|appears|got|became|'s|be|acted|looked)$/.test(this.tokens[be]!.norm)) {
      const subject = this.subjectBefore(be)
      if (subject.person && subject.person.strength !== 'team') return subject.person
    }
    // "a careless engineer", "the negligent contractor".
    const next = this.people.strongestIn(at + 1, Math.min(this.tokens.length, at + 3))
    if (next && next.strength === 'strong') return next
    // "his sloppy deploy", "Fatima's careless change", "another sloppy deploy by Fatima".
    const possessive = this.possessivePersonIn(Math.max(0, at - 3), at)
    if (possessive) return possessive
    const owner = this.people.strongestIn(Math.max(0, at - 2), at)
    if (owner && /^(?:his|her|their)$/.test(this.tokens[owner.index]!.norm)) return owner
    for (let index = at + 1; index < Math.min(this.tokens.length, at + 4); index++) {
      if (this.tokens[index]!.norm === 'by' || this.tokens[index]!.norm === 'of') {
        const agent = this.people.strongestIn(index + 1, Math.min(this.tokens.length, index + 4))
        if (agent?.strength === 'strong') return agent
      }
    }
    // "did a sloppy job", "wrote careless code": the work of the verb's subject.
    for (let index = at - 1; index >= Math.max(0, at - 3); index--) {
      if (!this.isStepVerb(index) && !/^(?:did|made|does|makes|do|make|wrote|writes)$/.test(this.tokens[index]!.norm)) continue
      const subject = this.subjectBefore(index)
      return subject.person && subject.person.strength !== 'team' ? subject.person : null
    }
    return null
  }

  /** "Once the script is done, X should have added ...", "By now you should have ...": an expectation. */
  private isExpectation(index: number): boolean {
    if (this.tokens.some((token) => /^(?:you|your)$/.test(token.norm))) return true
    const first = this.tokens[0]?.norm ?? ''
    if (/^(?:once|after|when|now|by)$/.test(first) && this.tokens.slice(0, index).some((token) => token.norm === ',')) return true
    return /^(?:by now|already)$/.test(this.tokens[index + 3]?.norm ?? '')
  }

  private isStepVerb(index: number): boolean {
    const token = this.tokens[index]
    if (!token || this.people.at(index)) return false
    if (actionVerbForms.has(token.norm) && this.verbLike(index)) return true
    const tags = tagsAt(this.terms, token)
    return tags.includes('Verb') && !tags.includes('Auxiliary') && !tags.includes('Copula') && !tags.includes('Modal') && !tags.includes('Gerund')
  }

  /** Where the clause holding `index` ends. */
  private clauseEnd(index: number): number {
    let cursor = index
    while (cursor < this.tokens.length && !/^(?:[.;]|because|so|but|which|although|though|since|when)$/.test(this.tokens[cursor]!.norm)) cursor++
    return cursor
  }

  /** A name, an @handle, initials or he/she/I, as opposed to a role or "they". */
  private namesSomeone(index: number): boolean {
    const kind = this.people.mentionAt(index)?.kind
    return kind === 'name' || kind === 'handle' || kind === 'initials' || kind === 'pronoun'
  }

  /** Walk left from a verb to the noun phrase that is its subject. */
  private subjectBefore(verbIndex: number): Subject {
    let index = verbIndex - 1
    while (index >= 0 && (AUXILIARY.has(this.tokens[index]!.norm) || this.isAdverb(index))) {
      // "and" joins a second verb to the same subject: "paused the consumers and forgotten them".
      if (this.tokens[index]!.norm === 'and') return this.coordinatedSubject(index)
      index--
    }
    const end = index + 1
    let start = end
    while (index >= 0) {
      const token = this.tokens[index]!
      if (CLAUSE_BREAK.has(token.norm) || token.norm === 'and') break
      if (LINKING_PREPOSITIONS.has(token.norm)) {
        // "A new joiner on the web team": the head noun phrase is before the preposition.
        index--
        continue
      }
      if (this.isVerbToken(index)) break
      start = index
      index--
    }
    const clauseStart = this.clauseStart(verbIndex)
    const personClause = CONTROL_WORDS.test(this.tokens[clauseStart]?.norm ?? '')
    // "The developer who wrote the loop did not think": the walk stopped at the relative clause's
    // verb; the subject is the noun phrase the clause hangs on.
    const head = this.relativeClauseHead(index, verbIndex) ?? (this.tokens[start]?.norm === 'who' && start === end - 1 ? this.relativeClauseHead(start, verbIndex) : null) ?? (start === end ? this.appositiveHead(index) : null)
    if (head) return { ...head, personClause }
    return { start, end, person: this.personIn(start, end), personClause }
  }

  /** The subject of the verb before an "and": "Karim had paused the consumers and forgotten them". */
  private coordinatedSubject(and: number): Subject {
    // "assumed the alert was noise and silenced it": the nearest subject may be a complement
    // clause's ("the alert"); a person further left, within the sentence, is the one acting.
    let fallback: Subject | null = null
    let verbs = 0
    for (let index = and - 1; index >= 0 && verbs < 3; index--) {
      const norm = this.tokens[index]!.norm
      if (/^[.;:]$/.test(norm)) break
      if (this.isStepVerb(index) || /^(?:was|were|is|are|had|has)$/.test(norm)) {
        verbs++
        const subject = this.subjectBefore(index)
        if (subject.person) return subject
        if (subject.end > subject.start) fallback ??= subject
        index = subject.start
        continue
      }
      if (norm === ',' || (CLAUSE_BREAK.has(norm) && norm !== 'that')) break
    }
    return fallback ?? this.sentenceSubject(and)
  }

  private isVerbToken(index: number): boolean {
    // "Bogdan's botched migration": a possessive, not "is"; "her manual edit": a noun.
    if (this.people.at(index) || (this.tokens[index]!.norm === "'s" && this.people.at(index - 1)) || !this.verbLike(index)) return false
    const tags = tagsAt(this.terms, this.tokens[index]!)
    // Untagged, a past tense is still recognisable by its ending.
    return (tags.includes('Verb') && !tags.includes('Gerund') && !tags.includes('Noun')) || (tags.length === 0 && (/[^e]ed$/.test(this.tokens[index]!.norm) || (actionVerbForms.has(this.tokens[index]!.norm) && /ew$|an$|ote$|ent$/.test(this.tokens[index]!.norm))))
  }

  /** The strongest person in a subject phrase; a person after "of"/"with" inside it does not count as the subject. */
  private personIn(start: number, end: number): Agent | null {
    return this.people.strongestIn(start, end)
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
      // "who ...", "our on-call engineer", or a name after a role ("The on-call, Björk, ...").
      const named = this.people.mentionAt(comma + 1)
      const aboutPerson = opener === 'who' || (APPOSITIVE_OPENERS.has(opener) && this.people.strongestIn(comma + 1, closingComma)?.strength === 'strong') || (named?.strength === 'strong' && named.end === closingComma)
      if (!aboutPerson) return null
      let start = comma
      for (let index = comma - 1; index >= 0 && !CLAUSE_BREAK.has(this.tokens[index]!.norm); index--) start = index
      const person = this.people.strongestIn(start, comma)
      return person && start < comma ? { start, end: comma, person } : null
    }
    return null
  }

  /**
   * The noun phrase before "who"/"that" when `stop` is where the walk stopped at a relative
   * pronoun, if it names a person: "The developer who wrote the loop", "It was the DBA who
   * dropped ...", "It was Olumide's script that wiped ...".
   */
  private relativeClauseHead(stop: number, verbIndex: number): Omit<Subject, 'personClause'> | null {
    // Either the walk stopped at the relative's verb ("who wrote ... did not think") or at the
    // pronoun itself ("who dropped").
    const pronoun = /^(?:who|that)$/.test(this.tokens[stop]?.norm ?? '') ? stop : /^(?:who|that)$/.test(this.tokens[stop - 1]?.norm ?? '') && stop !== verbIndex - 1 ? stop - 1 : -1
    if (pronoun < 1) return null
    // "It was our contractor, not the vendor, who ...": the head is before the contrast.
    let end = pronoun
    if (this.tokens[end - 1]?.norm === ',') {
      for (let comma = end - 2; comma > 0 && comma >= end - 8; comma--) {
        if (this.tokens[comma]!.norm === ',' && this.tokens[comma + 1]?.norm === 'not') {
          end = comma
          break
        }
      }
    }
    let start = end
    for (let index = end - 1; index >= 0; index--) {
      const norm = this.tokens[index]!.norm
      if (CLAUSE_BREAK.has(norm) || /^(?:was|is|were|are|it)$/.test(norm) || (this.isVerbToken(index) && !this.people.at(index))) break
      start = index
    }
    const person = this.people.strongestIn(start, end) ?? this.possessivePersonIn(start, end)
    return person ? { start, end, person } : null
  }

  /** The subject of the clause holding a token: the noun phrase before the clause's first verb. */
  private clauseSubject(index: number): Subject {
    // "Without asking anyone, Hiroki reverted ...": a fronted phrase belongs to the main clause.
    const comma = this.tokens.findIndex((token, cursor) => cursor > index && token.norm === ',')
    if (this.clauseStart(index) === 0 && comma > 0 && /^(?:without|by|in|after|despite)$/.test(this.tokens[0]!.norm)) {
      for (let cursor = comma + 1; cursor < this.tokens.length; cursor++) {
        if (this.isStepVerb(cursor)) {
          const subject = this.agentSubject(cursor)
          if (subject.person) return subject
          break
        }
      }
    }
    return this.plainClauseSubject(index)
  }

  private plainClauseSubject(index: number): Subject {
    for (let cursor = this.clauseStart(index); cursor < index; cursor++) {
      const tags = tagsAt(this.terms, this.tokens[cursor]!)
      if (((tags.includes('Verb') && !tags.includes('Auxiliary') && !tags.includes('Noun')) || actionVerbForms.has(this.tokens[cursor]!.norm)) && !this.people.at(cursor)) {
        const subject = this.agentSubject(cursor)
        if (subject.person || subject.end > subject.start) return subject
      }
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

  private possessivePersonIn(start: number, end: number): Agent | null {
    for (let index = start; index < end; index++) {
      const strength = this.people.at(index)
      if (!strength || strength === 'team') continue
      // "Nasrin's change", "her manual edit", "their script".
      if (this.tokens[index + 1]?.norm === "'s" || /^(?:his|her|their)$/.test(this.tokens[index]!.norm)) return { index, strength }
    }
    return null
  }

  private negatedBefore(index: number): boolean {
    for (let cursor = Math.max(0, index - 4); cursor < index; cursor++) {
      if (/^(?:not|no|never|rather|instead|isn't|wasn't|without)$/.test(this.tokens[cursor]!.norm)) return true
    }
    return false
  }

  /**
   * Usable matches whose base-form verb is used as a verb: "decided to ignore", "did not miss",
   * "will forget"; not "an array of ignore patterns" or a changelog's "- Ignore files when ...".
   */
  private verbal(matches: PhraseMatch[]): PhraseMatch[] {
    return this.usable(matches).filter((match) => {
      const word = this.tokens[match.start]!.norm
      if (match.end - match.start > 1 || !/^(?:ignore|disregard|dismiss|miss|overlook|forget|neglect)$/.test(word)) return true
      return /^(?:to|not|never|did|didn't|does|doesn't|do|don't|will|would|could|should|might|may|must|can|also|just|often|always|sometimes|i|we|you|they|he|she)$/.test(this.tokens[match.start - 1]?.norm ?? '')
    })
  }

  /** Matches neither allowed by the user nor inside quotation marks. */
  private usable(matches: PhraseMatch[]): PhraseMatch[] {
    return matches.filter(
      (match) =>
        !(this.quoted.has(match.start) && this.quoted.has(match.end - 1)) &&
        (this.context.allow.size === 0 || (!this.context.allow.has(match.entry.id) && !this.context.allow.has(match.phrase))),
    )
  }

  /** The person's name or role as written, with its determiner ("the on-call engineer", "Park Ji-hoon"). */
  private nameAt(index: number): string {
    const mention = this.people.mentionAt(index)
    return mention ? this.mentionText(mention) : this.tokens[index]!.text
  }

  private mentionText(mention: Mention): string {
    let start = mention.start
    // "the new DBA", "our sysadmin", "a junior engineer".
    if (mention.kind === 'role' || mention.kind === 'group') {
      while (start > 0 && start > mention.start - 3 && /^(?:the|a|an|our|their|one|new|junior|senior|on-call|payments|platform|\p{Ll}+)$/u.test(this.tokens[start - 1]!.norm) && !CLAUSE_BREAK.has(this.tokens[start - 1]!.norm) && !this.isVerbToken(start - 1) && !/^(?:is|was|possible|by|to|of|and|it|that)$/.test(this.tokens[start - 1]!.norm)) {
        start--
        if (/^(?:the|a|an|our|their|one)$/.test(this.tokens[start]!.norm)) break
      }
      if (!/^(?:the|a|an|our|their|one)$/.test(this.tokens[start]!.norm)) start = mention.start
    }
    const text = this.text.slice(this.tokens[start]!.start, this.tokens[mention.end - 1]!.end)
    return text.replace(/^(The|A|An|Our|Their|One|He|She|They)\b/, (word) => word.toLowerCase())
  }

  private who(subject: Subject, person: { index: number } | null): string {
    if (subject.personClause) {
      const text = this.text.slice(this.tokens[this.clauseStart(subject.end)]?.start ?? 0, this.tokens[subject.end - 1]?.end ?? 0).trim()
      return text.replace(/^(The|A|An|He|She|They|This|That)\b/, (word) => word.toLowerCase())
    }
    return person ? this.nameAt(person.index) : 'a person'
  }

  private finding(kind: BlameKind, match: { start: number; end: number; phrase: string }, who: string, source: { entry: PhraseEntry; phrase: string }): BlameFinding {
    return {
      kind,
      who,
      // A pattern with a wildcard ("had * run") or an inflected verb reads better as the words it matched.
      phrase: source.phrase.includes('*') || kind === 'person-failure' || kind === 'harmful-step' ? this.text.slice(this.tokens[match.start]!.start, this.tokens[match.end - 1]!.end) : source.phrase,
      entryId: source.entry.id,
      suggest: source.entry.suggest ?? 'describe the condition that allowed it',
      start: 0,
      end: this.text.length,
    }
  }
}

const SECRETS: ReadonlySet<string> = new Set(['password', 'passwords', 'token', 'tokens', 'secret', 'secrets', 'credential', 'credentials', 'key', 'keys', 'passphrase', 'apikey'])
const junkNotSafeguard: ReadonlySet<string> = new Set([...words.junk].filter((word) => safeguards.matchAll(tokenize(word)).length === 0))
const causeLabelEntry: PhraseEntry = { id: 'cause-label', phrases: [], suggest: 'name the condition that let the step cause harm' }
const possessiveEntry: PhraseEntry = { id: 'possessive-harm', phrases: [], suggest: 'the change reached production without a check that would have caught it' }
const negatedStepEntry: PhraseEntry = { id: 'omission', phrases: [], suggest: 'the step was not part of the process, so nothing ran or checked it' }
