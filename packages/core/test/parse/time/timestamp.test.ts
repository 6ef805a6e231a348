import { describe, it, expect } from 'vitest'
import {
  looksLikeTimestamp,
  parseTimestamp,
  splitLeadingTimestamp,
} from '../../../src/parse/time/index.js'

const t = (hour: number, minute: number, second: number | null = null) => ({ hour, minute, second })
const d = (year: number, month: number, day: number) => ({ year, month, day })

/** The parts most tests care about. */
function parts(text: string, referenceYear?: number) {
  const stamp = parseTimestamp(text, referenceYear === undefined ? {} : { referenceYear })
  return (
    stamp && {
      raw: stamp.raw,
      date: stamp.date,
      time: stamp.time,
      endTime: stamp.endTime,
      zone: stamp.zone?.zone ?? null,
    }
  )
}

describe('parseTimestamp: formats', () => {
  it.each([
    ['10:05', '10:05', null, t(10, 5), null],
    ['10:05 UTC', '10:05 UTC', null, t(10, 5), 'UTC'],
    ['10:05 (UTC)', '10:05 (UTC)', null, t(10, 5), 'UTC'],
    ['2025-02-09 10:05 UTC', '2025-02-09 10:05 UTC', d(2025, 2, 9), t(10, 5), 'UTC'],
    ['2025-02-09T10:05:00Z', '2025-02-09T10:05:00Z', d(2025, 2, 9), t(10, 5, 0), 'UTC'],
    [
      '2025-02-09T10:05:00.123+02:00',
      '2025-02-09T10:05:00.123+02:00',
      d(2025, 2, 9),
      t(10, 5, 0),
      'UTC+02:00',
    ],
    ['Feb 9, 10:05', 'Feb 9, 10:05', d(2025, 2, 9), t(10, 5), null],
    ['Feb 9 10:05 PST', 'Feb 9 10:05 PST', d(2025, 2, 9), t(10, 5), 'PST'],
    ['9 Feb 2025, 10:05', '9 Feb 2025, 10:05', d(2025, 2, 9), t(10, 5), null],
    [
      'Tuesday 17 June 2025 at 14:30',
      'Tuesday 17 June 2025 at 14:30',
      d(2025, 6, 17),
      t(14, 30),
      null,
    ],
    ['08:52 PM', '08:52 PM', null, t(20, 52), null],
    ['8 PM PT', '8 PM PT', null, t(20, 0), 'PT'],
    ['[23:55]', '23:55', null, t(23, 55), null],
    ['10:09', '10:09', null, t(10, 9), null],
    ['~10:05', '10:05', null, t(10, 5), null],
    ['approx. 10:05', '10:05', null, t(10, 5), null],
    ['around 10:05', '10:05', null, t(10, 5), null],
    ['At 10:05 UTC', '10:05 UTC', null, t(10, 5), 'UTC'],
    ['2019-12-04 00:30', '2019-12-04 00:30', d(2019, 12, 4), t(0, 30), null],
    ['May 31', 'May 31', d(2025, 5, 31), null, null],
    ['2018-01-18 4:19', '2018-01-18 4:19', d(2018, 1, 18), t(4, 19), null],
    ['10:05 UTC, 2025-02-09', '10:05 UTC, 2025-02-09', d(2025, 2, 9), t(10, 5), 'UTC'],
  ])('%s', (text, raw, date, time, zone) => {
    expect(parts(text, 2025)).toEqual({ raw, date, time, endTime: null, zone })
  })

  it.each([
    ['10:05–10:10', t(10, 5), t(10, 10), null],
    ['8:20 - 8:24', t(8, 20), t(8, 24), null],
    ['10:05 to 10:10 UTC', t(10, 5), t(10, 10), 'UTC'],
    ['10:05 UTC - 10:10 UTC', t(10, 5), t(10, 10), 'UTC'],
    ['10:05:00-10:10:00', t(10, 5, 0), t(10, 10, 0), null],
  ])('range %s', (text, time, endTime, zone) => {
    expect(parts(text)).toMatchObject({ time, endTime, zone })
  })

  it('reports positions of the timestamp itself', () => {
    expect(parseTimestamp('  [~10:05 UTC] alert')).toMatchObject({
      raw: '10:05 UTC',
      index: 4,
      length: 9,
    })
  })

  it('recognises a yearless date without a reference year but leaves date null', () => {
    expect(parseTimestamp('Feb 9, 10:05 deploy')).toMatchObject({
      raw: 'Feb 9, 10:05',
      date: null,
      statesDate: true,
      time: t(10, 5),
    })
    expect(parseTimestamp('10:05')).toMatchObject({ statesDate: false, date: null })
  })

  it.each([
    ['Mon 9 Feb 10:05 x', 'Mon 9 Feb 10:05', d(2025, 2, 9), t(10, 5), null],
    ['12/25/2024 10:05 PM x', '12/25/2024 10:05 PM', d(2024, 12, 25), t(22, 5), null],
    ['16:00 Europe/Berlin: x', '16:00 Europe/Berlin', null, t(16, 0), 'Europe/Berlin'],
    ['10:05 (UTC+2) alert', '10:05 (UTC+2)', null, t(10, 5), 'UTC+02:00'],
    ['10:05 Pacific Time – x', '10:05 Pacific Time', null, t(10, 5), 'PT'],
    ['Sat Feb 8 23:59 UTC: x', 'Sat Feb 8 23:59 UTC', d(2025, 2, 8), t(23, 59), 'UTC'],
  ])('more: %s', (text, raw, date, time, zone) => {
    expect(parts(text, 2025)).toEqual({ raw, date, time, endTime: null, zone })
  })

  it('reads a range whose start carries the zone', () => {
    expect(parts('10:05 UTC-10:10 UTC x')).toMatchObject({
      raw: '10:05 UTC-10:10',
      time: t(10, 5),
      endTime: t(10, 10),
      zone: 'UTC',
    })
  })

  it('states an ambiguous numeric date without guessing it, when a time follows', () => {
    expect(splitLeadingTimestamp('02/09/2025 10:05 - alert')).toMatchObject({
      timestamp: { raw: '02/09/2025 10:05', statesDate: true, date: null, time: t(10, 5) },
      rest: 'alert',
    })
    expect(parseTimestamp('02/09/25 10:05')).toMatchObject({ statesDate: true, date: null })
    expect(parseTimestamp('02/09/2025 alert')).toBeNull()
    expect(parseTimestamp('1.2.30 deployed')).toBeNull()
  })

  it('keeps a date alone when what follows is not a time', () => {
    expect(parts('May 31 - deploy started', 2019)).toMatchObject({
      raw: 'May 31',
      date: d(2019, 5, 31),
      time: null,
    })
    expect(parts('2025-02-09 25:00', 2019)).toMatchObject({ raw: '2025-02-09', time: null })
  })

  it.each([
    'D+1',
    'Alert fired at 10:05',
    'rolled back the 10:05 deploy',
    'v2.3.0 deployed',
    '10.0.0.1 unreachable',
    '3 minutes later',
    '2 hours later',
    'may 3 retries',
    '',
    '   ',
    'About 10 engineers joined',
    '3:1 ratio',
    '10:61',
    'T4 instances were drained',
    'TLS 1.3 was enabled',
    'T-shirt sizes',
  ])('not a timestamp: %s', (text) => {
    expect(parseTimestamp(text, { referenceYear: 2025 })).toBeNull()
  })
})

