/**
 * What counts as a quantity of impact. impact-quantified and the rubric's impact category both
 * read it from here, so a number the rule accepts is a number the score counts.
 */
import type { PostmortemDocument, Section, Sentence } from '../model/types.js'
import { nearestKind } from '../parse/sections.js'
import { perDocument } from './per-document.js'
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
// "600 running pods", "40 concurrent sessions": how busy the system was, not who was affected.
const LOAD_WORDS = new Set('running active concurrent simultaneous peak open idle live'.split(' '))

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
// "One of our nodes" names which one; it does not measure how many ("two of our three nodes" does).
const SPELLED = new RegExp(
  `(?<![\\p{L}])(?!one\\s{1,3}of\\s)${SPELLED_NUMBER}\\s{1,3}(?:of\\s{1,3}(?:the\\s{1,3}|our\\s{1,3}|all\\s{1,3})?)?${COUNTED_THING}(?![\\p{L}])`,
  'giu',
)

// "every user", "all of our customers": the whole population is a share, all of it.
const EVERYONE = new RegExp(
  `(?<![\\p{L}])(?:all|every)\\s{1,3}(?:of\\s{1,3})?(?:the\\s{1,3}|our\\s{1,3})?(?:${COUNTED_THING}|user|customer|client|account|merchant|tenant|request|order|visitor)(?![\\p{L}])`,
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

export type QuantityKind = 'share' | 'money' | 'measure' | 'duration' | 'zero' | 'count' | 'load'

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
  take(EVERYONE, () => 'share')
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
    if (LOAD_WORDS.has(word)) return 'load'
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
  return perDocument(section, 'sentences', () => doc.prose.filter((sentence) => inside(sentence, section) && sentence.span.start.offset !== section.headingSpan.start.offset))
}

/** The quantities stated in a section's prose, its heading excepted. */
export function sectionQuantities(doc: PostmortemDocument, section: Section): Quantity[] {
  const year = referenceYearOf(doc)
  return sectionSentences(doc, section).flatMap((sentence) => findQuantities(sentence.text, year))
}

/** What a number says about an incident: who or how much was affected, or for how long. */
export type ImpactMeasure = 'reach' | 'duration'

export function measureOf(quantity: Quantity): ImpactMeasure {
  return quantity.kind === 'duration' ? 'duration' : 'reach'
}

export interface ImpactStatement {
  /** The quantities the impact is stated in (load figures, "600 running pods", are not impact). */
  quantities: Quantity[]
  /** Where they were read: the impact sections, or, in a document without one, its summary and opening paragraphs. */
  where: 'impact' | 'summary' | null
  /** A duration stated in the header ("Duration: 16h 45m") outside the impact sections. */
  headerDuration: boolean
}

/**
 * The impact as the document states it in numbers: the impact sections impact-quantified judges,
 * or, without one, the summary; plus a duration given in the header, which states how long the
 * impact lasted wherever it is written. A reviewer reads the impact section for the impact; the
 * summary stands in only when there is none.
 */
export function impactStatement(doc: PostmortemDocument): ImpactStatement {
  return perDocument(doc, 'impact-statement', () => readImpactStatement(doc))
}

function readImpactStatement(doc: PostmortemDocument): ImpactStatement {
  const sections = impactSections(doc)
  const duration = doc.metadata.durationMinutes
  const withinImpact = (offset: number): boolean => sections.some((section) => offset >= section.span.start.offset && offset < section.span.end.offset)
  const headerDuration = duration !== undefined && !withinImpact(duration.span.start.offset)
  if (sections.length > 0) return { quantities: sections.flatMap((section) => impactQuantitiesOf(doc, section)), where: 'impact', headerDuration }
  const summaries = doc.sectionsOf('summary').filter((section) => section.parent?.kind !== 'summary')
  const lede = ledeSentences(doc)
  if (summaries.length === 0 && lede.length === 0) return { quantities: [], where: null, headerDuration }
  const year = referenceYearOf(doc)
  const quantities = [
    ...lede.flatMap((sentence) => findQuantities(sentence.text, year)).filter(isImpact),
    ...summaries.flatMap((section) => impactQuantitiesOf(doc, section)),
    ...narrativeSentences(doc, lede).flatMap((sentence) => findQuantities(sentence.text, year)).filter(isImpact),
  ]
  return { quantities, where: 'summary', headerDuration }
}

const isImpact = (quantity: Quantity): boolean => quantity.kind !== 'load'

/** The quantities of a section that state impact: load figures do not. */
export function impactQuantitiesOf(doc: PostmortemDocument, section: Section): Quantity[] {
  return sectionQuantities(doc, section).filter(isImpact)
}

// Sections whose numbers are not the incident's impact: times, causes, plans and lessons.
const NOT_IMPACT = new Set<Section['kind']>(['timeline', 'root-cause', 'contributing-factors', 'causes', 'five-whys', 'action-items', 'follow-up', 'lessons-learned', 'what-went-well', 'what-went-poorly', 'where-we-got-lucky', 'appendix', 'metadata'])

/**
 * The sentences of a story told without an impact section, outside the timeline, the causes and
 * the plans: a blog-style write-up says how many were affected in the section that tells the
 * night it happened ("In total 9,214 people got a reminder between 2:30 and 4:00").
 */
function narrativeSentences(doc: PostmortemDocument, lede: readonly Sentence[]): Sentence[] {
  const opening = new Set(lede)
  return doc.prose.filter(
    (sentence) =>
      !opening.has(sentence) &&
      sentence.context !== 'heading' &&
      sentence.context !== 'table-cell' &&
      nearestKind(sentence.section) !== 'summary' &&
      !NOT_IMPACT.has(nearestKind(sentence.section)),
  )
}

/**
 * The opening paragraphs of a document with no summary section: the prose before its first
 * section heading (under the title, if it has one), which is where a blog-style write-up says
 * what happened and for how long.
 */
export function ledeSentences(doc: PostmortemDocument): Sentence[] {
  const titleOffset = doc.title?.span.start.offset ?? -1
  const first = doc.allSections.find((section) => section.headingSpan.start.offset !== titleOffset)
  const end = first?.headingSpan.start.offset ?? Number.POSITIVE_INFINITY
  return doc.prose.filter((sentence) => sentence.context !== 'heading' && sentence.span.start.offset < end && sentence.span.start.offset > titleOffset)
}

/** Whether the impact statement gives a number of that kind (a header duration counts for duration). */
export function statesMeasure(statement: ImpactStatement, measure: ImpactMeasure): boolean {
  return statement.quantities.some((quantity) => measureOf(quantity) === measure) || (measure === 'duration' && statement.headerDuration)
}
