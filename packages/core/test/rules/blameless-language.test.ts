import { describe, expect, it } from 'vitest'
import { lint, resolveConfig } from '../../src/index.js'

const config = resolveConfig({ extends: [], rules: { 'blameless-language': 'error' } })
const inSection = (section: string, sentence: string): string => `# Incident\n\n## ${section}\n\n${sentence}\n`
const flagged = (markdown: string) => lint(markdown, { config }).messages.map((m) => m.messageId)

// Our own sentences, written for this test (not taken from any eval pool), in many shapes.
const blame: [string, string][] = [
  ['person-failure', 'Marcus forgot to enable the feature flag before the launch.'],
  ['person-failure', 'Helena failed to notice that the replica was lagging.'],
  ['person-failure', 'The on-call engineer ignored the low-disk warning for two hours.'],
  ['person-failure', 'An intern dropped the production table by mistake.'],
  ['person-failure', '@tomasz.k pushed the migration without running it on staging.'],
  ['person-failure', 'She overlooked the expiry date in the renewal email.'],
  ['person-failure', 'He neglected to rotate the credentials after the audit.'],
  ['person-failure', 'The DBA accidentally restarted the primary during business hours.'],
  ['person-failure', 'Our SRE carelessly deleted the wrong namespace.'],
  ['person-failure', 'Oliver broke the login page with an untested CSS change.'],
  ['person-failure', 'The release manager bypassed the canary stage to save time.'],
  ['person-failure', 'Ingrid missed the page because her phone was on silent.'],
  ['person-failure', 'The developer messed up the retry logic in the payment client.'],
  ['person-failure', 'Someone on the data team ran the backfill twice without checking.'],
  ['counterfactual', 'Carlos should have waited for the tests to finish before merging.'],
  ['counterfactual', 'The reviewer ought to have spotted the missing index.'],
  ['counterfactual', 'She could have prevented the outage by reading the runbook.'],
  ['counterfactual', 'If he had checked the graph, he would have caught the spike.'],
  ['character', 'Pablo was careless with the firewall rules.'],
  ['character', 'The operator was clearly not paying attention during the failover.'],
  ['character', 'This was another sloppy deploy by Fatima.'],
  ['blame-noun', 'The root of the problem was human error.'],
  ['blame-noun', 'An operator error in the load balancer console took the site down.'],
  ['blame-noun', 'The broken build was entirely Kenji\'s fault.'],
  ['blame-noun', 'Nadia is to blame for the lost messages.'],
  ['person-cause', 'The outage happened because of Victor\'s change to the DNS zone.'],
  ['person-cause', 'The data loss traces back to a script that @ravi ran by hand.'],
  ['person-failure', 'The alert was ignored by Sam for most of the night.'],
  ['person-failure', 'The migration was forgotten by the on-call engineer.'],
  ['person-failure', 'Jonas did not bother to read the change log.'],
  ['person-failure', 'Lucía never checked whether the backup had completed.'],
  ['person-failure', 'Akira clicked the wrong button in the admin console.'],
  ['person-failure', 'Tobi typed the wrong region into the terraform variables.'],
  ['person-failure', 'Greta was too slow to escalate the incident.'],
  ['person-failure', 'Sven dropped the ball on the vendor follow-up.'],
  ['person-failure', 'The contractor misconfigured the firewall and left port 22 open.'],
  ['person-failure', 'Amara made a mistake in the rollout plan.'],
  ['person-failure', 'The on-call was asleep when the page came in.'],
  ['person-failure', 'Dmitri fat-fingered the instance count.'],
  ['person-failure', 'An engineer ran the cleanup script carelessly and deleted live sessions.'],
  ['character', 'The new engineer did not know what he was doing.'],
  ['character', 'Once again, Hector deployed straight to production.'],
  // A third batch, written after the eval kit's pools passed, to test generalisation.
  ['person-failure', 'Yasmin approved her own pull request without a second reviewer.'],
  ['blame-noun', 'The mistake was made by Grace, who edited the live DNS zone by hand.'],
  ['person-failure', 'The payments engineer never read the migration notes before applying them.'],
  ['person-failure', 'The outage happened because Farah pushed an untested hotfix on Friday evening.'],
  ['person-failure', 'The developer who wrote the retry loop clearly did not think about backoff.'],
  ['counterfactual', 'Had Emeka run the smoke tests, the bad build would never have shipped.'],
  ['counterfactual', 'If Oskar had looked at the error budget, he would have halted the rollout.'],
  ['person-failure', 'Alice, who was on call, ignored the page.'],
  ['person-failure', 'Marek, our on-call engineer, missed the first three pages.'],
  ['harmful-step', 'Dave skipped the canary stage to save time.'],
  ['person-failure', 'Our SRE silenced the pager and went back to sleep.'],
]

