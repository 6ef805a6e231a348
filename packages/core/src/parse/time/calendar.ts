/**
 * Calendar dates as postmortems write them: ISO, numeric with separators, and English month names
 * in either order, with or without a weekday or a year. Pure functions, no Date objects, so results
 * never depend on the machine's time zone.
 */
import CalendarWords from '../../data/calendar-words.generated.js'
import type { CalendarDate } from '../../model/types.js'
import { longest, pickNonOverlapping, scannerPair, wordAlternation } from './patterns.js'

export interface DateMatch {
  date: CalendarDate
  index: number
  length: number
  /** False when the year came from `referenceYear` rather than from the text. */
  hasYear: boolean
}

export interface DateOptions {
  /** Year for dates written without one ("Feb 9"); without it such dates are not reported. */
  referenceYear?: number
  /**
   * How a numeric date whose day and month could swap ("06/04/2023") is read, when the document
   * around it has settled the question (see `dayMonthOrderOf`). Without it such dates are not read.
   */
  dayMonthOrder?: DayMonthOrder
}

export type DayMonthOrder = 'day-first' | 'month-first'

/**
 * A date as written, before a missing year is filled in. Timestamps need this form: "Feb 9, 10:05"
 * must still be recognised as a date-plus-time when the caller does not know the year.
 */
export interface DateToken {
  year: number | null
  month: number
  day: number
  index: number
  length: number
}

const monthByName = new Map<string, number>()
CalendarWords.months.forEach((names, index) => {
  for (const name of names) monthByName.set(name, index + 1)
})
const MONTH = wordAlternation([...monthByName.keys()])
const WEEKDAY = wordAlternation(CalendarWords.weekdays.flat())

// Four-digit years from 1900 to 2099: wide enough for any incident, narrow enough that ticket
// numbers and counts ("2500 requests") are not read as years.
const YEAR = '(?:19|20)\\d{2}'
const ORDINAL = '(?:st|nd|rd|th)'
// No digit (or digit plus separator) before a numeric date, so "12025-01-01" and "1.2.3.2025" fail.
const NUMERIC_START = '(?<![\\p{N}.:/]|\\p{N}-)'
const WORD_START = '(?<![\\p{L}\\p{N}_.])'
const WEEKDAY_PREFIX = `(?:${WEEKDAY}\\.?,?\\s{1,3})?`
// A year after a day must not be the start of a time ("Feb 9, 2010:05" is not a year).
const YEAR_TAIL = `(?:(?:,\\s{0,3}|\\s{1,3}|-)(?<year>${YEAR})(?!\\p{N}|:\\p{N}))?`

type Reader = (groups: Record<string, string | undefined>, options: DateOptions) => {
  year: number | null
  month: number
  day: number
} | null

interface DatePattern {
  global: RegExp
  sticky: RegExp
  read: Reader
}

function toInt(value: string | undefined): number {
  return value === undefined ? Number.NaN : Number.parseInt(value, 10)
}

/**
 * Numeric day/month order is ambiguous: 02/09/2025 is 9 February in the US and 2 September in
 * Europe. Guessing wrong silently corrupts a timeline, so slashed or dashed D/M/Y forms count only
 * when the order cannot matter: one number is above 12, or both numbers are equal.
 */
export function resolveDayMonth(first: number, second: number, order?: DayMonthOrder): { month: number; day: number } | null {
  if (first === second) return { month: first, day: second }
  if (first > 12 && second <= 12) return { month: second, day: first }
  if (second > 12 && first <= 12) return { month: first, day: second }
  if (order === 'day-first') return { month: second, day: first }
  if (order === 'month-first') return { month: first, day: second }
  return null
}

// Numeric day/month pairs as a timeline writes them: 06/04/2023, 06/04, 6-4-2023.
const NUMERIC_PAIR = /(?<![\p{N}./:-])(\d{1,2})([/-])(\d{1,2})(?:\2((?:19|20)\d{2}))?(?![\p{N}]|[./:-]\p{N}{3})/gu

/**
 * The day/month order a text's numeric dates follow, when the text settles it: a date that can
 * only be read one way ("14/04/2023", "04/14") fixes the order for all of them; failing that, the
 * order under which the dates lie closest together (an incident's timeline spans days, not
 * months: 06/04 to 11/04 is 6-11 April, not June to November), by at least a month. Undefined
 * when the text does not say.
 */
