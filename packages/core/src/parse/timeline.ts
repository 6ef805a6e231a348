import type { List, ListItem, RootContent, Table, TableRow } from 'mdast'
import type { CalendarDate, Section, Span, Timeline, TimelineEntry } from '../model/types.js'
import { splitSentences } from '../nlp/sentences.js'
import { flattenInline, type MappedText } from './mapped-text.js'
import type { SourceMap } from './source-map.js'
import {
  dayMonthOrderOf,
  dayNumber,
  findDates,
  findTimeZones,
  looksLikeTimestamp,
  parseTimestamp,
  splitLeadingTimestamp,
  type DateOptions,
  type DayMonthOrder,
  type Timestamp,
} from './time/index.js'

// Words that may open a sentence before its time: "By 10:20 ...", "Shortly after 10:05 ...".
const SENTENCE_LEAD = /^(?:by|until|till|from|since|shortly after|soon after|just after|just before|right after|then,? at)\s+/i
const TIME_HEADER = /\b(?:time|when|timestamp|at|hour|clock)\b/i
const DATE_HEADER = /\b(?:date|day)\b/i
const ZONE_STATEMENT = /\b(?:all\s+)?(?:times?|timestamps?)\b|\btime\s*zone\b|\btimezone\b/i

/** The columns of a timeline table: the time, and a separate date column if there is one. */
interface TimeColumns {
  time: number
  date: number | null
}

interface TimelineState {
  date: CalendarDate | null
  /** Set by a date heading, date row or dated entry; consumed by the next entry. */
  pendingDateStatement: boolean
  zone: string | null
  referenceYear: number | undefined
  incident: CalendarDate | null
  /** How the section's ambiguous numeric dates ("06/04/2023") read, when its dates settle it. */
  dayMonthOrder: DayMonthOrder | undefined
}

export interface TimelineInputs {
  section: Section
  sourceMap: SourceMap
  /** The incident date, used for the year of dates written without one ("Feb 9, 10:05"). */
  incidentDate: CalendarDate | null
  /** Zone statements outside the section ("All times PDT." under the title). */
  documentZones: { zone: string; span: Span }[]
}

/** Extract timeline entries from a timeline section, whatever shape it was written in. */
export function extractTimeline(inputs: TimelineInputs): Timeline {
  const { section, sourceMap } = inputs
  const statedTimeZones = [...inputs.documentZones]
  for (const qualifier of section.qualifiers) {
    for (const zone of findTimeZones(qualifier)) statedTimeZones.push({ zone: zone.zone, span: section.headingSpan })
  }
  const headingZone = findTimeZones(section.heading)[0]
  if (headingZone && statedTimeZones.length === inputs.documentZones.length) {
    statedTimeZones.push({ zone: headingZone.zone, span: section.headingSpan })
  }
  const state: TimelineState = {
    date: null,
    pendingDateStatement: false,
    zone: principalZone(statedTimeZones),
    referenceYear: inputs.incidentDate?.year,
    incident: inputs.incidentDate,
    dayMonthOrder: dayMonthOrderOf(sourceMap.source.slice(section.span.start.offset, section.span.end.offset), inputs.incidentDate?.year),
  }
  const entries: TimelineEntry[] = []
  const shapes = new Set<Timeline['shape']>()
  const walker = new EntryBuilder(sourceMap, state, entries)
  const lonePhrases: TimelineEntry[] = []

  walkSection(section, true)

  function walkSection(current: Section, isRoot: boolean): void {
    // An entry written as a heading owns the blocks under it: they are its text, not entries.
    const isEntry = !isRoot && walker.fromHeading(flattenInline(current.headingNode, 'keep'), current)
    if (isEntry) shapes.add('headings')
    else for (const node of current.nodes) walkBlock(node)
    for (const sub of current.subsections) walkSection(sub, false)
  }

  function walkBlock(node: RootContent): void {
    switch (node.type) {
      case 'table':
        if (walker.fromTable(node, statedTimeZones)) shapes.add('table')
        break
      case 'list':
        if (walker.fromList(node)) shapes.add('list')
        break
      case 'paragraph': {
        const text = flattenInline(node, 'keep', { lineBreaks: true })
        const zones = zoneStatement(text.text)
        if (zones.length > 0 && !looksLikeTimestamp(text.text.slice(0, 25))) {
          for (const zone of zones) statedTimeZones.push({ zone, span: sourceMap.nodeSpan(node) })
          // "Central European Time (CET, UTC+1)": the first zone named is the one meant.
          state.zone = zones[0] ?? state.zone
        }
        const before = entries.length
        if (walker.fromParagraph(text) || walker.fromSentences(text)) {
          shapes.add('paragraphs')
          if (entries.length - before === 1) lonePhrases.push(entries[before]!)
        } else walker.introDate(text.text)
        break
      }
      default:
        break
    }
  }

  // Beside a list or table of entries, a paragraph with one timed line is a note about them
  // ("T+0 is 19:52 local time, when the power went out"), not an entry of its own.
  if ((shapes.has('list') || shapes.has('table')) && lonePhrases.length > 0) {
    const notes = new Set(lonePhrases)
    for (let index = entries.length - 1; index >= 0; index--) if (notes.has(entries[index]!)) entries.splice(index, 1)
  }
  const shape: Timeline['shape'] = shapes.size === 1 ? [...shapes][0]! : shapes.size === 0 ? 'paragraphs' : 'mixed'
  return { section, entries, shape, statedTimeZones }
}

