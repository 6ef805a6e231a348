import type { LintMessage, LintResult } from '@postmortem-lint/core'
import type { Formatter } from './types.js'
import { STDIN_NAME } from './shared.js'

/**
 * The stable JSON contract: an array with one object per file,
 * `{ filePath, messages: [{ ruleId, severity, message, line, column, endLine, endColumn,
 * suggestion?, docsUrl, messageId, category, related? }], errorCount, warningCount, score,
 * categories, rubric, skipped?, fatal? }`. `score` is null for a skipped file (and `categories`
 * and `rubric` are empty); `rubric` says per category which checklist items were met and missed.
 * Paths are absolute (standard input: "<stdin>"). Keys come in this order whatever the core's
 * objects hold; extra core fields are kept after them.
 */
export const json: Formatter = (results) => `${JSON.stringify(results.map(toJsonResult))}\n`

export function toJsonResult(result: LintResult): Record<string, unknown> {
  const { filePath, messages, errorCount, warningCount, score, categories, rubric, skipped, fatal, ...rest } = result
  const output: Record<string, unknown> = {
    filePath: filePath ?? STDIN_NAME,
    messages: messages.map(toJsonMessage),
    errorCount,
    warningCount,
    // A skipped file has no score, whatever an older core put there.
    score: skipped === undefined ? score : null,
    categories: skipped === undefined ? categories : {},
    rubric: skipped === undefined ? (rubric ?? {}) : {},
  }
  if (skipped !== undefined) output.skipped = skipped
  if (fatal !== undefined) output.fatal = fatal
  return { ...output, ...rest }
}

function toJsonMessage(message: LintMessage): Record<string, unknown> {
  const { ruleId, severity, message: text, line, column, endLine, endColumn, suggestion, docsUrl, ...rest } = message
  const output: Record<string, unknown> = { ruleId, severity, message: text, line, column, endLine, endColumn }
  if (suggestion !== undefined) output.suggestion = suggestion
  output.docsUrl = docsUrl
  return { ...output, ...rest }
}
