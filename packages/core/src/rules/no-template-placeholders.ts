import { z } from 'zod'
import { defineRule } from '../engine/define-rule.js'
import { quote } from '../engine/render-message.js'
import placeholderData from '../data/placeholders.generated.js'
import type { Nodes } from 'mdast'
import type { Sentence, SectionKind, Span } from '../model/types.js'

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

const determiners: ReadonlySet<string> = new Set(placeholderData.mentions.determiners)
const mentionNouns: ReadonlySet<string> = new Set(placeholderData.mentions.nouns)
const templatingWords: ReadonlySet<string> = new Set(placeholderData.mentions.templating)
const stepWords: ReadonlySet<string> = new Set(placeholderData.instructionCues.step)
const documentWords: ReadonlySet<string> = new Set(placeholderData.instructionCues.document)
const questionWords: ReadonlySet<string> = new Set(placeholderData.instructionCues.questions)

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu
const OPENING_QUOTES = `"'“‘«`
const CLOSING_QUOTES = `"'”’»`

function words(text: string): string[] {
  return (text.match(WORD) ?? []).map((word) => word.toLowerCase())
}

const WORD_CHAR = /[\p{L}\p{N}'’-]/u

/** The word right before `index`, with only spaces between; null after punctuation or none. */
function wordBefore(text: string, index: number): string | null {
  let end = index
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--
  if (end === index) return null
  let start = end
  while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--
  return start < end ? text.slice(start, end).toLowerCase() : null
}

/** The word right after `index`, with only spaces between; null before punctuation or none. */
function wordAfter(text: string, index: number): string | null {
  let start = index
  while (start < text.length && (text[start] === ' ' || text[start] === '\t')) start++
  if (start === index) return null
  let end = start
  while (end < text.length && WORD_CHAR.test(text[end]!)) end++
  return start < end ? text.slice(start, end).toLowerCase() : null
}

/**
 * Whether a sentence talks about a placeholder rather than leaving one: it is quoted ("the page
 * said 'TODO'"), a marker is a noun ("the tool inserts a TODO when ..."), a noun names what it is
 * ("TODO comments", "the YYYY-MM-DD format"), or the words around a marker or template variable
 * are about templating ("fix substitution of {{ name }}").
 */
function isMention(match: Match, text: string): boolean {
  const end = match.index + match.text.length
  const open = OPENING_QUOTES.indexOf(text[match.index - 1] ?? '')
  if (open >= 0 && text[end] === CLOSING_QUOTES[open]) return true
  const after = wordAfter(text, end)
  if (after !== null && mentionNouns.has(after)) return true
  if (match.id !== 'todo-marker' && match.id !== 'template-variable') return false
  const before = wordBefore(text, match.index)
  if (match.id === 'todo-marker' && before !== null && determiners.has(before)) return true
  const near = [...words(text.slice(0, match.index)).slice(-3), ...words(text.slice(end)).slice(0, 3)]
  return near.some((word) => templatingWords.has(word))
}

/**
 * Whether an imperative sentence is a step of the work the document describes ("Add the following
 * code to `example.js`:") rather than a template's instruction to its author ("Describe the
 * impact here."): it shows a step cue and nothing that points at the document's own content.
 */
function isStep(sentence: Sentence, source: string): boolean {
  const found = words(sentence.text)
  if (found.some((word) => documentWords.has(word)) || questionWords.has(found[1] ?? '')) return false
  const written = source.slice(sentence.span.start.offset, sentence.span.end.offset)
  return (
    written.includes('`') ||
    /https?:\/\/|\bwww\./i.test(written) ||
    sentence.text.split(' ').some(isFileName) ||
    found.some((word) => stepWords.has(word)) ||
    (sentence.text.trimEnd().endsWith(':') && introducesBlock(source, sentence.span.end.offset))
  )
}

const FILE_NAME = /^[\w/-]*[\w-]{2}\.[A-Za-z]{1,5}$/

/** "retry.ts", "checkout/config.yml," (a word of collapsed prose, closing punctuation trimmed). */
function isFileName(word: string): boolean {
  let end = word.length
  while (end > 0 && '.,;:!?)'.includes(word[end - 1]!)) end--
  return FILE_NAME.test(word.slice(0, end))
}

/** Whether a code block, list or table follows `offset` (after the rest of its line and blank lines). */
function introducesBlock(source: string, offset: number): boolean {
  const lines = source.slice(offset, offset + 400).split(/\r\n|\r|\n/)
  // The rest of the sentence's own line, then the first line that is not blank.
  const next = lines.slice(1).find((line) => line.trim() !== '')
  if (next === undefined) return false
  return /^(?: {4}|\t)/.test(next) || /^ {0,3}(?:```|~~~|[-*+][ \t]|\d{1,9}[.)][ \t]|\|)/.test(next)
}

/**
 * Whether an angle-bracket match is an HTML tag: `<summary>` closed by `</summary>` later on,
 * or a tag with attributes (`<link rel="...">`). A placeholder is neither.
 */
function isMarkupTag(text: string, source: string, after: number): boolean {
  const tag = /^<([A-Za-z][\w-]*)([ \t][^<>]*)?\/?>$/.exec(text)
  if (!tag) return false
  const attributes = tag[2] ?? ''
  if (attributes.trim() !== '') return /^[ \t]+[\w:.-]+[ \t]*=[ \t]*["']/.test(attributes)
  return source.toLowerCase().includes(`</${tag[1]!.toLowerCase()}`, after)
}

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
      const offset = node.position?.start.offset
      if (node.type === 'html' && angle && !allow.has('angle-bracket') && offset !== undefined) {
        angle.regex.lastIndex = 0
        for (let match = angle.regex.exec(node.value); match; match = angle.regex.exec(node.value)) {
          const start = offset + match.index
          const end = start + match[0].length
          // `<summary>` in `<details>`, `<link href="...">`: markup, not a blank.
          if (allow.has(match[0].toLowerCase()) || isMarkupTag(match[0], doc.source, end)) continue
          emit({ id: angle.id, note: angle.note, text: match[0], index: 0 }, { start: doc.pointAt(start), end: doc.pointAt(end) }, 'text')
        }
      }
      if ('children' in node) for (const child of node.children) walk(child)
    }
    walk(doc.tree)
    for (const sentence of doc.prose) {
      const kind = sentence.section?.kind
      const instructions = sentence.context !== 'heading' && !(kind && IMPERATIVE_KINDS.has(kind))
      for (const match of findPlaceholders(sentence.text, allow, instructions)) {
        if (match.id === 'template-instruction' ? isStep(sentence, doc.source) : isMention(match, sentence.text)) continue
        const at = { start: sentence.pointAt(match.index), end: sentence.pointAt(match.index + match.text.length) }
        // A whole sentence is quoted as written: prose replaces its inline code with a stand-in word.
        const shown = match.id === 'template-instruction' ? { ...match, text: doc.source.slice(at.start.offset, at.end.offset) } : match
        emit(shown, at, 'text')
      }
    }
  },
})