/** The first zone of the last statement: later statements are closer to the entries. */
function principalZone(zones: { zone: string; span: Span }[]): string | null {
  const last = zones[zones.length - 1]
  if (!last) return null
  return zones.find((zone) => zone.span.start.offset === last.span.start.offset)?.zone ?? last.zone
}

/** Zones named in a sentence that states the timeline's zone ("All times are UTC"). */
export function zoneStatement(text: string): string[] {
  if (!ZONE_STATEMENT.test(text) && text.length > 80) return []
  const zones = findTimeZones(text)
  if (zones.length === 0) return []
  // A zone in ordinary prose ("we moved the job to 10:00 UTC") is not a statement for the whole
  // timeline; a short line or one that talks about "times" is.
  if (!ZONE_STATEMENT.test(text) && text.trim().split(/\s+/).length > 8) return []
  return zones.map((zone) => zone.zone)
}

class EntryBuilder {
  constructor(
    private readonly sourceMap: SourceMap,
    private readonly state: TimelineState,
    private readonly entries: TimelineEntry[],
  ) {}

  /** A sub-heading is a date marker ("### Friday 7 March 2025") or an entry ("### 4:27"). */
  fromHeading(heading: MappedText, section: Section): boolean {
    const text = heading.text.trim()
    const stamp = parseTimestamp(text, this.options())
    if (!stamp) return false
    if (stamp.time === null) {
      this.setDate(stamp.date)
      return false
    }
    const rest = text.slice(stamp.index + stamp.length).replace(/^[\s:—–|,-]+/, '')
    const body = section.nodes.map((node) => flattenInline(node, 'keep').text.trim()).filter(Boolean)
    this.push(stamp, heading, [rest, ...body].filter(Boolean).join(' '), section.span)
    return true
  }

  fromTable(table: Table, statedTimeZones: { zone: string; span: Span }[]): boolean {
    const [header, ...rows] = table.children
    if (!header) return false
    const headerTexts = header.children.map((cell) => flattenInline(cell, 'keep').text.trim())
    const columns = this.findTimeColumns(headerTexts, rows)
    if (columns === null) return false
    const headerZone = findTimeZones(headerTexts[columns.time] ?? '')[0]
    if (headerZone) {
      statedTimeZones.push({ zone: headerZone.zone, span: this.sourceMap.nodeSpan(header) })
      this.state.zone = headerZone.zone
    }
    let found = false
    for (const row of rows) if (this.fromRow(row, columns)) found = true
    return found
  }

  private findTimeColumns(headerTexts: string[], rows: TableRow[]): TimeColumns | null {
    // "| Date | Time (UTC) | Event |": the time column is the time, the date column dates it.
    const time = headerTexts.findIndex((text) => TIME_HEADER.test(text))
    const date = headerTexts.findIndex((text, index) => index !== time && DATE_HEADER.test(text))
    if (time >= 0) return { time, date: date >= 0 ? date : null }
    if (date >= 0) return { time: date, date: null }
    // No telling header: the column whose cells mostly read as timestamps.
    const count = Math.max(0, ...rows.map((row) => row.children.length))
    for (let column = 0; column < count; column++) {
      const cells = rows.map((row) => (row.children[column] ? flattenInline(row.children[column]!, 'keep').text.trim() : ''))
      const stamps = cells.filter((cell) => cell !== '' && looksLikeTimestamp(cell)).length
      if (stamps > 0 && stamps >= cells.filter((cell) => cell !== '').length / 2) return { time: column, date: null }
    }
    return null
  }

