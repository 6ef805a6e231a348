import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './errors.js'
import { messages } from './messages/errors.js'

export const formatNames = ['stylish', 'json', 'sarif', 'github', 'markdown', 'compact'] as const
export type FormatName = (typeof formatNames)[number]

export interface LintArgs {
  command: 'lint'
  /** Paths, directories and globs; `-` is taken out and sets `stdin`. */
  patterns: string[]
  stdin: boolean
  stdinFilename?: string
  detect: boolean
  errorOnUnmatchedPattern: boolean
  config?: string
  /** Raw `--rule` values, in order; parsed by rule-option.ts. */
  rules: string[]
  printConfig?: string
  init: boolean
  format: FormatName
  outputFile?: string
  quiet: boolean
  /** Undefined: decide from the environment (NO_COLOR, FORCE_COLOR, TTY). */
  color?: boolean
  maxWarnings?: number
  minScore?: number
  cache: boolean
  cacheLocation?: string
  /** `--concurrency`: threads to lint with; undefined: one per core, up to 4 (1: main thread only). */
  concurrency?: number
  debug: boolean
  help: boolean
  version: boolean
}

export interface NewArgs {
  command: 'new'
  title: string
  severity?: string
  dir: string
  date?: string
  debug: boolean
  help: boolean
}

export const reportFormatNames = ['html', 'json'] as const
export type ReportFormatName = (typeof reportFormatNames)[number]

export interface ReportArgs {
  command: 'report'
  patterns: string[]
  detect: boolean
  errorOnUnmatchedPattern: boolean
  config?: string
  rules: string[]
  format: ReportFormatName
  /** `-o`; `-` writes to standard output. Default: postmortem-report.html (or .json). */
  outputFile: string
  /** `--as-of YYYY-MM-DD`; undefined: today in UTC. */
  asOf?: string
  concurrency?: number
  debug: boolean
  help: boolean
}

export type CliArgs = LintArgs | NewArgs | ReportArgs

