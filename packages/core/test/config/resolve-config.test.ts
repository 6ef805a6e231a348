import { describe, expect, it } from 'vitest'
import { ConfigError, builtInRules, defaultConfig, defineRule, lint, resolveConfig, rules, type ResolvedConfig } from '../../src/index.js'

const severities = (config: ResolvedConfig) => Object.fromEntries(config.rules.map((entry) => [entry.rule.id, entry.severity]))
const optionsOf = (config: ResolvedConfig, id: string) => config.rules.find((entry) => entry.rule.id === id)?.options

/** The ConfigError a config throws, for asserting on its parts. */
function errorOf(input: unknown, filePath: string | null = 'cfg.json', overrides?: Record<string, unknown>): ConfigError {
  try {
    resolveConfig(input, filePath, overrides as never)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return error as ConfigError
  }
  throw new Error('expected a ConfigError')
}

const customRule = defineRule({
  id: 'team/summary-first',
  meta: { description: 'x', category: 'impact', defaultSeverity: 'warn', messages: { late: 'late' } },
  check() {},
})

describe('resolveConfig: presets', () => {
  const ids = Object.keys(rules).sort()

  it('no config is the recommended preset: every built-in rule at its default severity', () => {
    const config = resolveConfig({})
    expect(severities(config)).toEqual(Object.fromEntries(builtInRules.map((rule) => [rule.id, rule.meta.defaultSeverity])))
    expect(config.rules.map((entry) => entry.rule.id)).toEqual(ids)
    expect(resolveConfig(undefined)).toEqual(config)
    expect(resolveConfig(null)).toEqual(config)
    expect(defaultConfig()).toEqual(config)
  })

  it('"recommended" and "postmortem-lint:recommended" are the same preset', () => {
    expect(resolveConfig({ extends: 'recommended' })).toEqual(resolveConfig({}))
    expect(resolveConfig({ extends: 'postmortem-lint:recommended' })).toEqual(resolveConfig({}))
    expect(resolveConfig({ extends: ['postmortem-lint:recommended'] })).toEqual(resolveConfig({}))
  })

  it('"strict" makes every rule an error with stricter options', () => {
    const config = resolveConfig({ extends: 'strict' })
    expect(Object.values(severities(config)).every((severity) => severity === 'error')).toBe(true)
    expect(config.rules).toHaveLength(ids.length)
    expect(optionsOf(config, 'action-specificity')).toMatchObject({ require: ['owner', 'due', 'priority', 'category'] })
    expect(optionsOf(config, 'follow-up-scheduled')).toMatchObject({ windowDays: 60 })
    expect(resolveConfig({ extends: 'postmortem-lint:strict' })).toEqual(config)
  })

  it('extends: [] enables nothing but the rules listed', () => {
    expect(resolveConfig({ extends: [] }).rules).toEqual([])
    expect(severities(resolveConfig({ extends: [], rules: { metadata: 'warn' } }))).toEqual({ metadata: 'warn' })
  })

  it('later presets win', () => {
    expect(optionsOf(resolveConfig({ extends: ['strict', 'recommended'] }), 'follow-up-scheduled')).toMatchObject({ windowDays: 90 })
  })
})

