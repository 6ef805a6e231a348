import type { LintResult } from '@postmortem-lint/core'

/** What a formatter knows of a rule (for SARIF's `tool.driver.rules`). */
export interface RuleInfo {
  id: string
  description: string
  docsUrl: string
  category: string
  defaultSeverity: 'warn' | 'error'
}

export interface FormatOptions {
  /** Paths are shown relative to this directory (SARIF: the %SRCROOT% base). */
  cwd: string
  /** ANSI colours (stylish only). */
  color: boolean
  /** The rules that ran; SARIF lists them. Defaults to the core's built-in rules. */
  rules?: readonly RuleInfo[]
  /** The version SARIF names for the tool. Defaults to this package's version. */
  toolVersion?: string
}

/** A formatter turns results into the text to print; it has no side effects. */
export type Formatter = (results: readonly LintResult[], options: FormatOptions) => string
