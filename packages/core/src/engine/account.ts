import genres from '../data/document-genres.generated.js'
import type { PostmortemDocument } from '../model/types.js'
import { classifyHeading, normaliseHeading } from '../parse/heading-title.js'

/**
 * What the prose of a document says about its genre: how many sentences recount an incident
 * (past tense, about something failing or being put right), and how many instruct or address
 * the reader (a guide, a template's help, an assignment brief). Detection reads these; nothing
 * here judges the document.
 */
export interface GenreEvidence {
  sentences: number
  /** Sentences in the past tense that name a failure, a fix or a time. */
  accountSentences: number
  /** Sentences in which "we" or "I" did something, in the past tense: someone recounting. */
  narrativeSentences: number
  /** Sentences that open with an instruction or address the reader as "you". */
  instructionSentences: number
  /** Timed entries the timeline holds. */
  timedEntries: number
  /** Headings of other genres ("Symptoms", "Prerequisites", "Learning objectives"). */
  otherGenreHeadings: number
}

// One alternation for the whole list, longest first: each sentence is scanned once, not once per word.
const incidentPhrase = new RegExp(
  `(?:^|[^\\p{L}])(?:${[...genres['incident-words']].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}])`,
  'iu',
)
const irregularPast = new Set<string>(genres['irregular-past'])
const notPast = new Set<string>(genres['not-past'])
const secondPerson = new Set<string>(genres['second-person'])
const instructionOpeners = genres['instruction-openers'].map((opener) => opener.split(' '))
const otherGenreHeadings = new Set<string>(genres['other-genre-headings'])
const CLOCK = /(?<![\d:])\d{1,2}:\d{2}(?![\d:])|\b\d{1,2}\s?(?:a\.?m|p\.?m)\b/i
const FIRST_PERSON = new Set(['we', 'i', 'our', 'us', 'my', "we'd", "i'd", "we've", "i've"])

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}'’-]+/gu) ?? []
}

function isPastTense(token: string): boolean {
  if (irregularPast.has(token)) return true
  return token.length >= 5 && token.endsWith('ed') && !notPast.has(token)
}

export function genreEvidence(doc: PostmortemDocument): GenreEvidence {
  let accountSentences = 0
  let narrativeSentences = 0
  let instructionSentences = 0
  for (const sentence of doc.prose) {
    const tokens = words(sentence.text)
    if (tokens.length === 0) continue
    const past = tokens.some(isPastTense)
    if (past && (incidentPhrase.test(sentence.text) || CLOCK.test(sentence.text))) accountSentences++
    if (past && tokens.some((token) => FIRST_PERSON.has(token))) narrativeSentences++
    const opensWithInstruction = instructionOpeners.some((opener) => opener.every((word, index) => tokens[index] === word))
    if (opensWithInstruction || tokens.some((token) => secondPerson.has(token))) instructionSentences++
  }
  const otherGenre = doc.allSections.filter((section) => {
    const normalised = normaliseHeading(section.heading)
    return otherGenreHeadings.has(normalised.key) && classifyHeading(normalised) === null
  }).length
  return {
    sentences: doc.prose.length,
    accountSentences,
    narrativeSentences,
    instructionSentences,
    timedEntries: doc.timeline?.entries.filter((entry) => entry.time !== null).length ?? 0,
    otherGenreHeadings: otherGenre,
  }
}
