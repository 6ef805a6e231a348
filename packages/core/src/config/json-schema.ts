import { z } from 'zod'
import { configSchemaUrl } from '../engine/docs-url.js'
import { builtInRules } from '../rules/index.js'
import { presetNames, ruleSettingSchema, userConfigSchema } from './schema.js'

type JsonSchema = Record<string, unknown>

function toJson(schema: z.ZodType): JsonSchema {
  // io "input": what a user writes (before defaults and transforms); what JSON cannot express
  // (custom rules' check functions) becomes "any".
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as JsonSchema
  delete json['$schema']
  return json
}

const descriptions: Record<string, string> = {
  $schema: 'The JSON Schema this file follows (written by `postmortem-lint --init`).',
  extends: 'A preset or list of presets to start from: "recommended" (every rule at its default) or "strict".',
  rules: 'Rule settings by id: a severity ("off", "warn", "error" or 0, 1, 2) or [severity, options].',
  include: 'Globs, relative to this file, that a directory search keeps (default: every *.md and *.markdown).',
  ignore: 'Globs, relative to this file, of files never linted.',
  weights: 'Rubric weight of each category in the overall score (0-100).',
  settings: 'Document-level settings read by rules (e.g. the incident date fallback).',
  reportUnusedDisableDirectives: 'Report inline disable comments that silenced nothing (true means "warn").',
  customRules: 'Rules defined with defineRule (JavaScript configs only).',
}

/**
 * The config file's JSON Schema, generated from the zod schema the core validates configs with
 * (schema.ts), so an editor checks and completes what the core accepts: each built-in rule is a
 * named property with its description, docs link and options.
 */
export function configJsonSchema(): JsonSchema {
  const schema = toJson(userConfigSchema)
  const properties = schema['properties'] as Record<string, JsonSchema>
  for (const [key, description] of Object.entries(descriptions)) if (properties[key]) properties[key]['description'] = description

  // "extends" takes a preset name, with or without the "postmortem-lint:" prefix.
  const preset = { type: 'string', enum: presetNames.flatMap((name) => [name, `postmortem-lint:${name}`]) }
  properties['extends'] = { ...properties['extends'], anyOf: [preset, { type: 'array', items: preset }] }

  // One definition of a severity and of a rule setting, referenced from every rule.
  const ruleSetting = toJson(ruleSettingSchema)
  const severity = { $ref: '#/definitions/severity' }
  const definitions = {
    severity: (ruleSetting['anyOf'] as JsonSchema[])[0]!,
    ruleSetting: { anyOf: [severity, { type: 'array', items: [severity], minItems: 1, maxItems: 1 }, { type: 'array', items: [severity, {}], minItems: 2, maxItems: 2 }] },
  }
  const rules = properties['rules']!
  const ruleProperties: Record<string, JsonSchema> = {}
  for (const rule of builtInRules) {
    let setting: JsonSchema = { $ref: '#/definitions/ruleSetting' }
    if (rule.meta.options) {
      let options: JsonSchema
      try {
        options = toJson(rule.meta.options)
      } catch {
        options = {}
      }
      setting = { anyOf: [severity, { type: 'array', items: [severity], minItems: 1, maxItems: 1 }, { type: 'array', items: [severity, options], minItems: 2, maxItems: 2 }] }
    }
    ruleProperties[rule.id] = { ...setting, description: `${rule.meta.description}. ${rule.meta.docsUrl}`, markdownDescription: `${rule.meta.description}. [Rule page](${rule.meta.docsUrl})` }
  }
  properties['rules'] = { ...rules, properties: ruleProperties, additionalProperties: { $ref: '#/definitions/ruleSetting' } }

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: configSchemaUrl(),
    title: 'postmortem-lint configuration',
    description: 'postmortem-lint.config.json, .postmortemlintrc(.json) or the "postmortemLint" key of package.json.',
    ...schema,
    definitions,
  }
}
