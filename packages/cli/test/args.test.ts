import { describe, expect, it } from 'vitest'
import { parseCliArgs, type LintArgs, type NewArgs } from '../src/args.js'
import { UsageError } from '../src/errors.js'
import { parseRuleOptions } from '../src/rule-option.js'

const lint = (argv: string[]): LintArgs => parseCliArgs(argv) as LintArgs

describe('parseCliArgs', () => {
  it('has ESLint-like defaults', () => {
    expect(lint(['docs'])).toMatchObject({
      command: 'lint',
      patterns: ['docs'],
      stdin: false,
      detect: true,
      errorOnUnmatchedPattern: true,
      format: 'stylish',
      quiet: false,
      cache: false,
      rules: [],
    })
    expect(lint(['docs']).color).toBeUndefined()
  })

  it('reads every option, short and long', () => {
    const args = lint([
      '-f', 'json', '-o', 'out.json', '-c', 'cfg.json', '--rule', 'a: warn', '--rule=b: off', '--quiet', '--max-warnings', '3',
      '--min-score=70.5', '--cache', '--cache-location', 'tmp/', '--no-detect', '--no-error-on-unmatched-pattern', '--debug', 'a.md', 'b',
    ])
    expect(args).toMatchObject({
      format: 'json',
      outputFile: 'out.json',
      config: 'cfg.json',
      rules: ['a: warn', 'b: off'],
      quiet: true,
      maxWarnings: 3,
      minScore: 70.5,
      cache: true,
      cacheLocation: 'tmp/',
      detect: false,
      errorOnUnmatchedPattern: false,
      debug: true,
      patterns: ['a.md', 'b'],
    })
  })

  it('takes "-" and --stdin as standard input', () => {
    expect(lint(['-'])).toMatchObject({ stdin: true, patterns: [] })
    expect(lint(['--stdin', '--stdin-filename', 'x.md'])).toMatchObject({ stdin: true, stdinFilename: 'x.md' })
  })

  it('lets the last of --color and --no-color win', () => {
    expect(lint(['--color']).color).toBe(true)
    expect(lint(['--no-color']).color).toBe(false)
    expect(lint(['--no-color', '--color']).color).toBe(true)
    expect(lint(['--color', '--no-color']).color).toBe(false)
  })

  it.each([
    [['--bogus'], "Unknown option '--bogus'."],
    [['-x'], "Unknown option '-x'."],
    [['--format'], "Option '--format' needs a value."],
    [['--quiet=yes'], "Option '--quiet' does not take a value."],
    [['-f', 'xml'], "Unknown format 'xml'"],
    [['--min-score', '101'], '--min-score must be a number from 0 to 100'],
    [['--min-score', 'abc'], '--min-score must be a number'],
    [['--max-warnings', '1.5'], '--max-warnings must be a whole number'],
    [['--stdin-filename', 'x.md', 'docs'], '--stdin-filename needs --stdin'],
    [['--print-config', 'a.md', 'b.md'], '--print-config takes the file'],
    [['--print-config', 'a.md', '-'], '--print-config is not available for standard input'],
  ])('rejects %j', (argv, expected) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError)
    expect(() => parseCliArgs(argv)).toThrow(expected)
  })

  it('accepts -1 as "no limit" for --max-warnings, as ESLint does', () => {
    expect(lint(['--max-warnings', '-1']).maxWarnings).toBe(-1)
  })

  it('reads --concurrency as a whole number of threads, absent by default', () => {
    expect(lint(['--concurrency', '3']).concurrency).toBe(3)
    expect(lint(['--concurrency', '1']).concurrency).toBe(1)
    expect(lint([]).concurrency).toBeUndefined()
    for (const value of ['0', '-2', 'x', '2.5']) expect(() => parseCliArgs([`--concurrency=${value}`])).toThrow(UsageError)
  })

  it('still answers --help and --version next to otherwise incomplete arguments', () => {
    expect(lint(['--stdin-filename', 'x', '--help']).help).toBe(true)
    expect(lint(['-v']).version).toBe(true)
  })
})

describe('parseCliArgs: new', () => {
  const parseNew = (argv: string[]): NewArgs => parseCliArgs(['new', ...argv]) as NewArgs

  it('reads the title, severity, directory and date', () => {
    expect(parseNew(['Checkout outage', '--severity', 'p2', '--dir', 'docs/pm', '--date', '2025-02-28'])).toEqual({
      command: 'new',
      title: 'Checkout outage',
      severity: 'P2',
      dir: 'docs/pm',
      date: '2025-02-28',
      debug: false,
      help: false,
    })
    expect(parseNew(['Checkout', 'outage']).title).toBe('Checkout outage')
    expect(parseNew(['x', '--severity', 'sev1']).severity).toBe('SEV1')
    expect(parseNew(['x', '--severity', ' Sev - 3 ']).severity).toBe('SEV3')
    expect(parseNew(['x', '--severity', 'p-4']).severity).toBe('P4')
    expect(parseNew(['x']).dir).toBe('.')
  })

  it.each([
    [[], "'new' needs a title"],
    [['x', '--severity', 'high'], '--severity must be one of P1, P2, P3, P4'],
    [['x', '--severity', 'p--2'], '--severity must be one of P1, P2, P3, P4'],
    [['x', '--date', '2025-02-30'], '--date must be a calendar date'],
    [['x', '--date', 'tomorrow'], '--date must be a calendar date'],
    [['x', '--format', 'json'], "Unknown option '--format'."],
  ])('rejects %j', (argv, expected) => {
    expect(() => parseNew(argv)).toThrow(expected)
  })
})

describe('parseRuleOptions', () => {
  it('reads severities, JSON settings and JSON objects; later values win', () => {
    expect(
      parseRuleOptions([
        'required-sections: warn',
        'metadata:off',
        'timeline-order: ["error", {"allowEqual": true}]',
        'a: 2',
        '{"b": "warn", "metadata": "error"}',
      ]),
    ).toEqual({
      'required-sections': 'warn',
      metadata: 'error',
      'timeline-order': ['error', { allowEqual: true }],
      a: 2,
      b: 'warn',
    })
  })

  it.each([
    ['warn', 'no rule id before a colon'],
    ['a:', 'no severity after the colon'],
    ['a: [error', 'not valid JSON'],
    ['{"a": 1', 'not valid JSON'],
    ['[1]', 'no rule id'],
    ['a b: warn', 'is not a rule id'],
  ])('rejects %j', (value, expected) => {
    expect(() => parseRuleOptions([value])).toThrow(expected)
  })
})
