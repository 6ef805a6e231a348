/**
 * Property-based tests: Markdown generated from a grammar of the shapes postmortems (and hostile
 * files) are made of. Whatever the text, `lint` returns a result, every position is inside the
 * document, and the result does not depend on the run or on the line endings.
 *
 * Reproduce or widen a run with FC_SEED=<seed> FC_NUM_RUNS=<n>; a failure prints its seed and path.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Nodes } from 'mdast'
import { lint, resolveConfig, type LintMessage, type LintResult } from '../src/index.js'
import { parseMarkdown } from '../src/parse/markdown.js'

const seed = process.env.FC_SEED === undefined ? 20_240_305 : Number(process.env.FC_SEED)
const numRuns = (fallback: number): number => (process.env.FC_NUM_RUNS === undefined ? fallback : Number(process.env.FC_NUM_RUNS))
const config = resolveConfig({ reportUnusedDisableDirectives: true })

// ------------------------------------------------------------------ grammar ---
const people = ['Dave', 'Alice', 'Bob', 'Priya', 'Sam', 'the on-call engineer', '@dave', 'Cassandra']
const blameVerbs = ['forgot to run', 'broke', 'failed to check', 'ignored', 'should have caught', 'accidentally deleted', 'missed']
const objects = ['the migration', 'the config', 'the alert', 'the rollback', 'the database', 'the `deploy.sh` script']
const sectionNames = ['Summary', 'Impact', 'Timeline', 'Root cause', 'Contributing factors', 'Action items', 'Follow-up', 'Detection', 'Resolution', 'Lessons learned', 'What went well', 'Five whys', 'Timeline (all times UTC)', '1. Root Cause:', 'Unrelated']
const weird = ['\u200B', '\u200D', '\uFEFF', '\u202E', '\u202C', 'שלום', 'دفع التكوين', '👩‍💻', '🏳️‍🌈', '🔥', '\uD800', '\uDFFF', '\uD83D\uDE00', '\t', '\u0000', '&amp;', '&#x1F600;', '\\*', '\\|', 'é', 'e\u0301']

const pick = <T,>(values: readonly T[]) => fc.constantFrom(...values)
const clock = fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.boolean(), pick(['UTC', 'PDT', 'CET', '', 'Z', 'UTC+1']))
  .map(([hour, minute, seconds, zone]) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}${seconds ? ':07' : ''}${zone ? ` ${zone}` : ''}`)
const date = fc.oneof(
  fc.tuple(fc.integer({ min: 1999, max: 2031 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  pick(['March 3', 'Friday 7 March 2025', 'May 31, 2022', '12-05', 'next week', 'Q3', 'TBD']),
)
const word = fc.oneof(
  { weight: 6, arbitrary: pick(['the', 'deploy', 'failed', 'and', 'we', 'rolled', 'back', 'errors', '40%', 'users', 'latency', 'p99', 'minutes', 'outage']) },
  { weight: 1, arbitrary: pick(weird) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: clock },
  { weight: 1, arbitrary: date },
)
const inline: fc.Arbitrary<string> = fc.letrec<{ inline: string }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 8, arbitrary: word },
    { weight: 1, arbitrary: tie('inline').map((text) => `*${text}*`) },
    { weight: 1, arbitrary: tie('inline').map((text) => `**${text}**`) },
    { weight: 1, arbitrary: tie('inline').map((text) => `_${text}_`) },
    { weight: 1, arbitrary: tie('inline').map((text) => `~~${text}~~`) },
    { weight: 1, arbitrary: tie('inline').map((text) => `[${text}](https://github.com/o/r/issues/1)`) },
    { weight: 1, arbitrary: word.map((text) => `\`${text}\``) },
    { weight: 1, arbitrary: tie('inline').map((text) => `<b>${text}</b>`) },
    { weight: 1, arbitrary: pick(['<br>', '<!-- postmortem-lint-disable-next-line -->', '<!-- postmortem-lint-disable blameless-language -->', '<fill in>', '[TBD]', '<', '`', '*', '_', '[', ']', '|', '\\']) },
  ),
})).inline
const sentence = fc.oneof(
  fc.array(inline, { minLength: 1, maxLength: 10 }).map((words) => words.join(' ')),
  fc.tuple(pick(people), pick(blameVerbs), pick(objects)).map(([who, verb, what]) => `${who} ${verb} ${what}.`),
  fc.tuple(clock, pick(people), pick(blameVerbs), pick(objects)).map(([time, who, verb, what]) => `At ${time} ${who} ${verb} ${what}.`),
)
const sentences = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((list) => list.join(' '))

const heading = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.oneof(pick(sectionNames), sentence)).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`)
const setextHeading = fc.tuple(pick(sectionNames), pick(['===', '---'])).map(([text, line]) => `${text}\n${line}`)
const cell = fc.oneof(sentence, clock, date, pick(['@alice', 'Platform team', 'P1', 'WEB-12', 'Done', '', '-', '`a|b`', 'a \\| b']))
const table = fc
  .tuple(
    pick([['Time (UTC)', 'Event'], ['Date', 'Time', 'Event'], ['Action', 'Owner', 'Due', 'Priority', 'Ticket'], ['Item', 'Status'], ['a']]),
    fc.array(fc.array(cell, { minLength: 0, maxLength: 6 }), { maxLength: 8 }),
    fc.boolean(),
  )
  .map(([header, rows, pipes]) => {
    const row = (cells: string[]) => (pipes ? `| ${cells.join(' | ')} |` : cells.join(' | '))
    return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n')
  })
const listItem = fc.oneof(
  sentences,
  fc.tuple(clock, sentences).map(([time, text]) => `${time} ${text}`),
  fc.tuple(sentence, pick(['@alice', 'Owner: Bob', 'owner: Platform team']), date).map(([text, owner, due]) => `${text} (${owner}, due: ${due})`),
)
const list: fc.Arbitrary<string> = fc.letrec<{ list: string }>((tie) => ({
  list: fc
    .tuple(
      pick(['- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '- [x] ', '* [X] ']),
      fc.array(fc.tuple(listItem, fc.option(tie('list'), { depthSize: 'small' })), { minLength: 1, maxLength: 5 }),
      pick(['  ', '    ', '\t', '   ']),
    )
    .map(([marker, items, indent]) =>
      items.map(([item, nested]) => `${marker}${item}${nested === null ? '' : `\n${nested.split('\n').map((line) => indent + line).join('\n')}`}`).join('\n'),
    ),
})).list
const codeFence = fc.tuple(pick(['```', '~~~', '````']), pick(['', 'yaml', 'sh']), sentences, fc.boolean()).map(([fence, info, body, closed]) => `${fence}${info}\n${body}\n## Not a heading\n- 10:00 not an entry${closed ? `\n${fence}` : ''}`)
const html = fc.oneof(
  sentences.map((text) => `<div align="center">\n\n${text}\n\n</div>`),
  sentences.map((text) => `<details>\n<summary>Timeline</summary>\n\n${text}\n</details>`),
  pick(['<!-- postmortem-lint-disable -->', '<!-- postmortem-lint-enable -->', '<!-- postmortem-lint-ignore-file -->', '<script>alert(1)</script>', '<table><tr><td>Dave forgot</td></tr></table>', '<!-- unclosed comment', '<div>']),
)
const frontMatter = fc.oneof(
  fc.tuple(date, pick(['SEV1', 'SEV2', 'sev 3', 'P0', 'unknown'])).map(([when, severity]) => `---\ntitle: Outage\ndate: ${when}\nseverity: ${severity}\n---`),
  pick(['---\ntitle: [unclosed\n---', '---\n: : :\n\t- x\n---', '---\ntitle: x\n', '---\n---', '---\nauthors:\n  - a\n  -\n---']),
)
const blockQuote = fc.tuple(fc.integer({ min: 1, max: 4 }), sentences).map(([depth, text]) => `${'> '.repeat(depth)}${text}`)
const metadataLine = fc.tuple(pick(['**Date:**', 'Severity:', '**Owner**:', 'Status -', 'Duration:']), fc.oneof(date, clock, sentence, pick(['SEV1', '45 minutes', '2h']))).map(([label, value]) => `${label} ${value}`)
const deepNesting = fc.tuple(fc.integer({ min: 1, max: 150 }), pick(['> ', '- ', '1. ', '* ', '[', '*', '_', '<div>'])).map(([depth, marker]) => `${marker.repeat(depth)}x`)
const longLine = fc.tuple(sentence, fc.integer({ min: 100, max: 2000 })).map(([text, times]) => `${text} `.repeat(times).slice(0, 20_000))

const block = fc.oneof(
  { weight: 4, arbitrary: heading },
  { weight: 1, arbitrary: setextHeading },
  { weight: 4, arbitrary: sentences },
  { weight: 3, arbitrary: list },
  { weight: 2, arbitrary: table },
  { weight: 1, arbitrary: codeFence },
  { weight: 1, arbitrary: html },
  { weight: 1, arbitrary: blockQuote },
  { weight: 1, arbitrary: metadataLine },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: longLine },
  { weight: 1, arbitrary: pick(['---', '***', '', '\t', '    indented code', '[^1]: a footnote', '[ref]: https://example.com']) },
)

/** A document: optional BOM and front matter, blocks, line endings rewritten to LF, CRLF, CR or a mix. */
const markdown = fc
  .tuple(fc.boolean(), fc.option(frontMatter, { freq: 4 }), fc.array(fc.tuple(block, pick(['\n\n', '\n', '\n\n\n'])), { maxLength: 12 }), pick(['lf', 'crlf', 'cr', 'mixed'] as const), fc.boolean())
  .map(([bom, front, blocks, endings, finalNewline]) => {
    const lf = [front ?? '', ...blocks.map(([text, gap]) => text + gap)].join(front ? '\n' : '') + (finalNewline ? '' : 'x')
    const withEndings =
      endings === 'lf' ? lf : endings === 'crlf' ? lf.replace(/\n/g, '\r\n') : endings === 'cr' ? lf.replace(/\n/g, '\r') : lf.split('\n').map((line, index) => line + (['\n', '\r\n', '\r'][index % 3] ?? '')).join('')
    return (bom ? '\uFEFF' : '') + withEndings
  })

