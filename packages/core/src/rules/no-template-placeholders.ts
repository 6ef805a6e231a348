import { z } from 'zod'
import { defineRule } from '../engine/define-rule.js'
import { quote } from '../engine/render-message.js'
import placeholderData from '../data/placeholders.generated.js'
import type { Nodes } from 'mdast'
import type { SectionKind, Span } from '../model/types.js'

const options = z
  .strictObject({
    /** Placeholder ids (e.g. "todo-marker") or literal texts (e.g. "TBD") never to flag. */
    allow: z.array(z.string().min(1)).default([]),
  })
  .default({ allow: [] })

/** How each placeholder kind reads in a message. */
const describe: Record<string, string> = {
  'date-format': 'a date or time format',
  'angle-bracket': 'an instruction in angle brackets',
  'square-bracket': 'a bracketed blank',
  'todo-marker': 'a to-do marker',
  'lorem-ipsum': 'filler text',
  'template-instruction': "a template's instruction",
  'placeholder-name': 'a sample name',
  'template-variable': "a template variable",
}

const patterns = placeholderData.placeholders.map((entry) => ({
  id: entry.id,
  note: describe[entry.id] ?? entry.note.replace(/\.$/, ''),
  // Unicode mode only where a pattern needs it (\p{...}): case-insensitive matching in unicode
  // mode is several times slower in V8, and these run over every sentence and cell.
  regex: new RegExp(entry.pattern, `g${entry.caseSensitive ? '' : 'i'}${entry.pattern.includes('\\p{') ? 'u' : ''}`),
}))

/** Sections whose imperative sentences are real work ("Add the alert ..."), not template text. */
const IMPERATIVE_KINDS: ReadonlySet<SectionKind> = new Set(['action-items', 'timeline', 'resolution'])

/** Inline HTML that is really a placeholder: `<fill in>` parses as a tag. */
const angle = patterns.find((entry) => entry.id === 'angle-bracket')

interface Match {
  id: string
  note: string
  text: string
  index: number
}

function findPlaceholders(text: string, allow: ReadonlySet<string>, sentences: boolean): Match[] {
  const matches: Match[] = []
  for (const { id, note, regex } of patterns) {
    if (allow.has(id)) continue
    if (id === 'template-instruction' && !sentences) continue
    regex.lastIndex = 0
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      if (match[0] === '') {
        regex.lastIndex++
        continue
      }
      const found = match[0].trim()
      if (allow.has(found.toLowerCase())) continue
      matches.push({ id, note, text: found, index: match.index + match[0].indexOf(found) })
    }
  }
  return matches
}

export default defineRule<z.output<typeof options>>({
  id: 'no-template-placeholders',
  meta: {
    description: 'Fill in or remove the template text before the postmortem is shared',
    category: 'follow-up',
    defaultSeverity: 'error',
    options,
    messages: {
      placeholder:
        '`{{text}}` is template text left in the document ({{note}}); readers cannot tell a gap from a fact. Replace it with the real {{what}}, or remove it.',
    },
  },
  check(doc, { options, report }) {
    const allow = new Set(options.allow.map((item) => item.toLowerCase()))
    const seen = new Set<number>()
    const emit = (match: Match, at: Span, what: string): void => {
      if (seen.has(at.start.offset)) return
      seen.add(at.start.offset)
      report({
        messageId: 'placeholder',
        data: { text: quote(match.text), note: match.note, what },
        at,
      })
    }
    // Fields: scan the source they were read from, so positions are exact.
    const scanField = (span: Span, what: string): void => {
      const text = doc.source.slice(span.start.offset, span.end.offset)
      for (const match of findPlaceholders(text, allow, false)) {
        const start = span.start.offset + match.index
        emit(match, { start: doc.pointAt(start), end: doc.pointAt(start + match.text.length) }, what)
      }
    }
    for (const field of doc.metadata.fields) scanField(field.span, 'value')
    for (const item of doc.actionItems) {
      if (item.owner) scanField(item.owner.span, 'owner')
      if (item.due) scanField(item.due.span, 'due date')
    }
    for (const entry of doc.timeline?.entries ?? []) {
      if (entry.timeText !== null && entry.timeSpan) scanField(entry.timeSpan, 'time')
    }
    // Inline HTML outside quotes and code: prose drops it, but "<fill in>" parses as a tag.
    const walk = (node: Nodes): void => {
      if (node.type === 'blockquote' || node.type === 'code') return
      if (node.type === 'html' && angle && !allow.has('angle-bracket')) {
        const offset = node.position?.start.offset
        angle.regex.lastIndex = 0
        const match = offset === undefined ? null : angle.regex.exec(node.value)
        if (match && offset !== undefined && !allow.has(match[0].toLowerCase())) {
          const start = offset + match.index
          emit({ id: angle.id, note: angle.note, text: match[0], index: 0 }, { start: doc.pointAt(start), end: doc.pointAt(start + match[0].length) }, 'text')
        }
      }
      if ('children' in node) for (const child of node.children) walk(child)
    }
    walk(doc.tree)
    for (const sentence of doc.prose) {
      const kind = sentence.section?.kind
      const instructions = sentence.context !== 'heading' && !(kind && IMPERATIVE_KINDS.has(kind))
      for (const match of findPlaceholders(sentence.text, allow, instructions)) {
        emit(match, { start: sentence.pointAt(match.index), end: sentence.pointAt(match.index + match.text.length) }, 'text')
      }
    }
  },
})
