import type { Octokit } from '../octokit.js'
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
  // Our comments start with the marker; one that only quotes it somewhere is someone else's.
  const marked = comments.filter((comment) => comment.body?.startsWith(marker) === true && comment.user !== null)
  const byBot = marked.find((comment) => comment.user?.type === 'Bot')
  if (byBot || !marked.length) return byBot
  let login: string | undefined
  try {
    login = (await octokit.rest.users.getAuthenticated()).data.login
  } catch {
    // An installation token (GITHUB_TOKEN) cannot ask who it is; its comments are by a bot.
    return undefined
  }
  return marked.find((comment) => comment.user?.login === login)
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
