import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { annotate, type Annotator } from '../src/annotations.js'
import { pathMatcher, safeWorkspacePath, selectChangedFiles } from '../src/changed-files.js'
import { encodePath, escapeInline, escapeMessage, safeUrl } from '../src/comment/escape.js'
import { parseMinScore, parsePatterns } from '../src/inputs.js'
import { readReportFile } from '../src/report-file.js'
import { computeTotals, computeVerdict } from '../src/report.js'
import { files, message, result } from './helpers.js'

let root = ''
let workspace = ''

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pml-action-unit-'))
  workspace = join(root, 'ws')
  await mkdir(join(workspace, 'docs/postmortems'), { recursive: true })
  await writeFile(join(root, 'outside.md'), '# secret\n')
  await writeFile(join(workspace, 'docs/postmortems/inside.md'), '# inside\n')
  await symlink(join(root, 'outside.md'), join(workspace, 'docs/postmortems/escape.md'))
  await symlink(join(workspace, 'docs/postmortems/inside.md'), join(workspace, 'docs/postmortems/alias.md'))
})

afterAll(async () => {
  if (root.startsWith(join(tmpdir(), 'pml-action-unit-'))) await rm(root, { recursive: true, force: true })
})

describe('escape', () => {
  it('keeps quoted text on one line with no HTML, Markdown, mention or issue link', () => {
    expect(escapeInline('a\n| <b>x</b> *y* [z](u) @sam #12 GH-3 $m$')).toBe(
      'a &#124; &#60;b&#62;x&#60;/b&#62; &#42;y&#42; &#91;z&#93;(u) @\u200dsam &#35;\u200d12 GH-\u200d3 &#36;m&#36;',
    )
  })
  it('shows the code spans of messages as <code>', () => {
    expect(escapeMessage('Entry `<a>` by @x')).toBe('Entry <code>&#60;a&#62;</code> by @\u200dx')
  })
  it('joins lines with one space and keeps other runs of spaces', () => {
    expect(escapeMessage(' a \t\r\n  b\u2028c  d \n')).toBe('a b c  d')
  })
  it('accepts only http(s) URLs and encodes what would end a Markdown link', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull()
    expect(safeUrl('not a url')).toBeNull()
    expect(safeUrl('https://example.com/a_(b)')).toBe('https://example.com/a_%28b%29')
  })
  it('encodes path segments', () => {
    expect(encodePath('docs/a b (1)#.md')).toBe('docs/a%20b%20%281%29%23.md')
  })
})

describe('changed files', () => {
  it('refuses paths that leave the workspace, by name or by symlink', () => {
    for (const path of ['../x.md', 'docs/../../x.md', '/etc/passwd', 'C:/x.md', 'docs\\x.md', 'docs/postmortems/escape.md', '']) {
      expect(safeWorkspacePath(workspace, path), path).toBeNull()
    }
    expect(safeWorkspacePath(workspace, 'docs/postmortems/inside.md')).toBe(join(workspace, 'docs/postmortems/inside.md'))
    expect(safeWorkspacePath(workspace, 'docs/postmortems/alias.md')).toBe(join(workspace, 'docs/postmortems/alias.md'))
    expect(safeWorkspacePath(workspace, 'docs/postmortems/not-yet.md')).toBe(join(workspace, 'docs/postmortems/not-yet.md'))
  })

  it('keeps added, modified and renamed Markdown files that match the paths', () => {
    const selected = selectChangedFiles(
      [
        { filename: 'docs/postmortems/inside.md', status: 'modified' },
        { filename: 'docs/postmortems/new.md', status: 'added' },
        { filename: 'docs/postmortems/moved.markdown', status: 'renamed' },
        { filename: 'docs/postmortems/gone.md', status: 'removed' },
        { filename: 'docs/postmortems/data.json', status: 'added' },
        { filename: 'docs/other/x.md', status: 'added' },
        { filename: 'docs/postmortems/escape.md', status: 'added' },
        { filename: 'node_modules/a/postmortems/x.md', status: 'added' },
        { filename: 'docs/postmortems/draft-x.md', status: 'added' },
      ],
      ['**/postmortems/**/*.md', '**/postmortems/**/*.markdown', '!**/draft-*.md'],
      workspace,
    )
    expect(selected).toEqual({
      files: ['docs/postmortems/inside.md', 'docs/postmortems/new.md', 'docs/postmortems/moved.markdown'],
      refused: ['docs/postmortems/escape.md'],
    })
  })

  it('matches postmortems at any depth with the default patterns', () => {
    const matches = pathMatcher(['**/postmortems/**/*.md'])
    expect(matches('postmortems/a.md')).toBe(true)
    expect(matches('docs/postmortems/2024/a.md')).toBe(true)
    expect(matches('docs/a.md')).toBe(false)
  })
})

