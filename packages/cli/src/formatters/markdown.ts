import { categories, rubricGaps } from '@postmortem-lint/core'
import type { Formatter } from './types.js'
import { displayPathPosix, oneLine, plural, scoreOf, totals } from './shared.js'

/** Text safe inside a table cell or list item: one line, no raw HTML, no cell breaks. */
function inline(text: string): string {
  return oneLine(text).replace(/<(?=[A-Za-z/!?])/g, '&lt;').replace(/\|/g, '\\|')
}

/** A code span that survives backticks in the text. */
function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text.replace(/\|/g, '\\|')}${pad}${fence}`
}

/**
 * A report for a pull-request comment or a job summary: the rubric table (one row per file, one
 * column per rubric category, the overall score last; "–" where no enabled rule scores a category),
 * a summary line, the skipped files with their reason (they have no score), then per file what each
 * category that falls short lacks and the findings.
 */
export const markdown: Formatter = (results, options) => {
  const out: string[] = ['## postmortem-lint report', '']
  const rows = results.filter((result) => result.skipped === undefined)
  if (rows.length) {
    out.push(`| File | ${categories.map((category) => category.title).join(' | ')} | Score |`)
    out.push(`| :--- | ${categories.map(() => '---:').join(' | ')} | ---: |`)
    for (const result of rows) {
      const path = code(displayPathPosix(result.filePath, options.cwd))
      if (result.fatal !== undefined) {
        out.push(`| ${path} | ${categories.map(() => '–').join(' | ')} | could not be read: ${inline(result.fatal)} |`)
        continue
      }
      const cells = categories.map((category) => {
        const value = result.categories[category.id]
        return value === undefined ? '–' : String(value)
      })
      out.push(`| ${path} | ${cells.join(' | ')} | **${scoreOf(result)}** |`)
    }
    out.push('')
  }

  const sum = totals(results)
  const summary = [
    `${plural(sum.linted, 'file')} linted`,
    plural(sum.errors, 'error'),
    plural(sum.warnings, 'warning'),
    ...(sum.meanScore === null ? [] : [`mean score ${sum.meanScore}/100`]),
    ...(sum.skipped ? [`${sum.skipped} skipped`] : []),
  ]
  out.push(summary.join(' · '), '')

  const skipped = results.filter((result) => result.skipped !== undefined)
  if (skipped.length) {
    out.push('**Skipped**', '')
    for (const result of skipped) out.push(`- ${code(displayPathPosix(result.filePath, options.cwd))}: ${inline(result.skipped ?? '')}`)
    out.push('')
  }

  const detailed = rows.filter((result) => result.fatal === undefined && (result.messages.length > 0 || rubricGaps(result).length > 0))
  if (detailed.length) {
    out.push('### Findings', '')
    for (const result of detailed) {
      out.push(`#### ${code(displayPathPosix(result.filePath, options.cwd))} (score ${scoreOf(result)}/100)`, '')
      const gaps = rubricGaps(result)
      if (gaps.length) {
        out.push('What the rubric score lacks:', '')
        for (const gap of gaps) out.push(`- **${inline(gap.title)} ${gap.score}**${gap.gaps.length ? `: ${inline(gap.gaps.join('; '))}` : ''}`)
        out.push('')
        if (result.messages.length) out.push('Findings:', '')
      }
      for (const message of result.messages) {
        const severity = message.severity === 2 ? '**error**' : '**warning**'
        out.push(`- ${severity} ${message.line}:${message.column} ${inline(message.message)} ([${message.ruleId}](${message.docsUrl}))`)
        if (message.suggestion !== undefined) out.push(`  - Suggestion: ${inline(message.suggestion)}`)
      }
      out.push('')
    }
  }
  return `${out.join('\n').trimEnd()}\n`
}
