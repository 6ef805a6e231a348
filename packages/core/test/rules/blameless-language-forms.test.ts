import { describe, expect, it } from 'vitest'
import { lint, resolveConfig } from '../../src/index.js'

// Our own sentences, written for these tests (not taken from any eval pool or corpus document).
const config = resolveConfig({ extends: [], rules: { 'blameless-language': 'error' } })
const inSection = (section: string, sentence: string): string => `# Incident\n\n## ${section}\n\n${sentence}\n`
const messages = (markdown: string) => lint(markdown, { config }).messages.filter((m) => m.ruleId === 'blameless-language')
const flagged = (sentence: string, section = 'What went wrong'): boolean => messages(inSection(section, sentence)).length > 0

/**
 * Names from many cultures, written as their owners write them (family name first where that is
 * usual, diacritics kept), plus @handles and initials. A blamelessness check must give the same
 * verdict whatever the name.
 */
const NAMES = [
  ['Welsh', 'Gareth Hughes'],
  ['Arabic', 'Yousef Al-Mansouri'],
  ['Arabic', 'Rania'],
  ['Chinese', 'Liu Yang'],
  ['Chinese', 'Huang Meiling'],
  ['Japanese', 'Nakamura Ren'],
  ['Japanese', 'Aoi'],
  ['Korean', 'Choi Min-seo'],
  ['Korean', 'Seo-yeon'],
  ['Vietnamese', 'Lê Văn Hùng'],
  ['Tamil', 'Karthikeyan'],
  ['Hindi', 'Aditi Sharma'],
  ['Yoruba', 'Folake Ogunleye'],
  ['Igbo', 'Nnamdi Okeke'],
  ['Kikuyu', 'Wanjiru'],
  ['Amharic', 'Tsegaye Bekele'],
  ['Turkish', 'Güler Aydın'],
  ['Persian', 'Dariush Rahimi'],
  ['Polish', 'Grzegorz Wiśniewski'],
  ['Basque', 'Itziar Etxeberria'],
  ['Icelandic', 'Þórdís'],
  ['Russian', 'Yevgeny Sorokin'],
  ['Norwegian', 'Sølvi'],
  ['Hebrew', 'Noa Ben-David'],
  ['Māori', 'Wiremu'],
  ['Greek', 'Eleftheria Papadopoulou'],
  ['Hungarian', 'Zsófia'],
  ['Filipino', 'Maricel dela Cruz'],
  ['Indonesian', 'Sri Wahyuni'],
  ['Thai', 'Somchai'],
  ['Portuguese', 'João Pedro Antunes'],
  ['Irish', "Siobhán O'Malley"],
  ['English', 'Dave'],
  ['handle', '@gh.okafor'],
  ['handle', '@l-m-ramos'],
  ['handle', '@dev_ana42'],
  ['initials', 'RK'],
  ['initials', 'BW'],
  ['initials', 'J.M.'],
] as const

const BLAME_TEMPLATES = [
  '{N} deleted the only copy of the billing snapshot.',
  '{N} forgot to renew the wildcard certificate.',
  '{N} turned off the disk-usage alerts and never turned them back on.',
  '{N} shipped a half-finished schema change to every region.',
  'The payments topic was purged by {N} during the upgrade.',
  'It was {N} who ran the reindex against production.',
  "{N}'s typo in the routing table sent all traffic to one zone.",
  'Despite being warned twice, {N} merged the change on a Friday evening.',
  'Cause: {N} applied the wrong Terraform workspace.',
  'If {N} had checked the replication lag, the failover would have waited.',
  '{N} approved their own change and pushed it straight to production.',
  'Because {N} had disabled the health checks, the bad hosts stayed in rotation.',
  '{N} was careless with the database credentials.',
  'The rollback was delayed by {N}, who was not answering the pager.',
]

