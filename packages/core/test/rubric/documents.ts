/**
 * Postmortems of our own writing for the rubric tests: a complete P2 review, a short complete
 * near-miss, and a rambling account that tells the story and shows none of the checklist.
 */

export const completeP2 = `# Invoice e-mails sent twice

- **Date:** 2025-06-03
- **Severity:** P2
- **Status:** Reviewed
- **Authors:** Priya Raman, Tomás Ferreira
- **Follow-up review:** 2025-07-01

## Summary

For 52 minutes on 3 June the invoice mailer sent every invoice e-mail twice. About 8,300
customers received a duplicate; no invoice was charged twice.

## Impact

- 8,300 customers (6% of those invoiced that day) received two copies of their invoice e-mail.
- The duplicates went out over 52 minutes, from 09:14 to 10:06 UTC.
- 212 support tickets were opened about them; no payment was taken twice.

## Timeline (all times UTC)

- 09:02 — The mailer release 4.18 is deployed to all workers.
- 09:14 — **Onset.** Workers start acknowledging queue messages only after sending, and a slow SMTP relay makes acknowledgements time out.
- 09:31 — **Detection.** The duplicate-send alert fires and pages the billing on-call, Ana Costa.
- 09:40 — Ana Costa opens an incident and pauses the invoice queue.
- 09:52 — **Mitigation.** The workers are rolled back to release 4.17 and the queue is resumed.
- 10:06 — **Resolution.** The last retried message drains; no duplicates are sent after it.

## Root cause

Release 4.18 moved the queue acknowledgement after the SMTP send. When the relay slowed down,
sends took longer than the queue's 30-second visibility timeout, so the queue redelivered
messages that were still being sent and a second worker sent them again.

## Contributing factors

- The mailer keeps no record of sent invoice ids, so a redelivered message is always sent again.
- The staging relay answers instantly, so the load test never exercised a slow relay.
- The duplicate-send alert waits for 15 minutes of duplicates before it pages.

## What went well

- Pausing the queue stopped new duplicates within a minute.

## Action items

| Action | Owner | Due | Ticket |
| --- | --- | --- | --- |
| Record sent invoice ids and skip a message whose id was already sent | @priya | 2025-06-20 | BILL-311 |
| Add a 2-second relay delay to the staging load test of the mailer | @tomas | 2025-06-27 | BILL-312 |
| Page on duplicate sends after 3 minutes instead of 15 | @ana | 2025-06-13 | BILL-313 |
`

export const nearMissP4 = `# Near-miss: the backup bucket's retention rule would have deleted last week's backups

- **Date:** 2025-09-09
- **Severity:** P4
- **Status:** Closed
- **Authors:** Lena Vogt
- **Follow-up review:** 2025-10-07

## Summary

A restore drill found that a retention rule added on 1 September would delete database backups
after 3 days instead of 30. No backup had been deleted yet and no customer was affected.

## Root cause

The retention rule was written in days while the bucket policy tool reads the number as weeks
divided by ten, so "30" became 3 days; the policy tool has no preview of what a rule will delete.

## Action items

| Action | Owner | Due | Ticket |
| --- | --- | --- | --- |
| Show the objects a retention rule will delete before it is applied | @lena | 2025-09-30 | OPS-88 |
| Run the restore drill weekly instead of monthly | @lena | 2025-09-16 | OPS-89 |
`

/** Paragraphs of story: who did what, in no particular order, with no section the checklist asks for. */
export const ramblingParagraphs = [
  'It started on a quiet afternoon. Several of us were in the office and the dashboards looked normal, so nobody expected anything.',
  'Later somebody in the support channel said that a customer had written in, and we started looking around the different services to see what could be going on.',
  'We looked at the load balancers first, then at the databases, then at the application servers. Each of them looked fine to us at the time.',
  'After a while things got better on their own, and we went back to what we had been doing, although we kept an eye on the graphs.',
  'The next morning we talked about it over coffee and agreed that it had been a strange day and that we should probably look into it at some point.',
]

export function rambling(repeat = 1): string {
  const body: string[] = []
  for (let index = 0; index < repeat; index++) body.push(...ramblingParagraphs)
  return `# What happened on Tuesday\n\n## Background\n\n${body.join('\n\n')}\n`
}

/** The document without its `## <heading>` section (up to the next level-2 heading). */
export function withoutSection(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}`)
  if (start < 0) throw new Error(`no section ${heading}`)
  const next = markdown.indexOf('\n## ', start + 1)
  return markdown.slice(0, start) + (next < 0 ? '\n' : markdown.slice(next))
}

/** Neutral prose that adds no evidence: no times, numbers, causes, actions or people. */
export const padding =
  'The service had been running in this configuration for a long time, and the team had discussed its design in several earlier meetings without reaching a firm conclusion about whether it should change.'
