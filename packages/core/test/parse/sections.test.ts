import { describe, expect, it } from 'vitest'
import type { Section } from '../../src/model/types.js'
import { classifyHeading, normaliseHeading } from '../../src/parse/heading-title.js'
import { lc, md, parse, range } from './helpers.js'

const kindOf = (heading: string) => classifyHeading(normaliseHeading(heading))

/** The one section a document of a title and a single H2 produces. */
function only(heading: string): Section {
  const doc = parse(`# Outage\n\n## ${heading}\n\nSome text.\n`)
  expect(doc.sections).toHaveLength(1)
  return doc.sections[0]!
}

describe('sections: heading spellings', () => {
  it.each([
    ['Summary', 'summary', 'Summary'],
    ['SUMMARY', 'summary', 'SUMMARY'],
    ['root CAUSE', 'root-cause', 'root CAUSE'],
    ['3. Root cause', 'root-cause', 'Root cause'],
    ['3) Root cause', 'root-cause', 'Root cause'],
    ['1.2. Timeline', 'timeline', 'Timeline'],
    ['4 Action items', 'action-items', 'Action items'],
    ['III. Impact', 'impact', 'Impact'],
    ['iv) Lessons learned', 'lessons-learned', 'Lessons learned'],
    ['A. Summary', 'summary', 'Summary'],
    ['Step 2: Detection', 'detection', 'Detection'],
    ['Impact:', 'impact', 'Impact'],
    ['**Root Cause:**', 'root-cause', 'Root Cause'],
    ['🔥 Impact', 'impact', 'Impact'],
    ['⏱️ Timeline', 'timeline', 'Timeline'],
    ['Action items ✅', 'action-items', 'Action items'],
    ['Executive Summary', 'summary', 'Executive Summary'],
    ['TL;DR', 'summary', 'TL;DR'],
    ['tl;dr', 'summary', 'tl;dr'],
    ['Sequence of Events', 'timeline', 'Sequence of Events'],
    ['Chronology', 'timeline', 'Chronology'],
    ['Corrective Actions', 'action-items', 'Corrective Actions'],
    ['Next Steps', 'action-items', 'Next Steps'],
    ['Follow-ups', 'action-items', 'Follow-ups'],
    ['Follow ups', 'action-items', 'Follow ups'],
    ['Contributing Causes', 'contributing-factors', 'Contributing Causes'],
    ['Contributing factors', 'contributing-factors', 'Contributing factors'],
    ['What Went Poorly', 'what-went-poorly', 'What Went Poorly'],
    ["What didn't go well", 'what-went-poorly', "What didn't go well"],
    ['What didn’t go well', 'what-went-poorly', 'What didn’t go well'],
    ['Where We Got Lucky', 'where-we-got-lucky', 'Where We Got Lucky'],
    ['What went well', 'what-went-well', 'What went well'],
    ['Causes', 'causes', 'Causes'],
    ['Root cause and contributing factors', 'causes', 'Root cause and contributing factors'],
    ['Five whys', 'five-whys', 'Five whys'],
    ['5 Whys', 'five-whys', '5 Whys'],
    ['Follow-up review', 'follow-up', 'Follow-up review'],
    ['Customer impact', 'impact', 'Customer impact'],
    ['Incident timeline', 'timeline', 'Incident timeline'],
  ])('"%s" is %s titled "%s"', (heading, kind, title) => {
    const section = only(heading)
    expect(section.kind).toBe(kind)
    expect(section.title).toBe(title)
    expect(section.qualifiers).toEqual([])
  })

  it.each([
    ['Timeline (all times UTC)', 'timeline', 'Timeline', ['all times UTC']],
    ['Timeline — all times UTC', 'timeline', 'Timeline', ['all times UTC']],
    ['Timeline - all times PDT', 'timeline', 'Timeline', ['all times PDT']],
    ['2. Timeline (UTC):', 'timeline', 'Timeline', ['UTC']],
    ['🕒 Timeline [CET]', 'timeline', 'Timeline', ['CET']],
    ['Impact (customer-facing) — draft', 'impact', 'Impact', ['customer-facing', 'draft']],
  ])('"%s" keeps its qualifiers', (heading, kind, title, qualifiers) => {
    const section = only(heading)
    expect(section.kind).toBe(kind)
    expect(section.title).toBe(title)
    expect(section.qualifiers).toEqual(qualifiers)
    // The heading text is kept as written.
    expect(section.heading).toBe(heading)
  })

  it('keeps inline markup out of the heading text but keeps inline code', () => {
    const section = only('Root cause: the `retry` *storm*')
    expect(section.heading).toBe('Root cause: the retry storm')
    expect(section.kind).toBe('root-cause')
  })

  it('does not strip a time or a date as if it were numbering', () => {
    expect(normaliseHeading('4:27').title).toBe('4:27')
    expect(normaliseHeading('2016-10-24').title).toBe('2016-10-24')
    expect(normaliseHeading('10:52 PM').title).toBe('10:52 PM')
    expect(normaliseHeading('2018-01-18 4:19').title).toBe('2018-01-18 4:19')
  })

  it.each([['Attendees'], ['Stats'], ['Conclusion'], ['Problem'], ['Q&A'], ['Glossary of terms we made up']])(
    'keeps the unknown heading "%s" with kind null',
    (heading) => {
      const section = only(heading)
      expect(section.kind).toBeNull()
      expect(section.title).toBe(heading)
    },
  )

  it('classifies headings without a document around them', () => {
    expect(kindOf('Lessons Learned')).toBe('lessons-learned')
    expect(kindOf('Our Timeline')).toBe('timeline')
    expect(kindOf('Incident Summary')).toBe('summary')
    expect(kindOf('')).toBeNull()
    expect(kindOf('🔥')).toBeNull()
  })
})

