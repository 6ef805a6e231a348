import type { LintResult } from './types.js'

/**
 * The two results a document gets without being linted. Kept in one place so the CLI, the Action
 * and lintFiles count them the same way.
 */

/**
 * Not linted on purpose (an ignore-file comment, detection, an ignore pattern): no score and no
 * categories, so no threshold or mean counts it.
 */
export function skippedResult(filePath: string | null, reason: string): LintResult {
  return { filePath, messages: [], errorCount: 0, warningCount: 0, score: null, categories: {}, rubric: {}, skipped: reason }
}

/** Could not be read or decoded: one error and a score of 0, so a CI gate fails rather than passes. */
export function fatalResult(filePath: string | null, problem: string): LintResult {
  return { filePath, messages: [], errorCount: 1, warningCount: 0, score: 0, categories: {}, rubric: {}, fatal: problem }
}
