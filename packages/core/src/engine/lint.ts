import { defaultConfig, type EnabledRule, type ResolvedConfig } from '../config/resolve-config.js'
import type { PostmortemDocument, Span } from '../model/types.js'
import { parsePostmortem } from '../parse/parse-postmortem.js'
import { scoreMessages } from '../rubric/score.js'
import { docsUrlFor } from './docs-url.js'
import { reasonToSkip } from './detect.js'
import { collectDirectives } from './inline-control.js'
import { renderMessage } from './render-message.js'
import type { LintMessage, LintResult, ReportDescriptor } from './types.js'

export interface LintOptions {
  /** Path shown in results and used for the incident date fallback. */
  filePath?: string
  /** A resolved config (see loadConfig / resolveConfig); defaults to the recommended preset. */
  config?: ResolvedConfig
  /** Skip documents that are clearly not postmortems, with the reason in `skipped`. */
  detect?: boolean
}

export const UNUSED_DIRECTIVE_RULE_ID = 'unused-disable-directive'
export const RULE_CRASH_MESSAGE_ID = 'rule-crashed'

/**
 * Lint one Markdown document.
 *
 * @example
 * ```ts
 * import { lint } from '@postmortem-lint/core'
 * const result = lint('# Outage\n\n## Root cause\n\nHuman error.\n', { filePath: 'outage.md' })
 * console.log(result.score, result.messages.map((m) => m.ruleId))
 * ```
 */
export function lint(markdown: string, options: LintOptions = {}): LintResult {
  const doc = parsePostmortem(markdown, options.filePath === undefined ? {} : { path: options.filePath })
  return lintDocument(doc, options)
}

/** Lint an already parsed document (lets tools that parse once run several configs). */
export function lintDocument(doc: PostmortemDocument, options: LintOptions = {}): LintResult {
  const config = options.config ?? defaultConfig()
  const filePath = options.filePath ?? doc.path
  const control = collectDirectives(doc.tree)
  const enabled = config.rules.map((entry) => entry.rule)
  if (control.ignoreFile) return skippedResult(filePath, 'ignored by a postmortem-lint-ignore-file comment')
  if (options.detect) {
    const reason = reasonToSkip(doc)
    if (reason) return skippedResult(filePath, reason)
  }

  const messages: LintMessage[] = []
  for (const entry of config.rules) {
    for (const message of runRule(entry, doc, config)) {
      if (!control.suppresses(message.ruleId, message.line)) messages.push(message)
    }
  }
  if (config.reportUnusedDisableDirectives) {
    for (const directive of control.unused()) {
      messages.push({
        ruleId: UNUSED_DIRECTIVE_RULE_ID,
        messageId: 'unused',
        severity: config.reportUnusedDisableDirectives === 'error' ? 2 : 1,
        category: 'blameless-tone',
        message: `Unused postmortem-lint-${directive.kind} directive${directive.ruleIds.length ? ` for ${directive.ruleIds.join(', ')}` : ''}: nothing it covers was reported. Remove it, so it cannot hide a future finding.`,
        line: directive.line,
        column: directive.column,
        endLine: directive.endLine,
        endColumn: directive.endColumn,
        docsUrl: docsUrlFor('README.md#inline-configuration'),
      })
    }
  }
  messages.sort(compareMessages)
  const { score, categories } = scoreMessages(messages, enabled, config.weights)
  return {
    filePath,
    messages,
    errorCount: messages.filter((message) => message.severity === 2).length,
    warningCount: messages.filter((message) => message.severity === 1).length,
    score,
    categories,
  }
}

function runRule(entry: EnabledRule, doc: PostmortemDocument, config: ResolvedConfig): LintMessage[] {
  const { rule, severity, options } = entry
  const reported: LintMessage[] = []
  const numericSeverity = severity === 'error' ? 2 : 1
  const report = (descriptor: ReportDescriptor): void => {
    const template = rule.meta.messages[descriptor.messageId]
    if (template === undefined) throw new Error(`unknown messageId "${descriptor.messageId}"`)
    const message: LintMessage = {
      ruleId: rule.id,
      messageId: descriptor.messageId,
      severity: numericSeverity,
      category: descriptor.category ?? rule.meta.category,
      message: renderMessage(template, descriptor.data),
      ...position(descriptor.at),
      docsUrl: rule.meta.docsUrl,
    }
    if (descriptor.suggestion !== undefined) message.suggestion = descriptor.suggestion
    if (descriptor.related?.length) {
      message.related = descriptor.related.map((related) => ({ message: related.message, ...position(related.at) }))
    }
    reported.push(message)
  }
  try {
    rule.check(doc, { options, severity, settings: config.settings, report })
  } catch (error) {
    // One rule's bug must not cost the user the other rules' findings, nor crash the run.
    return [
      {
        ruleId: rule.id,
        messageId: RULE_CRASH_MESSAGE_ID,
        severity: 2,
        category: rule.meta.category,
        message: `Rule "${rule.id}" crashed on ${doc.path ?? 'this document'}: ${(error as Error).message}. This is a bug in the rule, not in your document; please report it.`,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        docsUrl: rule.meta.docsUrl,
      },
    ]
  }
  return reported
}

function position(span: Span): Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'> {
  return { line: span.start.line, column: span.start.column, endLine: span.end.line, endColumn: span.end.column }
}

function compareMessages(a: LintMessage, b: LintMessage): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.messageId.localeCompare(b.messageId) ||
    a.message.localeCompare(b.message)
  )
}

function skippedResult(filePath: string | null, reason: string): LintResult {
  return { filePath, messages: [], errorCount: 0, warningCount: 0, score: 100, categories: {}, skipped: reason }
}
