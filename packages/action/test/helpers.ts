import type { CategoryId, LintMessage, LintResult } from '@postmortem-lint/core'
import type { RenderContext } from '../src/comment/render.js'
import { computeTotals, computeVerdict, type FileReport } from '../src/report.js'

export function message(overrides: Partial<LintMessage> = {}): LintMessage {
  return {
    ruleId: 'blameless-language',
    messageId: 'person-caused',
    severity: 2,
    category: 'blameless-tone',
    message: '`Bob` is named as the cause of a failure.',
    line: 12,
    column: 3,
    endLine: 12,
    endColumn: 9,
    docsUrl: 'https://github.com/postmortem-lint/postmortem-lint/blob/v0.1.0/rules/blameless-language.md',
    ...overrides,
  }
}

export function result(filePath: string, messages: LintMessage[] = [], extra: Partial<LintResult> = {}): LintResult {
  const errorCount = messages.filter((item) => item.severity === 2).length
  const categories: Partial<Record<CategoryId, number>> = {
    'blameless-tone': 100,
    timeline: 100,
    impact: 100,
    'root-cause': 100,
    'action-items': 100,
    'follow-up': 100,
  }
  for (const item of messages) categories[item.category] = Math.max(0, (categories[item.category] ?? 100) - (item.severity === 2 ? 20 : 10))
  const values = Object.values(categories)
  const score = Math.round(values.reduce((a, b) => a + b, 0) / values.length)
  return { filePath, messages, errorCount, warningCount: messages.length - errorCount, score, categories, ...extra }
}

export function files(results: LintResult[]): FileReport[] {
  return results.map((item) => ({ path: item.filePath ?? '<stdin>', result: item }))
}

export function context(results: LintResult[], overrides: Partial<RenderContext> = {}): RenderContext {
  const totals = computeTotals(results)
  return {
    serverUrl: 'https://github.com',
    owner: 'acme',
    repo: 'handbook',
    sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    totals,
    verdict: computeVerdict(totals, { failOn: 'error', minScore: undefined }),
    toolVersion: '0.1.0',
    marker: true,
    ...overrides,
  }
}