const lintOptions = {
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'no-detect': { type: 'boolean' },
  'no-error-on-unmatched-pattern': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  'print-config': { type: 'string' },
  init: { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  quiet: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'max-warnings': { type: 'string' },
  'min-score': { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  concurrency: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies ParseArgsConfig['options']

const newOptions = {
  severity: { type: 'string' },
  dir: { type: 'string' },
  date: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options']

const reportOptions = {
  'no-detect': { type: 'boolean' },
  'no-error-on-unmatched-pattern': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  'as-of': { type: 'string' },
  concurrency: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options']

/**
 * Parse the command line with Node's util.parseArgs. `--no-color` and friends are declared as
 * options of their own (parseArgs' `allowNegative` needs Node 22.4), and `--color` against
 * `--no-color` is settled by whichever comes last, read from the tokens.
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  if (argv[0] === 'new') return parseNewArgs(argv.slice(1))
  if (argv[0] === 'report') return parseReportArgs(argv.slice(1))
  const parsed = parse(argv, lintOptions)
  const { values } = parsed

  const patterns: string[] = []
  let stdin = values.stdin ?? false
  for (const positional of parsed.positionals) {
    if (positional === '-') stdin = true
    else patterns.push(positional)
  }

  let color: boolean | undefined
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue
    if (token.name === 'color') color = true
    else if (token.name === 'no-color') color = false
  }

  const format = values.format ?? 'stylish'
  if (!(formatNames as readonly string[]).includes(format)) throw new UsageError(messages.unknownFormat(format, formatNames))

  const args: LintArgs = {
    command: 'lint',
    patterns,
    stdin,
    detect: !values['no-detect'],
    errorOnUnmatchedPattern: !values['no-error-on-unmatched-pattern'],
    rules: values.rule ?? [],
    init: values.init ?? false,
    format: format as FormatName,
    quiet: values.quiet ?? false,
    cache: values.cache ?? false,
    debug: values.debug ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  }
  if (values['stdin-filename'] !== undefined) args.stdinFilename = values['stdin-filename']
  if (values.config !== undefined) args.config = values.config
  if (values['print-config'] !== undefined) args.printConfig = values['print-config']
  if (values['output-file'] !== undefined) args.outputFile = values['output-file']
  if (values['cache-location'] !== undefined) args.cacheLocation = values['cache-location']
  if (color !== undefined) args.color = color

  const maxWarnings = values['max-warnings']
  if (maxWarnings !== undefined) {
    if (!/^(?:-1|\d+)$/.test(maxWarnings.trim())) throw new UsageError(messages.badMaxWarnings(maxWarnings))
    args.maxWarnings = Number(maxWarnings)
  }
  const concurrency = values.concurrency
  if (concurrency !== undefined) {
    if (!/^\d+$/.test(concurrency.trim()) || Number(concurrency) < 1) throw new UsageError(messages.badConcurrency(concurrency))
    args.concurrency = Number(concurrency)
  }
  const minScore = values['min-score']
  if (minScore !== undefined) {
    const value = Number(minScore)
    if (minScore.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) throw new UsageError(messages.badMinScore(minScore))
    args.minScore = value
  }

  if (args.help || args.version) return args
  if (args.stdinFilename !== undefined && !args.stdin) throw new UsageError(messages.stdinFilenameWithoutStdin())
  if (args.printConfig !== undefined) {
    if (args.stdin) throw new UsageError(messages.printConfigWithStdin())
    if (args.patterns.length > 0) throw new UsageError(messages.printConfigWithFiles())
  }
  return args
}

function parseNewArgs(argv: readonly string[]): NewArgs {
  const { values, positionals } = parse(argv, newOptions)
  const title = positionals.join(' ').trim()
  const args: NewArgs = { command: 'new', title, dir: values.dir ?? '.', debug: values.debug ?? false, help: values.help ?? false }
  if (args.help) return args
  if (title === '') throw new UsageError(messages.newNeedsTitle())
  if (values.severity !== undefined) {
    const match = /^\s*(?:p|sev)\s*(?:-\s*)?([1-4])\s*$/i.exec(values.severity)
    if (!match) throw new UsageError(messages.badSeverity(values.severity))
    args.severity = /^\s*sev/i.test(values.severity) ? `SEV${match[1]}` : `P${match[1]}`
  }
  if (values.date !== undefined) {
    const date = values.date.trim()
    const parsedDate = new Date(`${date}T00:00:00Z`)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(parsedDate.getTime()) || parsedDate.toISOString().slice(0, 10) !== date) {
      throw new UsageError(messages.badDate(values.date))
    }
    args.date = date
  }
  return args
}

function parseReportArgs(argv: readonly string[]): ReportArgs {
  const { values, positionals } = parse(argv, reportOptions)
  const format = values.format ?? 'html'
  if (!(reportFormatNames as readonly string[]).includes(format)) throw new UsageError(messages.unknownFormat(format, reportFormatNames))
  const args: ReportArgs = {
    command: 'report',
    patterns: positionals,
    detect: !values['no-detect'],
    errorOnUnmatchedPattern: !values['no-error-on-unmatched-pattern'],
    rules: values.rule ?? [],
    format: format as ReportFormatName,
    outputFile: values['output-file'] ?? `postmortem-report.${format}`,
    debug: values.debug ?? false,
    help: values.help ?? false,
  }
  if (values.config !== undefined) args.config = values.config
  const concurrency = values.concurrency
  if (concurrency !== undefined) {
    if (!/^\d+$/.test(concurrency.trim()) || Number(concurrency) < 1) throw new UsageError(messages.badConcurrency(concurrency))
    args.concurrency = Number(concurrency)
  }
  const asOf = values['as-of']
  if (asOf !== undefined) {
    if (!isIsoDate(asOf.trim())) throw new UsageError(messages.badAsOf(asOf))
    args.asOf = asOf.trim()
  }
  return args
}

function isIsoDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`)
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date
}

/** Options whose value may be a negative number, which parseArgs would take for an option. */
const numericOptions = new Set(['--max-warnings', '--min-score'])

function parse<Options extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: Options) {
  const args: string[] = []
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!
    const next = argv[index + 1]
    if (numericOptions.has(arg) && next !== undefined && /^-\d/.test(next)) {
      args.push(`${arg}=${next}`)
      index++
    } else {
      args.push(arg)
    }
  }
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true, tokens: true })
  } catch (error) {
    throw new UsageError(describeParseError(error as Error & { code?: string }))
  }
}

function describeParseError(error: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? ''
  // Node names the option as "-f, --format <value>" in some messages; keep the long form.
  const option = /--[\w-]+/.exec(quoted)?.[0] ?? quoted
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return messages.unknownOption(option)
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(error.message) ? messages.unexpectedValue(option) : messages.missingValue(option)
    default:
      return error.message
  }
}
