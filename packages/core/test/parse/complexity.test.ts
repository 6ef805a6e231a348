import { describe, expect, it } from 'vitest'
import { findComplexityProblem, INLINE_MARKER_LIMIT, NESTING_LIMIT } from '../../src/parse/complexity.js'

const lines = (count: number, line: (index: number) => string): string => Array.from({ length: count }, (_, index) => line(index)).join('\n')

describe('findComplexityProblem', () => {
  const refused: Record<string, [string, 'nesting' | 'emphasis' | 'brackets']> = {
    'list markers on one line': [`${'- '.repeat(NESTING_LIMIT + 1)}x`, 'nesting'],
    'ordered markers on one line': [`${'1. '.repeat(NESTING_LIMIT + 1)}x`, 'nesting'],
    'block quotes on one line': [`${'> '.repeat(NESTING_LIMIT + 1)}x`, 'nesting'],
    'quotes and lists alternating': [`${'- > '.repeat(NESTING_LIMIT)}x`, 'nesting'],
    'lists nested by indentation': [lines(NESTING_LIMIT + 1, (depth) => `${'  '.repeat(depth)}- x`), 'nesting'],
    'ordered lists nested by indentation': [lines(NESTING_LIMIT + 1, (depth) => `${'   '.repeat(depth)}1. x`), 'nesting'],
    'lists nested by tabs': [lines(NESTING_LIMIT + 1, (depth) => `${'\t'.repeat(depth)}- x`), 'nesting'],
    'block quotes growing line by line': [lines(NESTING_LIMIT + 1, (depth) => `${'>'.repeat(depth + 1)} x`), 'nesting'],
    'lists nested inside one quote': [lines(NESTING_LIMIT + 1, (depth) => `> ${'  '.repeat(depth)}- x`), 'nesting'],
    'a run of delimiters each side': [`${'*'.repeat(INLINE_MARKER_LIMIT)}x${'*'.repeat(INLINE_MARKER_LIMIT)}`, 'emphasis'],
    'alternating emphasis': ['*a'.repeat(INLINE_MARKER_LIMIT + 1), 'emphasis'],
    'emphasis over wrapped lines': [lines(INLINE_MARKER_LIMIT + 1, () => 'some _word_'), 'emphasis'],
    'closing brackets': [`x${']'.repeat(INLINE_MARKER_LIMIT + 1)}`, 'brackets'],
    'many links in one paragraph': ['[a](b) '.repeat(INLINE_MARKER_LIMIT + 1), 'brackets'],
  }
  for (const [name, [source, kind]] of Object.entries(refused)) {
    it(`refuses ${name}`, () => expect(findComplexityProblem(source)?.kind).toBe(kind))
  }

  const accepted: Record<string, string> = {
    'lists nested to the limit': lines(NESTING_LIMIT, (depth) => `${'  '.repeat(depth)}- x`),
    'a thematic break of stars': '* '.repeat(100_000),
    'a run of stars between blanks': `a ${'*'.repeat(100_000)} b`,
    'one emphasis per list item': lines(20_000, (index) => `- **${index}** done`),
    'one emphasis per table row': `| a | b |\n|---|---|\n${lines(20_000, (index) => `| **${index}** | [x](y) |`)}`,
    'emphasis in separate paragraphs': lines(20_000, () => 'some _word_ here\n'),
    'brackets inside a fenced code block': `\`\`\`\n${lines(20_000, () => '[INFO] x]')}\n\`\`\``,
    'brackets inside an indented code block': `text\n\n${lines(20_000, () => '    [INFO] x]')}`,
    'escaped delimiters': '\\*a'.repeat(INLINE_MARKER_LIMIT + 1),
    'deep indentation that is not a list': lines(200, (depth) => `${' '.repeat(depth * 2)}x`),
    'CRLF nested to the limit': lines(NESTING_LIMIT, (depth) => `${'  '.repeat(depth)}- x\r`),
  }
  for (const [name, source] of Object.entries(accepted)) {
    it(`accepts ${name}`, () => expect(findComplexityProblem(source)).toBeNull())
  }

  it('names the count, the line and the limit', () => {
    expect(findComplexityProblem(`# T\n\n${'> '.repeat(150)}x`)).toMatchObject({
      count: 150,
      line: 3,
      limit: NESTING_LIMIT,
      message: `the document nests 150 levels deep at line 3 (limit ${NESTING_LIMIT}); not linted`,
    })
  })
})
