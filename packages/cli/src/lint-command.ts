import { resolve } from 'node:path'
import type { LintResult, ResolvedConfig, RuleSetting } from '@postmortem-lint/core'
import type { LintArgs } from './args.js'
import { LintCache, cacheKey, resolveCacheLocation } from './cache.js'
import { shouldUseColor } from './color.js'
import { toFilters, type ConfigResolver, type Core } from './config.js'
import type { CliContext } from './context.js'
import { CliError } from './errors.js'
import { IgnoreFiles, findFiles, ignoredReason, type FileFilters } from './files.js'
import type { RuleInfo } from './formatters/types.js'
import { displayPath, toRuleInfo } from './formatters/shared.js'
import { writeFileAtomic } from './atomic-write.js'
import { describeWriteError } from './write-error.js'
import { messages } from './messages/errors.js'
import { createConfigResolver, lintFile, type LintFileInputs } from './lint-file.js'
import { lintInWorkers, workerCount } from './lint-pool.js'
import { createProgress } from './progress.js'
import { parseRuleOptions } from './rule-option.js'
import { cliVersion } from './version.js'

/** Lint files and standard input, print the report, and return the exit code. */
export async function runLint(args: LintArgs, context: CliContext): Promise<number> {
  const { cwd, env } = context
  const debug = args.debug ? (message: string): void => void context.stderr.write(`[debug] ${message}\n`) : undefined
  // The core validates them (ConfigResolver turns its errors into usage errors).
  const ruleOverrides = parseRuleOptions(args.rules) as Record<string, RuleSetting>
  const core = await import('@postmortem-lint/core')
  // Plain JSON: worker threads build their own ConfigResolver from it.
  const fileInputs: LintFileInputs = {
    cwd,
    ruleOverrides,
    detect: args.detect,
    ...(args.config === undefined ? {} : { configFile: args.config }),
  }
  const configs = createConfigResolver(core, fileInputs)

  if (args.printConfig !== undefined) {
    const { config } = await configs.forFile(resolve(cwd, args.printConfig))
    context.stdout.write(`${JSON.stringify(core.configToJSON(config), null, 2)}\n`)
    return 0
  }

  const filtersFor = async (file: string): Promise<FileFilters> => toFilters(await configs.forFile(file))
  const patterns = args.patterns.length === 0 && !args.stdin ? ['.'] : args.patterns
  const found = patterns.length
    ? await findFiles(patterns, {
        cwd,
        filtersFor,
        errorOnUnmatchedPattern: args.errorOnUnmatchedPattern,
        ...(debug ? { debug } : {}),
      })
    : { files: [], ignored: [], unreadable: [] }
  debug?.(`${found.files.length} file(s) to lint, ${found.ignored.length} named file(s) ignored`)

  const usedConfigs = new Set<ResolvedConfig>()
  const results: LintResult[] = []

  if (args.stdin) results.push(await lintStdin(args, context, configs, usedConfigs, core))

  const cache = args.cache ? await LintCache.load(resolveCacheLocation(cwd, args.cacheLocation)) : undefined
  const configJson = new WeakMap<ResolvedConfig, string>()
  const progress = createProgress(found.files.length, context.stderr as NodeJS.WriteStream, env)
  // One slot per file, in the order found: results are reported in that order whoever lints them.
  const fileResults: (LintResult | undefined)[] = new Array<LintResult | undefined>(found.files.length)
  /** Files left to lint after the cache check: index into found.files, text when already read, cache key. */
  const pending: { index: number; text?: string; key?: string }[] = []
  let cacheHits = 0
  for (const [index, file] of found.files.entries()) {
    const { config } = await configs.forFile(file)
    usedConfigs.add(config)
    if (!cache) {
      pending.push({ index })
      continue
    }
    const read = await core.readDocument(file)
    if (!read.ok) {
      fileResults[index] = core.fatalResult(file, read.problem)
      progress.tick()
      continue
    }
    let json = configJson.get(config)
    if (json === undefined) {
      json = JSON.stringify(core.configToJSON(config))
      configJson.set(config, json)
    }
    const key = cacheKey(read.text, json, core.version, args.detect)
    const hit = cache.get(file, key)
    if (hit) {
      cacheHits++
      fileResults[index] = hit
      progress.tick()
      continue
    }
    pending.push({ index, text: read.text, key })
  }

  const record = (slot: number, result: LintResult): void => {
    const { index, key } = pending[slot]!
    if (cache && key !== undefined) cache.set(found.files[index]!, key, result)
    fileResults[index] = result
    progress.tick()
  }
  const lintOnMainThread = async (slot: number): Promise<void> => {
    const { index, text } = pending[slot]!
    record(slot, await lintFile(core, configs, found.files[index]!, args.detect, text))
  }
  const workers = workerCount(pending.length, args.concurrency)
  if (workers > 0) {
    debug?.(`linting ${pending.length} file(s) on ${workers} worker thread(s)`)
    const paths = pending.map(({ index }) => found.files[index]!)
    await lintInWorkers(paths, workers, fileInputs, record, lintOnMainThread, debug)
  } else {
    for (let slot = 0; slot < pending.length; slot++) await lintOnMainThread(slot)
  }
  for (const result of fileResults) results.push(result!)
  progress.done()
  for (const { path, reason } of found.ignored) results.push(core.skippedResult(path, reason))
  for (const { path, problem } of found.unreadable) results.push(core.fatalResult(path, `could not search this directory: ${problem}`))

  if (cache) {
    debug?.(`cache ${cache.path}: ${cacheHits} of ${found.files.length} file(s) unchanged`)
    try {
      await cache.save()
    } catch (error) {
      context.stderr.write(`${messages.cannotWriteCache(cache.path, describeWriteError(error))}\n`)
    }
  }

  const shown = args.quiet ? results.map(errorsOnly) : results
  const { format } = await import('./formatters/index.js')
  const color = shouldUseColor(args.color, env, args.outputFile === undefined && context.stdout.isTTY === true)
  const output = format(args.format, shown, {
    cwd,
    color,
    toolVersion: cliVersion(),
    ...(usedConfigs.size ? { rules: ruleInfos(usedConfigs) } : {}),
  })
  if (args.outputFile !== undefined) {
    const path = resolve(cwd, args.outputFile)
    try {
      await writeFileAtomic(path, output, { mkdirs: true })
    } catch (error) {
      throw new CliError(messages.cannotWriteOutput(args.outputFile, describeWriteError(error)))
    }
  } else {
    context.stdout.write(output)
  }

  return exitCode(shown, args, context)
}

