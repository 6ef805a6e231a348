import { z } from 'zod'
import { defineRule } from '../engine/define-rule.js'
import { quote } from '../engine/render-message.js'
import { distinguishedFactors, humanErrorPhrase, mergedCausesLabelled, MIN_ROOT_CAUSE_WORDS, rootCauseWordCount, statesRootCause } from '../evidence/causes.js'
import { documentAnchor } from '../evidence/sections.js'
import { tokenize } from '../nlp/tokens.js'

const options = z
  .strictObject({
    /**
     * The least severe level whose postmortem must list contributing factors at all. A document
     * that states no severity is judged as an ordinary incident, a P3.
     */
    factorsUpTo: z.enum(['P1', 'P2', 'P3', 'P4']).default('P3'),
    /** Contributing factors a P1/P2 postmortem should list. */
    minFactors: z.number().int().min(0).default(2),
    /** Word-overlap ratio from which a factor counts as a restatement of the root cause. */
    duplicateSimilarity: z.number().min(0).max(1).default(0.8),
    /** Levels a five-whys chain must reach. */
    minWhys: z.number().int().min(1).default(3),
  })
  .default({ factorsUpTo: 'P3', minFactors: 2, duplicateSimilarity: 0.8, minWhys: 3 })

function words(text: string): Set<string> {
  return new Set(tokenize(text).map((token) => token.norm).filter((word) => word.length > 3))
}

/**
 * How far a factor restates one statement of the root cause: the share of the factor's words
 * that statement has. Measured per statement, not against the whole section, so a short factor
 * whose few words are spread over a long root cause ("Applied all changes in one operation") is
 * another condition, not a copy.
 */
function similarity(factor: string, statement: string): number {
  const left = words(factor)
  const right = words(statement)
  if (left.size < 3 || right.size < 3) return 0
  let shared = 0
  for (const word of left) if (right.has(word)) shared++
  return shared / left.size
}

/** The root cause's statements: each sentence and each list line on its own. */
function statements(text: string): string[] {
  return text.split(/(?<=[.!?:;])\s+|\n+/u).filter((part) => part.trim().length > 0)
}

