import { join } from 'node:path'
import type { LintMessage, LintResult } from '@postmortem-lint/core'
import { categories, docsUrlFor } from '@postmortem-lint/core'
import { describe, expect, it } from 'vitest'
import { escapeData, escapeProperty, format, formatters, type RuleInfo } from '../src/formatters/index.js'
import { oneLine } from '../src/formatters/shared.js'
import { sarifErrors, sarifValidator } from '../../../test/helpers/sarif-schema.js'

const cwd = '/repo'
const docs = 'https://example.test/rules'

function message(overrides: Partial<LintMessage> = {}): LintMessage {
  return {
    ruleId: 'required-sections',
    messageId: 'missing-core',
    severity: 2,
    category: 'impact',
    message: 'No impact section.',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 10,
    docsUrl: `${docs}/required-sections.md`,
    ...overrides,
  }
}

function result(overrides: Partial<LintResult> = {}): LintResult {
  return {
    filePath: join(cwd, 'docs/outage.md'),
    messages: [],
    errorCount: 0,
    warningCount: 0,
    score: 100,
    categories: {},
    ...overrides,
  }
}

const withFindings = result({
  messages: [
    message(),
    message({
      ruleId: 'blameless-language',
      messageId: 'blame',
      severity: 1,
      category: 'blameless-tone',
      message: 'Names a person as the cause: "Bob broke it, again".',
      line: 7,
      column: 3,
      endLine: 7,
      endColumn: 20,
      suggestion: 'The deploy broke the cache.',
      related: [{ message: 'First mention', line: 2, column: 1, endLine: 2, endColumn: 5 }],
      docsUrl: `${docs}/blameless-language.md`,
    }),
  ],
  errorCount: 1,
  warningCount: 1,
  score: 72,
  categories: { impact: 80, 'blameless-tone': 92 },
  rubric: {
    'blameless-tone': { score: 92, met: [], missed: [{ id: 'no-blame', text: 'blames people', points: 100, earned: 80, detail: '1 finding' }], deductions: [] },
    impact: {
      score: 80,
      met: [{ id: 'impact-quantified', text: 'impact in numbers', points: 40, earned: 40 }],
      missed: [{ id: 'impact-stated', text: 'no impact section', points: 20, earned: 0 }],
      deductions: [],
    },
  },
})
/** Nothing reported, but the rubric finds gaps: no zone, no detection milestone, and a deduction. */
const gapsOnly = result({
  filePath: join(cwd, 'docs/quiet.md'),
  score: 90,
  categories: { timeline: 65 },
  rubric: {
    timeline: {
      score: 65,
      met: [{ id: 'timeline-present', text: 'a timeline of timed events', points: 35, earned: 35 }],
      missed: [
        { id: 'timeline-zone', text: 'no time zone', points: 15, earned: 0 },
        { id: 'timeline-detection', text: 'no detection milestone', points: 10, earned: 0 },
      ],
      deductions: [{ ruleId: 'timeline-order', messageId: 'unparsed-time', count: 2, points: 10 }],
    },
  },
})
const skipped = result({ filePath: join(cwd, 'README.md'), skipped: 'not a postmortem: fewer than two sections' })
const fatal = result({ filePath: join(cwd, 'docs/image.md'), errorCount: 1, score: 0, fatal: 'binary file (contains NUL bytes), not Markdown' })
const clean = result({ filePath: join(cwd, 'docs/clean.md') })
const all = [withFindings, clean, skipped, fatal]

const rules: RuleInfo[] = [
  { id: 'required-sections', description: 'Require sections', docsUrl: `${docs}/required-sections.md`, category: 'impact', defaultSeverity: 'error' },
  { id: 'blameless-language', description: 'No blame', docsUrl: `${docs}/blameless-language.md`, category: 'blameless-tone', defaultSeverity: 'warn' },
]

const ESC = String.fromCharCode(27)

describe('formatters map', () => {
  it('has the six formats and format() dispatches by name', () => {
    expect(Object.keys(formatters).sort()).toEqual(['compact', 'github', 'json', 'markdown', 'sarif', 'stylish'])
    expect(format('compact', all, { cwd, color: false })).toBe(formatters.compact(all, { cwd, color: false }))
    expect(() => format('toString', all, { cwd, color: false })).toThrow(/Unknown format/)
  })
})

