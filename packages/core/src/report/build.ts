import { version } from '../data/version.generated.js'
import { forEachFile, type LintFilesOptions } from '../engine/lint-files.js'
import { lint, lintDocument, type LintOptions } from '../engine/lint.js'
import { fatalResult } from '../engine/results.js'
import type { LintResult } from '../engine/types.js'
import type { PostmortemDocument } from '../model/types.js'
import { parsePostmortem } from '../parse/parse-postmortem.js'
import { dayNumber } from '../parse/time/calendar.js'
import { reportFacts } from './facts.js'
import { findRecurringCauses } from './recurring.js'
import {
  reportSchemaVersion,
  type ActionState,
  type IsoDate,
  type OwnerSummary,
  type Report,
  type ReportAction,
  type ReportFacts,
  type ReportPostmortem,
  type ReportReview,
  type RuleFindings,
} from './types.js'

/** One file of a run: its lint result and, when it was linted, what the report reads of its model. */
export interface ReportEntry {
  result: LintResult
  facts: ReportFacts | null
}

/**
 * Lint one document and read its report facts from the same parse. Facts are null when the file
 * was skipped or could not be parsed.
 */
export function lintForReport(markdown: string, options: LintOptions = {}): ReportEntry {
  let doc: PostmortemDocument
  try {
    doc = parsePostmortem(markdown, options.filePath === undefined ? {} : { path: options.filePath })
  } catch {
    // lint() turns the parser's failure into the fatal result it always gives.
    return { result: lint(markdown, options), facts: null }
  }
  const result = lintDocument(doc, options)
  return { result, facts: result.skipped === undefined && result.fatal === undefined ? reportFacts(doc) : null }
}

/** lintFiles for a report: the same config search per directory, each file read and parsed once. */
export async function lintFilesForReport(paths: readonly string[], options: LintFilesOptions = {}): Promise<ReportEntry[]> {
  return forEachFile(paths, options, (text, lintOptions) => lintForReport(text, lintOptions), (path, problem) => ({ result: fatalResult(path, problem), facts: null }))
}

export interface BuildReportOptions {
  /** The day overdue is measured against (YYYY-MM-DD); default: today in UTC. */
  asOf?: IsoDate
  /** How a result's path is shown (default: as it is). */
  displayPath?: (filePath: string | null) => string
  toolVersion?: string
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A YYYY-MM-DD string that is a real calendar date, as a day number; null otherwise. */
export function isoDayNumber(date: string): number | null {
  const match = ISO_DATE.exec(date)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const parsed = new Date(Date.UTC(year, month - 1, day))
  if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) return null
  return dayNumber({ year, month, day })
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Owners compared without case and a leading @: "@kai" and "Kai" are one owner. */
const ownerKey = (owner: string): string => owner.trim().replace(/^@/, '').toLowerCase()

/** Build the repository report from one run's entries. */
export function buildReport(entries: readonly ReportEntry[], options: BuildReportOptions = {}): Report {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10)
  const today = isoDayNumber(asOf)
  if (today === null) throw new Error(`asOf must be a date written YYYY-MM-DD, not "${asOf}"`)
  const show = options.displayPath ?? ((filePath: string | null) => filePath ?? '<stdin>')

  const postmortems: ReportPostmortem[] = []
  const linted: { index: number; path: string; title: string; facts: ReportFacts }[] = []
  const skipped: Report['skipped'] = []
  const unreadable: Report['unreadable'] = []
  const actions: ReportAction[] = []
  const reviews: ReportReview[] = []
  const ruleCounts = new Map<string, { errors: number; warnings: number; files: Set<number>; messages: Map<string, { count: number; example: string }> }>()

