import { categories, type CategoryId, type LintMessage, type LintResult } from '@postmortem-lint/core'
import { DiagnosticSeverity, type CodeLens, type Diagnostic, type Position, type Range } from 'vscode-languageserver/node'

/** Every diagnostic the server publishes carries this source. */
export const diagnosticSource = 'postmortem-lint'

/**
 * LSP positions from the core's 1-based line and column. Both count UTF-16 code units from the
 * start of the line and treat \n, \r\n and a lone \r as line breaks, so only the base differs.
 * The core drops a leading byte-order mark before parsing; when the editor's text still has one,
 * the first line's columns move right by one.
 */
export function toPosition(line: number, column: number, text: string): Position {
  const bom = line === 1 && text.charCodeAt(0) === 0xfeff ? 1 : 0
  return { line: Math.max(0, line - 1), character: Math.max(0, column - 1 + bom) }
}

export function toRange(at: { line: number; column: number; endLine: number; endColumn: number }, text: string): Range {
  return { start: toPosition(at.line, at.column, text), end: toPosition(at.endLine, at.endColumn, text) }
}

/** What a code action needs back from a diagnostic. */
export interface DiagnosticData {
  ruleId: string
  messageId: string
}

export function toDiagnostic(message: LintMessage, text: string, uri: string): Diagnostic {
  const data: DiagnosticData = { ruleId: message.ruleId, messageId: message.messageId }
  const diagnostic: Diagnostic = {
    range: toRange(message, text),
    severity: message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: message.ruleId,
    codeDescription: { href: message.docsUrl },
    source: diagnosticSource,
    message: message.suggestion ? `${message.message}\n${message.suggestion}` : message.message,
    data,
  }
  if (message.related?.length) {
    diagnostic.relatedInformation = message.related.map((related) => ({ location: { uri, range: toRange(related, text) }, message: related.message }))
  }
  return diagnostic
}

/** The diagnostics of one lint result: its findings, or one error when the file could not be linted at all. */
export function toDiagnostics(result: LintResult, text: string, uri: string): Diagnostic[] {
  if (result.fatal !== undefined) {
    return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, source: diagnosticSource, message: result.fatal }]
  }
  return result.messages.map((message) => toDiagnostic(message, text, uri))
}

/** The score notification the VS Code extension shows in its status bar (`postmortemLint/score`). */
export interface ScoreNotification {
  uri: string
  /** null: not linted (skipped, ignored, disabled, config error) or the document was closed. */
  score: number | null
  /** Why there is no score, when there is none. */
  reason?: string
  /** Categories below 100, lowest first. */
  missed: { id: CategoryId; title: string; score: number }[]
}

export const scoreNotification = 'postmortemLint/score'

const titles = new Map<string, string>(categories.map((category) => [category.id, category.title]))

export function missedCategories(result: LintResult): ScoreNotification['missed'] {
  return (Object.entries(result.categories) as [CategoryId, number][])
    .filter(([, score]) => score < 100)
    .sort((a, b) => a[1] - b[1])
    .map(([id, score]) => ({ id, title: titles.get(id) ?? id, score }))
}

/** The line a score lens sits on: the first ATX heading (the title, usually), else the first line. */
export function titleLine(text: string): number {
  const lines = text.split(/\r\n|\r|\n/, 400)
  // Not a "# comment" inside YAML or TOML front matter.
  const fence = lines[0]?.replace(/^\uFEFF/, '').trimEnd()
  const close = fence === '---' || fence === '+++' ? lines.findIndex((line, index) => index > 0 && line.trimEnd() === fence) : -1
  const index = lines.findIndex((line, at) => at > close && /^ {0,3}#{1,6}(?:[ \t]|$)/.test(line))
  return index < 0 ? 0 : index
}

/** The rubric score as a code lens on the title: the score, the categories it misses, and (as the tooltip) what each misses. */
export function scoreLens(result: LintResult, text: string): CodeLens | null {
  if (result.score === null || result.fatal !== undefined) return null
  const missed = missedCategories(result)
  const title = `Rubric score ${result.score}/100${missed.length ? ` · misses: ${missed.map((category) => `${category.title} ${category.score}`).join(', ')}` : ''}`
  const tooltip = missed
    .map((category) => {
      const items = result.rubric?.[category.id]?.missed.map((item) => item.text) ?? []
      return `${category.title} (${category.score}): ${items.length ? items.join('; ') : 'findings cost points'}`
    })
    .join('\n')
  const line = titleLine(text)
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    // An empty command id: VS Code shows the title as a label that does nothing when clicked.
    command: { title, command: '', ...(tooltip ? { tooltip } : {}) },
  }
}
