import type { Report, ReportAction, ReportReview } from '@postmortem-lint/core'
import { encodePath, escapeInline } from '../comment/escape.js'

/** Hidden first line of the tracking issue's body: how the action finds its issue again. */
export const trackingMarker = '<!-- postmortem-lint:tracking -->'
export const trackingTitle = 'Overdue postmortem follow-through'

export interface OverdueContext {
  serverUrl: string
  owner: string
  repo: string
  /** The commit the paths link to; the default branch when unknown. */
  sha: string | undefined
  toolVersion: string
  runUrl?: string
  /** Start with the tracking marker (the issue body). */
  marker: boolean
  /** Rows per table; the rest is counted. */
  maxRows?: number
}

const plural = (count: number, word: string, many = `${word}s`): string => `${count} ${count === 1 ? word : many}`

function fileLink(context: OverdueContext, path: string, label: string, line: number | null): string {
  const ref = context.sha ?? 'HEAD'
  const url = `${context.serverUrl}/${encodePath(context.owner)}/${encodePath(context.repo)}/blob/${encodePath(ref)}/${encodePath(path)}${line ? `#L${line}` : ''}`
  return `<a href="${url.replace(/"/g, '%22')}">${escapeInline(label)}</a>`
}

function table(headers: string[], rows: string[][], max: number): string {
  const shown = rows.slice(0, max)
  const lines = [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...shown.map((row) => `| ${row.join(' | ')} |`)]
  if (rows.length > shown.length) lines.push('', `…and ${rows.length - shown.length} more (see the HTML report).`)
  return lines.join('\n')
}

function actionRows(report: Report, items: readonly ReportAction[], context: OverdueContext): string[][] {
  return items.map((item) => [
    escapeInline(item.text),
    item.owner === null ? '_no owner_' : escapeInline(item.owner),
    escapeInline(item.due ?? ''),
    String(item.daysOverdue ?? ''),
    item.ticket === null ? '—' : escapeInline(item.ticket),
    fileLink(context, item.path, report.postmortems[item.postmortem]?.title ?? item.path, item.line),
  ])
}

function reviewRows(items: readonly ReportReview[], context: OverdueContext): string[][] {
  return items.map((item) => [fileLink(context, item.path, item.title, item.line), escapeInline(item.raw ?? ''), String(item.daysOverdue ?? '')])
}

/**
 * What is overdue, as Markdown for the job summary and the tracking issue: overdue action items,
 * overdue follow-up reviews, and recurring causes to escalate. Text from the documents is escaped
 * (no mentions, no issue links, no breaking out of a table cell).
 */
export function renderOverdue(report: Report, context: OverdueContext): string {
  const max = context.maxRows ?? 100
  const overdue = report.actions.filter((item) => item.state === 'overdue').sort((a, b) => b.daysOverdue! - a.daysOverdue!)
  const reviews = report.reviews.filter((item) => item.state === 'overdue').sort((a, b) => b.daysOverdue! - a.daysOverdue!)
  const { summary } = report
  const parts: string[] = []
  if (context.marker) parts.push(trackingMarker)
  parts.push(`## Postmortem follow-through, as of ${report.asOf}`)
  parts.push(
    `${plural(summary.postmortems, 'postmortem')} · ${plural(summary.actions.total, 'action item')}: ${summary.actions.overdue} overdue, ${summary.actions.open} open, ${summary.actions.done} done · follow-up reviews: ${summary.reviews.overdue} overdue, ${summary.reviews.scheduled} scheduled, ${summary.reviews.unscheduled} not scheduled`,
  )
  if (overdue.length === 0 && reviews.length === 0) parts.push('Nothing is overdue.')
  if (overdue.length) {
    parts.push(`### Overdue action items (${overdue.length})`)
    parts.push(table(['Action', 'Owner', 'Due', 'Days over', 'Ticket', 'Postmortem'], actionRows(report, overdue, context), max))
  }
  if (reviews.length) {
    parts.push(`### Overdue follow-up reviews (${reviews.length})`)
    parts.push(table(['Postmortem', 'Review date', 'Days over'], reviewRows(reviews, context), max))
  }
  const escalate = report.recurring.filter((group) => group.escalate)
  if (escalate.length) {
    parts.push('### Recurring causes to escalate')
    parts.push(
      escalate
        .map((group) => `- **${escapeInline(group.label)}**: ${group.evidence.map((item) => fileLink(context, item.path, item.title, item.line)).join(', ')}. ${escapeInline(group.suggestion)}`)
        .join('\n'),
    )
  }
  const footer = [`postmortem-lint ${escapeInline(context.toolVersion)}`]
  if (context.runUrl) footer.push(`<a href="${context.runUrl.replace(/"/g, '%22')}">workflow run</a>`)
  parts.push(`<sub>${footer.join(' · ')}</sub>`)
  return `${parts.join('\n\n')}\n`
}
