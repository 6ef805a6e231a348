/**
 * What counts as a quantity of impact. impact-quantified and the rubric's impact category both
 * read it from here, so a number the rule accepts is a number the score counts.
 */
import type { PostmortemDocument, Section, Sentence } from '../model/types.js'
import { findDates, parseDurationMinutes } from '../parse/time/index.js'

// Text that carries digits but is not a quantity: it is blanked out before numbers are counted.
// Every pattern is a sequence of bounded or disjoint pieces, so each runs in linear time.
const NOT_QUANTITIES: readonly RegExp[] = [
  /https?:\/\/\S+/giu,
  // Ticket keys and issue numbers: OPS-123, #123.
  /\b[A-Z][A-Z0-9]{1,9}-\d{1,7}\b|(?<![\w&])#\d{1,7}\b/gu,
  // Versions: v2, v1.4, 1.4.2, 10.0.3-rc1.
  /(?<![\p{L}\p{N}_.])v\d+(?:\.\d+)*\b|(?<![\p{L}\p{N}_.])\d+\.\d+\.\d+(?:[-+][\w.]{1,20})?/giu,
  // Times of day: 10:05, 10:05:30, 9am, 9 p.m.
  /(?<![\p{N}:])\d{1,2}:\d{2}(?::\d{2})?(?:\s{0,2}(?:am|pm|a\.m\.|p\.m\.))?|(?<![\p{L}\p{N}.])\d{1,2}\s{0,2}(?:am|pm|a\.m\.|p\.m\.)(?![\p{L}])/giu,
]

const SCALE = '(?:k|m|bn|mm|million|billion|thousand|hundred)'
// Units written straight after the number: 40ms, 5s, 3h, 12k, 2GB, 10x.
const ATTACHED_UNIT = '(?:ms|s|sec|secs|min|mins|h|hr|hrs|d|k|m|bn|b|kb|mb|gb|tb|pb|rps|qps|x)'
const NUMBER = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?'
const NUMBER_START = '(?<![\\p{L}\\p{N}_.,#/-])'
const PERCENT = new RegExp(`${NUMBER_START}${NUMBER}\\s{0,2}(?:%|percent\\b|per\\s{1,3}cent\\b|pct\\b)`, 'giu')
const CURRENCY = new RegExp(`[$€£¥]\\s{0,2}${NUMBER}|${NUMBER_START}${NUMBER}\\s{0,2}${SCALE}?\\s{0,2}(?:usd|eur|gbp|dollars?|euros?|pounds?)\\b`, 'giu')
const ATTACHED = new RegExp(`${NUMBER_START}${NUMBER}${ATTACHED_UNIT}(?![\\p{L}\\p{N}])`, 'giu')
// A number followed by a noun: "4,200 users", "1.2 million requests", "3 of 40 shards" (the 40).
const COUNTED = new RegExp(
  `${NUMBER_START}(?<number>${NUMBER})(?:\\s{0,2}${SCALE}(?![\\p{L}]))?\\s{1,3}[(~]?(?<word>\\p{L}[\\p{L}'-]{0,40})`,
  'giu',
)
// Words that follow a number without making it a count ("at 3 the", "1 to 3").
const NOT_NOUNS = new Set(
  'a an the and or nor but to of in on at by for from with as was were is are be been am pm utc gmt after before when then it we they that this which until till through'.split(' '),
)
// "No customer impact", "zero requests failed": a stated zero is a quantity.
const ZERO = /(?<![\p{L}])(?:no|zero|nil)\s{1,3}(?:(?:user|customer|client|external|end-user|visible|measurable|production|data)[-\s]{1,3}){0,2}(?:impact|users|customers|clients|requests|errors|loss|downtime|outage)\b/giu

// Spelled quantities of a counted thing: "four fifths of users", "thousands of requests".
const SPELLED_NUMBER =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|half|a\\s{1,3}third|a\\s{1,3}quarter|(?:one|two|three|four|five|six|seven|eight|nine)\\s{1,3}(?:thirds|quarters|fifths|tenths)|hundreds|thousands|millions|dozens|tens\\s{1,3}of\\s{1,3}thousands)'
const COUNTED_THING =
  '(?:users|customers|clients|accounts|requests|errors|orders|transactions|payments|merchants|tenants|sites|pages|visitors|sessions|queries|jobs|builds|messages|emails|hosts|nodes|servers|pods|regions|developers|people|traffic|records|rows|files)'
const SPELLED = new RegExp(
  `(?<![\\p{L}])${SPELLED_NUMBER}\\s{1,3}(?:of\\s{1,3}(?:the\\s{1,3}|our\\s{1,3}|all\\s{1,3})?)?${COUNTED_THING}(?![\\p{L}])`,
  'giu',
)

