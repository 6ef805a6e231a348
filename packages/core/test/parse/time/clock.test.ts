import { describe, it, expect } from 'vitest'
import { findClockTime } from '../../../src/parse/time/index.js'

const t = (hour: number, minute: number, second: number | null = null) => ({ hour, minute, second })

describe('findClockTime: formats', () => {
  it.each([
    ['10:05', t(10, 5)],
    ['4:19', t(4, 19)],
    ['00:00', t(0, 0)],
    ['23:59', t(23, 59)],
    ['10:05:30', t(10, 5, 30)],
    ['10:05:30.250', t(10, 5, 30)],
    ['08:52 PM', t(20, 52)],
    ['8:52pm', t(20, 52)],
    ['8:52 a.m.', t(8, 52)],
    ['8:52 A.M. sharp', t(8, 52)],
    ['8 PM', t(20, 0)],
    ['11am', t(11, 0)],
    ['12:15 AM', t(0, 15)],
    ['12:15 PM', t(12, 15)],
    ['12 am', t(0, 0)],
    ['13:00 PM', t(13, 0)],
    ['T10:05:00Z', t(10, 5, 0)],
    ['T10:05:00.123+02:00', t(10, 5, 0)],
    ['2025-02-09T10:05', t(10, 5)],
    ['~10:05', t(10, 5)],
    ['[23:55]', t(23, 55)],
    ['10:05-10:10', t(10, 5)],
  ])('%s', (text, time) => {
    expect(findClockTime(text)?.time).toEqual(time)
  })

  it('reports the position of the hour digits', () => {
    expect(findClockTime('at 10:05 UTC')).toEqual({ time: t(10, 5), meridiem: null, index: 3, length: 5 })
    expect(findClockTime('around 8:52 p.m. the')).toEqual({ time: t(20, 52), meridiem: 'p', index: 7, length: 9 })
    expect(findClockTime('2025-02-09T10:05:00Z')).toEqual({
      time: t(10, 5, 0),
      meridiem: null,
      index: 11,
      length: 8,
    })
  })

  it('skips an impossible time to find a later one', () => {
    expect(findClockTime('25:00 then 10:06')).toEqual({ time: t(10, 6), meridiem: null, index: 11, length: 5 })
  })

  it('keeps a 24-hour time when a following word only starts with am/pm', () => {
    expect(findClockTime('10:05 amended')).toEqual({ time: t(10, 5), meridiem: null, index: 0, length: 5 })
  })
})

describe('findClockTime: not times', () => {
  it.each([
    '25:00',
    '24:00',
    '10:61',
    '10:05:61',
    '3:1',
    '16:9 aspect ratio',
    '1005',
    '10.05',
    'v2.3.0',
    'v1:20',
    '10.0.0.1:8080',
    'host:8080',
    '12:34:56:78',
    '555-123-4567',
    '3 minutes',
    '13 AM',
    '0 PM',
    'I am here',
    '2025-02-09',
    'T+5m',
  ])('%s', (text) => {
    expect(findClockTime(text)).toBeNull()
  })
})
