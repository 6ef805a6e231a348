/**
 * Small helpers for building the word regexes of this folder from the data modules. Kept apart so
 * every module escapes and orders alternations the same way.
 */

/** Escapes a literal for use inside a `u`-flag regex (where escaping `-` or `/` is an error). */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Builds `(?:a|b|c)` from literal words, longest first so that a prefix ("sep") never wins over
 * the full word ("september") and so that alternatives cannot shadow each other. Spaces inside a
 * word accept one to three whitespace characters, so "pacific  time" or a soft line break still
 * match; the bound keeps the pattern linear.
 */
export function wordAlternation(words: readonly string[]): string {
  const unique = [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b))
  const alternatives = unique.map((word) => word.split(/\s+/).map(escapeRegExp).join('\\s{1,3}'))
  return `(?:${alternatives.join('|')})`
}

/** Compiles one source twice: `g` for scanning a whole string, `y` for matching at an index. */
export function scannerPair(source: string, flags: string): { global: RegExp; sticky: RegExp } {
  return { global: new RegExp(source, `g${flags}`), sticky: new RegExp(source, `y${flags}`) }
}

/** A match found by one of several patterns, before overlaps between patterns are resolved. */
export interface Span {
  index: number
  length: number
}

/**
 * Keeps the leftmost match and, at equal start, the longest; drops anything overlapping an earlier
 * pick. Several small patterns plus this merge are easier to keep linear than one giant regex.
 */
export function pickNonOverlapping<T extends Span>(candidates: T[]): T[] {
  const sorted = [...candidates].sort((a, b) => a.index - b.index || b.length - a.length)
  const picked: T[] = []
  let end = 0
  for (const candidate of sorted) {
    if (candidate.index < end) continue
    picked.push(candidate)
    end = candidate.index + candidate.length
  }
  return picked
}

/** Longest of several matches starting at the same index, or null. */
export function longest<T extends Span>(candidates: (T | null)[]): T | null {
  let best: T | null = null
  for (const candidate of candidates) {
    if (candidate && (!best || candidate.length > best.length)) best = candidate
  }
  return best
}
