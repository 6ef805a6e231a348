import { describe, expect, it } from 'vitest'
import { run } from './helpers.js'

const ids = (markdown: string, options?: unknown) => run('action-specificity', markdown, options).map((m) => m.messageId)
const actions = (list: string, head = '**Date:** 2025-03-01 · **Severity:** P2') => `# Incident\n\n${head}\n\n## Action items\n\n${list}\n`
const owned = (text: string) => actions(`- ${text} — @alice, due 2025-03-20`)

// Our own deliverables, written for this test.
const vague = [
  'Improve monitoring',
  'Be more careful with deploys',
  'Communicate better during incidents',
  'Look into the database',
  'Add more tests',
  'Ensure stability of the payments service',
  'Investigate the flaky queue',
  'Revisit the retry policy',
  'Consider a staged rollout',
  'Make sure this never happens again',
  'Handle errors properly in the importer',
  'Review alerting',
  'Harden the deploy process',
  'Monitor things more closely',
]
const specific = [
  'Alert when connection-pool utilisation exceeds 80% for 5 minutes',
  'Add a dry-run step to the deploy runbook',
  'Add a load test for the order-search query to CI',
  'Reject remote-config values whose type does not match the schema generated from the config class',
  'Add a unique index on account_id and billing_period to the invoices table',
  'Review every purge that covers more than 100,000 objects with a second approver',
  'Page the payments on-call when the certificate expires in less than 30 days',
  'Move the heartbeat onto its own database connection outside the worker pool',
  'Document the failover steps for the EU replica in the database runbook, with the exact commands',
  'Cap the importer retries at 3 with exponential backoff starting at 2 seconds',
]
const people = ['Train Bob on the deploy tool', 'Remind engineers to check the dashboard', 'Tell the mobile team to test more', 'Coach the on-call rotation on escalation']

describe('action-specificity', () => {
  for (const text of vague) it(`flags vague: ${text}`, () => expect(ids(owned(text))).toEqual(['vague']))
  for (const text of specific) it(`accepts specific: ${text}`, () => expect(ids(owned(text))).toEqual([]))
  for (const text of people) it(`flags people-directed: ${text}`, () => expect(ids(owned(text))).toEqual(['people-directed']))

  it('suggests a specific example of the same kind', () => {
    const [message] = run('action-specificity', owned('Improve monitoring'))
    expect(message?.suggestion).toMatch(/Alert when/)
  })

  it('requires owner and due by default, in every shape', () => {
    expect(ids(actions('- Add a dry-run step to the deploy runbook'))).toEqual(['missing-field', 'missing-field'])
    expect(ids(actions('| Action | Owner | Due |\n|---|---|---|\n| Add a dry-run step to the deploy runbook | @alice | |'))).toEqual(['missing-field'])
    expect(ids(actions('- [ ] Add a dry-run step to the deploy runbook — @alice, due 2025-03-20'))).toEqual([])
    expect(ids(actions('- Add a dry-run step to the deploy runbook\n  **Owner:** Platform team · **Due:** 2025-03-20'))).toEqual([])
  })

  it('takes the required fields from the options, the category from a group heading', () => {
    const md = actions('### Prevent\n\n- Add a dry-run step to the deploy runbook — @alice, due 2025-03-20, P2')
    expect(ids(md, { require: ['owner', 'due', 'priority', 'category'] })).toEqual([])
    expect(ids(owned('Add a dry-run step to the deploy runbook'), { require: ['owner', 'due', 'ticket'] })).toEqual(['missing-field'])
  })

  it('checks due dates: unreadable, before the incident', () => {
    expect(ids(actions('| Action | Owner | Due |\n|---|---|---|\n| Add a dry-run step to the deploy runbook | @alice | soon-ish |'))).toEqual(['unparsed-due'])
    expect(ids(actions('- Add a dry-run step to the deploy runbook — @alice, due 2025-02-01'))).toEqual(['due-before-incident'])
  })

  it('reports a P1-P3 postmortem whose action list is empty, not a P4 one', () => {
    expect(ids(actions('None.'))).toEqual(['no-actions'])
    expect(ids(actions('None.', '**Severity:** P4'))).toEqual([])
  })
})
