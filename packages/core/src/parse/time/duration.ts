/**
 * Durations as written in metadata and prose ("47 minutes", "1h 30m", "about 3 hours", "half an
 * hour"), converted to minutes so impact and time-to-resolve can be compared with the timeline.
 */
import { wordAlternation } from './patterns.js'

export interface DurationMatch {
  /** May be fractional: "90 seconds" is 1.5. */
  minutes: number
  /** Position of the quantity itself; hedges such as "about" are not included. */
  index: number
  length: number
}

const UNITS: [names: string[], minutes: number][] = [
  [['weeks', 'week', 'wks', 'wk', 'w'], 7 * 24 * 60],
  [['days', 'day', 'd'], 24 * 60],
  [['hours', 'hour', 'hrs', 'hr', 'h'], 60],
  [['minutes', 'minute', 'mins', 'min', 'm'], 1],
  [['seconds', 'second', 'secs', 'sec', 's'], 1 / 60],
]
const minutesPerUnit = new Map(
  UNITS.flatMap(([names, minutes]) => names.map((name) => [name, minutes] as const)),
)
const ALL_UNITS = wordAlternation([...minutesPerUnit.keys()])
// After a spelled-out quantity the unit must be a word ("a" + "m" is the "am" in "I am"), and not
// the singular "second", which after "a" is nearly always the ordinal ("a second deploy").
const WORD_UNITS = wordAlternation(
  [...minutesPerUnit.keys()].filter(
    (name) => name.length > 1 && name !== 'second' && name !== 'sec',
  ),
)

const NUMBER_WORDS = new Map<string, number>([
  ['a', 1],
  ['an', 1],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['fifteen', 15],
  ['twenty', 20],
  ['thirty', 30],
  ['forty-five', 45],
  ['forty five', 45],
  ['ninety', 90],
  ['half a', 0.5],
  ['half an', 0.5],
])

const START = '(?<![\\p{L}\\p{N}_.$\u20ac\u00a3])'
const END = '(?![\\p{L}\\p{N}_])'
// A digit may follow a unit directly, as in "1h30m" and "1d2h".
const UNIT_END = '(?![\\p{L}_])'
const AND_A_HALF = '\\s{1,3}and\\s{1,3}a\\s{1,3}half'
const NUMERIC_BODY =
  `(?<num>\\d{1,5}(?:\\.\\d{1,3})?)(?<halfBefore>${AND_A_HALF})?(?:\\s{1,3}|-)?` +
  `(?<unit>${ALL_UNITS})${UNIT_END}(?<halfAfter>${AND_A_HALF}${END})?`
const NUMERIC_PART = `${START}${NUMERIC_BODY}`
const WORD_PART =
  `${START}(?<word>${wordAlternation([...NUMBER_WORDS.keys()])})(?<halfBefore>${AND_A_HALF})?` +
  `(?:\\s{1,3}|-)(?<unit>${WORD_UNITS})${END}(?<halfAfter>${AND_A_HALF}${END})?`

const numeric = new RegExp(NUMERIC_PART, 'giu')
const worded = new RegExp(WORD_PART, 'giu')
// A later part may touch the previous unit's letter ("1h30m"), so it has no start guard.
const nextPart = new RegExp(NUMERIC_BODY, 'iuy')
// Between the parts of "1h 30m", "1 hour, 30 minutes", "2 hours and 15 minutes".
const JOIN = /\s{0,3},?\s{0,3}(?:and\s{1,3})?/iy
// "1h30": bare minutes glued to an hours part.
const BARE_MINUTES = /(\d{1,2})(?![\p{L}\p{N}_.])/uy
const CLOCK_ONLY = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/

interface Part {
  minutes: number
  unitMinutes: number
  end: number
}

/**
 * Reads one quantity-and-unit. Single-letter units must be lower case: "3D" and "45M" are far
 * more often "3D printing" and "45 million" than days or minutes.
 */
function readPart(match: RegExpExecArray): Part | null {
  const groups = match.groups ?? {}
  const unit = groups['unit'] ?? ''
  if (unit.length === 1 && unit !== unit.toLowerCase()) return null
  const unitMinutes = minutesPerUnit.get(unit.toLowerCase())
  const quantity =
    groups['num'] !== undefined
      ? Number.parseFloat(groups['num'])
      : NUMBER_WORDS.get((groups['word'] ?? '').toLowerCase().replace(/\s+/g, ' '))
  if (unitMinutes === undefined || quantity === undefined) return null
  const half = groups['halfBefore'] !== undefined || groups['halfAfter'] !== undefined ? 0.5 : 0
  return {
    minutes: (quantity + half) * unitMinutes,
    unitMinutes,
    end: match.index + match[0].length,
  }
}

/** Extends a first part with smaller units that follow it: "1h" + "30m", "2 hours" + "15 min". */
function extend(text: string, first: Part): Part {
  let total = first
  for (let parts = 1; parts < 5; parts++) {
    JOIN.lastIndex = total.end
    if (!JOIN.test(text)) break
    nextPart.lastIndex = JOIN.lastIndex
    const match = nextPart.exec(text)
    const next = match && readPart(match)
    if (next && next.unitMinutes < total.unitMinutes) {
      total = {
        minutes: total.minutes + next.minutes,
        unitMinutes: next.unitMinutes,
        end: next.end,
      }
      continue
    }
    if (total.unitMinutes === 60) {
      BARE_MINUTES.lastIndex = total.end
      const bare = BARE_MINUTES.exec(text)
      if (bare)
        total = {
          minutes: total.minutes + Number(bare[1]),
          unitMinutes: 1,
          end: BARE_MINUTES.lastIndex,
        }
    }
    break
  }
  return total
}

function firstPart(regex: RegExp, text: string): { index: number; part: Part } | null {
  regex.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = regex.exec(text)) !== null) {
    const part = readPart(match)
    if (part) return { index: match.index, part }
    regex.lastIndex = match.index + 1
  }
  return null
}

/**
 * The first duration in `text`, in minutes. A bare clock value ("01:30") counts only when it is
 * the whole text, as in a "Duration" table cell; inside prose it is a time of day.
 */
export function parseDurationMinutes(text: string): DurationMatch | null {
  const trimmed = text.trim()
  const clock = CLOCK_ONLY.exec(trimmed)
  if (clock) {
    const minutes =
      Number(clock[1]) * 60 +
      Number(clock[2]) +
      (clock[3] === undefined ? 0 : Number(clock[3]) / 60)
    return { minutes, index: text.indexOf(trimmed), length: trimmed.length }
  }
  const candidates = [firstPart(numeric, text), firstPart(worded, text)]
  let best: { index: number; part: Part } | null = null
  for (const candidate of candidates) {
    if (candidate && (!best || candidate.index < best.index)) best = candidate
  }
  if (!best) return null
  const total = extend(text, best.part)
  return { minutes: total.minutes, index: best.index, length: total.end - best.index }
}
