import { z } from 'zod'
import VagueQuantities from '../data/vague-quantities.generated.js'
import { defineRule } from '../engine/define-rule.js'
import { quote } from '../engine/render-message.js'
import { countQuantities, impactQuantitiesOf, impactSections, impactStatement, referenceYearOf, statesMeasure, type ImpactMeasure } from '../evidence/quantities.js'
import { documentAnchor } from '../evidence/sections.js'
import { wordAlternation } from '../parse/time/patterns.js'

const options = z
  .strictObject({
    /** How many quantities each impact section must state. */
    minQuantities: z.number().int().min(1).default(1),
  })
  .default({ minQuantities: 1 })

type VagueEntry = (typeof VagueQuantities.vague)[number]
const affectedThings = new Set<string>(VagueQuantities['affected-things'])

// "some shoppers", "many tenants": a vague amount of any plural noun, beyond the listed phrases.
const VAGUE_PLURAL = /(?<![\p{L}])(?:some|many|a\s{1,3}few|numerous)\s{1,3}(\p{L}{3,}s)(?![\p{L}])/iu
const pluralEntry: VagueEntry = VagueQuantities.vague.find((entry) => entry.id === 'some')!

const phraseToEntry = new Map<string, VagueEntry>()
for (const entry of VagueQuantities.vague) for (const phrase of entry.phrases) phraseToEntry.set(phrase, entry)
const VAGUE = new RegExp(`(?<![\\p{L}\\p{N}_'-])${wordAlternation([...phraseToEntry.keys()])}(?![\\p{L}\\p{N}_'-])`, 'giu')

/** Whether an affected thing is named in the phrase or within a few words after it: "several (of our) customers". */
function namesAffected(phrase: string, after: string): boolean {
  const words = [...phrase.toLowerCase().split(/\s+/u).slice(-1), ...after.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean).slice(0, 4)]
  return words.some((word) => affectedThings.has(word))
}

interface Vague {
  phrase: string
  start: number
  end: number
  suggest: string
  measures: ImpactMeasure | 'magnitude'
}

/**
 * The first vague quantity of impact in a text. A symptom ("increased latency") or a duration
 * ("for a while") is vague on its own; a determiner or an adjective ("several", "significantly")
 * only when it sizes something that was affected: "several customers", not "several attempts".
 */
function findVague(text: string): Vague | null {
  VAGUE.lastIndex = 0
  for (let match = VAGUE.exec(text); match !== null; match = VAGUE.exec(text)) {
    const entry = phraseToEntry.get(match[0].toLowerCase().replace(/\s+/gu, ' '))
    if (!entry) continue
    const end = match.index + match[0].length
    const standsAlone = entry.id === 'degraded-for-some' || entry.measures === 'duration'
    if (!standsAlone && !namesAffected(match[0], text.slice(end))) continue
    return { phrase: match[0], start: match.index, end, suggest: entry.suggest ?? '4,200 users', measures: entry.measures }
  }
  const plural = VAGUE_PLURAL.exec(text)
  if (plural && affectedThings.has((plural[1] ?? '').toLowerCase())) {
    return { phrase: plural[0], start: plural.index, end: plural.index + plural[0].length, suggest: pluralEntry.suggest ?? '4,200 users', measures: 'reach' }
  }
  return null
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
      'not-quantified':
        'The impact is not stated in numbers anywhere: no impact section, and no count, share or duration in the summary. Without them nobody can judge the severity or weigh the action items. Add a `## Impact` section, e.g. "4,200 users (3% of active accounts) saw checkout errors for 47 minutes".',
    },
  },
  check(doc, { options, report }) {
    const referenceYear = referenceYearOf(doc)
    const statement = impactStatement(doc)
    // Only the outermost impact section is judged; a nested one is counted as part of it.
    for (const section of impactSections(doc)) {
      // "Duration: 16h 45m" in the header states how long the impact lasted.
      const count = impactQuantitiesOf(doc, section).length + (statement.headerDuration ? 1 : 0)
      if (count >= options.minQuantities) continue
      report({
        messageId: count === 0 ? 'no-quantity' : 'too-few',
        data: { heading: quote(section.heading), count: count === 1 ? '1 quantity' : `${count} quantities`, min: options.minQuantities },
        at: section.headingSpan,
      })
    }
    let vagueReported = false
    for (const sentence of doc.prose) {
      if (sentence.context === 'heading') continue
      const kind = sentence.section?.kind
      if (kind !== 'impact' && kind !== 'summary') continue
      const vague = findVague(sentence.text)
      if (!vague || countQuantities(sentence.text, referenceYear) > 0) continue
      // In the impact section, "some merchants were double-charged" beside "1,900 merchants
      // (12%) …" leaves the reader with the number the phrase stands in for; the summary is a
      // digest, and once the impact is quantified its numbers belong in the impact section.
      const quantified = statement.quantities.length > 0 || statement.headerDuration
      const answered = kind === 'summary' ? quantified : vague.measures === 'magnitude' ? quantified : statesMeasure(statement, vague.measures)
      if (answered) continue
      report({
        messageId: 'vague',
        data: { sentence: quote(sentence.text), phrase: vague.phrase, example: vague.suggest },
        at: { start: sentence.pointAt(vague.start), end: sentence.pointAt(vague.end) },
      })
      vagueReported = true
    }
    // A vague phrase already points at the sentence that should carry the number.
    if (statement.where !== 'impact' && statement.quantities.length === 0 && !statement.headerDuration && !vagueReported) {
      report({ messageId: 'not-quantified', at: documentAnchor(doc) })
    }
  },
})
