import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { categoryIds, lint, resolveConfig, rules, version } from '@postmortem-lint/core'
import { pageExamples, readPage, rulePages } from './helpers/rule-pages.js'

const ruleSources = readdirSync(new URL('../packages/core/src/rules/', import.meta.url))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.replace(/\.ts$/, ''))
  .sort()

const REQUIRED_HEADINGS = ['## Why', '## What it checks', '## Options', '## Examples', '## When not to use it']

describe('rule contract: nothing is written twice, nothing drifts', () => {
  const ids = Object.keys(rules).sort()

  it('registry keys, rule files and rule pages are the same set', () => {
    expect(ruleSources).toEqual(ids)
    expect(rulePages()).toEqual(ids)
  })

  it('the registry is sorted by id', () => {
    expect(Object.keys(rules)).toEqual(ids)
  })

  for (const [key, rule] of Object.entries(rules)) {
    describe(key, () => {
      it('has its key as its id', () => expect(rule.id).toBe(key))

      it('links to its page at the release tag', () => {
        expect(rule.meta.docsUrl).toBe(`https://github.com/postmortem-lint/postmortem-lint/blob/v${version}/rules/${key}.md`)
      })

      it('belongs to a rubric category', () => expect(categoryIds).toContain(rule.meta.category))

      it('its options schema accepts no options (defaults apply)', () => {
        if (rule.meta.options) expect(rule.meta.options.safeParse(undefined).success).toBe(true)
      })

      it('its page has the required sections in order', () => {
        const page = readPage(key)
        const positions = REQUIRED_HEADINGS.map((heading) => page.indexOf(`\n${heading}`))
        expect(positions.every((position) => position >= 0), `missing one of ${REQUIRED_HEADINGS.join(', ')}`).toBe(true)
        expect([...positions].sort((a, b) => a - b)).toEqual(positions)
      })

      it('every message id is shown by a bad example on its page', () => {
        const shown = new Set<string>()
        for (const example of pageExamples(readPage(key)).filter((e) => e.kind === 'bad')) {
          const setting = example.options === undefined ? 'error' : ['error', example.options]
          const config = resolveConfig({ extends: [], rules: { [key]: setting } })
          for (const message of lint(example.markdown, { config }).messages) shown.add(message.messageId)
        }
        const missing = Object.keys(rule.meta.messages).filter((messageId) => !shown.has(messageId))
        expect(missing, 'message ids without a bad example on the page').toEqual([])
      })
    })
  }
})
