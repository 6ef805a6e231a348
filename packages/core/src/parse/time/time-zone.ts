/**
 * Time zones a timeline may state: names and abbreviations from data/time-zones.yml, numeric
 * offsets (UTC+2, +02:00 after an ISO time) and IANA names (Europe/Berlin).
 */
import TimeZones from '../../data/time-zones.generated.js'
import { pickNonOverlapping, scannerPair, wordAlternation } from './patterns.js'

export interface ZoneMatch {
  /** Canonical id from the data ("PT"), "UTC+02:00" for an offset, or the IANA name as written. */
  zone: string
  /** The zone as written. */
  raw: string
  index: number
  length: number
  /** Offset from UTC, or null where it depends on the date (PT, ET) or on the IANA database. */
  offsetMinutes: number | null
}

interface ZoneInfo {
  id: string
  offsetMinutes: number | null
}

const normalise = (name: string) => name.toLowerCase().replace(/\s+/g, ' ')

const zoneByName = new Map<string, ZoneInfo>()
const zoneBySuffix = new Map<string, ZoneInfo>()
const offsetBases: string[] = []
for (const zone of TimeZones.zones) {
  const info: ZoneInfo = { id: zone.id, offsetMinutes: zone.offsetMinutes }
  for (const name of zone.names) {
    // A one-letter name (Z) is a military/ISO suffix: as a word it is just a letter.
    if (name.length === 1) zoneBySuffix.set(name.toUpperCase(), info)
    else zoneByName.set(normalise(name), info)
    // The UTC abbreviations are the bases numeric offsets hang on: UTC+2, GMT-07:00.
    if (zone.offsetMinutes === 0 && zone.id === 'UTC' && /^[a-z]{3}$/.test(name)) {
      offsetBases.push(name.toUpperCase())
    }
  }
}

const SUFFIX = `[${[...zoneBySuffix.keys()].join('')}]`
const SIGN_CHAR = '[+\\-\u2212]'
const SIGN = `(?<sign>${SIGN_CHAR})`
const ISO_TIME_BEFORE =
  '(?:T\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?|\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?)'

type Reader = (groups: Record<string, string | undefined>, raw: string) => ZoneInfo | null

interface ZonePattern {
  global: RegExp
  sticky: RegExp
  read: Reader
}

/**
 * Real offsets stay within ±14:00 in quarter hours; anything else ("UTC-10:10") is more likely a
 * zone followed by a range than an offset.
 */
function offsetZone(sign: string | undefined, hours: number, minutes: number): ZoneInfo | null {
  if (!(hours <= 14 && minutes <= 59 && minutes % 15 === 0)) return null
  const total = (sign === '+' ? 1 : -1) * (hours * 60 + minutes)
  if (total === 0) return { id: 'UTC', offsetMinutes: 0 }
  const pad = (value: number) => String(value).padStart(2, '0')
  return { id: `UTC${total > 0 ? '+' : '-'}${pad(hours)}:${pad(minutes)}`, offsetMinutes: total }
}

/**
 * Abbreviations must be written in capitals so that words like "et", "ist", "wet" or "est" in
 * prose do not become zones; a four-letter-or-longer one may also be capitalised ("Zulu"). Names
 * of several words ("Pacific Time") are unambiguous in any case.
 */
function caseAllowed(raw: string): boolean {
  if (/\s/.test(raw)) return true
  if (raw === raw.toUpperCase()) return true
  return /^\p{Lu}\p{Ll}{3,}$/u.test(raw)
}

const canonicalZones = new Set<string>(
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [],
)
const ianaMemo = new Map<string, boolean>()
const IANA_MEMO_LIMIT = 512
// Validating an unknown IANA-looking name costs a thrown RangeError; a hostile document full of
// "Foo/Bar" tokens must not turn that into seconds. Past this many fresh checks per call, unknown
// names are rejected.
const IANA_CHECKS_PER_CALL = 16
let ianaBudget = IANA_CHECKS_PER_CALL

/** Accepts canonical names at once and aliases (Asia/Kolkata, US/Pacific) the runtime knows. */
function isIanaZone(name: string): boolean {
  if (canonicalZones.has(name)) return true
  const known = ianaMemo.get(name)
  if (known !== undefined) return known
  if (ianaBudget <= 0) return false
  ianaBudget--
  let valid: boolean
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    valid = true
  } catch {
    valid = false
  }
  if (ianaMemo.size < IANA_MEMO_LIMIT) ianaMemo.set(name, valid)
  return valid
}

