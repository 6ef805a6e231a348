import synonyms from '../data/section-synonyms.generated.js'
import type { SectionKind } from '../model/types.js'

export interface NormalisedHeading {
  /** Title as a reader would say it: numbering, emoji, markers and qualifiers removed. */
  title: string
  /** Lower-case form used for matching. */
  key: string
  /** Parenthesised or dash-separated qualifiers, e.g. "all times UTC". */
  qualifiers: string[]
}

// Leading numbering: "3.", "3)", "3 -", "1.2.", "IV.", "A.", "Step 3:", "Section 2 -". Not the
// start of a time or date ("4:27", "2016-10-24"), and not the 5 of "5 Whys".
const NUMBERING = /^(?:(?:section|part|step)\s+)?(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])\s*[.):\-–—](?!\d)\s*|^\d+(?:\.\d+)*\s+(?!whys\b)/i
// Emoji and pictographs, including variation selectors and joiners.
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u200d\ufe0f\u20e3]/gu
// GitHub emoji shortcodes (":warning: Leadup"), which render as pictographs.
const SHORTCODE = /(?<![^\s]):[a-z][a-z0-9_+-]{0,40}:(?![^\s])/g
const PARENTHESISED = /(?<!\s)\s*[([]([^()[\]]*)[)\]]\s*/g

export function normaliseHeading(heading: string): NormalisedHeading {
  const qualifiers: string[] = []
  let title = heading.replace(EMOJI, ' ').replace(SHORTCODE, ' ').replace(/\s+/g, ' ').trim()
  title = title.replace(PARENTHESISED, (_, inner: string) => {
    if (inner.trim()) qualifiers.push(inner.trim())
    return ' '
  })
  const dash = dashQualifier(title)
  if (dash) {
    qualifiers.push(dash.qualifier.trim())
    title = title.slice(0, dash.index)
  }
  title = title.replace(NUMBERING, '').replace(/^[#*_:\s]+|(?<![\s:.*_])[\s:.*_]+$/g, '').trim()
  const key = title
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}';&/ -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return { title, key, qualifiers }
}

/**
 * "Timeline — all times UTC", "Timeline - UTC": the text after the first dash with spaces on both
 * sides, and where the spaces before it start. Scanned, since /\s+[–—-]\s+(.+)$/ retries its
 * spaces from each one of a long run; the title is one line by now.
 */
function dashQualifier(title: string): { index: number; qualifier: string } | null {
  for (let dash = 1; dash < title.length; dash++) {
    if (!'–—-'.includes(title[dash]!) || !isSpace(title[dash - 1])) continue
    let after = dash + 1
    while (isSpace(title[after])) after++
    const spaces = after - dash - 1
    // As the pattern's (.+) did, a qualifier of spaces alone keeps the last of them.
    const qualifier = after < title.length ? title.slice(after) : spaces >= 2 ? title.slice(-1) : ''
    if (spaces === 0 || qualifier === '') continue
    let index = dash - 1
    while (isSpace(title[index - 1])) index--
    return { index, qualifier }
  }
  return null
}

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/.test(char)
}

interface KeywordRule {
  kind: SectionKind
  phrases: RegExp[]
}

const exact = new Map<string, SectionKind>()
const keywordRules: KeywordRule[] = []
const keywordPhrases: string[] = []
for (const entry of synonyms.sections) {
  const kind = entry.kind as SectionKind
  for (const heading of entry.headings) if (!exact.has(heading)) exact.set(heading, kind)
  for (const keyword of entry.keywords) {
    const words = typeof keyword === 'string' ? [keyword] : [...keyword]
    keywordPhrases.push(...words)
    keywordRules.push({ kind, phrases: words.map(wholeWords) })
  }
}
// Most lines a recovery pass asks about hold no keyword at all: one scan says so for every rule.
const anyKeyword = new RegExp(`(?:^|[^\\p{L}])(?:${[...new Set(keywordPhrases)].map(phraseSource).join('|')})(?![\\p{L}])`, 'u')

function phraseSource(phrase: string): string {
  // "prevent*" is a stem: "prevention", "preventive", "preventing".
  const stem = phrase.endsWith('*')
  const escaped = (stem ? phrase.slice(0, -1) : phrase).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]+')
  // "cause" should also match "causes", hence the optional plural.
  return `${escaped}${stem ? '\\p{L}*' : '(?:s|es)?'}`
}

function wholeWords(phrase: string): RegExp {
  return new RegExp(`(?:^|[^\\p{L}])${phraseSource(phrase)}(?![\\p{L}])`, 'u')
}

// Every word of the vocabulary, for reading a misspelt heading ("Moving Foward").
const vocabulary = new Set<string>()
for (const entry of synonyms.sections) {
  for (const phrase of [...entry.headings, ...entry.keywords.flat()]) {
    for (const word of phrase.replace(/\*$/, '').split(/[\s-]+/)) if (word.length >= 5) vocabulary.add(word)
  }
}
const vocabularyByInitial = new Map<string, string[]>()
for (const word of vocabulary) vocabularyByInitial.set(word[0]!, [...(vocabularyByInitial.get(word[0]!) ?? []), word])

/** The section kind a heading names, or null when it names none we know. */
export function classifyHeading(normalised: NormalisedHeading): SectionKind | null {
  const { key } = normalised
  if (key === '') return null
  const known = classified.get(key)
  if (known !== undefined) return known
  const kind = classifyKey(key) ?? classifyKey(correctTypos(key))
  // Headings repeat across a corpus ("Timeline", "Root cause"); the cache stays small.
  if (classified.size >= 4096) classified.clear()
  classified.set(key, kind)
  return kind
}

const classified = new Map<string, SectionKind | null>()

/** Whether the heading is one of the names teams give a section, not only a phrase that has a keyword. */
export function isSynonymHeading(normalised: NormalisedHeading): boolean {
  return exactKind(normalised.key) !== undefined
}

function exactKind(key: string): SectionKind | undefined {
  return exact.get(key) ?? exact.get(key.replace(/^(?:the|our|incident|postmortem) /, ''))
}

function classifyKey(key: string): SectionKind | null {
  if (key === '') return null
  const direct = exactKind(key)
  if (direct) return direct
  if (!anyKeyword.test(key)) return null
  for (const rule of keywordRules) {
    if (rule.phrases.every((phrase) => phrase.test(key))) return rule.kind
  }
  return null
}

/** Words one typing slip away from a vocabulary word are read as that word; '' when none is. */
function correctTypos(key: string): string {
  let changed = false
  const words = key.split(' ').map((word) => {
    if (word.length < 6 || vocabulary.has(word)) return word
    for (const known of vocabularyByInitial.get(word[0]!) ?? []) {
      if (Math.abs(known.length - word.length) <= 1 && withinOneEdit(word, known)) {
        changed = true
        return known
      }
    }
    return word
  })
  return changed ? words.join(' ') : ''
}

/** One insertion, deletion, substitution or swap of neighbours turns `a` into `b`. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}
