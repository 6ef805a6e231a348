import { getOctokit } from '@actions/github'
import { defaults } from '@actions/github/lib/utils'
import { retry } from '@octokit/plugin-retry'
import { apiErrors } from './api-error.js'
import { rateLimit } from './rate-limit.js'

export type Octokit = ReturnType<typeof getOctokit>

export interface OctokitOptions {
  /** Give up on one request after this long; a timed-out request is retried like a 5xx. */
  timeoutMs?: number
  /** Retries for 5xx, 429 and network errors or time-outs. */
  retries?: number
  /** First back-off in ms; the n-th retry waits n² times this. */
  retryAfterBaseMs?: number
  /** The longest wait for a rate limit to lift before failing the request. */
  maxRateLimitWaitMs?: number
}

/**
 * Time-outs and back-offs from the environment, for the tests only (a hanging request should
 * fail in a second there, not in two minutes); unset on a runner, where the defaults apply.
 */
export function apiOptionsFromEnv(env: NodeJS.ProcessEnv): OctokitOptions {
  const number = (name: string): number | undefined => {
    const value = Number(env[name])
    return env[name] !== undefined && Number.isFinite(value) && value >= 0 ? value : undefined
  }
  const options: OctokitOptions = {}
  const timeoutMs = number('POSTMORTEM_LINT_TEST_API_TIMEOUT_MS')
  const retryAfterBaseMs = number('POSTMORTEM_LINT_TEST_API_BACKOFF_MS')
  const maxRateLimitWaitMs = number('POSTMORTEM_LINT_TEST_API_MAX_WAIT_MS')
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs
  if (retryAfterBaseMs !== undefined) options.retryAfterBaseMs = retryAfterBaseMs
  if (maxRateLimitWaitMs !== undefined) options.maxRateLimitWaitMs = maxRateLimitWaitMs
  return options
}

type Fetch = typeof globalThis.fetch

/**
 * An Octokit for the action: the runner's proxy settings (from @actions/github), a per-request
 * time-out, retries with back-off for server errors, network errors and time-outs
 * (@octokit/plugin-retry; 4xx are not retried), waits for rate limits to lift (rate-limit.ts),
 * and plain messages for what still fails (api-error.ts). The token is never logged.
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
      // 429 is left to the rate-limit plugin, which honours retry-after instead of guessing.
      retry: { retries: options.retries ?? 3, retryAfterBaseValue: options.retryAfterBaseMs ?? 1000, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
      rateLimit: { maxWaitMs: options.maxRateLimitWaitMs ?? 90_000 },
      apiErrors: { timeoutMs },
      log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    },
    // Order matters: each plugin wraps the ones before it, so apiErrors sees only final failures.
    retry,
    rateLimit,
    apiErrors,
  )
}

/** The HTTP status of an Octokit error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}
