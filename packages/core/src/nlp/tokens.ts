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
// punctuation character.
const TOKEN = /[@#]?[\p{L}\p{N}](?:[\p{L}\p{N}_]|['’.\-/](?=[\p{L}\p{N}]))*|[^\s\p{L}\p{N}]/gu

/** Split text into tokens; "Emeka's" becomes "emeka" + "'s" so "'s fault" can be a phrase. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  TOKEN.lastIndex = 0
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    const raw = match[0]
    const start = match.index
    const norm = raw.toLowerCase().replace(/’/g, "'")
    const possessive = /^(.+)'s$/.exec(norm)
    if (possessive?.[1] && !/^(?:it|that|what|there|here|who|he|she|let)$/.test(possessive[1])) {
      const stemLength = possessive[1].length
      tokens.push({ norm: possessive[1], text: raw.slice(0, stemLength), start, end: start + stemLength })
      tokens.push({ norm: "'s", text: raw.slice(stemLength), start: start + stemLength, end: start + raw.length })
    } else if (/^[\p{L}]+n't$/u.test(norm)) {
      // "didn't" → "didn't" stays one token, as phrase lists write it.
      tokens.push({ norm, text: raw, start, end: start + raw.length })
    } else {
      tokens.push({ norm, text: raw, start, end: start + raw.length })
    }
  }
  return tokens
}
