import { categories, rubricGaps, type LintMessage } from '@postmortem-lint/core'
import { byImportance, plural, scoreOf, type FileReport, type Totals, type Verdict } from '../report.js'
import { code, encodePath, escapeInline, escapeMessage, safeUrl } from './escape.js'

/** The hidden marker that finds the sticky comment again. */
export const marker = '<!-- postmortem-lint:report -->'

export interface RenderContext {
  /** https://github.com (GITHUB_SERVER_URL). */
  serverUrl: string
  owner: string
  repo: string
  /** The head commit that line links point at; no links without it. */
  sha: string | undefined
  totals: Totals
  verdict: Verdict
  toolVersion: string
  /** Link to the workflow run, shown in the footer. */
  runUrl?: string
  /** Start with the hidden marker (the PR comment; not the job summary). */
  marker: boolean
}

export interface RenderLimits {
  /** List at most this many findings in all: errors before warnings, then in file order. */
  findings: number
  /** Show at most this many files in the table and the findings. */
  rows: number
}

export const unlimited: RenderLimits = { findings: Number.POSITIVE_INFINITY, rows: Number.POSITIVE_INFINITY }

/** 🟢 at 90 and above, 🟡 at 70 and above, 🔴 below. */
export function indicator(score: number): string {
  return score >= 90 ? '🟢' : score >= 70 ? '🟡' : '🔴'
}

function blobUrl(context: RenderContext, path: string): string | null {
  if (context.sha === undefined || !/^[0-9a-f]{7,64}$/i.test(context.sha)) return null
  const base = withoutTrailingSlashes(safeUrl(context.serverUrl) ?? '')
  if (!base) return null
  return `${base}/${encodePath(context.owner)}/${encodePath(context.repo)}/blob/${context.sha}/${encodePath(path)}?plain=1`
}

// A loop, not /\/+$/: that pattern retries from every slash of a long run and goes quadratic.
function withoutTrailingSlashes(url: string): string {
  let end = url.length
  while (end > 0 && url[end - 1] === '/') end--
  return url.slice(0, end)
}

function lineAnchor(message: LintMessage): string {
  return message.endLine > message.line ? `#L${message.line}-L${message.endLine}` : `#L${message.line}`
}

function headline(context: RenderContext, shown: number): string {
  const { totals, verdict } = context
  if (totals.files === 0) return '### ✅ postmortem-lint: all clear, no postmortem changed'
  const findings = totals.errors + totals.warnings
  if (findings === 0 && !verdict.failed) {
    return `### ✅ postmortem-lint: all clear, ${plural(totals.linted, 'postmortem')} without findings`
  }
  const counts = [
    ...(totals.errors ? [plural(totals.errors, 'error')] : []),
    ...(totals.warnings ? [plural(totals.warnings, 'warning')] : []),
  ]
  const where = `in ${plural(shown, 'file')}`
  if (verdict.failed) return `### ❌ postmortem-lint: ${counts.length ? `${counts.join(', ')} ${where}` : 'below the minimum score'}`
  return `### ⚠️ postmortem-lint: passed with ${counts.join(', ')} ${where}`
}

function statusLine(context: RenderContext): string {
  const { totals, verdict } = context
  const parts: string[] = []
  if (totals.lowestScore !== null) parts.push(`lowest score **${totals.lowestScore}**/100`)
  if (totals.meanScore !== null) parts.push(`mean ${totals.meanScore}/100`)
  parts.push(`${plural(totals.linted, 'file')} linted`)
  if (totals.skipped) parts.push(`${totals.skipped} skipped (not a postmortem)`)
  const status = verdict.failed ? `**Failed:** ${verdict.reasons.join('; ')}.` : '**Passed.**'
  return `${status} ${parts.join(' · ')}`
}

function scoreCell(score: number | undefined): string {
  return score === undefined ? '–' : `${indicator(score)} ${score}`
}

function countsOf(report: FileReport): string {
  const { errorCount, warningCount } = report.result
  if (!errorCount && !warningCount) return 'no findings'
  return [...(errorCount ? [plural(errorCount, 'error')] : []), ...(warningCount ? [plural(warningCount, 'warning')] : [])].join(', ')
}

function findingLine(context: RenderContext, report: FileReport, message: LintMessage): string[] {
  const url = blobUrl(context, report.path)
  const place = `L${message.line}`
  const where = url ? `[${place}](${url}${lineAnchor(message)})` : place
  const severity = message.severity === 2 ? '🔴 **error**' : '🟡 warning'
  const docs = safeUrl(message.docsUrl)
  const rule = docs ? `[${code(message.ruleId)}](${docs})` : code(message.ruleId)
  const lines = [`- ${severity} ${where}: ${escapeMessage(message.message)} (${rule})`]
  if (message.suggestion !== undefined && message.suggestion.trim() !== '') {
    lines.push(`  <br>Suggestion: ${escapeMessage(message.suggestion)}`)
  }
  return lines
}

