// One zod schema per data file. Shared shapes are defined once and reused.
import { z } from 'zod'

const phrase = z.string().trim().min(1).transform((value) => value.toLowerCase())
const uniquePhrases = z
  .array(phrase)
  .min(1)
  .superRefine((list, ctx) => {
    const seen = new Set()
    for (const [index, item] of list.entries()) {
      if (seen.has(item)) ctx.addIssue({ code: 'custom', path: [index], message: `duplicate phrase "${item}"` })
      seen.add(item)
    }
  })
const keyword = z.union([phrase, z.array(phrase).min(2)])
const kebabId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are kebab-case')
const compiles = (flags) =>
  z.string().superRefine((source, ctx) => {
    try {
      new RegExp(source, flags)
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `pattern does not compile: ${error.message}` })
    }
  })

/** A vocabulary entry: an id (for allow-lists), the phrases, why it is there, and a rewrite hint. */
const vocabularyEntry = z
  .object({
    id: kebabId,
    phrases: uniquePhrases,
    note: z.string().min(1),
    suggest: z.string().optional(),
    // A failure verb that a stated purpose turns into a mitigation step (see mitigation-intent).
    excusedByPurpose: z.boolean().optional(),
  })
  .strict()
/** Ids and phrases are unique across the entries of one vocabulary. */
function uniqueEntries(entries, ctx) {
  const ids = new Set()
  const phrases = new Map()
  for (const [index, entry] of entries.entries()) {
    if (ids.has(entry.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate id "${entry.id}"` })
    ids.add(entry.id)
    for (const p of entry.phrases) {
      if (phrases.has(p)) {
        ctx.addIssue({ code: 'custom', path: [index, 'phrases'], message: `"${p}" is also in "${phrases.get(p)}"` })
      }
      phrases.set(p, entry.id)
    }
  }
}
const vocabulary = z.array(vocabularyEntry).superRefine(uniqueEntries)

export const schemas = {
  'section-synonyms': z
    .object({
      sections: z.array(
        z
          .object({
            kind: kebabId,
            headings: uniquePhrases,
            keywords: z.array(keyword).default([]),
          })
          .strict(),
      ),
    })
    .strict(),
  'metadata-keys': z
    .object({ keys: z.array(z.object({ key: z.string().min(1), labels: uniquePhrases }).strict()) })
    .strict(),
  'time-zones': z
    .object({
      zones: z.array(
        z
          .object({ id: z.string().min(1), names: uniquePhrases, offsetMinutes: z.number().int().nullable() })
          .strict(),
      ),
    })
    .strict(),
  'calendar-words': z
    .object({
      months: z.array(uniquePhrases).length(12),
      weekdays: z.array(uniquePhrases).length(7),
    })
    .strict(),
  'action-fields': z
    .object({
      fields: z.array(
        z
          .object({
            field: z.enum(['text', 'owner', 'due', 'priority', 'category', 'ticket', 'status']),
            labels: uniquePhrases,
          })
          .strict(),
      ),
    })
    .strict(),
  placeholders: z
    .object({
      placeholders: z.array(
        z
          .object({
            id: kebabId,
            pattern: compiles('iu'),
            note: z.string().min(1),
            caseSensitive: z.boolean().default(false),
          })
          .strict(),
      ),
      mentions: z.object({ determiners: uniquePhrases, nouns: uniquePhrases, templating: uniquePhrases }).strict(),
      instructionCues: z.object({ step: uniquePhrases, document: uniquePhrases, questions: uniquePhrases }).strict(),
    })
    .strict(),
  'blame-verbs': z.object({ 'human-only': vocabulary, ambiguous: vocabulary }).strict(),
  'blame-modifiers': z
    .object({
      adverbs: vocabulary,
      character: vocabulary,
      'blame-nouns': vocabulary,
      counterfactuals: vocabulary,
      causal: vocabulary,
      negations: vocabulary,
      'mitigation-intent': vocabulary,
      'faults-by': vocabulary,
    })
    .strict(),
  'person-roles': z.object({ roles: vocabulary, pronouns: vocabulary, 'human-cues': vocabulary }).strict(),
  'milestone-keywords': z.object({ milestones: vocabulary }).strict(),
  'vague-actions': z
    .object({
      'vague-verbs': vocabulary,
      'generic-deliverables': z.object({ verbs: uniquePhrases, nouns: uniquePhrases, qualifiers: uniquePhrases }).strict(),
      commitments: uniquePhrases,
      hedges: uniquePhrases,
      'empty-purposes': uniquePhrases,
      'vague-modifiers': vocabulary,
      'people-directed': vocabulary,
    })
    .strict(),
  'first-names': z.object({ source: z.string().min(1), exclude: uniquePhrases, names: uniquePhrases }).strict(),
  abbreviations: z.object({ abbreviations: uniquePhrases, 'sentence-final': uniquePhrases }).strict(),
  'vague-quantities': z
    .object({
      // What number each phrase stands in for: who was affected, for how long, or how much.
      vague: z.array(vocabularyEntry.extend({ measures: z.enum(['reach', 'duration', 'magnitude']) }).strict()).superRefine(uniqueEntries),
      'affected-things': uniquePhrases,
    })
    .strict(),
  'cause-statements': z
    .object({ explicit: uniquePhrases, connectives: uniquePhrases, 'forward-connectives': uniquePhrases, 'incident-words': uniquePhrases, 'incident-subjects': uniquePhrases })
    .strict(),
  'document-genres': z
    .object({
      'incident-words': uniquePhrases,
      'irregular-past': uniquePhrases,
      'not-past': z.array(phrase).min(1),
      'instruction-openers': uniquePhrases,
      'second-person': uniquePhrases,
      'other-genre-headings': uniquePhrases,
    })
    .strict(),
  // Space-separated stems in the YAML; the generated module holds them front-coded (each word as
  // the length of the prefix it shares with the word before, 0-9, then the rest), less than half
  // the size for the bundle to parse, decoded at run time only when a sentence needs it.
  'common-words': z
    .object({
      source: z.string().min(1),
      words: z
        .string()
        .regex(/^[a-z]+(?: [a-z]+)*$/, 'lower-case words separated by single spaces')
        .transform((text) => {
          let coded = ''
          let previous = ''
          for (const word of [...new Set(text.split(' '))].sort()) {
            let shared = 0
            while (shared < 9 && shared < word.length - 1 && previous[shared] === word[shared]) shared++
            coded += shared + word.slice(shared)
            previous = word
          }
          return coded
        }),
    })
    .strict(),
  'system-names': z.object({ products: uniquePhrases, acronyms: uniquePhrases }).strict(),
  // Recurring causes in `postmortem-lint report` (src/report/recurring.ts).
  'failure-classes': z
    .object({
      classes: z
        .array(
          z
            .object({
              id: kebabId,
              label: z.string().min(1),
              note: z.string().min(1),
              escalate: z.string().min(1),
              phrases: uniquePhrases.optional(),
              together: z.array(z.array(uniquePhrases).min(2)).optional(),
            })
            .strict()
            .refine((entry) => entry.phrases !== undefined || entry.together !== undefined, 'a class needs phrases or together'),
        )
        .min(1)
        .superRefine((entries, ctx) => {
          const ids = new Set()
          for (const [index, entry] of entries.entries()) {
            if (ids.has(entry.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate id "${entry.id}"` })
            ids.add(entry.id)
          }
        }),
      'systems-ignored': uniquePhrases,
    })
    .strict(),
  'blame-actions': z
    .object({
      // A verb may sit in two classes ("drop" destroys data and is also an outcome), so phrases
      // are unique within an entry only.
      actions: z
        .array(
          vocabularyEntry.safeExtend({
            kind: z.enum(['destructive', 'disable', 'introduce', 'operate', 'leave', 'outcome', 'inaction', 'choice']),
            // A destructive step that is harm only when its object held data or served traffic.
            needsValue: z.boolean().optional(),
          }),
        )
        .superRefine((entries, ctx) => {
          const ids = new Set()
          for (const [index, entry] of entries.entries()) {
            if (ids.has(entry.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate id "${entry.id}"` })
            ids.add(entry.id)
          }
        }),
      words: z
        .object({
          harmful: uniquePhrases,
          junk: uniquePhrases,
          valuable: uniquePhrases,
          safeguards: uniquePhrases,
          stative: uniquePhrases,
          'system-heads': uniquePhrases,
          excuses: uniquePhrases,
          checks: uniquePhrases,
          'risky-targets': uniquePhrases,
        })
        .strict(),
      forms: vocabulary,
    })
    .strict(),
}
export { vocabulary, compiles, uniquePhrases, phrase }

/** Sensitive-data patterns: each must compile and match its own example. */
schemas['sensitive-patterns'] = z
  .object({
    patterns: z
      .array(
        z
          .object({
            id: kebabId,
            kind: z.enum(['private-key', 'credential', 'email', 'phone', 'internal-ip']),
            pattern: z.string().min(1),
            flags: z.enum(['u', 'iu']).default('u'),
            note: z.string().min(1),
            example: z.string().min(1),
          })
          .strict()
          .superRefine((entry, ctx) => {
            let regex
            try {
              regex = new RegExp(entry.pattern, entry.flags)
            } catch (error) {
              ctx.addIssue({ code: 'custom', path: ['pattern'], message: `pattern does not compile: ${error.message}` })
              return
            }
            if (!regex.test(entry.example)) ctx.addIssue({ code: 'custom', path: ['example'], message: 'example does not match the pattern' })
          }),
      )
      .superRefine((entries, ctx) => {
        const ids = new Set()
        for (const [index, entry] of entries.entries()) {
          if (ids.has(entry.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate id "${entry.id}"` })
          ids.add(entry.id)
        }
      }),
    roleMailboxes: uniquePhrases,
    safeDomains: uniquePhrases,
    listHosts: uniquePhrases,
    listHostLabels: uniquePhrases,
    fileExtensions: uniquePhrases,
  })
  .strict()