export function dayMonthOrderOf(text: string, referenceYear?: number): DayMonthOrder | undefined {
  const pairs: { first: number; second: number; year: number }[] = []
  let dayFirst = false
  let monthFirst = false
  NUMERIC_PAIR.lastIndex = 0
  for (let match = NUMERIC_PAIR.exec(text); match !== null; match = NUMERIC_PAIR.exec(text)) {
    const first = Number(match[1])
    const second = Number(match[3])
    if (first < 1 || second < 1 || (first > 12 && second > 12) || first > 31 || second > 31) continue
    if (first > 12) dayFirst = true
    else if (second > 12) monthFirst = true
    pairs.push({ first, second, year: match[4] ? Number(match[4]) : (referenceYear ?? 2000) })
  }
  if (dayFirst !== monthFirst) return dayFirst ? 'day-first' : 'month-first'
  if (dayFirst || pairs.length < 2) return undefined
  const span = (order: DayMonthOrder): number => {
    const days = pairs.map(({ first, second, year }) => {
      const date = order === 'day-first' ? { year, month: second, day: first } : { year, month: first, day: second }
      return isValidDate(date.year, date.month, date.day) ? dayNumber(date) : Number.NaN
    })
    if (days.some(Number.isNaN)) return Number.POSITIVE_INFINITY
    return Math.max(...days) - Math.min(...days)
  }
  const byDay = span('day-first')
  const byMonth = span('month-first')
  if (Math.abs(byDay - byMonth) < 28) return undefined
  return byDay < byMonth ? 'day-first' : 'month-first'
}

/**
 * A lower-case month word is only a month when a year is written with it: "may" and "march" are
 * everyday words, and "it may 3 times" must not become 3 May.
 */
const readNamed: Reader = (groups) => {
  const word = groups['month'] ?? ''
  const month = monthByName.get(word.toLowerCase())
  if (month === undefined) return null
  const year = groups['year'] === undefined ? null : toInt(groups['year'])
  const first = word.charAt(0)
  if (year === null && first === first.toLowerCase()) return null
  return { year, month, day: toInt(groups['day']) }
}

const definitions: { source: string; read: Reader }[] = [
  // ISO 8601 (also the date part of 2025-02-09T10:05:00Z).
  {
    source: `${NUMERIC_START}(?<year>${YEAR})-(?<month>\\d{1,2})-(?<day>\\d{1,2})(?!\\p{N})`,
    read: (g) => ({
      year: toInt(g['year']),
      month: toInt(g['month']),
      day: toInt(g['day']),
    }),
  },
  // Year first with slashes or dots: 2025/02/09, 2025.02.09.
  {
    source:
      `${NUMERIC_START}(?<year>${YEAR})(?<sep>[/.])(?<month>\\d{1,2})\\k<sep>(?<day>\\d{1,2})` +
      '(?!\\p{N}|[./]\\p{N})',
    read: (g) => ({
      year: toInt(g['year']),
      month: toInt(g['month']),
      day: toInt(g['day']),
    }),
  },
  // Dotted day first, the European convention: 09.02.2025 is always 9 February.
  {
    source:
      `${NUMERIC_START}(?<day>\\d{1,2})\\.(?<month>\\d{1,2})\\.(?<year>${YEAR})` +
      '(?!\\p{N}|\\.\\p{N})',
    read: (g) => ({
      year: toInt(g['year']),
      month: toInt(g['month']),
      day: toInt(g['day']),
    }),
  },
  // Slashed or dashed with the year last: only when the day/month order is unambiguous.
  {
    source:
      `${NUMERIC_START}(?<a>\\d{1,2})(?<sep>[/-])(?<b>\\d{1,2})\\k<sep>(?<year>${YEAR})` +
      '(?!\\p{N}|[./-]\\p{N})',
    read: (g, options) => {
      const order = resolveDayMonth(toInt(g['a']), toInt(g['b']), options.dayMonthOrder)
      return order && { year: toInt(g['year']), month: order.month, day: order.day }
    },
  },
  // Day first: 9 Feb 2025, 9th February 2025, Tuesday 17 June 2025, 9th of Feb, 9-Feb-2025.
  {
    source:
      `${WORD_START}${WEEKDAY_PREFIX}(?<day>\\d{1,2})${ORDINAL}?(?:\\s{1,3}of)?(?:\\s{1,3}|-)` +
      `(?<month>${MONTH})\\.?(?!\\p{L})${YEAR_TAIL}`,
    read: readNamed,
  },
  // Month first: Feb 9, 2025, February 9th, 2025, Thursday, March 6, 2025, May 31.
  {
    source:
      `${WORD_START}${WEEKDAY_PREFIX}(?<month>${MONTH})\\.?(?:\\s{1,3}|-)` +
      `(?<day>\\d{1,2})${ORDINAL}?(?![\\p{L}\\p{N}]|[:.]\\p{N})${YEAR_TAIL}`,
    read: readNamed,
  },
]