const neutral: string[] = [
  'Alice rolled back the deploy at 10:22.',
  'Bob paged the database team.',
  'Marcus enabled the feature flag at 14:05 and watched the error rate.',
  'Helena noticed that the replica was lagging and opened the incident channel.',
  'The on-call engineer acknowledged the page within two minutes.',
  'We did not have alerting on replication lag.',
  'We had no runbook for rotating the credentials.',
  'Our deploy pipeline did not run pending migrations.',
  'The migration step was not part of the automated deploy.',
  'The alert was routed to a channel that nobody was paged from.',
  'The config change reached production without validation.',
  'The scheduler failed to start the second worker because the lock was held.',
  'The load balancer ignored the health check for the draining nodes.',
  'The cache missed most requests after the purge.',
  'The retry loop caused a thundering herd against the database.',
  'The new index broke the ordering assumption in the export job.',
  'The disk filled up because log rotation was disabled in the image.',
  'No individual is at fault; the tooling allowed a destructive command without confirmation.',
  'Nobody made a careless mistake here: the dashboard showed stale data.',
  'The question is what allowed the flag to be enabled early, not who enabled it.',
  'The rollout tool should have stopped at the first failed health check.',
  'The console should reject values that are not numbers.',
  'The certificate expired because renewal depended on a manual reminder.',
  'Kafka failed to replicate the partition after the broker restart.',
  'Cassandra failed to compact the tables before the disk filled.',
  'Aurora failed over to the standby in the other zone.',
  'Postgres ignored the new setting until the next restart.',
  'Deployment failed to complete because the image was missing.',
  'Monitoring missed the spike because it sampled once every five minutes.',
  'Product pages failed to load while the resizer was saturated.',
  'Chen joined the call and took over communication with support.',
  'Priya restored the backup and verified the row counts.',
  'The incident commander asked for updates every fifteen minutes.',
  'Due to the outage, 4,000 orders were delayed.',
  'Because of the regional failover, latency doubled for twenty minutes.',
  'The team decided to pause deploys until the fix landed.',
  'They scaled the consumer group from four to twelve instances.',
  'The error was accidentally masked by a catch-all exception handler.',
  'Human review of the change would not have caught the race: it only shows under load.',
  'The blame-free format of this review is deliberate.',
  'Users reported errors on the checkout page.',
  'A customer missed their delivery window because of the delay.',
  'Sam acknowledged the alert at 02:14 and started the investigation.',
  'The on-call engineer followed the runbook to fail over the database.',
  'The admin console places the delete button next to the export button.',
  'Escalation took 40 minutes because the escalation policy had no second tier.',
  'The release checklist did not cover the upgrade path.',
  'We missed our SLO for the month.',
  'Several customers missed the email about the maintenance window.',
  'The job failed to acquire the lock and exited.',
  'Several engineers did not know the replica existed.',
  'In hindsight, a staged rollout would have limited the blast radius.',
  'An engineer ran the documented cleanup script, which deleted live sessions because its filter matched them.',
  'The team forgot nothing: the procedure simply had no step for the replica.',
  'Nobody ignored the alert; it was never delivered.',
  'Once again, the nightly job overlapped with the backup window.',
  'Dana caught the misconfigured flag before it reached EU customers.',
  'Had the pipeline run the smoke tests, the bad build would not have shipped.',
  'The pipeline deployed an untested build to staging, where the smoke tests caught it.',
  'The person who wrote the runbook documented the failover steps.',
  'The script that Alice wrote retried without a backoff.',
  'The change was merged without a second reviewer because the repository did not require one.',
  // Past perfect, not the inverted counterfactual "Had Emeka run ...".
  'The on-call engineer had checked the dashboard twice before paging.',
  'This was delayed because the deployer\'s local disk had run out of space.',
  'If the job had run on time, the report would have been ready.',
  // Asides about systems, and systems that share a name with people.
  'The scheduler, which runs hourly, missed the window.',
  'Kafka, the message broker, failed to compact the topic.',
  'Jenkins failed to start the build.',
  'Loki failed to ingest the logs for ten minutes.',
  'Priya, who led the response, restored service at 15:10.',
  // Safeguards skipped on purpose, with the purpose or agreement stated, are mitigation steps.
  'Nadia overrode the autoscaler limits to restore capacity.',
  'Jamal bypassed the broken load balancer by pointing DNS at the standby.',
  'Ines disabled the noisy alert at 03:10 with the team\'s agreement.',
  'Mohammed missed nothing: the alert never fired.',
  'Ben skips the staging step, per the emergency change process.',
  'Chen breaks the glass to get admin access to the database.',
]