const NEUTRAL_TEMPLATES = [
  '{N} rolled back the deploy and confirmed the error rate dropped.',
  '{N} paged the storage team at the first alert.',
  '{N} restored the orders table from the nightly snapshot.',
  '{N} drained the unhealthy node and watched the queue recover.',
  "Thanks to {N}'s quick failover, customers saw only a minute of errors.",
  '{N} owns the notification service and joined the bridge.',
  '{N} wrote the first status update for customers.',
  '{N} confirmed that no data was lost.',
  '{N} removed the failing node from the pool to stop the errors.',
  '{N} followed the runbook, and the runbook pointed at the wrong cluster.',
]

describe('blameless-language: the verdict does not depend on the name', () => {
  for (const template of BLAME_TEMPLATES) {
    it(`flags for every name: ${template}`, () => {
      const missed = NAMES.filter(([, name]) => !flagged(template.replace('{N}', name))).map(([culture, name]) => `${name} (${culture})`)
      expect(missed).toEqual([])
    })
  }
  for (const template of NEUTRAL_TEMPLATES) {
    it(`never flags for any name: ${template}`, () => {
      const wrong = NAMES.filter(([, name]) => flagged(template.replace('{N}', name))).map(([culture, name]) => `${name} (${culture})`)
      expect(wrong).toEqual([])
    })
  }
  it('covers at least 15 cultures, handles and initials', () => {
    const cultures = new Set(NAMES.map(([culture]) => culture))
    expect(cultures.size).toBeGreaterThanOrEqual(17)
    expect(cultures.has('handle') && cultures.has('initials')).toBe(true)
  })
})

