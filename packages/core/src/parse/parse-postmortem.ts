import type { RootContent, Yaml } from 'mdast'
import type { CalendarDate, PostmortemDocument, Section, SectionKind, Span, Timeline } from '../model/types.js'
import { extractActionItems } from './action-items.js'
import { extractCauses } from './causes.js'
import { DocumentTooComplexError, findComplexityProblem } from './complexity.js'
import { parseMarkdown } from './markdown.js'
import { flattenInline } from './mapped-text.js'
import { extractMetadata, metadataBlocks, type TomlFrontMatter } from './metadata.js'
import { extractProse } from './prose.js'
import { recoverStructure } from './recover/index.js'
import { buildSections, sectionBlocks } from './sections.js'
import { SourceMap } from './source-map.js'
import { findDates, findTimeZones, parseCalendarDate } from './time/index.js'
import { extractTimeline, zoneStatement } from './timeline.js'

/** "On May 31, 2022, ..." in the summary or under the title dates an otherwise undated document. */
function firstDateInSummary(summary: Section | undefined, preamble: RootContent[]): CalendarDate | null {
  const blocks = [...preamble, ...(summary ? sectionBlocks(summary) : [])]
  for (const block of blocks) {
    if (block.type !== 'paragraph') continue
    const found = findDates(flattenInline(block, 'keep').text).find((match) => match.hasYear)
    if (found) return found.date
  }
  return null
}

/** Sections whose timed lines are quotes or references, never the incident's own timeline. */
const NOT_A_TIMELINE: ReadonlySet<SectionKind | null> = new Set(['appendix', 'action-items', 'follow-up', 'metadata'])

/**
 * The timeline a reader finds: the timeline section, or else the section that is a run of timed
 * entries under another name ("Leadup", "What happened", a story heading). A section counts when
 * most of its entries carry a time and there are at least three.
 */
function readTimeline(named: Section | null, sections: Section[], extract: (section: Section) => Timeline): Timeline | null {
  const timed = (timeline: Timeline): number => timeline.entries.filter((entry) => entry.time !== null).length
  const fromNamed = named ? extract(named) : null
  if (fromNamed && timed(fromNamed) >= 2) return fromNamed
  let best: Timeline | null = null
  for (const section of sections) {
    if (section === named || NOT_A_TIMELINE.has(section.kind) || section.parent?.kind === 'timeline') continue
    const candidate = extract(section)
    const count = timed(candidate)
    if (count < 3 || count < 0.5 * candidate.entries.length) continue
    if (!best || count > timed(best)) best = candidate
  }
  return best ?? fromNamed
}

function hasAncestorOfKind(section: Section, kind: SectionKind): boolean {
  for (let current = section.parent; current; current = current.parent) if (current.kind === kind) return true
  return false
}

export interface ParseOptions {
  /** The file's path, used in messages and as a last source of the incident date. */
  path?: string
}

/**
 * Parse a postmortem written in Markdown into the document model every rule reads.
 *
 * @example
 * ```ts
 * import { parsePostmortem } from '@postmortem-lint/core'
 * const doc = parsePostmortem('# Outage\n\n## Timeline\n\n- 10:05 UTC alert fired\n')
 * doc.timeline?.entries[0]?.time // { hour: 10, minute: 5, second: null }
 * ```
 *
 * @throws DocumentTooComplexError for a document nested or packed with markers past the limits
 * in parse/complexity.ts (no real postmortem is); `lint` reports it as the file's fatal error.
 */
