import { describe, expect, it } from 'vitest'
import { lint, resolveConfig } from '../../src/index.js'
import { found, lintFlags } from './helpers.js'

const md = (...lines: string[]) => `${lines.join('\n')}\n`

describe('inline control: disable and enable', () => {
  it('disables one rule until it is enabled again', () => {
    const doc = md(
      'ALPHA BETA',
      '<!-- postmortem-lint-disable flag-a -->',
      'ALPHA BETA',
      '<!-- postmortem-lint-enable flag-a -->',
      'ALPHA BETA',
    )
    expect(found(doc)).toEqual(['flag-a@1', 'flag-b@1', 'flag-b@3', 'flag-a@5', 'flag-b@5'])
  })

  it('disables every rule without ids, to the end of the file when never enabled', () => {
    const doc = md('ALPHA BETA', '', '<!-- postmortem-lint-disable -->', '', 'ALPHA BETA', '', 'ALPHA')
    expect(found(doc)).toEqual(['flag-a@1', 'flag-b@1'])
  })

  it('enables every rule without ids', () => {
    const doc = md('<!-- postmortem-lint-disable flag-a flag-b -->', 'ALPHA BETA', '<!-- postmortem-lint-enable -->', 'ALPHA BETA')
    expect(found(doc)).toEqual(['flag-a@4', 'flag-b@4'])
  })

  it('enables one rule after disabling all', () => {
    const doc = md('<!-- postmortem-lint-disable -->', 'ALPHA BETA', '<!-- postmortem-lint-enable flag-b -->', 'ALPHA BETA')
    expect(found(doc)).toEqual(['flag-b@4'])
  })
})

describe('inline control: disable-next-line and disable-line', () => {
  it('disable-next-line on its own line silences only the next line', () => {
    const doc = md('<!-- postmortem-lint-disable-next-line flag-a -->', 'ALPHA BETA', 'ALPHA')
    expect(found(doc)).toEqual(['flag-b@2', 'flag-a@3'])
  })

  it('disable-next-line at the end of a paragraph line silences the following line', () => {
    const doc = md('First ALPHA <!-- postmortem-lint-disable-next-line -->', 'ALPHA BETA', 'ALPHA')
    expect(found(doc)).toEqual(['flag-a@1', 'flag-a@3'])
  })

  it('disable-next-line directly before a table silences its header row', () => {
    const doc = md('<!-- postmortem-lint-disable-next-line flag-a -->', '| ALPHA | Event |', '|---|---|', '| 10:00 | ALPHA |')
    expect(found(doc)).toEqual(['flag-a@4'])
  })

  it('disable-next-line in the last cell of a row silences the next row', () => {
    const doc = md(
      '| Time | Event |',
      '|---|---|',
      '| 10:00 | ALPHA <!-- postmortem-lint-disable-next-line flag-a --> |',
      '| 10:05 | ALPHA BETA |',
      '| 10:10 | ALPHA |',
    )
    expect(found(doc)).toEqual(['flag-a@3', 'flag-b@4', 'flag-a@5'])
  })

  it('a comment line between two rows silences the next line (GFM ends the table there, as GitHub does)', () => {
    const doc = md('| Time | Event |', '|---|---|', '| 10:00 | ok |', '<!-- postmortem-lint-disable-next-line -->', '| 10:05 | ALPHA |', 'ALPHA')
    expect(found(doc)).toEqual(['flag-a@6'])
  })

  it('disable-line inside a table row silences that row only', () => {
    const doc = md(
      '| Time | Event |',
      '|---|---|',
      '| 10:00 | ALPHA BETA <!-- postmortem-lint-disable-line flag-a --> |',
      '| 10:05 | ALPHA |',
    )
    expect(found(doc)).toEqual(['flag-b@3', 'flag-a@4'])
  })

  it('disable-line inside a table row works for a real rule', () => {
    const config = resolveConfig({ extends: [], rules: { 'blameless-language': 'error' } })
    const doc = md(
      '# Incident',
      '',
      '## Timeline',
      '',
      '| Time (UTC) | Event |',
      '|---|---|',
      '| 10:05 | Dave forgot the flag |',
      '| 10:07 | Dave forgot the flag again <!-- postmortem-lint-disable-line blameless-language --> |',
    )
    expect(lint(doc, { config }).messages.map((message) => `${message.ruleId}@${message.line}`)).toEqual(['blameless-language@7'])
  })

  it('a directive written over several lines covers the line after its end', () => {
    const doc = md('<!-- postmortem-lint-disable-next-line', '     flag-a -->', 'ALPHA', 'ALPHA')
    expect(found(doc)).toEqual(['flag-a@4'])
  })
})

