import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

const require = createRequire(import.meta.url)

/**
 * The OASIS SARIF 2.1.0 schema (final, "rtm.5"), as shipped by @microsoft/jest-sarif. It declares
 * draft-04 but uses nothing draft-04-specific (no boolean exclusiveMinimum; `id` only at the top),
 * so it is compiled as draft-07, Ajv 8's default, after dropping `$schema` and `id`.
 */
export function sarifValidator(): ValidateFunction {
  const path = join(dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json')
  const { $schema: _draft, id: _id, ...schema } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  // unicodeRegExp off: the schema's `language` pattern has a stray "]" that only non-unicode
  // regular expressions accept (as the JSON Schema validators of its time did).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })
  const addFormats = addFormatsModule as unknown as (instance: Ajv) => Ajv
  addFormats(ajv)
  return ajv.compile(schema)
}

export function sarifErrors(validate: ValidateFunction, log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`)
}
