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
// Vague by form (issue 14): each form with positives, and hard negatives that share its words.
const vagueByForm: Record<string, { vague: string[]; specific: string[] }> = {
  'tuning with no target': {
    vague: ['Adjust the alert thresholds', 'Tweak the worker pool size', 'Fine-tune the autoscaler', 'Increase test coverage', 'Reduce the cache TTL'],
    specific: ['Lower the cache TTL on the pricing service from 24 hours to 5 minutes', 'Set the autoscaler target to 60% CPU on the API tier'],
  },
  'watching instead of alerting': {
    vague: ['Monitor the situation', 'Keep an eye on the situation', 'Continue to monitor replication lag', 'Watch the error rates over the next weeks', 'Track memory closely after the release'],
    specific: ['Alert the database on-call when replication lag exceeds 30 seconds for 2 minutes', 'Page when the queue holds more than 10,000 jobs'],
  },
  'a conversation instead of a change': {
    vague: ['Chase the vendor', 'Follow up with the vendor', 'Touch base with the network team', 'Circle back with security on the rotation', 'Check in with the customer next week', 'Reach out to the CDN provider'],
    specific: ['Get a written 4-hour response commitment from the CDN vendor into the support contract', 'Add the vendor status page to the on-call dashboard as a panel showing open incidents'],
  },
  'finding out instead of fixing': {
    vague: ['Find out what caused the spike', 'Get to the bottom of the memory growth', 'Determine why the replica fell behind', 'Identify the source of the retries'],
    specific: ['Add a heap-profile endpoint to the workers so a leak can be traced without a restart', 'Alert when a replica falls more than 60 seconds behind'],
  },
  'asking people to try harder': {
    vague: ['Pay more attention to alerts', 'Pay closer attention to deploy warnings', 'Stay vigilant during peak traffic', 'Be mindful of the change freeze'],
    specific: ['Make the deploy fail when the build log contains a warning about skipped migrations', 'Block deploys during the change freeze in the pipeline configuration'],
  },
  'a generic deliverable': {
    vague: ['Add dashboards for the workers', 'Add more alerts', 'Write tests for the billing service', 'More tests for the billing service', 'Add monitoring to the payment flow', 'Set up alerting for the cluster'],
    specific: ['Add a dashboard of queue depth and worker count per region to the on-call board', 'Add alerts that page when any worker has been idle for 10 minutes', 'Write tests that replay the incident traffic against staging'],
  },
  'a sentence that hedges or leans on a stock purpose': {
    vague: [
      'In the future, I might redeploy Prometheus and start collecting core server metrics again',
      'We may want to revisit the retry policy at some point',
      'Regular monitoring of the relayer and the notification server should be implemented to ensure their proper functioning',
      'The team will investigate the failure and put measures in place to prevent similar incidents',
    ],
    specific: [
      'The platform team will add a CI check that fails when a migration creates an index without CONCURRENTLY',
      'We will cap the importer retries with exponential backoff, to prevent similar incidents from overloading the queue',
    ],
  },
}

const people = ['Train Bob on the deploy tool', 'Remind engineers to check the dashboard', 'Tell the mobile team to test more', 'Coach the on-call rotation on escalation']

describe('action-specificity', () => {
  for (const text of vague) it(`flags vague: ${text}`, () => expect(ids(owned(text))).toEqual(['vague']))
  for (const text of specific) it(`accepts specific: ${text}`, () => expect(ids(owned(text))).toEqual([]))
  for (const text of people) it(`flags people-directed: ${text}`, () => expect(ids(owned(text))).toEqual(['people-directed']))
  it('exempts done items from the fields and the wording, not from aiming at people', () => {
    expect(ids(actions('- [x] Improve monitoring\n- [x] ~~Look into the database~~'))).toEqual([])
    expect(ids(actions('- [x] Train Bob on the deploy tool'))).toEqual(['people-directed'])
    expect(ids(actions('- [ ] Improve monitoring'))).toEqual(['missing-field', 'missing-field', 'vague'])
  })

  for (const [form, cases] of Object.entries(vagueByForm)) {
    describe(form, () => {
      it.each(cases.vague)('flags vague: %s', (text) => expect(ids(owned(text))).toEqual(['vague']))
      it.each(cases.specific)('accepts specific: %s', (text) => expect(ids(owned(text))).toEqual([]))
    })
  }

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
