import { describe, it, expect } from 'vitest'
import { findTimeZone, findTimeZones } from '../../../src/parse/time/index.js'

const zoneOf = (text: string) => {
  const match = findTimeZone(text)
  return match && [match.zone, match.offsetMinutes]
}

describe('findTimeZone: names and abbreviations', () => {
  it.each([
    ['10:05 UTC', 'UTC', 0],
    ['(GMT)', 'UTC', 0],
    ['all times PST', 'PST', -480],
    ['PDT', 'PDT', -420],
    ['Times in PST/PDT', 'PT', null],
    ['PT', 'PT', null],
    ['ET', 'ET', null],
    ['EST/EDT', 'ET', null],
    ['IST', 'IST', 330],
    ['CEST', 'CEST', 120],
    ['AEDT', 'AEDT', 660],
    ['All times are Pacific Time', 'PT', null],
    ['all times pacific time', 'PT', null],
    ['Eastern  Time', 'ET', null],
    ['coordinated universal time', 'UTC', 0],
    ['Zulu', 'UTC', 0],
    ['10:05UTC', 'UTC', 0],
  ])('%s', (text, zone, offset) => {
    expect(zoneOf(text)).toEqual([zone, offset])
  })

  it('reports raw text and position', () => {
    expect(findTimeZone('Timeline (all times Pacific Time)')).toEqual({
      zone: 'PT',
      raw: 'Pacific Time',
      index: 20,
      length: 12,
      offsetMinutes: null,
    })
  })
})

describe('findTimeZone: offsets', () => {
  it.each([
    ['UTC+2', 'UTC+02:00', 120],
    ['UTC+02:00', 'UTC+02:00', 120],
    ['GMT-7', 'UTC-07:00', -420],
    ['UTC+0530', 'UTC+05:30', 330],
    ['UTC\u22123', 'UTC-03:00', -180],
    ['UTC+0', 'UTC', 0],
    ['2025-02-09T10:05:00+02:00', 'UTC+02:00', 120],
    ['2025-02-09T10:05+02:00', 'UTC+02:00', 120],
    ['10:05:00.123-0700', 'UTC-07:00', -420],
    ['T10:05:00.123+02:00', 'UTC+02:00', 120],
    ['10:05:00+05:45', 'UTC+05:45', 345],
  ])('%s', (text, zone, offset) => {
    expect(zoneOf(text)).toEqual([zone, offset])
  })

  it('reads an impossible offset after UTC as UTC followed by something else', () => {
    expect(findTimeZone('UTC-10:10')).toMatchObject({ zone: 'UTC', raw: 'UTC', length: 3 })
  })

  it('prefers the offset over the bare UTC it starts with', () => {
    expect(findTimeZones('(UTC+02:00) Berlin')).toEqual([
      { zone: 'UTC+02:00', raw: 'UTC+02:00', index: 1, length: 9, offsetMinutes: 120 },
    ])
  })

  it('reads Z only right after a time', () => {
    expect(findTimeZone('2025-02-09T10:05:00Z')).toEqual({
      zone: 'UTC',
      raw: 'Z',
      index: 19,
      length: 1,
      offsetMinutes: 0,
    })
    expect(zoneOf('10:05Z')).toEqual(['UTC', 0])
    expect(zoneOf('10:05:00.5Z')).toEqual(['UTC', 0])
    expect(findTimeZone('Plan Z')).toBeNull()
    expect(findTimeZone('Z')).toBeNull()
    expect(findTimeZone('10:05 Z')).toBeNull()
  })
})

describe('findTimeZone: IANA names', () => {
  it.each([
    'Europe/Berlin',
    'America/Argentina/Buenos_Aires',
    'Asia/Kolkata',
    'US/Pacific',
    'Etc/GMT+5',
  ])('%s', (name) => {
    expect(findTimeZone(`All times ${name}.`)).toEqual({
      zone: name,
      raw: name,
      index: 10,
      length: name.length,
      offsetMinutes: null,
    })
  })

  it('rejects slash words that are not zones', () => {
    expect(findTimeZones('CI/CD, TCP/IP, I/O, Foo/Bar, Europe/Nowhere')).toEqual([])
  })
})

describe('findTimeZone: not zones', () => {
  it.each([
    'et al',
    'la ville et la mer',
    'the list is long',
    'est. 2010',
    'wet floor',
    'set the flag',
    'UTCX',
    'XUTC',
    'GMT+15',
    'within 10:05-10:10',
    '10:05:00-10:10:00',
    '10:05:00-10:13',
    'nothing here',
    'pst',
  ])('%s', (text) => {
    expect(findTimeZone(text)).toBeNull()
  })
})

describe('findTimeZones', () => {
  it('finds all zones, left to right, without overlaps', () => {
    const found = findTimeZones('Times are PST/PDT (UTC-8), with Berlin on Europe/Berlin and IST.')
    expect(found.map((match) => [match.zone, match.raw, match.index])).toEqual([
      ['PT', 'PST/PDT', 10],
      ['UTC-08:00', 'UTC-8', 19],
      ['Europe/Berlin', 'Europe/Berlin', 42],
      ['IST', 'IST', 60],
    ])
  })
})
