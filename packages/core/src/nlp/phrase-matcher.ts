import { tokenize, type Token } from './tokens.js'

export interface PhraseEntry {
  id: string
  phrases: readonly string[]
  note?: string
  suggest?: string
  /** A failure verb that a stated purpose ("to restore capacity") turns into a mitigation step. */
  excusedByPurpose?: boolean
}

export interface PhraseMatch {
  entry: PhraseEntry
  phrase: string
  /** Token range [start, end). */
  start: number
  end: number
}

interface CompiledPhrase {
  entry: PhraseEntry
  phrase: string
  /** Token norms; null is a gap of up to three tokens ("shrugged * off"). */
  parts: (string | null)[]
}

const MAX_GAP = 3

/**
 * Matches phrase lists from the data files against tokens. Phrases are indexed by their first
 * word, so a sentence costs one map lookup per token plus the few phrases that start there.
 */
export class PhraseMatcher {
  readonly #byFirst = new Map<string, CompiledPhrase[]>()

  constructor(entries: readonly PhraseEntry[]) {
    for (const entry of entries) {
      for (const phrase of entry.phrases) {
        // Most parts are plain lower-case words, which tokenize to themselves: skip the regex.
        const parts = phrase === '*' ? [] : phrase.split(/\s+/).flatMap((part) => (part === '*' ? [null] : part.startsWith("'") || /^[a-z]+$/.test(part) ? [part] : tokenize(part).map((t) => t.norm)))
        const first = parts[0]
        if (typeof first !== 'string') continue
        const list = this.#byFirst.get(first) ?? []
        list.push({ entry, phrase, parts })
        this.#byFirst.set(first, list)
      }
    }
    // Longest phrases first, so "should never have" wins over "should".
    for (const list of this.#byFirst.values()) list.sort((a, b) => b.parts.length - a.parts.length)
  }

  /** The words a phrase of this matcher can start with. */
  firstWords(): Iterable<string> {
    return this.#byFirst.keys()
  }

  /** Whether any phrase could start in these tokens: the cheap pre-filter. */
  mayMatch(tokens: readonly Token[]): boolean {
    return tokens.some((token) => this.#byFirst.has(token.norm))
  }

  /** All matches, left to right, not overlapping. */
  matchAll(tokens: readonly Token[]): PhraseMatch[] {
    const matches: PhraseMatch[] = []
    for (let index = 0; index < tokens.length; ) {
      const candidates = this.#byFirst.get(tokens[index]!.norm)
      let found: PhraseMatch | null = null
      if (candidates) {
        for (const candidate of candidates) {
          const end = matchAt(candidate.parts, tokens, index)
          if (end !== null) {
            found = { entry: candidate.entry, phrase: candidate.phrase, start: index, end }
            break
          }
        }
      }
      if (found) {
        matches.push(found)
        index = found.end
      } else index++
    }
    return matches
  }
}

function matchAt(parts: readonly (string | null)[], tokens: readonly Token[], start: number): number | null {
  const step = (partIndex: number, tokenIndex: number): number | null => {
    if (partIndex === parts.length) return tokenIndex
    const part = parts[partIndex]
    if (part === null) {
      // A gap: zero to MAX_GAP tokens ("had read", "had not read"), never across punctuation
      // that ends a clause.
      for (let gap = 0; gap <= MAX_GAP && tokenIndex + gap <= tokens.length; gap++) {
        const skipped = gap > 0 ? tokens[tokenIndex + gap - 1]! : null
        if (skipped && /^[.;:!?,]$/.test(skipped.norm)) break
        const end = step(partIndex + 1, tokenIndex + gap)
        if (end !== null) return end
      }
      return null
    }
    return tokens[tokenIndex]?.norm === part ? step(partIndex + 1, tokenIndex + 1) : null
  }
  return step(0, start)
}
