import type { CategoryId } from './categories.js'

/**
 * The review checklist as points (postmortem-practice.md, "The review checklist", and its
 * sections on the timeline, root cause, action items and follow-through). Each category's items
 * add up to 100. A document earns an item's points by showing the evidence; missing evidence earns
 * nothing. rules/README.md ("Scoring") documents this table; keep the two in step.
 */

/** Severity levels as the model normalises them: 1 is the worst (P1/SEV1), 4 a minor near-miss. */
export type SeverityLevel = 1 | 2 | 3 | 4

export interface ChecklistItem {
  id: string
  category: CategoryId
  /** What the explanation says when the document shows it. */
  met: string
  /** What the explanation says when it does not ("no time zone"). */
  missed: string
  points: number
  /** The rules that check this item: it is part of the rubric while one of them is enabled. */
  rules: readonly string[]
  /**
   * The least severe level that must show it: 4 expects it of every postmortem, 3 of P1-P3 (and
   * of a document that states no severity, an ordinary incident), 2 of P1-P2. A less severe
   * document that shows it anyway is judged on it; one that does not is not faulted.
   */
  expectedUpTo: SeverityLevel
  /** An item that only means something once another is shown (zone and milestones need a timeline). */
  requires?: string
  /**
   * Findings that report this item missing (`rule/messageId`, or `rule/messageId@category` when
   * the rule charges the same message id to several categories). They cost nothing beyond the
   * points the item does not earn.
   */
  covers?: readonly string[]
  /** For items judged by counting findings: the points each covered finding takes off the item. */
  perFinding?: number
}

