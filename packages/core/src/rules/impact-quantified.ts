import { z } from 'zod'
import VagueQuantities from '../data/vague-quantities.generated.js'
import { defineRule } from '../engine/define-rule.js'
import { quote } from '../engine/render-message.js'
import { countQuantities, impactSections, referenceYearOf, sectionQuantities } from '../evidence/quantities.js'
import { wordAlternation } from '../parse/time/patterns.js'

const options = z
  .strictObject({
    /** How many quantities each impact section must state. */
    minQuantities: z.number().int().min(1).default(1),
  })
  .default({ minQuantities: 1 })

// "some shoppers", "many tenants": a vague amount of any plural noun, beyond the listed phrases.
const VAGUE_PLURAL = /(?<![\p{L}])(?:some|many|a\s{1,3}few|numerous)\s{1,3}\p{L}{3,}s(?![\p{L}])/iu

const phraseToEntry = new Map<string, (typeof VagueQuantities.vague)[number]>()
for (const entry of VagueQuantities.vague) for (const phrase of entry.phrases) phraseToEntry.set(phrase, entry)
const VAGUE = new RegExp(`(?<![\\p{L}\\p{N}_'-])${wordAlternation([...phraseToEntry.keys()])}(?![\\p{L}\\p{N}_'-])`, 'giu')

function findVague(text: string): { phrase: string; start: number; end: number; suggest: string } | null {
  VAGUE.lastIndex = 0
  const match = VAGUE.exec(text) ?? VAGUE_PLURAL.exec(text)
  if (!match) return null
  const phrase = match[0].toLowerCase().replace(/\s+/gu, ' ')
  const entry = phraseToEntry.get(phrase)
  return { phrase: match[0], start: match.index, end: match.index + match[0].length, suggest: entry?.suggest ?? '4,200 users' }
}

export { countQuantities }

export default defineRule<z.output<typeof options>>({
  id: 'impact-quantified',
  meta: {
    description: 'State the impact in numbers: users, requests, duration, money, data',
    category: 'impact',
    defaultSeverity: 'error',
    options,
    messages: {
      'no-quantity':
        'No number in the impact section `{{heading}}`; without counts nobody can judge the severity or weigh the action items. State who and how much, e.g. "4,200 users (3% of active accounts) saw checkout errors for 47 minutes".',
      'too-few':
        'The impact section `{{heading}}` states {{count}} where {{min}} are expected; one number rarely shows both the reach and the duration of an incident. Add the missing ones, e.g. "18% of checkout requests failed for 47 minutes".',
      vague:
        '`{{sentence}}` says "{{phrase}}" instead of a number; a vague quantity hides whether the incident was minor or severe. Give the count or share, e.g. "{{example}}".',
    },
  },
  check(doc, { options, report }) {
    const referenceYear = referenceYearOf(doc)
    // Only the outermost impact section is judged; a nested one is counted as part of it.
    for (const section of impactSections(doc)) {
      const count = sectionQuantities(doc, section).length
      if (count >= options.minQuantities) continue
      report({
        messageId: count === 0 ? 'no-quantity' : 'too-few',
        data: { heading: quote(section.heading), count: count === 1 ? '1 quantity' : `${count} quantities`, min: options.minQuantities },
        at: section.headingSpan,
      })
    }
    for (const sentence of doc.prose) {
      if (sentence.context === 'heading') continue
      const kind = sentence.section?.kind
      if (kind !== 'impact' && kind !== 'summary') continue
      const vague = findVague(sentence.text)
      if (!vague || countQuantities(sentence.text, referenceYear) > 0) continue
      report({
        messageId: 'vague',
        data: { sentence: quote(sentence.text), phrase: vague.phrase, example: vague.suggest },
        at: { start: sentence.pointAt(vague.start), end: sentence.pointAt(vague.end) },
      })
    }
  },
})