/** Each form of blame: sentences that must be flagged, and look-alikes that must not. */
const FORMS: Record<string, { blame: string[]; neutral: string[] }> = {
  'passive with a person as agent': {
    blame: [
      'The customer index was dropped by Marguerite while she was tidying old tables.',
      'The retention policy was switched off by the platform lead and never restored.',
      'The broken build was promoted to production by @k.ferreira.',
      'Both replicas were wiped by an intern running a cleanup script.',
    ],
    neutral: [
      'The index was rebuilt by the migration job on every deploy.',
      'The incident was declared by Marguerite at the second page.',
      'The fix was reviewed by two engineers before it shipped.',
      'Traffic was moved to the standby region by the failover controller.',
    ],
  },
  'cleft': {
    blame: [
      'It was Ignacio who pushed the untested config to the edge nodes.',
      'It was the contractor who deleted the production bucket.',
      "It was Halima's script that truncated the invoices table.",
      'What caused the outage was the DBA disabling replication to speed up the import.',
    ],
    neutral: [
      'It was Ignacio who spotted the spike on the latency graph.',
      'It was the failover controller that promoted the stale replica.',
      'It was a race between two cron jobs that deleted the export.',
    ],
  },
  'possessive agent': {
    blame: [
      "Bartosz's manual edit of the DNS zone removed the mail records.",
      "Her unreviewed change to the proxy config broke TLS for every client.",
      "The outage began with Kalani's untested hotfix to the session store.",
      "Anselm's cleanup script wiped the shared volume along with the temp files.",
    ],
    neutral: [
      "Bartosz's runbook for the DNS failover made the switch take two minutes.",
      "Thanks to Kalani's quick rollback, the error rate was back to normal.",
      "Anselm's graph of queue depth showed where the backlog started.",
      "Her call to pause the deploys early kept the damage small.",
    ],
  },
  'label fragment': {
    blame: [
      "Cause: Rufaro's typo in the load-balancer weights.",
      'Root cause: the on-call engineer restarted the wrong cluster.',
      'Responsible: Ottoline (forgot to extend the domain).',
      'Trigger: @mbeki.t ran the purge job against the live shard.',
    ],
    neutral: [
      'Owner: Rufaro (platform team).',
      'Detected by: the on-call engineer, from the latency alert.',
      'Cause: the renewal job had been failing silently for weeks.',
      'Trigger: a config push that raised the connection limit.',
    ],
  },
  'despite being told, warned, reminded': {
    blame: [
      'Despite being reminded in the channel, Leopold rebooted the primary at noon.',
      'Even though she had been warned about the freeze, Ximena released the mobile build.',
      'Anneke was told twice to rotate the key and still left the old one active.',
      'In spite of the warnings from the DBA, the developer ran the migration at peak.',
    ],
    neutral: [
      'Despite the warnings from the monitoring, the job kept retrying.',
      'Leopold was told about the spike and paged the database team.',
      'Even though the alert fired, the page went to a retired rota.',
    ],
  },
  'process bypass': {
    blame: [
      'Ugo approved his own pull request and deployed it the same hour.',
      'The release manager got around the change freeze by calling it a hotfix.',
      'Marisol deployed from her laptop instead of going through the pipeline.',
      'Our SRE merged without a ticket and skipped the change board.',
    ],
    neutral: [
      'The pipeline requires a second approver for every production change.',
      'Ugo skipped the staging step, per the emergency change process.',
      'Approving your own change is now blocked by branch protection.',
    ],
  },
  'ignoring': {
    blame: [
      'Radomir decided to ignore the low-disk warning until morning.',
      'The on-call chose to ignore the flapping alert for two hours.',
      'Jolene dismissed the canary failure as noise and continued the rollout.',
    ],
    neutral: [
      'The load balancer ignored the health check for draining nodes.',
      'The parser ignores unknown fields, so the typo was silently dropped.',
      'These warnings are ignored by the scheduler and can be removed safely.',
    ],
  },
  'sarcasm': {
    blame: [
      'Naturally, Osvaldo picked the busiest hour of the day to rotate the keys.',
      'Kudos to Emrys for deploying on a Friday night and logging off.',
      'Apparently the checklist was optional reading for the new hire.',
    ],
    neutral: [
      'Naturally, the first thing Osvaldo did was page the database team.',
      'Kudos to Emrys for spotting the expired certificate.',
      'Apparently the job had been failing for days before anyone noticed.',
    ],
  },
  'subordinate clause': {
    blame: [
      'After Teodora pushed her untested fix, the error rate tripled.',
      'The shard went read-only because Ibrahim had deleted its only replica.',
      'Writes failed for an hour, since Manon had paused the consumers and forgotten about them.',
      'We lost the export when Casimir ran the compaction on the wrong node.',
    ],
    neutral: [
      'After Teodora rolled back the release, the error rate dropped.',
      'The shard went read-only because its disk filled up.',
      'We recovered the export when Casimir restored the snapshot.',
    ],
  },
  'counterfactual': {
    blame: [
      'Had Lorcan waited for the canary, the bad build would have stopped in one region.',
      'If the reviewer had read the diff, she would have seen the deleted line.',
      'Benedikt should have checked the replica lag before promoting it.',
    ],
    neutral: [
      'Had the breaker been enabled, the timeouts would have stayed in the search tier.',
      'If the lock lease expires, the worker stops writing.',
      'The pipeline should have stopped at the first failed health check.',
      'Once the import finishes, Forge should have added the build scripts to the project.',
    ],
  },
  'hindsight and character': {
    blame: [
      'In hindsight, Gwendolyn should have known the migration would lock the table.',
      'The junior engineer was clearly out of his depth on the database.',
      'Sloppy work by the contractor left the firewall open.',
    ],
    neutral: [
      'In hindsight, a staged rollout would have limited the blast radius.',
      'Lazy loading for rules keeps start-up fast.',
      'The careless-write detector flagged the duplicate rows.',
    ],
  },
  'rushing and human error': {
    blame: [
      'Fenella rushed the rollout to make the demo and skipped the canary.',
      'The outage was human error during the certificate swap.',
      'Taavi ran the teardown script in the production account by mistake.',
    ],
    neutral: [
      'Our template no longer allows "human error" as a cause.',
      'The rollout was rushed through the pipeline by an automated retry.',
      'Human review would not have caught the race; it only shows under load.',
    ],
  },
  'omission and leaving things on': {
    blame: [
      'Ilse left verbose logging enabled on the primary, and it filled the disk.',
      'The platform team never updated the runbook after the migration.',
      'Quentin did not add the new subnet to the firewall allowlist.',
      'Marta let the certificate lapse over the holiday.',
    ],
    neutral: [
      'Ilse left the incident channel once the fix was confirmed.',
      'We did not have an alert on replication lag.',
      'Several engineers did not know the replica existed.',
      'Quentin did not restart the service, because the runbook said to wait for the drain.',
    ],
  },
  'groups and pronouns': {
    blame: [
      'The mobile team shipped a build that hammered the login API and took it down.',
      'The devs pushed a migration that dropped the audit columns.',
      'Priyanka had the only root token, and she used it to wipe the staging and production keys.',
      'They turned off paging for the weekend and went home.',
    ],
    neutral: [
      'The mobile team shipped a fix within the hour.',
      'Our team had never rehearsed a regional failover.',
      'They scaled the consumer group from four to twelve instances.',
      'The backends rejected the cipher list because they did not support it.',
    ],
  },
}

