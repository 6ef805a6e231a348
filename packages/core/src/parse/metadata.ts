import type { RootContent, Table, Yaml } from 'mdast'
import { parse as parseYaml } from 'yaml'
import metadataKeys from '../data/metadata-keys.generated.js'
import type { Metadata, MetadataField, MetadataKey, MetadataSource, Section, Severity, Span } from '../model/types.js'
import { flattenInline } from './mapped-text.js'
import type { SourceMap } from './source-map.js'
import { parseCalendarDate, parseDurationMinutes } from './time/index.js'

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

// "**Date:** 2025-05-20", "Date: 2025-05-20", "- **Severity**: P2", "__Status:__ Resolved",
// "1. Date: ...", "## Date: ...". The lead (line start or separator, list or heading marker) is
// captured apart so that a field's span starts at its label. Labels are short; the length bound
// keeps a sentence with a colon from reading as a label.
const LABELLED_PAIR =
  /((?:^[ \t]{0,8}|[·|•;][ \t]*|<br\s*\/?>[ \t]*)(?:(?:[-*+]|\d{1,3}[.)])[ \t]+|#{1,6}[ \t]+)?)(\*\*|__)?([A-Za-z][A-Za-z /&'-]{0,40}?)\s*(?::\s*\2|\2\s*:)\s*((?:[^·|•<]|<(?!br\b))*)/gi

export interface MetadataInputs {
  frontMatter: Yaml | null
  /** Blocks before the first section, plus the blocks of a metadata-kind section. */
  blocks: RootContent[]
  title: { text: string; span: Span } | null
  source: string
  sourceMap: SourceMap
}

export function extractMetadata(inputs: MetadataInputs): Metadata {
  const fields: MetadataField[] = []
  const seen = new Set<MetadataKey>()
  const add = (key: MetadataKey, label: string, raw: string, span: Span, source: MetadataSource): void => {
    const value = raw.trim()
    if (value === '' || seen.has(key)) return
    seen.add(key)
    fields.push({ key, label, raw: value, span, source })
  }

  if (inputs.frontMatter) readFrontMatter(inputs.frontMatter, inputs, add)
  for (const block of inputs.blocks) {
    if (block.type === 'table') readTable(block, inputs.sourceMap, add)
    else if (block.type === 'paragraph' || block.type === 'list' || block.type === 'heading') {
      readLines(block, inputs.source, inputs.sourceMap, add)
    }
  }
  if (inputs.title) add('title', 'title', inputs.title.text, inputs.title.span, 'heading')
  return interpret(fields, inputs.title)
}

type Add = (key: MetadataKey, label: string, raw: string, span: Span, source: MetadataSource) => void

function readFrontMatter(node: Yaml, inputs: MetadataInputs, add: Add): void {
  let data: unknown
  try {
    data = parseYaml(node.value)
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
        : value === null || typeof value === 'object'
          ? ''
          : String(value)
    // Top-level keys only: an indented "date:" belongs to a nested mapping.
    const lineIndex = Math.max(0, lines.findIndex((candidate) => opensKey(candidate.text, label)))
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

/** Whether a front-matter line opens the top-level key `label` ("date:", "'date' :"). */
function opensKey(line: string, label: string): boolean {
  const body = line.replace(/^["']/, '')
  return body.startsWith(label) && /^["']?\s*:/.test(body.slice(label.length))
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
    LABELLED_PAIR.lastIndex = 0
    for (let match = LABELLED_PAIR.exec(content); match; match = LABELLED_PAIR.exec(content)) {
      const label = match[3] ?? ''
      const key = keyForLabel(label)
      if (!key) continue
      const rawValue = cleanInline(match[4] ?? '')
      const pairStart = lineStart + match.index + (match[1]?.length ?? 0)
      const pairEnd = lineStart + match.index + match[0].trimEnd().length
      const source: MetadataSource =
        block.type === 'list' ? 'list' : block.type === 'heading' ? 'heading' : match[2] ? 'bold-line' : 'line'
      add(key, label.trim(), rawValue, sourceMap.span(pairStart, pairEnd), source)
    }
    lineStart += line.length
  }
}

/** Strip inline Markdown from a raw value: emphasis, code ticks, links (keeping their text). */
function cleanInline(value: string): string {
  return value
    .replace(/<[^<>]{0,200}>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .replace(/(?<![\s·|])[\s·|]+$/, '')
    .trim()
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

function interpret(fields: MetadataField[], title: MetadataInputs['title']): Metadata {
  const metadata: Metadata = { fields }
  for (const field of fields) {
    switch (field.key) {
      case 'title':
        metadata.title = field
        break
      case 'date': {
        const value = parseCalendarDate(field.raw)
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
  for (const section of sections) if (section.kind === 'metadata' && section !== first) blocks.push(...section.nodes)
  return blocks
}
