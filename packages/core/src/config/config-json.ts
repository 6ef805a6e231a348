import type { ResolvedConfig } from './resolve-config.js'

/** The JSON form of a resolved config (see configToJSON). */
export interface ConfigJSON {
  configFile: string | null
  /** Enabled rules only, by id: [severity, options]. A rule that is absent is off. */
  rules: Record<string, [string, unknown]>
  weights: Record<string, number>
  include: string[]
  ignore: string[]
  settings: Record<string, unknown>
  reportUnusedDisableDirectives: string | null
}

/**
 * The resolved config as plain JSON, for `--print-config` and as a cache key. Deterministic: the
 * same config gives the same JSON text whatever order its keys were written or merged in, because
 * object keys are sorted at every level (array order is meaning, so arrays are kept as they are).
 */
export function configToJSON(config: ResolvedConfig): ConfigJSON {
  const rules: Record<string, [string, unknown]> = {}
  for (const { rule, severity, options } of [...config.rules].sort((a, b) => compare(a.rule.id, b.rule.id))) {
    rules[rule.id] = [severity, toJSONValue(options ?? {})]
  }
  return {
    configFile: config.filePath,
    rules,
    weights: toJSONValue(config.weights) as Record<string, number>,
    include: [...config.include],
    ignore: [...config.ignore],
    settings: toJSONValue(config.settings) as Record<string, unknown>,
    reportUnusedDisableDirectives: config.reportUnusedDisableDirectives,
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Sorted keys; values JSON cannot hold become what JSON.stringify would make of them, or a string. */
function toJSONValue(value: unknown, seen = new Set<object>()): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'bigint' || value instanceof RegExp) return String(value)
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
  if (typeof value !== 'object') return undefined
  if (seen.has(value)) return '[Circular]'
  seen.add(value)
  try {
    if (Array.isArray(value)) return value.map((item) => toJSONValue(item, seen) ?? null)
    if (value instanceof Set) return [...value].map((item) => toJSONValue(item, seen) ?? null)
    const entries = value instanceof Map ? [...value].map(([key, item]) => [String(key), item] as const) : Object.entries(value)
    const out: Record<string, unknown> = {}
    for (const [key, item] of entries.sort(([a], [b]) => compare(a, b))) {
      const converted = toJSONValue(item, seen)
      if (converted !== undefined) out[key] = converted
    }
    return out
  } finally {
    seen.delete(value)
  }
}
