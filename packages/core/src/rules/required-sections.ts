import { z } from 'zod'
import { defineRule } from '../engine/define-rule.js'
import { documentAnchor, hasRequiredSection, sectionRequirements } from '../evidence/sections.js'

const requirements = sectionRequirements
type Requirement = keyof typeof requirements
const requirementIds = Object.keys(requirements) as [Requirement, ...Requirement[]]
const requirementList = z.array(z.enum(requirementIds))

const options = z
  .strictObject({
    /**
     * Required sections by severity level (P1..P4). The root cause is not in the defaults:
     * rootcause-vs-contributing reports a document that states none, wherever it would be stated.
     */
    bySeverity: z
      .strictObject({
        P1: requirementList,
        P2: requirementList,
        P3: requirementList,
        P4: requirementList,
      })
      .default({
        P1: ['summary', 'impact', 'timeline', 'action-items', 'lessons'],
        P2: ['summary', 'impact', 'timeline', 'action-items', 'lessons'],
        P3: ['summary', 'impact', 'timeline', 'action-items'],
        P4: ['summary', 'action-items'],
      }),
    /** The level assumed when the document states no severity. */
    assumeSeverity: z.enum(['P1', 'P2', 'P3', 'P4']).default('P3'),
  })
  .default({
    bySeverity: {
      P1: ['summary', 'impact', 'timeline', 'action-items', 'lessons'],
      P2: ['summary', 'impact', 'timeline', 'action-items', 'lessons'],
      P3: ['summary', 'impact', 'timeline', 'action-items'],
      P4: ['summary', 'action-items'],
    },
    assumeSeverity: 'P3',
  })

export default defineRule<z.output<typeof options>>({
  id: 'required-sections',
  meta: {
    description: 'Require the sections a postmortem of its severity needs',
    category: 'impact',
    defaultSeverity: 'error',
    options,
    messages: {
      'missing-core': 'No {{section}} section; a {{severity}} postmortem needs one because {{why}}. Add a `## {{heading}}` section.',
      missing: 'No {{section}} section; a {{severity}} postmortem should have one because {{why}}. Add a `## {{heading}}` section.',
    },
    // A missing timeline, root cause or action list leaves nothing to score in its category.
    penalties: { 'missing-core': 100, missing: 30 },
  },
  check(doc, { options, report }) {
    const stated = doc.metadata.severity
    const level = stated ? (`P${stated.level}` as const) : options.assumeSeverity
    const at = documentAnchor(doc)
    for (const id of options.bySeverity[level]) {
      const requirement = requirements[id]
      if (hasRequiredSection(doc, id)) continue
      report({
        messageId: requirement.core ? 'missing-core' : 'missing',
        data: {
          section: requirement.heading.toLowerCase(),
          severity: stated ? level : `${level} (assumed: no severity stated)`,
          why: requirement.why,
          heading: requirement.heading,
        },
        at,
        category: requirement.category,
      })
    }
  },
})
