import { fileURLToPath } from 'node:url'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PostmortemDocument, Span } from '../../src/model/types.js'
import { md, parse, textAt } from './helpers.js'

const SHARED = fileURLToPath(new URL('../../../../../shared/', import.meta.url))
const CORPUS = `${SHARED}corpus`
const EVAL_BASE = `${SHARED}eval/base`

function markdownFiles(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith('.md')).sort() : []
}

/** Every span of the model lies inside the source and runs forwards. */
function expectSpansInside(doc: PostmortemDocument): void {
  const spans: Span[] = [
    ...doc.allSections.flatMap((section) => [section.span, section.headingSpan]),
    ...doc.metadata.fields.map((field) => field.span),
    ...(doc.timeline?.entries.flatMap((entry) => [entry.span, ...(entry.timeSpan ? [entry.timeSpan] : [])]) ?? []),
    ...doc.actionItems.flatMap((item) => [item.span, item.textSpan]),
    ...doc.prose.map((sentence) => sentence.span),
  ]
  for (const span of spans) {
    expect(span.start.offset).toBeGreaterThanOrEqual(0)
    expect(span.end.offset).toBeGreaterThanOrEqual(span.start.offset)
    expect(span.end.offset).toBeLessThanOrEqual(doc.source.length)
  }
}

/**
 * Positions agree with values: a time span covers the time as written, a field span contains its
 * value, and a sentence starts where its first word is.
 */
function expectPositionsMatchText(doc: PostmortemDocument): void {
  for (const entry of doc.timeline?.entries ?? []) {
    if (entry.timeText !== null) expect(textAt(doc.source, entry.timeSpan)).toBe(entry.timeText)
  }
  for (const item of doc.actionItems) {
    for (const field of [item.owner, item.due, item.ticket]) {
      if (field) expect(textAt(doc.source, field.span)).toBe(field.raw)
    }
  }
  for (const sentence of doc.prose) {
    const word = /^[\p{L}\p{N}]{2,}/u.exec(sentence.text)?.[0]
    if (word && word !== 'CODE') expect(doc.source.slice(sentence.span.start.offset).startsWith(word), sentence.text).toBe(true)
  }
}

describe('documents that are not postmortems', () => {
  const empty = (doc: PostmortemDocument) => {
    expect(doc.timeline).toBeNull()
    expect(doc.actionItems).toEqual([])
    expect(doc.causes.rootCause).toBeNull()
    expect(doc.causes.contributingFactors).toEqual([])
    expect(doc.incidentDate).toBeNull()
    expect(doc.metadata.date).toBeUndefined()
    expect(doc.metadata.severity).toBeUndefined()
  }

  it('parses an empty file', () => {
    const doc = parse('')
    empty(doc)
    expect(doc).toMatchObject({ title: null, sections: [], allSections: [], prose: [], path: null, source: '' })
    expect(doc.metadata.fields).toEqual([])
    expect(doc.span).toEqual({ start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } })
    expect(doc.pointAt(10)).toEqual({ line: 1, column: 1, offset: 0 })
  })

  it.each([['   '], ['\n\n\n'], ['\r\n\t\r\n'], ['\uFEFF'], ['\uFEFF\n  \n']])('parses whitespace only (%j)', (source) => {
    const doc = parse(source)
    empty(doc)
    expect(doc.sections).toEqual([])
    expect(doc.prose).toEqual([])
    expect(doc.metadata.fields).toEqual([])
  })

  it('parses a README that lists links', () => {
    const doc = parse(md`
      # Postmortems

      This folder holds our incident write-ups.

      - [2019-03-26 Queue outage](2019-03-26-queue.md)
      - [2019-05-30 Flaky builds](2019-05-30-flaky.md)
      - [Template](template.md)
    `)
    empty(doc)
    expect(doc.title?.text).toBe('Postmortems')
    expect(doc.sections).toEqual([])
    expect(doc.metadata.fields.map((field) => field.key)).toEqual(['title'])
  })

  it('parses a template full of placeholders', () => {
    const doc = parse(md`
      # [Incident title]

      **Date:** YYYY-MM-DD · **Severity:** <P1-P4> · **Authors:** [names]

      ## Summary

      <!-- Two or three sentences. -->

      ## Timeline

      | Time (UTC) | Event |
      |---|---|
      | HH:MM | |

      ## Root cause

      TBD

      ## Contributing factors

      -
      -

      ## Action items

      | Action | Owner | Due |
      |---|---|---|
      | | | |
    `)
    expect(doc.sections.map((section) => section.kind)).toEqual(['summary', 'timeline', 'root-cause', 'contributing-factors', 'action-items'])
    expect(doc.metadata.date).toBeUndefined()
    expect(doc.metadata.severity).toBeUndefined()
    expect(doc.incidentDate).toBeNull()
    expect(doc.timeline?.entries.map((entry) => [entry.timeText, entry.unparsedTime])).toEqual([['HH:MM', true]])
    expect(doc.actionItems).toEqual([])
    expect(doc.causes.contributingFactors).toEqual([])
    expect(doc.causes.rootCause?.text).toBe('TBD')
    expectSpansInside(doc)
  })

  it('parses front matter alone', () => {
    const doc = parse('---\ntitle: Draft\n---\n')
    expect(doc.metadata.title?.raw).toBe('Draft')
    expect(doc.sections).toEqual([])
    expect(doc.prose).toEqual([])
  })

  it('parses code-only and HTML-only files', () => {
    expect(parse('```\n# not a heading\n```\n').sections).toEqual([])
    expect(parse('<div>\n\n## Summary\n\n</div>\n').section('summary')).not.toBeNull()
    expect(parse('<!-- nothing here -->\n').prose).toEqual([])
  })

  it('does not throw on odd Markdown', () => {
    for (const source of ['#', '##', '- ', '| a |\n|---|\n', '[x]: http://a', '> ## Timeline\n> - 10:05 a', '\0\u0001', '# ' + 'a'.repeat(50_000)]) {
      expect(() => expectSpansInside(parse(source))).not.toThrow()
    }
  })
})

