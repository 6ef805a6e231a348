import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import * as core from '@actions/core'
import * as github from '@actions/github'
import { lintFiles, loadConfig, preloadNlp, version, type LintResult } from '@postmortem-lint/core'
import { formatters } from 'postmortem-lint/formatters'
import { annotate } from './annotations.js'
import { globWorkspace, listPullRequestFiles, selectChangedFiles, type SelectedFiles } from './changed-files.js'
import { renderWithin, commentLimit, summaryLimit } from './comment/trim.js'
import type { RenderContext } from './comment/render.js'
import { upsertStickyComment } from './comment/sticky.js'
import { readInputs, type Inputs } from './inputs.js'
import { apiOptionsFromEnv, createOctokit, statusOf, type Octokit } from './octokit.js'
import { readReportFile } from './report-file.js'
import { isReportRun, runScheduledReport } from './scheduled/scheduled.js'
import { computeTotals, computeVerdict, toFileReports, type Totals } from './report.js'
import { setLintOutputs } from './outputs.js'
import { writeJobSummary } from './summary.js'

type Context = typeof github.context

export interface PullRequestInfo {
  number: number
  headSha: string | undefined
  /** The head branch lives in another repository (its `pull_request` token is read-only). */
  fork: boolean
}

const pullRequestEvents = new Set(['pull_request', 'pull_request_target'])

/** The action: lint (or read a report), annotate, summarise, comment, set outputs and the verdict. */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs()
    // Load the NLP library through a dynamic import so the bundle carries it (no require at run time).
    await preloadNlp()
    const workspace = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd())
    const context = github.context
    const octokit = inputs.githubToken ? createOctokit(inputs.githubToken, apiOptionsFromEnv(process.env)) : undefined

    if (isReportRun(inputs, context.eventName) && inputs.reportFile === undefined) {
      await runScheduledReport(inputs, context, workspace, octokit)
      return
    }

    let results: LintResult[]
    let reportPath: string
    if (inputs.reportFile !== undefined) {
      reportPath = resolve(workspace, inputs.reportFile)
      results = await readReportFile(reportPath)
      core.info(`Read ${results.length} results from ${reportPath}`)
    } else {
      const selected = await selectFiles(inputs, context, workspace, octokit)
      for (const path of selected.refused) core.warning(`Not linting ${path}: the path leads outside the workspace`)
      results = await lintSelected(selected.files, inputs, context, workspace)
      reportPath = join(process.env.RUNNER_TEMP ?? tmpdir(), 'postmortem-lint-report.json')
      await writeFile(reportPath, formatters.json(results, { cwd: workspace, color: false }))
    }

    const files = toFileReports(results, workspace)
    const totals = computeTotals(results)
    const verdict = computeVerdict(totals, inputs)
    setLintOutputs(totals, reportPath)

    if (inputs.annotations) annotate(files, core)

    const pr = await findPullRequest(context, octokit)
    const renderContext: RenderContext = {
      serverUrl: process.env.GITHUB_SERVER_URL ?? 'https://github.com',
      owner: context.repo.owner,
      repo: context.repo.repo,
      sha: pr?.headSha ?? (context.sha || undefined),
      totals,
      verdict,
      toolVersion: version,
      marker: false,
      ...(runUrl(context) === undefined ? {} : { runUrl: runUrl(context) as string }),
    }
    await writeJobSummary(renderWithin(files, renderContext, summaryLimit))

    if (inputs.comment !== 'never' && pr) {
      await comment(octokit, context, pr, inputs, renderWithin(files, { ...renderContext, marker: true }, commentLimit), totals, verdict.failed)
    }

    if (verdict.failed) core.setFailed(`postmortem-lint: ${verdict.reasons.join('; ')}`)
    else core.info(`postmortem-lint: passed (${totals.linted} files linted, ${totals.errors} errors, ${totals.warnings} warnings)`)
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}