describe('stylish', () => {
  const output = format('stylish', all, { cwd, color: false })

  it('groups findings by file with the score, rule ids and suggestions', () => {
    expect(output).toContain('docs/outage.md  score 72/100')
    expect(output).toContain('  1:1  error    required-sections   No impact section.\n')
    expect(output).toContain('  7:3  warning  blameless-language  Names a person as the cause: "Bob broke it, again".\n')
    expect(output).toContain(`\n${' '.repeat(36)}Suggestion: The deploy broke the cache.\n`)
  })

  it('lists skipped files with the reason, reports unreadable files, omits clean files', () => {
    expect(output).toContain('README.md  skipped — not a postmortem: fewer than two sections')
    expect(output).toContain('docs/image.md\n  error  Could not lint this file: binary file')
    expect(output).not.toContain('clean.md')
  })

  it('ends with a summary line: counts and the mean score of the linted files', () => {
    const last = output.trimEnd().split('\n').pop()
    expect(last).toBe('✖ 3 problems (2 errors, 1 warning) · 2 files linted, mean score 86/100 · 1 unreadable · 1 skipped')
  })

  it('colours only when asked', () => {
    expect(output).not.toContain(ESC)
    const coloured = format('stylish', all, { cwd, color: true })
    expect(coloured).toContain(ESC)
    // The skipped line is dim (ESC[2m).
    expect(coloured).toContain(`${ESC}[2mREADME.md  skipped —`)
  })

  it('says so when there is nothing to report', () => {
    expect(format('stylish', [clean], { cwd, color: false })).toBe('✔ No problems · 1 file linted, mean score 100/100\n')
  })

  it('says under the score what each category that falls short lacks', () => {
    expect(output).toContain('docs/outage.md  score 72/100\n  Blameless tone 92: blames people (1 finding)\n  Impact 80: no impact section\n\n  1:1  error')
  })

  it('shows a file with no finding whose rubric has gaps, with the deductions', () => {
    const quiet = format('stylish', [gapsOnly], { cwd, color: false })
    expect(quiet).toContain('docs/quiet.md  score 90/100\n  Timeline 65: no time zone; no detection milestone; −10 for 2 findings of timeline-order\n')
    expect(quiet.trimEnd().split('\n').pop()).toBe('✔ No problems · 1 file linted, mean score 90/100')
  })

  it('counts no skipped file in the mean, whatever score an older report gave it', () => {
    const last = format('stylish', [clean, result({ filePath: join(cwd, 'README.md'), score: 0, skipped: 'readme' })], { cwd, color: false }).trimEnd().split('\n').pop()
    expect(last).toBe('✔ No problems · 1 file linted, mean score 100/100 · 1 skipped')
  })
})

describe('json', () => {
  const parsed = JSON.parse(format('json', [withFindings, skipped, result({ filePath: null })], { cwd, color: false })) as Record<string, unknown>[]

  it('keeps the documented fields, in order, with absolute paths', () => {
    expect(parsed).toHaveLength(3)
    const first = parsed[0]!
    expect(Object.keys(first).slice(0, 6)).toEqual(['filePath', 'messages', 'errorCount', 'warningCount', 'score', 'categories'])
    expect(first.filePath).toBe(join(cwd, 'docs/outage.md'))
    const messages = first.messages as Record<string, unknown>[]
    expect(Object.keys(messages[1]!)).toEqual([
      'ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'suggestion', 'docsUrl', 'messageId', 'category', 'related',
    ])
    expect(messages[0]).not.toHaveProperty('suggestion')
  })

  it('marks skipped files and names standard input', () => {
    expect(parsed[1]!.skipped).toBe('not a postmortem: fewer than two sections')
    expect(parsed[2]!.filePath).toBe('<stdin>')
  })

  it('gives a skipped file no score, no categories and no rubric', () => {
    expect(parsed[1]).toMatchObject({ score: null, categories: {}, rubric: {} })
  })

  it('explains the score: per category the checklist items met and missed, after the categories', () => {
    expect(Object.keys(parsed[0]!)[6]).toBe('rubric')
    expect(parsed[0]!.rubric).toEqual(withFindings.rubric)
    expect(parsed[2]!.rubric).toEqual({})
  })
})

describe('compact', () => {
  it('prints file:line:col: severity message [rule]', () => {
    expect(format('compact', all, { cwd, color: false }).split('\n')).toEqual([
      'docs/outage.md:1:1: error No impact section. [required-sections]',
      'docs/outage.md:7:3: warning Names a person as the cause: "Bob broke it, again". [blameless-language]',
      'docs/image.md:1:1: error Could not lint this file: binary file (contains NUL bytes), not Markdown',
      '',
    ])
  })

  it('flattens multi-line messages', () => {
    const output = format('compact', [result({ messages: [message({ message: 'one\ntwo' })], errorCount: 1 })], { cwd, color: false })
    expect(output).toBe('docs/outage.md:1:1: error one two [required-sections]\n')
  })
})

