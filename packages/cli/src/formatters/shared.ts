import { isAbsolute, relative, sep } from 'node:path'
import type { LintResult, Rule } from '@postmortem-lint/core'
import type { RuleInfo } from './types.js'

export const STDIN_NAME = '<stdin>'

/** A result's path relative to the cwd, with the platform's separators (or `<stdin>`). */
export function displayPath(filePath: string | null, cwd: string): string {
  if (filePath === null || filePath === '' || filePath === STDIN_NAME) return STDIN_NAME
  if (!isAbsolute(filePath)) return filePath
  return relative(cwd, filePath) || filePath
}

/** The same with forward slashes, for formats read on the web (GitHub, Markdown, SARIF). */
export function displayPathPosix(filePath: string | null, cwd: string): string {
  const path = displayPath(filePath, cwd)
  return sep === '/' ? path : path.split(sep).join('/')
}

/** What formatters know of a rule. */
export function toRuleInfo(rule: Rule<unknown>): RuleInfo {
  const { description, docsUrl, category, defaultSeverity } = rule.meta
  return { id: rule.id, description, docsUrl, category, defaultSeverity }
}

/** Messages and texts are single lines in line-oriented formats. */
export function oneLine(text: string): string {
  // A run is matched whole and tested apart: a single pattern for "whitespace around a break"
  // backtracks quadratically over long runs of spaces without a break.
  return text.replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run)).trim()
}

export interface Totals {
  files: number
  linted: number
  skipped: number
  fatal: number
  errors: number
  warnings: number
  /** Mean score of the linted files (not skipped, not unreadable), rounded; null if none. */
  meanScore: number | null
}

export function totals(results: readonly LintResult[]): Totals {
  // Skipped files have no score: they count in no mean.
  const linted = results.filter((result) => result.skipped === undefined && result.fatal === undefined)
  const sum = linted.reduce((total, result) => total + (result.score ?? 0), 0)
  return {
    files: results.length,
    linted: linted.length,
    skipped: results.filter((result) => result.skipped !== undefined).length,
    fatal: results.filter((result) => result.fatal !== undefined).length,
    errors: results.reduce((total, result) => total + result.errorCount, 0),
    warnings: results.reduce((total, result) => total + result.warningCount, 0),
    meanScore: linted.length ? Math.round(sum / linted.length) : null,
  }
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`
}

/** The score of a file that was linted or could not be read (a skipped file has none). */
export function scoreOf(result: LintResult): number {
  return result.score ?? 0
}
