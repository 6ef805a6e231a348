import type { z } from 'zod'

/**
 * Turn a zod issue into what a user needs to fix their config: what is wrong and what IS allowed
 * (the keys of the object, the values of the enum), plus the key path to show with it.
 */
export interface IssueReport {
  /** Dotted key path, e.g. "rules.action-specificity.require.0"; null for the whole config. */
  key: string | null
  problem: string
}

interface LooseSchema {
  _zod: { def: { type: string } & Record<string, unknown> }
}

export function describeIssue(issue: z.core.$ZodIssue, schema: z.core.$ZodType, input: unknown, prefix: readonly string[] = []): IssueReport {
  const path = [...prefix, ...issue.path.map(String)]
  const join = (parts: string[]): string | null => (parts.length ? parts.join('.') : null)
  const got = (): string => describeValue(valueAt(input, issue.path))
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = objectKeysAt(schema as unknown as LooseSchema, issue.path)
      const listed = allowed ? `; allowed keys: ${allowed.join(', ')}` : ''
      // One unknown key is named in the key path; several are listed in the message.
      if (issue.keys.length === 1) return { key: join([...path, issue.keys[0]!]), problem: `unknown key${listed}` }
      return { key: join(path), problem: `unknown keys ${issue.keys.map((key) => `"${key}"`).join(', ')}${listed}` }
    }
    case 'invalid_value': {
      const options = issue.values.map((value) => JSON.stringify(value)).join(', ')
      return { key: join(path), problem: `${got()} is not allowed; expected ${issue.values.length === 1 ? options : `one of ${options}`}` }
    }
    case 'invalid_type':
      return { key: join(path), problem: `expected ${typeWords[issue.expected] ?? issue.expected}, got ${got()}` }
    case 'invalid_union': {
      // Explain the alternative the value came closest to: ["strict", "foo"] for `extends` is a
      // list with a bad item, not "neither a string nor a list".
      const here = valueAt(input, issue.path)
      const ranks = issue.errors.map((branch) => branchRank(branch, here))
      const best = Math.max(...ranks)
      const closest = ranks.indexOf(best)
      const nested = issue.errors[closest]?.[0]
      // A union's own message (the schema's "expected a severity ... or [severity, options]")
      // says more than one alternative's complaint, unless the value failed only deep inside one.
      const ownMessage = issue.message !== 'Invalid input'
      if ((best === 2 || (best === 1 && !ownMessage)) && ranks.lastIndexOf(best) === closest && nested) {
        return describeIssue({ ...nested, path: [...issue.path, ...nested.path] } as z.core.$ZodIssue, schema, input, prefix)
      }
      return { key: join(path), problem: `${issue.message} (got ${got()})` }
    }
    default:
      return { key: join(path), problem: issue.message }
  }
}

/**
 * How well a union alternative matched: 0 the value is of the wrong type for it, 1 the right type
 * but a wrong value or size, 2 it failed only deeper inside.
 */
function branchRank(issues: readonly z.core.$ZodIssue[], value: unknown): number {
  return Math.min(...issues.map((issue) => issueRank(issue, value)))
}

function issueRank(issue: z.core.$ZodIssue, value: unknown): number {
  if (issue.path.length > 0) return 2
  if (issue.code === 'invalid_type') return 0
  if (issue.code === 'invalid_value') return issue.values.some((allowed) => typeof allowed === typeof value) ? 1 : 0
  if (issue.code === 'invalid_union') return Math.max(...issue.errors.map((branch) => branchRank(branch, value)))
  return 1
}

/** The keys the object (or enum-keyed record) schema at `path` allows, looking through optional/default/pipe wrappers. */
function objectKeysAt(schema: LooseSchema, path: readonly PropertyKey[]): string[] | null {
  let current: LooseSchema | undefined = unwrap(schema)
  for (const segment of path) {
    const def: Record<string, unknown> | undefined = current?._zod.def
    if (!def) return null
    if (def.type === 'object') current = (def.shape as Record<string, LooseSchema>)[String(segment)]
    else if (def.type === 'record') current = def.valueType as LooseSchema
    else if (def.type === 'array') current = def.element as LooseSchema
    else if (def.type === 'tuple') current = (def.items as LooseSchema[])[Number(segment)]
    else return null
    current = current && unwrap(current)
  }
  const def = current?._zod.def
  if (def?.type === 'object') return Object.keys(def.shape as object)
  // A record keyed by an enum (the `weights` categories) allows the enum's values as keys.
  const keyDef = def?.type === 'record' ? (def.keyType as LooseSchema)._zod.def : undefined
  return keyDef?.type === 'enum' ? Object.values(keyDef.entries as Record<string, string>) : null
}

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'nonoptional', 'readonly', 'catch'])

function unwrap(schema: LooseSchema): LooseSchema {
  let current = schema
  for (let depth = 0; depth < 20; depth++) {
    const def = current._zod.def
    if (WRAPPERS.has(def.type)) current = def.innerType as LooseSchema
    else if (def.type === 'pipe') current = def.in as LooseSchema
    else if (def.type === 'lazy') current = (def.getter as () => LooseSchema)()
    else break
  }
  return current
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[segment]
  }
  return current
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'function') return 'a function'
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value)
  return text.length > 60 ? `${text.slice(0, 59)}…` : text
}

/** zod's type names in the words of a JSON config: a "record" (name -> value) is an object. */
const typeWords: Record<string, string> = { record: 'object' }
