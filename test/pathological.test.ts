/**
 * Pathological documents: each lints, or gets the fatal "not linted" result of the pre-scan
 * (packages/core/src/parse/complexity.ts), without throwing, and the work grows linearly: the time
 * at size 4n is compared with the time at n (best of 3, so a noisy shared machine does not fail
 * it). Kept apart from robustness.test.ts so sizes and ratios can be tuned here.
 *
 * PML_PATHOLOGICAL_FULL=1 lints the sizes of issue 8 (1 MB on one line, a 50,000-row table,
 * 20,000 timeline entries); the default is a tenth of them.
 */
import { describe, expect, it } from 'vitest'
import { lint, resolveConfig } from '@postmortem-lint/core'
import { linted, refused } from './helpers/pathological-docs.mjs'

const full = process.env.PML_PATHOLOGICAL_FULL === '1'
const scale = full ? 1 : 0.1
const config = resolveConfig({})

function bestOf3(text: string): number {
  let best = Number.POSITIVE_INFINITY
  for (let run = 0; run < 3; run++) {
    const start = performance.now()
    lint(text, { config })
    best = Math.min(best, performance.now() - start)
  }
  return best
}

describe('pathological documents', () => {
  describe('lint without throwing', () => {
    const sizes: Record<string, number> = {
      'prose on one line (n sentences)': Math.round(17_000 * scale), // ~1 MB at full size
      '`*` as a thematic break (n stars)': 100_000,
      'a run of `*` in text (n stars)': 100_000,
      'a table (n rows)': Math.round(50_000 * scale),
      'timeline list (n entries)': Math.round(20_000 * scale),
      'timeline table (n entries)': Math.round(20_000 * scale),
      'nested HTML <div> (n levels)': 10_000,
      'lists nested to the limit, repeated (n lines)': Math.round(10_000 * scale),
    }
    for (const [name, build] of Object.entries(linted)) {
      it(name, () => {
        const result = lint(build(sizes[name] ?? 1000), { config })
        expect(result.fatal).toBeUndefined()
        expect(result.messages.filter((message) => message.messageId === 'rule-crashed')).toEqual([])
      }, 180_000)
    }
    for (const [name, build] of Object.entries(refused)) {
      it(`${name}: 10,000 deep is refused with a fatal result, fast`, () => {
        const start = performance.now()
        const result = lint(build(10_000), { filePath: 'deep.md', config })
        expect(result.fatal).toMatch(/^the (document nests \d+ levels deep|paragraph at line \d+ has \d+ [^;]+) .*\(limit \d+\); not linted$/)
        expect(result).toMatchObject({ errorCount: 1, score: 0, messages: [] })
        // The pre-scan is linear and stops at the limit: milliseconds, with room for a slow machine.
        expect(performance.now() - start).toBeLessThan(2_000)
      })
    }
  })

  describe('time grows linearly (4n takes less than 8 times n, best of 3)', () => {
    const base: Record<string, number> = {
      'prose on one line (n sentences)': 1_500,
      '`*` as a thematic break (n stars)': 50_000,
      'a run of `*` in text (n stars)': 50_000,
      'a table (n rows)': 500,
      'timeline list (n entries)': 500,
      'timeline table (n entries)': 500,
      'nested HTML <div> (n levels)': 5_000,
      'lists nested to the limit, repeated (n lines)': 250,
    }
    for (const [name, build] of Object.entries(linted)) {
      it(name, () => {
        const n = base[name] ?? 500
        lint(build(n), { config }) // warm up the JIT and the NLP
        const small = bestOf3(build(n))
        const large = bestOf3(build(4 * n))
        // A floor of 20 ms keeps timer noise on tiny inputs from failing a linear shape.
        expect(large / Math.max(small, 20), `${small.toFixed(0)} ms at n, ${large.toFixed(0)} ms at 4n`).toBeLessThan(8)
      }, 120_000)
    }
  })
})
