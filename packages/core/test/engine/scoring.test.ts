import { describe, expect, it } from 'vitest'
import { defaultPenalty, defineRule, lint, resolveConfig, scoreMessages, type LintMessage, type Rule } from '../../src/index.js'
import { lintFlags, wordRule } from './helpers.js'

const md = (...lines: string[]) => `${lines.join('\n')}\n`

describe('scoring', () => {
  it('every category with an enabled rule starts at 100', () => {
    const result = lintFlags('Nothing to flag.\n')
    expect(result.categories).toEqual({ 'blameless-tone': 100 })
    expect(result.score).toBe(100)
    const all = lint('Nothing.\n', { config: resolveConfig({ extends: [], rules: { 'timeline-order': 'warn', metadata: 'warn' } }) })
    expect(Object.keys(all.categories).sort()).toEqual(['follow-up', 'timeline'].sort())
  })

  it('an undeclared message costs 20 as an error and 8 as a warning', () => {
    expect(defaultPenalty).toEqual({ error: 20, warning: 8 })
    expect(lintFlags('ALPHA\n').categories['blameless-tone']).toBe(80)
    expect(lintFlags('ALPHA ALPHA\n').categories['blameless-tone']).toBe(60)
    expect(lintFlags('ALPHA\n', { rules: { 'flag-a': 'warn' } }).categories['blameless-tone']).toBe(92)
    expect(lintFlags('ALPHA\n', { rules: { 'flag-a': 1 } }).categories['blameless-tone']).toBe(92)
  })

  it('a declared penalty replaces the default, whatever the severity', () => {
    const heavy = wordRule('heavy', 'GAMMA', { penalties: { found: 35 } })
    for (const severity of ['error', 'warn'] as const) {
      const config = resolveConfig({ extends: [], customRules: [heavy], rules: { heavy: severity } })
      expect(lint('GAMMA\n', { config }).categories['blameless-tone']).toBe(65)
    }
  })

  it('a category never goes below 0', () => {
    const heavy = wordRule('heavy', 'GAMMA', { penalties: { found: 45 } })
    const result = lint(`${'GAMMA '.repeat(3)}\n`, { config: resolveConfig({ extends: [], customRules: [heavy] }) })
    expect(result.messages).toHaveLength(3)
    expect(result.categories['blameless-tone']).toBe(0)
    expect(result.score).toBe(0)
  })

  it('a category pays for at most three findings of one kind', () => {
    const result = lintFlags(`${'ALPHA '.repeat(12)}\n`)
    expect(result.messages).toHaveLength(12)
    expect(result.categories['blameless-tone']).toBe(40)
    expect(result.rubric?.['blameless-tone']?.deductions).toEqual([{ ruleId: 'flag-a', messageId: 'found', count: 12, points: 60 }])
    // Another kind is paid for on its own.
    expect(lintFlags(`${'ALPHA '.repeat(4)}${'BETA '.repeat(4)}\n`).categories['blameless-tone']).toBe(0)
  })

  it('categories with no enabled rule are left out of the result and of the overall score', () => {
    const timeline = wordRule('timeline-word', 'BETA', { category: 'timeline' })
    const config = resolveConfig({ extends: [], customRules: [timeline], rules: { 'timeline-word': 'error' } })
    const result = lint('BETA\n', { config })
    expect(result.categories).toEqual({ timeline: 80 })
    expect(result.score).toBe(80)
    const followUpOff = { 'follow-up-scheduled': 'off', metadata: 'off', 'no-sensitive-data': 'off', 'no-template-placeholders': 'off' } as const
    const recommended = lint('# Incident\n', { config: resolveConfig({ rules: followUpOff }) })
    expect(Object.keys(recommended.categories).sort()).toEqual(['action-items', 'blameless-tone', 'impact', 'root-cause', 'timeline'])
  })

  it('a finding charged to a category whose rules are all off is reported but not scored', () => {
    // required-sections charges a missing lessons section to follow-up; every follow-up rule is off.
    const config = resolveConfig({ extends: [], rules: { 'required-sections': 'error' } })
    const result = lint('# Incident\n\n## Summary\n\nText.\n', { config })
    expect(result.messages.some((message) => message.category === 'timeline')).toBe(true)
    expect(Object.keys(result.categories)).toEqual(['impact'])
  })

  it('the overall score is the weighted mean of the categories present, rounded', () => {
    const timeline = wordRule('timeline-word', 'BETA', { category: 'timeline', penalties: { found: 50 } })
    const base = { extends: [] as [], customRules: [wordRule('flag-a', 'ALPHA'), timeline] }
    const doc = 'BETA\n'
    expect(lint(doc, { config: resolveConfig(base) }).score).toBe(75)
    const weighted = lint(doc, { config: resolveConfig({ ...base, weights: { 'blameless-tone': 3 } }) })
    expect(weighted.categories).toEqual({ 'blameless-tone': 100, timeline: 50 })
    expect(weighted.score).toBe(88) // (3 * 100 + 1 * 50) / 4 = 87.5
    expect(lint(doc, { config: resolveConfig({ ...base, weights: { timeline: 0 } }) }).score).toBe(100)
  })

  it('weights that are all 0 fall back to the plain mean', () => {
    const timeline = wordRule('timeline-word', 'BETA', { category: 'timeline', penalties: { found: 50 } })
    const config = resolveConfig({ extends: [], customRules: [wordRule('flag-a', 'ALPHA'), timeline], weights: { 'blameless-tone': 0, timeline: 0 } })
    expect(lint('BETA\n', { config }).score).toBe(75)
  })

  it("a message's category override counts against that category, not the rule's", () => {
    const charging = defineRule({
      id: 'charges-timeline',
      meta: { description: 'x', category: 'impact', defaultSeverity: 'error', messages: { m: 'm' }, penalties: { m: 100 } },
      check(doc, { report }) {
        report({ messageId: 'm', at: doc.span, category: 'timeline' })
      },
    })
    const timelineRule = wordRule('timeline-word', 'BETA', { category: 'timeline' })
    const result = lint('text\n', { config: resolveConfig({ extends: [], customRules: [charging, timelineRule] }) })
    expect(result.messages[0]!.category).toBe('timeline')
    expect(result.categories).toEqual({ impact: 100, timeline: 0 })
    expect(result.score).toBe(50)
  })

  it('required-sections charges a missing timeline to the timeline category', () => {
    const config = resolveConfig({ extends: [], rules: { 'required-sections': 'error', 'timeline-order': 'error' } })
    const result = lint(md('# Incident', '', '## Summary', '', 'Text.', '', '## Impact', '', '3% of requests failed.'), { config })
    const missing = result.messages.find((message) => message.ruleId === 'required-sections' && message.category === 'timeline')
    expect(missing).toBeDefined()
    expect(result.categories.timeline).toBeLessThan(100)
  })

  it('crashed-rule and unused-directive messages cost nothing', () => {
    const crashing = defineRule({
      id: 'crashing',
      meta: { description: 'x', category: 'impact', defaultSeverity: 'error', messages: {} },
      check() {
        throw new Error('boom')
      },
    })
    const config = resolveConfig({ extends: [], customRules: [crashing], reportUnusedDisableDirectives: 'error' })
    const result = lint('<!-- postmortem-lint-disable -->\n', { config })
    expect(result.messages.map((message) => message.messageId).sort()).toEqual(['rule-crashed', 'unused'])
    expect(result.errorCount).toBe(2)
    expect(result.categories).toEqual({ impact: 100 })
    expect(result.score).toBe(100)
  })

  it('scoreMessages ignores messages of rules that are not enabled', () => {
    const rule = wordRule('flag-a', 'ALPHA')
    const message: LintMessage = {
      ruleId: 'elsewhere',
      messageId: 'found',
      severity: 2,
      category: 'blameless-tone',
      message: 'x',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      docsUrl: '',
    }
    expect(scoreMessages([message], [rule as Rule<unknown>])).toEqual({ score: 100, categories: { 'blameless-tone': 100 } })
    expect(scoreMessages([], [])).toEqual({ score: 100, categories: {} })
  })

  it('a message id named like an Object.prototype property costs the default, not NaN', () => {
    const odd = defineRule({
      id: 'odd',
      meta: { description: 'x', category: 'impact', defaultSeverity: 'error', messages: { constructor: 'c' }, penalties: {} },
      check(doc, { report }) {
        report({ messageId: 'constructor', at: doc.span })
      },
    })
    expect(lint('x\n', { config: resolveConfig({ extends: [], customRules: [odd] }) }).categories).toEqual({ impact: 80 })
  })
})

