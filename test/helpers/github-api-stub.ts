import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A REST request the stub received. */
export interface RecordedRequest {
  method: string
  /** Path without the query string. */
  path: string
  query: URLSearchParams
  /** The token from `Authorization: token …` (or `Bearer …`), or null. */
  token: string | null
  body: unknown
  status: number
}

export interface StubComment {
  id: number
  body: string
  user: { login: string; type: 'User' | 'Bot' }
}

export interface StubIssue {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  user: { login: string; type: 'User' | 'Bot' }
  /** Set on pull requests, which the issues list also returns. */
  pull_request?: { url: string }
}

export interface StubPull {
  number: number
  head: { ref: string; sha: string; repo: { full_name: string } }
}

export interface GitHubApiStubOptions {
  owner: string
  repo: string
  /** Files of each pull request by number, as `pulls.listFiles` returns them. */
  pullFiles?: Record<number, { filename: string; status: string }[]>
  /** Comments of each issue / pull request by number. */
  comments?: Record<number, StubComment[]>
  /** Issues of the repository (for `issues.listForRepo`, `issues.create`, `issues.update`). */
  issues?: StubIssue[]
  /** Open pull requests (for `pulls.list` with `head=owner:branch`). */
  pulls?: StubPull[]
  /** Tokens that may read but not write (a fork's token): 403 on POST and PATCH. */
  readOnlyTokens?: string[]
  /** Answer the first N requests whose `METHOD path` starts with the key with a 503. */
  transientFailures?: Record<string, number>
  /** Listen on this port (default: any free one). */
  port?: number
  /** Never answer the first N requests whose `METHOD path` starts with the key (a hung server). */
  hangs?: Record<string, number>
  /** Answer the first `count` requests whose `METHOD path` starts with the key as rate limited. */
  rateLimits?: Record<string, { count: number; status: 403 | 429; headers: Record<string, string>; message?: string }>
}

export interface GitHubApiStub {
  url: string
  requests: RecordedRequest[]
  comments: Record<number, StubComment[]>
  issues: StubIssue[]
  close(): Promise<void>
}