  const sorted = [...entries].sort((a, b) => byCodePoint(show(a.result.filePath), show(b.result.filePath)))
  for (const { result, facts } of sorted) {
    const path = show(result.filePath)
    if (result.skipped !== undefined) {
      skipped.push({ path, reason: result.skipped })
      continue
    }
    if (result.fatal !== undefined || facts === null) {
      unreadable.push({ path, problem: result.fatal ?? 'not read' })
      continue
    }
    const index = postmortems.length
    const title = facts.title ?? path
    const counts = { total: 0, done: 0, open: 0, overdue: 0 }
    for (const item of facts.actionItems) {
      const dueDay = item.due?.date ? isoDayNumber(item.due.date) : null
      const state: ActionState = item.done ? 'done' : dueDay !== null && dueDay < today ? 'overdue' : 'open'
      counts.total++
      counts[state]++
      const missing: ReportAction['missing'] = []
      if (item.owner === null) missing.push('owner')
      if (dueDay === null) missing.push('due')
      actions.push({
        postmortem: index,
        path,
        line: item.line,
        text: item.text,
        owner: item.owner,
        due: item.due?.raw ?? null,
        dueDate: item.due?.date ?? null,
        ticket: item.ticket,
        status: item.status,
        state,
        daysOverdue: state === 'overdue' ? today - dueDay! : null,
        missing,
      })
    }
    postmortems.push({
      path,
      title,
      incidentDate: facts.incidentDate,
      severity: facts.severity?.raw ?? null,
      severityLevel: facts.severity?.level ?? null,
      status: facts.status,
      score: result.score,
      categories: result.categories,
      errors: result.errorCount,
      warnings: result.warningCount,
      actions: counts,
    })
    linted.push({ index, path, title, facts })
    reviews.push(reviewOf(index, path, title, facts, today))
    for (const message of result.messages) {
      let rule = ruleCounts.get(message.ruleId)
      if (!rule) ruleCounts.set(message.ruleId, (rule = { errors: 0, warnings: 0, files: new Set(), messages: new Map() }))
      if (message.severity === 2) rule.errors++
      else rule.warnings++
      rule.files.add(index)
      const byId = rule.messages.get(message.messageId)
      if (byId) byId.count++
      else rule.messages.set(message.messageId, { count: 1, example: message.message })
    }
  }

  const findings: RuleFindings[] = [...ruleCounts]
    .map(([ruleId, rule]) => ({
      ruleId,
      count: rule.errors + rule.warnings,
      errors: rule.errors,
      warnings: rule.warnings,
      files: rule.files.size,
      messages: [...rule.messages]
        .map(([messageId, { count, example }]) => ({ messageId, count, example }))
        .sort((a, b) => b.count - a.count || byCodePoint(a.messageId, b.messageId)),
    }))
    .sort((a, b) => b.count - a.count || byCodePoint(a.ruleId, b.ruleId))

  const scores = postmortems.map((item) => item.score).filter((score): score is number => score !== null)
  const recurring = findRecurringCauses(linted)
  const countState = (state: ReportReview['state']): number => reviews.filter((review) => review.state === state).length
  return {
    schemaVersion: reportSchemaVersion,
    tool: { name: 'postmortem-lint', version: options.toolVersion ?? version },
    asOf,
    summary: {
      files: entries.length,
      postmortems: postmortems.length,
      skipped: skipped.length,
      unreadable: unreadable.length,
      meanScore: scores.length ? Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length) : null,
      actions: {
        total: actions.length,
        done: actions.filter((item) => item.state === 'done').length,
        open: actions.filter((item) => item.state === 'open').length,
        overdue: actions.filter((item) => item.state === 'overdue').length,
        unowned: actions.filter((item) => item.state !== 'done' && item.missing.includes('owner')).length,
        undated: actions.filter((item) => item.state !== 'done' && item.missing.includes('due')).length,
      },
      reviews: { scheduled: countState('scheduled'), overdue: countState('overdue'), held: countState('held'), unscheduled: countState('none') + countState('unreadable') },
      recurring: recurring.length,
    },
    postmortems,
    skipped,
    unreadable,
    actions,
    owners: ownersOf(actions),
    reviews,
    recurring,
    findings,
  }
}

function reviewOf(index: number, path: string, title: string, facts: ReportFacts, today: number): ReportReview {
  const followUp = facts.followUp
  const base = { postmortem: index, path, title, raw: followUp?.raw ?? null, date: followUp?.date ?? null, line: followUp?.line ?? null }
  const day = followUp?.date ? isoDayNumber(followUp.date) : null
  if (facts.reviewed) return { ...base, state: 'held', daysOverdue: null }
  if (!followUp) return { ...base, state: 'none', daysOverdue: null }
  if (day === null) return { ...base, state: 'unreadable', daysOverdue: null }
  if (day < today) return { ...base, state: 'overdue', daysOverdue: today - day }
  return { ...base, state: 'scheduled', daysOverdue: null }
}

function ownersOf(actions: readonly ReportAction[]): OwnerSummary[] {
  const owners = new Map<string, OwnerSummary>()
  for (const item of actions) {
    if (item.owner === null) continue
    const key = ownerKey(item.owner)
    let summary = owners.get(key)
    if (!summary) owners.set(key, (summary = { owner: item.owner, open: 0, overdue: 0, done: 0 }))
    summary[item.state]++
  }
  return [...owners.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || byCodePoint(ownerKey(a.owner), ownerKey(b.owner)))
}
