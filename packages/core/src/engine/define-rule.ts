import { ruleDocsUrl } from './docs-url.js'
import type { Rule, RuleDefinition } from './types.js'

/**
 * Declare a rule: its id, metadata and a check over the document model. The docs URL is derived
 * from the id unless given, so a custom rule can point at its own page.
 *
 * @example
 * ```ts
 * import { defineRule } from '@postmortem-lint/core'
 * export default defineRule({
 *   id: 'summary-first',
 *   meta: {
 *     description: 'The summary comes first',
 *     category: 'impact',
 *     defaultSeverity: 'warn',
 *     messages: { late: 'The summary should be the first section.' },
 *     docsUrl: 'https://example.com/rules/summary-first',
 *   },
 *   check(doc, { report }) {
 *     const first = doc.sections[0]
 *     if (first && first.kind !== 'summary' && doc.section('summary')) report({ messageId: 'late', at: first.headingSpan })
 *   },
 * })
 * ```
 */
export function defineRule<Options = Record<string, never>>(definition: RuleDefinition<Options>): Rule<Options> {
  return {
    id: definition.id,
    meta: { ...definition.meta, docsUrl: definition.meta.docsUrl ?? ruleDocsUrl(definition.id) },
    check: definition.check,
  }
}
