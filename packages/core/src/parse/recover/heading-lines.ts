import genres from '../../data/document-genres.generated.js'
import type { SectionKind } from '../../model/types.js'
import { classifyHeading, isSynonymHeading, normaliseHeading } from '../heading-title.js'
import { isMetadataLabel } from '../metadata.js'
import { splitLeadingTimestamp } from '../time/index.js'

/**
 * A line of plain text that a reader takes for a heading: "Timeline", "**Root cause**",
 * "ISSUE SUMMARY", "What happened?", or a label that opens a section with its first sentence
 * ("Root Cause: A recent deploy ...", "**Impact:** 30% of users ...").
 */
export interface HeadingLine {
  kind: SectionKind | null
  /** The heading as a reader says it. */
  title: string
  /** Source offset where the heading's text starts (after indentation). */
  start: number
  /** Source offset where the label ends: after its closing emphasis and colon. */
  labelEnd: number
  /** Where the section's first sentence starts, for a label line; null for a heading alone. */
  restStart: number | null
}

export interface HeadingLineContext {
  /** The line is a paragraph of its own: a blank line (or nothing) above and below. */
  alone: boolean
}

const MAX_HEADING_WORDS = 10
const MAX_LABEL_WORDS = 6
// A heading ends without sentence punctuation; a question mark is fine ("What happened?").
const SENTENCE_END = /[.,;!]$/
const EMPHASIS = ['**', '__']
const LEADING_DECORATION = /^(?:[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u200d\ufe0f\u20e3]|:[a-z0-9_+-]{1,40}:|\s)+/u

/** Read one line of source (`[start, end)`, no line ending) as a heading, or null. */
export function readHeadingLine(source: string, start: number, end: number, context: HeadingLineContext): HeadingLine | null {
  let cursor = start
  while (cursor < end && (source[cursor] === ' ' || source[cursor] === '\t')) cursor++
  const lineStart = cursor
  const line = source.slice(lineStart, end).trimEnd()
  if (line === '' || !mayBeHeading(line)) return null
  const decoration = LEADING_DECORATION.exec(line)?.[0].length ?? 0
  const body = line.slice(decoration)
  const marker = EMPHASIS.find((candidate) => body.startsWith(candidate))
  if (marker) return readEmphasised(body, marker, lineStart + decoration, lineStart, context)
  return readPlain(body, lineStart + decoration, lineStart, context)
}

/**
 * A cheap first look, since every line of every paragraph is asked: a heading is short, or its
 * label ends early with a colon or a question mark, or it opens with emphasis.
 */
function mayBeHeading(line: string): boolean {
  if (line.length <= 90) return true
  const head = line.slice(0, 70)
  return head.includes(':') || head.includes('?') || line.startsWith('**') || line.startsWith('__')
}

/** "**Root cause**", "**Root cause:** text", "**Root cause**: text". */
function readEmphasised(body: string, marker: string, bodyStart: number, lineStart: number, context: HeadingLineContext): HeadingLine | null {
  const close = body.indexOf(marker, marker.length)
  if (close <= marker.length) return null
  let label = body.slice(marker.length, close).trim()
  let after = close + marker.length
  let colon = label.endsWith(':') || label.endsWith('?')
  if (!colon && body[after] === ':') {
    colon = true
    after++
  }
  label = label.replace(/:$/, '').trim()
  const rest = body.slice(after)
  const restTrimmed = rest.trim()
  if (restTrimmed === '') {
    // Bold alone on its line is a heading when it names a section (or is a question).
    const kind = headingKind(label, { strong: true, colon, alone: context.alone })
    if (kind === undefined) return null
    return { kind, title: label, start: lineStart, labelEnd: bodyStart + after, restStart: null }
  }
  if (!colon) return null
  const kind = labelKind(label, true)
  if (!kind) return null
  const leading = rest.length - rest.trimStart().length
  return { kind, title: label, start: lineStart, labelEnd: bodyStart + after, restStart: bodyStart + after + leading }
}

