import * as core from '@actions/core'

export type FailOn = 'error' | 'warning' | 'never'
export type CommentMode = 'always' | 'on-findings' | 'never'
export type Mode = 'auto' | 'lint' | 'report'

export interface Inputs {
  /** Glob patterns (picomatch syntax, relative to the workspace); `!pattern` excludes. */
  paths: string[]
  /** A config file relative to the workspace, or undefined to search from each file. */
  config: string | undefined
  /** Fail when the lowest file score is below this (0-100), or undefined for no threshold. */
  minScore: number | undefined
  failOn: FailOn
  comment: CommentMode
  annotations: boolean
  githubToken: string
  /** Post from this JSON report (the CLI's `--format json`) instead of linting. */
  reportFile: string | undefined
  /** `auto`: the follow-through report on schedule and workflow_dispatch, linting otherwise. */
  mode: Mode
  /** In report mode, keep one issue listing what is overdue. */
  trackingIssue: boolean
  /** In report mode, the day overdue is measured against (YYYY-MM-DD); undefined: today (UTC). */
  asOf: string | undefined
}

export const defaultPaths = ['**/postmortems/**/*.md', '**/postmortems/**/*.markdown']

/** Thrown for an input the user must fix; the message names the input. */
export class InputError extends Error {
  override name = 'InputError'
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = core.getInput(name).trim().toLowerCase()
  if (value === '') return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new InputError(`Input "${name}" must be one of ${allowed.map((item) => `"${item}"`).join(', ')}; got "${value}"`)
}

function optional(name: string): string | undefined {
  const value = core.getInput(name).trim()
  return value === '' ? undefined : value
}

/** Patterns from a multi-line or comma-separated input; blank lines and `#` comments ignored. */
export function parsePatterns(value: string): string[] {
  return value
    .split(/[\r\n,]+/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
}

export function parseMinScore(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isFinite(number) || number < 0 || number > 100) {
    throw new InputError(`Input "min-score" must be a number from 0 to 100; got "${value}"`)
  }
  return number
}

function booleanInput(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim().toLowerCase()
  if (value === '') return fallback
  if (['true', 'yes', 'on', '1'].includes(value)) return true
  if (['false', 'no', 'off', '0'].includes(value)) return false
  throw new InputError(`Input "${name}" must be true or false; got "${value}"`)
}

/** Read and validate the inputs. The token is masked before anything else can print it. */
export function readInputs(): Inputs {
  const githubToken = core.getInput('github-token').trim()
  if (githubToken !== '') core.setSecret(githubToken)
  const patterns = parsePatterns(core.getInput('paths'))
  return {
    paths: patterns.length ? patterns : [...defaultPaths],
    config: optional('config'),
    minScore: parseMinScore(optional('min-score')),
    failOn: oneOf('fail-on', ['error', 'warning', 'never'] as const, 'error'),
    comment: oneOf('comment', ['always', 'on-findings', 'never'] as const, 'on-findings'),
    annotations: booleanInput('annotations', true),
    githubToken,
    reportFile: optional('report-file'),
    mode: oneOf('mode', ['auto', 'lint', 'report'] as const, 'auto'),
    trackingIssue: booleanInput('tracking-issue', false),
    asOf: parseAsOf(optional('as-of')),
  }
}

export function parseAsOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const date = new Date(`${value}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new InputError(`Input "as-of" must be a calendar date written YYYY-MM-DD; got "${value}"`)
  }
  return value
}
