import type { Octokit } from '../octokit.js'

interface Authored {
  body?: string | null | undefined
  user: { login: string; type: string } | null
}

/**
 * Of the items (comments, issues) whose body starts with our marker, the first one we wrote: by a
 * bot (`github-actions[bot]` with the default token, an app's bot with an app token) or, failing
 * that, by the token's own user (a personal access token). Items by other people, and items that
 * only quote the marker somewhere (a bot echoing a pull request's text), are ignored.
 */
export async function firstOfOurs<Item extends Authored>(octokit: Octokit, items: readonly Item[], marker: string): Promise<Item | undefined> {
  const marked = items.filter((item) => item.body?.startsWith(marker) === true && item.user !== null)
  const byBot = marked.find((item) => item.user?.type === 'Bot')
  if (byBot || !marked.length) return byBot
  let login: string | undefined
  try {
    login = (await octokit.rest.users.getAuthenticated()).data.login
  } catch {
    // An installation token (GITHUB_TOKEN) cannot ask who it is; what it writes is by a bot.
    return undefined
  }
  return marked.find((item) => item.user?.login === login)
}