  private fromRow(row: TableRow, columns: TimeColumns): boolean {
    const cells = row.children.map((cell) => flattenInline(cell, 'keep'))
    const timeCell = cells[columns.time]
    const dateText = columns.date === null ? '' : (cells[columns.date]?.text.trim() ?? '')
    if (dateText) {
      const stamp = parseTimestamp(dateText, this.options())
      if (stamp?.statesDate) this.setDate(stamp.date)
    }
    const others = cells.filter((_, index) => index !== columns.time && index !== columns.date)
    const eventText = others.map((cell) => cell.text.trim()).filter(Boolean).join(' — ')
    const rowSpan = this.sourceMap.nodeSpan(row)
    if (!timeCell || timeCell.text.trim() === '') {
      // A row carrying only a date in another cell is a date row.
      const dateOnly = others.length > 0 && others.every((cell) => cell.text.trim() === '' || looksLikeTimestamp(cell.text))
      const stamp = dateOnly ? parseTimestamp(eventText, this.options()) : null
      if (stamp && !stamp.time) this.setDate(stamp.date)
      else if (eventText) this.pushUntimed(eventText, rowSpan)
      return false
    }
    const raw = timeCell.text.trim()
    const stamp = parseTimestamp(raw, this.options())
    if (stamp && stamp.time === null && eventText === '') {
      this.setDate(stamp.date)
      return false
    }
    const leading = timeCell.text.length - timeCell.text.trimStart().length
    if (!stamp) {
      this.pushUnparsed(raw, timeCell, leading, eventText, rowSpan)
      return true
    }
    this.push(stamp, timeCell, eventText, rowSpan, leading)
    return true
  }

  fromList(list: List): boolean {
    let found = false
    for (const item of list.children) if (this.fromListItem(item)) found = true
    return found
  }

  private fromListItem(item: ListItem): boolean {
    const [first, ...rest] = item.children
    if (!first || first.type !== 'paragraph') return false
    const text = flattenInline(first, 'keep')
    const split = splitLeadingTimestamp(text.text, this.options())
    const nestedText = rest
      .filter((node) => node.type !== 'list')
      .map((node) => flattenInline(node, 'keep').text.trim())
      .filter(Boolean)
    const itemSpan = this.sourceMap.nodeSpan(item)
    const nested = (): void => {
      for (const node of rest) if (node.type === 'list') this.fromList(node)
    }
    const stamp = split?.timestamp
    if (split && stamp && !stamp.time && split.rest.trim() === '') {
      // "- Friday 7 March", usually with the day's events nested below it.
      this.setDate(stamp.date)
      nested()
      return false
    }
    if (!split) {
      this.pushUntimed(text.text.trim(), itemSpan)
      nested()
      return false
    }
    this.push(split.timestamp, text, [split.rest, ...nestedText].filter(Boolean).join(' '), itemSpan)
    nested()
    return true
  }

  /**
   * Paragraph lines that start with a timestamp ("[10:05] alert fired") are entries; a line that
   * is only a date ("2016-11-08") dates the entries after it. Lines may end at a soft break, a hard
   * break or a `<br>`.
   */
  fromParagraph(text: MappedText): boolean {
    let found = false
    for (const match of text.text.matchAll(/[^\r\n]*(?:\r\n|\r|\n|$)/g)) {
      if (match[0] === '' && match.index >= text.text.length) break
      const line = match[0].replace(/(?<![\r\n])[\r\n]+$/, '')
      const lineStart = match.index
      const split = splitLeadingTimestamp(line, this.options())
      const stamp = split?.timestamp
      if (split && stamp && !stamp.time && split.rest.trim() === '') {
        this.setDate(stamp.date)
      } else if (split && stamp) {
        const leading = line.length - line.trimStart().length
        const lineText = text.slice(lineStart + leading, lineStart + line.length)
        const span = this.sourceMap.span(lineText.sourceOffsetAt(0), lineText.sourceEndAt(lineText.text.length))
        this.push({ ...stamp, index: stamp.index - leading }, lineText, split.rest, span)
        found = true
      } else if (found && line.trim()) {
        // A wrapped line continues the entry before it.
        this.appendToLast(line.trim(), text.sourceEndAt(lineStart + line.trimEnd().length))
      }
    }
    return found
  }

