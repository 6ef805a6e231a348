import { z } from 'zod'
import { defineRule } from '../engine/define-rule.js'
import { quote } from '../engine/render-message.js'
import { findBlame, type BlameKind } from '../nlp/blame.js'
import { knownPeople, knownSystems } from '../nlp/people.js'
import type { SectionKind } from '../model/types.js'

const options = z
  .strictObject({
    /** Vocabulary entry ids (e.g. "missed") or literal phrases (e.g. "caused") never to flag. */
    allow: z.array(z.string().min(1)).default([]),
    /** Section kinds or heading titles to skip, e.g. "appendix" for pasted chat logs. */
    ignoreSections: z.array(z.string().min(1)).default(['appendix']),
  })
  .default({ allow: [], ignoreSections: ['appendix'] })

const ROOT_CAUSE_KINDS: ReadonlySet<SectionKind> = new Set(['root-cause', 'causes', 'five-whys'])

export default defineRule<z.output<typeof options>>({
  id: 'blameless-language',
  meta: {
    description: 'Describe what the system allowed, not who failed',
    category: 'blameless-tone',
    defaultSeverity: 'error',
    options,
    messages: {
      'person-failure':
        '`{{sentence}}` makes {{who}} the subject of a failure ("{{phrase}}"); blame teaches people to hide mistakes instead of reporting them. Describe what the system allowed instead, e.g. "{{suggest}}".',
      'harmful-step':
        '`{{sentence}}` pins the damage on {{who}} ("{{phrase}}"); naming who did the harm invites blame and hides why one step could do it. Describe what let the step cause harm instead, e.g. "{{suggest}}".',
      counterfactual:
        '`{{sentence}}` judges what {{who}} should have done ("{{phrase}}"); hindsight about a person teaches nothing about the system. Say what the process or tooling should do instead.',
      character:
        '`{{sentence}}` judges a person\'s character ("{{phrase}}"); a postmortem describes conditions, not people. Describe the condition that made the mistake likely.',
      'blame-noun':
        '`{{sentence}}` blames {{who}} ("{{phrase}}"); it ends the inquiry where it should start. Name the system gap instead, e.g. "{{suggest}}".',
      'person-cause':
        '`{{sentence}}` names {{who}} as the cause of the incident; causes are conditions, not people. Attribute it to what let the action cause harm.',
      'person-root-cause':
        '`{{sentence}}` puts a person ({{who}}) in the root cause; the root cause is the system condition whose fix prevents this class of failure. Rewrite it with the system as the subject.',
    } satisfies Record<BlameKind, string>,
  },
  check(doc, { options, report }) {
    const people = knownPeople(doc)
    let systems: ReadonlySet<string> | null = null
    const allow = new Set(options.allow.map((term) => term.toLowerCase()))
    const ignored = new Set(options.ignoreSections.map((name) => name.toLowerCase()))
    for (const sentence of doc.prose) {
      if (sentence.context === 'heading') continue
      const section = sentence.section
      if (section && (ignored.has(section.kind ?? '') || ignored.has(section.title.toLowerCase()))) continue
      const inRootCause = section?.kind ? ROOT_CAUSE_KINDS.has(section.kind) : false
      const inTimeline = section?.kind === 'timeline'
      // The document's own system names are read once, and only for a document that needs them.
      const finding = findBlame(sentence.text, { inRootCause, inTimeline, people, get systems() { return (systems ??= knownSystems(doc)) }, allow })
      if (!finding) continue
      report({
        messageId: finding.kind,
        data: { sentence: quote(sentence.text), who: finding.who, phrase: finding.phrase, suggest: finding.suggest },
        at: { start: sentence.pointAt(finding.start), end: sentence.pointAt(finding.end) },
        suggestion: `Rewrite with the system as the subject: ${finding.suggest}.`,
      })
    }
  },
})