export default defineRule<z.output<typeof options>>({
  id: 'rootcause-vs-contributing',
  meta: {
    description: 'Separate the root cause from the contributing factors',
    category: 'root-cause',
    defaultSeverity: 'error',
    options,
    messages: {
      'empty-root-cause': 'The root-cause section says nothing; the actions must trace back to a cause. State the system condition whose fix prevents this class of failure.',
      'no-root-cause':
        'No root cause is stated; without one the action items cannot be traced to what failed, and the next reader cannot tell whether it was fixed. Add a `## Root cause` section naming the system condition whose fix prevents this class of failure (if it is not known yet, say how it is being investigated and when the document will be updated).',
      'factors-without-root-cause':
        'Contributing factors are listed but none is named the root cause; readers cannot tell what the main fix is. Add a `## Root cause` section for the condition whose fix prevents this class of failure, and keep the others as contributing factors.',
      'no-contributing':
        'No contributing factors are listed apart from the root cause; {{incident}} rarely has one cause, and the others (detection gaps, missing tests, capacity) need actions too. Add a `## Contributing factors` list, separate from the root cause.',
      'too-few-factors':
        'Only {{count}} contributing factor listed; a {{severity}} incident usually has several (alerting gaps, missing tests, runbooks, capacity). Ask what made it worse or slower to detect, and list each.',
      'merged-causes':
        'The `{{heading}}` section lists causes without saying which one is the root cause; readers cannot tell what the main fix is. Label the root cause, or split it into "Root cause" and "Contributing factors".',
      'duplicate-factor':
        'Contributing factor `{{factor}}` restates the root cause; a factor is another condition that made it worse. Remove it, or name the distinct condition.',
      'human-root-cause':
        'The root cause is given as `{{phrase}}`; a person or "human error" is never a root cause. Keep asking why until a system or process gap appears (five whys).',
      'shallow-whys': 'The five-whys chain stops after {{count}} level(s); shallow chains stop at the first person or symptom. Keep asking why, at least {{min}} levels.',
    },
    penalties: { 'empty-root-cause': 60, 'no-root-cause': 60, 'factors-without-root-cause': 40, 'no-contributing': 40, 'merged-causes': 40 },
  },
  check(doc, { options, report }) {
    const causes = doc.causes
    const severity = doc.metadata.severity
    const level = severity?.level ?? 3
    const severityLabel = severity ? `P${severity.level}` : 'P3 (assumed)'

    const humanError = humanErrorPhrase(causes.rootCause?.text ?? '') !== null
    // "Human error." says something, and what it says is reported below.
    if (causes.rootCauseSection && !humanError && rootCauseWordCount(causes) < MIN_ROOT_CAUSE_WORDS) {
      report({ messageId: 'empty-root-cause', at: causes.rootCauseSection.headingSpan })
    }

    // One cause in a "Causes" section is the root cause; the question only arises with several.
    const merged = causes.rootCauseSection ? null : causes.mergedSection
    const sideBySide = merged !== null && causes.mergedItems.length > 1
    if (merged && sideBySide) {
      if (!mergedCausesLabelled(causes)) report({ messageId: 'merged-causes', data: { heading: merged.title }, at: merged.headingSpan })
    }

    const stated = statesRootCause(causes)
    const factors = distinguishedFactors(causes, options.minWhys)
    const factorsExpected = level <= Number(options.factorsUpTo.slice(1))
    const atTitle = documentAnchor(doc)
    if (!stated && !causes.rootCauseSection && !causes.mergedSection) {
      if (causes.contributingFactors.length > 0) {
        report({ messageId: 'factors-without-root-cause', at: causes.contributingSection?.headingSpan ?? causes.contributingFactors[0]!.span })
      } else {
        report({ messageId: 'no-root-cause', at: atTitle })
      }
    } else if (stated && factors === 0 && factorsExpected && !sideBySide) {
      const at = causes.rootCauseSection?.headingSpan ?? causes.mergedSection?.headingSpan ?? causes.rootCause?.span ?? atTitle
      report({ messageId: 'no-contributing', data: { incident: severity ? `a P${severity.level} incident` : 'an incident' }, at })
    } else if (level <= 2 && causes.contributingFactors.length > 0 && causes.contributingFactors.length < options.minFactors) {
      report({
        messageId: 'too-few-factors',
        data: { count: causes.contributingFactors.length, severity: severityLabel },
        at: causes.contributingSection?.headingSpan ?? causes.contributingFactors[0]!.span,
      })
    }

    const rootText = causes.rootCause?.text ?? ''
    const firstParagraph = rootText.split(/(?<=[.!?])\s+/).slice(0, 2).join(' ')
    const rootStatements = statements(rootText)
    if (rootStatements.length > 0) {
      for (const factor of causes.contributingFactors) {
        if (rootStatements.some((statement) => similarity(factor.text, statement) >= options.duplicateSimilarity)) {
          report({
            messageId: 'duplicate-factor',
            data: { factor: quote(factor.text, 60) },
            at: factor.span,
            related: causes.rootCauseSection ? [{ message: 'the root cause', at: causes.rootCauseSection.headingSpan }] : [],
          })
        }
      }
    }

    const human = humanErrorPhrase(firstParagraph)
    if (human && causes.rootCauseSection && !/\bnot\b[^.]{0,30}$/i.test(firstParagraph.split(human)[0] ?? '')) {
      report({ messageId: 'human-root-cause', data: { phrase: human }, at: causes.rootCauseSection.headingSpan })
    }

    for (const chain of causes.fiveWhys) {
      if (chain.steps.length < options.minWhys) {
        report({ messageId: 'shallow-whys', data: { count: chain.steps.length, min: options.minWhys }, at: chain.span })
      }
    }
  },
})
