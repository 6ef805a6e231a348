import type { Html, Nodes, Root } from 'mdast'

/**
 * Inline control comments, one grammar for every rule (remark-message-control's idea):
 *   <!-- postmortem-lint-disable [rule-id ...] -->           until a matching enable
 *   <!-- postmortem-lint-enable [rule-id ...] -->
 *   <!-- postmortem-lint-disable-next-line [rule-id ...] --> the line after the comment
 *   <!-- postmortem-lint-disable-line [rule-id ...] -->      the comment's own line (table rows)
 *   <!-- postmortem-lint-ignore-file -->                      do not lint this file
 * Without rule ids a directive applies to every rule. Ids may be separated by spaces or commas,
 * and a "-- reason" after them is allowed, as in ESLint.
 */
const DIRECTIVE = /<!--\s*postmortem-lint-(disable-next-line|disable-line|disable|enable|ignore-file)\b([^]*?)-->/g

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'ignore-file'

export interface Directive {
  kind: DirectiveKind
  /** Rule ids; empty means all rules. */
  ruleIds: string[]
  line: number
  column: number
  endLine: number
  endColumn: number
  used: boolean
}

export interface InlineControl {
  directives: Directive[]
  ignoreFile: boolean
  /** Whether a message of `ruleId` starting on `line` is silenced; marks the directive used. */
  suppresses(ruleId: string, line: number): boolean
  unused(): Directive[]
}

export function collectDirectives(tree: Root): InlineControl {
  const directives: Directive[] = []
  const visit = (node: Nodes): void => {
    if (node.type === 'html') readHtml(node, directives)
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  directives.sort((a, b) => a.line - b.line || a.column - b.column)
  const ignoreFile = directives.some((directive) => directive.kind === 'ignore-file')

  const applies = (directive: Directive, ruleId: string): boolean =>
    directive.ruleIds.length === 0 || directive.ruleIds.includes(ruleId)

  return {
    directives,
    ignoreFile,
    suppresses(ruleId, line) {
      for (const directive of directives) {
        if (!applies(directive, ruleId)) continue
        if (directive.kind === 'disable-line' && line >= directive.line && line <= directive.endLine) {
          directive.used = true
          return true
        }
        if (directive.kind === 'disable-next-line' && line === directive.endLine + 1) {
          directive.used = true
          return true
        }
      }
      // The last disable/enable before the line that names this rule decides.
      let active: Directive | null = null
      for (const directive of directives) {
        if (directive.line > line) break
        if ((directive.kind === 'disable' || directive.kind === 'enable') && applies(directive, ruleId)) active = directive
      }
      if (active?.kind === 'disable') {
        active.used = true
        return true
      }
      return false
    },
    unused() {
      return directives.filter((directive) => !directive.used && directive.kind !== 'enable' && directive.kind !== 'ignore-file')
    },
  }
}

function readHtml(node: Html, into: Directive[]): void {
  const start = node.position?.start
  if (!start) return
  DIRECTIVE.lastIndex = 0
  for (let match = DIRECTIVE.exec(node.value); match; match = DIRECTIVE.exec(node.value)) {
    const before = node.value.slice(0, match.index)
    const lineOffset = (before.match(/\r\n|\r|\n/g) ?? []).length
    const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'))
    const column = lineOffset === 0 ? start.column + match.index : match.index - lastBreak
    const body = (match[2] ?? '').split(/\s--\s/)[0] ?? ''
    const ruleIds = body
      .split(/[\s,]+/)
      .map((id) => id.trim())
      .filter(Boolean)
    const text = match[0]
    const breaks = (text.match(/\r\n|\r|\n/g) ?? []).length
    into.push({
      kind: match[1] as DirectiveKind,
      ruleIds,
      line: start.line + lineOffset,
      column,
      endLine: start.line + lineOffset + breaks,
      endColumn: column + text.length,
      used: false,
    })
  }
}
