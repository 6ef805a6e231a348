import type { z } from 'zod'
import type { PostmortemDocument, Span } from '../model/types.js'
import type { CategoryId } from '../rubric/categories.js'
import type { Rubric } from '../rubric/types.js'

export type RuleSeverity = 'off' | 'warn' | 'error'
/** Numeric severities as ESLint reports them: 1 warning, 2 error. */
export type MessageSeverity = 1 | 2

/** A template such as "`{{text}}` names a person as the cause of a failure". */
export type MessageTemplate = string

export interface RuleMeta<Options> {
  /** One line for the rules index. */
  description: string
  category: CategoryId
  defaultSeverity: Exclude<RuleSeverity, 'off'>
  /** Options schema; its defaults give the options a rule sees when the user sets none. */
  options?: z.ZodType<Options>
  /** Message templates by id. */
  messages: Record<string, MessageTemplate>
  /**
   * Rubric points a message of this id costs its category. Absent ids cost the default for the
   * message's severity (see rubric/score.ts). A missing section costs more than one weak sentence.
   */
  penalties?: Record<string, number>
  /** Set by defineRule from the id and the package version. */
  docsUrl: string
}

export interface ReportDescriptor {
  messageId: string
  data?: Record<string, string | number>
  at: Span
  /** A rewrite shown to the user; never applied automatically. */
  suggestion?: string
  /** Other places that explain the message (the earlier timeline entry, the duplicated cause). */
  related?: { message: string; at: Span }[]
  /**
   * The rubric category this finding counts against, when it is not the rule's own: a missing
   * timeline reported by required-sections costs the timeline category.
   */
  category?: CategoryId
}

export interface RuleContext<Options> {
  options: Options
  severity: Exclude<RuleSeverity, 'off'>
  /** Document-level settings from the config (e.g. the incident date fallback). */
  settings: Readonly<Record<string, unknown>>
  report(descriptor: ReportDescriptor): void
}

export interface Rule<Options = unknown> {
  id: string
  meta: RuleMeta<Options>
  check(doc: PostmortemDocument, context: RuleContext<Options>): void
}

export interface RuleDefinition<Options> {
  id: string
  meta: Omit<RuleMeta<Options>, 'docsUrl'> & { docsUrl?: string }
  check(doc: PostmortemDocument, context: RuleContext<Options>): void
}

export interface RelatedLocation {
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
}

/** One finding, ESLint-compatible. Lines and columns are 1-based; the end is exclusive. */
export interface LintMessage {
  ruleId: string
  /** The message template id within the rule. */
  messageId: string
  severity: MessageSeverity
  /** The rubric category the finding counts against. */
  category: CategoryId
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  suggestion?: string
  related?: RelatedLocation[]
  docsUrl: string
}

export interface LintResult {
  filePath: string | null
  messages: LintMessage[]
  errorCount: number
  warningCount: number
  /** Overall rubric score 0-100; null when the file was skipped (not a postmortem: nothing to score). */
  score: number | null
  /** Score per rubric category (categories with no enabled rule are omitted; none when skipped). */
  categories: Partial<Record<CategoryId, number>>
  /**
   * Per category, how the score came about: the checklist items met and missed and the findings
   * that took points off. Empty when the file was skipped or could not be read; absent in reports
   * written before it existed.
   */
  rubric?: Rubric
  /** Set when the document was not linted, with the reason. */
  skipped?: string
  /** Set when the file could not be read or parsed at all (counted as one error). */
  fatal?: string
}