// A second batch, written after the forms above passed, to check that the grammar carries over.
const SECOND_BATCH = {
  blame: [
    'The deploy was done by Rohan without running the smoke tests.',
    'Nobody had told Amara, so she ran the migration during peak hours.',
    'Eun-ji pasted the production password into a public channel.',
    "Hamid's decision to skip the load test meant the pool limit was never exercised.",
    'The SRE on duty assumed the alert was noise and silenced it.',
    'Joaquim ran the destroy plan in the wrong workspace.',
    'Because Kwabena restarted every broker at once, the cluster lost quorum.',
    "Sigrid's hand-edited zone file dropped the MX records.",
    'Ravindra was asked to wait for the freeze to end but deployed anyway.',
    'If only Mei had looked at the canary graphs.',
    "Luca's negligence led to the data loss.",
    'The incident was caused by the release engineer mistyping the region.',
    "Arjun didn't wait for the replica to catch up before failing over.",
    'Our intern force-pushed over main and erased a week of commits.',
    'The change was approved by Dmitri without reading it.',
    'After Yerlan truncated the events table, replication broke.',
    'Ewa should not have deployed during the freeze.',
    'A junior engineer pushed to prod without a review.',
    'Patrícia overrode the failing check and merged.',
    'Tunde approved the migration even though the tests were failing.',
  ],
  neutral: [
    'Rohan paused the consumers so the backlog could drain.',
    'Eun-ji rotated the leaked password within ten minutes.',
    'The SRE on duty silenced the duplicate alert after confirming the primary one.',
    'Kwabena restarted the brokers one at a time, as the runbook describes.',
    'Joaquim deleted the temporary bucket once the export finished.',
    'The contractor who built the dashboard joined the review.',
    'Arjun waited for the replica to catch up before failing over.',
    'Sigrid dropped the unused index after the query plans confirmed it was idle.',
    'We turned off the noisy disk alert and replaced it with a rate-based one.',
    "Thanks to Obinna's script, the tables were restored in minutes.",
    'Nobody noticed the expiry because the reminder went to a dead mailbox.',
    'The tests were red, so Tunde held the migration.',
    'Mei looked at the canary graphs and stopped the rollout.',
    'Dmitri approved the change after the second review.',
    'Luca owns the backup tooling and ran the restore drill.',
    'Yerlan truncated the events table in the staging environment to reset the test data.',
    'Patrícia overrode the autoscaler minimum to restore capacity.',
    "Ewa deployed during the freeze with the incident commander's approval.",
    'The on-call engineer who was paged first escalated to the network team.',
    'Ayesha merged the fix at midnight after two reviews.',
  ],
}

describe('blameless-language: a second batch of our own sentences', () => {
  for (const sentence of SECOND_BATCH.blame) it(`flags: ${sentence}`, () => expect(flagged(sentence)).toBe(true))
  for (const sentence of SECOND_BATCH.neutral) it(`does not flag: ${sentence}`, () => expect(flagged(sentence)).toBe(false))
})

