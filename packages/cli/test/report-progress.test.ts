import { describe, expect, it } from 'vitest'
import { createProgressBar } from '../src/report/progress-bar.js'

function stream(isTTY: boolean) {
  const written: string[] = []
  return { isTTY, written, write: (chunk: string) => written.push(chunk) }
}

describe('report progress bar', () => {
  it('draws a bar on a terminal once the run has taken a moment, and clears it when done', () => {
    let now = 0
    const out = stream(true)
    const bar = createProgressBar(4, out, {}, { delayMs: 100, intervalMs: 10, now: () => now })
    bar.tick()
    expect(out.written).toEqual([]) // a quick run prints nothing
    now = 200
    bar.tick()
    expect(out.written.at(-1)).toBe(`\r\x1b[2KReading postmortems [${'#'.repeat(15)}${'-'.repeat(15)}] 2/4`)
    now = 205
    bar.tick() // within the interval: not redrawn
    expect(out.written).toHaveLength(1)
    now = 300
    bar.tick()
    expect(out.written.at(-1)).toContain(`[${'#'.repeat(30)}] 4/4`)
    bar.done()
    expect(out.written.at(-1)).toBe('\r\x1b[2K')
  })

  it('is quiet when stderr is not a terminal, in CI, on a dumb terminal, and for one file', () => {
    for (const [tty, env, total] of [
      [false, {}, 10],
      [true, { CI: 'true' }, 10],
      [true, { TERM: 'dumb' }, 10],
      [true, {}, 1],
    ] as const) {
      let now = 0
      const out = stream(tty)
      const bar = createProgressBar(total, out, env, { delayMs: 0, intervalMs: 0, now: () => now })
      for (let index = 0; index < total; index++) {
        now += 1000
        bar.tick()
      }
      bar.done()
      expect(out.written).toEqual([])
    }
  })
})
