/**
 * The timestamp that opens a timeline entry (table cell, list item, paragraph or heading): a date,
 * a time, or both, with an optional zone and range end. Only the start of the text counts, so a
 * time mentioned later in the event text ("rolled back the 10:05 deploy") is never taken for it.
 */
import type { CalendarDate, ClockTime } from '../../model/types.js'
import { isValidDate, matchDateAt, resolveDayMonth, type DateOptions, type DateToken } from './calendar.js'
import { matchClockAt, type ClockMatch } from './clock.js'
import { matchTimeZoneAt, type ZoneMatch } from './time-zone.js'

export interface Timestamp {
  /** The timestamp as written, without leading brackets or words such as "approx.". */
  raw: string
  index: number
  length: number
  /**
   * Null when no date is written, when it has no year and no `referenceYear` was given, or when
   * its day/month order is ambiguous (02/09/2025 10:05).
   */
  date: CalendarDate | null
  /** Whether a date is written at all (even one that could not be placed in a year). */
  statesDate: boolean
  time: ClockTime | null
  /** End of a range such as "10:05–10:10"; the start is `time`. */
  endTime: ClockTime | null
  zone: ZoneMatch | null
  /**
   * A time relative to the start of the incident ("T+0:26", "T+5m", phase "T3"): `time` then
   * holds the offset (hours may pass 23 or go below 0), which orders entries but names no clock.
   */
  relative: boolean
}

export type TimestampOptions = DateOptions

export interface SplitTimestamp {
  timestamp: Timestamp
  /** The event text after the timestamp and its separator. */
  rest: string
  restIndex: number
}

const OPENERS = new Set(['[', '(', '{', '<', '~', '\u2248'])
// Hedges that may precede the time: "~10:05", "approx. 10:05", "around 10:05", "at 10:05".
const HEDGE = /(?:approximately|approx\.?|around|about|circa|ca\.|at)(?=[\s~\d])/iy
const DATE_TIME_GLUE = /\s{0,3}(?:,|@|at(?=\s)|[-\u2013\u2014])?\s{0,3}/iy
const RANGE_GLUE =
  /(?:\s{0,3}(?:->|[-\u2013\u2014\u2192])\s{0,3}|\s{1,3}(?:to|until|till)\s{1,3})/iy
const ZONE_GLUE = /\s{0,3}(\()?/y
const ZONE_CLOSE = /\s?\)/y
// "14:00 UTC / 15:00 CET", "1:42 PM ET (10:42 PT)": the same moment in a second zone.
const SECOND_ZONE_GLUE = /\s{0,3}(?:\/|\||\(|=)\s{0,3}/y
const TIME_DATE_GLUE = /,?\s{1,3}(?:on\s{1,3})?/iy
// What may sit between the timestamp and the event text: closing brackets, then one separator.
const EVENT_GLUE = /[\s\])}>]{0,8}(?:--|[\u2014\u2013\-:|,;\u2192])?\s*/y
// Numeric dates with an unknowable day/month order (02/09/2025) or a two-digit year (02/09/25).
// Followed by a time they still open a timestamp: the date is stated, but not guessed.
const UNREADABLE_DATE = /\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})(?!\d)/y
// "[12-05 16:21]": month and day without a year, ISO order, only when a time follows.
const MONTH_DAY = /(\d{1,2})-(\d{1,2})(?=\s{1,3}\d{1,2}:\d{2})/y
// "14/03 16:20", "31/10 19:32": day and month without a year, before a time. Read when the order
// is plain (a part above 12 is the day); otherwise the date is stated but not guessed.
const SLASHED_DAY_MONTH = /(\d{1,2})[/.](\d{1,2})(?=,?\s{1,3}\d{1,2}(?::\d{2}|\s?[ap]\.?m))/iy
// What may follow a timestamp that is the whole text. Tested a character at a time: a sticky
// /[...]*$/ was linear where it ran, but is quadratic as a pattern, and every pattern must pass
// the ReDoS check.
const TRAILER = /[\s\])}>:.,]/

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x202f
}

/** Skips whitespace, opening brackets, `~` and hedging words at the start of an entry. */
function skipLead(text: string): number {
  let index = 0
  for (;;) {
    const start = index
    while (index < text.length && isSpace(text.charCodeAt(index))) index++
    if (OPENERS.has(text.charAt(index))) index++
    HEDGE.lastIndex = index
    if (HEDGE.test(text)) index = HEDGE.lastIndex
    if (index === start) return index
  }
}

/** Runs a sticky regex at `index` and returns where it ends, or null. */
function stickyEnd(regex: RegExp, text: string, index: number): number | null {
  regex.lastIndex = index
  return regex.test(text) ? regex.lastIndex : null
}

