#!/usr/bin/env node
// postmortem-lint benchmark: `npm run bench` (builds first), or `node test/bench/bench.mjs` on a
// built tree. Times our CLI, the peers a user would pick instead and two floors, each as a whole
// process, alternating between tools within every repetition. Prints a Markdown report to
// standard output (progress goes to standard error) and writes test/bench/results.json.
//
// Environment (see test/bench/README.md):
//   BENCH_ONLY=corpus,synthetic,huge,startup,startup-nlp,pathological   corpora to run (default: all;
//                        pathological = the five pathological-* documents)
//   BENCH_TOOLS=ours,ours-cache,ours-report,markdownlint-cli2,remark-lint,alex,floor-read,floor-parse
//   BENCH_RUNS=n          runs per tool (default 3 for the 1,000-file corpora, 5 for the others)
//   BENCH_QUICK=1         smoke test: 100 files, a 200 KB huge document, 1 run
//   BENCH_CORPUS_DIR      real postmortems (default ../shared/corpus from the repository root)
//   BENCH_GEN             the corpus generator (default ../shared/bench/gen-corpus.mjs)
//   BENCH_FILES, BENCH_HUGE_BYTES, BENCH_TIMEOUT (seconds per command, default 900),
//   BENCH_KEEP=1          keep the temporary directory (corpora, outputs, caches) and print it
import { mkdtempSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import { basename, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { corpusPlans, corpusStats } from './corpora.mjs'
import { detectTimer, measure } from './measure.mjs'
import { toolPlans } from './tools.mjs'

const benchDir = fileURLToPath(new URL('.', import.meta.url)).replace(/[\\/]$/, '')
const repoRoot = resolve(benchDir, '../..')
const env = process.env
const log = (line) => process.stderr.write(`${line}\n`)

// ------------------------------------------------------------------ settings ---
const quick = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true'
const positiveInt = (name, fallback) => {
  if (env[name] === undefined || env[name] === '') return fallback
  const value = Number(env[name])
  if (!Number.isInteger(value) || value < 1) usage(`${name} must be a positive integer, got '${env[name]}'`)
  return value
}
const settings = {
  quick,
  files: positiveInt('BENCH_FILES', quick ? 100 : 1000),
  hugeBytes: positiveInt('BENCH_HUGE_BYTES', quick ? 200_000 : 2_000_000),
  runs: positiveInt('BENCH_RUNS', quick ? 1 : null),
  timeoutSeconds: positiveInt('BENCH_TIMEOUT', 900),
  realDir: resolve(repoRoot, env.BENCH_CORPUS_DIR || '../shared/corpus'),
  generator: resolve(repoRoot, env.BENCH_GEN || '../shared/bench/gen-corpus.mjs'),
  startupFixture: resolve(repoRoot, env.BENCH_STARTUP_FIXTURE || 'fixtures/p2-exemplary-table-timeline.md'),
  startupNlpFixture: resolve(repoRoot, env.BENCH_STARTUP_NLP_FIXTURE || 'fixtures/p2-mostly-good-subtle-defects.md'),
  keep: env.BENCH_KEEP === '1',
}
const runsFor = (corpus) => settings.runs ?? (corpus.size === 'many' ? 3 : corpus.size === 'single' ? 1 : 5)

function usage(message) {
  log(`bench: ${message}`)
  process.exit(2)
}

function pick(list, variable) {
  const wanted = (env[variable] ?? '').split(',').map((id) => id.trim()).filter(Boolean)
  if (wanted.length === 0) return list
  const names = (item) => [item.id, item.group].filter(Boolean)
  const unknown = wanted.filter((id) => !list.some((item) => names(item).includes(id)))
  const known = [...new Set(list.flatMap(names))]
  if (unknown.length > 0) usage(`${variable}: unknown ${unknown.join(', ')}; known: ${known.join(', ')}`)
  return list.filter((item) => names(item).some((name) => wanted.includes(name)))
}

// ------------------------------------------------------------------ work dir ---
const workPrefix = 'postmortem-lint-bench-'
const workDir = mkdtempSync(join(os.tmpdir(), workPrefix))
let cleaned = false
function cleanUp() {
  if (cleaned) return
  cleaned = true
  if (settings.keep) return log(`bench: kept ${workDir}`)
  // Only the directory this run made, never its parent.
  if (basename(workDir).startsWith(workPrefix) && resolve(workDir) !== resolve(os.tmpdir())) {
    rmSync(workDir, { recursive: true, force: true })
  }
}
process.on('exit', cleanUp)
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanUp()
    process.exit(130)
  })
}

