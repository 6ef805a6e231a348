import { describe, expect, it } from 'vitest'
import { configToJSON, resolveConfig, userConfigSchema } from '../../src/index.js'

describe('configToJSON', () => {
  it('serialises rules as id -> [severity, options], weights, include/ignore, settings', () => {
    const config = resolveConfig(
      {
        extends: [],
        rules: { 'follow-up-scheduled': ['warn', { windowDays: 30 }], metadata: 'error' },
        weights: { timeline: 2 },
        include: ['docs/**/*.md'],
        ignore: ['**/template.md'],
        settings: { incidentDate: '2024-01-01' },
        reportUnusedDisableDirectives: 'error',
      },
      'cfg.json',
    )
    const out = configToJSON(config)
    expect(Object.keys(out)).toEqual(['configFile', 'rules', 'weights', 'include', 'ignore', 'settings', 'reportUnusedDisableDirectives'])
    expect(out.configFile).toBe('cfg.json')
    expect(Object.keys(out.rules)).toEqual(['follow-up-scheduled', 'metadata'])
    expect(out.rules['follow-up-scheduled']![0]).toBe('warn')
    expect(out.rules['follow-up-scheduled']![1]).toMatchObject({ windowDays: 30, requireTickets: true })
    expect(out.rules.metadata![0]).toBe('error')
    expect(out.weights).toEqual({ 'action-items': 1, 'blameless-tone': 1, 'follow-up': 1, impact: 1, 'root-cause': 1, timeline: 2 })
    expect(out.include).toEqual(['docs/**/*.md'])
    expect(out.ignore).toEqual(['**/template.md'])
    expect(out.settings).toEqual({ incidentDate: '2024-01-01' })
    expect(out.reportUnusedDisableDirectives).toBe('error')
  })

  it('is deterministic: key order in the input does not change the JSON text', () => {
    const a = resolveConfig({ settings: { b: 1, a: { d: [3, 1], c: true } }, weights: { timeline: 2, impact: 3 }, rules: { metadata: 1, 'timeline-order': 1 } })
    const b = resolveConfig({ rules: { 'timeline-order': 1, metadata: 1 }, weights: { impact: 3, timeline: 2 }, settings: { a: { c: true, d: [3, 1] }, b: 1 } })
    expect(JSON.stringify(configToJSON(a))).toBe(JSON.stringify(configToJSON(b)))
    expect(Object.keys(configToJSON(a).settings)).toEqual(['a', 'b'])
    expect((configToJSON(a).settings.a as { d: number[] }).d).toEqual([3, 1])
  })

  it('rules are sorted by id, and every option key is sorted', () => {
    const out = configToJSON(resolveConfig({}))
    expect(Object.keys(out.rules)).toEqual([...Object.keys(out.rules)].sort())
    const options = out.rules['action-specificity']![1] as Record<string, unknown>
    expect(Object.keys(options)).toEqual([...Object.keys(options)].sort())
  })

  it('values JSON cannot hold are made JSON-safe', () => {
    const circular: Record<string, unknown> = { name: 'loop' }
    circular.self = circular
    const config = resolveConfig({ settings: { pattern: /ab+c/i, when: new Date('2024-01-02T00:00:00Z'), big: 10n, gone: undefined, fn: () => 1, inf: Infinity, circular } })
    const settings = JSON.parse(JSON.stringify(configToJSON(config).settings)) as Record<string, unknown>
    expect(settings).toEqual({ pattern: '/ab+c/i', when: '2024-01-02T00:00:00.000Z', big: '10', inf: null, circular: { name: 'loop', self: '[Circular]' } })
  })

  it('its output is a valid user config', () => {
    const out = configToJSON(resolveConfig({ extends: 'strict' }))
    const { configFile: _file, reportUnusedDisableDirectives, ...rest } = out
    expect(userConfigSchema.safeParse({ ...rest, reportUnusedDisableDirectives: reportUnusedDisableDirectives ?? false }).success).toBe(true)
  })
})
