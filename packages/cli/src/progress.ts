export interface Progress {
  tick(): void
  done(): void
}

const noProgress: Progress = { tick() {}, done() {} }

/**
 * A "Linting 120/500 files" counter on stderr, for long runs in a terminal only: never when stderr
 * is piped or redirected, never in CI (`CI` set), and only once a run has taken a moment, so quick
 * runs print nothing. The line is cleared before the report is written.
 */
export function createProgress(
  total: number,
  stream: NodeJS.WriteStream,
  env: NodeJS.ProcessEnv,
  options: { delayMs?: number; intervalMs?: number } = {},
): Progress {
  if (!stream.isTTY || isCi(env) || env.TERM === 'dumb' || total < 2) return noProgress
  const delay = options.delayMs ?? 400
  const interval = options.intervalMs ?? 100
  const started = Date.now()
  let done = 0
  let lastDrawn = 0
  let drawn = false
  return {
    tick() {
      done++
      const now = Date.now()
      if (now - started < delay || now - lastDrawn < interval) return
      lastDrawn = now
      drawn = true
      stream.write(`\r\x1b[2KLinting ${done}/${total} files…`)
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K')
      drawn = false
    },
  }
}

function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false'
}