const definitions: { source: string; flags: string; read: Reader }[] = [
  // Names and abbreviations from the data, as whole words (digits may touch: "10:05UTC"). Not
  // when a short offset follows: "GMT+15" is an invalid offset, not GMT. A following "-10:10" is
  // left alone, since "10:05 UTC-10:10 UTC" is a range.
  {
    source:
      `(?<![\\p{L}_])${wordAlternation([...zoneByName.keys()])}` +
      `(?![\\p{L}\\p{N}_]|\\s?${SIGN_CHAR}\\d{1,2}(?![\\p{N}:]))`,
    flags: 'iu',
    read: (_, raw) => (caseAllowed(raw) ? (zoneByName.get(normalise(raw)) ?? null) : null),
  },
  // UTC+2, UTC+02:00, GMT-7, UTC +0530.
  {
    source:
      `(?<![\\p{L}\\p{N}_])${wordAlternation(offsetBases)}\\s?${SIGN}` +
      '(?:(?<hh>\\d{2}):?(?<mm>\\d{2})|(?<h>\\d{1,2})(?::(?<m>\\d{2}))?)(?!\\p{N}|:\\p{N})',
    flags: 'u',
    read: (g) =>
      offsetZone(
        g['sign'],
        Number.parseInt(g['hh'] ?? g['h'] ?? '', 10),
        Number.parseInt(g['mm'] ?? g['m'] ?? '0', 10),
      ),
  },
  // +02:00, -0700, +05 right after an ISO time. A time with neither T nor seconds is excluded, as
  // is a trailing colon: "10:05-10:10" and "10:05:00-10:10:00" are ranges.
  {
    source:
      `${SIGN}(?<=${ISO_TIME_BEFORE}${SIGN_CHAR})` +
      '(?<hh>\\d{2})(?::?(?<mm>\\d{2}))?(?![\\p{N}:])',
    flags: 'u',
    read: (g) =>
      offsetZone(
        g['sign'],
        Number.parseInt(g['hh'] ?? '', 10),
        Number.parseInt(g['mm'] ?? '0', 10),
      ),
  },
  // Z right after a time: 10:05Z, 2025-02-09T10:05:00Z, 10:05:00.123Z.
  {
    source:
      `${SUFFIX}(?<=\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?${SUFFIX})` + '(?![\\p{L}\\p{N}_])',
    flags: 'u',
    read: (_, raw) => zoneBySuffix.get(raw) ?? null,
  },
  // IANA names: Europe/Berlin, America/Argentina/Buenos_Aires, Etc/GMT+5, US/Pacific.
  {
    source:
      '(?<![\\p{L}\\p{N}_/])\\p{Lu}[A-Za-z]{1,13}' +
      '(?:/[A-Z][A-Za-z0-9_+\\-]{0,29}){1,2}(?![\\p{L}\\p{N}_/])',
    flags: 'u',
    read: (_, raw) => (isIanaZone(raw) ? { id: raw, offsetMinutes: null } : null),
  },
]

const patterns: ZonePattern[] = definitions.map(({ source, flags, read }) => ({
  ...scannerPair(source, flags),
  read,
}))

function toMatch(pattern: ZonePattern, match: RegExpExecArray): ZoneMatch | null {
  const raw = match[0]
  const info = pattern.read(match.groups ?? {}, raw)
  if (!info) return null
  return {
    zone: info.id,
    raw,
    index: match.index,
    length: raw.length,
    offsetMinutes: info.offsetMinutes,
  }
}

/** The zone written exactly at `index`, for the timestamp parser. */
export function matchTimeZoneAt(text: string, index: number): ZoneMatch | null {
  ianaBudget = IANA_CHECKS_PER_CALL
  let best: ZoneMatch | null = null
  for (const pattern of patterns) {
    pattern.sticky.lastIndex = index
    const match = pattern.sticky.exec(text)
    const found = match && toMatch(pattern, match)
    if (found && (!best || found.length > best.length)) best = found
  }
  return best
}

/**
 * Every zone stated in `text`, left to right and non-overlapping ("PST/PDT" is one match, PT).
 * Used on timeline headings and intro sentences such as "All times are in Pacific Time (UTC-7)".
 */
export function findTimeZones(text: string): ZoneMatch[] {
  ianaBudget = IANA_CHECKS_PER_CALL
  const found: ZoneMatch[] = []
  for (const pattern of patterns) {
    const regex = pattern.global
    regex.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = regex.exec(text)) !== null) {
      const zone = toMatch(pattern, match)
      if (zone) found.push(zone)
      else regex.lastIndex = match.index + 1
    }
  }
  return pickNonOverlapping(found)
}

/** The first zone stated in `text`, e.g. in a "Time (UTC)" column header. */
export function findTimeZone(text: string): ZoneMatch | null {
  return findTimeZones(text)[0] ?? null
}
