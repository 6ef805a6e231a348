import { z } from 'zod'
import VagueQuantities from '../data/vague-quantities.generated.js'
import { defineRule } from '../engine/define-rule.js'
import { quote } from '../engine/render-message.js'
import type { Section, Sentence } from '../model/types.js'
import { findDates, parseDurationMinutes } from '../parse/time/index.js'
import { wordAlternation } from '../parse/time/patterns.js'

const options = z
  .strictObject({
    /** How many quantities each impact section must state. */
    minQuantities: z.number().int().min(1).default(1),
  })
  .default({ minQuantities: 1 })

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
// "some shoppers", "many tenants": a vague amount of any plural noun, beyond the listed phrases.
const VAGUE_PLURAL = /(?<![\p{L}])(?:some|many|a\s{1,3}few|numerous)\s{1,3}\p{L}{3,}s(?![\p{L}])/iu

function isYear(number: string): boolean {
  return /^(?:19|20)\d{2}$/u.test(number)
}

function blank(text: string, from: number, to: number): string {
  return text.slice(0, from) + ' '.repeat(to - from) + text.slice(to)
}

/** How many quantities a sentence states (dates, times, versions and tickets are not quantities). */
export function countQuantities(text: string, referenceYear: number | undefined): number {
  let masked = text
  for (const date of findDates(text, referenceYear === undefined ? {} : { referenceYear })) {
    masked = blank(masked, date.index, date.index + date.length)
  }
  for (const pattern of NOT_QUANTITIES) {
    pattern.lastIndex = 0
    masked = masked.replace(pattern, (match) => ' '.repeat(match.length))
  }
  let count = 0
  const take = (pattern: RegExp, accept: (match: RegExpExecArray) => boolean = () => true): void => {
    pattern.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = pattern.exec(masked)) !== null) {
      if (!accept(match)) continue
      count++
      masked = blank(masked, match.index, match.index + match[0].length)
    }
  }
  take(PERCENT)
  take(CURRENCY)
  take(ATTACHED)
  take(ZERO)
  take(SPELLED)
  take(APPROXIMATE)
  let duration = parseDurationMinutes(masked)
  while (duration && duration.length > 0) {
    count++
    masked = blank(masked, duration.index, duration.index + duration.length)
    duration = parseDurationMinutes(masked)
  }
  take(COUNTED, (match) => {
    const number = match.groups?.['number'] ?? ''
    const word = (match.groups?.['word'] ?? '').toLowerCase()
    if (NOT_NOUNS.has(word)) return false
    // "In 2024 sales ..." is a year; "2000 users" is a count.
    return !isYear(number) || /s$/u.test(word)
  })
  return count
}

const phraseToEntry = new Map<string, (typeof VagueQuantities.vague)[number]>()
for (const entry of VagueQuantities.vague) for (const phrase of entry.phrases) phraseToEntry.set(phrase, entry)
const VAGUE = new RegExp(`(?<![\\p{L}\\p{N}_'-])${wordAlternation([...phraseToEntry.keys()])}(?![\\p{L}\\p{N}_'-])`, 'giu')

function findVague(text: string): { phrase: string; start: number; end: number; suggest: string } | null {
  VAGUE.lastIndex = 0
  const match = VAGUE.exec(text) ?? VAGUE_PLURAL.exec(text)
  if (!match) return null
  const phrase = match[0].toLowerCase().replace(/\s+/gu, ' ')
  const entry = phraseToEntry.get(phrase)
  return { phrase: match[0], start: match.index, end: match.index + match[0].length, suggest: entry?.suggest ?? '4,200 users' }
}

function inside(sentence: Sentence, section: Section): boolean {
  const at = sentence.span.start.offset
  return at >= section.span.start.offset && at < section.span.end.offset
}

export default defineRule<z.output<typeof options>>({
  id: 'impact-quantified',
  meta: {
    description: 'State the impact in numbers: users, requests, duration, money, data',
    category: 'impact',
    defaultSeverity: 'error',
    options,
    messages: {
      'no-quantity':
        'No number in the impact section `{{heading}}`; without counts nobody can judge the severity or weigh the action items. State who and how much, e.g. "4,200 users (3% of active accounts) saw checkout errors for 47 minutes".',
      'too-few':
        'The impact section `{{heading}}` states {{count}} where {{min}} are expected; one number rarely shows both the reach and the duration of an incident. Add the missing ones, e.g. "18% of checkout requests failed for 47 minutes".',
      vague:
        '`{{sentence}}` says "{{phrase}}" instead of a number; a vague quantity hides whether the incident was minor or severe. Give the count or share, e.g. "{{example}}".',
    },
  },
  check(doc, { options, report }) {
    const referenceYear = doc.incidentDate?.year ?? doc.metadata.date?.value.year
    for (const section of doc.sectionsOf('impact')) {
      // Only the outermost impact section is judged; a nested one is counted as part of it.
      if (section.parent && section.parent.kind === 'impact') continue
      let count = 0
      for (const sentence of doc.prose) {
        if (!inside(sentence, section) || sentence.span.start.offset === section.headingSpan.start.offset) continue
        count += countQuantities(sentence.text, referenceYear)
      }
      if (count >= options.minQuantities) continue
      report({
        messageId: count === 0 ? 'no-quantity' : 'too-few',
        data: { heading: quote(section.heading), count: count === 1 ? '1 quantity' : `${count} quantities`, min: options.minQuantities },
        at: section.headingSpan,
      })
    }
    for (const sentence of doc.prose) {
      if (sentence.context === 'heading') continue
      const kind = sentence.section?.kind
      if (kind !== 'impact' && kind !== 'summary') continue
      const vague = findVague(sentence.text)
      if (!vague || countQuantities(sentence.text, referenceYear) > 0) continue
      report({
        messageId: 'vague',
        data: { sentence: quote(sentence.text), phrase: vague.phrase, example: vague.suggest },
        at: { start: sentence.pointAt(vague.start), end: sentence.pointAt(vague.end) },
      })
    }
  },
})
