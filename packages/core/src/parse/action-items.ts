import type { Link, List, ListItem, Nodes, Paragraph, RootContent, Table } from 'mdast'
import actionFields from '../data/action-fields.generated.js'
import type { ActionItem, CalendarDate, FieldValue, Section, Span } from '../model/types.js'
import { flattenInline, type MappedText } from './mapped-text.js'
import type { SourceMap } from './source-map.js'
import { splitSentences } from '../nlp/sentences.js'
import { continuesLine } from './recover/lines.js'
import { findDates } from './time/index.js'

// "We will add ...", "We'll", "We plan to", "We are going to", "Going forward, the team will".
const COMMITMENT = /^(?:(?:going forward|moving forward|in future|in the future|next|from now on),?\s+)?(?:we|the team|our team|i)\s+(?:will|shall|'ll|plan to|are going to|am going to|intend to|are planning to|commit to)\b|^we'll\b/i

// "We will revisit the thresholds on 2025-03-20": a review the team commits to, not a deliverable.
const COMMITTED_REVIEW = /^(?:we|the team)\s+(?:will|shall|plan to|are going to)\s+(?:revisit|review|meet again|check (?:on )?progress|follow up)\b|^we'll\s+(?:revisit|review|meet again|follow up)\b/i

/** Whether a sentence schedules a review of the work rather than promising a piece of it. */
export function isCommittedReview(text: string): boolean {
  return COMMITTED_REVIEW.test(text.trim())
}

// How a sentence that describes rather than commits begins.
const NARRATION =
  /^(?:the|a|an|this|that|these|those|it|its|it's|we|we're|we've|our|i|i'm|i've|my|they|their|there|he|she|his|her|in|on|at|as|if|when|while|after|before|once|since|because|overall|finally|thanks|thank|however|unfortunately|luckily|so|but|and|also|note)\b/i

// A recommendation or commitment: "X should ...", "we need to ...", "it would be useful to ...".
const MODAL = /\b(?:will|shall|should|must|need(?:s|ed)? to|would|'ll|plans? to|going to|intends? to|ought to)\b/i

// A statement of what caused what: "The OOM killer caused locale-gen to fail".
const CAUSED = /\b(?:caused|causing|led to|resulted in|triggered|was the cause|were the cause|meant that)\b/i

/**
 * A list item that narrates a cause ("The lack of a valid locale caused PostgreSQL to fail") is
 * the chain of events a "Moving forward" section retells, not an action: it opens like narration,
 * commits to nothing and says what caused what.
 */
function narratesCause(text: string): boolean {
  return NARRATION.test(text) && CAUSED.test(text) && !MODAL.test(text) && !COMMITMENT.test(text)
}

/**
 * Outside a list, an action reads as one: "Add ...", "Rotate ...", "We will ...", "The alert
 * should page the DBA". A sentence about something ("The vendor ships the fix", "We meet again
 * on ...") is not one.
 */
function isActionSentence(text: string): boolean {
  return COMMITMENT.test(text) || HEDGED_COMMITMENT.test(text) || MODAL.test(text) || !NARRATION.test(text)
}

// "In the future, I might redeploy Prometheus": an action, if a hedged one (action-specificity
// says so); "we might have missed it" is narration.
const HEDGED_COMMITMENT = /^(?:(?:going forward|moving forward|in future|in the future|next|from now on),?\s+)?(?:we|the team|our team|i)\s+(?:might|may|could)\s+(?!have\b|be\b|not\b|never\b)\p{L}/iu

// Who an item is signed with: "— Halima Yusuf", "- Dmitri", "(Sione", "– me", "— the SRE team".
const SELF_OWNER = /^(?:me|myself|i|us|we)$/i
const NAMED_OWNER = /^(?:the\s)?\p{Lu}[\p{L}'’.-]{0,30}(?:\s\p{Lu}[\p{L}'’.-]{0,30}){0,2}(?:\s(?:team|squad|group|on-call|oncall|crew))?$/u
const NOT_AN_OWNER = /^(?:tbd|tba|n\/a|none|todo|done|wip|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|q[1-4])$/i

/**
 * An owner written after the deliverable with a dash or an opening parenthesis and no label:
 * "Add a disk alert — Halima Yusuf", "Re-pair the readers (Sione, by Friday)", "Get a UPS – me".
 * The name must be a name or a team: capitalised words, not an acronym, a date or a blank.
 */
function trailingOwner(text: string): { raw: string; index: number; separator: number } | null {
  let end = text.length
  while (end > 0 && /[\s,;:)]/.test(text[end - 1]!)) end--
  const trimmed = text.slice(0, end)
  const candidates = [trimmed.lastIndexOf(' — '), trimmed.lastIndexOf(' – '), trimmed.lastIndexOf(' - '), trimmed.lastIndexOf(' (')]
  const separator = Math.max(...candidates)
  if (separator < 0) return null
  const before = trimmed.slice(0, separator)
  if (before.trim().split(/\s+/).length < 3) return null
  let index = separator + 1
  while (index < trimmed.length && /[\s—–(-]/.test(trimmed[index]!)) index++
  const raw = trimmed.slice(index).trim()
  if (raw === '' || raw.length > 60 || NOT_AN_OWNER.test(raw)) return null
  if (SELF_OWNER.test(raw)) return { raw, index, separator }
  if (!NAMED_OWNER.test(raw)) return null
  // "(CI)", "- DNS": an acronym is a system, unless it is a team ("SRE team").
  if (/^(?:the\s)?[\p{Lu}\d]{2,5}$/u.test(raw)) return null
  return { raw, index, separator }
}

/** The lines of a paragraph that stand alone: each a line of its own, none wrapping the one before. */
function separateLines(mapped: MappedText): MappedText[] {
  const text = mapped.text
  const lines: [number, number][] = []
  for (const match of text.matchAll(/[^\r\n]+/g)) {
    const start = match.index
    const end = start + match[0].length
    const previous = lines[lines.length - 1]
    if (previous && continuesLine(text.slice(previous[0], previous[1]), match[0])) previous[1] = end
    else lines.push([start, end])
  }
  const meaningful = lines.filter(([start, end]) => text.slice(start, end).trim() !== '')
  return meaningful.length > 1 ? meaningful.map(([start, end]) => mapped.slice(start, end)) : []
}

type FieldName = (typeof actionFields.fields)[number]['field']
type ItemFields = Omit<ActionItem, 'text' | 'span' | 'textSpan' | 'group' | 'source' | 'done'>

const headerToField = new Map<string, FieldName>()
for (const { field, labels } of actionFields.fields) for (const label of labels) headerToField.set(label, field)

function fieldForHeader(header: string): FieldName | null {
  // "Owner(s)", "Due (UTC)": a parenthesised suffix does not change the column.
  const key = header
    .replace(/(?<!\s)\s*\([^()]{0,20}\)/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N} /-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return headerToField.get(key) ?? null
}

const labelAlternation = [...headerToField.keys()]
  .filter((label) => headerToField.get(label) !== 'text' && label.length > 1)
  .sort((a, b) => b.length - a.length)
  .map((label) => label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
  .join('|')
// "Owner: @alice", "**Due:** 2025-03-01", "Ticket - WEB-12". Labels come from data/action-fields.yml.
const LABELLED_FIELD = new RegExp(`(?:^|[\\s(,;|·—–-])(${labelAlternation})\\s*:\\s*`, 'gi')
const HANDLE = /(?<![\w.@/])@[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?(?:\/[A-Za-z0-9_.-]+)?/g
// "WEB-12", "#12".
const TICKET_KEY = /\b[A-Z][A-Z0-9]{1,9}-\d{1,7}\b|(?<![\w&])#\d{1,7}\b/g
// A key, or a URL to the end of its word; the URL is a ticket only if isTrackerUrl says so.
const TICKET_CANDIDATE = new RegExp(`${TICKET_KEY.source}|https?:\\/\\/\\S+`, 'g')
const TRACKER_PATH = /\/(?:issues|pull|browse|tickets?|projects?|-\/issues)/
const PRIORITY = /(?:^|[\s(,;[])(P[0-4])(?=$|[\s),;\]])/g
const DUE_WORD = /\b(?:due(?:\s+(?:by|on|date))?|by|before|eta|deadline)(?:\s*:)?(?<!\s)\s*$/i
const SEPARATORS = /(?<![\s—–\-:;,|·(])[\s—–\-:;,|·(]+$/
// Where a labelled value ends: a separator, a sentence end, or a comma before the next field
// ("Owner: @dan, due 2025-04-02", "owner: Platform team, due: March 3").
const VALUE_END = /[;|·\n]|\.\s|\s[—–]\s|,\s(?=[A-Za-z ]{1,30}:|(?:[Dd]ue|[Bb]y|ETA|[Dd]eadline)\b|[A-Z][A-Z0-9]{1,9}-\d|#\d|P[0-4]\b|@)/

interface InlineFields {
  fields: ItemFields
  /** The deliverable, whitespace collapsed. */
  text: string
  /** Where the deliverable sits in the flattened text, when it is one stretch of it. */
  range: [number, number] | null
}

export interface ActionItemInputs {
  section: Section
  sourceMap: SourceMap
  incidentDate: CalendarDate | null
}

/** Extract action items from the action-items section: tables, task lists or plain lists. */
export function extractActionItems(inputs: ActionItemInputs): ActionItem[] {
  const items: ActionItem[] = []
  const reader = new ActionReader(inputs, items)
  reader.section(inputs.section, null)
  for (const item of items) item.done ||= saysDone(item, inputs.sourceMap.source)
  return items
}

// "Done", "Completed", "Closed", "Fixed", "Shipped", "Merged", "Resolved", ✅ / ✔ / ☑.
const DONE_STATUS = /^(?:[✅✔☑✓]\uFE0F?|(?:done|complete|completed|closed|fixed|shipped|merged|resolved|finished|implemented)\b)/iu
// "(done 2025-01-12)", "— done", "✅" at the end of the deliverable.
const DONE_NOTE = /\((?:done|completed|fixed|shipped|merged)\b[^)]{0,40}\)|[—–-]\s*(?:done|completed)\s*[.!]?$|[✅✔☑]\uFE0F?\s*$/iu

function saysDone(item: ActionItem, source: string): boolean {
  if (item.status && DONE_STATUS.test(item.status.raw.trim())) return true
  // The note is read from the item as written: "(done 2025-01-12)" may have been read as a date.
  return DONE_NOTE.test(source.slice(item.span.start.offset, item.span.end.offset).trimEnd())
}

/** Whether a paragraph's or a cell's text is all struck through (`~~Add the alert~~`). */
function struckThrough(node: Nodes): boolean {
  if (!('children' in node)) return false
  const visible = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  return visible.length > 0 && visible.every((child) => child.type === 'delete')
}

class ActionReader {
  private readonly sourceMap: SourceMap
  private readonly referenceYear: number | undefined

  constructor(
    inputs: ActionItemInputs,
    private readonly items: ActionItem[],
  ) {
    this.sourceMap = inputs.sourceMap
    this.referenceYear = inputs.incidentDate?.year
  }

  section(section: Section, group: string | null): void {
    const before = this.items.length
    for (const node of section.nodes) this.block(node, group)
    // No list or table: some teams write one action per paragraph.
    if (this.items.length === before) for (const node of section.nodes) if (node.type === 'paragraph') this.paragraph(node, group)
    for (const sub of section.subsections) this.section(sub, sub.title || group)
  }

  /**
   * A paragraph is one action, or one per line when its lines stand alone (a list written
   * without bullets), or one per committing sentence ("We will add ... We will also ...") in
   * prose. A long paragraph that commits to nothing is commentary, not an action.
   */
  private paragraph(node: Paragraph, group: string | null): void {
    const mapped = flattenInline(node, 'keep', { lineBreaks: true })
    const lines = separateLines(mapped)
    if (lines.length > 1) {
      for (const line of lines) if (isActionSentence(line.text.trim())) this.paragraphItem(line, group)
      return
    }
    const flat = mapped.collapseWhitespace()
    const sentences = splitSentences(flat.text).map(([start, end]) => flat.slice(start, end))
    if (!sentences.some((sentence) => isActionSentence(sentence.text.trim()))) return
    const commitments = sentences.filter((sentence) => COMMITMENT.test(sentence.text.trim()))
    if (commitments.length >= 2) {
      for (const sentence of commitments) this.paragraphItem(sentence, group)
      return
    }
    this.paragraphItem(flat, group)
  }

  private paragraphItem(mapped: MappedText, group: string | null): void {
    const text = mapped.text.replace(/\s+/g, ' ').trim()
    // A lead-in such as "We will do the following:" is not an action, nor is a review date.
    if (text.split(' ').length < 3 || /:$/.test(text) || isCommittedReview(text)) return
    const inline = this.inlineFields(mapped)
    const leading = mapped.text.length - mapped.text.trimStart().length
    const textSpan = this.sourceMap.span(mapped.sourceOffsetAt(leading), mapped.sourceEndAt(mapped.text.trimEnd().length))
    this.items.push({
      ...inline.fields,
      text: inline.text.trim() || text,
      span: textSpan,
      textSpan,
      group,
      source: 'paragraph',
      done: false,
    })
  }

  private block(node: RootContent, group: string | null): void {
    if (node.type === 'table') this.table(node, group)
    else if (node.type === 'list') this.list(node, group)
  }

  private table(table: Table, group: string | null): void {
    const [header, ...rows] = table.children
    if (!header) return
    const fields = header.children.map((cell) => fieldForHeader(flattenInline(cell, 'keep').text))
    let textColumn = fields.indexOf('text')
    if (textColumn < 0) {
      // No "Action" header: take the unlabelled column with the longest text.
      const lengths = header.children.map((_, column) =>
        fields[column] ? -1 : rows.reduce((sum, row) => sum + (row.children[column] ? flattenInline(row.children[column]!, 'keep').text.length : 0), 0),
      )
      textColumn = lengths.indexOf(Math.max(...lengths))
      if (textColumn < 0 || (lengths[textColumn] ?? -1) <= 0) return
    }
    for (const row of rows) {
      const textCell = row.children[textColumn]
      if (!textCell) continue
      const mapped = flattenInline(textCell, 'keep')
      const text = mapped.text.trim()
      if (text === '' || /^[-—–]+$/.test(text)) continue
      const found = emptyFields()
      row.children.forEach((cell, column) => {
        const field = fields[column]
        if (!field || field === 'text' || column === textColumn) return
        const cellText = flattenInline(cell, 'keep')
        const raw = cellText.text.trim()
        if (raw === '' || /^[-—–]$/.test(raw)) return
        const leading = cellText.text.length - cellText.text.trimStart().length
        const value: FieldValue = { raw, span: this.sourceMap.span(cellText.sourceOffsetAt(leading), cellText.sourceEndAt(leading + raw.length)) }
        this.assign(found, field, value)
      })
      // Inline fields inside the action cell count too ("Add alert — @alice").
      const inline = this.linkTicket(this.inlineFields(mapped), textCell, mapped)
      mergeMissing(found, inline.fields)
      this.items.push({
        ...found,
        ...this.deliverable(inline, mapped),
        span: this.sourceMap.nodeSpan(row),
        group,
        source: 'table',
        done: struckThrough(textCell),
      })
    }
  }

  private list(list: List, group: string | null): void {
    for (const item of list.children) this.listItem(item, group)
  }

  private listItem(item: ListItem, group: string | null): void {
    const [first, ...rest] = item.children
    if (!first || first.type !== 'paragraph') {
      for (const node of item.children) if (node.type === 'list') this.list(node, group)
      return
    }
    const mapped = flattenInline(first, 'keep')
    const nestedLists = rest.filter((node): node is List => node.type === 'list')
    const firstText = mapped.text.trim()
    // "- **Prevention**" with the actions nested below: a group label, not an action.
    if (nestedLists.length > 0 && firstText.split(/\s+/).length <= 3 && !/[.:]\s*\S/.test(firstText) && !HANDLE.test(firstText)) {
      HANDLE.lastIndex = 0
      for (const nested of nestedLists) this.list(nested, firstText.replace(/:$/, ''))
      return
    }
    HANDLE.lastIndex = 0
    if (narratesCause(firstText)) return
    const inline = this.linkTicket(this.inlineFields(mapped), first, mapped)
    const found = inline.fields
    // Fields written on their own lines below the item: "Owner: ... Due: ... Ticket: ...".
    for (const node of rest) {
      if (node.type === 'paragraph') {
        mergeMissing(found, this.linkTicket(this.inlineFields(flattenInline(node, 'keep'), true), node).fields)
      }
      if (node.type === 'list') {
        for (const child of node.children) {
          const childFields = this.inlineFields(flattenInline(child, 'keep'), true)
          if (Object.values(childFields.fields).some(Boolean) && childFields.text.trim().length < 3) mergeMissing(found, childFields.fields)
          else if (Object.values(childFields.fields).some(Boolean) && /^\s*\w[\w ]*:/.test(flattenInline(child, 'keep').text)) mergeMissing(found, childFields.fields)
        }
      }
    }
    this.items.push({
      ...found,
      ...this.deliverable(inline, mapped),
      span: this.sourceMap.nodeSpan(item),
      group,
      source: item.checked === null || item.checked === undefined ? 'list' : 'task-list',
      done: item.checked === true || struckThrough(first),
    })
  }

  /**
   * Find labelled and unlabelled fields in an item's text. The deliverable is the text before the
   * first field, with separators trimmed ("Add alert — @alice, due 2025-03-01, WEB-1").
   */
  inlineFields(mapped: MappedText, fieldsOnly = false): InlineFields {
    const text = mapped.text
    const fields = emptyFields()
    let firstFieldAt = text.length
    const claimed: [number, number][] = []
    const span = (start: number, end: number): Span => this.sourceMap.span(mapped.sourceOffsetAt(start), mapped.sourceEndAt(end))
    const claim = (start: number, end: number): void => {
      claimed.push([start, end])
    }
    const isClaimed = (index: number): boolean => claimed.some(([start, end]) => index >= start && index < end)

    LABELLED_FIELD.lastIndex = 0
    const labelled = [...text.matchAll(LABELLED_FIELD)]
    labelled.forEach((match, index) => {
      const label = (match[1] ?? '').toLowerCase().replace(/\s+/g, ' ')
      const field = headerToField.get(label)
      if (!field || field === 'text') return
      const labelStart = (match.index ?? 0) + match[0].indexOf(match[1] ?? '')
      const valueStart = (match.index ?? 0) + match[0].length
      const next = labelled[index + 1]
      let valueEnd = next ? (next.index ?? text.length) : text.length
      const stop = VALUE_END.exec(text.slice(valueStart, valueEnd))
      if (stop) valueEnd = valueStart + stop.index
      let raw = text.slice(valueStart, valueEnd).trim().replace(/(?<![.,;])[.,;]+$/, '')
      // "(owner: Platform team, due: March 3)": the closing parenthesis is not part of the value.
      if (raw.endsWith(')') && !raw.includes('(')) raw = raw.replace(/(?<![\s)])[\s)]+$/, '')
      if (raw === '') return
      this.assign(fields, field, { raw, span: span(valueStart, valueStart + raw.length) })
      claim(labelStart, valueEnd)
      firstFieldAt = Math.min(firstFieldAt, labelStart)
    })

    for (const match of text.matchAll(HANDLE)) {
      const index = match.index ?? 0
      if (isClaimed(index)) continue
      if (!fields.owner) fields.owner = { raw: match[0], span: span(index, index + match[0].length) }
      if (index > 0 && SEPARATORS.test(text.slice(0, index))) firstFieldAt = Math.min(firstFieldAt, index)
      claim(index, index + match[0].length)
    }
    for (const { index, raw } of tickets(text)) {
      if (isClaimed(index)) continue
      if (!fields.ticket) fields.ticket = { raw, span: span(index, index + raw.length) }
      if (text.slice(index + raw.length).trim().length < 40) firstFieldAt = Math.min(firstFieldAt, index)
      claim(index, index + raw.length)
    }
    for (const match of findDates(text, this.referenceYear === undefined ? {} : { referenceYear: this.referenceYear })) {
      if (isClaimed(match.index) || fields.due) continue
      const before = text.slice(0, match.index)
      const dueWord = DUE_WORD.exec(before)
      // A bare date counts as the due date only in the fields part at the end of the item.
      if (!dueWord && text.slice(match.index + match.length).trim().length > 30) continue
      const start = dueWord ? match.index - dueWord[0].length : match.index
      fields.due = { raw: text.slice(match.index, match.index + match.length), span: span(match.index, match.index + match.length), date: match.date }
      claim(start, match.index + match.length)
      firstFieldAt = Math.min(firstFieldAt, start)
    }
    for (const match of text.matchAll(PRIORITY)) {
      const index = (match.index ?? 0) + match[0].indexOf(match[1] ?? '')
      if (isClaimed(index) || fields.priority) continue
      fields.priority = { raw: match[1] ?? '', span: span(index, index + (match[1] ?? '').length) }
      if (text.slice(index).trim().length < 40 || index < 6) {
        claim(index, index + 2)
        firstFieldAt = Math.min(firstFieldAt, index)
      }
    }

    if (!fields.owner) {
      const attribution = trailingOwner(text.slice(0, firstFieldAt))
      if (attribution) {
        fields.owner = { raw: attribution.raw, span: span(attribution.index, attribution.index + attribution.raw.length) }
        claim(attribution.index, attribution.index + attribution.raw.length)
        firstFieldAt = Math.min(firstFieldAt, attribution.separator)
      }
    }

    if (fieldsOnly) return { fields, text: '', range: null }
    const prefix = text.slice(0, firstFieldAt).replace(SEPARATORS, '')
    const start = prefix.length - prefix.replace(/^[\s\-—–:]+/, '').length
    const end = prefix.replace(/(?<![\s(])[\s(]+$/, '').length
    if (end - start >= 3) return { fields, text: text.slice(start, end).replace(/\s+/g, ' '), range: [start, end] }
    // Fields first ("P1 @dave: roll back the config"): the deliverable is what no field claimed.
    const rest = removeRanges(text, claimed).replace(SEPARATORS, '')
    return { fields, text: rest.replace(/^[\s\-—–:]+/, '').replace(/\s+/g, ' ').replace(/(?<![\s(])[\s(]+$/, ''), range: null }
  }

  /** The deliverable and its span: the stretch of text before the fields, else the whole text. */
  private deliverable(inline: InlineFields, mapped: MappedText): { text: string; textSpan: Span } {
    const whole = mapped.text.trim()
    const leading = mapped.text.length - mapped.text.trimStart().length
    const [start, end] = inline.range ?? [leading, leading + whole.length]
    return {
      text: inline.text.trim() || whole.replace(/\s+/g, ' '),
      textSpan: this.sourceMap.span(mapped.sourceOffsetAt(start), mapped.sourceEndAt(end)),
    }
  }

  /**
   * "... more gracefully. [Issue](https://github.com/o/r/issues/131)": a link to a tracker is the
   * ticket even when its text names none, and its text is not part of the deliverable.
   */
  private linkTicket(inline: InlineFields, node: Nodes, mapped?: MappedText): InlineFields {
    if (inline.fields.ticket) return inline
    const link = trackerLinks(node)[0]
    if (!link) return inline
    // The span is the URL inside the link, so it covers exactly the raw value.
    const linkSpan = this.sourceMap.nodeSpan(link)
    const urlAt = this.sourceMap.source.slice(linkSpan.start.offset, linkSpan.end.offset).indexOf(link.url)
    const span = urlAt < 0 ? linkSpan : this.sourceMap.span(linkSpan.start.offset + urlAt, linkSpan.start.offset + urlAt + link.url.length)
    inline.fields.ticket = { raw: link.url, span }
    const label = flattenInline(link, 'keep').text.trim()
    if (!label || !inline.text.endsWith(label)) return inline
    const text = inline.text.slice(0, -label.length).replace(SEPARATORS, '')
    if (!inline.range || !mapped) return { ...inline, text }
    const [start, end] = inline.range
    const kept = mapped.text.slice(start, end)
    const keptEnd = kept.endsWith(label) ? start + kept.slice(0, -label.length).replace(SEPARATORS, '').length : end
    return { ...inline, text, range: [start, keptEnd] }
  }

  private assign(fields: ItemFields, field: FieldName, value: FieldValue): void {
    switch (field) {
      case 'owner':
        fields.owner ??= value
        break
      case 'due': {
        const date = findDates(value.raw, this.referenceYear === undefined ? {} : { referenceYear: this.referenceYear })[0]?.date ?? null
        fields.due ??= { ...value, date }
        break
      }
      case 'priority':
        fields.priority ??= value
        break
      case 'category':
        fields.category ??= value
        break
      case 'ticket':
        fields.ticket ??= value
        break
      case 'status':
        fields.status ??= value
        break
      default:
        break
    }
  }

}

/**
 * Ticket keys and tracker URLs ("https://github.com/org/repo/issues/12", to the end of the word),
 * left to right. A tracker URL needs a tracker path after at least one character of host: one
 * pattern saying so ("\S+?" before the path) scans the rest of the word again from every "http"
 * in it. Here a URL word is checked once; when it fails, no later "http" in it can pass, but a
 * key inside it still counts.
 */
function tickets(text: string): { index: number; raw: string }[] {
  const found: { index: number; raw: string }[] = []
  TICKET_CANDIDATE.lastIndex = 0
  for (let match = TICKET_CANDIDATE.exec(text); match; match = TICKET_CANDIDATE.exec(text)) {
    const raw = match[0]
    if (!raw.startsWith('http') || isTrackerUrl(raw)) {
      found.push({ index: match.index, raw })
      continue
    }
    // The word is scanned on its own: what lies past its end is a space or nothing, the same
    // for the key pattern's \b, and no key can start at its "h".
    for (const key of raw.matchAll(TICKET_KEY)) found.push({ index: match.index + key.index, raw: key[0] })
  }
  return found
}

/** "http(s)://", at least one character, then a tracker path. */
function isTrackerUrl(word: string): boolean {
  const scheme = /^https?:\/\//.exec(word)
  return scheme !== null && TRACKER_PATH.test(word.slice(scheme[0].length + 1))
}

const TICKET_KEY_AT_START = new RegExp(`^(?:${TICKET_KEY.source})`)

function trackerLinks(node: Nodes): Link[] {
  if (node.type === 'link') return !/\s/.test(node.url) && (TICKET_KEY_AT_START.test(node.url) || isTrackerUrl(node.url)) ? [node] : []
  return 'children' in node ? node.children.flatMap((child: Nodes) => trackerLinks(child)) : []
}

function emptyFields(): ItemFields {
  return { owner: null, due: null, priority: null, category: null, ticket: null, status: null }
}

function mergeMissing(target: ItemFields, source: ItemFields): void {
  target.owner ??= source.owner
  target.due ??= source.due
  target.priority ??= source.priority
  target.category ??= source.category
  target.ticket ??= source.ticket
  target.status ??= source.status
}

function removeRanges(text: string, ranges: [number, number][]): string {
  let result = ''
  let cursor = 0
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start > cursor) result += text.slice(cursor, start)
    cursor = Math.max(cursor, end)
  }
  return result + text.slice(cursor)
}
