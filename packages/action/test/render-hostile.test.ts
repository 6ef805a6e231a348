/**
 * Document text and report files (which a fork controls in the workflow_run pattern) trying to
 * take over the PR comment: forging the sticky marker, breaking out of table cells, list items and
 * <details>, mentioning people, or pushing the comment past GitHub's size limit.
 */
import { describe, expect, it } from 'vitest'
import { marker, renderReport } from '../src/comment/render.js'
import { commentLimit, renderWithin } from '../src/comment/trim.js'
import { context, files, message, result } from './helpers.js'

/** Cells of a GFM table row, split on pipes that are not escaped. */
function cells(row: string): string[] {
  return row.replace(/^\||\|$/g, '').split(/(?<!\\)\|/)
}

const hostile = [
  marker,
  '<!-- postmortem-lint:report -->',
  '<!--',
  '-->',
  '</details>',
  '</summary>',
  '<details open>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '| cell | breakout |',
  '\n| injected | row |\n',
  '\r\n\r\n## Heading\n\n',
  '\u2028new line',
  '```\ncode fence\n```',
  '`` ` ``',
  '@octocat @acme/security-team',
  '#1 GH-2 acme/handbook#3',
  '[link](https://evil.example) ![img](https://evil.example/x.png)',
  '<https://evil.example>',
  '*emph* _emph_ ~~strike~~ $x$ \\',
].join(' ')

function renderHostile(): string {
  const results = [
    result(`docs/postmortems/${hostile}.md`, [message({ message: `\`${hostile}\` ${hostile}`, suggestion: hostile, ruleId: `rule ${hostile}` })]),
    result(`docs/${hostile}-unreadable.md`, [], { fatal: hostile, errorCount: 1, score: 0, categories: {} }),
    result(`docs/${hostile}-skipped.md`, [], { skipped: hostile }),
  ]
  return renderReport(files(results), context(results, { toolVersion: `0.1.0 ${hostile}` }))
}

describe('hostile text in the comment', () => {
  it('cannot forge the sticky marker: it appears once, first', () => {
    const body = renderHostile()
    expect(body.indexOf(marker)).toBe(0)
    expect(body.split(marker)).toHaveLength(2)
    expect(body.slice(marker.length)).not.toContain('<!--')
    expect(body).not.toContain('-->\n'.repeat(2))
  })

  it('cannot open or close HTML elements, or add any tag the renderer did not write', () => {
    const body = renderHostile()
    const tags = [...body.matchAll(/<\/?([a-z]+)[^>]*>/gi)].map((match) => match[1]!.toLowerCase())
    expect(new Set(tags)).toEqual(new Set(['details', 'summary', 'code', 'br', 'sub']))
    expect(body.match(/<details/g)?.length).toBe(body.match(/<\/details>/g)?.length)
    expect(body.match(/<summary>/g)?.length).toBe(body.match(/<\/summary>/g)?.length)
    // What is left of them is inert text: every `<` from a document is an entity.
    expect(body).not.toMatch(/<img|<a |<script/i)
    expect(body).not.toMatch(/\]\(javascript:/i)
  })

  it('cannot add table rows or cells, headings, code fences or list items', () => {
    const body = renderHostile()
    const lines = body.split('\n')
    const rows = lines.filter((line) => line.startsWith('|'))
    // Header, delimiter, and the two scored files (the skipped one has no row).
    expect(rows).toHaveLength(4)
    for (const row of rows) expect(cells(row)).toHaveLength(8)
    expect(lines.filter((line) => /^#{1,6} /.test(line))).toHaveLength(1) // the headline
    expect(body).not.toContain('```')
    expect(lines.filter((line) => /^\s*[-*+] /.test(line))).toHaveLength(2) // one finding, one skipped file
    expect(body).not.toMatch(/\u2028|\r/)
  })

  it('cannot mention, link issues or embed links and images', () => {
    // Link destinations are percent-encoded URLs of our own making; GitHub does not autolink in them.
    const body = renderHostile().replace(/\]\(https:\/\/github\.com\/[^)\s]+\)/g, '](…)')
    expect(body).not.toMatch(/@(octocat|acme)/)
    // `#` then a digit only inside entities (`&#60;`) and line anchors (`#L12`).
    expect(body).not.toMatch(/(?<!&)#\d|GH-\d/)
    expect(body).not.toContain('](https://evil.example')
    expect(body).not.toContain('<https://evil.example>')
  })
})

describe('the comment size limit', () => {
  const cases: [string, () => ReturnType<typeof result>[]][] = [
    ['one 1 MB message', () => [result('a.md', [message({ message: 'x'.repeat(1_000_000) })])]],
    ['one 1 MB path', () => [result(`${'d/'.repeat(500_000)}a.md`, [message()])]],
    ['a 1 MB reason for an unreadable file', () => [result('a.md', [], { fatal: 'y'.repeat(1_000_000), errorCount: 1, score: 0, categories: {} })]],
    ['100,000 skipped files', () => Array.from({ length: 100_000 }, (_, index) => result(`skipped-${index}.md`, [], { skipped: 'not a postmortem' }))],
    ['20,000 files with 5 findings each', () => Array.from({ length: 20_000 }, (_, index) => result(`docs/pm-${index}.md`, Array.from({ length: 5 }, () => message())))],
    ['mentions in every finding, each escaped into a longer text', () => [result('a.md', Array.from({ length: 3_000 }, () => message({ message: '@a '.repeat(200) })))]],
  ]
  it.each(cases)('is never exceeded: %s', (_name, make) => {
    const results = make()
    const body = renderWithin(files(results), context(results), commentLimit)
    expect(body.length).toBeLessThanOrEqual(commentLimit)
    expect(body.startsWith(`${marker}\n### `)).toBe(true)
  })
})