const patterns: DatePattern[] = definitions.map(({ source, read }) => ({
  ...scannerPair(source, 'iu'),
  read,
}))

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** Guards every parsed date: text like 2025-02-30 or 13/13/2025 is a typo, not a date. */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false
  if (month < 1 || month > 12 || day < 1) return false
  const days = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0)
  return day <= days
}

function toToken(pattern: DatePattern, match: RegExpExecArray, options: DateOptions) {
  const parts = pattern.read(match.groups ?? {}, options)
  if (!parts) return null
  // Without a year, check the day against the reference year, or a leap year so 29 Feb survives.
  if (!isValidDate(parts.year ?? options.referenceYear ?? 2000, parts.month, parts.day)) return null
  // Explicit fields, not a spread: spreading here made a 1 MB hostile line five times slower.
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    index: match.index,
    length: match[0].length,
  }
}

function tokensIn(text: string, options: DateOptions): DateToken[] {
  const tokens: DateToken[] = []
  for (const pattern of patterns) {
    const regex = pattern.global
    regex.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = regex.exec(text)) !== null) {
      const token = toToken(pattern, match, options)
      if (token) tokens.push(token)
      // A rejected match may hide a valid one starting one character later.
      else regex.lastIndex = match.index + 1
    }
  }
  return pickNonOverlapping(tokens)
}

/**
 * The date written exactly at `index`, year possibly missing. Used by the timestamp parser, which
 * must know a date is there even when it cannot place it in a year.
 */
export function matchDateAt(
  text: string,
  index: number,
  options: DateOptions = {},
): DateToken | null {
  return longest(
    patterns.map((pattern) => {
      pattern.sticky.lastIndex = index
      const match = pattern.sticky.exec(text)
      return match && toToken(pattern, match, options)
    }),
  )
}

/**
 * Every date in `text`, left to right and non-overlapping. Dates without a written year take
 * `referenceYear` (normally the incident's year); without one they are left out rather than given a
 * made-up year.
 */
export function findDates(text: string, options: DateOptions = {}): DateMatch[] {
  const { referenceYear } = options
  const found: DateMatch[] = []
  for (const token of tokensIn(text, options)) {
    const year = token.year ?? referenceYear
    if (year === undefined) continue
    found.push({
      date: { year, month: token.month, day: token.day },
      index: token.index,
      length: token.length,
      hasYear: token.year !== null,
    })
  }
  return found
}

/** Reads a value such as "Date: Tuesday 17 June 2025" without caring where the date sits. */
export function parseCalendarDate(text: string, options: DateOptions = {}): CalendarDate | null {
  return findDates(text, options)[0]?.date ?? null
}

/**
 * Days since 1970-01-01 (negative before), so dates can be compared and subtracted as integers.
 * Proleptic Gregorian arithmetic (Hinnant's days_from_civil); no Date, so no time-zone surprises.
 */
export function dayNumber(date: CalendarDate): number {
  const year = date.month <= 2 ? date.year - 1 : date.year
  const era = Math.floor(year / 400)
  const yearOfEra = year - era * 400
  const monthIndex = (date.month + 9) % 12
  const dayOfYear = Math.floor((153 * monthIndex + 2) / 5) + date.day - 1
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

/** Inverse of {@link dayNumber}, for date arithmetic that crosses month and year ends. */
export function fromDayNumber(days: number): CalendarDate {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  )
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return { year, month, day }
}

/** Moves a date by whole days, e.g. to the next day when a timeline passes midnight. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days)
}

/** Sort comparator: negative when `a` is earlier, 0 when equal, positive when later. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day
}

/** ISO form for messages and stable keys, independent of locale. */
export function formatDate(date: CalendarDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0')
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`
}
