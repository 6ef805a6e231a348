import { describe, expect, it } from 'vitest'
import { flattenInline, MappedText } from '../../src/parse/mapped-text.js'
import { parseMarkdown } from '../../src/parse/markdown.js'
import { alignText } from '../../src/parse/source-align.js'
import { SourceMap } from '../../src/parse/source-map.js'
import { lc, md, parse, range, spanOf, textAt } from './helpers.js'

describe('SourceMap', () => {
  it.each([
    ['LF', 'ab\ncd\n\nef'],
    ['CRLF', 'ab\r\ncd\r\n\r\nef'],
    ['lone CR', 'ab\rcd\r\ref'],
    ['mixed', 'ab\r\ncd\n\ref'],
  ])('converts offsets to lines and columns with %s line breaks', (_, source) => {
    const map = new SourceMap(source)
    expect(map.lineCount).toBe(4)
    expect(map.pointAt(0)).toEqual({ line: 1, column: 1, offset: 0 })
    expect(lc(map.pointAt(source.indexOf('c')))).toBe('2:1')
    expect(lc(map.pointAt(source.indexOf('d')))).toBe('2:2')
    expect(lc(map.pointAt(source.indexOf('e')))).toBe('4:1')
    expect(lc(map.pointAt(source.length))).toBe('4:3')
    // The line break itself belongs to the line it ends.
    expect(lc(map.pointAt(2))).toBe('1:3')
    expect(map.lineStart(2)).toBe(source.indexOf('c'))
    expect(map.lineStart(4)).toBe(source.indexOf('e'))
  })

  it('clamps offsets and lines outside the source', () => {
    const map = new SourceMap('ab\ncd')
    expect(map.pointAt(-3)).toEqual({ line: 1, column: 1, offset: 0 })
    expect(map.pointAt(99)).toEqual({ line: 2, column: 3, offset: 5 })
    expect(map.lineStart(0)).toBe(0)
    expect(map.lineStart(99)).toBe(3)
  })

  it('builds spans that never run backwards', () => {
    const map = new SourceMap('ab\ncd')
    expect(map.span(1, 4)).toEqual({ start: { line: 1, column: 2, offset: 1 }, end: { line: 2, column: 2, offset: 4 } })
    expect(map.span(4, 1).end.offset).toBe(4)
    expect(map.nodeSpan({})).toEqual(map.span(0, 0))
    expect(map.nodeSpan({ position: { start: { offset: 3 }, end: { offset: 5 } } })).toEqual(map.span(3, 5))
  })

  it('trims trailing whitespace but not past the start', () => {
    const map = new SourceMap('## A\n\ntext  \n\n\n## B')
    expect(map.trimEnd(0, map.source.indexOf('## B'))).toBe(map.source.indexOf('text') + 4)
    expect(map.trimEnd(5, 6)).toBe(5)
  })

  it('handles an empty source', () => {
    const map = new SourceMap('')
    expect(map.lineCount).toBe(1)
    expect(map.pointAt(0)).toEqual({ line: 1, column: 1, offset: 0 })
  })
})

describe('MappedText', () => {
  it('maps starts and exclusive ends across pieces with markup between them', () => {
    // "**10:05** alert": pieces "10:05" at 2 and " alert" at 9.
    const text = new MappedText(0)
    text.append('10:05', 2)
    text.append(' alert', 9)
    expect(text.text).toBe('10:05 alert')
    expect(text.sourceOffsetAt(0)).toBe(2)
    expect(text.sourceOffsetAt(5)).toBe(9)
    expect(text.sourceEndAt(5)).toBe(7)
    expect(text.sourceEndAt(0)).toBe(2)
    expect(text.sourceOffsetAt(text.text.length)).toBe(15)
    expect(text.sourceEndAt(text.text.length)).toBe(15)
  })

  it('clamps inside pieces whose source is longer than their text', () => {
    // An entity: "&amp;" (5 characters) for "&".
    const text = new MappedText(0)
    text.append('a ', 0)
    text.append('&', 2, 5)
    text.append(' b', 7)
    expect(text.sourceOffsetAt(2)).toBe(2)
    expect(text.sourceEndAt(3)).toBe(7)
    expect(text.sourceOffsetAt(3)).toBe(7)
  })

  it('slices and collapses whitespace keeping the mapping', () => {
    const source = 'one\r\n  two   three'
    const text = new MappedText(0)
    text.append(source, 0)
    const collapsed = text.collapseWhitespace()
    expect(collapsed.text).toBe('one two three')
    expect(collapsed.sourceOffsetAt(4)).toBe(source.indexOf('two'))
    expect(collapsed.sourceOffsetAt(8)).toBe(source.indexOf('three'))
    expect(collapsed.sourceEndAt(7)).toBe(source.indexOf('two') + 3)
    const slice = collapsed.slice(4, 7)
    expect(slice.text).toBe('two')
    expect(slice.sourceOffsetAt(0)).toBe(source.indexOf('two'))
    expect(slice.sourceEndAt(3)).toBe(source.indexOf('two') + 3)
  })

  it('maps an empty text to its fallback offset', () => {
    const text = new MappedText(7)
    expect(text.sourceOffsetAt(0)).toBe(7)
    expect(text.sourceEndAt(0)).toBe(7)
    expect(text.collapseWhitespace().text).toBe('')
  })
})

