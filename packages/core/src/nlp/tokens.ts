/** A word or punctuation token with its position in the sentence text. */
export interface Token {
  /** Lower-case form, curly apostrophes straightened, possessive "'s" split off. */
  norm: string
  /** The text as written. */
  text: string
  start: number
  end: number
}

// Words (with inner apostrophes, dots, hyphens, @ and / for handles and team slugs) or one
// punctuation character. Combining marks belong to their letter, so a name written in decomposed
// form ("Nguyễn" as e + two marks) stays one word.
const TOKEN = /[@#]?[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}_]|['’.\-/](?=[\p{L}\p{N}]))*|[^\s\p{L}\p{M}\p{N}]/gu

/** Split text into tokens; "Emeka's" becomes "emeka" + "'s" so "'s fault" can be a phrase. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  TOKEN.lastIndex = 0
  // Every sentence of every document is tokenized: plain string tests first, regexes only on the
  // rare tokens that need them.
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    let raw = match[0]
    const start = match.index
    // "J.M." keeps its final full stop, so the initials are one word.
    if (text[start + raw.length] === '.' && /^(?:\p{Lu}\.)+\p{Lu}$/u.test(raw)) {
      raw += '.'
      TOKEN.lastIndex++
    }
    const lower = raw.toLowerCase()
    const norm = lower.includes('’') ? lower.replace(/’/g, "'") : lower
    const stem = norm.length > 2 && norm.endsWith("'s") ? norm.slice(0, -2) : ''
    if (stem !== '' && !NOT_POSSESSIVE.has(stem)) {
      tokens.push({ norm: stem, text: raw.slice(0, stem.length), start, end: start + stem.length })
      tokens.push({ norm: "'s", text: raw.slice(stem.length), start: start + stem.length, end: start + raw.length })
    } else {
      tokens.push({ norm, text: raw, start, end: start + raw.length })
    }
  }
  return tokens
}

// "it's", "that's", "let's": contractions of "is"/"us", not possessives.
const NOT_POSSESSIVE: ReadonlySet<string> = new Set(['it', 'that', 'what', 'there', 'here', 'who', 'he', 'she', 'let'])
