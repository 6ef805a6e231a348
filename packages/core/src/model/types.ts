/**
 * The postmortem document model: what the parser extracts from Markdown and what every rule
 * reads. Rules never look at raw text; everything here carries source positions.
 */
import type { Heading, Root, RootContent } from 'mdast'

/** 1-based line and column, plus the 0-based offset into the source. */
export interface Point {
  line: number
  column: number
  offset: number
}

/** A half-open range in the source: `start` inclusive, `end` exclusive. */
export interface Span {
  start: Point
  end: Point
}

/** The section kinds the parser recognises from headings (see data/section-synonyms.yml). */
export type SectionKind =
  | 'summary'
  | 'impact'
  | 'timeline'
  | 'root-cause'
  | 'contributing-factors'
  | 'causes'
  | 'five-whys'
  | 'detection'
  | 'resolution'
  | 'what-went-well'
  | 'what-went-poorly'
  | 'where-we-got-lucky'
  | 'lessons-learned'
  | 'action-items'
  | 'follow-up'
  | 'metadata'
  | 'background'
  | 'appendix'

export interface Section {
  /** What the heading means, or null for a heading we do not recognise (kept as-is). */
  kind: SectionKind | null
  /** Heading text as written (inline Markdown flattened). */
  heading: string
  /** Heading text with numbering, emoji, trailing colons and parenthesised suffixes removed. */
  title: string
  /** Parenthesised or trailing qualifiers that were stripped from the title, e.g. "all times UTC". */
  qualifiers: string[]
  depth: number
  /** The heading itself. */
  headingSpan: Span
  headingNode: Heading
  /** From the heading to the end of the section (including subsections). */
  span: Span
  /** Block nodes directly under this heading, before the first subsection. */
  nodes: RootContent[]
  subsections: Section[]
  parent: Section | null
}

export type MetadataKey =
  | 'title'
  | 'date'
  | 'duration'
  | 'severity'
  | 'status'
  | 'authors'
  | 'reviewers'
  | 'followUp'
  | 'incidentLead'
  | 'incidentId'
  | 'timeZone'

export type MetadataSource = 'front-matter' | 'bold-line' | 'line' | 'table' | 'list' | 'heading'

export interface MetadataField {
  key: MetadataKey
  /** The label as written ("Incident commander", "sev"). */
  label: string
  /** The value as written. */
  raw: string
  span: Span
  source: MetadataSource
}

/** A calendar date without a time; months are 1-based. */
export interface CalendarDate {
  year: number
  month: number
  day: number
}

export interface Severity {
  raw: string
  /** Normalised to 1 (worst) .. 4 (least); SEV0 maps to 1 (and SEV4 to 4) so rules compare one scale. */
  level: 1 | 2 | 3 | 4
  span: Span
}

/** Why one of several stated incident dates was taken: the title, the document's other dates, the label, the field's form, or order. */
export type DateChoice = 'title' | 'support' | 'label' | 'source' | 'first'

/** A readable incident date stated in the metadata; a document may state more than one. */
export interface DateCandidate {
  raw: string
  value: CalendarDate
  span: Span
  label: string
  source: MetadataSource
  /** The label names the incident ("Incident date", "Started"), not just "Date". */
  explicit: boolean
}

export interface Metadata {
  fields: MetadataField[]
  title?: MetadataField
  /** The incident date: when several are stated, the one the rest of the document supports. */
  date?: { raw: string; value: CalendarDate; span: Span }
  /** Every readable date field, in document order, when there is more than one. */
  dates?: DateCandidate[]
  /** With `dates`: what decided `date` (see chooseIncidentDate in parse/metadata.ts). */
  dateChoice?: DateChoice
  severity?: Severity
  durationMinutes?: { raw: string; value: number; span: Span }
  status?: MetadataField
  authors?: MetadataField
  reviewers?: MetadataField
  followUp?: { raw: string; value: CalendarDate | null; span: Span }
}

/** A time of day as written in a timeline entry. */
export interface ClockTime {
  hour: number
  minute: number
  second: number | null
}

