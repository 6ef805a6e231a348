import { describe, expect, it } from 'vitest'
import { run } from './helpers.js'

const id = 'no-template-placeholders'
const doc = (body: string) => `# Outage\n\n## Summary\n\n${body}\n`

describe(id, () => {
  const bad: [string, string][] = [
    ['The incident started on YYYY-MM-DD.', 'YYYY-MM-DD'],
    ['Responders: [names].', '[names]'],
    ['Root cause is TODO.', 'TODO'],
    ['Fix version TBD.', 'TBD'],
    ['Impact: <fill in>.', '<fill in>'],
    ['Lorem ipsum dolor sit amet.', 'Lorem ipsum'],
    ['Describe the impact here.', 'Describe the impact here.'],
    ['Summarize what happened in two sentences.', 'Summarize what happened in two sentences.'],
    ['Started at HH:MM.', 'HH:MM'],
    ['Reported by John Doe.', 'John Doe'],
    ['Owner: [owner].', '[owner]'],
    ['We paged the {{service_name}} on-call.', '{{service_name}}'],
    // Next to the mentions and steps below, still left in place (issue 16).
    ['The {{service}} service returned errors.', '{{service}}'],
    ['TODO: describe the checkout errors.', 'TODO'],
    ['The owner is TBD and the due date too.', 'TBD'],
    ['Add any relevant graphs.', 'Add any relevant graphs.'],
    ['Describe what happened to `checkout`.', 'Describe what happened to `checkout`.'],
    ['Include the following: the impact and the timeline.', 'Include the following: the impact and the timeline.'],
  ]
  for (const [body, text] of bad) {
    it(`flags ${JSON.stringify(body)}`, () => {
      const messages = run(id, doc(body))
      // Backticks in a quoted text are shown as single quotes.
      expect(messages.map((m) => m.message.match(/^`([^`]*)`/)?.[1])).toEqual([text.replace(/`/g, "'")])
      const column = body.indexOf(text) + 1
      expect(messages[0]).toMatchObject({ line: 5, column, endColumn: column + text.length })
    })
  }

  it('checks metadata, action-item owners and due dates, and timeline times', () => {
    const markdown = [
      '# Outage',
      '',
      '**Date:** YYYY-MM-DD  ',
      '**Authors:** [names]',
      '',
      '## Timeline',
      '',
      '| Time (UTC) | Event |',
      '|---|---|',
      '| HH:MM | The alert fired. |',
      '',
      '## Action items',
      '',
      '| Action | Owner | Due |',
      '|---|---|---|',
      '| Add an alert on pool utilisation | TBD | YYYY-MM-DD |',
      '',
    ].join('\n')
    const messages = run(id, markdown)
    expect(messages.map((m) => `${m.line}:${m.column}-${m.endColumn}`)).toEqual(['3:11-21', '4:14-21', '10:3-8', '16:38-41', '16:44-54'])
  })

  const good = [
    'We used the todo list app to track the work.',
    'The template is `{{service_name}}-runbook.md`.',
    'The todo items were moved to the tracker.',
    'We will decide what is tbd later.',
    'Run `TODO=1 make` to reproduce.',
    'The config key `TBD_FLAG` was unset.',
    '```\n# TODO: remove this\nDate: YYYY-MM-DD\n```',
    '> TBD from the incident channel',
    '> 10:31 <alice> TODO check the db',
    'The TODOS table was locked.',
    'The date format was YYYYMMDD in the export.',
    'The [status page](https://status.example.com) was updated.',
    'See [the runbook][runbook] for details.\n\n[runbook]: https://example.com',
    'The checkout API returned 500 errors for 40 minutes.',
    'Describing the impact took longer than expected.',
    '<!-- Describe the impact here. -->',
    'The queue held <br> messages.',
    'We listed all hosts by hand.',
    // A placeholder talked about, not left (issue 16).
    'The migration tool inserts a TODO when a column has no default.',
    'Every FIXME in the handler was filed as a ticket.',
    'We had to fix substitution of {{ name }} in the alert template.',
    'The pager message showed {{ service }} unrendered for an hour.',
    'Reviewers found three TODO comments in the retry handler.',
    "The status page said 'TBD' for an hour.",
    'The export now writes dates in the YYYY-MM-DD format.',
    'The {{service_name}} variable was never set by the deploy job.',
    // HTML, not a blank.
    '<details>\n<summary>Full log</summary>\n\nThe log is long.\n\n</details>',
    '<details><summary>Queue depth</summary>\n\nIt peaked at 12,000.\n\n</details>',
    'The page <link rel="preload" href="/app.js"> hint was dropped.',
    // A step of the work, not a template's instruction.
    'Add the following code to `example.js`:\n\n```js\nretry(3)\n```',
    'Add the flag to `config.yml` and restart the workers.',
    'List the pods on the node:\n\n```sh\nkubectl get pods\n```',
    'Add a retry to the client in checkout/retry.ts so the call is idempotent.',
    'Include the patch from https://github.com/acme/api/pull/12 in the next release.',
  ]
  for (const body of good) {
    it(`does not flag ${JSON.stringify(body)}`, () => {
      expect(run(id, doc(body)).map((m) => m.message)).toEqual([])
    })
  }

  it('flags an instruction that introduces a list about the document', () => {
    const messages = run(id, doc('List the action items below:\n\n- one\n- two'))
    expect(messages.map((m) => m.message.match(/^`([^`]*)`/)?.[1])).toEqual(['List the action items below:'])
  })

  it('flags a bare <summary> left as a blank, and a blank next to real markup', () => {
    expect(run(id, doc('Summary: <summary>')).map((m) => m.message.match(/^`([^`]*)`/)?.[1])).toEqual(['<summary>'])
    const messages = run(id, doc('<details><summary>Log</summary> <fill in> </details>'))
    expect(messages.map((m) => m.message.match(/^`([^`]*)`/)?.[1])).toEqual(['<fill in>'])
    expect(messages[0]).toMatchObject({ line: 5, column: 33, endColumn: 42 })
  })

  it('does not flag imperative action items', () => {
    const markdown = '# Outage\n\n## Action items\n\n- Add the alert on pool utilisation above 80%.\n- Write the runbook for the failover.\n'
    expect(run(id, markdown)).toEqual([])
  })

  it('honours allow', () => {
    expect(run(id, doc('Fix version TBD.'), { allow: ['TBD'] })).toEqual([])
    expect(run(id, doc('Fix version TBD.'), { allow: ['todo-marker'] })).toEqual([])
  })
})
