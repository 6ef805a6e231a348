import type { Formatter } from './types.js'
import { displayPathPosix } from './shared.js'

/** Escape the message of a workflow command (what follows `::`). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escape a property value of a workflow command (`file=`, `title=`, ...). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * GitHub Actions workflow commands: one `::error` or `::warning` annotation per finding, shown on
 * the pull request's diff. The message carries the suggestion and the rule's docs link on lines of
 * their own. Skipped files produce nothing; unreadable files an error on the file.
 */
export const github: Formatter = (results, options) => {
  const lines: string[] = []
  for (const result of results) {
    const file = displayPathPosix(result.filePath, options.cwd)
    if (result.fatal !== undefined) {
      lines.push(`::error file=${escapeProperty(file)},title=${escapeProperty('postmortem-lint')}::${escapeData(`Could not lint this file: ${result.fatal}`)}`)
    }
    for (const message of result.messages) {
      const command = message.severity === 2 ? 'error' : 'warning'
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${message.line}`,
        `col=${message.column}`,
        `endLine=${message.endLine}`,
        `endColumn=${message.endColumn}`,
        `title=${escapeProperty(message.ruleId)}`,
      ].join(',')
      let text = message.message
      if (message.suggestion !== undefined) text += `\n\nSuggestion: ${message.suggestion}`
      text += `\n\n${message.docsUrl}`
      lines.push(`::${command} ${properties}::${escapeData(text)}`)
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : ''
}