describe('github', () => {
  it('escapes data and properties as the workflow-command parser expects', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b')
    expect(escapeProperty('dir:a,b/50%.md')).toBe('dir%3Aa%2Cb/50%25.md')
  })

  it('prints one annotation per finding with position, title and escaped message', () => {
    const lines = format('github', all, { cwd, color: false }).trimEnd().split('\n')
    expect(lines[0]).toBe(
      `::error file=docs/outage.md,line=1,col=1,endLine=1,endColumn=10,title=required-sections::No impact section.%0A%0A${docs}/required-sections.md`,
    )
    expect(lines[1]).toBe(
      `::warning file=docs/outage.md,line=7,col=3,endLine=7,endColumn=20,title=blameless-language::Names a person as the cause: "Bob broke it, again".%0A%0ASuggestion: The deploy broke the cache.%0A%0A${docs}/blameless-language.md`,
    )
    expect(lines[2]).toBe('::error file=docs/image.md,title=postmortem-lint::Could not lint this file: binary file (contains NUL bytes), not Markdown')
    expect(lines).toHaveLength(3)
  })

  it('escapes commas and colons in file names', () => {
    const output = format('github', [result({ filePath: join(cwd, 'a,b:c.md'), messages: [message()], errorCount: 1 })], { cwd, color: false })
    expect(output).toContain('file=a%2Cb%3Ac.md,')
  })
})

describe('markdown', () => {
  const output = format('markdown', all, { cwd, color: false })

  it('has a rubric table: one column per category, the overall score last, a row per file', () => {
    const header = `| File | ${categories.map((category) => category.title).join(' | ')} | Score |`
    expect(output).toContain(header)
    const row = output.split('\n').find((line) => line.startsWith('| `docs/outage.md`'))
    const cells = row!.split(' | ')
    expect(cells).toHaveLength(categories.length + 2)
    expect(row).toContain('**72** |')
    expect(row).toContain(' 80 ')
    expect(output).toContain('| `docs/image.md` |')
    expect(output).toContain('could not be read: binary file')
  })

  it('lists skipped files and the findings per file with links', () => {
    expect(output).toContain('- `README.md`: not a postmortem: fewer than two sections')
    expect(output).toContain('#### `docs/outage.md` (score 72/100)')
    expect(output).toContain(`- **error** 1:1 No impact section. ([required-sections](${docs}/required-sections.md))`)
    expect(output).toContain('  - Suggestion: The deploy broke the cache.')
  })

  it('says per file what each category that falls short lacks, before the findings', () => {
    expect(output).toContain(
      [
        '#### `docs/outage.md` (score 72/100)',
        '',
        'What the rubric score lacks:',
        '',
        '- **Blameless tone 92**: blames people (1 finding)',
        '- **Impact 80**: no impact section',
        '',
        'Findings:',
        '',
        `- **error** 1:1 No impact section. ([required-sections](${docs}/required-sections.md))`,
      ].join('\n'),
    )
    const quiet = format('markdown', [gapsOnly], { cwd, color: false })
    expect(quiet).toContain('#### `docs/quiet.md` (score 90/100)\n\nWhat the rubric score lacks:\n\n- **Timeline 65**: no time zone; no detection milestone; −10 for 2 findings of timeline-order\n')
    expect(quiet).not.toContain('Findings:')
  })

  it('escapes what the explanation quotes', () => {
    const hostile = result({
      score: 90,
      rubric: { timeline: { score: 90, met: [], missed: [{ id: 'timeline-zone', text: 'mixes time zones', points: 15, earned: 7.5, detail: 'UTC, <b>X</b> | Y' }], deductions: [] } },
    })
    expect(format('markdown', [hostile], { cwd, color: false })).toContain('- **Timeline 90**: mixes time zones (UTC, &lt;b>X&lt;/b> \\| Y)')
  })

  it('keeps table cells intact', () => {
    const piped = format('markdown', [result({ filePath: join(cwd, 'a|b.md'), fatal: 'bad | worse <script>', errorCount: 1, score: 0 })], { cwd, color: false })
    expect(piped).toContain('`a\\|b.md`')
    expect(piped).toContain('bad \\| worse &lt;script>')
  })
})