describe('blameless-language', () => {
  for (const [messageId, sentence] of blame) {
    it(`flags: ${sentence}`, () => {
      expect(flagged(inSection('Summary', sentence))).toEqual([messageId])
    })
  }
  for (const sentence of neutral) {
    it(`does not flag: ${sentence}`, () => {
      expect(flagged(inSection('Summary', sentence))).toEqual([])
    })
  }

  it('a neutral step in the timeline does not turn its actor into a system: "Bob deploys the config"', () => {
    for (const name of ['Bob', 'Ji-woo', 'Oluwaseun', 'Tariq']) {
      const markdown = `# Incident\n\n## Summary\n\n${name} pushed a broken config without review.\n\n## Timeline (UTC)\n\n- 09:50 ${name} deploys the config.\n- 10:15 ${name} builds a new image.\n`
      expect(flagged(markdown), name).toEqual(['person-failure'])
    }
    // "the Orion deploys failed": a system noun after a name still names a system.
    expect(flagged(inSection('Summary', 'The Orion deploys failed twice before the fix.'))).toEqual([])
  })

  it('finds a fault written as a noun with a person as its agent, not who found or fixed it', () => {
    for (const name of ['an engineer', 'Dave', 'Ji-woo', 'Oluwaseun', '@sam', 'PK', 'the contractor']) {
      expect(flagged(inSection('Root cause', `The outage was due to improper configuration of the proxy files by ${name}.`)), name).toEqual(['person-failure'])
      expect(flagged(inSection('Root cause', `An incorrect change pushed by ${name} took checkout down.`)), name).toEqual(['person-failure'])
      expect(flagged(inSection('Summary', `The typo was spotted by ${name} during review.`)), name).toEqual([])
      expect(flagged(inSection('Summary', `The faulty disk was replaced by ${name} at 10:05.`)), name).toEqual([])
      expect(flagged(inSection('Summary', `The bad config was rolled back by ${name}.`)), name).toEqual([])
    }
    expect(flagged(inSection('Root cause', 'The wrong certificate was installed by the renewal job.'))).toEqual([])
    expect(flagged(inSection('Root cause', 'Bad data sent by a customer crashed the parser.'))).toEqual([])
  })

  it('does not take people a clause is about for the ones who acted, nor a status said again for a habit', () => {
    for (const name of ['team members', 'Dave', 'Ji-woo', '@priya']) {
      expect(flagged(inSection('Lessons learned', `It would be useful to have a channel for getting hold of ${name} in a hurry.`)), name).toEqual([])
    }
    expect(flagged(inSection('Timeline', '- 07:00 Prow is once again merging at its usual rate.'))).toEqual([])
    expect(flagged(inSection('Summary', 'The site is once again up and serving traffic.'))).toEqual([])
    // Still blame: the person acts in a hurry; the habit is a person's.
    expect(flagged(inSection('Summary', 'Dave pushed the release in a hurry.'))).toEqual(['person-failure'])
    expect(flagged(inSection('Summary', 'Once again, Hector deployed straight to production.'))).toEqual(['character'])
  })

  it('does not read code, inline code or block quotes', () => {
    const markdown = [
      '# Incident',
      '',
      '## Timeline',
      '',
      '> 10:31 <dave> sorry, I forgot to run the migration',
      '',
      '```',
      'Dave forgot to run the migration',
      '```',
      '',
      'The log said `Dave forgot to run the migration`.',
      '',
    ].join('\n')
    expect(flagged(markdown)).toEqual([])
  })

  it('does not flag headings of a template\'s instructions', () => {
    expect(flagged('# Incident\n\n## What went wrong? Who forgot what should have been done?\n\nThe alert did not fire.\n')).toEqual([])
  })

  it('flags a person named in the root cause, but not a role acting neutrally there', () => {
    expect(flagged(inSection('Root cause', 'Maria ran the cleanup script against the production cluster.'))).toEqual(['person-root-cause'])
    expect(flagged(inSection('Root cause', 'The person who ran the script followed the runbook, which named the wrong cluster.'))).toEqual([])
  })

  it('in the root cause, finds names the NLP knows but our first-names list does not, without tagging sentence openers', () => {
    // Siobhan, Bartholomew and Nguyen are names only compromise's lexicon knows.
    for (const name of ['Siobhan', 'Bartholomew', 'Nguyen']) {
      expect(flagged(inSection('Root cause', `${name} pushed the configuration change to production on Friday.`)), name).toEqual(['person-root-cause'])
    }
    // Capitalised openers and products that the NLP sometimes tags as names in context.
    for (const sentence of [
      'Autoscaling removed every node in the pool within a minute.',
      'Clients retried without jitter, which multiplied the load on Redis.',
      'Meanwhile the CloudWatch alarm stayed in the OK state.',
      'Customer traffic shifted to the secondary region before the fix.',
    ]) {
      expect(flagged(inSection('Root cause', sentence)), sentence).toEqual([])
    }
  })

  it('honours allow and ignoreSections', () => {
    const allow = resolveConfig({ extends: [], rules: { 'blameless-language': ['error', { allow: ['forgot'] }] } })
    expect(lint(inSection('Summary', 'Marcus forgot to enable the flag.'), { config: allow }).messages).toEqual([])
    const ignore = resolveConfig({ extends: [], rules: { 'blameless-language': ['error', { ignoreSections: ['summary'] }] } })
    expect(lint(inSection('Summary', 'Marcus forgot to enable the flag.'), { config: ignore }).messages).toEqual([])
  })

  it('uses the document\'s people: an unknown name listed as an author counts in the root cause', () => {
    const markdown = '# Incident\n\n**Authors:** Tamsin Okafor\n\n## Root cause\n\nTamsin ran the cleanup script against the production cluster.\n'
    expect(flagged(markdown)).toEqual(['person-root-cause'])
  })

  it('reports the sentence span and a suggestion', () => {
    const [message] = lint(inSection('Summary', 'Marcus forgot to enable the flag.'), { config }).messages
    expect(message).toMatchObject({ line: 5, column: 1, endLine: 5, endColumn: 34 })
    expect(message?.suggestion).toMatch(/system/)
  })
})