// ------------------------------------------------------------------ checks ---
/** Lines as the engine counts them (\n, \r\n and a lone \r each end one), after the BOM. */
function linesOf(text: string): string[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  return source.split(/\r\n|\r|\n/)
}

type Located = Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>

/**
 * Positions are 1-based; a span is half-open, so its end may sit one past the last character of
 * its line (column = length + 1), never further, and never before its start.
 */
function checkPosition(located: Located, lines: string[]): void {
  const where = JSON.stringify(located)
  for (const [line, column] of [[located.line, located.column], [located.endLine, located.endColumn]] as const) {
    expect(line, where).toBeGreaterThanOrEqual(1)
    expect(line, where).toBeLessThanOrEqual(lines.length)
    expect(column, where).toBeGreaterThanOrEqual(1)
    expect(column, where).toBeLessThanOrEqual((lines[line - 1]?.length ?? 0) + 1)
  }
  expect(located.endLine > located.line || (located.endLine === located.line && located.endColumn >= located.column), where).toBe(true)
}

function checkResult(text: string, result: LintResult): void {
  const lines = linesOf(text)
  for (const message of result.messages) {
    checkPosition(message, lines)
    for (const related of message.related ?? []) checkPosition(related, lines)
    expect(message.messageId).not.toBe('rule-crashed')
  }
  expect(result.fatal === undefined || /not linted$/.test(result.fatal), result.fatal).toBe(true)
  if (result.skipped !== undefined) {
    // A skipped file has no score and no categories.
    expect(result.score).toBeNull()
    expect(result.categories).toEqual({})
  } else {
    expect(result.score).toBeGreaterThanOrEqual(0)
    expect(result.score).toBeLessThanOrEqual(100)
  }
  for (const [id, rubric] of Object.entries(result.rubric ?? {})) {
    expect(rubric.score).toBe(result.categories[id as keyof typeof result.categories])
    for (const item of [...rubric.met, ...rubric.missed]) expect(item.earned).toBeLessThanOrEqual(item.points)
  }
  for (const score of Object.values(result.categories)) {
    expect(score).toBeGreaterThanOrEqual(0)
    expect(score).toBeLessThanOrEqual(100)
  }
  expect(result.errorCount + result.warningCount).toBe(result.messages.length + (result.fatal === undefined ? 0 : 1))
}