// A third batch, written after the second passed.
const THIRD_BATCH = {
  blame: [
    'Asel bumped the pool size to 500 without telling the DBA team.',
    'The on-call, Björk, acknowledged the page and went back to sleep.',
    'Without asking anyone, Hiroki reverted the schema migration in production.',
    "Esperanza's late-night hotfix bypassed the canary and broke login.",
    'Kaito misread the graph and scaled the wrong deployment down to zero.',
    'The support engineer gave the customer admin rights by accident.',
    'Mariam had been told the flag was dangerous, but she flipped it on for every tenant anyway.',
    'It was our contractor, not the vendor, who rotated the wrong key.',
    'Because Hemi skipped the pre-deploy checklist, the migration ran twice.',
    '@p.nowak force-pushed to main and wiped three days of history.',
    'Blame for the outage lies with the release captain.',
    'The DBA should have caught the missing index in review.',
    'Sunita was paged three times and did not respond.',
    "Andile's rushed change to the retry settings caused the storm.",
  ],
  neutral: [
    'Tomás kicked off the reindex at 02:00, as planned, and watched the latency.',
    'Asel bumped the pool size to 500 after checking with the DBA team.',
    'Björk acknowledged the page within a minute and started the runbook.',
    'Hiroki reverted the schema migration in production to stop the lock storm.',
    "Esperanza's hotfix restored login for every customer.",
    'Kaito scaled the broken deployment down to zero to stop the crash loop.',
    "The support engineer removed the customer's admin rights after the audit.",
    'Mariam flipped the flag off for every tenant once the errors started.',
    'Our contractor rotated the exposed key within the hour.',
    'Hemi ran the pre-deploy checklist twice before the migration.',
    '@p.nowak restored main from the mirror and verified the history.',
    'Nobody is to blame for the outage; the release tooling allowed it.',
    'The review should have included a load test, and now it does.',
    'Sunita was paged three times because the escalation policy looped.',
    "Andile's change to the retry settings stopped the storm.",
    'The incident commander decided to fail over to the secondary region.',
    'Jin-woo dropped the feature flag after the experiment ended.',
    'The platform team disabled the legacy endpoint as announced in March.',
    'Users kept retrying, which overloaded the login service.',
    'The deploy bot pushed the broken image to all regions before the canary caught it.',
  ],
}

describe('blameless-language: a third batch of our own sentences', () => {
  for (const sentence of THIRD_BATCH.blame) it(`flags: ${sentence}`, () => expect(flagged(sentence)).toBe(true))
  for (const sentence of THIRD_BATCH.neutral) it(`does not flag: ${sentence}`, () => expect(flagged(sentence)).toBe(false))
})

describe('blameless-language: form by form', () => {
  for (const [form, { blame, neutral }] of Object.entries(FORMS)) {
    describe(form, () => {
      for (const sentence of blame) it(`flags: ${sentence}`, () => expect(flagged(sentence)).toBe(true))
      for (const sentence of neutral) it(`does not flag: ${sentence}`, () => expect(flagged(sentence)).toBe(false))
    })
  }
})

describe('blameless-language: not people, or not blame (issue 16)', () => {
  const notFlagged: [string, string][] = [
    // A changelog credit names who wrote the fix, not a cause.
    ['Summary', '- Fix: revert changes to key-spacing due to regression (#12598) (Kai Cataldo)'],
    ['Summary', '- Update: retry uploads because of a timeout in the client (#881) (Mirela Ionescu)'],
    // A capitalised common word at the start of a label is not a name.
    ['Summary', '- Fix: Typo in error message when the config file is missing'],
    ['Summary', 'Typo in the alert text sent the page to the wrong rota.'],
    // A product with a name that is a common word, and "without" that is not an omission.
    ['Summary', 'Chromium contains a helper to print stack traces to console without interrupting the program.'],
    ['Summary', 'The library retries the request without blocking the caller.'],
    // "They" about things, in a passive.
    ['Summary', 'They [back-references] are basically ignored and can be removed without changing the behaviour.'],
    ['Summary', 'Back-references that only match the empty string are useless. They are basically ignored and can be removed without changing the behaviour.'],
    ['Summary', 'Stale entries are ignored by the reader and can be deleted without affecting the index.'],
    // An expectation about a tool, not a judgement of a person.
    ['Summary', 'Once the conversion script is done, Forge should have added a few scripts to your package.json.'],
    // A character word about a thing, even with people in the sentence.
    ['Summary', 'Lazy loading for rules and agents.'],
    ['Summary', '- Lazy loading for rules and agents, by Priya'],
    ['Summary', "Lazy loading keeps the engineers' start-up fast."],
    ['Summary', 'The client uses a lazy connection pool that opens sockets on first use.'],
  ]
  for (const [section, sentence] of notFlagged) {
    it(`does not flag: ${sentence}`, () => expect(messages(inSection(section, sentence))).toEqual([]))
  }

  it('names the subject as a noun phrase, not the words before it', () => {
    const [message] = messages(inSection('Summary', "It's also possible the author forgot to use some piece of instance data."))
    expect(message?.message).toContain('makes the author the subject')
    const [second] = messages(inSection('Summary', 'Perhaps the new contractor forgot to renew the domain.'))
    expect(second?.message).toContain('makes the new contractor the subject')
  })
})

