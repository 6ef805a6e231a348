import type { EnabledRule } from '../config/resolve-config.js'
import type { LintMessage } from '../engine/types.js'
import type { PostmortemDocument } from '../model/types.js'
import type { SeverityLevel } from './checklist.js'
import type { Evidence } from './types.js'

/** What an evaluator reads: the document model, its findings and the options of the rules that ran. */
export interface RubricContext {
  doc: PostmortemDocument
  /** The stated severity, else the level required-sections assumes (P3: an ordinary incident). */
  level: SeverityLevel
  /** A rule's resolved option, or `fallback` when the rule is off or the option unset. */
  option<T>(ruleId: string, key: string, fallback: T): T
  /** The findings a pattern matches (`rule/messageId`, optionally `@category`). */
  findings(pattern: string): LintMessage[]
}

/** Evidence for the items of one category, by item id; null: the item does not apply here. */
export type CategoryEvidence = (context: RubricContext) => Record<string, Evidence | null>

/** Whether a finding is what `rule/messageId[@category]` names. */
export function matchesFinding(message: LintMessage, pattern: string): boolean {
  const [finding = '', category] = pattern.split('@')
  if (category !== undefined && message.category !== category) return false
  return finding === `${message.ruleId}/${message.messageId}`
}

export function createContext(doc: PostmortemDocument, messages: readonly LintMessage[], enabled: readonly EnabledRule[]): RubricContext {
  const optionsOf = new Map(enabled.map((entry) => [entry.rule.id, entry.options]))
  const option = <T>(ruleId: string, key: string, fallback: T): T => {
    const options = optionsOf.get(ruleId)
    if (typeof options !== 'object' || options === null || !Object.hasOwn(options, key)) return fallback
    return (options as Record<string, unknown>)[key] as T
  }
  const assumed = option<string>('required-sections', 'assumeSeverity', 'P3')
  const assumedLevel = (Number(assumed.slice(1)) || 3) as SeverityLevel
  return {
    doc,
    level: doc.metadata.severity?.level ?? assumedLevel,
    option,
    findings: (pattern) => messages.filter((message) => matchesFinding(message, pattern)),
  }
}

/** Credit for a share: `count` of `total` met (1 when there is nothing to count). */
export function share(count: number, total: number): number {
  return total === 0 ? 1 : Math.max(0, Math.min(1, count / total))
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`
}
