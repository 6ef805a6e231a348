import abbreviationData from '../data/abbreviations.generated.js'
import { findTimeZone } from '../parse/time/index.js'

const abbreviations: ReadonlySet<string> = new Set(abbreviationData.abbreviations)
const sentenceFinal: ReadonlySet<string> = new Set(abbreviationData['sentence-final'])

const TERMINALS = '.!?'
const CLOSERS = `"'”’)]`

/**
 * Split text into sentences, as [start, end) index pairs with surrounding whitespace trimmed.
 * Does not break on "e.g.", "10:05", "v2.3.0" or URLs: a full stop ends a sentence only when
 * whitespace follows it, the next word starts like a sentence, and the word before it is not an
 * abbreviation or an initial.
 */
export function splitSentences(text: string): [number, number][] {
  const ranges: [number, number][] = []
  let start = skipSpace(text, 0)
  for (let candidate = candidateEnd(text, 0); candidate; candidate = candidateEnd(text, candidate.end)) {
    const { index, end } = candidate
    const next = skipSpace(text, end)
    if (next >= text.length) break
    if (!startsSentence(text, next)) continue
    if (end - index === 1 && text[index] === '.') {
      const abbreviation = abbreviationBefore(text.slice(Math.max(start, index - 20), index + 1))
      // "etc." and "p.m." end a sentence when a capitalised word follows; "e.g." and "Dr." never do.
      if (abbreviation === 'always' || (abbreviation === 'sentence-final' && !/\p{Lu}/u.test(text[next] ?? ''))) continue
      // "3:31 a.m. Eastern": a zone after a clock suffix is part of the time, not a new sentence.
      if (abbreviation === 'sentence-final' && /[ap]\.m\.$/i.test(text.slice(index - 3, index + 1)) && findTimeZone(text.slice(next, next + 40))?.index === 0) continue
    }
    if (end > start) ranges.push([start, end])
    start = next
  }
  const end = trimEnd(text, text.length)
  if (end > start) ranges.push([start, end])
  return ranges
}

/**
 * The next candidate end from `from`: terminal punctuation, then closing quotes and brackets, then
 * whitespace. Both runs are taken whole, so a run not followed by whitespace is passed over once;
 * /[.!?]+["'”’)\]]*(?=\s)/g would retry it from each of its characters.
 */
function candidateEnd(text: string, from: number): { index: number; end: number } | null {
  for (let index = from; index < text.length; index++) {
    if (!TERMINALS.includes(text[index]!)) continue
    let end = index
    while (end < text.length && TERMINALS.includes(text[end]!)) end++
    while (end < text.length && CLOSERS.includes(text[end]!)) end++
    if (/\s/.test(text[end] ?? '')) return { index, end }
    index = end - 1
  }
  return null
}

function startsSentence(text: string, index: number): boolean {
  const char = text[index] ?? ''
  if (/[\p{Lu}\p{N}"'“‘(\[*_@#]/u.test(char)) return true
  return false
}

/** Whether the word before a full stop is an abbreviation, and whether it may end a sentence. */
function abbreviationBefore(before: string): 'always' | 'sentence-final' | null {
  const lastWord = wordBeforeStop(before)
  if (lastWord === null) return null
  const word = lastWord.toLowerCase()
  if (sentenceFinal.has(word)) return 'sentence-final'
  if (abbreviations.has(word)) return 'always'
  // An initial: "J. Smith".
  return /^\p{Lu}$/u.test(lastWord) ? 'always' : null
}

/**
 * The letters and dots before the final full stop of `before` ("e.g" in "see e.g."), read back
 * from the end: /([\p{L}.]+)\.$/u would scan forward from each letter of a long word.
 */
function wordBeforeStop(before: string): string | null {
  if (!before.endsWith('.')) return null
  const end = before.length - 1
  let start = end
  for (let char = charBefore(before, start); char === '.' || /^\p{L}$/u.test(char); char = charBefore(before, start)) {
    start -= char.length
  }
  return start < end ? before.slice(start, end) : null
}

/** The code point that ends at `index` (a surrogate pair counts as one). */
function charBefore(text: string, index: number): string {
  if (index <= 0) return ''
  const pair = index >= 2 ? text.slice(index - 2, index) : ''
  return pair.length === 2 && /^[\ud800-\udbff][\udc00-\udfff]$/.test(pair) ? pair : text.slice(index - 1, index)
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