export interface TimelineEntry {
  /** The time text as written, or null when the entry carries no time. */
  timeText: string | null
  timeSpan: Span | null
  /** Parsed time of day; null when absent or unparseable. */
  time: ClockTime | null
  /** Date of the entry: written on it, or carried over from a date heading, row or earlier entry. */
  date: CalendarDate | null
  /** Whether this entry itself states a (new) date, which is what allows time to go backwards. */
  statesDate: boolean
  /** Time zone written on the entry, its column header, or its section heading. */
  timeZone: string | null
  /** The event text, with the time removed. */
  text: string
  span: Span
  /** Whether the time text was present but could not be parsed. */
  unparsedTime: boolean
  /**
   * A time relative to the incident's start ("T+0:26", "T3"): `time` holds the offset from it,
   * which orders the entries but is no time of day and needs no time zone.
   */
  relative: boolean
}

export interface Timeline {
  section: Section
  entries: TimelineEntry[]
  /** The shape the entries were written in. */
  shape: 'table' | 'list' | 'headings' | 'paragraphs' | 'mixed'
  /** Time zones stated for the whole timeline (heading, intro sentence, column header). */
  statedTimeZones: { zone: string; span: Span }[]
}

export interface FieldValue {
  raw: string
  span: Span
}

export interface ActionItem {
  /** The deliverable text: what will be done. */
  text: string
  span: Span
  textSpan: Span
  owner: FieldValue | null
  due: (FieldValue & { date: CalendarDate | null }) | null
  priority: FieldValue | null
  category: FieldValue | null
  ticket: FieldValue | null
  status: FieldValue | null
  /** Sub-heading the item sits under, e.g. "Prevention", which may imply its category. */
  group: string | null
  source: 'table' | 'task-list' | 'list' | 'paragraph'
  /**
   * The document says the item is done: a checked task box, a done status ("Done", "Closed",
   * "Fixed", ✅), a "(done ...)" note, or the deliverable struck through.
   */
  done: boolean
}

export interface CauseItem {
  text: string
  span: Span
}

export interface Causes {
  /** The root-cause section, if a separate one exists. */
  rootCauseSection: Section | null
  /**
   * Text of the root cause: from its section, a clearly labelled line ("Root cause: ..."), or,
   * when no section names it, the first sentence that states a cause ("... was caused by ...").
   */
  rootCause: CauseItem | null
  /** Where the root cause was read from. */
  rootCauseSource: 'section' | 'label' | 'merged' | 'sentence' | null
  contributingSection: Section | null
  contributingFactors: CauseItem[]
  /** A merged "Causes" section, when the document has one. */
  mergedSection: Section | null
  mergedItems: CauseItem[]
  /** Five-whys chains: each chain is its ordered list of "why" steps. */
  fiveWhys: { span: Span; steps: CauseItem[] }[]
}

/** Where a sentence came from in the Markdown structure. */
export type SentenceContext = 'paragraph' | 'list-item' | 'table-cell' | 'heading'

export interface Sentence {
  /** The sentence text; inline code is replaced by a neutral placeholder word. */
  text: string
  span: Span
  /** The nearest enclosing section with a kind; the innermost section when none has one. */
  section: Section | null
  context: SentenceContext
  /** Map an offset in `text` back to a source point. */
  pointAt(index: number): Point
}

export interface PostmortemDocument {
  path: string | null
  source: string
  tree: Root
  /** The document's first-level title, if any. */
  title: { text: string; span: Span } | null
  /** Top-level sections in order (a document's H1 title usually holds them as subsections). */
  sections: Section[]
  /** All sections, depth-first. */
  allSections: Section[]
  metadata: Metadata
  /**
   * The incident date: the metadata date, else a date in the file name, else the first dated
   * timeline entry. Rules compare due and follow-up dates against it.
   */
  incidentDate: CalendarDate | null
  timeline: Timeline | null
  actionItems: ActionItem[]
  actionItemsSection: Section | null
  causes: Causes
  prose: Sentence[]
  /** Span covering the whole document. */
  span: Span
  /** Find the first section of a kind (depth-first). */
  section(kind: SectionKind): Section | null
  /** All sections of a kind (depth-first). */
  sectionsOf(kind: SectionKind): Section[]
  /** Convert a source offset to a point. */
  pointAt(offset: number): Point
}