describe('sections: structure and positions', () => {
  const source = md`
    # Checkout outage

    Intro paragraph.

    ## Summary

    Short summary.

    ## Root cause

    The pool was too small.

    ### Evidence

    Graphs.

    ## Action items

    ### Detection

    - Alert on pool saturation

    ### Prevention

    - Size the pool from traffic

    ## Appendix
  `

  it('nests subsections under their parent and keeps their order', () => {
    const doc = parse(source)
    expect(doc.title).toMatchObject({ text: 'Checkout outage' })
    expect(range(doc.title!.span)).toBe('1:1-1:18')
    expect(doc.sections.map((section) => section.kind)).toEqual(['summary', 'root-cause', 'action-items', 'appendix'])
    const rootCause = doc.sections[1]!
    expect(rootCause.subsections.map((sub) => sub.title)).toEqual(['Evidence'])
    expect(rootCause.subsections[0]!.parent).toBe(rootCause)
    expect(rootCause.subsections[0]!.depth).toBe(3)
    expect(doc.allSections.map((section) => section.title)).toEqual([
      'Summary',
      'Root cause',
      'Evidence',
      'Action items',
      'Detection',
      'Prevention',
      'Appendix',
    ])
  })

  it('does not reclassify groups under action items ("### Detection" stays a group)', () => {
    const doc = parse(source)
    const actions = doc.section('action-items')!
    expect(actions.subsections.map((sub) => [sub.title, sub.kind])).toEqual([
      ['Detection', null],
      ['Prevention', null],
    ])
    expect(doc.section('detection')).toBeNull()
  })

  it('does not reclassify sub-headings of the timeline or the impact', () => {
    const doc = parse(md`
      # Outage

      ## Timeline

      ### Detection

      - 10:05 alert fired

      ### Resolution

      - 11:00 fixed

      ## Impact

      ### Summary

      Numbers.
    `)
    expect(doc.section('timeline')!.subsections.map((sub) => sub.kind)).toEqual([null, null])
    expect(doc.section('resolution')).toBeNull()
    expect(doc.sectionsOf('summary')).toEqual([])
  })

  it('classifies subsections of an unclassified or ordinary parent', () => {
    const doc = parse(md`
      # Outage

      ## Lessons learned

      ### What went well

      ### Where we got lucky

      ## Notes

      ### Root cause
    `)
    const lessons = doc.section('lessons-learned')!
    expect(lessons.subsections.map((sub) => sub.kind)).toEqual(['what-went-well', 'where-we-got-lucky'])
    expect(doc.section('root-cause')!.parent!.title).toBe('Notes')
  })

  it('gives each section the span from its heading to the end of its last content', () => {
    const doc = parse(source)
    const [summary, rootCause, actions, appendix] = doc.sections
    expect(range(summary!.headingSpan)).toBe('5:1-5:11')
    // Blank lines before the next heading are not part of the section.
    expect(range(summary!.span)).toBe('5:1-7:15')
    expect(range(rootCause!.span)).toBe('9:1-15:8')
    expect(range(rootCause!.subsections[0]!.span)).toBe('13:1-15:8')
    expect(range(actions!.span)).toBe('17:1-25:29')
    expect(range(actions!.subsections[0]!.span)).toBe('19:1-21:27')
    expect(range(appendix!.span)).toBe('27:1-27:12')
    expect(lc(doc.span.end)).toBe('28:1')
  })

  it('keeps the blocks before the first subsection in `nodes`', () => {
    const doc = parse(source)
    const rootCause = doc.section('root-cause')!
    expect(rootCause.nodes.map((node) => node.type)).toEqual(['paragraph'])
    expect(doc.section('action-items')!.nodes).toEqual([])
  })

  it('reads a document whose sections are all H1 (no title)', () => {
    const doc = parse(md`
      # Summary

      The queue stalled.

      # Timeline

      - 10:05 alert

      # Action items

      - Add a queue-depth alert
    `)
    expect(doc.title).toBeNull()
    expect(doc.sections.map((section) => [section.kind, section.depth])).toEqual([
      ['summary', 1],
      ['timeline', 1],
      ['action-items', 1],
    ])
    expect(doc.timeline!.entries).toHaveLength(1)
    expect(doc.actionItems).toHaveLength(1)
    expect(range(doc.sections[1]!.headingSpan)).toBe('5:1-5:11')
  })

  it('reads a title H1 followed by H1 sections', () => {
    const doc = parse(md`
      # Queue stall on 2025-02-09

      # Summary

      Text.

      # Root cause

      Text.
    `)
    expect(doc.title?.text).toBe('Queue stall on 2025-02-09')
    expect(doc.sections.map((section) => section.kind)).toEqual(['summary', 'root-cause'])
  })

  it('reads a lone H1 title with no sections', () => {
    const doc = parse('# Just a title\n')
    expect(doc.title).toMatchObject({ text: 'Just a title' })
    expect(range(doc.title!.span)).toBe('1:1-1:15')
    expect(doc.sections).toEqual([])
    expect(doc.allSections).toEqual([])
  })

  it('treats an H1 that names a section as a section, not a title', () => {
    const doc = parse('# Timeline\n\n- 10:05 alert\n')
    expect(doc.title).toBeNull()
    expect(doc.sections[0]!.kind).toBe('timeline')
  })

  it('keeps sections under an H2 document title', () => {
    const doc = parse(md`
      ## Incident report for the stalled queue

      ### Summary

      Text.
    `)
    expect(doc.sections[0]!.kind).toBeNull()
    expect(doc.section('summary')!.parent).toBe(doc.sections[0])
  })

  it('finds sections by kind depth-first', () => {
    const doc = parse(md`
      # Outage

      ## Analysis

      ### Root cause

      ## Root cause
    `)
    expect(doc.section('root-cause')!.depth).toBe(3)
    expect(doc.sectionsOf('root-cause')).toHaveLength(2)
    expect(doc.section('five-whys')).toBeNull()
  })

  it('accepts setext headings', () => {
    const doc = parse('Outage\n======\n\nSummary\n-------\n\nText.\n')
    expect(doc.title?.text).toBe('Outage')
    expect(doc.sections[0]!.kind).toBe('summary')
    expect(range(doc.sections[0]!.headingSpan)).toBe('4:1-5:8')
  })
})