describe('inputs', () => {
  it('reads patterns from lines or commas, without comments', () => {
    expect(parsePatterns('a/**/*.md, b/*.md\n# note\n\n!c.md')).toEqual(['a/**/*.md', 'b/*.md', '!c.md'])
  })
  it('validates min-score', () => {
    expect(parseMinScore(undefined)).toBeUndefined()
    expect(parseMinScore('80')).toBe(80)
    expect(() => parseMinScore('high')).toThrow(/min-score/)
    expect(() => parseMinScore('101')).toThrow(/0 to 100/)
  })
})

describe('verdict', () => {
  const results = [result('a.md', [message({ severity: 1 })]), result('b.md', [], { skipped: 'not a postmortem' })]
  it('counts and fails by fail-on and min-score', () => {
    const totals = computeTotals(results)
    expect(totals).toMatchObject({ files: 2, linted: 1, skipped: 1, errors: 0, warnings: 1 })
    expect(computeVerdict(totals, { failOn: 'error', minScore: undefined }).failed).toBe(false)
    expect(computeVerdict(totals, { failOn: 'warning', minScore: undefined }).reasons).toEqual(['1 warning found (fail-on: warning)'])
    expect(computeVerdict(totals, { failOn: 'never', minScore: 99 }).reasons[0]).toMatch(/below the minimum of 99/)
  })

  it('counts no skipped file in the lowest or mean score (the outputs score and mean-score), whatever its score field says', () => {
    const mixed = [result('a.md', [], { score: 80 }), result('b.md', [], { skipped: 'not a postmortem', score: 0 }), result('c.md', [], { skipped: 'a template', score: null })]
    const totals = computeTotals(mixed)
    expect(totals).toMatchObject({ linted: 1, skipped: 2, lowestScore: 80, meanScore: 80 })
    expect(computeVerdict(totals, { failOn: 'never', minScore: 80 }).failed).toBe(false)
    expect(computeTotals([mixed[1]!, mixed[2]!])).toMatchObject({ lowestScore: null, meanScore: null })
  })
})

describe('annotations', () => {
  function recorder(): Annotator & { calls: [string, string, unknown][] } {
    const calls: [string, string, unknown][] = []
    return {
      calls,
      error: (text, props) => calls.push(['error', text, props]),
      warning: (text, props) => calls.push(['warning', text, props]),
      notice: (text, props) => calls.push(['notice', text, props]),
    }
  }

  it('shows at most 10 errors and 10 warnings, errors first, then a notice with the rest', () => {
    const messages = Array.from({ length: 30 }, (_, index) => message({ line: index + 1, endLine: index + 1, severity: index % 2 ? 1 : 2 }))
    const annotator = recorder()
    expect(annotate(files([result('docs/a.md', messages)]), annotator)).toEqual({ shown: 20, hidden: 10 })
    expect(annotator.calls.map(([kind]) => kind)).toEqual([...Array(10).fill('error'), ...Array(10).fill('warning'), 'notice'])
    expect(annotator.calls[0]?.[2]).toEqual({ title: 'blameless-language', file: 'docs/a.md', startLine: 1, endLine: 1, startColumn: 3, endColumn: 8 })
    expect(annotator.calls.at(-1)?.[1]).toMatch(/5 errors and 5 warnings not shown/)
  })

  it('leaves out columns on findings over several lines and reports unreadable files', () => {
    const annotator = recorder()
    annotate(files([result('x.md', [message({ line: 2, endLine: 4 })]), result('y.md', [], { fatal: 'EISDIR', errorCount: 1 })]), annotator)
    expect(annotator.calls[0]?.[2]).toEqual({ title: 'blameless-language', file: 'x.md', startLine: 2, endLine: 4 })
    expect(annotator.calls[1]).toEqual(['error', 'Could not lint this file: EISDIR', { title: 'postmortem-lint', file: 'y.md' }])
  })
})