  /**
   * A paragraph that tells the sequence in sentences: "At 10:05 the alert fired. By 10:20 we had
   * rolled back. Errors stopped at 10:31." Each sentence that opens with a time is an entry; two
   * or more make the paragraph a run of events rather than prose that mentions a time.
   */
  fromSentences(text: MappedText): boolean {
    const flat = text.collapseWhitespace()
    const timed: { stamp: Timestamp; sentence: MappedText; rest: string; offset: number }[] = []
    for (const [start, end] of splitSentences(flat.text)) {
      const sentence = flat.slice(start, end)
      const lead = SENTENCE_LEAD.exec(sentence.text)?.[0].length ?? 0
      const split = splitLeadingTimestamp(sentence.text.slice(lead), this.options())
      if (!split?.timestamp.time) continue
      timed.push({ stamp: split.timestamp, sentence, rest: split.rest.replace(/^[,\s]+/, ''), offset: lead })
    }
    if (timed.length < 2) return false
    for (const { stamp, sentence, rest, offset } of timed) {
      const span = this.sourceMap.span(sentence.sourceOffsetAt(0), sentence.sourceEndAt(sentence.text.trimEnd().length))
      this.push({ ...stamp, index: stamp.index + offset }, sentence, rest, span)
    }
    return true
  }

  /** "Timestamps are UTC, on Saturday 1 November 2025." before any entry dates the entries. */
  introDate(text: string): void {
    if (this.entries.length > 0) return
    const dates = findDates(text, this.options())
    if (dates.length === 1 && dates[0]) this.setDate(dates[0].date)
  }

  private appendToLast(text: string, endOffset: number): void {
    const last = this.entries[this.entries.length - 1]
    if (!last) return
    last.text = `${last.text} ${text}`.trim()
    last.span = this.sourceMap.span(last.span.start.offset, Math.max(last.span.end.offset, endOffset))
  }

  private options(): DateOptions {
    // A date written without a year ("Friday 7 March") takes the year of the incident, else that
    // of the last date the timeline stated.
    const year = this.state.referenceYear ?? this.state.date?.year
    const order = this.state.dayMonthOrder
    return { ...(year === undefined ? {} : { referenceYear: year }), ...(order ? { dayMonthOrder: order } : {}) }
  }

  /**
   * "[12-05 16:21]" in the timeline of a March incident is last December: a date written without
   * a year that would fall months after the incident belongs to the year before.
   */
  private placeYear(date: CalendarDate | null, raw: string): CalendarDate | null {
    const incident = this.state.incident
    if (!date || !incident || /\b(?:19|20)\d{2}\b/.test(raw)) return date
    if (dayNumber(date) - dayNumber(incident) <= 60) return date
    return { ...date, year: date.year - 1 }
  }

  /** A date statement; null when the date is written but cannot be placed in a year. */
  private setDate(date: CalendarDate | null): void {
    this.state.date = date
    this.state.pendingDateStatement = true
  }

  private push(stamp: Timestamp, mapped: MappedText, eventText: string, span: Span, leading = 0): void {
    const timeStart = mapped.sourceOffsetAt(stamp.index + leading)
    const timeEnd = mapped.sourceEndAt(stamp.index + leading + stamp.length)
    if (stamp.statesDate) this.setDate(this.placeYear(stamp.date, stamp.raw))
    const entry: TimelineEntry = {
      timeText: stamp.raw,
      timeSpan: this.sourceMap.span(timeStart, timeEnd),
      time: stamp.time,
      date: this.state.date,
      statesDate: this.state.pendingDateStatement,
      timeZone: stamp.zone?.zone ?? this.state.zone,
      text: eventText.replace(/\s+/g, ' ').trim(),
      span,
      unparsedTime: stamp.time === null && stamp.date === null,
      relative: stamp.relative,
    }
    this.state.pendingDateStatement = false
    this.entries.push(entry)
  }

  private pushUnparsed(raw: string, mapped: MappedText, leading: number, eventText: string, span: Span): void {
    const start = mapped.sourceOffsetAt(leading)
    this.entries.push({
      timeText: raw,
      timeSpan: this.sourceMap.span(start, mapped.sourceEndAt(leading + raw.length)),
      time: null,
      date: this.state.date,
      statesDate: false,
      timeZone: this.state.zone,
      text: eventText,
      span,
      unparsedTime: true,
      relative: false,
    })
  }

  private pushUntimed(text: string, span: Span): void {
    // Dates written inside an untimed line ("On 2025-02-09 the job ...") still move the day on.
    const date = findDates(text, this.options())[0]
    if (date && date.index === 0) this.setDate(date.date)
    this.entries.push({
      timeText: null,
      timeSpan: null,
      time: null,
      date: this.state.date,
      statesDate: false,
      timeZone: this.state.zone,
      text,
      span,
      unparsedTime: false,
      relative: false,
    })
  }
}
