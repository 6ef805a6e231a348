import type { Nodes } from 'mdast'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/parse/markdown.js'
import { run } from '../rules/helpers.js'
import { md, spanOf } from './helpers.js'

/** Every node of the tree, depth-first. */
function nodes(node: Nodes): Nodes[] {
  return [node, ...('children' in node ? (node.children as Nodes[]).flatMap(nodes) : [])]
}

function offsets(node: Nodes): [number, number] | null {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? null : [start, end]
}

// remark-gfm's autolink-literal transform rebuilds the text around a URL or address that follows
// "[" or a quote, and the nodes it builds have no position (issue 16, defect 1).
const shapes: [string, string][] = [
  ['a bracketed URL in a list item', '- 10:00 [https://example.com]\n'],
  ['a bracketed URL in a paragraph', 'Errors for 12 minutes [https://status.example.com].\nThe deploy ran.\n'],
  ['a quoted www link', "The page 'www.example.com/cart' failed.\n"],
  ['a bracketed e-mail address', 'Write to [ops@example.com] now.\n'],
  ['a task-list item', '- [ ] Look into the pool settings [https://jira.example.com/OPS-1]\n'],
  ['inside emphasis', 'See *the page [https://a.example.com] now* please.\n'],
  ['inside strong at its start', '**[https://a.example.com] is down**\n'],
  ['in a heading', '## Status [https://status.example.com]\n'],
  ['in a table cell', '| Time | Event |\n|---|---|\n| 10:00 | see [https://a.example.com] |\n'],
  ['in a block quote over two lines', '> We saw\n> it at [https://a.example.com] today\n'],
  ['in an indented list continuation', '- first line\n  then [https://a.example.com] here\n'],
  ['after an escape', 'A \\*literal\\* star [https://a.example.com] here.\n'],
  ['after an entity', 'Fish &amp; chips [https://a.example.com] here.\n'],
  ['two in one paragraph', "[https://a.example.com] and 'www.b.example.com' and [c@example.com].\n"],
  ['with CRLF line endings', 'One line\r\nthen [https://a.example.com] here\r\nend.\r\n'],
  ['with CR line endings', 'One line\rthen [https://a.example.com] here\rend.\r'],
]

describe('fillMissingPositions', () => {
  it.each(shapes)('positions every node for %s', (_, source) => {
    const tree = parseMarkdown(source)
    const all = nodes(tree)
    expect(all.filter((node) => offsets(node) === null).map((node) => node.type)).toEqual([])
    for (const node of all) {
      const [start, end] = offsets(node)!
      expect(start).toBeLessThanOrEqual(end)
      expect(end).toBeLessThanOrEqual(source.length)
      // Text nodes whose value is the source verbatim are exactly where that source is.
      if (node.type === 'text' && !/[\\&\r\n>]/.test(source.slice(start, end))) expect(source.slice(start, end)).toBe(node.value)
      // Links from the autolink literal cover their text: the URL or address as written.
      if (node.type === 'link') expect(source.slice(start, end)).toBe(node.children.map((child) => ('value' in child ? child.value : '')).join(''))
    }
  })

  it('gives lines and columns that agree with the offsets', () => {
    const source = 'Intro line\nErrors [https://a.example.com] then\n'
    const link = nodes(parseMarkdown(source)).find((node) => node.type === 'link')!
    expect(link.position?.start).toEqual({ line: 2, column: 9, offset: source.indexOf('https') })
    expect(link.position?.end).toMatchObject({ line: 2, column: 30 })
  })

  it('leaves positions micromark gave untouched', () => {
    const source = 'Plain https://a.example.com link and *emphasis*.\n'
    const before = JSON.stringify(nodes(parseMarkdown(source)).map(offsets))
    expect(before).not.toContain('null')
    expect(JSON.stringify(nodes(parseMarkdown(source)).map(offsets))).toBe(before)
  })
})

describe('findings next to a bracketed autolink literal keep their positions', () => {
  it('timeline-order points at the time in a list item holding a bracketed URL', () => {
    const source = '## Timeline (UTC)\n\n- 10:05 a\n- 10:00 [https://example.com]\n'
    const [message] = run('timeline-order', source).filter((m) => m.messageId === 'out-of-order')
    expect(message).toMatchObject({ line: 4, column: 3, endLine: 4, endColumn: 8 })
  })

  it.each([
    ['a bracketed URL', 'The checkout service returned errors for 12 minutes [https://status.example.com].'],
    ['a quoted www link', "The checkout page 'www.example.com/cart' returned errors for 12 minutes."],
    ['a bracketed address', 'Customers wrote to [help@example.com] for 12 minutes.'],
  ])('blameless-language points at the sentence after %s', (_, first) => {
    const source = md`
      # Outage

      ## Summary

      ${first}
      The deploy ran at 10:00.
      Dave forgot to run the migration before the deploy.
    `
    const [message] = run('blameless-language', source)
    const sentence = spanOf(source, 'Dave forgot to run the migration before the deploy.')
    expect(message).toMatchObject({
      line: sentence.start.line,
      column: sentence.start.column,
      endLine: sentence.end.line,
      endColumn: sentence.end.column,
    })
  })

  it('action-specificity points at a task-list item holding a bracketed ticket URL', () => {
    const source = md`
      # Outage

      ## Action items

      - [x] Add an alert on pool saturation, owner @ana, due 2024-04-01
      - [ ] Look into the pool settings [https://jira.example.com/OPS-1]
    `
    const messages = run('action-specificity', source)
    // The vague second item (its ticket is the bracketed URL), not the start of the list.
    expect(messages.length).toBeGreaterThan(0)
    const item = spanOf(source, 'Look into')
    for (const message of messages) {
      expect(message).toMatchObject({ line: item.start.line, column: item.start.column, endLine: item.start.line })
      expect(message.endColumn).toBeGreaterThan(item.start.column + 20)
    }
  })
})