describe('parseTimestamp: relative and paired forms', () => {
  it.each([
    ['T+0:26 - SSH timed out', 'T+0:26', 26],
    ['T-0:15 change window opened', 'T-0:15', -15],
    ['T + 1:30 rollback', 'T + 1:30', 90],
    ['T+5m deploy', 'T+5m', 5],
    ['T+2h engineers paged', 'T+2h', 120],
    ['T+1h30m fix shipped', 'T+1h30m', 90],
    ['T+90 min cache warmed', 'T+90 min', 90],
    ['T0: first alert', 'T0', 0],
    ['T3 - failover complete', 'T3', 180],
  ])('%s is relative to the start of the incident', (text, raw, minutes) => {
    const stamp = parseTimestamp(text)
    expect(stamp).toMatchObject({ raw, relative: true, date: null, zone: null })
    expect((stamp?.time?.hour ?? 0) * 60 + (stamp?.time?.minute ?? 0)).toBe(minutes)
  })

  it('gives the start of a range the a.m./p.m. written once at its end', () => {
    expect(parseTimestamp('3:25-4:09 PM: nodes drained')).toMatchObject({ time: t(15, 25), endTime: t(16, 9) })
    expect(parseTimestamp('10:07-10:29 AM: coordination')).toMatchObject({ time: t(10, 7), endTime: t(10, 29) })
    // 11:30 PM would come after 1:00 PM: the suffix does not reach back.
    expect(parseTimestamp('11:30-1:00 PM: lunch outage')).toMatchObject({ time: t(11, 30), endTime: t(13, 0) })
  })

  it('takes the same moment written in a second zone as part of the timestamp', () => {
    expect(splitLeadingTimestamp('14:00 UTC / 15:00 CET: failover')).toMatchObject({
      timestamp: { raw: '14:00 UTC / 15:00 CET', zone: { zone: 'UTC' } },
      rest: 'failover',
    })
    expect(splitLeadingTimestamp('1:42 PM ET (10:42 PT) page sent')).toMatchObject({
      timestamp: { raw: '1:42 PM ET (10:42 PT)', time: t(13, 42), zone: { zone: 'ET' } },
      rest: 'page sent',
    })
  })

  it('reads the zones of Africa, Asia and the Americas', () => {
    expect(parseTimestamp('12:02 AM EAT report received')?.zone?.zone).toBe('EAT')
    expect(parseTimestamp('09:10 WAT deploy')?.zone?.zone).toBe('WAT')
    expect(parseTimestamp('21:00 PKT rollback')?.zone?.zone).toBe('PKT')
  })
})

