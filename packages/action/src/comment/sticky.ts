import type { Octokit } from '../octokit.js'
import { firstOfOurs } from './ours.js'
import { marker } from './render.js'

export interface StickyTarget {
  owner: string
  repo: string
  issueNumber: number
}

export type StickyOutcome =
  | { action: 'created'; id: number }
  | { action: 'updated'; id: number }
  | { action: 'unchanged'; id: number }
  | { action: 'skipped'; reason: string }

interface IssueComment {
  id: number
  body?: string | undefined
  user: { login: string; type: string } | null
}

/**
 * The sticky comment: the first comment with the marker whose author is a bot (`github-actions[bot]`
 * with the default token, an app's bot with an app token) or, failing that, the token's own user
 * (a personal access token). Comments by other people, and comments that do not start with the
 * marker (a bot echoing a pull request's text could quote it), are ignored.
 */
export async function findStickyComment(octokit: Octokit, target: StickyTarget): Promise<IssueComment | undefined> {
  const comments: IssueComment[] = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100,
  })
  return firstOfOurs(octokit, comments, marker)
}

/**
 * Create or update the one report comment of a pull request. With `create: false` (comment:
 * on-findings and nothing found) an existing comment is still updated, so it never goes stale,
 * but none is created.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  target: StickyTarget,
  body: string,
  options: { create: boolean },
): Promise<StickyOutcome> {
  const existing = await findStickyComment(octokit, target)
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', id: existing.id }
    await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body })
    return { action: 'updated', id: existing.id }
  }
  if (!options.create) return { action: 'skipped', reason: 'nothing to report and no earlier comment to update' }
  const created = await octokit.rest.issues.createComment({
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    body,
  })
  return { action: 'created', id: created.data.id }
}
