import { isAbsolute, relative, sep } from 'node:path'
import type { LintMessage, LintResult } from '@postmortem-lint/core'
import type { FailOn } from './inputs.js'

/** A result with its path relative to the repository root (forward slashes). */
export interface FileReport {
  path: string
  result: LintResult
}

export interface Totals {
  /** Files with a result (linted, skipped or unreadable). */
  files: number
  linted: number
  skipped: number
  errors: number
  warnings: number
  /** Lowest score of the linted and unreadable files (an unreadable file scores 0); null if none. */
  lowestScore: number | null
  meanScore: number | null
}

export interface Verdict {
  failed: boolean
  /** Why the check fails, one sentence each. */
  reasons: string[]
}

export function repoPath(filePath: string | null, workspace: string): string {
  if (filePath === null || filePath === '') return '<stdin>'
  const path = isAbsolute(filePath) ? relative(workspace, filePath) : filePath
  return sep === '/' ? path : path.split(sep).join('/')
}

export function toFileReports(results: readonly LintResult[], workspace: string): FileReport[] {
  return results.map((result) => ({ path: repoPath(result.filePath, workspace), result }))
}

/** A linted or unreadable file's score (an unreadable file scores 0); skipped files have none. */
export function scoreOf(result: LintResult): number {
  return result.score ?? 0
}

export function computeTotals(results: readonly LintResult[]): Totals {
  // Skipped files have no score: neither the lowest nor the mean counts them.
  const scored = results.filter((result) => result.skipped === undefined)
  const linted = scored.filter((result) => result.fatal === undefined)
  const scores = scored.map(scoreOf)
  return {
    files: results.length,
    linted: linted.length,
    skipped: results.length - scored.length,
    errors: results.reduce((total, result) => total + result.errorCount, 0),
    warnings: results.reduce((total, result) => total + result.warningCount, 0),
    lowestScore: scores.length ? Math.min(...scores) : null,
    meanScore: linted.length ? Math.round(linted.reduce((total, result) => total + scoreOf(result), 0) / linted.length) : null,
  }
}

export function computeVerdict(totals: Totals, options: { failOn: FailOn; minScore: number | undefined }): Verdict {
  const reasons: string[] = []
  if (options.failOn !== 'never' && totals.errors > 0) reasons.push(`${plural(totals.errors, 'error')} found`)
  if (options.failOn === 'warning' && totals.warnings > 0) reasons.push(`${plural(totals.warnings, 'warning')} found (fail-on: warning)`)
  if (options.minScore !== undefined && totals.lowestScore !== null && totals.lowestScore < options.minScore) {
    reasons.push(`the lowest score, ${totals.lowestScore}, is below the minimum of ${options.minScore}`)
  }
  return { failed: reasons.length > 0, reasons }
}

/** Errors before warnings, then in document order. */
export function byImportance(a: LintMessage, b: LintMessage): number {
  return b.severity - a.severity || a.line - b.line || a.column - b.column
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`
}
