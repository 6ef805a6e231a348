import { defineRule, lint, resolveConfig, type CategoryId, type Rule, type UserConfig } from '../../src/index.js'

/**
 * A rule that reports every occurrence of `word` in the source, so inline-control and scoring
 * tests say exactly where findings are without depending on a real rule's heuristics.
 */
export function wordRule(id: string, word: string, options: { category?: CategoryId; severity?: 'warn' | 'error'; penalties?: Record<string, number> } = {}): Rule<unknown> {
  return defineRule({
    id,
    meta: {
      description: `Flags ${word}`,
      category: options.category ?? 'blameless-tone',
      defaultSeverity: options.severity ?? 'error',
      messages: { found: `Found ${word}.`, other: `Also ${word}.` },
      ...(options.penalties ? { penalties: options.penalties } : {}),
    },
    check(doc, { report }) {
      for (let index = doc.source.indexOf(word); index >= 0; index = doc.source.indexOf(word, index + 1)) {
        report({ messageId: 'found', at: { start: doc.pointAt(index), end: doc.pointAt(index + word.length) } })
      }
    },
  }) as Rule<unknown>
}

export const flagA = wordRule('flag-a', 'ALPHA')
export const flagB = wordRule('flag-b', 'BETA')

/** Lint with only flag-a and flag-b (plus whatever `extra` configures). */
export function lintFlags(markdown: string, extra: Partial<UserConfig> = {}) {
  const config = resolveConfig({ extends: [], customRules: [flagA, flagB], ...extra })
  return lint(markdown, { config, filePath: 'doc.md' })
}

/** "rule@line" for each message, the shape most assertions compare. */
export function found(markdown: string, extra: Partial<UserConfig> = {}): string[] {
  return lintFlags(markdown, extra).messages.map((message) => `${message.ruleId}@${message.line}`)
}
