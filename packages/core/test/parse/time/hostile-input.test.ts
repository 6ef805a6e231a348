import { describe, it, expect } from 'vitest'
import {
  findClockTime,
  findDates,
  findTimeZones,
  looksLikeTimestamp,
  parseDurationMinutes,
  parseTimestamp,
  splitLeadingTimestamp,
} from '../../../src/parse/time/index.js'

// One-megabyte single lines shaped to provoke backtracking. These assert only that the parsers
// return; a super-linear regex would hang the test far past vitest's timeout.
const MB = 1 << 20
const line = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB)

const hostile = [
  line('1234:5678:'),
  line('12:3'),
  line('1:2:3:4:'),
  line('9'),
  line(' '),
  line('2025-02-'),
  line('1.2.'),
  line('12/12/'),
  line('May 3'),
  line('9 Feb '),
  line('Mon, '),
  line('UTC+'),
  line('Foo/Bar '),
  line('Europe/X '),
  line('a '),
  line('1 and a half '),
  line('1h '),
  line('10:05 - '),
  // Distinct IANA-looking names, each of which would cost a failed Intl lookup.
  Array.from({ length: 90_000 }, (_, i) => `Europe/X${i.toString(36)} `)
    .join('')
    .slice(0, MB),
]

describe('hostile input', () => {
  it.each(hostile.map((text) => [JSON.stringify(text.slice(0, 12)), text]))(
    'returns on a 1 MB line of %s',
    (_, text) => {
      expect(() => {
        findDates(text, { referenceYear: 2025 })
        findClockTime(text)
        findTimeZones(text)
        parseTimestamp(text)
        splitLeadingTimestamp(text)
        looksLikeTimestamp(text)
        parseDurationMinutes(text)
      }).not.toThrow()
    },
  )
})