function exitCode(results: readonly LintResult[], args: LintArgs, context: CliContext): number {
  // Nothing could be linted at all (every file unreadable): an I/O failure, like ESLint's fatal errors.
  if (results.length > 0 && results.every((result) => result.fatal !== undefined)) return 2
  let code = results.some((result) => result.errorCount > 0) ? 1 : 0
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0)
  if (args.maxWarnings !== undefined && args.maxWarnings >= 0 && warnings > args.maxWarnings) {
    context.stderr.write(`${messages.tooManyWarnings(warnings, args.maxWarnings)}\n`)
    code = 1
  }
  if (args.minScore !== undefined) {
    const min = args.minScore
    // Skipped files have no score: no threshold counts them.
    const below: { path: string; score: number }[] = []
    for (const result of results) {
      if (result.skipped !== undefined || result.fatal !== undefined || result.score === null || result.score >= min) continue
      below.push({ path: displayPath(result.filePath, context.cwd), score: result.score })
    }
    if (below.length) {
      context.stderr.write(`${messages.belowMinScore(below, min)}\n`)
      code = 1
    }
  }
  return code
}

async function lintStdin(
  args: LintArgs,
  context: CliContext,
  configs: ConfigResolver,
  usedConfigs: Set<ResolvedConfig>,
  core: Core,
): Promise<LintResult> {
  const filePath = args.stdinFilename === undefined ? null : resolve(context.cwd, args.stdinFilename)
  const found = filePath === null ? await configs.forDirectory(context.cwd) : await configs.forFile(filePath)
  usedConfigs.add(found.config)
  let bytes: Buffer
  try {
    bytes = await readAll(context.stdin)
  } catch (error) {
    throw new CliError(messages.cannotReadStdin((error as Error).message))
  }
  if (filePath !== null) {
    const reason = await ignoredReason(filePath, context.cwd, toFilters(found), new IgnoreFiles(context.cwd))
    if (reason) return core.skippedResult(filePath, reason)
  }
  const decoded = core.decodeDocument(bytes)
  if (!decoded.ok) return core.fatalResult(filePath, decoded.problem)
  return core.lint(decoded.text, { ...(filePath === null ? {} : { filePath }), config: found.config, detect: args.detect })
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
  return Buffer.concat(chunks)
}

/** `--quiet`: errors only, in the output and in the counts. */
function errorsOnly(result: LintResult): LintResult {
  if (result.warningCount === 0) return result
  return { ...result, messages: result.messages.filter((message) => message.severity === 2), warningCount: 0 }
}

function ruleInfos(configs: ReadonlySet<ResolvedConfig>): RuleInfo[] {
  const byId = new Map<string, RuleInfo>()
  for (const config of configs) {
    for (const { rule } of config.rules) {
      if (byId.has(rule.id)) continue
      byId.set(rule.id, toRuleInfo(rule))
    }
  }
  return [...byId.values()]
}
