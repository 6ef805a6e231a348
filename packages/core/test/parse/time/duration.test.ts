import { describe, it, expect } from 'vitest'
import { parseDurationMinutes } from '../../../src/parse/time/index.js'

describe('parseDurationMinutes', () => {
  it.each([
    ['47 minutes', 47],
    ['82 min', 82],
    ['5 mins', 5],
    ['1h 30m', 90],
    ['1h30m', 90],
    ['1h30', 90],
    ['1 h 30 min', 90],
    ['1 hour and 30 minutes', 90],
    ['2 hours, 15 minutes', 135],
    ['2 hours', 120],
    ['1.5 hours', 90],
    ['about 3 hours', 180],
    ['an hour', 60],
    ['half an hour', 30],
    ['an hour and a half', 90],
    ['1 and a half hours', 90],
    ['two hours', 120],
    ['90 seconds', 1.5],
    ['1 min 30 sec', 1.5],
    ['2 days', 2880],
    ['1d 2h', 1560],
    ['3h', 180],
    ['45m', 45],
    ['a 2-hour outage', 120],
    ['01:30', 90],
    [' 1:05:30 ', 65.5],
  ])('%s', (text, minutes) => {
    expect(parseDurationMinutes(text)?.minutes).toBeCloseTo(minutes, 10)
  })

  it('reports the position of the quantity, without hedges', () => {
    expect(parseDurationMinutes('The outage lasted about 3 hours.')).toEqual({
      minutes: 180,
      index: 24,
      length: 7,
    })
    expect(parseDurationMinutes('TTR: 1h 30m total')).toEqual({ minutes: 90, index: 5, length: 6 })
    expect(parseDurationMinutes('took half an hour')).toEqual({ minutes: 30, index: 5, length: 12 })
    expect(parseDurationMinutes(' 01:30 ')).toEqual({ minutes: 90, index: 1, length: 5 })
  })

  it('returns the first duration', () => {
    expect(parseDurationMinutes('detected after 12 minutes, resolved after 2 hours')).toMatchObject(
      {
        minutes: 12,
        index: 15,
      },
    )
  })

  it.each([
    'started at 01:30 UTC',
    '10:61',
    '3:1',
    'v2.3.0',
    '10.0.0.1',
    '555-123-4567',
    '42',
    'I am on call',
    'a few minutes',
    'a second deploy',
    '500ms latency',
    '3D printing',
    '45M requests',
    '5 minimum replicas',
    'no duration',
  ])('not a duration: %s', (text) => {
    expect(parseDurationMinutes(text)).toBeNull()
  })
})
