import type { Octokit } from '../octokit.js'
import { firstOfOurs } from '../comment/ours.js'
import { trackingMarker } from './render.js'

export interface TrackingTarget {
  owner: string
  repo: string
}

export type TrackingOutcome =
  | { action: 'created'; number: number }
  | { action: 'updated'; number: number }
  | { action: 'unchanged'; number: number }
  | { action: 'skipped'; reason: string }

interface ListedIssue {
  number: number
  body?: string | null
  user: { login: string; type: string } | null
  pull_request?: unknown
}

/**
 * The tracking issue: the first open issue (not pull request) whose body starts with the marker,
 * opened by a bot or, failing that, by the token's own user; as the sticky comment is found.
 */
export async function findTrackingIssue(octokit: Octokit, target: TrackingTarget): Promise<ListedIssue | undefined> {
  const issues: ListedIssue[] = await octokit.paginate(octokit.rest.issues.listForRepo, { owner: target.owner, repo: target.repo, state: 'open', per_page: 100 })
  return firstOfOurs(octokit, issues.filter((issue) => issue.pull_request === undefined), trackingMarker)
}

/**
 * Keep one issue listing what is overdue: update it in place, or open it when something is
 * overdue (with nothing overdue an existing issue is still updated, to say so, but none is opened).
 */
export async function upsertTrackingIssue(
  octokit: Octokit,
  target: TrackingTarget,
  issue: { title: string; body: string },
  options: { create: boolean },
): Promise<TrackingOutcome> {
  const existing = await findTrackingIssue(octokit, target)
  if (existing) {
    if (existing.body === issue.body) return { action: 'unchanged', number: existing.number }
    await octokit.rest.issues.update({ owner: target.owner, repo: target.repo, issue_number: existing.number, body: issue.body })
    return { action: 'updated', number: existing.number }
  }
  if (!options.create) return { action: 'skipped', reason: 'nothing is overdue and there is no tracking issue to update' }
  const created = await octokit.rest.issues.create({ owner: target.owner, repo: target.repo, title: issue.title, body: issue.body })
  return { action: 'created', number: created.data.number }
}
