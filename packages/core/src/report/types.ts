/**
 * The repository report (`postmortem-lint report`): one typed object built from the lint results
 * and the document models of a run, which the JSON and HTML renderers both read. The JSON form is
 * this object as is; its schema is packages/core/schema/report.schema.json (bump
 * `reportSchemaVersion` on any change that is not an added optional field).
 */
import type { CategoryId } from '../rubric/categories.js'

export const reportSchemaVersion = 1

/** An ISO calendar date, YYYY-MM-DD. */
export type IsoDate = string

/**
 * What the report needs of one linted document, read from its model while it is in memory (so a
 * file is parsed once, for linting and the report). Plain JSON, so a worker thread can send it.
 */
export interface ReportFacts {
  title: string | null
  incidentDate: IsoDate | null
  severity: { raw: string; level: 1 | 2 | 3 | 4 } | null
  status: string | null
  actionItems: FactActionItem[]
  /** The follow-up review the document schedules: the metadata field, else the first dated review it writes. */
  followUp: { raw: string; date: IsoDate | null; line: number } | null
  /** The status says the follow-up review was held or the postmortem is closed. */
  reviewed: boolean
  /** The root cause and the contributing factors (merged causes and five-whys steps count as factors). */
  causes: FactCause[]
}

export interface FactActionItem {
  text: string
  line: number
  owner: string | null
  /** The due date as written, and read (null when it is not a date). */
  due: { raw: string; date: IsoDate | null } | null
  ticket: string | null
  /** The status the document writes for it (a status column, a field), if any. */
  status: string | null
  done: boolean
}

export interface FactCause {
  kind: 'root-cause' | 'contributing-factor'
  text: string
  line: number
}

export type ActionState = 'done' | 'open' | 'overdue'

export interface ReportAction {
  /** Index into `postmortems`. */
  postmortem: number
  path: string
  line: number
  text: string
  owner: string | null
  due: string | null
  dueDate: IsoDate | null
  ticket: string | null
  status: string | null
  state: ActionState
  /** Days past due as of `asOf` (overdue items only). */
  daysOverdue: number | null
  /** What the item lacks for tracking: an owner, a readable due date. */
  missing: ('owner' | 'due')[]
}

export interface OwnerSummary {
  /** The owner as written first (compared without case and a leading @). */
  owner: string
  open: number
  overdue: number
  done: number
}

export type ReviewState = 'held' | 'scheduled' | 'overdue' | 'unreadable' | 'none'

export interface ReportReview {
  postmortem: number
  path: string
  title: string
  raw: string | null
  date: IsoDate | null
  line: number | null
  state: ReviewState
  /** Days past the review date as of `asOf` (overdue reviews only). */
  daysOverdue: number | null
}

export interface ReportPostmortem {
  path: string
  title: string
  incidentDate: IsoDate | null
  severity: string | null
  /** 1 (worst) to 4, normalised from `severity`. */
  severityLevel: 1 | 2 | 3 | 4 | null
  status: string | null
  score: number | null
  categories: Partial<Record<CategoryId, number>>
  errors: number
  warnings: number
  actions: { total: number; done: number; open: number; overdue: number }
}

export interface RecurringEvidence {
  postmortem: number
  path: string
  title: string
  incidentDate: IsoDate | null
  kind: 'root-cause' | 'contributing-factor'
  line: number
  /** The cause's text. */
  text: string
  /** What in the text matched: the phrase, the words found together, or the system's name. */
  matched: string[]
}

export interface RecurringCause {
  /** `failure-class`: a class from data/failure-classes.yml; `system`: the same named system in the root causes. */
  kind: 'failure-class' | 'system'
  id: string
  label: string
  /** How the match was found, in words. */
  explanation: string
  /** The postmortems in the group, by incident date (one evidence entry each, the first match). */
  evidence: RecurringEvidence[]
  firstDate: IsoDate | null
  lastDate: IsoDate | null
  /** Three or more within 365 days: escalate, as practice asks, to an architecture or SLO review. */
  escalate: boolean
  suggestion: string
}

export interface RuleFindings {
  ruleId: string
  /** Findings of the rule across the repository. */
  count: number
  errors: number
  warnings: number
  /** Postmortems with at least one. */
  files: number
  /** The rule's most frequent messages, by message id. */
  messages: { messageId: string; count: number; example: string }[]
}

export interface Report {
  schemaVersion: typeof reportSchemaVersion
  tool: { name: 'postmortem-lint'; version: string }
  /** The day overdue is measured against. */
  asOf: IsoDate
  summary: {
    files: number
    postmortems: number
    skipped: number
    unreadable: number
    meanScore: number | null
    actions: { total: number; done: number; open: number; overdue: number; unowned: number; undated: number }
    reviews: { scheduled: number; overdue: number; held: number; unscheduled: number }
    recurring: number
  }
  postmortems: ReportPostmortem[]
  skipped: { path: string; reason: string }[]
  unreadable: { path: string; problem: string }[]
  actions: ReportAction[]
  owners: OwnerSummary[]
  reviews: ReportReview[]
  recurring: RecurringCause[]
  findings: RuleFindings[]
}
