import { getOctokit } from '@actions/github'
import { defaults } from '@actions/github/lib/utils'
import { retry } from '@octokit/plugin-retry'

export type Octokit = ReturnType<typeof getOctokit>

export interface OctokitOptions {
  /** Give up on one request after this long; a timed-out request is retried like a 5xx. */
  timeoutMs?: number
  /** Retries for 5xx, 429 and network errors or time-outs. */
  retries?: number
  /** First back-off in ms; the n-th retry waits n² times this. */
  retryAfterBaseMs?: number
}

type Fetch = typeof globalThis.fetch

/**
 * An Octokit for the action: the runner's proxy settings (from @actions/github), a per-request
 * time-out, and retries with back-off for server errors and time-outs (@octokit/plugin-retry;
 * 4xx other than 429 are not retried). The token is never logged.
 */
export function createOctokit(token: string, options: OctokitOptions = {}): Octokit {
  const timeoutMs = options.timeoutMs ?? 30_000
  const baseFetch = (defaults.request?.fetch as Fetch | undefined) ?? globalThis.fetch
  const fetchWithTimeout: Fetch = (url, init) => {
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    return baseFetch(url, { ...init, signal })
  }
  return getOctokit(
    token,
    {
      request: { fetch: fetchWithTimeout, agent: defaults.request?.agent },
      retry: { retries: options.retries ?? 3, retryAfterBaseValue: options.retryAfterBaseMs ?? 1000 },
      log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    },
    retry,
  )
}

/** The HTTP status of an Octokit error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}
