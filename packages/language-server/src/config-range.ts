import type { Range } from 'vscode-languageserver/node'
import { TextDocument } from 'vscode-languageserver-textdocument'

/**
 * Where in a config file its problem is: the position a JSON syntax error names ("invalid JSON
 * at line L, column C"), else the quoted key the core names ("rules.timeline-order": the
 * `"timeline-order"` after the `"rules"`), else the start of the file.
 */
export function configProblemRange(text: string, key: string | null, problem: string): Range {
  const start = { line: 0, character: 0 }
  const syntax = /^invalid JSON at line (\d+), column (\d+)/.exec(problem)
  if (syntax) {
    const position = { line: Number(syntax[1]) - 1, character: Number(syntax[2]) - 1 }
    return { start: position, end: position }
  }
  if (!key || !text) return { start, end: start }
  let from = 0
  let found: { at: number; length: number } | null = null
  for (const segment of key.split('.')) {
    const quoted = JSON.stringify(segment)
    const at = text.indexOf(quoted, from)
    if (at < 0) break
    found = { at, length: quoted.length }
    from = at + quoted.length
  }
  if (!found) return { start, end: start }
  const document = TextDocument.create('file:///config', 'json', 1, text)
  return { start: document.positionAt(found.at), end: document.positionAt(found.at + found.length) }
}
