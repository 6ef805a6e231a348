import type { Report } from './types.js'

/**
 * The report as JSON: the report object as is, two-space indented, validated by
 * packages/core/schema/report.schema.json (`$schema` names it).
 */
export function renderReportJson(report: Report): string {
  return `${JSON.stringify({ $schema: reportSchemaUrl, ...report }, null, 2)}\n`
}

export const reportSchemaUrl = 'https://raw.githubusercontent.com/postmortem-lint/postmortem-lint/main/packages/core/schema/report.schema.json'
