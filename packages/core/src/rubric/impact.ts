import { impactSections, impactStatement, sectionSentences, statesMeasure } from '../evidence/quantities.js'
import { plural, type CategoryEvidence } from './context.js'

/**
 * Impact: a section of its own, stated in numbers (impact-quantified's count), with both its
 * reach (users, share, requests, money, data) and its duration (in the impact, or the header's).
 */
export const impactEvidence: CategoryEvidence = ({ doc, option }) => {
  const sections = impactSections(doc)
  const said = sections.some((section) => sectionSentences(doc, section).length > 0)
  const statement = impactStatement(doc)
  const { quantities, where } = statement
  const wanted = option('impact-quantified', 'minQuantities', 1)
  // A header duration states how long the impact lasted, wherever the impact is described.
  const count = quantities.length + (statement.headerDuration ? 1 : 0)
  const place = where === 'summary' ? 'the summary' : 'the impact section'
  return {
    'impact-stated': sections.length === 0 ? { credit: 0 } : said ? { credit: 1 } : { credit: 0, detail: 'the impact section is empty' },
    'impact-quantified':
      count >= wanted
        ? { credit: 1 }
        : { credit: count / wanted, detail: where === null ? 'no impact stated' : count === 0 ? `no number in ${place}` : `${plural(count, 'number')} in ${place}, ${wanted} expected` },
    'impact-reach': { credit: statesMeasure(statement, 'reach') ? 1 : 0 },
    'impact-duration': { credit: statesMeasure(statement, 'duration') || doc.metadata.durationMinutes ? 1 : 0 },
  }
}