export function parsePostmortem(markdown: string, options: ParseOptions = {}): PostmortemDocument {
  // A byte-order mark is not content; dropping it keeps column 1 where editors show it.
  const source = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown
  // Before parsing: the shapes micromark cannot parse in linear time are refused, not attempted.
  const problem = findComplexityProblem(source)
  if (problem) throw new DocumentTooComplexError(problem)
  const sourceMap = new SourceMap(source)
  const tree = parseMarkdown(source)
  // What a reader sees, not only what the Markdown says: plain-text headings, misread blocks.
  recoverStructure(tree, sourceMap)
  const { title: titleNode, preamble, sections, allSections } = buildSections(tree, sourceMap)
  const spanOf = sourceMap.nodeSpan.bind(sourceMap)
  const title = titleNode ? { text: titleNode.text, span: spanOf(titleNode.heading) } : null

  const frontMatter = (tree.children.find((node) => node.type === 'yaml' || (node.type as string) === 'toml') as Yaml | TomlFrontMatter | undefined) ?? null
  const metadata = extractMetadata({
    frontMatter,
    blocks: metadataBlocks(preamble, sections, allSections),
    title,
    source,
    sourceMap,
  })

  const byKind = (kind: SectionKind) => allSections.filter((section) => section.kind === kind)
  const timelineSection = byKind('timeline')[0] ?? null
  // Many templates list their actions under "Follow-up"; a follow-up section holding a list or a
  // table is the action list when there is no other.
  const actionItemsSection =
    byKind('action-items')[0] ??
    byKind('follow-up').find(
      (section) =>
        !/review|date|meeting|retro/i.test(section.title) &&
        (sectionBlocks(section).some((node) => node.type === 'list' || node.type === 'table') ||
          sectionBlocks(section).filter((node) => node.type === 'paragraph').length >= 2),
    ) ??
    null
  // A "Follow-up" section that holds the action list is the action list, not the review.
  if (actionItemsSection && actionItemsSection.kind === 'follow-up') actionItemsSection.kind = 'action-items'

  // Zone statements outside the timeline, e.g. "All times PDT." under the title.
  const documentZones: { zone: string; span: Span }[] = []
  for (const node of preamble) {
    if (node.type !== 'paragraph') continue
    for (const zone of zoneStatement(flattenInline(node, 'keep').text)) documentZones.push({ zone, span: spanOf(node) })
  }
  const timeZoneField = metadata.fields.find((field) => field.key === 'timeZone')
  if (timeZoneField) for (const zone of zoneStatement(`times ${timeZoneField.raw}`)) documentZones.push({ zone, span: timeZoneField.span })
  // "Duration: 8:00 AM to 2:00 PM PST" states the zone of the incident's times too.
  for (const field of metadata.fields) {
    if (field.key !== 'duration' && field.key !== 'date') continue
    for (const zone of findTimeZones(field.raw)) documentZones.push({ zone: zone.zone, span: field.span })
  }

  const pathDate = options.path ? parseCalendarDate(options.path.split(/[\\/]/).pop() ?? '') : null
  // The summary's first full date is a better year for "May 31" entries than none at all.
  let incidentDate: CalendarDate | null = metadata.date?.value ?? pathDate ?? firstDateInSummary(byKind('summary')[0], preamble)
  const timeline = readTimeline(timelineSection, allSections, (section) => extractTimeline({ section, sourceMap, incidentDate, documentZones }))
  incidentDate ??= timeline?.entries.find((entry) => entry.date)?.date ?? null

  // "Action items" and "Prevention strategies", "Next steps" and "Long-term fixes": every list of
  // actions in the document, each read once (a nested one is read with its parent).
  const actionSections = byKind('action-items').filter((section) => !hasAncestorOfKind(section, 'action-items'))
  const actionItems = (actionSections.length > 0 ? actionSections : actionItemsSection ? [actionItemsSection] : []).flatMap((section) =>
    extractActionItems({ section, sourceMap, incidentDate }),
  )
  const prose = extractProse({ preamble, sections, sourceMap })
  const causes = extractCauses({ allSections, sourceMap, prose })

  return {
    path: options.path ?? null,
    source,
    tree,
    title,
    sections,
    allSections,
    metadata,
    incidentDate,
    timeline,
    actionItems,
    actionItemsSection,
    causes,
    prose,
    span: sourceMap.span(0, source.length),
    section: (kind) => byKind(kind)[0] ?? null,
    sectionsOf: byKind,
    pointAt: (offset) => sourceMap.pointAt(offset),
  }
}
