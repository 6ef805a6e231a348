import { describe, expect, it } from 'vitest'
import { inflect, isAcronym, isCommonWord, isCompoundWord, isSystemWord } from '../../src/nlp/lexicon.js'

describe('lexicon', () => {
  it('knows common words, their inflections and stems, from the front-coded dictionary', () => {
    for (const word of ['aah', 'zucchini', 'typo', 'typos', 'traffic', 'servers', 'dropped', 'deploying', 'copies', 'forge']) expect(isCommonWord(word), word).toBe(true)
    for (const word of ['tariq', 'nnamdi', 'karthikeyan', 'wiśniewski', 'jun-ho']) expect(isCommonWord(word), word).toBe(false)
  })

  it('splits technical compounds but not names', () => {
    for (const word of ['autoscaling', 'failover', 'healthcheck', 'backfill']) expect(isCompoundWord(word), word).toBe(true)
    for (const word of ['carmen', 'tomasz', 'oluwaseun', 'karthikeyan']) expect(isCompoundWord(word), word).toBe(false)
  })

  it('knows systems, places and acronyms', () => {
    expect(isSystemWord('jenkins')).toBe(true)
    expect(isSystemWord('frankfurt')).toBe(true)
    expect(isAcronym('dns')).toBe(true)
    expect(isAcronym('pk')).toBe(false)
  })

  it('inflects verb phrases by their first word', () => {
    expect(inflect('drop')).toEqual(expect.arrayContaining(['drops', 'dropped', 'dropping']))
    expect(inflect('turn off')).toEqual(expect.arrayContaining(['turned off', 'turning off']))
    expect(inflect('copy')).toEqual(expect.arrayContaining(['copies', 'copied']))
  })
})
