import { UNUSED_DIRECTIVE_RULE_ID } from '@postmortem-lint/core'
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver/node'
import type { TextDocument } from 'vscode-languageserver-textdocument'
import { diagnosticSource } from './convert.js'

/**
 * Quick fixes for a finding: switch its rule off with an inline directive (rules/README.md,
 * "Inline configuration"), for the finding's line or for the whole file; for an unused directive
 * (`reportUnusedDisableDirectives`), remove it or the ids in it that silenced nothing.
 *
 * The rules' suggestions are advice in words ("Rewrite with the system as the subject: ..."),
 * not replacement text for the reported range, so none is offered as an edit.
 */
export function codeActionsFor(document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = []
  const seenFile = new Set<string>()
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== diagnosticSource || typeof diagnostic.code !== 'string') continue
    const ruleId = diagnostic.code
    // An unused-directive report is about a comment: the fix is removing it (or the unused ids).
    if (ruleId === UNUSED_DIRECTIVE_RULE_ID) {
      const edit = removeUnusedEdit(document, diagnostic)
      if (edit) actions.push({ title: edit.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [document.uri]: [edit.edit] } } })
      continue
    }
    actions.push({
      title: `Disable ${ruleId} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: [disableLineEdit(document, diagnostic.range.start.line, ruleId)] } },
    })
    if (seenFile.has(ruleId)) continue
    seenFile.add(ruleId)
    actions.push({
      title: `Disable ${ruleId} for this file`,
      kind: CodeActionKind.QuickFix,
      diagnostics: diagnostics.filter((other) => other.source === diagnosticSource && other.code === ruleId),
      edit: { changes: { [document.uri]: [disableFileEdit(document, ruleId)] } },
    })
  }
  return actions
}

function lineText(document: TextDocument, line: number): string {
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } })
  return text.replace(/(?:\r\n|\r|\n)$/, '')
}

/**
 * `<!-- postmortem-lint-disable-line RULE -->` at the end of the finding's first line: a comment
 * of its own line before it would end a list or split a table. In a table row it goes inside the
 * last cell (before the closing pipe), since text after that pipe would make a new cell.
 */
export function disableLineEdit(document: TextDocument, line: number, ruleId: string): TextEdit {
  const text = lineText(document, line)
  const comment = `<!-- postmortem-lint-disable-line ${ruleId} -->`
  const trimmed = text.trimEnd()
  let at = trimmed.length
  if (/^\s*\|/.test(trimmed) && trimmed.endsWith('|') && !trimmed.endsWith('\\|') && trimmed.length > 1) {
    // "| 10:05 | text |": right after the last cell's text, before its padding and the pipe.
    at = trimmed.length - 1
    while (at > 0 && /[ \t]/.test(text[at - 1] ?? '')) at--
  }
  const position = { line, character: at }
  return { range: { start: position, end: position }, newText: ` ${comment}` }
}

/**
 * `<!-- postmortem-lint-disable RULE -->` on a line of its own at the top of the document (after
 * YAML or TOML front matter, which must stay first): a disable with no enable lasts to the end.
 */
export function disableFileEdit(document: TextDocument, ruleId: string): TextEdit {
  const text = document.getText()
  const eol = /\r\n/.test(text) ? '\r\n' : /\r(?!\n)/.test(text) && !/\n/.test(text) ? '\r' : '\n'
  const line = frontMatterEnd(text)
  const position = { line, character: 0 }
  return { range: { start: position, end: position }, newText: `<!-- postmortem-lint-disable ${ruleId} -->${eol}` }
}

/** The line after a leading front matter block (--- or +++ fences), or 0 when there is none. */
function frontMatterEnd(text: string): number {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const fence = lines[0]?.trimEnd()
  if (fence !== '---' && fence !== '+++') return 0
  const close = lines.findIndex((line, index) => index > 0 && line.trimEnd() === fence)
  return close < 0 ? 0 : close + 1
}

/**
 * The edit for an unused-directive report, whose range is the comment itself. The core's message
 * names the unused ids ("... directive for a, b: nothing it covers was reported"); without ids,
 * or when every id in the comment is unused, the comment goes (with its line, when nothing else
 * is on it); otherwise only the unused ids go, the reason after " -- " stays.
 */
export function removeUnusedEdit(document: TextDocument, diagnostic: Diagnostic): { title: string; edit: TextEdit } | null {
  const comment = document.getText(diagnostic.range)
  if (!comment.startsWith('<!--') || !comment.endsWith('-->')) return null
  const inner = comment.slice(4, -3)
  const kind = /^\s*postmortem-lint-[a-z-]+/.exec(inner)?.[0]
  if (kind === undefined) return null
  const rest = inner.slice(kind.length)
  const reasonAt = rest.search(/\s--\s/)
  const body = reasonAt < 0 ? rest : rest.slice(0, reasonAt)
  const tail = reasonAt < 0 ? rest.slice(rest.trimEnd().length) : rest.slice(reasonAt)
  const ids = body.split(/[\s,]+/).filter(Boolean)
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value
  // Rule ids only, so the match is linear however long the message (the ReDoS check holds it to that).
  const named = / directive for ([a-z0-9-]+(?:, [a-z0-9-]+)*): nothing it covers/.exec(message)?.[1]?.split(', ') ?? []
  const kept = ids.filter((id) => !named.includes(id))
  if (ids.length > 0 && named.length > 0 && kept.length > 0) {
    return { title: `Remove ${named.join(', ')} from the unused directive`, edit: { range: diagnostic.range, newText: `<!--${kind} ${kept.join(', ')}${tail}-->` } }
  }
  const { start, end } = diagnostic.range
  const before = document.getText({ start: { line: start.line, character: 0 }, end: start })
  const after = document.getText({ start: end, end: { line: end.line + 1, character: 0 } })
  if (before.trim() === '' && after.trim() === '') {
    // The comment is the whole line: remove the line, line break included.
    return { title: 'Remove the unused directive', edit: { range: { start: { line: start.line, character: 0 }, end: { line: end.line + 1, character: 0 } }, newText: '' } }
  }
  // Inline (a table row, the end of a sentence): the comment and the space before it.
  const spaces = before.length - before.trimEnd().length
  return { title: 'Remove the unused directive', edit: { range: { start: { line: start.line, character: start.character - spaces }, end }, newText: '' } }
}
