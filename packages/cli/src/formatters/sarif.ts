import { isAbsolute, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { builtInRules, docsUrlFor, repositoryUrl, UNUSED_DIRECTIVE_RULE_ID, type LintMessage } from '@postmortem-lint/core'
import type { ArtifactLocation, Location, Log, Notification, ReportingDescriptor, Result } from 'sarif'
import { cliVersion } from '../version.js'
import type { Formatter, RuleInfo } from './types.js'
import { STDIN_NAME, displayPathPosix, toRuleInfo } from './shared.js'

export const SRCROOT = '%SRCROOT%'

/** The pseudo-rule the core reports disable comments under when `reportUnusedDisableDirectives` is on. */
const unusedDirectiveRuleId = UNUSED_DIRECTIVE_RULE_ID

/** The core's built-in rules as formatters see them. */
export function builtInRuleInfos(): RuleInfo[] {
  return builtInRules.map(toRuleInfo)
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other viewers: one run, the rules that ran in
 * `tool.driver.rules` (with `helpUri`), one result per finding with `relatedLocations` from the
 * message's related places. Files inside the cwd are addressed relative to `%SRCROOT%` (the cwd),
 * others by absolute file URI. Unreadable and skipped files become tool execution notifications
 * (level error and note). No `partialFingerprints`: the upload action computes them from the file.
 */
export const sarif: Formatter = (results, options) => {
  const version = options.toolVersion ?? cliVersion()
  const rules: ReportingDescriptor[] = []
  const ruleIndex = new Map<string, number>()
  const addRule = (rule: ReportingDescriptor): number => {
    const existing = ruleIndex.get(rule.id)
    if (existing !== undefined) return existing
    ruleIndex.set(rule.id, rules.length)
    rules.push(rule)
    return rules.length - 1
  }
  for (const info of [...(options.rules ?? builtInRuleInfos())].sort((a, b) => a.id.localeCompare(b.id))) {
    addRule({
      id: info.id,
      shortDescription: { text: info.description },
      helpUri: info.docsUrl,
      defaultConfiguration: { level: info.defaultSeverity === 'error' ? 'error' : 'warning' },
      properties: { category: info.category, tags: ['postmortem', info.category] },
    })
  }
  // Findings of rules the list does not know: unused disable directives, custom rules.
  const ruleFor = (message: LintMessage): number =>
    ruleIndex.get(message.ruleId) ??
    addRule({
      id: message.ruleId,
      ...(message.ruleId === unusedDirectiveRuleId
        ? { shortDescription: { text: 'Report postmortem-lint disable comments that silence nothing' }, helpUri: docsUrlFor('README.md#inline-configuration') }
        : { helpUri: message.docsUrl }),
      properties: { category: message.category, tags: ['postmortem', message.category] },
    })

  const sarifResults: Result[] = []
  const notifications: Notification[] = []
  for (const lintResult of results) {
    const artifactLocation = artifactLocationFor(lintResult.filePath, options.cwd)
    const shownPath = displayPathPosix(lintResult.filePath, options.cwd)
    if (lintResult.fatal !== undefined) {
      notifications.push({
        level: 'error',
        descriptor: { id: 'file-unreadable' },
        message: { text: `Could not lint ${shownPath}: ${lintResult.fatal}` },
        locations: [{ physicalLocation: { artifactLocation } }],
      })
    }
    if (lintResult.skipped !== undefined) {
      notifications.push({
        level: 'note',
        descriptor: { id: 'file-skipped' },
        message: { text: `Skipped ${shownPath}: ${lintResult.skipped}` },
        locations: [{ physicalLocation: { artifactLocation } }],
      })
    }
    for (const message of lintResult.messages) {
      const result: Result = {
        ruleId: message.ruleId,
        ruleIndex: ruleFor(message),
        level: message.severity === 2 ? 'error' : 'warning',
        message: { text: message.message },
        locations: [location(artifactLocation, message)],
      }
      if (message.related?.length) {
        result.relatedLocations = message.related.map((related, index) => ({
          id: index + 1,
          message: { text: related.message },
          physicalLocation: location(artifactLocation, related).physicalLocation,
        }))
      }
      result.properties = { category: message.category, messageId: message.messageId }
      if (message.suggestion !== undefined) result.properties.suggestion = message.suggestion
      sarifResults.push(result)
    }
  }

  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'postmortem-lint', version, semanticVersion: version, informationUri: repositoryUrl, rules },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}

function location(
  artifactLocation: ArtifactLocation,
  span: { line: number; column: number; endLine: number; endColumn: number },
): Location {
  return {
    physicalLocation: {
      artifactLocation,
      region: { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn },
    },
  }
}

function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href
  return href.endsWith('/') ? href : `${href}/`
}

function artifactLocationFor(filePath: string | null, cwd: string): ArtifactLocation {
  if (filePath === null || filePath === STDIN_NAME || !isAbsolute(filePath)) {
    return { uri: encodeURI((filePath ?? STDIN_NAME).split(sep).join('/')) }
  }
  const rel = relative(cwd, filePath)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(filePath).href }
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT }
}
