// Language server benchmark (a script, not a test): `npm run bench:lsp`.
// Spawns the built server (packages/language-server/bin, --stdio), opens a 6 KB postmortem
// (fixtures/p2-mostly-good-subtle-defects.md, which has findings, with a paragraph appended) and makes 100 edits one after another, each changing one
// sentence, the way typing does. Latency is from sending didChange to the publishDiagnostics
// for that version, with the debounce set to 0 (an editor adds the server's 250 ms debounce on
// top). Memory is the server process's resident set (/proc/PID/status VmRSS, Linux) after the
// open and after the 100 edits, garbage included: what an editor's process list shows.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node'

const root = new URL('../..', import.meta.url).pathname
const EDITS = Number(process.env.BENCH_LSP_EDITS ?? 100)

const fixture = readFileSync(join(root, 'fixtures/p2-mostly-good-subtle-defects.md'), 'utf8')
let base = `${fixture}\n## Lessons learned\n\n`
while (Buffer.byteLength(base) < 6 * 1024) base += 'The alert fired late because its threshold was set for the old traffic pattern, so the pager stayed quiet for the first minutes. '
const summaryAt = base.indexOf('## Lessons learned')

function rssKiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1])
  } catch {
    return NaN
  }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

const child = spawn(process.execPath, [join(root, 'packages/language-server/bin/postmortem-lint-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] })
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
const waiting = new Map()
connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
  const resolve = waiting.get(params.version)
  if (resolve) {
    waiting.delete(params.version)
    resolve(params)
  }
})
connection.onNotification('postmortemLint/score', () => {})
connection.onRequest('client/registerCapability', () => null)
connection.listen()

const folder = mkdtempSync(join(tmpdir(), 'pml-bench-lsp-'))
const uri = pathToFileURL(join(folder, 'bench-postmortem.md')).href
await connection.sendRequest(InitializeRequest.type, {
  processId: process.pid,
  rootUri: null,
  workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }],
  capabilities: {},
  initializationOptions: { debounceMs: 0 },
})
await connection.sendNotification(InitializedNotification.type, {})

const published = (version) => new Promise((resolve) => waiting.set(version, resolve))
const opened = published(1)
let start = performance.now()
await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: base } })
const first = await opened
const openMs = performance.now() - start
const rssAfterOpen = rssKiB(child.pid)

const latencies = []
let text = base
for (let edit = 0; edit < EDITS; edit++) {
  // Change one sentence: a different number in the lessons paragraph each time.
  text = `${base.slice(0, summaryAt)}## Lessons learned\n\nThe pager stayed quiet for ${edit + 2} minutes. ${base.slice(summaryAt + '## Lessons learned\n\n'.length)}`
  const version = edit + 2
  const done = published(version)
  start = performance.now()
  await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] })
  await done
  latencies.push(performance.now() - start)
}
const rssAfterEdits = rssKiB(child.pid)
await connection.sendRequest(ShutdownRequest.type)
await connection.sendNotification(ExitNotification.type)
connection.dispose()
rmSync(folder, { recursive: true, force: true })

latencies.sort((a, b) => a - b)
const ms = (value) => `${value.toFixed(1)} ms`
const mb = (kib) => (Number.isNaN(kib) ? 'n/a' : `${(kib / 1024).toFixed(0)} MB`)
const row = {
  document: `${(Buffer.byteLength(base) / 1024).toFixed(1)} KB, ${first.diagnostics.length} findings`,
  open: ms(openMs),
  median: ms(percentile(latencies, 50)),
  p95: ms(percentile(latencies, 95)),
  rssAfterOpen: mb(rssAfterOpen),
  rssAfterEdits: mb(rssAfterEdits),
}
process.stdout.write(
  [
    `| Language server, ${EDITS} edits of a ${row.document} | first lint (open, NLP loaded) | edit → diagnostics, median | p95 | RSS after open | RSS after ${EDITS} edits |`,
    '|---|--:|--:|--:|--:|--:|',
    `| Node ${process.version} | ${row.open} | ${row.median} | ${row.p95} | ${row.rssAfterOpen} | ${row.rssAfterEdits} |`,
    '',
  ].join('\n'),
)
