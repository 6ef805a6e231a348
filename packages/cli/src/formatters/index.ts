import type { LintResult } from '@postmortem-lint/core'
import { compact } from './compact.js'
import { github } from './github.js'
import { json } from './json.js'
import { markdown } from './markdown.js'
import { sarif } from './sarif.js'
import { stylish } from './stylish.js'
import type { FormatOptions, Formatter } from './types.js'

export type { FormatOptions, Formatter, RuleInfo } from './types.js'
export { escapeData, escapeProperty } from './github.js'
export { builtInRuleInfos } from './sarif.js'
export { toJsonResult } from './json.js'

/** The output formats by name; each is a pure function of the results. */
export const formatters = { stylish, json, sarif, github, markdown, compact } as const satisfies Record<string, Formatter>

export type FormatterName = keyof typeof formatters

/** Format results with the named formatter. Throws on an unknown name. */
export function format(name: string, results: readonly LintResult[], options: FormatOptions): string {
  const formatter = Object.hasOwn(formatters, name) ? (formatters as Record<string, Formatter>)[name] : undefined
  if (!formatter) throw new Error(`Unknown format "${name}"; known formats: ${Object.keys(formatters).join(', ')}`)
  return formatter(results, options)
}