describe.skipIf(markdownFiles(CORPUS).length === 0)('the development corpus', () => {
  it.each(markdownFiles(CORPUS))('parses %s', (file) => {
    const doc = parse(readFileSync(join(CORPUS, file), 'utf8'), file)
    expectSpansInside(doc)
    expectPositionsMatchText(doc)
  })
})

describe.skipIf(markdownFiles(EVAL_BASE).length === 0)('the eval base documents', () => {
  // Counts read off the files by hand: entries, action items, contributing factors.
  const expected: Record<string, { entries: number; actions: number; factors: number; shape: string; severity: number }> = {
    '01-cdn-purge-storm.md': { entries: 15, actions: 6, factors: 5, shape: 'table', severity: 2 },
    '02-mobile-crash-on-launch.md': { entries: 17, actions: 6, factors: 5, shape: 'list', severity: 1 },
    '03-near-miss-bank-certificate.md': { entries: 13, actions: 4, factors: 4, shape: 'list', severity: 4 },
    '04-billing-double-run.md': { entries: 18, actions: 5, factors: 5, shape: 'list', severity: 3 },
  }

  it('has the documents the counts were read from', () => {
    expect(markdownFiles(EVAL_BASE)).toEqual(Object.keys(expected))
  })

  it.each(Object.entries(expected))('finds the structure of %s', (file, counts) => {
    const doc = parse(readFileSync(join(EVAL_BASE, file), 'utf8'), file)
    expectSpansInside(doc)
    expectPositionsMatchText(doc)

    expect(doc.metadata.date).toBeDefined()
    expect(doc.metadata.severity?.level).toBe(counts.severity)
    expect(doc.metadata.followUp ?? doc.section('follow-up')).toBeTruthy()

    const timeline = doc.timeline!
    expect(timeline.shape).toBe(counts.shape)
    expect(timeline.entries).toHaveLength(counts.entries)
    expect(timeline.entries.every((entry) => entry.time !== null && entry.date !== null && entry.timeZone !== null)).toBe(true)
    expect(timeline.statedTimeZones.length).toBeGreaterThan(0)

    expect(doc.actionItems).toHaveLength(counts.actions)
    for (const item of doc.actionItems) {
      expect(item.owner, item.text).not.toBeNull()
      expect(item.due?.date, item.text).not.toBeNull()
      expect(item.ticket, item.text).not.toBeNull()
    }

    expect(doc.causes.rootCauseSection).not.toBeNull()
    expect(doc.causes.rootCause?.text.length).toBeGreaterThan(200)
    expect(doc.causes.contributingSection).not.toBeNull()
    expect(doc.causes.contributingFactors).toHaveLength(counts.factors)
    expect(doc.causes.mergedSection).toBeNull()
  })

  it('crosses midnight in the mobile-crash timeline under a new date heading', () => {
    const doc = parse(readFileSync(join(EVAL_BASE, '02-mobile-crash-on-launch.md'), 'utf8'))
    const entries = doc.timeline!.entries
    const firstAfterMidnight = entries.findIndex((entry) => entry.time!.hour < entries[0]!.time!.hour)
    expect(firstAfterMidnight).toBe(14)
    expect(entries[firstAfterMidnight]!.statesDate).toBe(true)
    expect(entries[firstAfterMidnight]!.date).toEqual({ year: 2025, month: 3, day: 7 })
    expect(entries.filter((entry) => entry.statesDate)).toHaveLength(2)
  })

  it('groups the mobile-crash actions by their sub-headings', () => {
    const doc = parse(readFileSync(join(EVAL_BASE, '02-mobile-crash-on-launch.md'), 'utf8'))
    expect(doc.actionItems.map((item) => item.group)).toEqual(['Prevent', 'Prevent', 'Detect', 'Mitigate', 'Mitigate', 'Process'])
  })
})
