import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import remarkPostmortemLint from '@postmortem-lint/core/remark'
import { lint, resolveConfig } from '../../src/index.js'

const markdown = `# Incident: checkout errors

## Timeline

- 10:05 Dave forgot the flag
- 09:00 Deploy started

## Action items

- Investigate
`

function processor(options?: Parameters<typeof remarkPostmortemLint>[0]) {
  return unified().use(remarkParse).use(remarkPostmortemLint, options)
}

describe('remark plugin', () => {
  it('emits the same findings as lint, as vfile messages', async () => {
    const file = await processor().process(new VFile({ path: 'incident.md', value: markdown }))
    const expected = lint(markdown, { filePath: 'incident.md' }).messages
    expect(expected.length).toBeGreaterThan(3)
    expect(file.messages).toHaveLength(expected.length)
    file.messages.forEach((message, index) => {
      const want = expected[index]!
      expect(message.reason).toBe(want.message)
      expect(message.ruleId).toBe(want.ruleId)
      expect(message.source).toBe('postmortem-lint')
      expect(message.url).toBe(want.docsUrl)
      expect(message.place).toEqual({ start: { line: want.line, column: want.column }, end: { line: want.endLine, column: want.endColumn } })
      expect(message.line).toBe(want.line)
      expect(message.column).toBe(want.column)
      expect(message.fatal).toBe(want.severity === 2)
      if (want.suggestion !== undefined) expect(message.expected).toEqual([want.suggestion])
    })
  })

  it('reports warnings with fatal false and errors with fatal true', async () => {
    const config = resolveConfig({ extends: [], rules: { 'blameless-language': 'warn', 'action-specificity': 'error' } })
    const file = await processor({ config }).process(markdown)
    const byRule = (id: string) => file.messages.filter((message) => message.ruleId === id)
    expect(byRule('blameless-language').length).toBeGreaterThan(0)
    expect(byRule('blameless-language').every((message) => message.fatal === false)).toBe(true)
    expect(byRule('action-specificity').length).toBeGreaterThan(0)
    expect(byRule('action-specificity').every((message) => message.fatal === true)).toBe(true)
  })

  it('uses the given config', async () => {
    const config = resolveConfig({ extends: [], rules: { 'blameless-language': 'error' } })
    const file = await processor({ config }).process(markdown)
    expect(file.messages.map((message) => `${message.ruleId}@${message.line}`)).toEqual(['blameless-language@5'])
  })

  it('reads a file given as bytes as UTF-8 text', async () => {
    const config = resolveConfig({ extends: [], rules: { 'blameless-language': 'error' } })
    const file = await processor({ config }).process(new VFile({ path: 'incident.md', value: new TextEncoder().encode(markdown) }))
    expect(file.messages.map((message) => `${message.ruleId}@${message.line}`)).toEqual(['blameless-language@5'])
  })

  it('a lint-only pipeline (no serializer) can process, and leaves the document as it was', async () => {
    const file = await unified().use(remarkParse).use(remarkPostmortemLint).process(markdown)
    expect(String(file)).toBe(markdown)
    expect(file.messages.length).toBeGreaterThan(0)
  })

  it('a serializer used before or after the plugin still compiles', async () => {
    // A stand-in for remark-stringify: any plugin that sets the compiler.
    function shout(this: { compiler?: unknown }) {
      this.compiler = (_tree: unknown, file: unknown) => String(file).toUpperCase()
    }
    const after = await unified().use(remarkParse).use(remarkPostmortemLint).use(shout).process(markdown)
    const before = await unified().use(remarkParse).use(shout).use(remarkPostmortemLint).process(markdown)
    for (const file of [after, before]) {
      expect(String(file)).toBe(markdown.toUpperCase())
      expect(file.messages.length).toBe(lint(markdown).messages.length)
    }
  })

  it('honours inline control comments and reports nothing for an ignored file', async () => {
    const file = await processor().process(`<!-- postmortem-lint-ignore-file -->\n${markdown}`)
    expect(file.messages).toEqual([])
  })
})
