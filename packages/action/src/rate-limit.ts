/**
 * GitHub's rate limits, respected instead of hammered: a 403 or 429 that says when to come back
 * (`retry-after`, or `x-ratelimit-remaining: 0` with `x-ratelimit-reset`) is retried after that
 * wait; a secondary rate limit without either waits a minute, as GitHub's docs ask. A wait longer
 * than the job should sit idle fails at once with the time the limit lifts.
 * (@octokit/plugin-throttling does this too, with a Bottleneck queue the action does not need.)
 */
import { requestName } from './request-name.js'

export interface RateLimitOptions {
  /** Waits before giving up on one request. */
  retries?: number
  /** The longest single wait; a limit that lifts later fails the request at once. */
  maxWaitMs?: number
}

/** A request that stayed rate limited: the message says until when and what to do. */
export class RateLimitError extends Error {
  override name = 'RateLimitError'
}

interface HttpError {
  status?: number
  message?: string
  response?: { headers?: Record<string, string | number | undefined> }
}

/** How long to wait before retrying a failed request, or null when it was not rate limited. */
export function rateLimitWait(error: unknown, now: number): number | null {
  const { status, response, message } = (error ?? {}) as HttpError
  if (status !== 403 && status !== 429) return null
  const headers = response?.headers ?? {}
  const retryAfter = Number(headers['retry-after'])
  if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter)) return Math.max(0, retryAfter * 1000)
  if (String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset'])
    if (Number.isFinite(reset)) return Math.max(0, reset * 1000 - now) + 1000
  }
  if (status === 429 || /secondary rate limit/i.test(message ?? '')) return 60_000
  return null
}


type RequestOptions = { method?: string; url?: string }
type Request = (options: RequestOptions) => Promise<unknown>
interface HookHost {
  hook: { wrap(name: 'request', wrapper: (request: Request, options: RequestOptions) => Promise<unknown>): void }
}

/** Octokit plugin: `getOctokit(token, { rateLimit: {...} }, rateLimit)`. */
export function rateLimit(octokit: HookHost, options: { rateLimit?: RateLimitOptions }): void {
  const retries = options.rateLimit?.retries ?? 2
  const maxWaitMs = options.rateLimit?.maxWaitMs ?? 90_000
  octokit.hook.wrap('request', async (request, requestOptions) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions)
      } catch (error) {
        const wait = rateLimitWait(error, Date.now())
        if (wait === null) throw error
        const what = requestName(requestOptions, error)
        if (wait > maxWaitMs) {
          const until = new Date(Date.now() + wait).toISOString().slice(11, 19)
          throw new RateLimitError(
            `GitHub's API rate limit for this token is used up until ${until} UTC (${what} answered ${(error as HttpError).status}); that is longer than the action waits (${Math.round(maxWaitMs / 1000)} s). Re-run the job after that time.`,
            { cause: error },
          )
        }
        if (attempt >= retries) {
          throw new RateLimitError(
            `GitHub kept rate limiting ${what} (${(error as HttpError).status}) after ${retries} waits; too many requests from this repository or token. Re-run the job in a few minutes.`,
            { cause: error },
          )
        }
        await new Promise((resolve) => setTimeout(resolve, wait))
      }
    }
  })
}