const corpora = pick(corpusPlans({ repoRoot, ...settings }), 'BENCH_ONLY')
const tools = pick(toolPlans({ repoRoot, benchDir, workDir }), 'BENCH_TOOLS')
const timer = detectTimer()
const childEnv = { ...env, NO_UPDATE_NOTIFIER: '1', NO_COLOR: '1' }
delete childEnv.FORCE_COLOR

// ------------------------------------------------------------------ machine ---
function machine() {
  let cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU'
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu
  } catch {}
  const git = (args) => spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' })
  const commit = git(['rev-parse', '--short', 'HEAD']).stdout?.trim() || null
  const dirty = commit ? git(['status', '--porcelain', '--untracked-files=no']).stdout.trim() !== '' : null
  return {
    cpu,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    // 1-minute load average when the run started and ended: other work on the machine shows here.
    loadAverage: { start: Number(loadAtStart[0].toFixed(2)), end: Number(os.loadavg()[0].toFixed(2)) },
    commit,
    dirty,
  }
}

// ------------------------------------------------------------------ stats ---
const median = (values) => {
  const sorted = values.filter((v) => v !== null && Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return null
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function summarize(tool, corpus) {
  const runs = tool.runs
  const walls = runs.map((r) => r.wall)
  const wall = median(walls)
  const rss = runs.map((r) => r.maxRssKB).filter((v) => v !== null)
  return {
    wallMedian: wall,
    wallMin: walls.length ? Math.min(...walls) : null,
    wallMax: walls.length ? Math.max(...walls) : null,
    cpuMedian: median(runs.map((r) => r.cpu)),
    userMedian: median(runs.map((r) => r.user)),
    sysMedian: median(runs.map((r) => r.sys)),
    peakRssMB: rss.length ? Math.max(...rss) / 1024 : null,
    filesPerSecond: wall ? corpus.files / wall : null,
    mbPerSecond: wall ? corpus.bytes / 1e6 / wall : null,
  }
}

// ------------------------------------------------------------------ run ---
const started = new Date()
const loadAtStart = os.loadavg()
const notes = []
const note = (text) => {
  notes.push(text)
  log(`bench: note: ${text}`)
}
if (timer !== 'gnu-time') {
  note(timer === 'proc-stat'
    ? 'GNU time not found: CPU time from /proc/self/stat (children), no peak RSS'
    : 'GNU time not found and no /proc: wall clock only')
}
for (const tool of tools) if (tool.skip) note(`${tool.id} skipped: ${tool.skip}`)
const activeTools = tools.filter((tool) => !tool.skip)

const results = []
for (const plan of corpora) {
  if (plan.skip) {
    note(`${plan.id} skipped: ${plan.skip}`)
    results.push({ id: plan.id, title: plan.title, skipped: plan.skip })
    continue
  }
  const dir = join(workDir, 'corpora', plan.id)
  const outDir = join(workDir, 'out', plan.id)
  mkdirSync(outDir, { recursive: true })
  log(`bench: making ${plan.id} in ${dir}`)
  plan.make(dir)
  const corpus = { id: plan.id, title: plan.title, dir, ...corpusStats(dir), runs: runsFor(plan) }
  log(`bench: ${plan.id}: ${corpus.files} files, ${(corpus.bytes / 1e6).toFixed(2)} MB, ${corpus.runs} run(s) per tool`)

  const planTools = plan.tools ? activeTools.filter((tool) => plan.tools.includes(tool.id)) : activeTools
  const timeoutSeconds = Math.min(settings.timeoutSeconds, plan.timeoutSeconds ?? Infinity)
  const state = planTools.map((tool) => ({ tool, runs: [], status: 'ok', problem: null, countChecked: false }))
  const runOnce = (entry) => {
    const { tool } = entry
    const files = { stdoutFile: join(outDir, `${tool.id}.stdout`), stderrFile: join(outDir, `${tool.id}.stderr`), timeFile: join(outDir, `${tool.id}.time`) }
    const result = measure({
      argv: tool.argv(corpus),
      cwd: tool.cwd ? tool.cwd(corpus) : workDir,
      timer,
      timeoutMs: timeoutSeconds * 1000,
      env: childEnv,
      ...files,
    })
    // Colour codes from a tool's stack trace would garble the Markdown report.
    const tail = () => readFileSync(files.stderrFile, 'utf8').replace(/\x1b\[[0-9;]*m/g, '').trim().split('\n').slice(-5).join(' | ')
    if (result.timedOut) {
      entry.status = 'timeout'
      entry.problem = `timed out after ${timeoutSeconds} s`
    } else if (!tool.okExit.includes(result.exitCode) && !(plan.okExit?.[tool.id] ?? []).includes(result.exitCode)) {
      entry.status = 'failed'
      entry.problem = `exit ${result.exitCode ?? result.signal}: ${tail()}`
    } else if (!entry.countChecked) {
      entry.countChecked = true
      let seen
      try {
        seen = tool.count({ stdout: readFileSync(files.stdoutFile, 'utf8'), stderr: readFileSync(files.stderrFile, 'utf8') })
      } catch (error) {
        seen = `unreadable output (${error.message})`
      }
      if (seen !== corpus.files) {
        entry.countMismatch = seen
        note(`${plan.id}: ${tool.id} reported ${seen} files, the corpus has ${corpus.files}`)
      }
    }
    if (entry.status !== 'ok') note(`${plan.id}: ${tool.id} ${entry.status}: ${entry.problem}; left out of this corpus`)
    return result
  }

  for (const entry of state.filter((e) => e.tool.warm)) {
    const warm = runOnce(entry)
    log(`bench: ${plan.id} warm-up ${entry.tool.id} ${warm.wall.toFixed(2)} s`)
  }
  for (let rep = 0; rep < corpus.runs; rep++) {
    // Round-robin, starting one tool later each repetition, so no tool always runs first.
    const order = state.map((_, i) => state[(i + rep) % state.length])
    for (const entry of order) {
      if (entry.status !== 'ok') continue
      const result = runOnce(entry)
      if (entry.status !== 'ok') continue
      entry.runs.push(result)
      log(`bench: ${plan.id} ${rep + 1}/${corpus.runs} ${entry.tool.id.padEnd(18)} ${result.wall.toFixed(2)} s wall, ${result.cpu?.toFixed(2) ?? '?'} s CPU`)
    }
  }

  const summaries = state.map((entry) => ({
    id: entry.tool.id,
    label: entry.tool.label,
    status: entry.status,
    problem: entry.problem,
    countMismatch: entry.countMismatch ?? null,
    command: entry.tool.show,
    runs: entry.runs,
    ...summarize(entry, corpus),
  }))
  const ours = summaries.find((s) => s.id === 'ours' && s.status === 'ok')
  for (const s of summaries) {
    s.oursOverThisWall = ours?.wallMedian && s.wallMedian ? ours.wallMedian / s.wallMedian : null
    s.oursOverThisCpu = ours?.cpuMedian && s.cpuMedian ? ours.cpuMedian / s.cpuMedian : null
  }
  results.push({ id: plan.id, title: plan.title, files: corpus.files, bytes: corpus.bytes, runs: corpus.runs, tools: summaries })
}

// ------------------------------------------------------------------ report ---
const info = machine()
const fmt = (value, digits) => {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–'
  if (digits !== undefined) return value.toFixed(digits)
  return value < 1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : value.toFixed(1)
}
const rate = (value) => (value === null ? '–' : value >= 100 ? Math.round(value).toLocaleString('en-US') : fmt(value))
const ratio = (value) => (value === null ? '–' : `${fmt(value, 2)}×`)

const lines = []
lines.push('# postmortem-lint benchmark', '')
lines.push(`- Date: ${started.toISOString()}${settings.quick ? ' (BENCH_QUICK: smoke test, not a measurement)' : ''}`)
lines.push(`- Machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGB} GiB, ${info.os}; Node ${info.node}`)
// The benchmark itself keeps about one core busy, so the end figure is about 1 on a quiet machine.
const busy = info.loadAverage.start > 0.75 || info.loadAverage.end > 1.75
lines.push(`- Load average (1 min): ${info.loadAverage.start} at the start, ${info.loadAverage.end} at the end (the benchmark itself adds about 1)${busy ? ': the machine was busy with other work, expect noise' : ''}`)
if (info.commit) lines.push(`- Commit: ${info.commit}${info.dirty ? ' with uncommitted changes' : ''}`)
lines.push(`- Timing: wall clock around each whole process (median of the runs; min–max beside it); CPU = user + sys of the process and its children${timer === 'gnu-time' ? ', and peak RSS, from GNU time' : ''}. Tools alternate within each run, starting one later each time. MB = 10^6 bytes. "ours ÷ this" above 1 means postmortem-lint is slower.`)
lines.push('')
for (const corpus of results) {
  lines.push(`## ${corpus.title}`, '')
  if (corpus.skipped) {
    lines.push(`Skipped: ${corpus.skipped}.`, '')
    continue
  }
  lines.push(`${corpus.files.toLocaleString('en-US')} files, ${fmt(corpus.bytes / 1e6, 2)} MB, ${corpus.runs} run${corpus.runs === 1 ? '' : 's'} per tool.`, '')
  lines.push('| Tool | Wall (s) | min–max (s) | CPU (s) | Peak RSS (MB) | files/s | MB/s | ours ÷ this, wall | ours ÷ this, CPU |')
  lines.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|')
  for (const s of corpus.tools) {
    const flag = s.countMismatch !== null ? ` ⚠ saw ${s.countMismatch} files` : ''
    if (s.status !== 'ok') {
      lines.push(`| ${s.label} | ${s.status}: ${s.problem.replace(/\|/g, '\\|').slice(0, 120)} | | | | | | | |`)
      continue
    }
    lines.push(`| ${s.label}${flag} | ${fmt(s.wallMedian)} | ${fmt(s.wallMin)}–${fmt(s.wallMax)} | ${fmt(s.cpuMedian)} | ${fmt(s.peakRssMB, 0)} | ${rate(s.filesPerSecond)} | ${fmt(s.mbPerSecond, 2)} | ${ratio(s.oursOverThisWall)} | ${ratio(s.oursOverThisCpu)} |`)
  }
  lines.push('')
  // Issue 18: the report over a corpus costs at most 1.2× a plain lint of it.
  const reportRow = corpus.tools.find((s) => s.id === 'ours-report' && s.status === 'ok')
  const lintRow = corpus.tools.find((s) => s.id === 'ours' && s.status === 'ok')
  if (reportRow?.wallMedian && lintRow?.wallMedian) {
    lines.push(`\`report\` ÷ lint: ${ratio(reportRow.wallMedian / lintRow.wallMedian)} wall, ${ratio(reportRow.cpuMedian && lintRow.cpuMedian ? reportRow.cpuMedian / lintRow.cpuMedian : null)} CPU (target: at most 1.20×).`, '')
  }
}
// Linear means a big or hostile document costs per MB what an ordinary corpus does.
const perMB = (corpus, id) => {
  const tool = corpus.tools?.find((t) => t.id === id && t.status === 'ok')
  return tool?.wallMedian && corpus.bytes ? tool.wallMedian / (corpus.bytes / 1e6) : null
}
const reference = results.find((c) => c.id === 'corpus' && perMB(c, 'ours')) ?? results.find((c) => c.id === 'synthetic' && perMB(c, 'ours'))
const perMBRows = results.filter((c) => (c.id === 'huge' || c.id.startsWith('pathological-')) && c.tools)
if (perMBRows.length > 0) {
  lines.push('## Time per MB', '')
  lines.push(`Whole-process wall time per MB (start-up included, so small documents look dear)${reference ? `, and ours against the ${reference.id === 'corpus' ? 'real' : 'synthetic'} corpus's ${fmt(perMB(reference, 'ours'), 2)} s/MB` : ''}.`, '')
  lines.push('| Document | MB | ours (s/MB) | ÷ corpus | parse floor (s/MB) | ours ÷ floor |')
  lines.push('|---|--:|--:|--:|--:|--:|')
  for (const c of perMBRows) {
    const ours = perMB(c, 'ours')
    const floor = perMB(c, 'floor-parse')
    const floorStatus = c.tools.find((t) => t.id === 'floor-parse')
    const floorCell = floor !== null ? fmt(floor, 2) : floorStatus && floorStatus.status !== 'ok' ? `${floorStatus.status} (see Notes)` : '–'
    lines.push(`| ${c.title.replace(/^Pathological: /, '')} | ${fmt(c.bytes / 1e6, 2)} | ${fmt(ours, 2)} | ${ratio(reference && ours !== null ? ours / perMB(reference, 'ours') : null)} | ${floorCell} | ${ratio(ours !== null && floor !== null ? ours / floor : null)} |`)
  }
  lines.push('')
}
lines.push('## Commands', '')
for (const tool of tools) lines.push(`- ${tool.label}: \`${tool.show}\`${tool.skip ? ` (skipped: ${tool.skip})` : ''}`)
lines.push('', 'Every command runs with `NO_COLOR=1 NO_UPDATE_NOTIFIER=1`, output to a file in the temporary directory; exit codes 0 and 1 (findings) both count as a run.')
if (notes.length > 0) {
  lines.push('', '## Notes', '')
  for (const text of notes) lines.push(`- ${text}`)
}
process.stdout.write(`${lines.join('\n')}\n`)

const resultsFile = join(benchDir, 'results.json')
writeFileSync(
  resultsFile,
  `${JSON.stringify({ date: started.toISOString(), finished: new Date().toISOString(), machine: info, timer, settings: { ...settings, only: env.BENCH_ONLY ?? null, tools: env.BENCH_TOOLS ?? null, realDir: settings.realDir, generator: settings.generator }, notes, corpora: results }, null, 2)}\n`,
)
log(`bench: wrote ${resultsFile.split(sep).slice(-3).join('/')}`)