const forbidden = { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' }

/**
 * A loopback HTTP server (127.0.0.1, a free port) answering the GitHub REST endpoints the action
 * uses, with Link-header pagination, stateful comments, read-only tokens, transient 503s, hung
 * requests and rate limits.
 */
export async function startGitHubApiStub(options: GitHubApiStubOptions): Promise<GitHubApiStub> {
  const requests: RecordedRequest[] = []
  const comments: Record<number, StubComment[]> = structuredClone(options.comments ?? {})
  const issues: StubIssue[] = structuredClone(options.issues ?? [])
  const failures = new Map(Object.entries(options.transientFailures ?? {}))
  const hangs = new Map(Object.entries(options.hangs ?? {}))
  const limits = new Map(Object.entries(options.rateLimits ?? {}).map(([key, limit]) => [key, { ...limit }]))
  let nextId = 9000
  const repoPrefix = `/repos/${options.owner}/${options.repo}`

  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1')
      const text = Buffer.concat(chunks).toString('utf8')
      const record: RecordedRequest = {
        method: request.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        token: /^(?:token|bearer) (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? null,
        body: text ? (JSON.parse(text) as unknown) : undefined,
        status: 0,
      }
      requests.push(record)
      const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
        record.status = status
        response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
        response.end(body === undefined ? '' : JSON.stringify(body))
      }
      handle(record, url, request, response, send)
    })
  })

  function handle(
    record: RecordedRequest,
    url: URL,
    _request: IncomingMessage,
    _response: ServerResponse,
    send: (status: number, body: unknown, headers?: Record<string, string>) => void,
  ): void {
    const key = `${record.method} ${record.path}`
    for (const [prefix, left] of hangs) {
      if (left > 0 && key.startsWith(prefix)) {
        hangs.set(prefix, left - 1)
        record.status = -1 // left hanging; closeAllConnections ends it
        return
      }
    }
    for (const [prefix, limit] of limits) {
      if (limit.count > 0 && key.startsWith(prefix)) {
        limit.count--
        send(limit.status, { message: limit.message ?? 'API rate limit exceeded', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' }, limit.headers)
        return
      }
    }
    for (const [prefix, left] of failures) {
      if (left > 0 && key.startsWith(prefix)) {
        failures.set(prefix, left - 1)
        send(503, { message: 'Service Unavailable' })
        return
      }
    }
    const write = record.method === 'POST' || record.method === 'PATCH'
    if (write && record.token !== null && options.readOnlyTokens?.includes(record.token)) {
      send(403, forbidden)
      return
    }
    let match: RegExpExecArray | null
    if (record.method === 'GET' && (match = new RegExp(`^${repoPrefix}/pulls/(\\d+)/files$`).exec(record.path))) {
      paginate(url, options.pullFiles?.[Number(match[1])] ?? [], send)
    } else if (record.method === 'GET' && (match = new RegExp(`^${repoPrefix}/issues/(\\d+)/comments$`).exec(record.path))) {
      paginate(url, comments[Number(match[1])] ?? [], send)
    } else if (record.method === 'POST' && (match = new RegExp(`^${repoPrefix}/issues/(\\d+)/comments$`).exec(record.path))) {
      const body = (record.body as { body?: string } | undefined)?.body ?? ''
      const comment: StubComment = { id: nextId++, body, user: { login: 'github-actions[bot]', type: 'Bot' } }
      ;(comments[Number(match[1])] ??= []).push(comment)
      send(201, comment)
    } else if (record.method === 'PATCH' && (match = new RegExp(`^${repoPrefix}/issues/comments/(\\d+)$`).exec(record.path))) {
      const comment = Object.values(comments)
        .flat()
        .find((item) => item.id === Number(match?.[1]))
      if (!comment) {
        send(404, { message: 'Not Found' })
        return
      }
      comment.body = (record.body as { body?: string } | undefined)?.body ?? ''
      send(200, comment)
    } else if (record.method === 'GET' && record.path === `${repoPrefix}/issues`) {
      const state = url.searchParams.get('state') ?? 'open'
      paginate(url, issues.filter((issue) => state === 'all' || issue.state === state), send)
    } else if (record.method === 'POST' && record.path === `${repoPrefix}/issues`) {
      const body = (record.body ?? {}) as { title?: string; body?: string }
      const issue: StubIssue = { number: Math.max(100, ...issues.map((item) => item.number)) + 1, title: body.title ?? '', body: body.body ?? '', state: 'open', user: { login: 'github-actions[bot]', type: 'Bot' } }
      issues.push(issue)
      send(201, issue)
    } else if (record.method === 'PATCH' && (match = new RegExp(`^${repoPrefix}/issues/(\\d+)$`).exec(record.path))) {
      const issue = issues.find((item) => item.number === Number(match?.[1]))
      if (!issue) {
        send(404, { message: 'Not Found' })
        return
      }
      const body = (record.body ?? {}) as { title?: string; body?: string }
      if (body.title !== undefined) issue.title = body.title
      if (body.body !== undefined) issue.body = body.body
      send(200, issue)
    } else if (record.method === 'GET' && record.path === `${repoPrefix}/pulls`) {
      const head = url.searchParams.get('head')
      const pulls = (options.pulls ?? []).filter((pull) => head === null || `${pull.head.repo.full_name.split('/')[0]}:${pull.head.ref}` === head)
      send(200, pulls)
    } else if (record.method === 'GET' && record.path === '/user') {
      // An installation token (GITHUB_TOKEN) cannot ask who it is.
      send(403, forbidden)
    } else {
      send(404, { message: 'Not Found' })
    }
  }

  function paginate(url: URL, items: readonly unknown[], send: (status: number, body: unknown, headers?: Record<string, string>) => void): void {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30))
    const page = Number(url.searchParams.get('page') ?? 1)
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const link = (n: number): string => {
      const next = new URL(url)
      next.searchParams.set('page', String(n))
      next.searchParams.set('per_page', String(perPage))
      return `${stub.url}${next.pathname}${next.search}`
    }
    const links: string[] = []
    if (page < last) links.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`)
    if (page > 1) links.push(`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`)
    send(200, items.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(', ') } : {})
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const stub: GitHubApiStub = {
    url: `http://127.0.0.1:${port}`,
    requests,
    comments,
    issues,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
  return stub
}