describe('inline control: rule ids and reasons', () => {
  for (const ids of ['flag-a,flag-b', 'flag-a, flag-b', 'flag-a flag-b', ' flag-a ,  flag-b ']) {
    it(`reads the ids in "${ids}"`, () => {
      expect(found(md(`<!-- postmortem-lint-disable-next-line ${ids} -->`, 'ALPHA BETA', 'ALPHA BETA'))).toEqual(['flag-a@3', 'flag-b@3'])
    })
  }

  it('a "-- reason" after the ids is not read as ids', () => {
    const doc = md('<!-- postmortem-lint-disable-next-line flag-a -- quoting the flag-b chat log -->', 'ALPHA BETA')
    expect(found(doc)).toEqual(['flag-b@2'])
    expect(lintFlags(doc, { reportUnusedDisableDirectives: true }).messages.map((message) => message.ruleId)).toEqual(['flag-b'])
  })

  it('a "-- reason" with no ids applies to every rule', () => {
    expect(found(md('<!-- postmortem-lint-disable-next-line -- pasted from the pager -->', 'ALPHA BETA'))).toEqual([])
  })

  it('look-alikes are not directives', () => {
    const doc = md('<!-- postmortem-lint-disabled -->', '<!-- postmortem-lint-disable-foo -->', '<!-- eslint-disable -->', 'ALPHA')
    expect(found(doc)).toEqual(['flag-a@4'])
  })

  it('a comment never closed is not a directive, and an opener before a directive does not hide it', () => {
    expect(found(md('<!-- postmortem-lint-disable flag-a', '', 'ALPHA'))).toEqual(['flag-a@3'])
    expect(found(md('<!-- note <!-- postmortem-lint-disable-next-line flag-a -->', 'ALPHA BETA'))).toEqual(['flag-b@2'])
  })
})

describe('inline control: ignore-file', () => {
  it('skips the file, with the reason', () => {
    const result = lintFlags(md('# Notes', '', '<!-- postmortem-lint-ignore-file -->', '', 'ALPHA BETA'))
    expect(result).toMatchObject({ messages: [], errorCount: 0, warningCount: 0, score: null, categories: {}, skipped: expect.stringContaining('ignore-file') })
    expect(result.filePath).toBe('doc.md')
  })

  it('is honoured anywhere in the file, even after findings', () => {
    expect(lintFlags(md('ALPHA', '', 'text <!-- postmortem-lint-ignore-file --> text')).skipped).toBeDefined()
  })

  it('is not honoured inside a code block', () => {
    const result = lintFlags(md('```markdown', '<!-- postmortem-lint-ignore-file -->', '```', '', 'ALPHA'))
    expect(result.skipped).toBeUndefined()
    expect(result.messages.map((message) => message.line)).toEqual([5])
  })
})

describe('inline control: where a comment is not a directive', () => {
  it('inside a fenced code block (a code node, not an html node)', () => {
    const doc = md('```html', '<!-- postmortem-lint-disable -->', '```', '', 'ALPHA')
    expect(found(doc)).toEqual(['flag-a@5'])
    expect(found(md('~~~', '<!-- postmortem-lint-disable-next-line -->', 'ALPHA', '~~~'))).toEqual(['flag-a@3'])
  })

  it('inside an indented code block', () => {
    expect(found(md('Example:', '', '    <!-- postmortem-lint-disable -->', '', 'ALPHA'))).toEqual(['flag-a@5'])
  })

  it('inside inline code', () => {
    expect(found(md('Write `<!-- postmortem-lint-disable-line -->` to silence ALPHA'))).toEqual(['flag-a@1'])
  })

  it('inside a block quote: quoted material does not switch rules off for the document', () => {
    expect(found(md('> <!-- postmortem-lint-disable -->', '> ALPHA', '', 'ALPHA'))).toEqual(['flag-a@2', 'flag-a@4'])
    expect(found(md('> Quoted <!-- postmortem-lint-disable-line --> ALPHA'))).toEqual(['flag-a@1'])
  })

  it('inside a list item it is a directive', () => {
    expect(found(md('- step one <!-- postmortem-lint-disable-line --> ALPHA', '- ALPHA'))).toEqual(['flag-a@2'])
    expect(found(md('- item', '', '  <!-- postmortem-lint-disable-next-line -->', '  ALPHA', '- ALPHA'))).toEqual(['flag-a@5'])
  })
})

