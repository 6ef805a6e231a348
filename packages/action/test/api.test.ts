/**
 * The action's Octokit against a loopback GitHub API: 5xx and hung requests are retried with
 * back-off and then fail with a plain message; rate limits are waited out when GitHub says for
 * how long, and fail at once (with the time) when that is too long.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startGitHubApiStub, type GitHubApiStub, type GitHubApiStubOptions } from '../../../test/helpers/github-api-stub.js'

const owner = 'acme'
const repo = 'handbook'
const files = `GET /repos/${owner}/${repo}/pulls/7/files`
const marker = '<!-- postmortem-lint:report -->'

let stub: GitHubApiStub | null = null
let lib: typeof import('../src/octokit.js')
let sticky: typeof import('../src/comment/sticky.js')
const savedApiUrl = process.env.GITHUB_API_URL

// @actions/github reads GITHUB_API_URL when it is first imported: point it at a port set per test.
let port = 0
beforeAll(async () => {
  const probe = await startGitHubApiStub({ owner, repo })
  port = Number(new URL(probe.url).port)
  await probe.close()
  process.env.GITHUB_API_URL = `http://127.0.0.1:${port}`
  lib = await import('../src/octokit.js')
  sticky = await import('../src/comment/sticky.js')
})

afterEach(async () => {
  await stub?.close()
  stub = null
})

afterAll(() => {
  if (savedApiUrl === undefined) delete process.env.GITHUB_API_URL
  else process.env.GITHUB_API_URL = savedApiUrl
})

async function api(options: Omit<GitHubApiStubOptions, 'owner' | 'repo'>): Promise<GitHubApiStub> {
  stub = await startGitHubApiStub({ owner, repo, ...options, port })
  return stub
}

function client(options: Parameters<typeof lib.createOctokit>[1] = {}) {
  return lib.createOctokit('ghs_test', { timeoutMs: 300, retryAfterBaseMs: 5, ...options })
}

async function listFiles(options: Parameters<typeof lib.createOctokit>[1] = {}) {
  return client(options).rest.pulls.listFiles({ owner, repo, pull_number: 7 })
}

function statuses(server: GitHubApiStub): number[] {
  return server.requests.map((request) => request.status)
}

async function failure(promise: Promise<unknown>): Promise<Error & { status?: number }> {
  try {
    await promise
  } catch (error) {
    return error as Error & { status?: number }
  }
  throw new Error('expected the request to fail')
}

describe('server errors and time-outs', () => {
  it('retries a 503 with back-off and succeeds', async () => {
    const server = await api({ pullFiles: { 7: [{ filename: 'a.md', status: 'added' }] }, transientFailures: { [files]: 2 } })
    const response = await listFiles()
    expect(response.data).toHaveLength(1)
    expect(statuses(server)).toEqual([503, 503, 200])
  })

  it('gives up after 3 retries with a message naming the request, the status and the tries', async () => {
    const server = await api({ transientFailures: { [files]: 10 } })
    const error = await failure(listFiles())
    expect(statuses(server)).toEqual([503, 503, 503, 503])
    expect(error.message).toBe(
      `GitHub answered GET /repos/${owner}/${repo}/pulls/7/files with 503 Service Unavailable (tried 4 times); GitHub may be having an outage, re-run the job later`,
    )
    expect(error.status).toBe(503)
  })

  it('times out a request that hangs and retries it', async () => {
    const server = await api({ pullFiles: { 7: [{ filename: 'a.md', status: 'added' }] }, hangs: { [files]: 1 } })
    const started = Date.now()
    const response = await listFiles()
    expect(response.data).toHaveLength(1)
    expect(statuses(server)).toEqual([-1, 200])
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('fails clearly when every try hangs', async () => {
    const server = await api({ hangs: { [files]: 10 } })
    const error = await failure(listFiles())
    expect(server.requests).toHaveLength(4)
    expect(error.message).toBe(`GitHub did not answer GET /repos/${owner}/${repo}/pulls/7/files within 0.3 s (tried 4 times)`)
  })

  it('says when GitHub cannot be reached at all', async () => {
    // Nothing listens on the stub's port once it is closed.
    const error = await failure(listFiles({ retries: 1 }))
    expect(error.message).toMatch(new RegExp(`^Could not reach GitHub for GET /repos/${owner}/${repo}/pulls/7/files: .*ECONNREFUSED.* \\(tried 2 times\\)$`))
  })
})

describe('rate limits', () => {
  it('waits out a 429 for as long as retry-after says, then succeeds', async () => {
    const server = await api({
      pullFiles: { 7: [{ filename: 'a.md', status: 'added' }] },
      rateLimits: { [files]: { count: 1, status: 429, headers: { 'retry-after': '1' } } },
    })
    const started = Date.now()
    await listFiles()
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(statuses(server)).toEqual([429, 200])
  })

  it('waits out a secondary rate limit (403 with retry-after), then succeeds', async () => {
    const server = await api({
      pullFiles: { 7: [] },
      rateLimits: { [files]: { count: 1, status: 403, headers: { 'retry-after': '1' }, message: 'You have exceeded a secondary rate limit.' } },
    })
    const started = Date.now()
    await listFiles()
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(statuses(server)).toEqual([403, 200])
  })

  it('waits until x-ratelimit-reset when the primary limit is used up and lifts soon', async () => {
    const reset = String(Math.ceil(Date.now() / 1000) + 1)
    const server = await api({
      pullFiles: { 7: [] },
      rateLimits: { [files]: { count: 1, status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } } },
    })
    await listFiles()
    expect(statuses(server)).toEqual([403, 200])
  })

  it('fails at once, saying until when, when the limit lifts later than the action waits', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 3600
    const server = await api({
      rateLimits: { [files]: { count: 1, status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) } } },
    })
    const started = Date.now()
    const error = await failure(listFiles())
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(server.requests).toHaveLength(1)
    expect(error.name).toBe('RateLimitError')
    expect(error.message).toMatch(/^GitHub's API rate limit for this token is used up until \d\d:\d\d:\d\d UTC \(GET \/repos\/acme\/handbook\/pulls\/7\/files answered 403\); that is longer than the action waits \(90 s\)\. Re-run the job after that time\.$/)
  })

  it('gives up after two waits when GitHub keeps limiting', async () => {
    const server = await api({ rateLimits: { [files]: { count: 10, status: 429, headers: { 'retry-after': '0' } } } })
    const error = await failure(listFiles())
    expect(statuses(server)).toEqual([429, 429, 429])
    expect(error.message).toBe(`GitHub kept rate limiting GET /repos/${owner}/${repo}/pulls/7/files (429) after 2 waits; too many requests from this repository or token. Re-run the job in a few minutes.`)
  })

  it('does not retry a plain 403 (no permission), and keeps its status', async () => {
    const server = await api({ rateLimits: { [files]: { count: 10, status: 403, headers: {}, message: 'Resource not accessible by integration' } } })
    const error = await failure(listFiles())
    expect(server.requests).toHaveLength(1)
    expect(lib.statusOf(error)).toBe(403)
  })

  it('reads test-only time-outs from the environment, and nothing else', () => {
    expect(lib.apiOptionsFromEnv({})).toEqual({})
    expect(
      lib.apiOptionsFromEnv({ POSTMORTEM_LINT_TEST_API_TIMEOUT_MS: '250', POSTMORTEM_LINT_TEST_API_BACKOFF_MS: '1', POSTMORTEM_LINT_TEST_API_MAX_WAIT_MS: 'soon' }),
    ).toEqual({ timeoutMs: 250, retryAfterBaseMs: 1 })
  })
})

describe('the sticky comment', () => {
  it('is only a bot comment that starts with the marker, never one that quotes it', async () => {
    await api({
      comments: {
        7: [
          { id: 1, body: `Echoing the PR description: ${marker} hello`, user: { login: 'echo-bot[bot]', type: 'Bot' } },
          { id: 2, body: `${marker}\n### report`, user: { login: 'mallory', type: 'User' } },
          { id: 3, body: `${marker}\n### ❌ postmortem-lint: 2 errors`, user: { login: 'github-actions[bot]', type: 'Bot' } },
        ],
      },
    })
    const found = await sticky.findStickyComment(client(), { owner, repo, issueNumber: 7 })
    expect(found?.id).toBe(3)
  })
})
