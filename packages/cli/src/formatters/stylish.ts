import { gapLine, rubricGaps } from '@postmortem-lint/core'
import { createColors } from 'picocolors'
import type { Formatter } from './types.js'
import { displayPath, oneLine, plural, scoreOf, totals } from './shared.js'

/**
 * ESLint's stylish layout: one block per file with findings or rubric gaps: the file's rubric
 * score in its heading, then a line per category that falls short saying what it lacks
 * ("Timeline 40: no time zone; no detection milestone"), then the findings (position, severity,
 * rule id, then the message, last because it is a sentence that may wrap; the rewrite suggestion
 * under it). Skipped files (no score) are listed with their reason in dim text, and a summary
 * line gives the counts and the mean score of the linted files. Files with nothing to report
 * score 100 and are only counted.
 */
export const stylish: Formatter = (results, options) => {
  const c = createColors(options.color)
  const out: string[] = []
  const scoreColor = (score: number): ((text: string) => string) => (score >= 80 ? c.green : score >= 50 ? c.yellow : c.red)

  for (const result of results) {
    if (result.skipped !== undefined) continue
    const path = displayPath(result.filePath, options.cwd)
    if (result.fatal !== undefined) {
      out.push('', c.underline(path), `  ${c.red('error')}  Could not lint this file: ${oneLine(result.fatal)}`)
      continue
    }
    const score = scoreOf(result)
    const gaps = rubricGaps(result)
    if (result.messages.length === 0 && score === 100 && gaps.length === 0) continue
    out.push('', `${c.underline(path)}  ${scoreColor(score)(`score ${score}/100`)}`)
    for (const gap of gaps) out.push(`  ${scoreColor(gap.score)(oneLine(gapLine(gap)))}`)
    if (gaps.length && result.messages.length) out.push('')
    const rows = result.messages.map((message) => ({
      position: `${message.line}:${message.column}`,
      severity: message.severity === 2 ? 'error' : 'warning',
      text: oneLine(message.message),
      ruleId: message.ruleId,
      suggestion: message.suggestion === undefined ? undefined : oneLine(message.suggestion),
    }))
    const positionWidth = Math.max(0, ...rows.map((row) => row.position.length))
    const severityWidth = Math.max(0, ...rows.map((row) => row.severity.length))
    const ruleWidth = Math.max(0, ...rows.map((row) => row.ruleId.length))
    // The message goes last: ours are sentences, and a terminal wraps the last column cleanly.
    const indent = ' '.repeat(2 + positionWidth + 2 + severityWidth + 2 + ruleWidth + 2)
    for (const row of rows) {
      const severity = row.severity.padEnd(severityWidth)
      out.push(
        `  ${c.dim(row.position.padEnd(positionWidth))}  ${row.severity === 'error' ? c.red(severity) : c.yellow(severity)}  ${c.dim(row.ruleId.padEnd(ruleWidth))}  ${row.text}`,
      )
      if (row.suggestion) out.push(`${indent}${c.dim(`Suggestion: ${row.suggestion}`)}`)
    }
  }

  const skipped = results.filter((result) => result.skipped !== undefined)
  if (skipped.length) {
    out.push('')
    // A dash, not a colon: the reasons have colons of their own ("not a postmortem: fewer than ...").
    for (const result of skipped) out.push(c.dim(`${displayPath(result.filePath, options.cwd)}  skipped — ${oneLine(result.skipped ?? '')}`))
  }

  const sum = totals(results)
  const problems = sum.errors + sum.warnings
  const parts: string[] = []
  if (sum.linted) parts.push(`${plural(sum.linted, 'file')} linted, mean score ${sum.meanScore}/100`)
  if (sum.fatal) parts.push(`${sum.fatal} unreadable`)
  if (sum.skipped) parts.push(`${sum.skipped} skipped`)
  let summary: string
  if (problems > 0) {
    const line = `✖ ${plural(problems, 'problem')} (${plural(sum.errors, 'error')}, ${plural(sum.warnings, 'warning')}) · ${parts.join(' · ')}`
    summary = c.bold(sum.errors > 0 ? c.red(line) : c.yellow(line))
  } else if (sum.linted > 0) {
    summary = c.green(`✔ No problems · ${parts.join(' · ')}`)
  } else {
    summary = c.dim(`No postmortems linted · ${parts.join(' · ')}`)
  }
  out.push('', summary)
  return `${out.join('\n').replace(/^\n/, '')}\n`
}
