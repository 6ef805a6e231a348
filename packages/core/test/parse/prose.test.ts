import { describe, expect, it } from 'vitest'
import type { PostmortemDocument, Sentence } from '../../src/model/types.js'
import { lc, md, parse, range, spanOf, textAt } from './helpers.js'

const texts = (doc: PostmortemDocument) => doc.prose.map((sentence) => sentence.text)
const find = (doc: PostmortemDocument, start: string): Sentence => {
  const sentence = doc.prose.find((candidate) => candidate.text.startsWith(start))
  if (!sentence) throw new Error(`no sentence starting "${start}" in ${JSON.stringify(texts(doc))}`)
  return sentence
}

describe('prose: where sentences come from', () => {
  const source = md`
    ---
    title: Front matter is not prose.
    ---

    # Queue stall

    ## Summary

    The queue stalled for an hour. Workers were starved.

    ## Impact

    - Checkout failed for 12% of users.
    - Support received 40 tickets.
      A second line of the item.

    | Metric | Value |
    |---|---|
    | Error rate | Peaked at 9%. Then it fell. |

    ## Root cause

    Set \`max_conns\` to 10. The pool was too small.

    \`\`\`
    Fenced code. Is not prose.
    \`\`\`

        Indented code. Is not prose.

    > Quoted chat. Is not prose.

    <!-- postmortem-lint-disable blameless-language -->

    Inline <!-- a hidden note --> comments vanish.
  `

  it('reads paragraphs, list items, table cells and headings in order', () => {
    const doc = parse(source)
    expect(doc.prose.map((sentence) => [sentence.context, sentence.text])).toEqual([
      ['heading', 'Summary'],
      ['paragraph', 'The queue stalled for an hour.'],
      ['paragraph', 'Workers were starved.'],
      ['heading', 'Impact'],
      ['list-item', 'Checkout failed for 12% of users.'],
      ['list-item', 'Support received 40 tickets.'],
      ['list-item', 'A second line of the item.'],
      ['table-cell', 'Error rate'],
      ['table-cell', 'Peaked at 9%.'],
      ['table-cell', 'Then it fell.'],
      ['heading', 'Root cause'],
      ['paragraph', 'Set CODE to 10.'],
      ['paragraph', 'The pool was too small.'],
      ['paragraph', 'Inline comments vanish.'],
    ])
  })

  it('leaves out code, quotes, comments, front matter, the title and header cells', () => {
    const all = texts(parse(source)).join(' | ')
    for (const excluded of ['Fenced', 'Indented', 'Quoted', 'postmortem-lint', 'hidden', 'Front matter', 'Queue stall', 'Metric', 'max_conns']) {
      expect(all).not.toContain(excluded)
    }
  })

  it('tags each sentence with its nearest classified section', () => {
    const doc = parse(source)
    expect(find(doc, 'The queue stalled').section?.kind).toBe('summary')
    expect(find(doc, 'Checkout failed').section?.kind).toBe('impact')
    expect(find(doc, 'Peaked').section?.kind).toBe('impact')
    expect(find(doc, 'The pool').section?.kind).toBe('root-cause')
  })

  it('tags sentences under an unclassified sub-heading with the classified parent, else the section itself', () => {
    const doc = parse('## Root cause\n\n### How we confirmed it\n\nThe graphs agree.\n\n## Notes\n\nA loose remark.\n')
    expect(find(doc, 'The graphs').section?.title).toBe('Root cause')
    expect(find(doc, 'A loose').section?.title).toBe('Notes')
    expect(find(doc, 'A loose').section?.kind).toBeNull()
  })

  it('reads the preamble with no section', () => {
    const doc = parse('# Outage\n\nWritten the day after. Draft.\n\n## Summary\n')
    expect(find(doc, 'Written').section).toBeNull()
    expect(texts(doc).slice(0, 2)).toEqual(['Written the day after.', 'Draft.'])
  })

  it('reads blocks nested in list items', () => {
    const doc = parse('## Impact\n\n- Outer item.\n  - Nested item.\n\n  A second paragraph.\n')
    expect(doc.prose.filter((sentence) => sentence.context === 'list-item').map((sentence) => sentence.text)).toEqual([
      'Outer item.',
      'Nested item.',
      'A second paragraph.',
    ])
  })

  it('reads nothing from a document without prose', () => {
    expect(parse('```\nonly code\n```\n').prose).toEqual([])
  })
})