export const checklist: readonly ChecklistItem[] = [
  // 1. Blameless tone throughout.
  {
    id: 'no-blame',
    category: 'blameless-tone',
    met: 'no sentence blames a person',
    missed: 'blames people',
    points: 100,
    rules: ['blameless-language', 'action-specificity'],
    expectedUpTo: 4,
    covers: [
      'blameless-language/person-failure',
      'blameless-language/counterfactual',
      'blameless-language/character',
      'blameless-language/blame-noun',
      'blameless-language/person-cause',
      'blameless-language/person-root-cause',
      // "Train Bob" is blame in disguise (postmortem-practice.md, "Action items").
      'action-specificity/people-directed',
    ],
    perFinding: 20,
  },

  // 2. Timeline complete, ordered, in a stated time zone.
  {
    id: 'timeline-present',
    category: 'timeline',
    met: 'a timeline of timed events',
    missed: 'no timeline',
    points: 35,
    rules: ['timeline-order', 'required-sections'],
    expectedUpTo: 3,
    covers: ['required-sections/missing-core@timeline'],
  },
  {
    id: 'timeline-ordered',
    category: 'timeline',
    met: 'oldest first',
    missed: 'out of order',
    points: 20,
    rules: ['timeline-order'],
    expectedUpTo: 3,
    requires: 'timeline-present',
    covers: ['timeline-order/out-of-order', 'timeline-order/midnight-without-date'],
    perFinding: 10,
  },
  {
    id: 'timeline-zone',
    category: 'timeline',
    met: 'one stated time zone',
    missed: 'no time zone',
    points: 15,
    rules: ['timeline-order'],
    expectedUpTo: 3,
    requires: 'timeline-present',
    covers: ['timeline-order/no-time-zone', 'timeline-order/mixed-time-zones'],
  },
  {
    id: 'timeline-detection',
    category: 'timeline',
    met: 'marks detection',
    missed: 'no detection milestone',
    points: 10,
    rules: ['timeline-order'],
    expectedUpTo: 3,
    requires: 'timeline-present',
    covers: ['timeline-order/missing-milestone'],
  },
  {
    id: 'timeline-mitigation',
    category: 'timeline',
    met: 'marks mitigation',
    missed: 'no mitigation milestone',
    points: 10,
    rules: ['timeline-order'],
    expectedUpTo: 3,
    requires: 'timeline-present',
    covers: ['timeline-order/missing-milestone'],
  },
  {
    id: 'timeline-resolution',
    category: 'timeline',
    met: 'marks resolution',
    missed: 'no resolution milestone',
    points: 10,
    rules: ['timeline-order'],
    expectedUpTo: 3,
    requires: 'timeline-present',
    covers: ['timeline-order/missing-milestone'],
  },

  // 3. Impact quantified where possible.
  {
    id: 'impact-stated',
    category: 'impact',
    met: 'an impact section',
    missed: 'no impact section',
    points: 20,
    rules: ['impact-quantified', 'required-sections'],
    expectedUpTo: 3,
    covers: ['required-sections/missing-core@impact'],
  },
  {
    id: 'impact-quantified',
    category: 'impact',
    met: 'impact in numbers',
    missed: 'impact not quantified',
    points: 40,
    rules: ['impact-quantified'],
    expectedUpTo: 3,
    // "Some shoppers" instead of a number is the same gap, found in a sentence.
    covers: ['impact-quantified/no-quantity', 'impact-quantified/too-few', 'impact-quantified/vague'],
  },
  {
    id: 'impact-reach',
    category: 'impact',
    met: 'who or how much was affected (users, share, requests, money, data)',
    missed: 'no count of who or what was affected',
    points: 20,
    rules: ['impact-quantified'],
    expectedUpTo: 3,
  },
  {
    id: 'impact-duration',
    category: 'impact',
    met: 'how long it lasted',
    missed: 'no duration',
    points: 20,
    rules: ['impact-quantified'],
    expectedUpTo: 3,
  },

  // 4. Root cause and contributing factors distinguished.
  {
    id: 'root-cause-stated',
    category: 'root-cause',
    met: 'a root cause',
    missed: 'no root cause',
    points: 35,
    rules: ['rootcause-vs-contributing', 'required-sections'],
    expectedUpTo: 4,
    covers: [
      'required-sections/missing-core@root-cause',
      'rootcause-vs-contributing/empty-root-cause',
      'rootcause-vs-contributing/no-root-cause',
      'rootcause-vs-contributing/factors-without-root-cause',
    ],
  },
  {
    id: 'root-cause-system',
    category: 'root-cause',
    met: 'stated as a system condition',
    missed: 'root cause is a person or human error',
    points: 20,
    rules: ['rootcause-vs-contributing', 'blameless-language'],
    expectedUpTo: 4,
    requires: 'root-cause-stated',
    covers: ['rootcause-vs-contributing/human-root-cause', 'blameless-language/person-root-cause'],
  },
  {
    id: 'root-cause-evidence',
    category: 'root-cause',
    met: 'explained or backed by evidence',
    missed: 'root cause not explained (one line, no evidence)',
    points: 10,
    rules: ['rootcause-vs-contributing'],
    expectedUpTo: 4,
    requires: 'root-cause-stated',
  },
  {
    id: 'contributing-factors',
    category: 'root-cause',
    met: 'contributing factors apart from the root cause',
    missed: 'no contributing factors apart from the root cause',
    points: 25,
    rules: ['rootcause-vs-contributing', 'required-sections'],
    expectedUpTo: 3,
    requires: 'root-cause-stated',
    covers: [
      'rootcause-vs-contributing/no-contributing',
      'rootcause-vs-contributing/merged-causes',
      'required-sections/missing@root-cause',
    ],
  },
  {
    id: 'contributing-several',
    category: 'root-cause',
    met: 'several contributing factors',
    missed: 'too few contributing factors',
    points: 10,
    rules: ['rootcause-vs-contributing'],
    expectedUpTo: 2,
    requires: 'contributing-factors',
    covers: ['rootcause-vs-contributing/too-few-factors'],
  },

  // 5. Action items owned, dated, specific and tracked.
  {
    id: 'actions-listed',
    category: 'action-items',
    met: 'action items',
    missed: 'no action items',
    points: 30,
    rules: ['action-specificity', 'required-sections'],
    expectedUpTo: 4,
    covers: ['action-specificity/no-actions', 'required-sections/missing-core@action-items'],
  },
  {
    id: 'actions-owned',
    category: 'action-items',
    met: 'every action has an owner',
    missed: 'actions without an owner',
    points: 20,
    rules: ['action-specificity'],
    expectedUpTo: 4,
    requires: 'actions-listed',
    // One message id for every missing field: owner, due date and the fields a config adds.
    covers: ['action-specificity/missing-field'],
  },
  {
    id: 'actions-dated',
    category: 'action-items',
    met: 'every action has a due date',
    missed: 'actions without a due date',
    points: 15,
    rules: ['action-specificity'],
    expectedUpTo: 4,
    requires: 'actions-listed',
    covers: ['action-specificity/missing-field'],
  },
  {
    id: 'actions-specific',
    category: 'action-items',
    met: 'every action is a specific deliverable',
    missed: 'vague actions',
    points: 20,
    rules: ['action-specificity'],
    expectedUpTo: 4,
    requires: 'actions-listed',
    covers: ['action-specificity/vague', 'action-specificity/people-directed'],
  },
  {
    id: 'actions-tracked',
    category: 'action-items',
    met: 'every action is tracked in a ticket',
    missed: 'untracked actions',
    points: 15,
    rules: ['follow-up-scheduled'],
    expectedUpTo: 4,
    requires: 'actions-listed',
    covers: ['follow-up-scheduled/untracked', 'follow-up-scheduled/untracked-pattern'],
  },

  // 6. Follow-up review scheduled.
  {
    id: 'follow-up-review',
    category: 'follow-up',
    met: 'a follow-up review is scheduled',
    missed: 'no follow-up review scheduled',
    points: 60,
    rules: ['follow-up-scheduled'],
    expectedUpTo: 4,
    covers: [
      'follow-up-scheduled/missing',
      'follow-up-scheduled/unparseable',
      'follow-up-scheduled/before-incident',
      'follow-up-scheduled/too-late',
    ],
  },
  {
    id: 'lessons',
    category: 'follow-up',
    met: 'lessons learned',
    missed: 'no lessons learned',
    points: 20,
    rules: ['required-sections'],
    expectedUpTo: 2,
    covers: ['required-sections/missing@follow-up'],
  },
  {
    id: 'document-metadata',
    category: 'follow-up',
    met: 'date, severity, status and authors stated',
    missed: 'metadata missing',
    points: 20,
    rules: ['metadata'],
    expectedUpTo: 4,
    covers: ['metadata/missing'],
  },
]

/**
 * The findings of one kind (rule and message id) a category pays for at most: the same defect
 * repeated (six placeholders, a rule misreading every list as a five-whys chain) says the same
 * thing and must not wipe out the evidence the document shows.
 */
export const DEFECTS_COUNTED_PER_KIND = 3

/**
 * What a finding no checklist item accounts for costs its category: a defect in evidence the
 * document does show (an unreadable time, a vague quantity, a secret in a log). Findings not
 * listed cost their rule's declared penalty, else 20 as an error and 8 as a warning.
 */
export const defectCosts: Readonly<Record<string, number>> = {
  'timeline-order/unparsed-time': 5,
  'timeline-order/detection-before-onset': 10,
  'timeline-order/resolution-not-last': 10,
  'timeline-order/duration-mismatch': 10,
  'required-sections/missing': 10,
  'rootcause-vs-contributing/duplicate-factor': 10,
  'rootcause-vs-contributing/shallow-whys': 10,
  'action-specificity/unparsed-due': 5,
  'action-specificity/due-before-incident': 5,
  'metadata/bad-severity': 5,
  'metadata/bad-date': 5,
  'no-template-placeholders/placeholder': 10,
}
