import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, resolve, sep } from 'node:path'
import * as core from '@actions/core'
import type * as github from '@actions/github'
import { buildReport, lintFilesForReport, loadConfig, renderReportHtml, renderReportJson, version, type Report } from '@postmortem-lint/core'
import { formatters } from 'postmortem-lint/formatters'
import { globWorkspace } from '../changed-files.js'
import { commentLimit } from '../comment/trim.js'
import type { Inputs } from '../inputs.js'
import { statusOf, type Octokit } from '../octokit.js'
import { setLintOutputs } from '../outputs.js'
import { computeTotals } from '../report.js'
import { writeJobSummary } from '../summary.js'
import { renderOverdue, trackingTitle, type OverdueContext } from './render.js'
import { upsertTrackingIssue } from './tracking-issue.js'

type Context = typeof github.context

/** The events that run the follow-through report when `mode` is `auto`. */
export const reportEvents = new Set(['schedule', 'workflow_dispatch'])

export function isReportRun(inputs: Inputs, eventName: string): boolean {
  return inputs.mode === 'report' || (inputs.mode === 'auto' && reportEvents.has(eventName))
}

/**
 * Scheduled mode: read every matching postmortem once, build the report, write the HTML and JSON
 * reports to RUNNER_TEMP (their paths are outputs: upload them with actions/upload-artifact if you
 * want them; the action uploads nothing), put what is overdue in the job summary and, with
 * `tracking-issue: true`, in one issue kept up to date. It reports; findings do not fail it.
 */
export async function runScheduledReport(inputs: Inputs, context: Context, workspace: string, octokit: Octokit | undefined): Promise<Report> {
  const selected = await globWorkspace(inputs.paths, workspace)
  for (const path of selected.refused) core.warning(`Not reading ${path}: the path leads outside the workspace`)
  core.info(`${selected.files.length} files match ${inputs.paths.join(', ')}`)
  const absolute = selected.files.map((path) => resolve(workspace, path))
  // As when linting: under pull_request_target (mode: report) the checkout may be a fork's head, whose JavaScript config must not run.
  const allowJavaScript = context.eventName !== 'pull_request_target'
  const entries = inputs.config !== undefined
    ? await lintFilesForReport(absolute, { config: (await loadConfig({ configFile: resolve(workspace, inputs.config), allowJavaScript })).config, detect: true })
    : await lintFilesForReport(absolute, { configSearch: { allowJavaScript, stopDir: workspace }, detect: true })
  const report = buildReport(entries, {
    ...(inputs.asOf === undefined ? {} : { asOf: inputs.asOf }),
    displayPath: (filePath) => toPosix(filePath === null ? '<stdin>' : relative(workspace, filePath) || filePath),
    toolVersion: version,
  })

  const temp = process.env.RUNNER_TEMP ?? tmpdir()
  const htmlPath = join(temp, 'postmortem-lint-report.html')
  const jsonPath = join(temp, 'postmortem-lint-report.json')
  const lintPath = join(temp, 'postmortem-lint-results.json')
  await writeFile(htmlPath, renderReportHtml(report))
  await writeFile(jsonPath, renderReportJson(report))
  const results = entries.map((entry) => entry.result)
  await writeFile(lintPath, formatters.json(results, { cwd: workspace, color: false }))
  const totals = computeTotals(results)
  setLintOutputs(totals, lintPath)
  core.setOutput('report-html', htmlPath)
  core.setOutput('report-json', jsonPath)
  core.setOutput('overdue-actions', report.summary.actions.overdue)
  core.setOutput('overdue-reviews', report.summary.reviews.overdue)

  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com'
  const renderContext: OverdueContext = {
    serverUrl: server,
    owner: context.repo.owner,
    repo: context.repo.repo,
    sha: context.sha || undefined,
    toolVersion: version,
    marker: false,
    ...(context.runId ? { runUrl: `${server}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}` } : {}),
  }
  await writeJobSummary(renderOverdue(report, renderContext))
  if (inputs.trackingIssue) await trackingIssue(octokit, context, report, renderContext)
  const { actions, reviews } = report.summary
  core.info(`postmortem-lint report: ${report.summary.postmortems} postmortems, ${actions.overdue} overdue action items, ${reviews.overdue} overdue follow-up reviews (as of ${report.asOf})`)
  return report
}

async function trackingIssue(octokit: Octokit | undefined, context: Context, report: Report, renderContext: OverdueContext): Promise<void> {
  if (!octokit) {
    core.notice('No github-token: the tracking issue is skipped.')
    return
  }
  let body = renderOverdue(report, { ...renderContext, marker: true })
  for (let rows = 100; body.length > commentLimit && rows > 1; rows = Math.floor(rows / 2)) body = renderOverdue(report, { ...renderContext, marker: true, maxRows: rows })
  const overdue = report.summary.actions.overdue + report.summary.reviews.overdue > 0
  try {
    const outcome = await upsertTrackingIssue(octokit, context.repo, { title: trackingTitle, body }, { create: overdue })
    if (outcome.action === 'skipped') core.info(`No tracking issue: ${outcome.reason}`)
    else core.info(`Tracking issue #${outcome.number} ${outcome.action}`)
  } catch (error) {
    // A read-only token (a workflow without `issues: write`) is handled like a fork's pull request: skipped, said, not failed.
    if (statusOf(error) === 403) {
      core.notice(
        `The token may not create or update issues (403: ${(error as Error).message}); the tracking issue is skipped (the job summary lists what is overdue). Give the workflow \`permissions: issues: write\`.`,
      )
      return
    }
    throw new Error(`Could not update the tracking issue: ${(error as Error).message}`)
  }
}

const toPosix = (path: string): string => (sep === '/' ? path : path.split(sep).join('/'))