describe('determinism', () => {
  // Reports in reverse document order and in two rules, so the engine must do the sorting.
  const reverse = defineRule({
    id: 'reverse',
    meta: { description: 'x', category: 'impact', defaultSeverity: 'warn', messages: { m: 'reverse {{n}}' } },
    check(doc, { report }) {
      const points = [...doc.source.matchAll(/X/g)].map((match) => match.index).reverse()
      points.forEach((index, n) => report({ messageId: 'm', data: { n }, at: { start: doc.pointAt(index), end: doc.pointAt(index + 1) } }))
    },
  })
  const config = resolveConfig({ extends: [], customRules: [reverse, wordRule('flag-a', 'X')] })
  const doc = md('X and X', '', 'X', '', 'text X')

  it('messages are sorted by line, column, then rule id', () => {
    const messages = lint(doc, { config }).messages
    expect(messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual([
      '1:1 flag-a',
      '1:1 reverse',
      '1:7 flag-a',
      '1:7 reverse',
      '3:1 flag-a',
      '3:1 reverse',
      '5:6 flag-a',
      '5:6 reverse',
    ])
  })

  it('the same input twice gives an identical result', () => {
    expect(JSON.stringify(lint(doc, { config, filePath: 'a.md' }))).toBe(JSON.stringify(lint(doc, { config, filePath: 'a.md' })))
    const fixture = md('# Incident', '', '## Timeline', '', '- 10:05 Dave forgot the flag', '- 09:00 deploy', '', '## Action items', '', '- Investigate')
    expect(JSON.stringify(lint(fixture))).toBe(JSON.stringify(lint(fixture)))
  })
})