/** "Timeline", "Timeline:", "ISSUE SUMMARY", "What happened?", "Root Cause: text". */
function readPlain(body: string, bodyStart: number, lineStart: number, context: HeadingLineContext): HeadingLine | null {
  if (/^[-*+>#|`<[]|^\d+[.)]\s/.test(body)) return null
  // "10:05 UTC: alert fired" is an entry; only a line that opens with a digit can be one.
  if (/^[\d~(\[]/.test(body) && splitLeadingTimestamp(body)?.timestamp.time) return null
  const colonAt = body.indexOf(':')
  const whole = body.replace(/:$/, '').trim()
  if (colonAt < 0 || colonAt === body.length - 1) {
    const kind = headingKind(whole, { strong: false, colon: colonAt >= 0, alone: context.alone })
    if (kind === undefined) return null
    return { kind, title: whole, start: lineStart, labelEnd: bodyStart + body.length, restStart: null }
  }
  const label = body.slice(0, colonAt).trim()
  // "Root cause:text" is rare; "10:05" and "https://" are not labels.
  if (!/\s/.test(body[colonAt + 1] ?? '') || label === '') return null
  const kind = labelKind(label, false)
  if (!kind) return null
  let restStart = colonAt + 1
  while (/\s/.test(body[restStart] ?? '')) restStart++
  return { kind, title: label, start: lineStart, labelEnd: bodyStart + colonAt + 1, restStart: bodyStart + restStart }
}

interface Cues {
  strong: boolean
  colon: boolean
  alone: boolean
}

/**
 * The kind of a line that stands alone as a heading; `undefined` when it is not a heading, `null`
 * when it is one we cannot name (an upper-case or bold line alone: still a section boundary).
 */
function headingKind(text: string, cues: Cues): SectionKind | null | undefined {
  if (text === '' || SENTENCE_END.test(text)) return undefined
  const words = text.split(/\s+/)
  if (words.length > MAX_HEADING_WORDS || !/\p{L}/u.test(text)) return undefined
  const normalised = normaliseHeading(text)
  // "List the action items below:" tells the writer what to do; it names no section.
  if (!isSynonymHeading(normalised) && opensWithInstruction(normalised.key)) return undefined
  const kind = classifyHeading(normalised)
  const question = text.endsWith('?')
  const shouted = isUpperCase(text)
  // A plain line naming a section only by a keyword ("Minimal impact on users") is prose; the
  // cues a reader goes by are emphasis, a colon, a question, capitals, or title case alone.
  const cued = cues.strong || cues.colon || question || shouted || (cues.alone && isTitleCase(words))
  if (kind && (cued || isSynonymHeading(normalised))) return kind
  // Unnamed sections need two words at least: "TBD" or "**Note**" alone is not a heading.
  const named = words.filter((word) => /\p{L}{2}/u.test(word)).length >= 2 || (cues.strong && cues.colon && /\p{L}{3}/u.test(text))
  if (!kind && cues.alone && named && (shouted || (cues.strong && words.length <= 6 && !question)) && words.length <= 8) return null
  return undefined
}

/** The kind a label before a colon names; labels are shorter than headings. */
function labelKind(label: string, strong: boolean): SectionKind | null {
  // "Follow-up review: March 10" is a field of the document's metadata.
  if (isMetadataLabel(label)) return null
  const words = label.split(/\s+/)
  if (words.length > MAX_LABEL_WORDS || SENTENCE_END.test(label) || !/\p{L}/u.test(label)) return null
  const normalised = normaliseHeading(label)
  const kind = classifyHeading(normalised)
  if (!kind) return null
  if (strong || isSynonymHeading(normalised) || isTitleCase(words) || isUpperCase(label)) return kind
  return null
}

const instructionOpeners = genres['instruction-openers'].map((opener) => `${opener} `)

function opensWithInstruction(key: string): boolean {
  return key.split(' ').length >= 3 && instructionOpeners.some((opener) => key.startsWith(opener))
}

function isUpperCase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '')
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
}

const MINOR_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with', 'we', 'it', 'is', 'did', 'do', 'how', 'what', 'why'])

function isTitleCase(words: string[]): boolean {
  const significant = words.filter((word) => /\p{L}/u.test(word) && !MINOR_WORDS.has(word.toLowerCase()))
  return significant.length > 0 && significant.every((word) => /^[^\p{L}]*\p{Lu}/u.test(word))
}