const where = (message: LintMessage) => [message.ruleId, message.messageId, message.line, message.column, message.endLine, message.endColumn]

// URLs and addresses where micromark's own autolink literal does not start (after "[" or a
// quote): remark-gfm's transform then builds their nodes without positions.
const autolinks = ['[https://example.com]', "'www.example.com/cart'", '[ops@example.com]', '"http://a.example.com/x?y=1"', '[www.example.com]', '(https://b.example.com)', '[mailto:c@example.com]', '\\[https://d.example.com]', '&amp;[https://e.example.com]']
const withAutolinks = fc
  .tuple(markdown, fc.array(fc.tuple(fc.nat(), pick(autolinks)), { minLength: 1, maxLength: 6 }))
  .map(([text, inserts]) => inserts.reduce((out, [at, link]) => out.slice(0, at % (out.length + 1)) + link + out.slice(at % (out.length + 1)), text))

describe('properties of lint over generated Markdown', () => {
  it('positions every node of the tree inside its parent and the document', () => {
    fc.assert(
      fc.property(withAutolinks, (text) => {
        const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
        const check = (node: Nodes, parent: [number, number]): void => {
          const start = node.position?.start.offset
          const end = node.position?.end.offset
          expect(start, node.type).toBeTypeOf('number')
          expect(end, node.type).toBeTypeOf('number')
          expect(start!, node.type).toBeGreaterThanOrEqual(parent[0])
          expect(end!, node.type).toBeLessThanOrEqual(parent[1])
          expect(start!, node.type).toBeLessThanOrEqual(end!)
          if ('children' in node) for (const child of node.children as Nodes[]) check(child, [start!, end!])
        }
        check(parseMarkdown(source), [0, source.length])
      }),
      { seed, numRuns: numRuns(100) },
    )
  }, 120_000)


  it('never throws, keeps every position inside the document and is deterministic', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const first = lint(text, { filePath: 'generated.md', config })
        checkResult(text, first)
        expect(lint(text, { filePath: 'generated.md', config })).toEqual(first)
      }),
      { seed, numRuns: numRuns(100) },
    )
  }, 120_000)

  it('reports the same findings at the same line and column for LF, CRLF and lone CR line endings', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const lf = text.replace(/\r\n?/g, '\n')
        const fromLf = lint(lf, { config })
        for (const ending of ['\r\n', '\r']) {
          const other = lint(lf.replace(/\n/g, ending), { config })
          expect(other.messages.map(where), JSON.stringify(ending)).toEqual(fromLf.messages.map(where))
          expect(other.score).toBe(fromLf.score)
          expect(other.fatal).toBe(fromLf.fatal)
        }
      }),
      { seed, numRuns: numRuns(60) },
    )
  }, 120_000)
})
