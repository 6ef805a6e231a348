/**
 * Every built-in rule over every document we have and over documents built to break a parser:
 * lint never throws, no rule crashes, every position is inside the document, and linting is
 * deterministic.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lint, resolveConfig, rules, type LintMessage } from '@postmortem-lint/core'

const repoRoot = new URL('..', import.meta.url).pathname

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => join(dir, file))
}

const fixtures = markdownFiles(join(repoRoot, 'fixtures'))
// The shared corpus sits beside the repository (as in CI); absent folders are skipped.
const corpusDirs = [join(repoRoot, '..', 'shared', 'corpus'), join(repoRoot, '..', 'shared', 'eval', 'base')]

const template = readFileSync(join(repoRoot, 'fixtures', 'not-postmortems', 'template.md'), 'utf8')

const wellFormed = `# Incident: checkout errors

**Date:** 2024-03-05
**Severity:** SEV2

## Summary

Checkout returned errors for 40 minutes after a config push.

## Impact

About 1,200 orders failed; 3% of checkout requests returned 500.

## Timeline

All times UTC.

- 10:00 Config pushed
- 10:05 Alert fired
- 10:40 Rolled back

## Root cause

The config schema allowed an empty pool size.

## Action items

- Validate pool size in CI (owner: @sam, due: 2024-04-01)
`

const edgeDocuments: Record<string, string> = {
  empty: '',
  'only whitespace': ' \n\t\n',
  'only front matter': '---\ntitle: Outage\nseverity: SEV1\ndate: 2024-01-02\n---\n',
  'unclosed front matter': '---\ntitle: Outage\n\n# Title\n',
  'only a title': '# Incident report\n',
  'raw template': template,
  'no timeline': '# Incident\n\n## Summary\n\nThe API was down.\n\n## Root cause\n\nA bad deploy.\n\n## Action items\n\n- Add a canary (owner: @ana, due: 2024-05-01)\n',
  'table of 5,000 rows': `# Incident\n\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n${Array.from(
    { length: 5000 },
    (_, index) => `| ${String(Math.floor(index / 60) % 24).padStart(2, '0')}:${String(index % 60).padStart(2, '0')} | Step ${index} happened |`,
  ).join('\n')}\n`,
  '2,000 nested list levels': `# Incident\n\n## Action items\n\n${'- '.repeat(2000)}Fix it\n`,
  // Indented nesting costs micromark super-linear time, so past 100 levels it is refused.
  '200 nested indented list levels': `# Incident\n\n## Timeline\n\n${Array.from({ length: 200 }, (_, depth) => `${'  '.repeat(depth)}- 10:0${depth % 10} level ${depth}`).join('\n')}\n`,
  '95 nested indented list levels': `# Incident\n\n## Timeline\n\n${Array.from({ length: 95 }, (_, depth) => `${'  '.repeat(depth)}- 10:0${depth % 10} level ${depth}`).join('\n')}\n`,
  '2,000 nested block quotes': `# Incident\n\n## Summary\n\n${'> '.repeat(2000)}Dave broke it\n`,
  '200 KB on one line': `# Incident\n\n## Summary\n\n${'The engineer forgot to check the config and everyone should be more careful. '.repeat(2700)}\n`,
  CRLF: wellFormed.replace(/\n/g, '\r\n'),
  'lone CR': wellFormed.replace(/\n/g, '\r'),
  'mixed line endings': wellFormed.split('\n').map((line, index) => line + (['\n', '\r\n', '\r'][index % 3] ?? '')).join(''),
  BOM: `\uFEFF${wellFormed}`,
  'zero-width and RTL characters': wellFormed
    .replace('Checkout', 'Check\u200Bout\u200D')
    .replace('Config pushed', '\u202Eدفع التكوين\u202C \u2067שלום\u2069 pushed')
    .replace('@sam', '@s\u200Cam\uFEFF'),
  emoji: wellFormed.replace('# Incident', '# 🔥 Incident 👩‍💻').replace('Alert fired', 'Alert fired 🚨🚨 🏳️‍🌈').replace('## Impact', '## 💥 Impact'),
  'unclosed code fence': `${wellFormed}\n\`\`\`yaml\npool: 0\n## Not a heading\n- 10:00 not a timeline entry\n`,
  'HTML blocks': `<div align="center">\n\n# Incident\n\n</div>\n\n<details>\n<summary>Timeline</summary>\n\n## Timeline\n\n- 10:00 <b>Alert</b> fired\n\n</details>\n\n<table><tr><td>Dave forgot</td></tr></table>\n\n<!-- postmortem-lint-disable -->\n\n<script>alert(1)</script>\n\n## Action items\n\n- <em>Investigate</em>\n`,
  'directives everywhere': `<!-- postmortem-lint-disable-next-line -->\n${wellFormed}\n<!-- postmortem-lint-disable nonexistent-rule -- why -->\n<!-- postmortem-lint-enable -->\n<!-- postmortem-lint-disable-line`,
  'lone surrogates and control characters': `# Incident \uD800\n\n## Summary\n\nBroken \uDFFF text \u0000 with NUL \u0007 bell.\n`,
  'headings only': Array.from({ length: 200 }, (_, index) => `${'#'.repeat((index % 6) + 1)} Timeline ${index}`).join('\n'),
  'setext and weird tables': '# Incident\n\nTimeline\n---\n\n| a |\n|---|\n| 10:00 \\| pipe | extra | cells |\n|\n\n| |\n|-|\n',
}

/** Line count as the engine counts lines: \n, \r\n and a lone \r each end one. */
function lineCount(markdown: string): number {
  const source = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown
  return source.split(/\r\n|\r|\n/).length
}