describe('blameless-language: what it never reads', () => {
  it('skips code, inline code, block quotes and quoted blame', () => {
    const markdown = [
      '# Incident',
      '',
      '## What went wrong',
      '',
      '> 10:31 <osvaldo> I wiped the prod bucket by mistake, sorry',
      '',
      '```',
      'Osvaldo deleted the production backups',
      '```',
      '',
      'The bot posted `Osvaldo deleted the production backups` to the channel.',
      '',
      'An earlier draft called it "human error" and said the engineer "should have known"; we removed both.',
      '',
    ].join('\n')
    expect(messages(markdown)).toEqual([])
  })

  it('does not treat attackers or customers as the people a review blames', () => {
    for (const sentence of [
      'The attacker used a stolen deploy key to push a modified image to the registry.',
      'A customer deleted their own workspace and asked support to restore it.',
      'Someone outside the company scraped the public API until the quota ran out.',
    ]) {
      expect(flagged(sentence), sentence).toBe(false)
    }
  })

  it('reads timeline steps by people as neutral', () => {
    const markdown = [
      '# Incident',
      '',
      '## Timeline (UTC)',
      '',
      '- 10:02 Nakamura Ren deleted the stuck pods and the deploy resumed.',
      '- 10:05 @gh.okafor restarted the consumers.',
      '- 10:09 RK removed the bad node from the pool.',
      '- 10:12 Wanjiru dropped the duplicate index after checking the query plans.',
      '- 10:14 Wen truncated the session table to clear the poisoned entries.',
      '- 10:15 Amir killed the runaway query on the primary.',
      '- 10:16 Bob deleted the DNS record and traffic recovered.',
      '',
    ].join('\n')
    expect(messages(markdown)).toEqual([])
  })

  it('in a root cause, flags a person as the cause but not a person acting by a procedure that was wrong', () => {
    for (const sentence of ['Kenta deployed the release without a canary.', '- Backups deleted by @ops.li during the cleanup', 'Maarit ran the cleanup script against the production cluster.']) {
      expect(messages(inSection('Root cause', sentence)).length, sentence).toBe(1)
    }
    for (const sentence of [
      'Lindiwe applied the migration as the runbook describes, but the runbook omitted the lock timeout.',
      'The migration Ayodele wrote had no lock timeout, so it blocked writes for an hour.',
      "When Farida promoted the replica, the health check still read the old primary's metric.",
      'The release that Sadia approved carried a config change nobody had tested.',
      "Ilkka's change was correct; the validator rejected it because its schema was out of date.",
      'The on-call engineer followed the documented failover, which did not drain connections first.',
      'TQ reinstated the previous certificate from the vault after the alert.',
    ]) {
      expect(messages(inSection('Root cause', sentence)), sentence).toEqual([])
    }
  })

  it('uses system names the document itself gives', () => {
    const markdown = ['# Incident', '', '## Summary', '', 'The Zorvex service handles checkout.', '', 'Zorvex overwrote the cart table during the deploy.', ''].join('\n')
    expect(messages(markdown)).toEqual([])
    const withoutContext = ['# Incident', '', '## Summary', '', 'Zorvex overwrote the cart table during the deploy.', ''].join('\n')
    expect(messages(withoutContext).length).toBe(1)
  })
})
