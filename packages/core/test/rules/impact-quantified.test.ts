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
    // The impact section gives a duration, so the summary's digest is not faulted; it gives no
    // reach, so "Several customers" still stands in for a missing number.
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([['vague', 7, 48]])
    const summaryOnly = run('## Summary\n\nSome users saw errors.\n')
    expect(summaryOnly.map((m) => [m.messageId, m.line, m.column])).toEqual([['vague', 3, 1]])
    expect(summaryOnly[0]?.message).toContain('`Some users saw errors.`')
  })

  it('leaves a vague phrase alone when the impact section states the number it stands for', () => {
    expect(run('## Impact\n\n1,900 merchants (12%) received webhooks late. Some merchants retried by hand.\n')).toEqual([])
    expect(run('## Summary\n\nSome merchants saw late webhooks.\n\n## Impact\n\n1,900 merchants for 41 minutes.\n')).toEqual([])
    // A duration does not answer "how many", nor a count "how long".
    expect(run('## Impact\n\nCheckout failed for 41 minutes. Many customers gave up.\n').map((m) => m.messageId)).toEqual(['vague'])
    expect(run('## Impact\n\n4,200 users saw errors. The slowdown lasted for a while.\n').map((m) => m.messageId)).toEqual(['vague'])
  })

  it('flags "several", "significant" and the like only when they size something that was affected', () => {
    expect(run('## Impact\n\nSeveral customers could not log in.\n').map((m) => m.messageId)).toEqual(['no-quantity', 'vague'])
    expect(run('## Summary\n\nMultiple recovery attempts through rescue mode failed.\n\n## Impact\n\nAll users lost access for 3 hours.\n')).toEqual([])
    expect(run('## Summary\n\nRecovery was significantly delayed by hard-coded settings; the site was down for 2 hours.\n')).toEqual([])
  })

  it('reports a document that states its impact in numbers nowhere, once, at its title', () => {
    const messages = run('# Checkout errors\n\n## Summary\n\nCheckout failed and customers were unhappy.\n\n## Root cause\n\nA bad config.\n')
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([['not-quantified', 1]])
  })

  it('reads the impact from the summary, the opening paragraphs or the header when there is no impact section', () => {
    expect(run('# Outage\n\n## Summary\n\nAbout 18% of checkout requests failed.\n')).toEqual([])
    expect(run('# Outage\n\nOn 4 June the blog was down for just under 7 hours.\n\n## What happened\n\nThe database would not start.\n')).toEqual([])
    expect(run('# Outage\n\nDuration: 16h 45m\n\n## Summary\n\nBuilds failed.\n')).toEqual([])
  })

  it('does not take load figures or "one of our nodes" for impact', () => {
    expect(run('# Hug\n\n## Summary\n\nTraffic peaked with 600 running pods.\n').map((m) => m.messageId)).toEqual(['not-quantified'])
    expect(run('# Watches\n\n## Summary\n\nOne of our nodes ran out of file watches.\n').map((m) => m.messageId)).toEqual(['not-quantified'])
    expect(run('# Watches\n\n## Summary\n\nTwo of our three nodes ran out of file watches.\n')).toEqual([])
    expect(run('## Impact\n\nEvery user was logged out.\n')).toEqual([])
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

  it('ignores vague words outside the impact and the summary', () => {
    expect(run('## Impact\n\n4,200 users for 47 minutes.\n\n## Root cause\n\nSeveral hosts ran out of memory.\n')).toEqual([])
  })

  it('honours minQuantities', () => {
    const markdown = '## Impact\n\n4,200 users could not check out.\n'
    expect(run(markdown)).toEqual([])
    expect(run(markdown, { minQuantities: 2 }).map((m) => m.messageId)).toEqual(['too-few'])
  })
})
