import { impactSections, sectionQuantities, sectionSentences, type Quantity } from '../evidence/quantities.js'
import type { PostmortemDocument } from '../model/types.js'
import { plural, type CategoryEvidence } from './context.js'

/** Kinds of quantity that say who or how much was affected (a stated zero says "nobody"). */
const REACH = new Set<Quantity['kind']>(['share', 'money', 'count', 'zero', 'measure'])

/**
 * The quantities the impact is stated in: those of the impact sections impact-quantified judges,
 * or, in a document without one, of its summary.
 */
function impactQuantities(doc: PostmortemDocument): { quantities: Quantity[]; where: 'impact' | 'summary' | null } {
  const sections = impactSections(doc)
  if (sections.length > 0) return { quantities: sections.flatMap((section) => sectionQuantities(doc, section)), where: 'impact' }
  const summaries = doc.sectionsOf('summary').filter((section) => section.parent?.kind !== 'summary')
  if (summaries.length > 0) return { quantities: summaries.flatMap((section) => sectionQuantities(doc, section)), where: 'summary' }
  return { quantities: [], where: null }
}

/**
 * Impact: a section of its own, stated in numbers (impact-quantified's count), with both its
 * reach (users, share, requests, money, data) and its duration (in the impact, or the header's).
 */
export const impactEvidence: CategoryEvidence = ({ doc, option }) => {
  const sections = impactSections(doc)
  const said = sections.some((section) => sectionSentences(doc, section).length > 0)
  const { quantities, where } = impactQuantities(doc)
  const wanted = option('impact-quantified', 'minQuantities', 1)
  const count = quantities.length
  const place = where === 'summary' ? 'the summary' : 'the impact section'
  return {
    'impact-stated': sections.length === 0 ? { credit: 0 } : said ? { credit: 1 } : { credit: 0, detail: 'the impact section is empty' },
    'impact-quantified':
      count >= wanted
        ? { credit: 1 }
        : { credit: count / wanted, detail: where === null ? 'no impact stated' : count === 0 ? `no number in ${place}` : `${plural(count, 'number')} in ${place}, ${wanted} expected` },
    'impact-reach': { credit: quantities.some((quantity) => REACH.has(quantity.kind)) ? 1 : 0 },
    'impact-duration': { credit: quantities.some((quantity) => quantity.kind === 'duration') || doc.metadata.durationMinutes ? 1 : 0 },
  }
}
