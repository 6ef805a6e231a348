import abbreviationData from '../data/abbreviations.generated.js'

const abbreviations: ReadonlySet<string> = new Set(abbreviationData.abbreviations)
const sentenceFinal: ReadonlySet<string> = new Set(abbreviationData['sentence-final'])

// A candidate end: terminal punctuation, optional closing quotes/brackets, then whitespace.
const CANDIDATE_END = /[.!?]+["'”’)\]]*(?=\s)/g
// The word right before a full stop, to check against abbreviations and initials.
const LAST_WORD = /([\p{L}.]+)\.$/u

/**
 * Split text into sentences, as [start, end) index pairs with surrounding whitespace trimmed.
 * Does not break on "e.g.", "10:05", "v2.3.0" or URLs: a full stop ends a sentence only when
 * whitespace follows it, the next word starts like a sentence, and the word before it is not an
 * abbreviation or an initial.
 */
export function splitSentences(text: string): [number, number][] {
  const ranges: [number, number][] = []
  let start = skipSpace(text, 0)
  CANDIDATE_END.lastIndex = 0
  for (let match = CANDIDATE_END.exec(text); match; match = CANDIDATE_END.exec(text)) {
    const end = match.index + match[0].length
    const next = skipSpace(text, end)
    if (next >= text.length) break
    if (!startsSentence(text, next)) continue
    if (match[0] === '.') {
      const abbreviation = abbreviationBefore(text.slice(Math.max(start, match.index - 20), match.index + 1))
      // "etc." and "p.m." end a sentence when a capitalised word follows; "e.g." and "Dr." never do.
      if (abbreviation === 'always' || (abbreviation === 'sentence-final' && !/\p{Lu}/u.test(text[next] ?? ''))) continue
    }
    if (end > start) ranges.push([start, end])
    start = next
  }
  const end = trimEnd(text, text.length)
  if (end > start) ranges.push([start, end])
  return ranges
}

function startsSentence(text: string, index: number): boolean {
  const char = text[index] ?? ''
  if (/[\p{Lu}\p{N}"'“‘(\[*_@#]/u.test(char)) return true
  return false
}

/** Whether the word before a full stop is an abbreviation, and whether it may end a sentence. */
function abbreviationBefore(before: string): 'always' | 'sentence-final' | null {
  const match = LAST_WORD.exec(before)
  if (!match) return null
  const word = (match[1] ?? '').toLowerCase()
  if (sentenceFinal.has(word)) return 'sentence-final'
  if (abbreviations.has(word)) return 'always'
  // An initial: "J. Smith".
  return /^\p{Lu}$/u.test(match[1] ?? '') ? 'always' : null
}

function skipSpace(text: string, index: number): number {
  let cursor = index
  while (cursor < text.length && /\s/.test(text[cursor] ?? '')) cursor++
  return cursor
}

function trimEnd(text: string, index: number): number {
  let cursor = index
  while (cursor > 0 && /\s/.test(text[cursor - 1] ?? '')) cursor--
  return cursor
}