describe('splitLeadingTimestamp', () => {
  it.each([
    ['22:47 — For a checkout experiment we', 'For a checkout experiment we', 8],
    ['10:05: alert fired', 'alert fired', 7],
    ['10:05 - alert fired', 'alert fired', 8],
    ['10:05 alert fired', 'alert fired', 6],
    ['2025-02-09 10:05 UTC | alert', 'alert', 23],
    ['[10:05] alert', 'alert', 8],
    ['10:05 UTC — alert', 'alert', 12],
    ['10:05, alert', 'alert', 7],
    ['10:05 – 10:10 – mitigation', 'mitigation', 16],
    ['May 31: deploy started  ', 'deploy started', 8],
    ['10:05', '', 5],
  ])('%s', (text, rest, restIndex) => {
    const split = splitLeadingTimestamp(text, { referenceYear: 2025 })
    expect(split && { rest: split.rest, restIndex: split.restIndex }).toEqual({ rest, restIndex })
    expect(text.slice(restIndex).trimEnd()).toBe(rest)
  })

  it('returns the parsed timestamp', () => {
    expect(splitLeadingTimestamp('10:05 UTC — alert')?.timestamp).toMatchObject({
      raw: '10:05 UTC',
      index: 0,
      length: 9,
      time: t(10, 5),
      zone: { zone: 'UTC', raw: 'UTC', index: 6, length: 3, offsetMinutes: 0 },
    })
  })

  it('returns null when the text does not start with a timestamp', () => {
    expect(splitLeadingTimestamp('Alert fired at 10:05')).toBeNull()
  })
})

describe('looksLikeTimestamp', () => {
  it.each([
    '4:27',
    '2018-01-18 4:19',
    '08:52 PM',
    '  10:05 UTC  ',
    '10:05 – 10:10',
    '[23:55]',
    '2025-02-09T10:05:00Z',
    'Feb 9',
    'May 31, 2019',
    '10:05:',
  ])('%s', (text) => {
    expect(looksLikeTimestamp(text)).toBe(true)
  })

  it.each([
    'Time',
    'Time (UTC)',
    'Event',
    '10:05 alert fired',
    '3 minutes',
    'may',
    'v2.3.0',
    '42',
    '',
  ])('not %s', (text) => {
    expect(looksLikeTimestamp(text)).toBe(false)
  })
})