describe('flattenInline', () => {
  const flat = (source: string, mode: 'keep' | 'placeholder' = 'keep', lineBreaks = false) => {
    const paragraph = parseMarkdown(source).children[0]!
    return flattenInline(paragraph, mode, { lineBreaks })
  }

  it('drops markup, HTML and images and maps text back to the source', () => {
    const source = 'Ada **rolled** back <!-- note --> the ![x](y.png)[deploy](https://x).'
    const text = flat(source)
    expect(text.text).toBe('Ada rolled back  the deploy.')
    expect(text.sourceOffsetAt(text.text.indexOf('rolled'))).toBe(source.indexOf('rolled'))
    expect(text.sourceOffsetAt(text.text.indexOf('deploy'))).toBe(source.indexOf('deploy'))
  })

  it('replaces inline code with a placeholder or keeps it', () => {
    const source = 'Set `max_conns` to 10.'
    expect(flat(source, 'placeholder').text).toBe('Set CODE to 10.')
    const kept = flat(source, 'keep')
    expect(kept.text).toBe('Set max_conns to 10.')
    expect(kept.sourceOffsetAt(4)).toBe(source.indexOf('max_conns'))
    expect(kept.sourceEndAt(13)).toBe(source.indexOf('max_conns') + 9)
    const placeholder = flat(source, 'placeholder')
    expect(placeholder.sourceEndAt(8)).toBe(source.indexOf(' to'))
  })

  it('turns hard breaks and <br> into line breaks only when asked', () => {
    const source = 'a<br>b<br/>c\\\nd  \ne'
    expect(flat(source).text).toBe('abc d e')
    expect(flat(source, 'keep', true).text).toBe('a\nb\nc\nd\ne')
  })
})

describe('alignText', () => {
  it('skips continuation indentation, quote markers and blanks before a break', () => {
    const source = 'one  \n  > two'
    const pieces = alignText('one\ntwo', source, 10)
    expect(pieces).toEqual([
      { valueStart: 0, valueLength: 3, sourceStart: 10, sourceLength: 3 },
      { valueStart: 3, valueLength: 1, sourceStart: 15, sourceLength: 1 },
      { valueStart: 4, valueLength: 3, sourceStart: 20, sourceLength: 3 },
    ])
  })

  it('maps escapes and entities onto their whole source', () => {
    expect(alignText('a*b', 'a\\*b', 0)).toEqual([
      { valueStart: 0, valueLength: 1, sourceStart: 0, sourceLength: 1 },
      { valueStart: 1, valueLength: 1, sourceStart: 1, sourceLength: 2 },
      { valueStart: 2, valueLength: 1, sourceStart: 3, sourceLength: 1 },
    ])
    expect(alignText('<😀>', '&lt;&#128512;&gt;', 0).map((piece) => [piece.valueLength, piece.sourceLength])).toEqual([
      [1, 4],
      [2, 9],
      [1, 4],
    ])
  })
})

describe('positions through the whole parser', () => {
  const source = md`
    # Outage

    **Date:** 2025-02-09 · **Severity:** P2

    ## Timeline (UTC)

    - 10:05 — Alert fired
    - **10:07** Ada acknowledged

    ## Action items

    - Add a pool alert — @ada, due 2025-03-01
  `

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ])('agree for %s line endings', (_, eol) => {
    const text = source.replace(/\n/g, eol)
    const doc = parse(text)
    expect(range(doc.title!.span)).toBe('1:1-1:9')
    expect(range(doc.metadata.severity!.span)).toBe('3:24-3:40')
    expect(range(doc.section('timeline')!.headingSpan)).toBe('5:1-5:18')
    expect(range(doc.section('timeline')!.span)).toBe(`5:1-8:29`)
    const [first, second] = doc.timeline!.entries
    expect(range(first!.timeSpan)).toBe('7:3-7:8')
    expect(range(second!.timeSpan)).toBe('8:5-8:10')
    expect(textAt(text, second!.timeSpan)).toBe('10:07')
    const [item] = doc.actionItems
    expect(item!.owner!.span).toEqual(spanOf(text, '@ada'))
    expect(range(item!.owner!.span)).toBe('12:22-12:26')
    expect(range(item!.textSpan)).toBe('12:3-12:19')
    expect(lc(doc.span.end)).toBe('13:1')
    expect(doc.pointAt(text.indexOf('@ada'))).toEqual(item!.owner!.span.start)
  })

  it('agree after a byte-order mark, relative to the source without it', () => {
    const doc = parse(`\uFEFF${source}`)
    expect(doc.source).toBe(source)
    expect(range(doc.title!.span)).toBe('1:1-1:9')
    expect(range(doc.timeline!.entries[0]!.timeSpan)).toBe('7:3-7:8')
    expect(doc.actionItems[0]!.owner!.span).toEqual(spanOf(source, '@ada'))
  })
})
