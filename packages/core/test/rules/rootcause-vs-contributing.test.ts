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

  it('requires contributing factors up to P3 and when no severity is stated, not for a P4', () => {
    expect(ids(doc('P2', root))).toEqual(['no-contributing'])
    expect(ids(doc('P3', root))).toEqual(['no-contributing'])
    expect(ids(`# Incident\n\n${root}\n`)).toEqual(['no-contributing'])
    expect(ids(doc('P4', root))).toEqual([])
    expect(ids(doc('P3', root), { factorsUpTo: 'P2' })).toEqual([])
  })

  it('reports a document that states no root cause, once, at its title', () => {
    const messages = run('rootcause-vs-contributing', '# Checkout errors\n\n## Summary\n\nCheckout returned errors for 20 minutes.\n')
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([['no-root-cause', 1]])
    // A cause stated in prose is a root cause, even without a section for it.
    expect(ids('# Checkout errors\n\n**Severity:** P4\n\nThe outage was caused by an expired certificate on the payment gateway.\n')).toEqual([])
  })

  it('asks which of the listed factors is the root cause when only factors are given', () => {
    expect(ids(doc('P2', factors))).toEqual(['factors-without-root-cause'])
  })

  it('accepts a trigger presented apart from the root cause', () => {
    expect(ids(doc('P3', `${root}\n\n## Trigger\n\nA marketing campaign went live at 09:00 without a capacity review.`))).toEqual([])
  })

  it('accepts a deep five-whys chain beside the root cause as the analysis, written as paragraphs or nested lists', () => {
    const paragraphs = "## Five Why's\n\n**Why?** The node could not mount its volumes.\n\n**Why?** The node was recycled during a connection surge.\n\n**Why?** A worker held a lock and opened seventy connections."
    expect(ids(doc('P3', `${root}\n\n${paragraphs}`))).toEqual([])
    const nested = [
      '## The five whys',
      '',
      '- Downloads returned 403.',
      '',
      '  **Why were downloads refused?**',
      '',
      '  - The redirect URL lost its prefix.',
      '',
      '    **Why did the URL lose its prefix?**',
      '',
      '    - A refactor moved the prefix into a setting with no default.',
      '',
      '      **Why was the setting missing?**',
      '',
      '      - Staging configures it, production did not.',
    ].join('\n')
    expect(ids(doc('P3', `${root}\n\n${nested}`))).toEqual([])
    // Two levels are not yet an analysis: the chain is shallow, and no factor stands apart.
    const shallow = '## Five whys\n\n**Why?** The node could not mount its volumes.\n\n**Why?** The node was recycled.'
    expect(ids(doc('P3', `${root}\n\n${shallow}`))).toEqual(['no-contributing', 'shallow-whys'])
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
    // A short factor that shares its words with one line of a long root cause is another condition.
    const long = '## Root cause\n\nConfiguration changes were applied to the live bridge without:\n\n- incremental testing of each bridge\n- syntax validation\n- a rollback path'
    expect(ids(doc('P1', `${long}\n\n## Contributing factors\n\n- All changes were applied in one operation.\n- No monitoring of the bridge while changes applied.`))).toEqual([])
  })

  it('flags a merged causes section without a named root cause, accepts one that names it', () => {
    const merged = '## Causes\n\n- The cron schedule was in local time.\n- The import is not idempotent.\n- No alert on duplicate rows.'
    expect(ids(doc('P2', merged))).toEqual(['merged-causes'])
    expect(ids(doc('P2', '## Causes\n\n- **Root cause:** the cron schedule was in local time.\n- The import is not idempotent.'))).toEqual([])
  })

  it('flags an empty root cause and human error as the root cause, not a negated one', () => {
    expect(ids(doc('P4', '## Root cause\n\nTBD.'))).toEqual(['empty-root-cause'])
    expect(ids(doc('P4', '## Root cause\n\nHuman error while editing the DNS zone by hand.'))).toEqual(['human-root-cause'])
    expect(ids(doc('P4', '## Root cause\n\nThis was not human error: the zone editor accepted a record without validating it.'))).toEqual([])
  })

  it('checks the depth of five-whys chains', () => {
    const shallow = '## Five whys\n\n1. Why did checkout fail? Because the DB was full.\n2. Why was it full? Because logs were not rotated.'
    expect(ids(doc('P3', `${root}\n\n${factors}\n\n${shallow}`))).toEqual(['shallow-whys'])
    const deep = `${shallow}\n3. Why were they not rotated? Because the cron job was removed in a refactor.`
    expect(ids(doc('P3', `${root}\n\n${factors}\n\n${deep}`))).toEqual([])
  })
})
