import { describe, expect, it } from 'vitest'
import { lint } from '../../src/index.js'
import { md, parse, spanOf, textAt } from './helpers.js'

const kinds = (source: string) => parse(source).allSections.map((section) => [section.kind, section.title])

describe('recovery: headings that are not Markdown headings', () => {
  it('reads a plain-text document with no blank lines, section by section', () => {
    const source = [
      'Checkout outage at Nordlys Books',
      'Issue Summary:',
      'Card payments failed for 40 minutes.',
      'Timeline:',
      '9:05 AM: The error-rate alert fired.',
      '9:20 AM: Ifeoma rolled back the release.',
      '9:45 AM: Payments recovered.',
      'Root Cause: The release removed the retry on the card gateway client.',
      'Corrective and Preventive Measures:',
      'Add a contract test for the gateway retry to CI.',
      'Alert when card failures exceed 2% for 5 minutes.',
      '',
    ].join('\n')
    const doc = parse(source)
    expect(doc.allSections.map((section) => section.kind)).toEqual(['summary', 'timeline', 'root-cause', 'action-items'])
    expect(doc.timeline?.entries.map((entry) => [entry.timeText, entry.time?.hour])).toEqual([
      ['9:05 AM', 9],
      ['9:20 AM', 9],
      ['9:45 AM', 9],
    ])
    expect(doc.causes.rootCause?.text).toBe('The release removed the retry on the card gateway client.')
    expect(doc.actionItems.map((item) => item.text)).toEqual([
      'Add a contract test for the gateway retry to CI.',
      'Alert when card failures exceed 2% for 5 minutes.',
    ])
    // Every recovered piece points at the text the author wrote.
    expect(textAt(source, doc.allSections[1]!.headingSpan)).toBe('Timeline:')
    expect(textAt(source, doc.allSections[2]!.headingSpan)).toBe('Root Cause:')
    expect(textAt(source, doc.causes.rootCause!.span)).toBe('The release removed the retry on the card gateway client.')
    expect(textAt(source, doc.timeline!.entries[1]!.timeSpan)).toBe('9:20 AM')
    expect(textAt(source, doc.actionItems[1]!.textSpan)).toBe('Alert when card failures exceed 2% for 5 minutes.')
  })

  it('reads bold lines, bold labels with text, upper-case, emoji and question headings', () => {
    const source = md`
      # Nightly export stalled

      **What happened?**

      The nightly export to the warehouse stalled for six hours.

      📉 IMPACT

      Finance dashboards showed data two days old for 1,200 users.

      **Why did it happen?** The export job held a lock that the vacuum job waited on.

      **What are we doing to prevent it from happening again?**

      - Add a lock timeout of 30 s to the export job (owner: @chen.wei, due 2025-06-01)
    `
    expect(kinds(source)).toEqual([
      ['summary', 'What happened?'],
      ['impact', 'IMPACT'],
      ['causes', 'Why did it happen?'],
      ['action-items', 'What are we doing to prevent it from happening again?'],
    ])
    const doc = parse(source)
    expect(doc.actionItems).toHaveLength(1)
    expect(textAt(source, doc.allSections[2]!.headingSpan)).toBe('**Why did it happen?**')
  })

  it('splits a heading that carries its first sentence', () => {
    const source = md`
      # Search outage

      ## Root Cause: The index rebuild ran on the primary instead of a replica.

      It started at the top of the hour.
    `
    const doc = parse(source)
    const section = doc.section('root-cause')!
    expect(section.title).toBe('Root Cause')
    expect(textAt(source, section.headingSpan)).toBe('## Root Cause:')
    expect(doc.causes.rootCause?.text).toMatch(/^The index rebuild ran on the primary instead of a replica\./)
    expect(textAt(source, doc.causes.rootCause!.span)).toMatch(/^The index rebuild ran/)
  })

  it('reads raw HTML headings and the paragraphs between them', () => {
    const source = '<h1>Broken uploads</h1>\n<h2>Timeline</h2>\n<p>10:05 UTC uploads started failing</p>\n<p>10:40 UTC fix deployed</p>\n'
    const doc = parse(source)
    expect(doc.title?.text).toBe('Broken uploads')
    expect(doc.timeline?.entries.map((entry) => entry.text)).toEqual(['uploads started failing', 'fix deployed'])
    expect(textAt(source, doc.timeline!.entries[1]!.timeSpan)).toBe('10:40 UTC')
  })

  it('keeps a label line as a field when the document has that section under a real heading', () => {
    const source = md`
      # Queue backlog

      ## Summary

      Root cause: a consumer deploy without the new schema.

      ## Root cause

      The consumer was deployed before the schema migration finished.
    `
    const doc = parse(source)
    expect(doc.allSections.map((section) => section.kind)).toEqual(['summary', 'root-cause'])
    expect(doc.causes.rootCause?.text).toMatch(/^The consumer was deployed/)
  })

  it('makes unnamed bold labels sub-headings of the section they are in, not siblings', () => {
    const source = md`
      # Disk full

      ## Contributing factors

      **Technical:**

      - Log rotation was disabled on the new image

      **Process:**

      - No alert on disk usage
    `
    const doc = parse(source)
    const factors = doc.section('contributing-factors')!
    expect(factors.subsections.map((section) => [section.title, section.depth])).toEqual([
      ['Technical', 3],
      ['Process', 3],
    ])
    // As under real sub-headings, each factor is read with the group it sits in.
    expect(doc.causes.contributingFactors.map((item) => item.text)).toEqual([
      'Technical. Log rotation was disabled on the new image',
      'Process. No alert on disk usage',
    ])
  })

  it.each([
    ['a plain line that only contains a section word', 'Minimal impact on users'],
    ['a short upper-case placeholder', 'TBD'],
    ['a sentence ending in a period', 'The timeline follows.'],
    ['a metadata field', 'Follow-up review: 2025-03-10'],
    ['a long sentence with a colon', 'We learned one thing about the root cause: it was the cache all along, as usual'],
  ])('does not make a heading of %s', (_, line) => {
    const doc = parse(`# Outage\n\n## Details\n\n${line}\n`)
    expect(doc.allSections.map((section) => section.title)).toEqual(['Details'])
  })
})

