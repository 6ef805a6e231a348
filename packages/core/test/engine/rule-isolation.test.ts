import { describe, expect, it } from 'vitest'
import { defineRule, lint, resolveConfig, type Rule } from '../../src/index.js'
import { wordRule } from './helpers.js'

function crashingRule(id: string, throwIt: () => never): Rule<unknown> {
  return defineRule({
    id,
    meta: { description: 'x', category: 'impact', defaultSeverity: 'error', messages: { m: 'm' } },
    check() {
      throwIt()
    },
  }) as Rule<unknown>
}

const doc = '# Incident\n\n## Timeline\n\n- 10:05 Dave forgot the flag\n\nALPHA\n'

describe('rule isolation', () => {
  it('a rule that throws gives one rule-crashed message naming the file and the rule; the others still report', () => {
    const config = resolveConfig({
      extends: [],
      rules: { 'blameless-language': 'error' },
      customRules: [
        crashingRule('boom', () => {
          throw new TypeError('cannot read properties of undefined')
        }),
        wordRule('flag-a', 'ALPHA'),
      ],
    })
    const result = lint(doc, { config, filePath: 'reports/2024-01-02-outage.md' })
    const crashed = result.messages.filter((message) => message.messageId === 'rule-crashed')
    expect(crashed).toHaveLength(1)
    expect(crashed[0]).toMatchObject({ ruleId: 'boom', severity: 2, line: 1, column: 1 })
    expect(crashed[0]!.message).toContain('"boom"')
    expect(crashed[0]!.message).toContain('reports/2024-01-02-outage.md')
    expect(crashed[0]!.message).toContain('cannot read properties of undefined')
    expect(result.messages.map((message) => message.ruleId).sort()).toEqual(['blameless-language', 'boom', 'flag-a'])
  })

  it('findings a rule reported before it threw are dropped with it', () => {
    const partial = defineRule({
      id: 'partial',
      meta: { description: 'x', category: 'impact', defaultSeverity: 'error', messages: { m: 'm' } },
      check(d, { report }) {
        report({ messageId: 'm', at: d.span })
        throw new Error('halfway')
      },
    })
    const result = lint(doc, { config: resolveConfig({ extends: [], customRules: [partial] }) })
    expect(result.messages.map((message) => message.messageId)).toEqual(['rule-crashed'])
  })

  it('a thrown value that is not an Error is described', () => {
    const config = resolveConfig({
      extends: [],
      customRules: [
        crashingRule('throws-string', () => {
          throw 'just a string'
        }),
        crashingRule('throws-null-proto', () => {
          throw Object.create(null)
        }),
      ],
    })
    const messages = lint(doc, { config }).messages
    expect(messages).toHaveLength(2)
    expect(messages.find((message) => message.ruleId === 'throws-string')!.message).toContain('just a string')
    expect(messages.find((message) => message.ruleId === 'throws-null-proto')!.message).toContain('not an Error')
  })

  it('an unknown messageId or a missing placeholder value is a crash of that rule only', () => {
    const unknownId = defineRule({
      id: 'unknown-id',
      meta: { description: 'x', category: 'impact', defaultSeverity: 'error', messages: { m: 'm' } },
      check(d, { report }) {
        report({ messageId: 'nope', at: d.span })
      },
    })
    const missingData = defineRule({
      id: 'missing-data',
      meta: { description: 'x', category: 'impact', defaultSeverity: 'error', messages: { m: 'value {{value}}' } },
      check(d, { report }) {
        report({ messageId: 'm', at: d.span })
      },
    })
    const result = lint(doc, { config: resolveConfig({ extends: [], customRules: [unknownId, missingData, wordRule('flag-a', 'ALPHA')] }) })
    expect(result.messages.map((message) => `${message.ruleId}:${message.messageId}`).sort()).toEqual([
      'flag-a:found',
      'missing-data:rule-crashed',
      'unknown-id:rule-crashed',
    ])
    expect(result.messages.find((message) => message.ruleId === 'unknown-id')!.message).toContain('unknown messageId "nope"')
    expect(result.messages.find((message) => message.ruleId === 'missing-data')!.message).toContain('{{value}}')
  })

  it('a disable comment cannot hide a crash', () => {
    const config = resolveConfig({
      extends: [],
      customRules: [
        crashingRule('boom', () => {
          throw new Error('x')
        }),
      ],
    })
    expect(lint('<!-- postmortem-lint-disable -->\n\ntext\n', { config }).messages.map((message) => message.messageId)).toEqual(['rule-crashed'])
  })

  it('a document nested past the parser limit gives a fatal result naming the limit instead of throwing', () => {
    const result = lint(`# Incident\n\n## Action items\n\n${'- '.repeat(3000)}Fix it\n`, { filePath: 'deep.md' })
    expect(result).toMatchObject({ filePath: 'deep.md', errorCount: 1, score: 0, messages: [] })
    expect(result.fatal).toBe('the document nests 3000 levels deep at line 5 (limit 100); not linted')
  })
})
