/**
 * The last word on a request that failed after every retry: said plainly (which request, what
 * happened, how often it was tried) instead of "The operation was aborted due to timeout".
 */

import { requestName } from './request-name.js'

type RequestOptions = { method?: string; url?: string; request?: { retryCount?: number } }
type Request = (options: RequestOptions) => Promise<unknown>
interface HookHost {
  hook: { wrap(name: 'request', wrapper: (request: Request, options: RequestOptions) => Promise<unknown>): void }
}

export interface ApiErrorOptions {
  /** The per-request time-out, to name in the message. */
  timeoutMs: number
}

/** A request that failed for good; `status` is kept so callers can still tell a 403 from a 404. */
export class GitHubApiError extends Error {
  override name = 'GitHubApiError'
  constructor(
    message: string,
    readonly status: number | undefined,
    options: { cause: unknown },
  ) {
    super(message, options)
  }
}

function isTimeout(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current.name === 'TimeoutError') return true
  }
  return false
}

/** Octokit plugin, registered after the retry plugin so it sees only the final failure. */
export function apiErrors(octokit: HookHost, options: { apiErrors?: ApiErrorOptions }): void {
  const timeoutMs = options.apiErrors?.timeoutMs ?? 30_000
  octokit.hook.wrap('request', async (request, requestOptions) => {
    try {
      return await request(requestOptions)
    } catch (error) {
      const status = (error as { status?: unknown }).status
      const what = requestName(requestOptions, error)
      // The retry plugin counts failures, the last one included.
      const tries = Math.max(1, requestOptions.request?.retryCount ?? 0)
      const times = tries === 1 ? 'once' : `${tries} times`
      if (isTimeout(error)) {
        throw new GitHubApiError(`GitHub did not answer ${what} within ${timeoutMs / 1000} s (tried ${times})`, undefined, { cause: error })
      }
      if (status === 500 && (error as { response?: unknown }).response === undefined) {
        // No response at all: the network, not GitHub, failed (octokit reports that as a 500).
        throw new GitHubApiError(`Could not reach GitHub for ${what}: ${(error as Error).message} (tried ${times})`, undefined, { cause: error })
      }
      if (typeof status === 'number' && status >= 500) {
        throw new GitHubApiError(`GitHub answered ${what} with ${status} ${(error as Error).message} (tried ${times}); GitHub may be having an outage, re-run the job later`, status, { cause: error })
      }
      throw error
    }
  })
}
