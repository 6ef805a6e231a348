import type { Nodes } from 'mdast'
import type { PostmortemDocument } from '../model/types.js'

/**
 * Inline control comments, one grammar for every rule (remark-message-control's idea):
 *   <!-- postmortem-lint-disable [rule-id ...] -->           until a matching enable
 *   <!-- postmortem-lint-enable [rule-id ...] -->
 *   <!-- postmortem-lint-disable-next-line [rule-id ...] --> the line after the comment
 *   <!-- postmortem-lint-disable-line [rule-id ...] -->      the comment's own line (table rows)
 *   <!-- postmortem-lint-ignore-file -->                      do not lint this file
 * Without rule ids a directive applies to every rule. Ids may be separated by spaces or commas,
 * and a "-- reason" after them is allowed, as in ESLint.
 *
 * Only HTML nodes are read, so a directive shown in a code block or in inline code is just text.
 * Nor are HTML nodes inside a block quote: quoted material (a pasted chat log, another document's
 * source) must not switch rules off for the document quoting it.
 */
export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'ignore-file'

const KINDS: readonly DirectiveKind[] = ['disable-next-line', 'disable-line', 'disable', 'enable', 'ignore-file']
const PREFIX = 'postmortem-lint-'

export interface Directive {
  kind: DirectiveKind
  /** Rule ids; empty means all rules. */
  ruleIds: string[]
  line: number
  column: number
  endLine: number
  endColumn: number
  /** Rule ids this directive silenced a message of (for unused-directive reports). */
  usedBy: Set<string>
}

/** A directive that silenced nothing, or the ids in it that silenced nothing. */
export interface UnusedDirective {
  directive: Directive
  /** The unused ids; empty when the directive names no ids (it applies to every rule). */
  ruleIds: string[]
}

export interface InlineControl {
  directives: Directive[]
  ignoreFile: boolean
  /** Whether a message of `ruleId` starting on `line` is silenced; records the directive as used. */
  suppresses(ruleId: string, line: number): boolean
  unused(): UnusedDirective[]
}

type Source = Pick<PostmortemDocument, 'tree' | 'source' | 'pointAt'>

export function collectDirectives(doc: Source): InlineControl {
  const directives: Directive[] = []
  // A stack, not recursion: a list nested thousands of levels deep must not overflow the call stack.
  const pending: Nodes[] = [doc.tree]
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'blockquote') continue
    if (node.type === 'html') readHtml(node, doc, directives)
    if ('children' in node) for (const child of node.children) pending.push(child)
  }
  directives.sort((a, b) => a.line - b.line || a.column - b.column)
  const ignoreFile = directives.some((directive) => directive.kind === 'ignore-file')

  const applies = (directive: Directive, ruleId: string): boolean =>
    directive.ruleIds.length === 0 || directive.ruleIds.includes(ruleId)
  const silence = (directive: Directive, ruleId: string): true => {
    directive.usedBy.add(ruleId)
    return true
  }

  return {
    directives,
    ignoreFile,
    suppresses(ruleId, line) {
      for (const directive of directives) {
        if (!applies(directive, ruleId)) continue
        if (directive.kind === 'disable-line' && line >= directive.line && line <= directive.endLine) return silence(directive, ruleId)
        if (directive.kind === 'disable-next-line' && line === directive.endLine + 1) return silence(directive, ruleId)
      }
      // The last disable/enable at or before the line that covers this rule decides.
      let active: Directive | null = null
      for (const directive of directives) {
        if (directive.line > line) break
        if ((directive.kind === 'disable' || directive.kind === 'enable') && applies(directive, ruleId)) active = directive
      }
      return active?.kind === 'disable' ? silence(active, ruleId) : false
    },
    unused() {
      const unused: UnusedDirective[] = []
      for (const directive of directives) {
        if (directive.kind === 'enable' || directive.kind === 'ignore-file') continue
        // As in ESLint, "disable a, b" that only ever silenced a is reported for b.
        const idle = directive.ruleIds.filter((id) => !directive.usedBy.has(id))
        if (directive.ruleIds.length === 0 ? directive.usedBy.size === 0 : idle.length > 0) unused.push({ directive, ruleIds: idle })
      }
      return unused
    },
  }
}

function readHtml(node: Extract<Nodes, { type: 'html' }>, doc: Source, into: Directive[]): void {
  const startOffset = node.position?.start.offset
  const endOffset = node.position?.end.offset
  if (startOffset === undefined || endOffset === undefined) return
  // Positions come from the source, not node.value: inside a list item the value has its
  // indentation stripped, which would shift columns on the comment's later lines.
  const raw = doc.source.slice(startOffset, endOffset)
  for (const comment of directiveComments(raw)) {
    const body = comment.body.split(/\s--\s/)[0] ?? ''
    const start = doc.pointAt(startOffset + comment.start)
    const end = doc.pointAt(startOffset + comment.end)
    into.push({
      kind: comment.kind,
      ruleIds: [...new Set(body.split(/[\s,]+/).filter(Boolean))],
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      usedBy: new Set(),
    })
  }
}

interface DirectiveComment {
  kind: DirectiveKind
  /** What follows the kind, up to the "-->". */
  body: string
  start: number
  end: number
}

/**
 * "<!-- postmortem-lint-<kind> ... -->" comments, found with indexOf. A regex with a lazy body up
 * to "-->" would scan to the end of the text again from every "<!--" that has no "-->" after it.
 */
function directiveComments(text: string): DirectiveComment[] {
  const found: DirectiveComment[] = []
  for (let open = text.indexOf('<!--'); open >= 0; ) {
    const kindStart = skipSpaces(text, open + 4) + PREFIX.length
    const kind = text.startsWith(PREFIX, kindStart - PREFIX.length) ? kindAt(text, kindStart) : null
    if (kind === null) {
      open = text.indexOf('<!--', open + 1)
      continue
    }
    const bodyStart = kindStart + kind.length
    const close = text.indexOf('-->', bodyStart)
    // No later comment can be closed either.
    if (close < 0) break
    found.push({ kind, body: text.slice(bodyStart, close), start: open, end: close + 3 })
    open = text.indexOf('<!--', close + 3)
  }
  return found
}

/** The kind at `index`, ended by a space or by "-->" ("disable-lines" is no directive). */
function kindAt(text: string, index: number): DirectiveKind | null {
  const ends = (at: number): boolean => /\s/.test(text[at] ?? '') || text.startsWith('-->', at)
  return KINDS.find((kind) => text.startsWith(kind, index) && ends(index + kind.length)) ?? null
}

function skipSpaces(text: string, index: number): number {
  let cursor = index
  while (cursor < text.length && /\s/.test(text[cursor] ?? '')) cursor++
  return cursor
}
