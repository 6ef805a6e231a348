import { followUpReviews, hasScheduledReview } from '../evidence/follow-up.js'
import { hasRequiredSection } from '../evidence/sections.js'
import { plural, share, type CategoryEvidence } from './context.js'

const PROBLEMS = {
  unparseable: 'the follow-up review date is not a date',
  'before-incident': 'the follow-up review is dated before the incident',
  'too-late': 'the follow-up review is too late',
} as const

/**
 * Follow-up: a review scheduled (follow-up-scheduled's notion of a usable date within the window),
 * lessons learned written down (required-sections' sections), and the metadata that says who wrote
 * and reviewed the document and in what state it is (the metadata rule's missing fields).
 */
export const followUpEvidence: CategoryEvidence = ({ doc, option, findings }) => {
  const reviews = followUpReviews(doc, option('follow-up-scheduled', 'windowDays', 90))
  const problem = reviews.find((entry) => entry.problem !== null)?.problem ?? null
  const required = option<readonly string[]>('metadata', 'required', ['date', 'severity', 'status', 'authors']).length
  const missing = findings('metadata/missing').length
  return {
    'follow-up-review': hasScheduledReview(reviews)
      ? { credit: 1 }
      : problem !== null
        ? { credit: 0.5, missed: PROBLEMS[problem] }
        : { credit: 0 },
    lessons: { credit: hasRequiredSection(doc, 'lessons') ? 1 : 0 },
    'document-metadata':
      required === 0 ? null : missing === 0 ? { credit: 1 } : { credit: share(required - missing, required), detail: `${missing} of ${plural(required, 'field')}` },
  }
}