const config = resolveConfig({ reportUnusedDisableDirectives: true })

/**
 * Documents nested past the parser's limit (parse/complexity.ts): lint returns a `fatal` result
 * naming the limit instead of parsing; any other document must lint.
 */
const parserLimits = new Set(['2,000 nested list levels', '2,000 nested block quotes', '200 nested indented list levels'])

function checkDocument(name: string, markdown: string): void {
  const enabled = config.rules.map((entry) => entry.rule.id).sort()
  expect(enabled).toEqual(Object.keys(rules).sort())
  const first = lint(markdown, { filePath: name, config })
  const second = lint(markdown, { filePath: name, config })
  expect(JSON.stringify(second)).toBe(JSON.stringify(first))
  if (parserLimits.has(name)) {
    expect(first.fatal).toMatch(/^the document nests \d+ levels deep at line \d+ \(limit 100\); not linted$/)
    expect(first.errorCount).toBe(1)
    return
  }
  expect(first.fatal).toBeUndefined()
  expect(first.messages.filter((message) => message.messageId === 'rule-crashed')).toEqual([])
  const lines = lineCount(markdown)
  const where = (message: Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>) =>
    `${name}: ${JSON.stringify(message)} (document has ${lines} lines)`
  for (const message of first.messages) {
    for (const located of [message, ...(message.related ?? [])]) {
      expect(located.line, where(located)).toBeGreaterThanOrEqual(1)
      expect(located.line, where(located)).toBeLessThanOrEqual(lines)
      expect(located.endLine, where(located)).toBeLessThanOrEqual(lines)
      expect(located.column, where(located)).toBeGreaterThanOrEqual(1)
      const ordered = located.endLine > located.line || (located.endLine === located.line && located.endColumn >= located.column)
      expect(ordered, where(located)).toBe(true)
    }
  }
  const sorted = [...first.messages].sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0))
  expect(first.messages.map((message) => [message.line, message.column, message.ruleId])).toEqual(
    sorted.map((message) => [message.line, message.column, message.ruleId]),
  )
  expect(first.score).toBeGreaterThanOrEqual(0)
  expect(first.score).toBeLessThanOrEqual(100)
}

describe('robustness: every built-in rule over every document', () => {
  describe('fixtures', () => {
    it('finds the fixtures', () => expect(fixtures.length).toBeGreaterThan(5))
    for (const file of fixtures) it(file.slice(repoRoot.length), () => checkDocument(file, readFileSync(file, 'utf8')))
  })

  for (const dir of corpusDirs) {
    describe.skipIf(!existsSync(dir))(dir, () => {
      for (const file of markdownFiles(dir)) it(file.slice(dir.length + 1), () => checkDocument(file, readFileSync(file, 'utf8')))
    })
  }

  describe('edge documents', () => {
    for (const [name, markdown] of Object.entries(edgeDocuments)) it(name, () => checkDocument(name, markdown), 60_000)
  })
})