/** A zone after `index`, either bare ("10:05 UTC", "10:05Z") or in parentheses ("10:05 (PST)"). */
function zoneAfter(text: string, index: number): { zone: ZoneMatch; end: number } | null {
  ZONE_GLUE.lastIndex = index
  const glue = ZONE_GLUE.exec(text)
  if (!glue) return null
  const zone = matchTimeZoneAt(text, ZONE_GLUE.lastIndex)
  if (!zone) return null
  let end = zone.index + zone.length
  if (glue[1] !== undefined) {
    const close = stickyEnd(ZONE_CLOSE, text, end)
    if (close === null) return null
    end = close
  }
  return { zone, end }
}

function clockAfter(glue: RegExp, text: string, index: number): ClockMatch | null {
  const start = stickyEnd(glue, text, index)
  return start === null ? null : matchClockAt(text, start)
}

function dateAfter(
  glue: RegExp,
  text: string,
  index: number,
  options: DateOptions,
): DateToken | null {
  const start = stickyEnd(glue, text, index)
  return start === null ? null : matchDateAt(text, start, options)
}

function toDate(token: DateToken | null, options: DateOptions): CalendarDate | null {
  if (!token) return null
  const year = token.year ?? options.referenceYear
  return year === undefined ? null : { year, month: token.month, day: token.day }
}

/**
 * Parses the timestamp at the start of `text`, or returns null when the text does not open with
 * one (relative times like "T+5m" included: they need a reference point the parser lacks).
 */
export function parseTimestamp(text: string, options: TimestampOptions = {}): Timestamp | null {
  const start = skipLead(text)
  const relative = matchRelativeAt(text, start)
  if (relative) return relative
  let end = start
  let dateToken = matchDateAt(text, start, options)
  let statesDate = dateToken !== null
  let time: ClockMatch | null = null
  if (dateToken) {
    end = dateToken.index + dateToken.length
    time = clockAfter(DATE_TIME_GLUE, text, end)
  } else {
    time = matchClockAt(text, start)
    MONTH_DAY.lastIndex = start
    const monthDay = time ? null : MONTH_DAY.exec(text)
    if (monthDay && isValidDate(2000, Number(monthDay[1]), Number(monthDay[2]))) {
      dateToken = { index: start, length: monthDay[0].length, year: null, month: Number(monthDay[1]), day: Number(monthDay[2]) }
      statesDate = true
      time = clockAfter(DATE_TIME_GLUE, text, start + monthDay[0].length)
    }
    SLASHED_DAY_MONTH.lastIndex = start
    const slashed = time ? null : SLASHED_DAY_MONTH.exec(text)
    if (slashed) {
      const [first, second] = [Number(slashed[1]), Number(slashed[2])]
      // Read one way only when only one way can be right ("03/14"), or the document settled it.
      const resolved = resolveDayMonth(first, second, options.dayMonthOrder)
      const order = resolved && isValidDate(2000, resolved.month, resolved.day) ? resolved : null
      time = clockAfter(DATE_TIME_GLUE, text, start + slashed[0].length)
      if (time) {
        statesDate = true
        dateToken = order ? { index: start, length: slashed[0].length, year: null, ...order } : null
      }
    }
    if (!time) {
      const unreadable = stickyEnd(UNREADABLE_DATE, text, start)
      time = unreadable === null ? null : clockAfter(DATE_TIME_GLUE, text, unreadable)
      if (!time) return null
      statesDate = true
    }
  }
  let zone: ZoneMatch | null = null
  let endTime: ClockMatch | null = null
  if (time) {
    end = time.index + time.length
    const zoneHere = zoneAfter(text, end)
    if (zoneHere) ({ zone, end } = zoneHere)
    endTime = clockAfter(RANGE_GLUE, text, end)
    if (endTime) {
      end = endTime.index + endTime.length
      // "3:25-4:09 PM": the suffix written once covers the start of the range too.
      if (time.meridiem === null && endTime.meridiem === 'p' && time.time.hour < 12 && time.time.hour + 12 <= endTime.time.hour) {
        time = { ...time, time: { ...time.time, hour: time.time.hour + 12 } }
      }
      const zoneAtEnd = zone ? null : zoneAfter(text, end)
      if (zoneAtEnd) ({ zone, end } = zoneAtEnd)
    }
    if (zone) {
      const second = clockAfter(SECOND_ZONE_GLUE, text, end)
      const secondZone = second ? zoneAfter(text, second.index + second.length) : null
      if (second && secondZone) {
        end = secondZone.end
        const close = text[end] === ')' && text.lastIndexOf('(', end) > time.index ? end + 1 : end
        end = close
      }
    }
    // "10:05 UTC, 2025-02-09": a date after the time counts only with its year written, so that
    // "10:05 May 3 engineers..." stays an event.
    if (!statesDate) {
      const later = dateAfter(TIME_DATE_GLUE, text, end, options)
      if (later && later.year !== null) {
        dateToken = later
        statesDate = true
        end = later.index + later.length
      }
    }
  }
  return {
    raw: text.slice(start, end),
    index: start,
    length: end - start,
    date: toDate(dateToken, options),
    statesDate,
    time: time?.time ?? null,
    endTime: endTime?.time ?? null,
    zone,
    relative: false,
  }
}