describe('resolveConfig: severities and options', () => {
  it('accepts severities as strings and as 0, 1, 2', () => {
    const config = resolveConfig({ extends: [], rules: { metadata: 1, 'timeline-order': 2, 'required-sections': 'warn', 'no-sensitive-data': 'error' } })
    expect(severities(config)).toEqual({ metadata: 'warn', 'no-sensitive-data': 'error', 'required-sections': 'warn', 'timeline-order': 'error' })
    expect(severities(resolveConfig({ rules: { metadata: 0, 'timeline-order': 'off' } }))).not.toHaveProperty('metadata')
    expect(severities(resolveConfig({ rules: { metadata: 0, 'timeline-order': 'off' } }))).not.toHaveProperty('timeline-order')
  })

  it('[severity, options] is validated by the rule and defaults fill the rest', () => {
    const config = resolveConfig({ extends: [], rules: { 'follow-up-scheduled': ['warn', { windowDays: 30 }] } })
    expect(optionsOf(config, 'follow-up-scheduled')).toMatchObject({ windowDays: 30, requireTickets: true })
    expect(optionsOf(resolveConfig({ extends: [], rules: { 'action-specificity': ['error'] } }), 'action-specificity')).toEqual({
      require: ['owner', 'due'],
      specificWords: 12,
    })
  })

  it('a bad option names the file, the key path and what is allowed', () => {
    const error = errorOf({ rules: { 'action-specificity': ['error', { require: ['owner', 'budget'] }] } }, 'team/postmortem-lint.config.json')
    expect(error.filePath).toBe('team/postmortem-lint.config.json')
    expect(error.key).toBe('rules.action-specificity.require.1')
    expect(error.problem).toBe('"budget" is not allowed; expected one of "owner", "due", "priority", "category", "ticket"')
    expect(error.message).toBe(`team/postmortem-lint.config.json: "rules.action-specificity.require.1": ${error.problem}`)
    expect(errorOf({ rules: { 'action-specificity': ['error', { require: ['sla'] }] } }).key).toBe('rules.action-specificity.require.0')
  })

  it('a bad option type or range says what was given', () => {
    const wrongType = errorOf({ rules: { 'follow-up-scheduled': ['error', { windowDays: 'soon' }] } })
    expect(wrongType.key).toBe('rules.follow-up-scheduled.windowDays')
    expect(wrongType.problem).toBe('expected number, got "soon"')
    const tooSmall = errorOf({ rules: { 'follow-up-scheduled': ['error', { windowDays: 0 }] } })
    expect(tooSmall.key).toBe('rules.follow-up-scheduled.windowDays')
    expect(tooSmall.problem).toMatch(/>=\s*1/)
  })

  it('an unknown option lists the options the rule has', () => {
    const error = errorOf({ rules: { 'action-specificity': ['error', { requires: ['owner'] }] } })
    expect(error.key).toBe('rules.action-specificity.requires')
    expect(error.problem).toBe('unknown key; allowed keys: require, specificWords')
  })

  it('an unknown option nested in an option object lists that object\'s keys', () => {
    const error = errorOf({ rules: { 'required-sections': ['error', { bySeverity: { P1: [], P2: [], P3: [], P4: [], P5: [] } }] } })
    expect(error.key).toBe('rules.required-sections.bySeverity.P5')
    expect(error.problem).toBe('unknown key; allowed keys: P1, P2, P3, P4')
  })

  it('a bad severity says what a setting may be', () => {
    const error = errorOf({ rules: { metadata: 'warning' } })
    expect(error.key).toBe('rules.metadata')
    expect(error.problem).toBe('expected a severity ("off", "warn", "error") or [severity, options] (got "warning")')
    const inTuple = errorOf({ rules: { metadata: ['warning', {}] } })
    expect(inTuple.key).toBe('rules.metadata')
    expect(inTuple.problem).toBe('expected "off", "warn" or "error" (or 0, 1, 2) (got "warning")')
    expect(errorOf({ rules: { metadata: 3 } }).problem).toContain('(got 3)')
  })

  it('options for a rule that takes none are an error', () => {
    const noOptions = defineRule({ id: 'plain', meta: { description: 'x', category: 'impact', defaultSeverity: 'warn', messages: {} }, check() {} })
    expect(() => resolveConfig({ customRules: [noOptions], rules: { plain: ['warn', {}] } })).not.toThrow()
    expect(errorOf({ customRules: [noOptions], rules: { plain: ['warn', { x: 1 }] } }).problem).toBe('this rule takes no options')
  })

  it('a bare severity keeps the options a preset chose', () => {
    const config = resolveConfig({ extends: 'strict', rules: { 'action-specificity': 'warn' } })
    expect(severities(config)['action-specificity']).toBe('warn')
    expect(optionsOf(config, 'action-specificity')).toMatchObject({ require: ['owner', 'due', 'priority', 'category'] })
    // ["warn"] says no more than "warn".
    expect(optionsOf(resolveConfig({ extends: 'strict', rules: { 'action-specificity': ['warn'] } }), 'action-specificity')).toMatchObject({
      require: ['owner', 'due', 'priority', 'category'],
    })
    // [severity, options] replaces them.
    expect(optionsOf(resolveConfig({ extends: 'strict', rules: { 'action-specificity': ['warn', {}] } }), 'action-specificity')).toMatchObject({
      require: ['owner', 'due'],
    })
  })
})

