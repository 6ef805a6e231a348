/**
 * The report's progress on stderr: a bar ("Reading postmortems [#####-----] 120/500") on a
 * terminal, nothing when stderr is piped or redirected, in CI (`CI` set) or on a dumb terminal,
 * and nothing for quick runs. The line is cleared when the run is done.
 */
export interface ProgressBar {
  tick(): void
  done(): void
}

const quiet: ProgressBar = { tick() {}, done() {} }
const width = 30

export function createProgressBar(
  total: number,
  stream: { isTTY?: boolean; write(chunk: string): unknown },
  env: NodeJS.ProcessEnv,
  options: { delayMs?: number; intervalMs?: number; now?: () => number } = {},
): ProgressBar {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false'
  if (stream.isTTY !== true || ci || env.TERM === 'dumb' || total < 2) return quiet
  const now = options.now ?? Date.now
  const delay = options.delayMs ?? 400
  const interval = options.intervalMs ?? 100
  const started = now()
  let count = 0
  let lastDrawn = 0
  let drawn = false
  return {
    tick() {
      count++
      const time = now()
      if (time - started < delay || time - lastDrawn < interval) return
      lastDrawn = time
      drawn = true
      const filled = Math.round((count / total) * width)
      stream.write(`\r\x1b[2KReading postmortems [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${count}/${total}`)
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K')
      drawn = false
    },
  }
}