describe('recovery: blocks Markdown misreads', () => {
  it('reads an indented timeline that Markdown would render as code', () => {
    const source = '# Outage\n\n## Timeline\n\nAll times UTC.\n\n    01:00 AM: disk alert fired\n    01:10 AM: on-call engineer paged\n    01:45 AM: volume resized\n'
    const doc = parse(source)
    expect(doc.timeline?.entries.map((entry) => [entry.timeText, entry.text])).toEqual([
      ['01:00 AM', 'disk alert fired'],
      ['01:10 AM', 'on-call engineer paged'],
      ['01:45 AM', 'volume resized'],
    ])
    expect(doc.timeline!.entries[2]!.timeSpan).toEqual(spanOf(source, '01:45 AM'))
  })

  it('reads a bullet-less action list in an indented block, one action per line', () => {
    const source = '# Outage\n\n## Action items\n\n    Add an alert on replica lag above 30 seconds.\n    Document the failover steps in the runbook.\n'
    const doc = parse(source)
    expect(doc.actionItems.map((item) => item.text)).toEqual(['Add an alert on replica lag above 30 seconds.', 'Document the failover steps in the runbook.'])
    expect(doc.actionItems[1]!.textSpan).toEqual(spanOf(source, 'Document the failover steps in the runbook.'))
  })

  it('keeps code as code', () => {
    const source = '# Outage\n\n## Resolution\n\n    kubectl rollout undo deploy/api\n    kubectl get pods -n api\n\n    NAME    READY   STATUS\n    api-1   1/1     Running\n'
    const doc = parse(source)
    expect(doc.tree.children.filter((node) => node.type === 'code')).toHaveLength(1)
    expect(doc.prose.map((sentence) => sentence.text)).toEqual(['Resolution'])
  })

  it('reads a whole document pasted inside a ```markdown fence', () => {
    const inner = '# Cache outage\n\n## Timeline\n\n- 14:00 UTC cache cluster lost quorum\n- 14:30 UTC cluster rebuilt\n\n## Root cause\n\nTwo nodes were rebooted by the same maintenance job at once.\n'
    const source = '```markdown\n' + inner + '```\n'
    const doc = parse(source)
    expect(doc.title?.text).toBe('Cache outage')
    expect(doc.timeline?.entries).toHaveLength(2)
    expect(doc.timeline!.entries[1]!.timeSpan).toEqual(spanOf(source, '14:30 UTC'))
    expect(doc.causes.rootCause?.span).toEqual(spanOf(source, 'Two nodes were rebooted by the same maintenance job at once.'))
  })

  it('leaves a ```markdown snippet inside a postmortem alone', () => {
    const source = md`
      # Outage

      ## Action items

      - Add this to the template (owner: @ana, due 2025-05-01):

      ${'```'}markdown
      ## Follow-up review
      ${'```'}
    `
    expect(parse(source).allSections.map((section) => section.title)).toEqual(['Action items'])
  })

  it('reads lines joined by <br> and hard breaks as lines', () => {
    const source = 'Timeline:<br>10:05 UTC alert fired<br>10:20 UTC rollback started  \n10:31 UTC errors back to normal\n'
    const doc = parse(source)
    expect(doc.timeline?.entries.map((entry) => entry.text)).toEqual(['alert fired', 'rollback started', 'errors back to normal'])
    expect(textAt(source, doc.timeline!.entries[1]!.timeSpan)).toBe('10:20 UTC')
  })
})

describe('recovery: findings point at the original text', () => {
  it('reports a blame sentence in a recovered section on its own line and columns', () => {
    const source = 'Summary:\nThe search cluster went down for an hour.\nRoot Cause: Dave forgot to run the migration before the deploy.\n'
    const result = lint(source, { filePath: 'outage.md' })
    const blame = result.messages.find((message) => message.ruleId === 'blameless-language')
    expect(blame).toBeDefined()
    expect([blame!.line, blame!.column]).toEqual([3, 13])
  })

  it('keeps CRLF positions exact in a recovered document', () => {
    const source = 'Timeline:\r\n10:05 UTC alert fired\r\n09:55 UTC deploy started\r\n'
    const result = lint(source, { filePath: 'outage.md' })
    const order = result.messages.find((message) => message.messageId === 'out-of-order')
    expect([order?.line, order?.column, order?.endColumn]).toEqual([3, 1, 10])
  })
})

describe('timelines as people write them', () => {
  it('reads a paragraph that tells the events in timed sentences', () => {
    const source = '# Outage\n\n## Timeline\n\nAll times UTC. At 10:05 the error-rate alert fired. By 10:20 we had rolled back the release. Errors stopped at 10:31.\n'
    const doc = parse(source)
    expect(doc.timeline?.entries.map((entry) => [entry.timeText, entry.text])).toEqual([
      ['10:05', 'the error-rate alert fired.'],
      ['10:20', 'we had rolled back the release.'],
    ])
    expect(doc.timeline!.entries[1]!.timeSpan).toEqual(spanOf(source, '10:20'))
    expect(doc.timeline?.statedTimeZones.map((zone) => zone.zone)).toEqual(['UTC'])
  })

  it('leaves prose that mentions one time alone', () => {
    const doc = parse('# Outage\n\n## Timeline\n\nWe have not written the timeline yet; the deploy went out at 10:05.\n')
    expect(doc.timeline?.entries.filter((entry) => entry.time !== null)).toEqual([])
  })

  it('orders relative stamps and needs no zone for them', () => {
    const source = '# Lockout\n\n## Timeline (all times approximate)\n\n**T+0:00** - change applied  \n**T+0:26** - SSH timed out  \n**T+2:10** - console access restored\n'
    const doc = parse(source)
    expect(doc.timeline?.entries.map((entry) => [entry.timeText, entry.relative])).toEqual([
      ['T+0:00', true],
      ['T+0:26', true],
      ['T+2:10', true],
    ])
    const messages = lint(source).messages.filter((message) => message.ruleId === 'timeline-order')
    expect(messages.map((message) => message.messageId)).not.toContain('no-time-zone')
  })

  it('reads dated headings, day-first dates and two zones side by side', () => {
    const source = md`
      # Payments delay

      ## Timeline

      ### 30/10/2024 23:50 CET / 22:50 UTC

      Batch job started late.

      ### 31/10/2024 00:40 CET / 23:40 UTC

      Batch finished; payouts sent.
    `
    const doc = parse(source)
    expect(doc.timeline?.entries.map((entry) => [entry.date, entry.time?.hour, entry.timeZone])).toEqual([
      [{ year: 2024, month: 10, day: 30 }, 23, 'CET'],
      [{ year: 2024, month: 10, day: 31 }, 0, 'CET'],
    ])
    expect(lint(source).messages.filter((message) => message.messageId === 'out-of-order' || message.messageId === 'mixed-time-zones')).toEqual([])
  })

  it('finds the timeline under another name when the document has no timeline section', () => {
    const source = md`
      # Node failure

      ## Leadup

      - **00:27 UTC:** connections to the database start to climb
      - **00:32 UTC:** the on-call engineer is paged
      - **00:55 UTC:** the node is recycled

      ## Impact

      The API was down for 40 minutes.
    `
    const doc = parse(source)
    expect(doc.timeline?.section.title).toBe('Leadup')
    expect(doc.timeline?.entries).toHaveLength(3)
  })
})
