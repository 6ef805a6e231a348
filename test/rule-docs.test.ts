import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { lint, resolveConfig, rules } from '@postmortem-lint/core'
import { pageExamples, readPage, rewriteOutputs, rulePages, rulesDir } from './helpers/rule-pages.js'

// `npm run docs:update` sets this to rewrite the output blocks instead of checking them, so a
// change in behaviour shows up as a reviewed diff of the docs.
const updating = process.env.UPDATE_RULE_DOCS === '1'

/** Render messages the way the pages write them: `line:col-line:col: message [rule]`. */
function render(messages: { line: number; column: number; endLine: number; endColumn: number; message: string; ruleId: string }[]): string[] {
  return messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn}: ${m.message} [${m.ruleId}]`)
}

describe('rule pages: every example runs', () => {
  for (const id of rulePages()) {
    const examples = pageExamples(readPage(id))
    const outputs = new Map<number, string[]>()
    if (updating) afterAll(() => writeFileSync(join(rulesDir, `${id}.md`), rewriteOutputs(readPage(id), outputs)))
    describe(id, () => {
      it('has at least one bad and one good example', () => {
        expect(examples.some((e) => e.kind === 'bad')).toBe(true)
        expect(examples.some((e) => e.kind === 'good')).toBe(true)
      })
      for (const example of examples) {
        it(`${example.kind} example at line ${example.line}`, () => {
          const setting = example.options === undefined ? 'error' : ['error', example.options]
          const config = resolveConfig({ extends: [], rules: { [id]: setting } })
          const messages = lint(example.markdown, { config }).messages.filter((m) => m.ruleId === id)
          if (example.kind === 'good') {
            expect(render(messages)).toEqual([])
          } else {
            expect(messages.length, 'a bad example must produce at least one message').toBeGreaterThan(0)
            if (updating) {
              outputs.set(example.line, render(messages))
              return
            }
            expect(example.output, 'a bad example needs a `text output` block').not.toBeNull()
            expect(render(messages)).toEqual(example.output)
          }
        })
      }
    })
  }

  it('every registered rule has a page and every page a rule', () => {
    expect(rulePages()).toEqual(Object.keys(rules).sort())
  })
})
