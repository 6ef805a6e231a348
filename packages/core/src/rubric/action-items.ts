import { actionField, isSpecific } from '../evidence/actions.js'
import { isTracked, linksTracker, ticketPatternOf } from '../evidence/follow-up.js'
import type { ActionItem } from '../model/types.js'
import { share, type CategoryEvidence } from './context.js'

function shareOf(items: readonly ActionItem[], has: (item: ActionItem) => boolean): { credit: number; detail?: string } {
  const count = items.filter(has).length
  if (count === items.length) return { credit: 1 }
  return { credit: share(count, items.length), detail: `${items.length - count} of ${items.length}` }
}

/**
 * Action items: listed, and each owned, dated, specific (action-specificity's notion of vague and
 * people-directed) and tracked (follow-up-scheduled's notion of a ticket or a linked board).
 */
export const actionItemsEvidence: CategoryEvidence = ({ doc, option }) => {
  // Done items are history: only the open ones still need an owner, a date, a sharp deliverable
  // and a ticket (action-specificity and follow-up-scheduled exempt them alike).
  const items = doc.actionItems.filter((item) => !item.done)
  const specificWords = option('action-specificity', 'specificWords', 12)
  const pattern = ticketPatternOf(option<string | null>('follow-up-scheduled', 'ticketPattern', null))
  return {
    // How many is the incident's business; each one is judged on the items below.
    'actions-listed': doc.actionItems.length > 0 ? { credit: 1 } : doc.actionItemsSection ? { credit: 0, detail: 'the action-items section lists none' } : { credit: 0 },
    'actions-owned': shareOf(items, (item) => actionField(item, 'owner') !== null),
    'actions-dated': shareOf(items, (item) => actionField(item, 'due') !== null),
    'actions-specific': shareOf(items, (item) => isSpecific(item, specificWords)),
    'actions-tracked': !option('follow-up-scheduled', 'requireTickets', true)
      ? null
      : linksTracker(doc)
        ? { credit: 1 }
        : shareOf(items, (item) => isTracked(item, pattern)),
  }
}
