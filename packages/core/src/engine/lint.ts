import { defaultConfig, type EnabledRule, type ResolvedConfig } from '../config/resolve-config.js'
import type { PostmortemDocument, Span } from '../model/types.js'
import { DocumentTooComplexError } from '../parse/complexity.js'
import { parsePostmortem } from '../parse/parse-postmortem.js'
import { scoreDocument } from '../rubric/score.js'
import { docsUrlFor } from './docs-url.js'
import { reasonToSkip } from './detect.js'
import { collectDirectives } from './inline-control.js'
import { renderMessage } from './render-message.js'
import { fatalResult, skippedResult } from './results.js'
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
  let doc: PostmortemDocument
  try {
    doc = parsePostmortem(markdown, options.filePath === undefined ? {} : { path: options.filePath })
  } catch (error) {
    // A document past the parser's limits is the document's problem, not a bug: say which limit.
    if (error instanceof DocumentTooComplexError) return fatalResult(options.filePath ?? null, error.message)
    // lint never throws on a document: a parser bug (a stack overflow on absurd nesting, say)
    // costs this one file a fatal result, not the whole run.
    return fatalResult(options.filePath ?? null, `could not parse the document: ${describeThrown(error)}. This is a bug in postmortem-lint; please report it.`)
  }
  return lintDocument(doc, options)
}

/** Lint an already parsed document (lets tools that parse once run several configs). */
export function lintDocument(doc: PostmortemDocument, options: LintOptions = {}): LintResult {
  const config = options.config ?? defaultConfig()
  const filePath = options.filePath ?? doc.path
  const control = collectDirectives(doc)
  if (control.ignoreFile) return skippedResult(filePath, 'ignored by a postmortem-lint-ignore-file comment')
  if (options.detect) {
    const reason = reasonToSkip(doc)
    if (reason) return skippedResult(filePath, reason)
  }

  const messages: LintMessage[] = []
  for (const entry of config.rules) {
    for (const message of runRule(entry, doc, config, filePath)) {
      // A crashed rule is a bug report about the tool: no comment in the document may hide it.
      if (message.messageId === RULE_CRASH_MESSAGE_ID || !control.suppresses(message.ruleId, message.line)) messages.push(message)
    }
  }
  if (config.reportUnusedDisableDirectives) {
    for (const { directive, ruleIds } of control.unused()) {
      messages.push({
        ruleId: UNUSED_DIRECTIVE_RULE_ID,
        messageId: 'unused',
        severity: config.reportUnusedDisableDirectives === 'error' ? 2 : 1,
        category: 'blameless-tone',
        message: `Unused postmortem-lint-${directive.kind} directive${ruleIds.length ? ` for ${ruleIds.join(', ')}` : ''}: nothing it covers was reported. Remove it, so it cannot hide a future finding.`,
        line: directive.line,
        column: directive.column,
        endLine: directive.endLine,
        endColumn: directive.endColumn,
        docsUrl: docsUrlFor('README.md#inline-configuration'),
      })
    }
  }
  messages.sort(compareMessages)
  const { score, categories, rubric } = scoreDocument(doc, messages, config.rules, config.weights)
  return {
    filePath,
    messages,
    errorCount: messages.filter((message) => message.severity === 2).length,
    warningCount: messages.filter((message) => message.severity === 1).length,
    score,
    categories,
    rubric,
  }
}

function runRule(entry: EnabledRule, doc: PostmortemDocument, config: ResolvedConfig, filePath: string | null): LintMessage[] {
  const { rule, severity, options } = entry
  const reported: LintMessage[] = []
  const numericSeverity = severity === 'error' ? 2 : 1
  const report = (descriptor: ReportDescriptor): void => {
    const template = Object.hasOwn(rule.meta.messages, descriptor.messageId) ? rule.meta.messages[descriptor.messageId] : undefined
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
        message: `Rule "${rule.id}" crashed on ${filePath ?? 'this document'}: ${describeThrown(error)}. This is a bug in the rule, not in your document; please report it.`,
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

function describeThrown(error: unknown): string {
  if (error instanceof Error) return error.message
  try {
    return String(error)
  } catch {
    return 'a value that is not an Error'
  }
}

function position(span: Span): Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'> {
  return { line: span.start.line, column: span.start.column, endLine: span.end.line, endColumn: span.end.column }
}

// Code-point order, not localeCompare: the same input must sort the same on every machine.
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function compareMessages(a: LintMessage, b: LintMessage): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    byCodePoint(a.ruleId, b.ruleId) ||
    byCodePoint(a.messageId, b.messageId) ||
    byCodePoint(a.message, b.message)
  )
}
