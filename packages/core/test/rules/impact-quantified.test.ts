import { describe, expect, it } from 'vitest'
import { lint, resolveConfig } from '../../src/index.js'
import { countQuantities } from '../../src/rules/impact-quantified.js'

function run(markdown: string, options?: Record<string, unknown>) {
  const setting = options === undefined ? 'error' : ['error', options]
  const config = resolveConfig({ extends: [], rules: { 'impact-quantified': setting } } as never)
  return lint(markdown, { config }).messages.filter((m) => m.ruleId === 'impact-quantified')
}

describe('impact-quantified: counting quantities', () => {
  it.each([
    ['4,200 users could not check out.', 1],
    ['About 18% of checkout requests failed.', 1],
    ['We refunded $12,400 in fees.', 1],
    ['The outage lasted 47 minutes.', 1],
    ['p99 latency rose to 4s.', 1],
    ['1.2 million requests failed over 2 hours.', 2],
    ['No customer impact.', 1],
    ['Four fifths of users were unable to load the docs.', 1],
    ['Thousands of requests timed out.', 1],
    ['3 of our 40 shards were read-only.', 1],
  ])('%s -> %i', (text, expected) => {
    expect(countQuantities(text, 2025)).toBe(expected)
  })

  it.each([
    'On 2025-03-04 at 10:05 UTC the API went down.',
    'In 2024 the service was migrated.',
    'Version 2.4.1 of the client broke login, see OPS-123 and #456.',
    'Deployed v3 at 9am on March 4.',
    'See https://status.example.com/incidents/1234 for details.',
    'A SEV2 incident on P1 hosts.',
  ])('not a quantity: %s', (text) => {
    expect(countQuantities(text, 2025)).toBe(0)
  })
})

describe('impact-quantified: rule', () => {
  it('reports an impact section without numbers at its heading', () => {
    const messages = run('## Impact\n\nCheckout was unavailable and customers were unhappy.\n')
    expect(messages).toHaveLength(1)
    expect(messages[0]?.messageId).toBe('no-quantity')
    expect(messages[0]?.line).toBe(1)
  })

  it('reports vague quantities without a number in impact and summary', () => {
    const messages = run(
      '## Summary\n\nSome users saw errors.\n\n## Impact\n\nA number of requests failed during 47 minutes. Several customers complained.\n',
    )
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([
      ['vague', 3, 1],
      ['vague', 7, 48],
    ])
    expect(messages[0]?.message).toContain('`Some users saw errors.`')
  })

  it('does not flag a vague phrase when the sentence has a number', () => {
    expect(run('## Impact\n\nSome users (about 4,200, 3% of active accounts) saw errors for 47 minutes.\n')).toEqual([])
  })

  it('does not count dates, times, versions or tickets', () => {
    const messages = run('## Impact\n\nOn 2025-03-04 at 10:05 UTC, release 2.4.1 broke login (OPS-123).\n')
    expect(messages.map((m) => m.messageId)).toEqual(['no-quantity'])
  })

  it('accepts a table of numbers and a stated zero', () => {
    expect(run('## Impact\n\n| Metric | Value |\n|---|---|\n| Failed requests | 12,400 |\n| Users | 4200 users |\n')).toEqual([])
    expect(run('## Customer impact\n\nNo customer impact; the fault was caught on staging.\n')).toEqual([])
  })

  it('says nothing without an impact section, and ignores vague words elsewhere', () => {
    expect(run('## Root cause\n\nSeveral hosts ran out of memory.\n')).toEqual([])
  })

  it('honours minQuantities', () => {
    const markdown = '## Impact\n\n4,200 users could not check out.\n'
    expect(run(markdown)).toEqual([])
    expect(run(markdown, { minQuantities: 2 }).map((m) => m.messageId)).toEqual(['too-few'])
  })
})
