import type { FileReport } from '../report.js'
import { renderReport, unlimited, type RenderContext, type RenderLimits } from './render.js'

/** GitHub refuses issue comments longer than this many characters. */
export const commentLimit = 65_536
/** The job summary's limit (1 MiB per step); kept well under. */
export const summaryLimit = 1_000_000

/**
 * Render under `limit` characters (UTF-16 code units, which never undercount GitHub's characters):
 * all findings if they fit, else as many as fit (errors first, then in file order, with a note),
 * else fewer files as well.
 */
export function renderWithin(files: readonly FileReport[], context: RenderContext, limit: number): string {
  const full = renderReport(files, context, unlimited)
  if (full.length <= limit) return full
  const fits = (limits: RenderLimits): string | null => {
    const body = renderReport(files, context, limits)
    return body.length <= limit ? body : null
  }
  const total = files.reduce((sum, file) => sum + file.result.messages.length, 0)
  const findings = largest(0, total, (n) => fits({ findings: n, rows: Number.POSITIVE_INFINITY }) !== null)
  if (findings !== null) return fits({ findings, rows: Number.POSITIVE_INFINITY }) ?? ''
  const rows = largest(0, files.length, (n) => fits({ findings: 0, rows: n }) !== null)
  const body = fits({ findings: 0, rows: rows ?? 0 })
  if (body !== null) return body
  // The headline alone cannot exceed the limit, but never return more than it.
  return renderReport([], context, { findings: 0, rows: 0 }).slice(0, limit)
}

/** The largest n in [low, high] for which ok(n) holds, assuming ok is monotone; null if none. */
function largest(low: number, high: number, ok: (n: number) => boolean): number | null {
  if (!ok(low)) return null
  let good = low
  let bad = high + 1
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2)
    if (ok(middle)) good = middle
    else bad = middle
  }
  return good
}