// "about 2,300 by our count", "over 500": an approximate number stands for a count on its own.
const APPROXIMATE = new RegExp(
  `(?<![\\p{L}])(?:about|around|approximately|roughly|nearly|almost|over|under|more\\s{1,3}than|fewer\\s{1,3}than|less\\s{1,3}than|up\\s{1,3}to|~)\\s{0,2}${NUMBER}`,
  'giu',
)

function isYear(number: string): boolean {
  return /^(?:19|20)\d{2}$/u.test(number)
}

function blank(text: string, from: number, to: number): string {
  return text.slice(0, from) + ' '.repeat(to - from) + text.slice(to)
}

export type QuantityKind = 'share' | 'money' | 'measure' | 'duration' | 'zero' | 'count'

export interface Quantity {
  kind: QuantityKind
  /** The quantity as written. */
  text: string
  index: number
}

const DURATION_UNIT = /^(?:ms|s|sec|secs|min|mins|h|hr|hrs|d)$/iu

/**
 * The quantities a sentence states, in the order they are found (dates, times, versions and
 * tickets are not quantities). `kind` tells a share, money, a duration, a stated zero, a count of
 * things and other measures (sizes, rates, multipliers) apart.
 */
export function findQuantities(text: string, referenceYear: number | undefined): Quantity[] {
  let masked = text
  for (const date of findDates(text, referenceYear === undefined ? {} : { referenceYear })) {
    masked = blank(masked, date.index, date.index + date.length)
  }
  for (const pattern of NOT_QUANTITIES) {
    pattern.lastIndex = 0
    masked = masked.replace(pattern, (match) => ' '.repeat(match.length))
  }
  const found: Quantity[] = []
  const add = (kind: QuantityKind, index: number, length: number): void => {
    found.push({ kind, text: text.slice(index, index + length), index })
    masked = blank(masked, index, index + length)
  }
  const take = (pattern: RegExp, kindOf: (match: RegExpExecArray) => QuantityKind | null): void => {
    pattern.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = pattern.exec(masked)) !== null) {
      const kind = kindOf(match)
      if (kind !== null) add(kind, match.index, match[0].length)
    }
  }
  take(PERCENT, () => 'share')
  take(CURRENCY, () => 'money')
  take(ATTACHED, (match) => (DURATION_UNIT.test(match[0].replace(/^[\d.,]+/u, '')) ? 'duration' : 'measure'))
  take(ZERO, () => 'zero')
  take(SPELLED, () => 'count')
  // Durations before approximate numbers: "over 52 minutes" is a duration, not a count of 52.
  let duration = parseDurationMinutes(masked)
  while (duration && duration.length > 0) {
    add('duration', duration.index, duration.length)
    duration = parseDurationMinutes(masked)
  }
  take(APPROXIMATE, () => 'count')
  take(COUNTED, (match) => {
    const number = match.groups?.['number'] ?? ''
    const word = (match.groups?.['word'] ?? '').toLowerCase()
    if (NOT_NOUNS.has(word)) return null
    // "In 2024 sales ..." is a year; "2000 users" is a count.
    return !isYear(number) || /s$/u.test(word) ? 'count' : null
  })
  return found.sort((a, b) => a.index - b.index)
}

/** How many quantities a sentence states (dates, times, versions and tickets are not quantities). */
export function countQuantities(text: string, referenceYear: number | undefined): number {
  return findQuantities(text, referenceYear).length
}

/** The year dates in a document are read against. */
export function referenceYearOf(doc: PostmortemDocument): number | undefined {
  return doc.incidentDate?.year ?? doc.metadata.date?.value.year
}

function inside(sentence: Sentence, section: Section): boolean {
  const at = sentence.span.start.offset
  return at >= section.span.start.offset && at < section.span.end.offset
}

/** The impact sections that are judged: the outermost ones (a nested one counts as part of its parent). */
export function impactSections(doc: PostmortemDocument): Section[] {
  return doc.sectionsOf('impact').filter((section) => !(section.parent && section.parent.kind === 'impact'))
}

/** The sentences of a section (its subsections included), its heading excepted. */
export function sectionSentences(doc: PostmortemDocument, section: Section): Sentence[] {
  return doc.prose.filter((sentence) => inside(sentence, section) && sentence.span.start.offset !== section.headingSpan.start.offset)
}

/** The quantities stated in a section's prose, its heading excepted. */
export function sectionQuantities(doc: PostmortemDocument, section: Section): Quantity[] {
  const year = referenceYearOf(doc)
  return sectionSentences(doc, section).flatMap((sentence) => findQuantities(sentence.text, year))
}
