import type { Formatter } from './types.js'
import { displayPath, oneLine } from './shared.js'

/**
 * One finding per line, `file:line:col: severity message [rule-id]`, for editors' problem
 * matchers and grep. Unreadable files get one line without a rule id; skipped files none.
 */
export const compact: Formatter = (results, options) => {
  const lines: string[] = []
  for (const result of results) {
    const path = displayPath(result.filePath, options.cwd)
    if (result.fatal !== undefined) lines.push(`${path}:1:1: error Could not lint this file: ${oneLine(result.fatal)}`)
    for (const message of result.messages) {
      const severity = message.severity === 2 ? 'error' : 'warning'
      lines.push(`${path}:${message.line}:${message.column}: ${severity} ${oneLine(message.message)} [${message.ruleId}]`)
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : ''
}
