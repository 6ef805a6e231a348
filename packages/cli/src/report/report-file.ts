import type { ReportEntry } from '@postmortem-lint/core'
import type { ConfigResolver, Core } from '../config.js'

/**
 * Lint one file for the report, with its config: lint-file.ts's lintFile, and the document's
 * report facts from the same parse. The one code path of the main thread and the report workers.
 */
export async function reportFile(core: Core, configs: ConfigResolver, file: string, detect: boolean): Promise<ReportEntry> {
  const { config } = await configs.forFile(file)
  const read = await core.readDocument(file)
  if (!read.ok) return { result: core.fatalResult(file, read.problem), facts: null }
  return core.lintForReport(read.text, { filePath: file, config, detect })
}