describe('resolveConfig: unknown names', () => {
  it('an unknown rule lists the known rules', () => {
    const error = errorOf({ rules: { 'blameless-langauge': 'error' } })
    expect(error.key).toBe('rules.blameless-langauge')
    expect(error.problem).toBe(`unknown rule; known rules: ${Object.keys(rules).sort().join(', ')}`)
  })

  it('an unknown top-level key lists the allowed keys', () => {
    const error = errorOf({ rule: { metadata: 'off' } })
    expect(error.key).toBe('rule')
    expect(error.problem).toBe(
      'unknown key; allowed keys: $schema, extends, rules, include, ignore, weights, settings, reportUnusedDisableDirectives, customRules',
    )
    const several = errorOf({ rule: {}, weight: {} })
    expect(several.key).toBeNull()
    expect(several.problem).toMatch(/^unknown keys "rule", "weight"; allowed keys: \$schema, extends/)
    expect(several.message).toMatch(/^cfg\.json: unknown keys/)
  })

  it('an unknown preset lists the presets', () => {
    expect(errorOf({ extends: 'airbnb' }).problem).toBe('expected a preset name ("recommended", "strict") or a list of them (got "airbnb")')
    const inList = errorOf({ extends: ['strict', 'airbnb'] })
    expect(inList.key).toBe('extends.1')
    expect(inList.problem).toBe('"airbnb" is not allowed; expected one of "recommended", "strict"')
  })

  it('an unknown weight category lists the categories', () => {
    const error = errorOf({ weights: { tone: 2 } })
    expect(error.key).toBe('weights.tone')
    expect(error.problem).toBe('unknown key; allowed keys: blameless-tone, timeline, impact, root-cause, action-items, follow-up')
  })

  it('a config that is not an object says so, with no file', () => {
    const error = errorOf(['recommended'], null)
    expect(error.message).toBe('inline config: expected object, got an array')
  })
})

describe('resolveConfig: custom rules', () => {
  it('adds custom rules at their default severity, configurable like built-ins', () => {
    expect(severities(resolveConfig({ customRules: [customRule] }))['team/summary-first']).toBe('warn')
    expect(severities(resolveConfig({ extends: [], customRules: [customRule] }))).toEqual({ 'team/summary-first': 'warn' })
    expect(severities(resolveConfig({ customRules: [customRule], rules: { 'team/summary-first': 'off' } }))).not.toHaveProperty('team/summary-first')
    const entry = resolveConfig({ customRules: [customRule] }).rules.find((e) => e.rule.id === 'team/summary-first')
    expect(entry?.rule).toBe(customRule)
  })

  it('a custom rule whose id collides with a built-in is an error', () => {
    const clash = defineRule({ ...customRule, id: 'metadata' })
    const error = errorOf({ customRules: [clash] })
    expect(error.key).toBe('customRules')
    expect(error.problem).toContain('"metadata" is already taken by a built-in rule')
  })

  it('two custom rules with one id are an error that says so', () => {
    expect(errorOf({ customRules: [customRule, customRule] }).problem).toContain('already taken by another custom rule')
  })

  it('a custom rule written without defineRule still links somewhere and keeps its prototype', () => {
    class Rule {
      id = 'team/class-rule'
      meta = { description: 'x', category: 'impact', defaultSeverity: 'warn', messages: { m: 'm' } }
      word = 'class'
      check(this: Rule, doc: { span: unknown }, context: { report(descriptor: unknown): void }) {
        if (this.word === 'class') context.report({ messageId: 'm', at: doc.span })
      }
    }
    const config = resolveConfig({ extends: [], customRules: [new Rule()] as never })
    expect(config.rules[0]!.rule.meta.docsUrl).toMatch(/team\/class-rule\.md$/)
    const messages = lint('text\n', { config }).messages
    expect(messages.map((message) => [message.ruleId, message.messageId, message.docsUrl])).toEqual([
      ['team/class-rule', 'm', config.rules[0]!.rule.meta.docsUrl],
    ])
  })

  it('a custom rule is validated: a bad id, category or penalty is an error', () => {
    expect(errorOf({ customRules: [{ ...customRule, id: 'Bad Id' }] }).key).toBe('customRules.0.id')
    expect(errorOf({ customRules: [{ ...customRule, meta: { ...customRule.meta, category: 'tone' } }] }).key).toBe('customRules.0.meta.category')
    expect(errorOf({ customRules: [{ ...customRule, meta: { ...customRule.meta, penalties: { late: -5 } } }] }).key).toBe(
      'customRules.0.meta.penalties.late',
    )
    expect(errorOf({ customRules: [{ ...customRule, check: 'no' }] }).problem).toBe('check must be a function')
  })
})

