// Runs one command and measures it: wall clock (hrtime around the child), user and system CPU
// time and peak RSS. Under GNU time (`/usr/bin/time -f "%e %U %S %M"`) when it is there; otherwise
// CPU time from the children's times in /proc/self/stat (Linux) and no peak RSS.
import { spawnSync } from 'node:child_process'
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs'

const GNU_TIME = process.env.BENCH_TIME_BIN ?? '/usr/bin/time'
const TIMEOUT_BIN = ['/usr/bin/timeout', '/bin/timeout'].find((path) => existsSync(path))

/** 'gnu-time' when GNU time works here, else 'proc-stat' (Linux) or 'wall-only'. */
export function detectTimer() {
  if (process.env.BENCH_NO_GNU_TIME !== '1' && existsSync(GNU_TIME)) {
    const probe = spawnSync(GNU_TIME, ['-f', '%e %U %S %M', process.execPath, '-e', '0'], { encoding: 'utf8' })
    if (probe.status === 0 && /^[\d.]+ [\d.]+ [\d.]+ \d+\s*$/m.test(probe.stderr)) return 'gnu-time'
  }
  if (childTicks() !== null) return 'proc-stat'
  return 'wall-only'
}

let clockTicks
function ticksPerSecond() {
  if (clockTicks === undefined) {
    const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })
    clockTicks = Number(out.stdout) > 0 ? Number(out.stdout) : 100
  }
  return clockTicks
}

/** cutime and cstime (waited-for children), in clock ticks, or null off Linux. */
function childTicks() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    // Fields after the command name (which may hold spaces) start at field 3 ("state").
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { user: Number(fields[13]), sys: Number(fields[14]) }
  } catch {
    return null
  }
}

/**
 * @param {object} run
 * @param {string[]} run.argv   program and arguments
 * @param {string} run.cwd
 * @param {string} run.stdoutFile  the child's standard output (overwritten)
 * @param {string} run.stderrFile  the child's standard error (overwritten)
 * @param {string} run.timeFile    scratch file for GNU time
 * @param {'gnu-time'|'proc-stat'|'wall-only'} run.timer
 * @param {number} run.timeoutMs
 * @param {NodeJS.ProcessEnv} run.env
 * @returns {{ wall: number, user: number|null, sys: number|null, cpu: number|null, maxRssKB: number|null, exitCode: number|null, signal: string|null, timedOut: boolean }}
 */
export function measure({ argv, cwd, stdoutFile, stderrFile, timeFile, timer, timeoutMs, env }) {
  const out = openSync(stdoutFile, 'w')
  const err = openSync(stderrFile, 'w')
  // coreutils timeout ends the tool itself (under GNU time the direct child is `time`, which
  // spawnSync's own timeout would kill, leaving the tool running); exit status 124 on time-out.
  const seconds = Math.max(1, Math.ceil(timeoutMs / 1000))
  const limited = TIMEOUT_BIN ? [TIMEOUT_BIN, '-k', '10', String(seconds), ...argv] : argv
  const [program, ...args] =
    timer === 'gnu-time' ? [GNU_TIME, '-o', timeFile, '-f', '%e %U %S %M', ...limited] : limited
  if (timer === 'gnu-time') rmSync(timeFile, { force: true })
  const before = timer === 'proc-stat' ? childTicks() : null
  const start = process.hrtime.bigint()
  const child = spawnSync(program, args, {
    cwd,
    env,
    stdio: ['ignore', out, err],
    timeout: TIMEOUT_BIN ? timeoutMs + 60_000 : timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 1024,
  })
  const wall = Number(process.hrtime.bigint() - start) / 1e9
  const after = timer === 'proc-stat' ? childTicks() : null
  closeSync(out)
  closeSync(err)
  if (child.error && child.error.code !== 'ETIMEDOUT') throw child.error
  let timedOut = child.error?.code === 'ETIMEDOUT'

  let user = null
  let sys = null
  let maxRssKB = null
  let exitCode = child.status
  if (timer === 'gnu-time' && !timedOut && existsSync(timeFile)) {
    // GNU time writes "Command exited with non-zero status N" before the format line.
    const lines = readFileSync(timeFile, 'utf8').trim().split('\n')
    const match = /^([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/.exec(lines.at(-1) ?? '')
    if (match) {
      user = Number(match[2])
      sys = Number(match[3])
      maxRssKB = Number(match[4])
    }
    const status = /non-zero status (\d+)/.exec(lines.join('\n'))
    exitCode = status ? Number(status[1]) : exitCode
    if (/terminated by signal/.test(lines.join('\n'))) exitCode = null
  } else if (timer === 'proc-stat' && before && after) {
    const hz = ticksPerSecond()
    user = (after.user - before.user) / hz
    sys = (after.sys - before.sys) / hz
  }
  if (TIMEOUT_BIN && exitCode === 124) timedOut = true
  const cpu = user === null || sys === null ? null : user + sys
  return { wall, user, sys, cpu, maxRssKB, exitCode, signal: child.signal ?? null, timedOut }
}
