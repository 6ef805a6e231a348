// The config's JSON Schema, generated at build time from the zod schema the core validates with:
// what editors check a config against must accept what the core accepts and refuse what it refuses.
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { ConfigError, builtInRules, configSchemaUrl, resolveConfig, version } from '@postmortem-lint/core'
import { configJsonSchema } from '../../src/config/json-schema.js'

const built = new URL('../../schema/config.schema.json', import.meta.url)

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false })
  return ajv.compile(configJsonSchema())
}

function coreAccepts(config: unknown): boolean {
  try {
    resolveConfig(config, null)
    return true
  } catch (error) {
    if (error instanceof ConfigError) return false
    throw error
  }
}

const valid: unknown[] = [
  {},
  { $schema: configSchemaUrl(), extends: 'recommended', rules: {} },
  { extends: ['postmortem-lint:strict'], rules: { 'timeline-order': 'warn', 'required-sections': 'off', metadata: 2 } },
  // The README's example.
  {
    extends: 'recommended',
    rules: { 'blameless-language': ['error', { allow: ['missed'] }], 'timeline-order': 'warn', 'required-sections': 'off' },
    weights: { 'blameless-tone': 2 },
    ignore: ['docs/postmortems/templates/**'],
  },
  { rules: { 'action-specificity': ['warn', { require: ['owner', 'due', 'ticket'] }] }, reportUnusedDisableDirectives: 'warn', include: ['docs/**'] },
]

const invalid: unknown[] = [
  { rules: { 'timeline-order': 'loud' } },
  { rules: { 'timeline-order': [3] } },
  { extends: 'nope' },
  { weights: { tone: 2 } },
  { weights: { timeline: 101 } },
  { include: [''] },
  { unknownKey: true },
  { rules: { 'action-specificity': ['warn', { require: ['owner', 'mood'] }] } },
]

describe('config JSON Schema', () => {
  it('is the one the build wrote into schema/ (published with the core)', () => {
    expect(JSON.parse(readFileSync(built, 'utf8'))).toEqual(configJsonSchema())
    expect(configSchemaUrl()).toBe(`https://unpkg.com/@postmortem-lint/core@${version}/schema/config.schema.json`)
    expect(configJsonSchema()['$id']).toBe(configSchemaUrl())
  })

  it('accepts the configs the core accepts', () => {
    const validate = validator()
    for (const config of valid) {
      expect(coreAccepts(config), JSON.stringify(config)).toBe(true)
      expect(validate(config), `${JSON.stringify(config)}: ${JSON.stringify(validate.errors)}`).toBe(true)
    }
  })

  it('refuses the configs the core refuses', () => {
    const validate = validator()
    for (const config of invalid) {
      expect(coreAccepts(config), JSON.stringify(config)).toBe(false)
      expect(validate(config), JSON.stringify(config)).toBe(false)
    }
  })

  it('names every built-in rule, with its page, so editors complete rule ids', () => {
    const rules = (configJsonSchema()['properties'] as Record<string, { properties: Record<string, { description: string }> }>)['rules']!.properties
    expect(Object.keys(rules).sort()).toEqual(builtInRules.map((rule) => rule.id).sort())
    for (const rule of builtInRules) expect(rules[rule.id]!.description).toContain(rule.meta.docsUrl)
  })
})