describe('resolveConfig: overrides (the CLI --rule)', () => {
  it('are applied after the config\'s own rules', () => {
    const config = resolveConfig({ rules: { metadata: 'error' } }, 'cfg.json', { metadata: 'off', 'timeline-order': 'warn' })
    expect(severities(config)).not.toHaveProperty('metadata')
    expect(severities(config)['timeline-order']).toBe('warn')
    expect(config.filePath).toBe('cfg.json')
  })

  it('a bare severity keeps the options the config set', () => {
    const config = resolveConfig({ rules: { 'follow-up-scheduled': ['error', { windowDays: 14 }] } }, null, { 'follow-up-scheduled': 'warn' })
    expect(severities(config)['follow-up-scheduled']).toBe('warn')
    expect(optionsOf(config, 'follow-up-scheduled')).toMatchObject({ windowDays: 14 })
  })

  it('can set options and reach custom rules', () => {
    const config = resolveConfig({ customRules: [customRule] }, null, {
      'follow-up-scheduled': ['error', { windowDays: 7 }],
      'team/summary-first': 'error',
    })
    expect(optionsOf(config, 'follow-up-scheduled')).toMatchObject({ windowDays: 7 })
    expect(severities(config)['team/summary-first']).toBe('error')
  })

  it('are validated like the config, and errors do not blame the file', () => {
    const unknown = errorOf({}, 'cfg.json', { nope: 'error' })
    expect(unknown.filePath).toBeNull()
    expect(unknown.key).toBe('rules.nope')
    expect(unknown.problem).toMatch(/^unknown rule; known rules: /)
    const badSeverity = errorOf({}, 'cfg.json', { metadata: 'loud' })
    expect(badSeverity.filePath).toBeNull()
    expect(badSeverity.key).toBe('rules.metadata')
    const badOption = errorOf({}, 'cfg.json', { 'follow-up-scheduled': ['error', { windowDays: -1 }] })
    expect(badOption.key).toBe('rules.follow-up-scheduled.windowDays')
  })
})

describe('resolveConfig: the rest', () => {
  it('resolves weights, include, ignore, settings and unused-directive reporting', () => {
    const config = resolveConfig({
      weights: { timeline: 2 },
      include: ['docs/postmortems/**/*.md'],
      ignore: ['**/template.md'],
      settings: { incidentDate: '2024-01-01' },
      reportUnusedDisableDirectives: true,
    })
    expect(config.weights).toEqual({ 'blameless-tone': 1, timeline: 2, impact: 1, 'root-cause': 1, 'action-items': 1, 'follow-up': 1 })
    expect(config.include).toEqual(['docs/postmortems/**/*.md'])
    expect(config.ignore).toEqual(['**/template.md'])
    expect(config.settings).toEqual({ incidentDate: '2024-01-01' })
    expect(config.reportUnusedDisableDirectives).toBe('warn')
    expect(resolveConfig({ reportUnusedDisableDirectives: 'error' }).reportUnusedDisableDirectives).toBe('error')
    expect(resolveConfig({ reportUnusedDisableDirectives: false }).reportUnusedDisableDirectives).toBeNull()
    expect(errorOf({ weights: { timeline: 101 } }).key).toBe('weights.timeline')
  })

  it('orders rules by id whatever order they were configured in', () => {
    const config = resolveConfig({ extends: [], rules: { 'timeline-order': 1, metadata: 1, 'action-specificity': 1 } })
    expect(config.rules.map((entry) => entry.rule.id)).toEqual(['action-specificity', 'metadata', 'timeline-order'])
  })
})
