/**
 * Times of day: 24-hour and 12-hour clocks and the time part of ISO 8601 timestamps. Minutes must
 * have two digits, which is what separates a time ("4:19") from a ratio ("3:1").
 */
import type { ClockTime } from '../../model/types.js'
import { longest, scannerPair } from './patterns.js'

export interface ClockMatch {
  time: ClockTime
  /** The a.m./p.m. suffix written on the time, if any. */
  meridiem: 'a' | 'p' | null
  /** Index of the hour digits (an ISO `T` before them is not part of the match). */
  index: number
  length: number
}

// Not inside a word, a number, a version (v2.3:...), a port (host:8080) or an offset (+02:00).
const START = '(?<![\\p{L}\\p{N}_.:+])'
const FRACTION = '(?:[.,]\\d{1,9})?'
// "a.m.", "am", "PM": the suffix must end the word, so "10:05 amended" keeps no suffix.
const MERIDIEM = '(?<ap>[ap])\\.?m\\.?(?![\\p{L}\\p{N}])'

interface ClockPattern {
  global: RegExp
  sticky: RegExp
  /** Characters before the hour digits that belong to the match but not to the time (the ISO T). */
  lead: number
}

const definitions: { source: string; flags: string; lead: number }[] = [
  // ISO 8601 time part: T10:05, T10:05:00, T10:05:00.123 (offset and Z are time-zone matters).
  {
    source: `(?<![\\p{L}_])T(?<h>\\d{2}):(?<m>\\d{2})(?::(?<s>\\d{2})${FRACTION})?(?!\\p{N})`,
    flags: 'u',
    lead: 1,
  },
  // 10:05, 4:19, 10:05:30, 08:52 PM, 8:52pm, 8:52 a.m.
  {
    source:
      `${START}(?<h>\\d{1,2}):(?<m>\\d{2})(?::(?<s>\\d{2})${FRACTION})?(?!\\p{N}|[:.]\\p{N})` +
      `(?:\\s{0,2}${MERIDIEM})?`,
    flags: 'iu',
    lead: 0,
  },
  // Hour only, which needs the suffix to be a time at all: 8 PM, 8pm, 11 a.m.
  { source: `${START}(?<h>\\d{1,2})\\s{0,2}${MERIDIEM}`, flags: 'iu', lead: 0 },
]

const patterns: ClockPattern[] = definitions.map(({ source, flags, lead }) => ({
  ...scannerPair(source, flags),
  lead,
}))

/**
 * Turns captured parts into a time, or null for impossible values (25:00, 10:61, 13 AM). A PM
 * suffix on a 24-hour time ("13:00 PM") is redundant rather than wrong, so it is tolerated.
 */
function toTime(groups: Record<string, string | undefined>): ClockTime | null {
  let hour = Number.parseInt(groups['h'] ?? '', 10)
  const minute = groups['m'] === undefined ? 0 : Number.parseInt(groups['m'], 10)
  const second = groups['s'] === undefined ? null : Number.parseInt(groups['s'], 10)
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)) return null
  if (second !== null && !(second >= 0 && second <= 59)) return null
  const meridiem = groups['ap']?.toLowerCase()
  if (meridiem === 'a') {
    if (hour > 12) return null
    if (hour === 12) hour = 0
  } else if (meridiem === 'p') {
    if (hour === 0) return null
    if (hour < 12) hour += 12
  }
  return { hour, minute, second }
}

function toMatch(pattern: ClockPattern, match: RegExpExecArray): ClockMatch | null {
  const time = toTime(match.groups ?? {})
  if (!time) return null
  const meridiem = match.groups?.['ap']?.toLowerCase()
  return { time, meridiem: meridiem === 'a' || meridiem === 'p' ? meridiem : null, index: match.index + pattern.lead, length: match[0].length - pattern.lead }
}

/**
 * The time written exactly at `index` (an ISO `T` may sit there), for the timestamp parser that
 * walks a timeline entry piece by piece.
 */
export function matchClockAt(text: string, index: number): ClockMatch | null {
  return longest(
    patterns.map((pattern) => {
      pattern.sticky.lastIndex = index
      const match = pattern.sticky.exec(text)
      return match && toMatch(pattern, match)
    }),
  )
}

/**
 * The first time of day in `text`. Four-digit forms ("1005") and dotted forms ("10.05") are not
 * read: in prose they are far more often counts, years and version numbers than times.
 */
export function findClockTime(text: string): ClockMatch | null {
  let best: ClockMatch | null = null
  for (const pattern of patterns) {
    const regex = pattern.global
    regex.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = regex.exec(text)) !== null) {
      if (best && match.index > best.index) break
      const found = toMatch(pattern, match)
      if (found) {
        if (
          !best ||
          found.index < best.index ||
          (found.index === best.index && found.length > best.length)
        ) {
          best = found
        }
        break
      }
      regex.lastIndex = match.index + 1
    }
  }
  return best
}
