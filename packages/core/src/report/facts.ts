import { followUpReviews } from '../evidence/follow-up.js'
import type { CalendarDate, PostmortemDocument } from '../model/types.js'
import { formatDate } from '../parse/time/index.js'
import type { FactCause, ReportFacts } from './types.js'

/**
 * A status that says the follow-up review was held or the postmortem is closed: "Reviewed",
 * "Review held", "Closed", "Complete(d)", "Done". "Draft", "In review", "Resolved" (the incident,
 * not the review), "Final" and "Published" (the document, not its follow-through) do not.
 */
const REVIEWED_STATUS = /^(?:reviewed\b|review (?:held|done|complete(?:d)?)\b|closed\b|complete(?:d)?\b|done\b|follow-?up (?:held|done|complete(?:d)?)\b)/iu

/** A window wide enough to keep every dated review the document writes, however late. */
const ANY_WINDOW_DAYS = 100_000

const iso = (date: CalendarDate | null): string | null => (date ? formatDate(date) : null)

/** Read what the report needs from a parsed document. */
export function reportFacts(doc: PostmortemDocument): ReportFacts {
  const { metadata } = doc
  const title = metadata.title?.raw.trim() || doc.title?.text.trim() || null
  const status = metadata.status?.raw.trim() || null
  return {
    title,
    incidentDate: iso(doc.incidentDate),
    severity: metadata.severity ? { raw: metadata.severity.raw.trim(), level: metadata.severity.level } : null,
    status,
    actionItems: doc.actionItems.map((item) => ({
      text: item.text,
      line: item.span.start.line,
      owner: item.owner?.raw.trim() || null,
      due: item.due ? { raw: item.due.raw.trim(), date: iso(item.due.date) } : null,
      ticket: item.ticket?.raw.trim() || null,
      status: item.status?.raw.trim() || null,
      done: item.done,
    })),
    followUp: followUpOf(doc),
    reviewed: status !== null && REVIEWED_STATUS.test(status),
    causes: causesOf(doc),
  }
}

function followUpOf(doc: PostmortemDocument): ReportFacts['followUp'] {
  const field = doc.metadata.followUp
  if (field) return { raw: field.raw.trim(), date: iso(field.value), line: field.span.start.line }
  // The dates the follow-up-scheduled rule reads as the review; the first readable one after the incident.
  const reviews = followUpReviews(doc, ANY_WINDOW_DAYS)
  const usable = reviews.find((review) => review.candidate.date !== null && review.problem === null)
  const chosen = usable ?? reviews[0]
  if (!chosen) return null
  return { raw: chosen.candidate.raw.trim(), date: iso(chosen.candidate.date), line: chosen.candidate.span.start.line }
}

function causesOf(doc: PostmortemDocument): FactCause[] {
  const { causes } = doc
  const out: FactCause[] = []
  const seen = new Set<number>()
  const add = (kind: FactCause['kind'], item: { text: string; span: { start: { line: number; offset: number } } }): void => {
    if (seen.has(item.span.start.offset) || item.text.trim() === '') return
    seen.add(item.span.start.offset)
    out.push({ kind, text: item.text.trim(), line: item.span.start.line })
  }
  if (causes.rootCause) add('root-cause', causes.rootCause)
  for (const item of causes.contributingFactors) add('contributing-factor', item)
  for (const item of causes.mergedItems) add('contributing-factor', item)
  for (const chain of causes.fiveWhys) for (const step of chain.steps) add('contributing-factor', step)
  return out
}