describe('blameless-language: systems and responders named like people', () => {
  const names = ['Dmitri', 'Ji-woo', 'Oluwaseun', 'Nguyễn', 'Tariq', 'Ana-María']
  it.each(['Emberfall', ...names])('a name right after a system noun names the system: "our game server %s crashed twice"', (name) => {
    expect(flagged(inSection('Summary', `On Saturday our game server ${name} crashed twice after a plugin update.`))).toEqual([])
  })

  it.each(names)('a responder running a fix is no harm: "%s ran a fix that filled the missing zones"', (name) => {
    expect(flagged(inSection('Timeline', `- 04:20 UTC ${name} ran a fix that filled the missing time zones from each device's last report.`))).toEqual([])
  })

  it.each(names)('a timeline step on the live server is the step, not a charge: "%s installs 6.0 on the live server"', (name) => {
    expect(flagged(inSection('Timeline', `- 12:45 UTC ${name} installs version 6.0 of the land-claims plugin on the live server.`))).toEqual([])
  })

  it.each(names)('but a risky time or a skipped way still is, for %s as for anyone', (name) => {
    expect(flagged(inSection('Timeline', `- 12:45 UTC ${name} installs version 6.0 on the live server without testing it first.`)).length).toBeGreaterThan(0)
    expect(flagged(inSection('Summary', `${name} installed version 6.0 straight to production during the change freeze.`)).length).toBeGreaterThan(0)
  })
})
