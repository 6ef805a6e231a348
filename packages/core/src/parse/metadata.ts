import type { RootContent, Table, Yaml } from 'mdast'
import { parse as parseToml } from 'smol-toml'
import { parse as parseYaml } from 'yaml'
import metadataKeys from '../data/metadata-keys.generated.js'
import type { DateCandidate, DateChoice, Metadata, MetadataField, MetadataKey, MetadataSource, Section, Severity, Span } from '../model/types.js'
import { flattenInline } from './mapped-text.js'
import type { SourceMap } from './source-map.js'
import { dayNumber, findDates, parseCalendarDate, parseDurationMinutes } from './time/index.js'

/** "Follow-up review", "follow_up_review" and "**Follow up review**" are one label. */
function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/[*`]/g, '')
    .replace(/[\s_-]+/g, ' ')
    .trim()
}

const labelToKey = new Map<string, MetadataKey>()
for (const { key, labels } of metadataKeys.keys) for (const label of labels) labelToKey.set(normaliseLabel(label), key as MetadataKey)

function keyForLabel(label: string): MetadataKey | null {
  return labelToKey.get(normaliseLabel(label)) ?? null
}

/** Whether a label names a metadata field ("Follow-up review", "Severity"), not a section. */
export function isMetadataLabel(label: string): boolean {
  return keyForLabel(label) !== null
}

// "**Date:** 2025-05-20", "Date: 2025-05-20", "- **Severity**: P2", "__Status:__ Resolved",
// "1. Date: ...", "## Date: ...". A pair is read in steps (see labelledPairs): one pattern for the
// whole pair backtracks polynomially over the spaces that a label, the colon and the value share.
// The lead (line start or separator, list or heading marker) and an opening ** or __, before the
// label's first letter:
const PAIR_HEAD = /(?:^[ \t]{0,8}|[·|•;][ \t]*|<br\s*\/?>[ \t]*)(?:(?:[-*+]|\d{1,3}[.)])[ \t]+|#{1,6}[ \t]+)?(\*\*|__)?(?=[A-Za-z])/gi
// Labels are short; the length bound keeps a sentence with a colon from reading as a label.
const LABEL = /^[A-Za-z][A-Za-z /&'-]{0,40}$/
const LABEL_OR_SPACE = /[A-Za-z /&'-]|\s/
// A value runs to the next separator or <br>.
const VALUE_END = /[·|•]|<br\b/gi

/** TOML front matter (`+++`), as remark-frontmatter gives it; mdast types only YAML. */
export interface TomlFrontMatter {
  type: 'toml'
  value: string
  position?: Yaml['position']
}

export interface MetadataInputs {
  frontMatter: Yaml | TomlFrontMatter | null
  /** Blocks before the first section, plus the blocks of a metadata-kind section. */
  blocks: RootContent[]
  title: { text: string; span: Span } | null
  source: string
  sourceMap: SourceMap
}

export function extractMetadata(inputs: MetadataInputs): Metadata {
  const fields: MetadataField[] = []
  // Later date fields that can be read: a second date may contradict the first (a line pasted
  // from another document), and the first is not necessarily the right one.
  const laterDates: MetadataField[] = []
  const seen = new Set<MetadataKey>()
  const add = (key: MetadataKey, label: string, raw: string, span: Span, source: MetadataSource): void => {
    const value = raw.trim()
    if (value === '') return
    if (seen.has(key)) {
      if (key === 'date' && parseCalendarDate(value)) laterDates.push({ key, label, raw: value, span, source })
      return
    }
    seen.add(key)
    fields.push({ key, label, raw: value, span, source })
  }

  if (inputs.frontMatter) readFrontMatter(inputs.frontMatter, inputs, add)
  const readBlock = (block: RootContent): void => {
    if (block.type === 'table') readTable(block, inputs.sourceMap, add)
    else if (block.type === 'paragraph' || block.type === 'list' || block.type === 'heading') {
      readLines(block, inputs.source, inputs.sourceMap, add)
    } else if (block.type === 'blockquote') {
      // "> **Date:** 2024-03-05 · **Severity:** P2": a quoted header card.
      for (const child of block.children) readBlock(child)
    }
  }
  for (const block of inputs.blocks) readBlock(block)
  if (inputs.title) add('title', 'title', inputs.title.text, inputs.title.span, 'heading')
  const first = fields.find((field) => field.key === 'date')
  const candidates = [...(first ? [first] : []), ...laterDates]
    .map((field) => toCandidate(field))
    .filter((candidate): candidate is DateCandidate => candidate !== null)
    .sort((a, b) => a.span.start.offset - b.span.start.offset)
  // One readable date (possibly after an unreadable first one) is the date.
  if (candidates.length < 2) return interpret(fields, inputs.title, candidates[0])
  const { chosen, choice } = chooseIncidentDate(candidates, inputs.title?.text ?? null, inputs.source)
  const metadata = interpret(fields, inputs.title, chosen)
  metadata.dates = candidates
  metadata.dateChoice = choice
  return metadata
}

// Labels that name the incident itself; "Date", "When" and "Day" may be the document's own date.
const GENERIC_DATE_LABELS: ReadonlySet<string> = new Set(['date', 'when', 'day'])

function toCandidate(field: MetadataField): DateCandidate | null {
  const value = parseCalendarDate(field.raw)
  if (!value) return null
  const explicit = !GENERIC_DATE_LABELS.has(normaliseLabel(field.label))
  return { raw: field.raw, value, span: field.span, label: field.label, source: field.source, explicit }
}

// How clearly a source marks metadata: front matter, a table, a bold label or a list item beat a
// heading, which beats a plain "date: ..." line (the shape of text pasted from elsewhere).
const SOURCE_RANK: Record<MetadataSource, number> = { 'front-matter': 0, table: 0, 'bold-line': 0, list: 0, heading: 1, line: 2 }

/** Days around an incident date in which the document's other dates fall: the timeline, due dates, the review. */
const SUPPORT_WINDOW = { before: 2, after: 120 }

/**
 * The incident date among several stated ones: the one the document supports (the title's
 * date, then the most other full dates in the text, such as timeline days, due dates and the
 * follow-up review, that fall in the days after it); then an explicitly labelled incident date
 * ("Incident date", "Started") over a generic "Date", which may be the document's own; then the
 * clearer source (a bold label over a plain "date: ..." line); then the first.
 */
export function chooseIncidentDate(
  candidates: readonly DateCandidate[],
  title: string | null,
  source: string,
): { chosen: DateCandidate; choice: DateChoice } {
  const titleDate = title ? parseCalendarDate(title) : null
  const own = candidates.map((candidate) => [candidate.span.start.offset, candidate.span.end.offset] as const)
  const elsewhere = findDates(source)
    .filter((found) => found.hasYear && !own.some(([start, end]) => found.index < end && found.index + found.length > start))
    .map((found) => dayNumber(found.date))
  const support = (candidate: DateCandidate): number => {
    const day = dayNumber(candidate.value)
    const inTitle = titleDate !== null && dayNumber(titleDate) === day ? 1000 : 0
    return inTitle + elsewhere.filter((other) => other >= day - SUPPORT_WINDOW.before && other <= day + SUPPORT_WINDOW.after).length
  }
  const rank = (candidate: DateCandidate): number[] => [support(candidate), candidate.explicit ? 1 : 0, -SOURCE_RANK[candidate.source]]
  // A generic "Date" written in the weeks after an explicit incident date is the document's own.
  const pool = candidates.filter((candidate) => !candidates.some((other) => isWritingDate(candidate, other)))
  const choices: DateChoice[] = ['support', 'label', 'source']
  let best = pool[0] ?? candidates[0]!
  // What set the winner apart from the runner-up it beat last (or that could not beat it).
  let choice: DateChoice = pool.length < candidates.length ? 'label' : 'first'
  for (const candidate of pool.slice(1)) {
    const [a, b] = [rank(candidate), rank(best)]
    const differs = a.findIndex((value, index) => value !== b[index])
    if (differs < 0) continue
    if (a[differs]! > b[differs]!) best = candidate
    choice = choices[differs]!
  }
  if (choice === 'support' && titleDate !== null && dayNumber(titleDate) === dayNumber(best.value)) choice = 'title'
  return { chosen: best, choice }
}

/** Whether `date` is a generic "Date" within 90 days after the explicit incident date `incident`. */
function isWritingDate(date: DateCandidate, incident: DateCandidate): boolean {
  const after = dayNumber(date.value) - dayNumber(incident.value)
  return !date.explicit && incident.explicit && after > 0 && after <= 90
}

/**
 * Stated incident dates that contradict the chosen one: more than a day apart (an incident that
 * crossed midnight may be dated by either day). A generic "Date" up to 90 days after an explicit
 * incident date reads as the day the document was written, and is no contradiction.
 */
export function conflictingDates(metadata: Metadata): DateCandidate[] {
  const chosen = metadata.date
  if (!chosen || !metadata.dates) return []
  const chosenCandidate = metadata.dates.find((candidate) => candidate.span.start.offset === chosen.span.start.offset)
  if (!chosenCandidate) return []
  return metadata.dates.filter(
    (candidate) =>
      candidate !== chosenCandidate &&
      Math.abs(dayNumber(candidate.value) - dayNumber(chosen.value)) > 1 &&
      !isWritingDate(candidate, chosenCandidate) &&
      !isWritingDate(chosenCandidate, candidate),
  )
}

type Add = (key: MetadataKey, label: string, raw: string, span: Span, source: MetadataSource) => void

function readFrontMatter(node: Yaml | TomlFrontMatter, inputs: MetadataInputs, add: Add): void {
  let data: unknown
  const toml = node.type === 'toml'
  try {
    // The YAML and TOML parsers break lines at \n only (a lone \r is not a line break to them,
    // and the whole block reads as one line); micromark, and so the rest of the linter, also
    // break at \r.
    const value = node.value.replace(/\r\n?/g, '\n')
    data = toml ? parseToml(value) : parseYaml(value)
  } catch {
    // Broken front matter is reported by the metadata rule through the missing fields.
    return
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return
  const start = node.position?.start.offset ?? 0
  const end = node.position?.end.offset ?? start
  // Key lines are found in the source itself, so CRLF files and comments keep their offsets.
  const lines: { text: string; offset: number }[] = []
  const fence = /^[^\r\n]*(?:\r\n|\r|\n)/.exec(inputs.source.slice(start, end))
  for (const match of inputs.source.slice(start + (fence?.[0].length ?? 0), end).matchAll(/[^\r\n]*(?:\r\n|\r|\n|$)/g)) {
    if (match[0] === '') break
    lines.push({ text: match[0].replace(/(?<![\r\n])[\r\n]+$/, ''), offset: start + (fence?.[0].length ?? 0) + match.index })
  }
  for (const [label, value] of Object.entries(data as Record<string, unknown>)) {
    const key = keyForLabel(label)
    if (!key) continue
    const raw = Array.isArray(value)
      ? value.map(String).join(', ')
      : value instanceof Date
        ? value.toISOString().slice(0, 10)
        : isTomlDate(value)
          ? value.toISOString().slice(0, 10)
        : value === null || typeof value === 'object'
          ? ''
          : String(value)
    // Top-level keys only: an indented "date:" belongs to a nested mapping.
    const lineIndex = Math.max(0, lines.findIndex((candidate) => opensKey(candidate.text, label, toml ? '=' : ':')))
    const line = lines[lineIndex]
    const offset = line?.offset ?? start
    // A list or block value continues on indented lines ("authors:\n  - Ana"): the span covers them,
    // so a placeholder in the list is reported where it is.
    let last = line
    for (const next of lines.slice(lineIndex + 1)) {
      if (!/^\s+\S|^-\s/.test(next.text)) break
      last = next
    }
    const endOffset = last ? last.offset + last.text.trimEnd().length : offset
    add(key, label, raw, inputs.sourceMap.span(offset, endOffset), 'front-matter')
  }
}

/** Whether a front-matter line opens the top-level key `label` ("date:", "'date' :", "date ="). */
function opensKey(line: string, label: string, assign: ':' | '='): boolean {
  const body = line.replace(/^["']/, '')
  const after = body.slice(label.length).replace(/^["']/, '').trimStart()
  return body.startsWith(label) && after.startsWith(assign)
}

/** smol-toml's dates are Date subclasses with their own toISOString. */
function isTomlDate(value: unknown): value is { toISOString(): string } {
  return typeof value === 'object' && value !== null && typeof (value as { toISOString?: unknown }).toISOString === 'function'
}

function readTable(table: Table, sourceMap: SourceMap, add: Add): void {
  const rows = table.children
  const cellText = (rowIndex: number, cellIndex: number): string =>
    rows[rowIndex]?.children[cellIndex] ? flattenInline(rows[rowIndex]!.children[cellIndex]!, 'keep').text.trim() : ''
  const spanOfRow = (rowIndex: number): Span => {
    const row = rows[rowIndex]
    return sourceMap.span(row?.position?.start.offset ?? 0, row?.position?.end.offset ?? 0)
  }
  // Vertical: | Field | Value | rows, with the header row possibly holding the first pair.
  const vertical = rows.every((row) => row.children.length >= 2 && row.children.length <= 3)
  if (vertical) {
    rows.forEach((_, rowIndex) => {
      const key = keyForLabel(cellText(rowIndex, 0).replace(/:$/, ''))
      if (key) add(key, cellText(rowIndex, 0), cellText(rowIndex, 1), spanOfRow(rowIndex), 'table')
    })
  }
  // Horizontal: a header row of labels and one row of values.
  if (rows.length === 2) {
    rows[0]!.children.forEach((_, cellIndex) => {
      const key = keyForLabel(cellText(0, cellIndex).replace(/:$/, ''))
      if (key) add(key, cellText(0, cellIndex), cellText(1, cellIndex), spanOfRow(1), 'table')
    })
  }
}

function readLines(block: RootContent, source: string, sourceMap: SourceMap, add: Add): void {
  const start = block.position?.start.offset
  const end = block.position?.end.offset
  if (start === undefined || end === undefined) return
  let lineStart = start
  for (const line of source.slice(start, end).split(/(?<=\r\n|\r|\n)/)) {
    const content = line.replace(/\r?\n$|\r$/, '')
    for (const pair of labelledPairs(content)) {
      const key = keyForLabel(pair.label)
      if (!key) continue
      const rawValue = cleanInline(pair.value)
      // The span starts at the label (or its emphasis), not at the lead.
      const pairStart = lineStart + pair.fieldStart
      const pairEnd = lineStart + pair.start + pair.text.trimEnd().length
      const source: MetadataSource =
        block.type === 'list' ? 'list' : block.type === 'heading' ? 'heading' : pair.emphasis ? 'bold-line' : 'line'
      add(key, pair.label.trim(), rawValue, sourceMap.span(pairStart, pairEnd), source)
    }
    lineStart += line.length
  }
}

interface LabelledPair {
  /** Where the lead starts. */
  start: number
  /** Where the label or its opening emphasis starts. */
  fieldStart: number
  /** From the lead to the end of the value. */
  text: string
  emphasis: string
  label: string
  value: string
}

/**
 * The "label: value" pairs of one line. From each lead, the label runs over label characters and
 * spaces to the first other character, which must be the colon (with the closing emphasis on
 * either side of it when the label opened one); the spaces before it are not part of the label.
 * A lead whose label fails is passed, and the search goes on from the next character.
 */
function labelledPairs(line: string): LabelledPair[] {
  const pairs: LabelledPair[] = []
  PAIR_HEAD.lastIndex = 0
  for (let head = PAIR_HEAD.exec(line); head; head = PAIR_HEAD.exec(line)) {
    const pair = pairAfter(line, head)
    if (pair) pairs.push(pair)
    PAIR_HEAD.lastIndex = pair ? pair.start + pair.text.length : head.index + 1
  }
  return pairs
}

function pairAfter(line: string, head: RegExpExecArray): LabelledPair | null {
  const emphasis = head[1] ?? ''
  const labelStart = head.index + head[0].length
  let stop = labelStart
  while (stop < line.length && LABEL_OR_SPACE.test(line[stop]!)) stop++
  let labelEnd = stop
  while (/\s/.test(line[labelEnd - 1]!)) labelEnd--
  const label = line.slice(labelStart, labelEnd)
  if (!LABEL.test(label)) return null
  const valueStart = afterColon(line, stop, emphasis)
  if (valueStart === null) return null
  VALUE_END.lastIndex = valueStart
  const end = VALUE_END.exec(line)?.index ?? line.length
  const text = line.slice(head.index, end)
  return { start: head.index, fieldStart: labelStart - emphasis.length, text, emphasis, label, value: line.slice(valueStart, end) }
}

/** Past ":" and the closing emphasis (on either side of it) and the spaces around them, or null. */
function afterColon(line: string, at: number, emphasis: string): number | null {
  if (line[at] === ':') {
    const closing = skipSpaces(line, at + 1)
    return line.startsWith(emphasis, closing) ? skipSpaces(line, closing + emphasis.length) : null
  }
  if (emphasis === '' || !line.startsWith(emphasis, at)) return null
  const colon = skipSpaces(line, at + emphasis.length)
  return line[colon] === ':' ? skipSpaces(line, colon + 1) : null
}

function skipSpaces(text: string, index: number): number {
  let cursor = index
  while (cursor < text.length && /\s/.test(text[cursor]!)) cursor++
  return cursor
}

/** Strip inline Markdown from a raw value: emphasis, code ticks, links (keeping their text). */
function cleanInline(value: string): string {
  return linksAsText(value.replace(/<[^<>]{0,200}>/g, ' '))
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .replace(/(?<![\s·|])[\s·|]+$/, '')
    .trim()
}

/**
 * Links and images as their text, as /!?\[([^\]]*)\]\([^)]*\)/g replaced them; found with
 * indexOf, since that pattern scans to the end again from each "[" when no "](" or ")" follows.
 */
function linksAsText(text: string): string {
  let kept = ''
  let from = 0
  for (let open = text.indexOf('['); open >= 0; ) {
    const close = text.indexOf(']', open + 1)
    if (close < 0) break
    // Every "[" up to this "]" ends at it too, so none of them opens a link.
    if (text[close + 1] !== '(') {
      open = text.indexOf('[', close + 1)
      continue
    }
    const end = text.indexOf(')', close + 2)
    if (end < 0) break
    kept += text.slice(from, text[open - 1] === '!' && open > from ? open - 1 : open) + text.slice(open + 1, close)
    from = end + 1
    open = text.indexOf('[', from)
  }
  return kept + text.slice(from)
}

const SEVERITY_PATTERNS: { pattern: RegExp; level: (match: RegExpExecArray) => Severity['level'] }[] = [
  { pattern: /\b(?:p|sev(?:erity)?|s|priority)[\s-]?([0-4])\b/i, level: (m) => clampLevel(Number(m[1])) },
  { pattern: /^\s*([0-4])\b/, level: (m) => clampLevel(Number(m[1])) },
  { pattern: /\b(critical|blocker|highest)\b/i, level: () => 1 },
  { pattern: /\b(major|high|severe)\b/i, level: () => 2 },
  { pattern: /\b(minor|medium|moderate)\b/i, level: () => 3 },
  { pattern: /\b(low|trivial|lowest|near[\s-]?miss)\b/i, level: () => 4 },
]

/** SEV0 and SEV1 both mean "the worst we have": rules compare one 1-4 scale. */
function clampLevel(value: number): Severity['level'] {
  return Math.min(4, Math.max(1, value)) as Severity['level']
}

export function parseSeverity(raw: string, span: Span): Severity | null {
  for (const { pattern, level } of SEVERITY_PATTERNS) {
    const match = pattern.exec(raw)
    if (match) return { raw, level: level(match), span }
  }
  return null
}

function interpret(fields: MetadataField[], title: MetadataInputs['title'], chosenDate?: DateCandidate): Metadata {
  const metadata: Metadata = { fields }
  if (chosenDate) metadata.date = { raw: chosenDate.raw, value: chosenDate.value, span: chosenDate.span }
  for (const field of fields) {
    switch (field.key) {
      case 'title':
        metadata.title = field
        break
      case 'date': {
        const value = chosenDate ? null : parseCalendarDate(field.raw)
        if (value) metadata.date = { raw: field.raw, value, span: field.span }
        break
      }
      case 'severity': {
        const severity = parseSeverity(field.raw, field.span)
        if (severity) metadata.severity = severity
        break
      }
      case 'duration': {
        const duration = parseDurationMinutes(field.raw)
        if (duration) metadata.durationMinutes = { raw: field.raw, value: duration.minutes, span: field.span }
        break
      }
      case 'status':
        metadata.status = field
        break
      case 'authors':
        metadata.authors = field
        break
      case 'reviewers':
        metadata.reviewers = field
        break
      case 'followUp': {
        const date = metadata.date?.value
        const value = parseCalendarDate(field.raw, date ? { referenceYear: date.year } : undefined)
        metadata.followUp = { raw: field.raw, value, span: field.span }
        break
      }
      default:
        break
    }
  }
  // Many teams put the date only in the title: "# 2018-01-18, reddit hugs mybinder".
  if (!metadata.date && title) {
    const value = parseCalendarDate(title.text)
    if (value) metadata.date = { raw: title.text, value, span: title.span }
  }
  return metadata
}

/** The blocks metadata may come from: the preamble and a section that is itself metadata. */
export function metadataBlocks(preamble: RootContent[], sections: Section[], allSections: Section[] = sections): RootContent[] {
  const blocks = [...preamble]
  // Some reports put metadata in headings: "## Date: February 06, 2023".
  for (const section of allSections) if (section.heading.includes(':')) blocks.push(section.headingNode)
  const first = sections[0]
  if (first?.kind === 'metadata') blocks.push(...first.nodes)
  // "Issue Summary: / Duration: ... / Impact: ...": header fields written at the top of the summary.
  const summary = allSections.find((section) => section.kind === 'summary')
  if (summary) blocks.push(...summary.nodes.filter((node) => node.type === 'paragraph' || node.type === 'list'))
  for (const section of sections) if (section.kind === 'metadata' && section !== first) blocks.push(...section.nodes)
  return blocks
}
