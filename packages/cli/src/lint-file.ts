import type { LintResult, RuleSetting } from '@postmortem-lint/core'
import { ConfigResolver, type Core } from './config.js'

/**
 * What linting one file needs, as plain JSON so a worker thread can receive it: the same inputs
 * the main thread's ConfigResolver is built from, and `detect`.
 */
export interface LintFileInputs {
  cwd: string
  /** `-c`, as given (resolved against `cwd`). */
  configFile?: string
  /** Parsed `--rule` settings. */
  ruleOverrides: Record<string, RuleSetting>
  detect: boolean
  allowJavaScript?: boolean
}

export function createConfigResolver(core: Core, inputs: LintFileInputs): ConfigResolver {
  return new ConfigResolver(core, {
    cwd: inputs.cwd,
    ruleOverrides: inputs.ruleOverrides,
    ...(inputs.configFile === undefined ? {} : { configFile: inputs.configFile }),
    ...(inputs.allowJavaScript === undefined ? {} : { allowJavaScript: inputs.allowJavaScript }),
  })
}

/**
 * Lint one file with its config: the one code path of the main thread and of the worker threads.
 * `text`: the file's content when the caller has already read it (for the cache key).
 */
export async function lintFile(core: Core, configs: ConfigResolver, file: string, detect: boolean, text?: string): Promise<LintResult> {
  const { config } = await configs.forFile(file)
  if (text === undefined) {
    const read = await core.readDocument(file)
    if (!read.ok) return core.fatalResult(file, read.problem)
    text = read.text
  }
  return core.lint(text, { filePath: file, config, detect })
}