// "T+0:26", "T-0:15", "T + 1:30": hours and minutes from the start of the incident.
const RELATIVE_CLOCK = /T\s{0,2}([+\-\u2212])\s{0,2}(\d{1,3}):(\d{2})(?![\d:])/y
// "T+5m", "T+90 min", "T+2h", "T+1h30m", "T+2d".
const RELATIVE_UNITS = /T\s{0,2}([+\-\u2212])\s{0,2}(?:(\d{1,3})\s{0,2}d(?:ays?)?)?\s{0,2}(?:(\d{1,3})\s{0,2}h(?:rs?|ours?)?)?\s{0,2}(?:(\d{1,4})\s{0,2}m(?:ins?|inutes?)?)?(?![\p{L}\d])/uy
// "T0", "T3": phases numbered from the start; "T-0" the moment before. Without a sign a separator
// must follow, so that "T4 instances" stays an instance type.
const PHASE = /T(?:([+\-\u2212])(\d{1,2})(?![\d:.])|()(\d{1,2})(?=\s{0,3}(?:[:\-\u2013\u2014|)\]](?!\d)|$)))/uy

/** A relative timestamp at `index`, or null. */
function matchRelativeAt(text: string, index: number): Timestamp | null {
  const found = relativeOffset(text, index)
  if (!found) return null
  const { minutes, end } = found
  const hour = Math.floor(minutes / 60)
  return {
    raw: text.slice(index, end),
    index,
    length: end - index,
    date: null,
    statesDate: false,
    time: { hour, minute: minutes - hour * 60, second: null },
    endTime: null,
    zone: null,
    relative: true,
  }
}

function relativeOffset(text: string, index: number): { minutes: number; end: number } | null {
  if (text[index] !== 'T') return null
  RELATIVE_CLOCK.lastIndex = index
  const clock = RELATIVE_CLOCK.exec(text)
  if (clock) {
    const sign = clock[1] === '+' ? 1 : -1
    return { minutes: sign * (Number(clock[2]) * 60 + Number(clock[3])), end: RELATIVE_CLOCK.lastIndex }
  }
  RELATIVE_UNITS.lastIndex = index
  const units = RELATIVE_UNITS.exec(text)
  if (units && (units[2] || units[3] || units[4])) {
    const sign = units[1] === '+' ? 1 : -1
    const minutes = Number(units[2] ?? 0) * 1440 + Number(units[3] ?? 0) * 60 + Number(units[4] ?? 0)
    return { minutes: sign * minutes, end: RELATIVE_UNITS.lastIndex }
  }
  PHASE.lastIndex = index
  const phase = PHASE.exec(text)
  // "T+0 power cut" has its sign; a bare "T3" needs a separator after it ("T3 -", "T3:").
  if (phase) return { minutes: (phase[1] === '-' || phase[1] === '\u2212' ? -1 : 1) * Number(phase[2] ?? phase[4]) * 60, end: PHASE.lastIndex }
  return null
}

/**
 * Separates a list item or paragraph such as "10:05 UTC — alert fired" into its timestamp and
 * event text. The separator (dash, colon, pipe, comma) belongs to neither.
 */
export function splitLeadingTimestamp(
  text: string,
  options: TimestampOptions = {},
): SplitTimestamp | null {
  const timestamp = parseTimestamp(text, options)
  if (!timestamp) return null
  const restIndex = stickyEnd(EVENT_GLUE, text, timestamp.index + timestamp.length) ?? text.length
  return { timestamp, rest: text.slice(restIndex).trimEnd(), restIndex }
}

/**
 * Whether the whole text is a timestamp, as in a time column cell or a time sub-heading
 * ("### 4:27", "### 2018-01-18 4:19"), so callers can recognise those by content.
 */
export function looksLikeTimestamp(text: string): boolean {
  const timestamp = parseTimestamp(text)
  if (!timestamp) return false
  for (let index = timestamp.index + timestamp.length; index < text.length; index++) {
    if (!TRAILER.test(text[index]!)) return false
  }
  return true
}
