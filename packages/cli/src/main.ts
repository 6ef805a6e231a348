import { relative } from 'node:path'
import { parseCliArgs } from './args.js'
import type { CliContext } from './context.js'
import { CliError, UsageError } from './errors.js'
import { messages } from './messages/errors.js'
import { helpText, reportHelpText, usageLine } from './messages/usage.js'
import { cliVersion } from './version.js'

export type { CliContext } from './context.js'

/**
 * Run the CLI with the given arguments (without `node` and the script) and resolve to the exit
 * code: 0 no errors and thresholds met, 1 lint errors or a threshold missed, 2 usage, config or
 * I/O errors. Reports go to stdout (or `-o`), diagnostics to stderr. `--help` and `--version`
 * never load the core; everything else loads it on demand.
 */
export async function main(argv: readonly string[], context: Partial<CliContext> = {}): Promise<number> {
  const ctx: CliContext = {
    cwd: context.cwd ?? process.cwd(),
    env: context.env ?? process.env,
    stdin: context.stdin ?? process.stdin,
    stdout: context.stdout ?? process.stdout,
    stderr: context.stderr ?? process.stderr,
  }
  // A reader that stops early (`| head`) closes the pipe: stop writing quietly, as Unix tools do.
  if (context.stdout === undefined) process.stdout.on('error', ignoreClosedPipe)
  const debug = argv.includes('--debug')
  try {
    const args = parseCliArgs(argv)
    if (args.help && args.command !== 'report') {
      ctx.stdout.write(helpText(cliVersion()))
      return 0
    }
    if (args.command === 'report') {
      if (args.help) {
        ctx.stdout.write(reportHelpText(cliVersion()))
        return 0
      }
      const { runReport } = await import('./report/report-command.js')
      return await runReport(args, ctx)
    }
    if (args.command === 'new') {
      const { runNew } = await import('./new-postmortem.js')
      return await runNew(args, ctx)
    }
    if (args.version) {
      ctx.stdout.write(`${cliVersion()}\n`)
      return 0
    }
    if (args.init) {
      const { runInit } = await import('./init.js')
      return await runInit(ctx)
    }
    const { runLint } = await import('./lint-command.js')
    return await runLint(args, ctx)
  } catch (error) {
    return report(error, ctx, debug)
  }
}

/** The stack trace for --debug, with the error behind it (what a JavaScript config threw). */
function stackOf(error: unknown): string {
  if (!(error instanceof Error) || !error.stack) return ''
  const cause = error.cause instanceof Error && error.cause.stack ? `\nCaused by: ${error.cause.stack}` : ''
  return `\n${error.stack}${cause}`
}

function ignoreClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error
}

function report(error: unknown, ctx: CliContext, debug: boolean): number {
  const stack = debug ? stackOf(error) : ''
  let text: string
  let code = 2
  if (error instanceof UsageError) {
    text = `${error.message}\n${usageLine}\n${messages.seeHelp()}`
    code = error.exitCode
  } else if (error instanceof CliError) {
    text = error.message
    code = error.exitCode
  } else if (isConfigError(error)) {
    const where = error.filePath ? relative(ctx.cwd, error.filePath) || error.filePath : 'inline config'
    text = messages.configError(where, error.key, error.problem)
  } else {
    text = messages.unexpected(error instanceof Error ? error.message : String(error))
  }
  ctx.stderr.write(`postmortem-lint: ${text}${stack}\n`)
  return code
}

/** The core's ConfigError, recognised without importing the core. */
function isConfigError(error: unknown): error is Error & { filePath: string | null; key: string | null; problem: string } {
  return error instanceof Error && error.name === 'ConfigError' && typeof (error as { problem?: unknown }).problem === 'string'
}
