import { describe, expect, it } from 'vitest'
import { run } from './helpers.js'

const ids = (markdown: string, options?: unknown) => run('rootcause-vs-contributing', markdown, options).map((m) => m.messageId)
const doc = (severity: string, body: string) => `# Incident\n\n**Severity:** ${severity}\n\n${body}\n`

const root = '## Root cause\n\nThe session store evicted entries by least-recent use, and a campaign doubled active sessions.'
const factors = '## Contributing factors\n\n- No alert on the eviction rate.\n- The store was sized for last year\'s traffic.'

describe('rootcause-vs-contributing', () => {
  it('accepts a root cause with separate contributing factors', () => {
    expect(ids(doc('P1', `${root}\n\n${factors}`))).toEqual([])
  })

  it('requires contributing factors for P1/P2 only', () => {
    expect(ids(doc('P2', root))).toEqual(['no-contributing'])
    expect(ids(doc('P3', root))).toEqual([])
  })

  it('accepts a labelled contributing-factors list inside the root-cause section', () => {
    expect(ids(doc('P1', `${root}\n\n**Contributing factors:**\n\n- No alert on the eviction rate.\n- The store was sized for last year.`))).toEqual([])
  })

  it('asks for more than one factor on a P1', () => {
    expect(ids(doc('P1', `${root}\n\n## Contributing factors\n\n- No alert on the eviction rate.`))).toEqual(['too-few-factors'])
    expect(ids(doc('P1', `${root}\n\n## Contributing factors\n\n- No alert on the eviction rate.`), { minFactors: 1 })).toEqual([])
  })

  it('flags a factor that restates the root cause, not one that shares a few words', () => {
    const dup = '## Contributing factors\n\n- The session store evicted entries by least-recent use when a campaign doubled active sessions.\n- No alert on the eviction rate.'
    expect(ids(doc('P1', `${root}\n\n${dup}`))).toEqual(['duplicate-factor'])
    expect(ids(doc('P1', `${root}\n\n${factors}\n- Session store metrics were not on any dashboard.`))).toEqual([])
  })

  it('flags a merged causes section without a named root cause, accepts one that names it', () => {
    const merged = '## Causes\n\n- The cron schedule was in local time.\n- The import is not idempotent.\n- No alert on duplicate rows.'
    expect(ids(doc('P2', merged))).toEqual(['merged-causes'])
    expect(ids(doc('P2', '## Causes\n\n- **Root cause:** the cron schedule was in local time.\n- The import is not idempotent.'))).toEqual([])
  })

  it('flags an empty root cause and human error as the root cause, not a negated one', () => {
    expect(ids(doc('P3', '## Root cause\n\nTBD.'))).toEqual(['empty-root-cause'])
    expect(ids(doc('P3', '## Root cause\n\nHuman error while editing the DNS zone by hand.'))).toEqual(['human-root-cause'])
    expect(ids(doc('P3', '## Root cause\n\nThis was not human error: the zone editor accepted a record without validating it.'))).toEqual([])
  })

  it('checks the depth of five-whys chains', () => {
    const shallow = '## Five whys\n\n1. Why did checkout fail? Because the DB was full.\n2. Why was it full? Because logs were not rotated.'
    expect(ids(doc('P3', `${root}\n\n${shallow}`))).toEqual(['shallow-whys'])
    const deep = `${shallow}\n3. Why were they not rotated? Because the cron job was removed in a refactor.`
    expect(ids(doc('P3', `${root}\n\n${deep}`))).toEqual([])
  })
})