describe('report file', () => {
  it('reads the JSON report and rejects what does not fit the schema', async () => {
    const good = join(root, 'good.json')
    await writeFile(good, JSON.stringify([{ filePath: '/w/a.md', messages: [message()], errorCount: 1, warningCount: 0, score: 90, categories: { impact: 80, bogus: 3 } }]))
    const [read] = await readReportFile(good)
    expect(read?.categories).toEqual({ impact: 80 })
    expect(read?.messages[0]?.ruleId).toBe('blameless-language')
    const bad = join(root, 'bad.json')
    await writeFile(bad, JSON.stringify([{ filePath: '/w/a.md', messages: [{ ...message(), line: -1 }], errorCount: 1, warningCount: 0, score: 90, categories: {} }]))
    await expect(readReportFile(bad)).rejects.toThrow(/messages\[0\]\.line/)
    await writeFile(bad, '{"not": "an array"}')
    await expect(readReportFile(bad)).rejects.toThrow(/JSON array/)
  })

  const timelineRubric = {
    score: 65,
    met: [{ id: 'timeline-present', text: 'a timeline of timed events', points: 35, earned: 35 }],
    missed: [{ id: 'timeline-zone', text: 'no time zone', points: 15, earned: 0 }],
    deductions: [{ ruleId: 'timeline-order', messageId: 'unparsed-time', count: 1, points: 5 }],
  }

  it('reads the rubric of a report, and the skipped files of new reports (score null) and old ones (score 100)', async () => {
    const path = join(root, 'rubric.json')
    await writeFile(
      path,
      JSON.stringify([
        { filePath: '/w/a.md', messages: [], errorCount: 0, warningCount: 0, score: 94, categories: { timeline: 65 }, rubric: { timeline: timelineRubric } },
        { filePath: '/w/README.md', messages: [], errorCount: 0, warningCount: 0, score: null, categories: {}, rubric: {}, skipped: 'a readme page' },
        { filePath: '/w/old.md', messages: [], errorCount: 0, warningCount: 0, score: 100, categories: {}, skipped: 'a template' },
      ]),
    )
    const [linted, skipped, old] = await readReportFile(path)
    expect(linted?.rubric).toEqual({ timeline: timelineRubric })
    expect(skipped).toMatchObject({ score: null, categories: {}, skipped: 'a readme page' })
    expect(old).toMatchObject({ score: null, categories: {}, skipped: 'a template' })
    expect(old).not.toHaveProperty('rubric')
  })

  it.each([
    ['a linted file without a score', { score: null }, /\.score: expected a score/],
    ['a rubric for an unknown category', { rubric: { bogus: timelineRubric } }, /rubric: unknown category "bogus"/],
    ['an item that earns more than its points', { rubric: { timeline: { ...timelineRubric, met: [{ id: 'x', text: 'x', points: 5, earned: 9 }] } } }, /rubric\.timeline\.met\[0\]\.earned/],
    ['a rubric score over 100', { rubric: { timeline: { ...timelineRubric, score: 140 } } }, /rubric\.timeline\.score/],
    ['missed items that are not a list', { rubric: { timeline: { ...timelineRubric, missed: 'no zone' } } }, /rubric\.timeline\.missed: expected an array/],
  ])('rejects %s', async (_name, change, error) => {
    const path = join(root, 'bad-rubric.json')
    await writeFile(path, JSON.stringify([{ filePath: '/w/a.md', messages: [], errorCount: 0, warningCount: 0, score: 90, categories: {}, ...change }]))
    await expect(readReportFile(path)).rejects.toThrow(error)
  })
})