describe('sarif', () => {
  const validate = sarifValidator()
  const log = JSON.parse(format('sarif', all, { cwd, color: false, rules, toolVersion: '9.9.9' })) as {
    version: string
    runs: {
      tool: { driver: { name: string; version: string; rules: { id: string; helpUri: string }[] } }
      originalUriBaseIds: Record<string, { uri: string }>
      results: {
        ruleId: string
        ruleIndex: number
        level: string
        locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[]
        relatedLocations?: { id: number; message: { text: string } }[]
      }[]
      invocations: { toolExecutionNotifications: { level: string; message: { text: string } }[] }[]
    }[]
  }

  it('is valid SARIF 2.1.0', () => {
    expect(sarifErrors(validate, log)).toEqual([])
    expect(log.version).toBe('2.1.0')
  })

  it('is checked by a validator that does reject broken logs', () => {
    expect(sarifErrors(validate, { version: '2.0.0', runs: [] })).not.toEqual([])
    const broken = structuredClone(log) as unknown as { runs: { results: { locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] }
    broken.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0
    expect(sarifErrors(validate, broken).join()).toMatch(/startLine/)
  })

  it('describes the tool and its rules with help links', () => {
    const driver = log.runs[0]!.tool.driver
    expect(driver.name).toBe('postmortem-lint')
    expect(driver.version).toBe('9.9.9')
    expect(driver.rules.map((rule) => rule.id)).toEqual(['blameless-language', 'required-sections'])
    expect(driver.rules[1]!.helpUri).toBe(`${docs}/required-sections.md`)
  })

  it('addresses files relative to %SRCROOT% with exact regions and related locations', () => {
    const run = log.runs[0]!
    expect(run.originalUriBaseIds['%SRCROOT%']!.uri).toBe('file:///repo/')
    const [first, second] = run.results
    expect(first!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'docs/outage.md', uriBaseId: '%SRCROOT%' })
    expect(first!.locations[0]!.physicalLocation.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 10 })
    expect(run.tool.driver.rules[first!.ruleIndex]!.id).toBe(first!.ruleId)
    expect(second!.level).toBe('warning')
    expect(second!.relatedLocations).toEqual([
      expect.objectContaining({ id: 1, message: { text: 'First mention' } }),
    ])
  })

  it('reports unreadable and skipped files as notifications', () => {
    const notifications = log.runs[0]!.invocations[0]!.toolExecutionNotifications
    expect(notifications.map((notification) => notification.level)).toEqual(['note', 'error'])
    expect(notifications[1]!.message.text).toContain('docs/image.md')
  })

  it('stays valid for standard input, files outside the cwd, odd names and unknown rules', () => {
    const odd = [
      result({ filePath: null, messages: [message({ ruleId: 'unused-disable-directive' })], errorCount: 1 }),
      result({ filePath: '/elsewhere/x y.md', messages: [message()], errorCount: 1 }),
      result({ filePath: join(cwd, 'docs/50% [draft] #1.md'), messages: [message()], errorCount: 1 }),
    ]
    const oddLog = JSON.parse(format('sarif', odd, { cwd, color: false, rules }))
    expect(sarifErrors(validate, oddLog)).toEqual([])
    const uris = oddLog.runs[0].results.map((entry: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => entry.locations[0]!.physicalLocation.artifactLocation.uri)
    expect(uris).toEqual(['%3Cstdin%3E', 'file:///elsewhere/x%20y.md', 'docs/50%25%20%5Bdraft%5D%20%231.md'])
    expect(oddLog.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain('unused-disable-directive')
  })

  it('describes the unused-disable-directive pseudo-rule, which no rule list has', () => {
    const unused = message({ ruleId: 'unused-disable-directive', messageId: 'unused', docsUrl: 'https://example.test/elsewhere' })
    const unusedLog = JSON.parse(format('sarif', [result({ messages: [unused], errorCount: 1 })], { cwd, color: false, rules }))
    expect(sarifErrors(validate, unusedLog)).toEqual([])
    const descriptor = unusedLog.runs[0].tool.driver.rules.find((rule: { id: string }) => rule.id === 'unused-disable-directive')
    expect(descriptor).toMatchObject({
      shortDescription: { text: 'Report postmortem-lint disable comments that silence nothing' },
      helpUri: docsUrlFor('README.md#inline-configuration'),
    })
    expect(descriptor.helpUri).toMatch(/\/rules\/README\.md#inline-configuration$/)
  })

  it('defaults to the core built-in rules', () => {
    const defaultLog = JSON.parse(format('sarif', [], { cwd, color: false }))
    expect(sarifErrors(validate, defaultLog)).toEqual([])
    expect(defaultLog.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain('required-sections')
  })
})

describe('oneLine', () => {
  it('joins lines with one space and keeps other runs of spaces', () => {
    expect(oneLine(' a \t\r\n  b\n\nc  d \n')).toBe('a b c  d')
    expect(oneLine('a\u2028b')).toBe('a\u2028b')
  })
})
