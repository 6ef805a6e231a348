import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Code } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

export interface PageExample {
  kind: 'bad' | 'good'
  markdown: string
  options: unknown
  /** The `text output` block after a bad example: expected messages, one per line. */
  output: string[] | null
  line: number
  /** Source offsets of the example block and of its output block, for rewriting. */
  end: number
  outputRange: [number, number] | null
}

export const rulesDir = new URL('../../rules/', import.meta.url).pathname

export function rulePages(): string[] {
  return readdirSync(rulesDir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .map((file) => file.replace(/\.md$/, ''))
    .sort()
}

export function readPage(id: string): string {
  return readFileSync(join(rulesDir, `${id}.md`), 'utf8')
}

/**
 * Examples are fenced blocks whose info string is `markdown bad` or `markdown good`, optionally
 * followed by JSON options (`markdown bad {"allow": ["missed"]}`); GitHub renders only the
 * language. A `text output` block after a bad example lists the exact messages.
 */
export function pageExamples(source: string): PageExample[] {
  const tree = unified().use(remarkParse).parse(source)
  const codes = tree.children.filter((node): node is Code => node.type === 'code')
  const examples: PageExample[] = []
  codes.forEach((code, index) => {
    if (code.lang !== 'markdown' || !code.meta) return
    const match = /^(bad|good)\b\s*(.*)$/.exec(code.meta.trim())
    if (!match) return
    const next = codes[index + 1]
    const output = match[1] === 'bad' && next?.lang === 'text' && next.meta?.trim() === 'output' ? next.value.split('\n').filter(Boolean) : null
    examples.push({
      kind: match[1] as 'bad' | 'good',
      markdown: code.value + '\n',
      options: match[2] ? (JSON.parse(match[2]) as unknown) : undefined,
      output,
      line: code.position?.start.line ?? 0,
      end: code.position?.end.offset ?? 0,
      outputRange: output && next ? [next.position?.start.offset ?? 0, next.position?.end.offset ?? 0] : null,
    })
  })
  return examples
}

/** Rewrite the output blocks of a page (npm run docs:update), last example first. */
export function rewriteOutputs(source: string, outputs: Map<number, string[]>): string {
  let result = source
  const examples = pageExamples(source).filter((example) => example.kind === 'bad').reverse()
  for (const example of examples) {
    const lines = outputs.get(example.line)
    if (!lines) continue
    const block = '```text output\n' + lines.join('\n') + '\n```'
    if (example.outputRange) result = result.slice(0, example.outputRange[0]) + block + result.slice(example.outputRange[1])
    else result = result.slice(0, example.end) + '\n\n' + block + result.slice(example.end)
  }
  return result
}
