// Pathological documents (issue 8), shared by test/pathological.test.ts, which checks each lints
// or is refused in linear time, and the benchmark, which reports their time per MB.

const lines = (count, line) => Array.from({ length: count }, (_, index) => line(index)).join('\n')
const clock = (index) => `${String(Math.floor(index / 60) % 24).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}`
const section = (name, body) => `# Incident\n\n## ${name}\n\n${body}\n`

/** @type {Record<string, (n: number) => string>} Documents that must be linted, by size parameter n. */
export const linted = {
  'prose on one line (n sentences)': (n) => section('Summary', 'The engineer forgot to check the config and we rolled back. '.repeat(n)),
  '`*` as a thematic break (n stars)': (n) => section('Summary', '*'.repeat(n)),
  'a run of `*` in text (n stars)': (n) => section('Summary', `a ${'*'.repeat(n)} b`),
  'a table (n rows)': (n) => section('Timeline', `| Time | Event |\n|---|---|\n${lines(n, (i) => `| ${clock(i)} | Step ${i} |`)}`),
  'timeline list (n entries)': (n) => section('Timeline', lines(n, (i) => `- ${clock(i)} UTC Dave restarted step ${i}`)),
  'timeline table (n entries)': (n) => section('Timeline', `| Time (UTC) | Event |\n|---|---|\n${lines(n, (i) => `| ${clock(i)} | Dave restarted step ${i} |`)}`),
  'nested HTML <div> (n levels)': (n) => section('Summary', `${'<div>'.repeat(n)}x${'</div>'.repeat(n)}`),
  'lists nested to the limit, repeated (n lines)': (n) => section('Timeline', lines(n, (i) => `${'  '.repeat(i % 100)}- 10:00 x`)),
}

/** @type {Record<string, (n: number) => string>} Documents the pre-scan refuses, by depth or marker count n. */
export const refused = {
  '`>` block quotes on one line': (n) => section('Summary', `${'> '.repeat(n)}Dave broke it`),
  '`>` block quotes line by line': (n) => section('Summary', lines(Math.min(n, 300), (i) => `${'>'.repeat(i + 1)} x`)),
  '`- ` lists on one line': (n) => section('Action items', `${'- '.repeat(n)}Fix it`),
  '`- ` lists by indentation': (n) => section('Timeline', lines(Math.min(n, 300), (i) => `${'  '.repeat(i)}- 10:00 x`)),
  '`1.` lists on one line': (n) => section('Action items', `${'1. '.repeat(n)}Fix it`),
  '`1.` lists by indentation': (n) => section('Action items', lines(Math.min(n, 300), (i) => `${'   '.repeat(i)}1. x`)),
  '`[` brackets': (n) => section('Summary', `${'['.repeat(n)}x${']'.repeat(n)}`),
  '`*` emphasis': (n) => section('Summary', `${'*'.repeat(n)}x${'*'.repeat(n)}`),
  '`_` emphasis': (n) => section('Summary', `${'_'.repeat(n)}x${'_'.repeat(n)}`),
  'alternating `*a`': (n) => section('Summary', '*a'.repeat(n)),
}

/**
 * The sizes issue 8 names, one document each: what the benchmark times. `refused` ones are
 * expected to get the fatal "not linted" result of the pre-scan.
 */
export const issueSizes = [
  { id: 'one-line', title: '1 MB on one line', text: () => linted['prose on one line (n sentences)'](17_000) },
  { id: 'stars', title: '100,000 `*`', text: () => linted['a run of `*` in text (n stars)'](100_000) },
  { id: 'nesting', title: '10,000-deep nesting (`- ` on one line, refused)', text: () => refused['`- ` lists on one line'](10_000) },
  { id: 'table', title: 'a 50,000-row table', text: () => linted['a table (n rows)'](50_000) },
  { id: 'timeline', title: '20,000 timeline entries', text: () => linted['timeline list (n entries)'](20_000) },
]