/** The findings to list per row index: the `limit` most important (errors first, then file order). */
function keptFindings(rows: readonly FileReport[], limit: number): Map<number, LintMessage[]> {
  const all = rows.flatMap((file, index) => [...file.result.messages].sort(byImportance).map((message) => ({ index, message })))
  const ranked = all.sort((a, b) => b.message.severity - a.message.severity || a.index - b.index)
  const kept = new Map<number, LintMessage[]>()
  for (const { index, message } of ranked.slice(0, limit)) {
    const list = kept.get(index) ?? []
    list.push(message)
    kept.set(index, list)
  }
  return kept
}

/**
 * The report as Markdown for a PR comment or the job summary: headline verdict, a table with one
 * row per file and one column per rubric category, then per file a collapsible block saying what
 * each category that falls short lacks ("Timeline 40: no time zone; no detection milestone") and
 * listing the findings, linked to the lines at the head commit and to each rule's docs. Skipped
 * files have no score and are only listed. Every quoted text is escaped.
 */
export function renderReport(files: readonly FileReport[], context: RenderContext, limits: RenderLimits = unlimited): string {
  const out: string[] = []
  if (context.marker) out.push(marker)
  const scored = files.filter((file) => file.result.skipped === undefined)
  const skipped = files.filter((file) => file.result.skipped !== undefined)
  const rows = scored.slice(0, limits.rows)
  const withFindings = scored.filter((file) => file.result.messages.length > 0 || file.result.fatal !== undefined).length
  out.push(headline(context, withFindings), '', statusLine(context), '')

  if (rows.length) {
    out.push(`| File | ${categories.map((category) => escapeInline(category.title)).join(' | ')} | Score |`)
    out.push(`| :--- | ${categories.map(() => ':---:').join(' | ')} | :---: |`)
    for (const file of rows) {
      const url = blobUrl(context, file.path)
      const name = url ? `[${code(file.path)}](${url})` : code(file.path)
      if (file.result.fatal !== undefined) {
        out.push(`| ${name} | ${categories.map(() => '–').join(' | ')} | 🔴 could not be read: ${escapeInline(file.result.fatal)} |`)
        continue
      }
      const cells = categories.map((category) => scoreCell(file.result.categories[category.id]))
      out.push(`| ${name} | ${cells.join(' | ')} | **${scoreCell(scoreOf(file.result))}** |`)
    }
    out.push('')
  }
  if (scored.length > rows.length) {
    out.push(`_${plural(scored.length - rows.length, 'more file')} not shown: the report would exceed GitHub's size limit. See the job summary or the JSON report._`, '')
  }

  const kept = keptFindings(rows, limits.findings)
  let hidden = 0
  for (const [index, file] of rows.entries()) {
    const messages = file.result.messages
    const gaps = file.result.fatal === undefined ? rubricGaps(file.result) : []
    const shown = kept.get(index) ?? []
    hidden += messages.length - shown.length
    if (!shown.length && !gaps.length) continue
    shown.sort((a, b) => a.line - b.line || a.column - b.column || b.severity - a.severity)
    const open = file.result.errorCount > 0 ? ' open' : ''
    const score = scoreOf(file.result)
    out.push(`<details${open}><summary>${indicator(score)} ${code(file.path)}: ${countsOf(file)}, score ${score}/100</summary>`, '')
    if (gaps.length) {
      // What the score lacks, category by category: the explanation of the table's numbers.
      out.push('**What the score lacks**', '')
      for (const gap of gaps) {
        const what = gap.gaps.length ? `: ${gap.gaps.map(escapeMessage).join('; ')}` : ''
        out.push(`- ${indicator(gap.score)} **${escapeInline(gap.title)} ${gap.score}**${what}`)
      }
      if (shown.length) out.push('', '**Findings**', '')
    }
    for (const message of shown) out.push(...findingLine(context, file, message))
    if (shown.length < messages.length) out.push(`- _…and ${plural(messages.length - shown.length, 'more finding')}_`)
    out.push('', '</details>', '')
  }
  for (const file of scored.slice(rows.length)) hidden += file.result.messages.length
  if (hidden > 0) {
    out.push(`_${plural(hidden, 'finding')} not listed: the comment would exceed GitHub's size limit. The annotations, the job summary and the JSON report have them all._`, '')
  }

  if (skipped.length) {
    out.push(`<details><summary>${plural(skipped.length, 'file')} skipped</summary>`, '')
    for (const file of skipped.slice(0, limits.rows)) out.push(`- ${code(file.path)}: ${escapeInline(file.result.skipped ?? '')}`)
    if (skipped.length > limits.rows) out.push(`- _…and ${skipped.length - limits.rows} more_`)
    out.push('', '</details>', '')
  }

  const footer = [`postmortem-lint ${escapeInline(context.toolVersion)}`]
  if (context.sha !== undefined && /^[0-9a-f]{7,64}$/i.test(context.sha)) footer.push(`commit ${context.sha.slice(0, 7)}`)
  const run = context.runUrl === undefined ? null : safeUrl(context.runUrl)
  if (run) footer.push(`[workflow run](${run})`)
  out.push(`<sub>${footer.join(' · ')}</sub>`)
  return `${out.join('\n')}\n`
}
