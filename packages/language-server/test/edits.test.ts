// The edits behind the quick fixes and the line the score lens sits on, on the shapes a
// postmortem takes (front matter, table rows, CRLF). The stdio tests apply them end to end.
import { TextDocument } from 'vscode-languageserver-textdocument'
import { describe, expect, it } from 'vitest'
import { disableFileEdit, disableLineEdit } from '../src/actions.js'
import { titleLine, toPosition } from '../src/convert.js'

const doc = (text: string) => TextDocument.create('file:///x.md', 'markdown', 1, text)
const applied = (text: string, edit: ReturnType<typeof disableFileEdit>) => TextDocument.applyEdits(doc(text), [edit])

describe('quick fix edits', () => {
  it('puts a file-wide disable after YAML or TOML front matter, with the file\'s line ending', () => {
    expect(applied('---\ntitle: x\n---\n# Outage\n', disableFileEdit(doc('---\ntitle: x\n---\n# Outage\n'), 'metadata'))).toBe(
      '---\ntitle: x\n---\n<!-- postmortem-lint-disable metadata -->\n# Outage\n',
    )
    expect(applied('+++\na = 1\n+++\r\n# Outage\r\n', disableFileEdit(doc('+++\na = 1\n+++\r\n# Outage\r\n'), 'metadata'))).toBe(
      '+++\na = 1\n+++\r\n<!-- postmortem-lint-disable metadata -->\r\n# Outage\r\n',
    )
    // An unclosed fence is not front matter.
    expect(applied('---\n# Outage\n', disableFileEdit(doc('---\n# Outage\n'), 'metadata'))).toBe('<!-- postmortem-lint-disable metadata -->\n---\n# Outage\n')
  })

  it('appends a line directive after the text, inside the last cell of a table row', () => {
    const text = '# T\r\n\r\nDave broke it.   \r\n| 10:05 | Dave broke it |  \r\n| a \\| b \\|\n'
    const line = (n: number) => applied(text, disableLineEdit(doc(text), n, 'blameless-language')).split(/\r?\n/)[n]
    expect(line(2)).toBe('Dave broke it. <!-- postmortem-lint-disable-line blameless-language -->   ')
    expect(line(3)).toBe('| 10:05 | Dave broke it <!-- postmortem-lint-disable-line blameless-language --> |  ')
    // An escaped pipe at the end is cell text, not the closing pipe.
    expect(line(4)).toBe('| a \\| b \\| <!-- postmortem-lint-disable-line blameless-language -->')
  })
})

describe('positions and the lens line', () => {
  it('moves the first line right by one when the editor keeps a byte-order mark', () => {
    expect(toPosition(1, 3, '\uFEFF# T')).toEqual({ line: 0, character: 3 })
    expect(toPosition(2, 3, '\uFEFF# T\nab')).toEqual({ line: 1, character: 2 })
    expect(toPosition(1, 3, '# T')).toEqual({ line: 0, character: 2 })
  })

  it('is the first heading, not a comment in front matter', () => {
    expect(titleLine('---\n# a YAML comment\ntitle: x\n---\n\n# Outage\n')).toBe(5)
    expect(titleLine('Some text\n\n## Outage\n')).toBe(2)
    expect(titleLine('No heading at all\n')).toBe(0)
  })
})
