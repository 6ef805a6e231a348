import type { AnnotationProperties } from '@actions/core'
import type { LintMessage } from '@postmortem-lint/core'
import { plural, type FileReport } from './report.js'

/** GitHub shows at most this many error and this many warning annotations per step. */
export const annotationLimit = 10

export interface Annotator {
  error(message: string, properties: AnnotationProperties): void
  warning(message: string, properties: AnnotationProperties): void
  notice(message: string, properties?: AnnotationProperties): void
}

interface Pending {
  severity: 1 | 2
  text: string
  properties: AnnotationProperties
}

function properties(path: string, message: LintMessage): AnnotationProperties {
  const props: AnnotationProperties = { title: message.ruleId, file: path, startLine: message.line, endLine: message.endLine }
  // Columns only count on a single line; the core's end column is exclusive, GitHub's inclusive.
  if (message.endLine === message.line) {
    props.startColumn = message.column
    props.endColumn = Math.max(message.column, message.endColumn - 1)
  }
  return props
}

function text(message: LintMessage): string {
  let body = message.message
  if (message.suggestion !== undefined) body += `\n\nSuggestion: ${message.suggestion}`
  return `${body}\n\n${message.docsUrl}`
}

/**
 * Annotate the findings on their lines: at most 10 errors and 10 warnings (what GitHub shows for
 * a step), errors first and each file's findings in order, then one notice with what was left out.
 */
export function annotate(files: readonly FileReport[], annotator: Annotator): { shown: number; hidden: number } {
  const pending: Pending[] = []
  for (const file of files) {
    if (file.result.fatal !== undefined) {
      pending.push({ severity: 2, text: `Could not lint this file: ${file.result.fatal}`, properties: { title: 'postmortem-lint', file: file.path } })
    }
    for (const message of file.result.messages) {
      pending.push({ severity: message.severity, text: text(message), properties: properties(file.path, message) })
    }
  }
  const ordered = pending
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.severity - a.item.severity || a.index - b.index)
    .map(({ item }) => item)
  let errors = 0
  let warnings = 0
  let hiddenErrors = 0
  let hiddenWarnings = 0
  for (const item of ordered) {
    if (item.severity === 2) {
      if (errors < annotationLimit) {
        annotator.error(item.text, item.properties)
        errors++
      } else hiddenErrors++
    } else if (warnings < annotationLimit) {
      annotator.warning(item.text, item.properties)
      warnings++
    } else hiddenWarnings++
  }
  const hidden = hiddenErrors + hiddenWarnings
  if (hidden > 0) {
    const parts = [...(hiddenErrors ? [plural(hiddenErrors, 'error')] : []), ...(hiddenWarnings ? [plural(hiddenWarnings, 'warning')] : [])]
    annotator.notice(
      `postmortem-lint: ${parts.join(' and ')} not shown as annotations (GitHub shows ${annotationLimit} of each per step); see the job summary or the JSON report for all findings.`,
      { title: 'More findings' },
    )
  }
  return { shown: errors + warnings, hidden }
}