async function selectFiles(inputs: Inputs, context: Context, workspace: string, octokit: Octokit | undefined): Promise<SelectedFiles> {
  if (pullRequestEvents.has(context.eventName)) {
    const number = context.payload.pull_request?.number
    if (typeof number !== 'number') throw new Error(`The ${context.eventName} event has no pull request number`)
    if (!octokit) throw new Error('Input "github-token" is required to list the files of a pull request')
    const changed = await listPullRequestFiles(octokit, { ...context.repo, pull_number: number }).catch((error: unknown) => {
      throw new Error(`Could not list the files of pull request #${number}: ${(error as Error).message}`)
    })
    const selected = selectChangedFiles(changed, inputs.paths, workspace)
    core.info(`Pull request #${number} changes ${changed.length} files; ${selected.files.length} postmortems match ${inputs.paths.join(', ')}`)
    return selected
  }
  const selected = await globWorkspace(inputs.paths, workspace)
  core.info(`${selected.files.length} files match ${inputs.paths.join(', ')}`)
  return selected
}

async function lintSelected(paths: readonly string[], inputs: Inputs, context: Context, workspace: string): Promise<LintResult[]> {
  // Under pull_request_target the checkout may be the PR's head: never run its JavaScript config.
  const allowJavaScript = context.eventName !== 'pull_request_target'
  const absolute = paths.map((path) => resolve(workspace, path))
  if (inputs.config !== undefined) {
    const { config } = await loadConfig({ configFile: resolve(workspace, inputs.config), allowJavaScript })
    return lintFiles(absolute, { config })
  }
  return lintFiles(absolute, { configSearch: { allowJavaScript, stopDir: workspace } })
}

function runUrl(context: Context): string | undefined {
  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com'
  return context.runId ? `${server}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}` : undefined
}

/** The pull request this run reports on: from the event, or for workflow_run from its head. */
export async function findPullRequest(context: Context, octokit: Octokit | undefined): Promise<PullRequestInfo | undefined> {
  const payload = context.payload
  if (pullRequestEvents.has(context.eventName) && payload.pull_request) {
    const pr = payload.pull_request as { number: number; head?: { sha?: string; repo?: { full_name?: string } | null }; base?: { repo?: { full_name?: string } } }
    const headRepo = pr.head?.repo?.full_name
    const baseRepo = pr.base?.repo?.full_name ?? `${context.repo.owner}/${context.repo.repo}`
    return { number: pr.number, headSha: pr.head?.sha, fork: headRepo === undefined || headRepo !== baseRepo }
  }
  if (context.eventName === 'workflow_run' && payload.workflow_run) {
    const run = payload.workflow_run as {
      head_sha?: string
      head_branch?: string
      pull_requests?: { number: number }[]
      head_repository?: { owner?: { login?: string } }
    }
    const listed = run.pull_requests?.[0]?.number
    if (listed !== undefined) return { number: listed, headSha: run.head_sha, fork: false }
    // A fork's run lists no pull requests: find the open one whose head is that branch and commit.
    const owner = run.head_repository?.owner?.login
    if (!octokit || !owner || !run.head_branch) return undefined
    const { data } = await octokit.rest.pulls.list({ ...context.repo, state: 'open', head: `${owner}:${run.head_branch}`, per_page: 100 })
    const match = data.find((pull) => pull.head.sha === run.head_sha)
    return match ? { number: match.number, headSha: run.head_sha, fork: false } : undefined
  }
  return undefined
}

async function comment(
  octokit: Octokit | undefined,
  context: Context,
  pr: PullRequestInfo,
  inputs: Inputs,
  body: string,
  totals: Totals,
  failed: boolean,
): Promise<void> {
  if (!octokit) {
    core.notice('No github-token: the pull-request comment is skipped.')
    return
  }
  if (context.eventName === 'pull_request' && pr.fork) {
    core.notice(
      'Pull request from a fork: its token is read-only, so the report comment is skipped (annotations and the job summary have the findings). To comment on fork PRs, upload the report and post it from a workflow_run workflow with `report-file`.',
    )
    return
  }
  const hasFindings = totals.errors + totals.warnings > 0 || failed
  try {
    const outcome = await upsertStickyComment(
      octokit,
      { ...context.repo, issueNumber: pr.number },
      body,
      { create: inputs.comment === 'always' || hasFindings },
    )
    if (outcome.action === 'skipped') core.info(`No pull-request comment: ${outcome.reason}`)
    else core.info(`Pull-request comment ${outcome.id} ${outcome.action}`)
  } catch (error) {
    if (statusOf(error) === 403) {
      core.notice(`The token may not comment on pull request #${pr.number} (403: ${(error as Error).message}); the comment is skipped.`)
      return
    }
    throw new Error(`Could not post the report comment on pull request #${pr.number}: ${(error as Error).message}`)
  }
}
