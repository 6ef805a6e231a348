import { describe, it, expect } from 'vitest'
import {
  addDays,
  compareDates,
  dayNumber,
  findDates,
  formatDate,
  fromDayNumber,
  isValidDate,
  parseCalendarDate,
} from '../../../src/parse/time/index.js'

const d = (year: number, month: number, day: number) => ({ year, month, day })

describe('findDates: formats with a year', () => {
  it.each([
    ['2025-02-09', d(2025, 2, 9)],
    ['2025-02-09T10:05:00Z', d(2025, 2, 9)],
    ['2025-02-09 10:05', d(2025, 2, 9)],
    ['2025/02/09', d(2025, 2, 9)],
    ['2025.02.09', d(2025, 2, 9)],
    ['9 Feb 2025', d(2025, 2, 9)],
    ['9 Feb. 2025', d(2025, 2, 9)],
    ['9-Feb-2025', d(2025, 2, 9)],
    ['9th February 2025', d(2025, 2, 9)],
    ['9th of February, 2025', d(2025, 2, 9)],
    ['Feb 9, 2025', d(2025, 2, 9)],
    ['Feb 9 2025', d(2025, 2, 9)],
    ['Sept. 3, 2024', d(2024, 9, 3)],
    ['February 9th, 2025', d(2025, 2, 9)],
    ['Tuesday 17 June 2025', d(2025, 6, 17)],
    ['Thursday, March 6, 2025', d(2025, 3, 6)],
    ['May 30th, 2019', d(2019, 5, 30)],
    ['may 30, 2019', d(2019, 5, 30)],
    ['09.02.2025', d(2025, 2, 9)],
    ['25/12/2024', d(2024, 12, 25)],
    ['12/25/2024', d(2024, 12, 25)],
    ['05/05/2025', d(2025, 5, 5)],
    ['2024-02-29', d(2024, 2, 29)],
  ])('%s', (text, date) => {
    const [match] = findDates(text)
    expect(match?.date).toEqual(date)
    expect(match?.hasYear).toBe(true)
  })

  it('covers the weekday in the span', () => {
    expect(findDates('On Thursday, March 6, 2025 we')).toEqual([
      { date: d(2025, 3, 6), index: 3, length: 23, hasYear: true },
    ])
  })

  it('reports positions of several dates, left to right', () => {
    const text = 'From 2025-02-09 to Feb 11, 2025 (and 12.02.2025).'
    expect(findDates(text).map((m) => [m.index, m.length, formatDate(m.date)])).toEqual([
      [5, 10, '2025-02-09'],
      [19, 12, '2025-02-11'],
      [37, 10, '2025-02-12'],
    ])
  })
})

describe('findDates: dates without a year', () => {
  it('takes the reference year', () => {
    expect(findDates('Feb 9', { referenceYear: 2025 })).toEqual([
      { date: d(2025, 2, 9), index: 0, length: 5, hasYear: false },
    ])
    expect(findDates('on 9 Feb we', { referenceYear: 2024 })).toEqual([
      { date: d(2024, 2, 9), index: 3, length: 5, hasYear: false },
    ])
    expect(parseCalendarDate('May 31', { referenceYear: 2019 })).toEqual(d(2019, 5, 31))
  })

  it('is left out without a reference year', () => {
    expect(findDates('Feb 9')).toEqual([])
    expect(findDates('Feb 9 and 2025-03-01').map((m) => m.date)).toEqual([d(2025, 3, 1)])
  })

  it('checks the day against the reference year', () => {
    expect(findDates('Feb 29', { referenceYear: 2025 })).toEqual([])
    expect(findDates('Feb 29', { referenceYear: 2024 })).toHaveLength(1)
  })

  it('does not take a following time for a year', () => {
    expect(findDates('Feb 9, 10:05', { referenceYear: 2025 })).toEqual([
      { date: d(2025, 2, 9), index: 0, length: 5, hasYear: false },
    ])
  })
})

describe('findDates: not dates', () => {
  it.each([
    '10:05',
    'v2.3.0',
    'release 2.3.0 shipped',
    '3 minutes',
    '10.0.0.1',
    '192.168.1.254',
    'call +1 555-123-4567 or 555.123.4567',
    '12345678',
    '2025',
    'it may fail',
    'it may 3 times retry',
    'we march on',
    'May',
    'February 2025',
    'Dec 2024',
    '3:1',
    '2025-02-30',
    '2025-13-01',
    '2025-00-10',
    '32 Jan 2025',
    '02/09/2025',
    '13/13/2025',
    '12025-01-01',
    '2025-01-011',
    '1.2.3.2025',
    'Mar 10:05',
  ])('%s', (text) => {
    expect(findDates(text, { referenceYear: 2025 })).toEqual([])
  })

  it('parseCalendarDate returns null when there is no date', () => {
    expect(parseCalendarDate('no date here')).toBeNull()
  })
})

describe('date helpers', () => {
  it('dayNumber counts days since 1970-01-01', () => {
    expect(dayNumber(d(1970, 1, 1))).toBe(0)
    expect(dayNumber(d(1970, 1, 2))).toBe(1)
    expect(dayNumber(d(1969, 12, 31))).toBe(-1)
    expect(dayNumber(d(2000, 3, 1))).toBe(Date.UTC(2000, 2, 1) / 86_400_000)
    expect(dayNumber(d(2025, 2, 9))).toBe(Date.UTC(2025, 1, 9) / 86_400_000)
  })

  it('fromDayNumber inverts dayNumber', () => {
    for (let n = -800; n < 40_000; n += 37) {
      expect(dayNumber(fromDayNumber(n))).toBe(n)
    }
    expect(fromDayNumber(0)).toEqual(d(1970, 1, 1))
  })

  it('addDays crosses month, year and leap-day boundaries', () => {
    expect(addDays(d(2024, 2, 28), 1)).toEqual(d(2024, 2, 29))
    expect(addDays(d(2025, 2, 28), 1)).toEqual(d(2025, 3, 1))
    expect(addDays(d(2024, 12, 31), 1)).toEqual(d(2025, 1, 1))
    expect(addDays(d(2025, 1, 1), -1)).toEqual(d(2024, 12, 31))
  })

  it('compareDates orders dates', () => {
    expect(compareDates(d(2025, 2, 9), d(2025, 2, 10))).toBeLessThan(0)
    expect(compareDates(d(2025, 3, 1), d(2025, 2, 28))).toBeGreaterThan(0)
    expect(compareDates(d(2024, 12, 31), d(2025, 1, 1))).toBeLessThan(0)
    expect(compareDates(d(2025, 2, 9), d(2025, 2, 9))).toBe(0)
  })

  it('formatDate pads to YYYY-MM-DD', () => {
    expect(formatDate(d(2025, 2, 9))).toBe('2025-02-09')
    expect(formatDate(d(999, 12, 1))).toBe('0999-12-01')
  })

  it('isValidDate rejects impossible dates', () => {
    expect(isValidDate(2025, 2, 28)).toBe(true)
    expect(isValidDate(2025, 2, 29)).toBe(false)
    expect(isValidDate(2000, 2, 29)).toBe(true)
    expect(isValidDate(1900, 2, 29)).toBe(false)
    expect(isValidDate(2025, 4, 31)).toBe(false)
    expect(isValidDate(2025, 13, 1)).toBe(false)
    expect(isValidDate(2025, 0, 1)).toBe(false)
    expect(isValidDate(2025, 1, 0)).toBe(false)
    expect(isValidDate(2025, 1.5, 1)).toBe(false)
  })
})