describe('prose: positions', () => {
  const source = md`
    # Outage

    ## Summary

    The queue **stalled** for an hour. Workers were
    starved by \`retry_loop\`. Ada rolled back.

    - Checkout failed
      for 12% of users. Support got 40 tickets.
  `

  it('spans each sentence exactly, across inline markup and line breaks', () => {
    const doc = parse(source)
    const check = (start: string, expected: string) => {
      const sentence = find(doc, start)
      expect(textAt(source, sentence.span)).toBe(expected)
    }
    check('The queue', 'The queue **stalled** for an hour.')
    check('Workers', 'Workers were\nstarved by `retry_loop`.')
    check('Ada', 'Ada rolled back.')
    check('Checkout', 'Checkout failed\n  for 12% of users.')
    check('Support', 'Support got 40 tickets.')
    expect(range(find(doc, 'Workers').span)).toBe('5:36-6:25')
    expect(range(find(doc, 'Support').span)).toBe('9:21-9:44')
  })

  it('maps offsets inside a sentence back to the source', () => {
    const doc = parse(source)
    const sentence = find(doc, 'The queue')
    expect(sentence.text).toBe('The queue stalled for an hour.')
    expect(lc(sentence.pointAt(sentence.text.indexOf('stalled')))).toBe('5:13')
    expect(lc(sentence.pointAt(sentence.text.indexOf('for')))).toBe('5:23')
    const workers = find(doc, 'Workers')
    expect(workers.text).toBe('Workers were starved by CODE.')
    expect(lc(workers.pointAt(workers.text.indexOf('starved')))).toBe('6:1')
    expect(lc(workers.pointAt(workers.text.indexOf('CODE')))).toBe('6:12')
    // Out-of-range indexes are clamped.
    expect(workers.pointAt(-5)).toEqual(workers.span.start)
    expect(workers.pointAt(999)).toEqual(workers.span.end)
  })

  it('keeps positions right after escapes, entities and hard breaks', () => {
    const wrapped = parse('A sentence with a hard  \nbreak in it.\n').prose
    expect(wrapped.map((sentence) => [sentence.text, range(sentence.span)])).toEqual([['A sentence with a hard break in it.', '1:1-2:13']])
    const text = 'Costs went up 10\\* &amp; more.  \nThen down. Done.\n'
    const doc = parse(text)
    expect(doc.prose.map((sentence) => [sentence.text, textAt(text, sentence.span)])).toEqual([
      ['Costs went up 10* & more.', 'Costs went up 10\\* &amp; more.'],
      // A hard break ends a line, not a sentence: here the sentence had ended already.
      ['Then down.', 'Then down.'],
      ['Done.', 'Done.'],
    ])
  })

  it('keeps positions right in wrapped list items and block-quote-free continuation lines', () => {
    const text = '- **Duration:** 82 minutes of degraded\n  service. Errors for 39 of them.\n'
    const doc = parse(text)
    expect(doc.prose.map((sentence) => range(sentence.span))).toEqual(['1:5-2:11', '2:12-2:34'])
    expect(textAt(text, doc.prose[1]!.span)).toBe('Errors for 39 of them.')
  })

  const lines = ['# Outage', '', '## Summary', '', 'The queue stalled. Workers', 'were starved.', '', '- One item. Two.', '']

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ])('keeps line and column right with %s line endings', (_, eol) => {
    const text = lines.join(eol)
    const doc = parse(text)
    expect(doc.prose.map((sentence) => [sentence.text, range(sentence.span)])).toEqual([
      ['Summary', '3:4-3:11'],
      ['The queue stalled.', '5:1-5:19'],
      ['Workers were starved.', '5:20-6:14'],
      ['One item.', '8:3-8:12'],
      ['Two.', '8:13-8:17'],
    ])
    expect(doc.prose[2]!.span).toEqual(spanOf(text, `Workers${eol}were starved.`))
    expect(doc.section('summary')!.headingSpan.start.line).toBe(3)
  })

  it('ignores a byte-order mark', () => {
    const text = '\uFEFF# Outage\n\nFirst sentence. Second one.\n'
    const doc = parse(text)
    expect(doc.source).toBe(text.slice(1))
    expect(doc.title?.span.start).toEqual({ line: 1, column: 1, offset: 0 })
    expect(doc.prose.map((sentence) => range(sentence.span))).toEqual(['3:1-3:16', '3:17-3:28'])
    expect(textAt(doc.source, doc.prose[1]!.span)).toBe('Second one.')
  })

  it('handles a BOM with CRLF line endings', () => {
    const doc = parse('\uFEFF# Outage\r\n\r\nFirst sentence.\r\nSecond one.\r\n')
    expect(doc.prose.map((sentence) => [sentence.text, range(sentence.span)])).toEqual([
      ['First sentence.', '3:1-3:16'],
      ['Second one.', '4:1-4:12'],
    ])
  })
})
