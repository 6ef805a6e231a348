import { UsageError } from './errors.js'
import { messages } from './messages/errors.js'

/**
 * Parse `--rule` values into a `rules` object as a config file would hold it:
 *   'required-sections: warn'                       -> { "required-sections": "warn" }
 *   'required-sections: ["error", {"assumeSeverity": "P2"}]'
 *   '{"required-sections": "off", "other": 1}'       (a JSON object: several at once)
 * Later values win. Severities and options are validated by the core with the config.
 */
export function parseRuleOptions(values: readonly string[]): Record<string, unknown> {
  const rules: Record<string, unknown> = {}
  for (const value of values) {
    const trimmed = value.trim()
    if (trimmed.startsWith('{')) {
      const parsed = parseJson(value, trimmed)
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError(messages.badRule(value, 'expected a JSON object'))
      Object.assign(rules, parsed)
      continue
    }
    const colon = trimmed.indexOf(':')
    if (colon <= 0) throw new UsageError(messages.badRule(value, 'no rule id before a colon'))
    const id = trimmed.slice(0, colon).trim()
    const setting = trimmed.slice(colon + 1).trim()
    if (!/^[\w@/.-]+$/.test(id)) throw new UsageError(messages.badRule(value, `'${id}' is not a rule id`))
    if (setting === '') throw new UsageError(messages.badRule(value, 'no severity after the colon'))
    rules[id] = /^[[{"\d-]/.test(setting) ? parseJson(value, setting) : setting
  }
  return rules
}

function parseJson(value: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new UsageError(messages.badRule(value, `not valid JSON (${(error as Error).message})`))
  }
}
