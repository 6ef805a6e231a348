import { dirname, relative, resolve, sep } from 'node:path'
import type { ReportEntry, RuleSetting } from '@postmortem-lint/core'
import type { ReportArgs } from '../args.js'
import { writeFileAtomic } from '../atomic-write.js'
import type { ConfigForFile } from '../config.js'
import type { CliContext } from '../context.js'
import { CliError } from '../errors.js'
import { findFiles, type FileFilters } from '../files.js'
import { displayPathPosix } from '../formatters/shared.js'
import { createConfigResolver, type LintFileInputs } from '../lint-file.js'
import { lintInWorkers, workerCount } from '../lint-pool.js'
import { messages } from '../messages/errors.js'
import { parseRuleOptions } from '../rule-option.js'
import { cliVersion } from '../version.js'
import { describeWriteError } from '../write-error.js'
import { createProgressBar } from './progress-bar.js'
import { reportFile } from './report-file.js'

const reportWorkerUrl = new URL('./report-worker.js', import.meta.url)

/**
 * `postmortem-lint report`: find the files as linting does (same patterns, ignore files, config
 * include/ignore), lint each once with its report facts, build the core's report and write it.
 */
export async function runReport(args: ReportArgs, context: CliContext): Promise<number> {
  const { cwd, env } = context
  const debug = args.debug ? (message: string): void => void context.stderr.write(`[debug] ${message}\n`) : undefined
  const ruleOverrides = parseRuleOptions(args.rules) as Record<string, RuleSetting>
  const core = await import('@postmortem-lint/core')
  const fileInputs: LintFileInputs = { cwd, ruleOverrides, detect: args.detect, ...(args.config === undefined ? {} : { configFile: args.config }) }
  const configs = createConfigResolver(core, fileInputs)

  const toFilters = ({ config, baseDir }: ConfigForFile): FileFilters => ({ include: config.include, ignore: config.ignore, baseDir, configFile: config.filePath })
  const found = await findFiles(args.patterns.length ? args.patterns : ['.'], {
    cwd,
    filtersFor: async (file) => toFilters(await configs.forFile(file)),
    errorOnUnmatchedPattern: args.errorOnUnmatchedPattern,
    ...(debug ? { debug } : {}),
  })
  debug?.(`${found.files.length} file(s) to report on, ${found.ignored.length} named file(s) ignored`)

  const progress = createProgressBar(found.files.length, context.stderr, env)
  const entries: (ReportEntry | undefined)[] = new Array<ReportEntry | undefined>(found.files.length)
  const record = (index: number, entry: ReportEntry): void => {
    entries[index] = entry
    progress.tick()
  }
  const onMainThread = async (index: number): Promise<void> => record(index, await reportFile(core, configs, found.files[index]!, args.detect))
  // Config errors surface here, before any worker starts.
  for (const file of found.files) await configs.forFile(file)
  const workers = workerCount(found.files.length, args.concurrency, reportWorkerUrl)
  if (workers > 0) {
    debug?.(`reading ${found.files.length} file(s) on ${workers} worker thread(s)`)
    await lintInWorkers<ReportEntry>(found.files, workers, fileInputs, record, onMainThread, debug, reportWorkerUrl)
  } else {
    for (let index = 0; index < found.files.length; index++) await onMainThread(index)
  }
  progress.done()

  const all: ReportEntry[] = entries.map((entry) => entry!)
  for (const { path, reason } of found.ignored) all.push({ result: core.skippedResult(path, reason), facts: null })
  for (const { path, problem } of found.unreadable) all.push({ result: core.fatalResult(path, `could not search this directory: ${problem}`), facts: null })

  const report = core.buildReport(all, {
    ...(args.asOf === undefined ? {} : { asOf: args.asOf }),
    displayPath: (filePath) => displayPathPosix(filePath, cwd),
    toolVersion: cliVersion(),
  })
  const toStdout = args.outputFile === '-'
  const outputPath = resolve(cwd, args.outputFile)
  const output =
    args.format === 'json' ? core.renderReportJson(report) : core.renderReportHtml(report, { linkBase: toStdout ? '' : linkBase(cwd, outputPath) })
  if (toStdout) {
    context.stdout.write(output)
  } else {
    try {
      await writeFileAtomic(outputPath, output, { mkdirs: true })
    } catch (error) {
      throw new CliError(messages.cannotWriteOutput(args.outputFile, describeWriteError(error)))
    }
    const { summary } = report
    context.stdout.write(
      `Wrote ${args.outputFile}: ${summary.postmortems} postmortem${summary.postmortems === 1 ? '' : 's'}, ` +
        `${summary.actions.overdue} overdue action${summary.actions.overdue === 1 ? '' : 's'}, ` +
        `${summary.reviews.overdue} overdue review${summary.reviews.overdue === 1 ? '' : 's'}, ` +
        `${summary.recurring} recurring cause${summary.recurring === 1 ? '' : 's'}` +
        (summary.skipped ? ` (${summary.skipped} skipped)` : '') +
        '.\n',
    )
  }
  // Nothing could be read at all: an I/O failure, as for linting.
  return all.length > 0 && all.every((entry) => entry.result.fatal !== undefined) ? 2 : 0
}

/** The path from the output file's directory to the cwd, with forward slashes, for the page's links. */
export function linkBase(cwd: string, outputPath: string): string {
  const path = relative(dirname(outputPath), cwd)
  return path === '' ? '' : `${sep === '/' ? path : path.split(sep).join('/')}/`
}
