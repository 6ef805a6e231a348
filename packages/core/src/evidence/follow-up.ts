/**
 * Follow-through: the follow-up review a document schedules and the tickets that track its action
 * items. follow-up-scheduled and the rubric (follow-up and action-items categories) both read it
 * from here.
 */
import type { Nodes } from 'mdast'
import { isCommittedReview } from '../parse/action-items.js'
import type { ActionItem, CalendarDate, PostmortemDocument, Sentence, Span } from '../model/types.js'
import { sectionBlocks } from '../parse/sections.js'
import { dayNumber, findDates } from '../parse/time/index.js'

// "Follow-up review on ...", "retro booked for ...", "check-in scheduled ...", "we meet again on
// ... to check progress", "we will revisit the thresholds on ...".
const REVIEW_WORDING = /(?<![\p{L}])(?:follow[-\s]?ups?|reviews?|retro(?:spective)?s?|check[-\s]?ins?|meet(?:ing)? again|check(?:ing)? (?:on )?progress|revisit(?:s|ed|ing)?)(?![\p{L}])/iu
const URL = /https?:\/\/[^\s)>\]]+/iu

export interface ReviewCandidate {
  raw: string
  date: CalendarDate | null
  span: Span
  /** Dates in prose outside a follow-up section only count when they could be a schedule. */
  fromProse: boolean
}

export type ReviewProblem = 'unparseable' | 'before-incident' | 'too-late'

export interface JudgedReview {
  candidate: ReviewCandidate
  /** null: a usable review date (within the window, or no incident date to measure from). */
  problem: ReviewProblem | null
  /** Days after the incident (0 when either date is unknown). */
  days: number
}

function sentenceDates(sentence: Sentence, referenceYear: number | undefined, fromProse: boolean): ReviewCandidate[] {
  return findDates(sentence.text, referenceYear === undefined ? {} : { referenceYear }).map((match) => ({
    raw: sentence.text.slice(match.index, match.index + match.length),
    date: match.date,
    span: { start: sentence.pointAt(match.index), end: sentence.pointAt(match.index + match.length) },
    fromProse,
  }))
}

/**
 * Every written date that could be the follow-up review, judged against the incident date and the
 * window: the metadata field, dates in a follow-up section, and dates in sentences that speak of a
 * review. A past date in ordinary prose ("the retro on 2024-11-02 flagged this") is history, not a
 * schedule, and is left out.
 */
export function followUpReviews(doc: PostmortemDocument, windowDays: number): JudgedReview[] {
  const incident = doc.incidentDate
  const referenceYear = incident?.year
  const candidates: ReviewCandidate[] = []
  const followUp = doc.metadata.followUp
  if (followUp) candidates.push({ raw: followUp.raw, date: followUp.value, span: followUp.span, fromProse: false })
  for (const sentence of doc.prose) {
    const kind = sentence.section?.kind
    // An action item's due date ("add it to the review checklist, due ...") is not a review date;
    // a paragraph under the actions ("Review booked for 1 April") can be.
    const inActionList = sentence.section !== null && (sentence.section === doc.actionItemsSection || kind === 'action-items')
    // "We will revisit the thresholds on 2025-03-20" under next steps is an action and a review.
    const commitsToReview = sentence.context === 'paragraph' && isCommittedReview(sentence.text)
    const isActionItem =
      inActionList && !commitsToReview && (sentence.context !== 'paragraph' || doc.actionItems.some((item) => item.source === 'paragraph'))
    if (kind === 'follow-up' && !isActionItem) candidates.push(...sentenceDates(sentence, referenceYear, false))
    else if (kind !== 'timeline' && !isActionItem && REVIEW_WORDING.test(sentence.text)) {
      candidates.push(...sentenceDates(sentence, referenceYear, true))
    }
  }
  // The metadata line is prose too: keep each written date once.
  const unique = candidates.filter(
    (candidate, index) =>
      !candidates
        .slice(0, index)
        .some((earlier) => candidate.span.start.offset >= earlier.span.start.offset && candidate.span.start.offset < earlier.span.end.offset),
  )
  const judged = unique.map((candidate): JudgedReview => {
    if (!candidate.date) return { candidate, problem: 'unparseable', days: 0 }
    if (!incident) return { candidate, problem: null, days: 0 }
    const days = dayNumber(candidate.date) - dayNumber(incident)
    if (days <= 0) return { candidate, problem: 'before-incident', days }
    if (days > windowDays) return { candidate, problem: 'too-late', days }
    return { candidate, problem: null, days }
  })
  return judged.filter((entry) => !(entry.candidate.fromProse && entry.problem === 'before-incident'))
}

/** Whether the document schedules a usable follow-up review. */
export function hasScheduledReview(reviews: readonly JudgedReview[]): boolean {
  return reviews.some((entry) => entry.problem === null)
}

function hasLink(node: Nodes): boolean {
  if (node.type === 'link' || node.type === 'linkReference') return true
  if (node.type === 'text' && URL.test(node.value)) return true
  return 'children' in node && (node.children as Nodes[]).some(hasLink)
}

/** A tracker linked in the action-items section's own prose, outside the items themselves. */
export function linksTracker(doc: PostmortemDocument): boolean {
  const section = doc.actionItemsSection
  if (!section) return false
  const itemRanges = doc.actionItems.map((item) => [item.span.start.offset, item.span.end.offset] as const)
  return sectionBlocks(section).some((block) => {
    if (block.type !== 'paragraph' && block.type !== 'heading') return false
    const start = block.position?.start.offset ?? -1
    if (itemRanges.some(([from, to]) => start >= from && start < to)) return false
    return hasLink(block)
  })
}

/** Whether an action item is tracked: its ticket (matching `pattern` when one is set, or its text does). */
export function isTracked(item: ActionItem, pattern: RegExp | null): boolean {
  return pattern ? (item.ticket !== null && pattern.test(item.ticket.raw)) || pattern.test(item.text) : item.ticket !== null
}

/** The ticket pattern of follow-up-scheduled's `ticketPattern` option. */
export function ticketPatternOf(source: string | null): RegExp | null {
  return source === null ? null : new RegExp(source, 'u')
}