describe('inline control: unused directives', () => {
  const doc = md('<!-- postmortem-lint-disable-next-line flag-a -->', 'nothing here', '', 'ALPHA')

  it('are not reported by default', () => {
    expect(lintFlags(doc).messages.map((message) => message.ruleId)).toEqual(['flag-a'])
  })

  it('are reported as warnings with `true` or "warn", as errors with "error", at the comment', () => {
    for (const [setting, severity] of [[true, 1], ['warn', 1], ['error', 2]] as const) {
      const result = lintFlags(doc, { reportUnusedDisableDirectives: setting })
      const unused = result.messages.filter((message) => message.ruleId === 'unused-disable-directive')
      expect(unused).toHaveLength(1)
      expect(unused[0]).toMatchObject({ severity, line: 1, column: 1, endLine: 1, endColumn: 50 })
      expect(unused[0]!.message).toContain('disable-next-line directive for flag-a')
      expect(result.errorCount).toBe(severity === 2 ? 2 : 1)
      expect(result.warningCount).toBe(severity === 1 ? 1 : 0)
    }
  })

  it('are not reported with `false`', () => {
    expect(lintFlags(doc, { reportUnusedDisableDirectives: false }).messages.map((message) => message.ruleId)).toEqual(['flag-a'])
  })

  it('give the position of a comment in the middle of a line and over several lines', () => {
    const result = lintFlags(md('Text <!-- postmortem-lint-disable-line flag-b --> more', '', '<!-- postmortem-lint-disable', '  flag-b -->'), {
      reportUnusedDisableDirectives: true,
    })
    expect(result.messages.map(({ line, column, endLine, endColumn }) => [line, column, endLine, endColumn])).toEqual([
      [1, 6, 1, 50],
      [3, 1, 4, 13],
    ])
  })

  it('are reported for the ids that silenced nothing', () => {
    const result = lintFlags(md('<!-- postmortem-lint-disable-next-line flag-a, flag-b -->', 'ALPHA'), { reportUnusedDisableDirectives: true })
    expect(result.messages).toHaveLength(1)
    expect(result.messages[0]!.message).toContain('directive for flag-b:')
  })

  it('a used directive, an enable and an ignore-file are never reported', () => {
    const used = md('<!-- postmortem-lint-disable flag-a -->', 'ALPHA', '<!-- postmortem-lint-enable flag-a -->', '<!-- postmortem-lint-disable-line --> BETA')
    expect(lintFlags(used, { reportUnusedDisableDirectives: 'error' }).messages).toEqual([])
  })

  it('a disable that covers nothing before its enable is reported', () => {
    const result = lintFlags(md('<!-- postmortem-lint-disable -->', 'fine', '<!-- postmortem-lint-enable -->', 'ALPHA'), { reportUnusedDisableDirectives: true })
    expect(result.messages.map((message) => `${message.ruleId}@${message.line}`)).toEqual(['unused-disable-directive@1', 'flag-a@4'])
  })

  it('cost nothing in the score', () => {
    const result = lintFlags(md('<!-- postmortem-lint-disable -->', 'fine'), { reportUnusedDisableDirectives: 'error' })
    expect(result.messages).toHaveLength(1)
    expect(result.score).toBe(100)
  })
})

describe('inline control: line endings', () => {
  const lf = md(
    'ALPHA',
    '<!-- postmortem-lint-disable-next-line flag-a -->',
    'ALPHA BETA',
    '| a | b |',
    '|---|---|',
    '| ALPHA <!-- postmortem-lint-disable-line flag-a --> | BETA |',
    '<!-- postmortem-lint-disable',
    '  flag-b -->',
    'ALPHA BETA',
    '<!-- postmortem-lint-disable-next-line flag-b -->',
    'nothing',
  )
  const positions = (markdown: string) =>
    lintFlags(markdown, { reportUnusedDisableDirectives: true }).messages.map(({ ruleId, line, column, endLine, endColumn }) => [
      ruleId,
      line,
      column,
      endLine,
      endColumn,
    ])

  it('CRLF files give the same findings at the same positions', () => {
    expect(positions(lf.replace(/\n/g, '\r\n'))).toEqual(positions(lf))
    expect(positions(lf)).toEqual([
      ['flag-a', 1, 1, 1, 6],
      ['flag-b', 3, 7, 3, 11],
      ['flag-b', 6, 56, 6, 60],
      ['flag-a', 9, 1, 9, 6],
      ['unused-disable-directive', 10, 1, 10, 50],
    ])
  })

  it('lone CR line endings too', () => {
    expect(positions(lf.replace(/\n/g, '\r'))).toEqual(positions(lf))
  })
})
