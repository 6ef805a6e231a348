/**
 * JSON.parse with the place of a syntax error as a line and column. V8's messages give an offset
 * only sometimes ("Unexpected token ']', "[1,]" is not valid JSON" has none) and their wording
 * changes between Node versions, so a small scanner finds the offset itself.
 */
export class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`line ${line}, column ${column}: ${reason}`)
  }
}

export function parseJson(text: string): unknown {
  // A UTF-8 byte-order mark is not JSON, but Windows editors write one.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  try {
    return JSON.parse(source) as unknown
  } catch (error) {
    const v8Offset = /at position (\d+)/.exec((error as Error).message)?.[1]
    const offset = syntaxErrorOffset(source) ?? (v8Offset === undefined ? source.length : Number(v8Offset))
    const { line, column } = lineColumn(source, offset)
    const reason = withoutQuotedInput((error as Error).message).replace(/ in JSON at position \d+.*$/s, '')
    throw new JsonSyntaxError(line, column, reason)
  }
}

const NOT_VALID_JSON = ' is not valid JSON'

/**
 * V8 quotes the text around the error, cut with "..." when long; the line and column say where.
 * Cut by hand: /,? ".*"(?:\.\.\.)? is not valid JSON$/s retries its ".*" from every quote.
 */
function withoutQuotedInput(message: string): string {
  if (!message.endsWith(NOT_VALID_JSON)) return message
  const quoted = message.slice(0, -NOT_VALID_JSON.length)
  const closing = quoted.endsWith('"') ? quoted.length - 1 : quoted.endsWith('"...') ? quoted.length - 4 : -1
  // The quote opens at the first ' "', which must come before the closing quote.
  const opening = quoted.indexOf(' "')
  if (opening < 0 || opening + 1 >= closing) return message
  return message.slice(0, message[opening - 1] === ',' ? opening - 1 : opening)
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let index = 0; index < offset; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) {
      line++
      lineStart = index + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

/** The offset of the first character that makes `text` invalid JSON (RFC 8259), or null. */
export function syntaxErrorOffset(text: string): number | null {
  let at = 0
  const fail = (): never => {
    throw at
  }
  const space = (): void => {
    while (/[ \t\n\r]/.test(text[at] ?? '')) at++
  }
  const literal = (word: string): void => {
    for (const char of word) {
      if (text[at] !== char) fail()
      at++
    }
  }
  const string = (): void => {
    at++ // the opening quote
    for (;;) {
      const char = text[at]
      if (char === undefined || char.charCodeAt(0) < 0x20) fail()
      if (char === '"') return void at++
      if (char === '\\') {
        at++
        if (text[at] === 'u') {
          at++
          for (let digit = 0; digit < 4; digit++, at++) if (!/[0-9a-fA-F]/.test(text[at] ?? '')) fail()
          continue
        }
        if (!'"\\/bfnrt'.includes(text[at] ?? 'x')) fail()
      }
      at++
    }
  }
  const number = (): void => {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
    match.lastIndex = at
    if (!match.exec(text)) fail()
    at = match.lastIndex
  }
  const value = (): void => {
    space()
    const char = text[at]
    if (char === '{') return members('}', () => {
      space()
      if (text[at] !== '"') fail()
      string()
      space()
      if (text[at] !== ':') fail()
      at++
      value()
    })
    if (char === '[') return members(']', value)
    if (char === '"') return string()
    if (char === 't') return literal('true')
    if (char === 'f') return literal('false')
    if (char === 'n') return literal('null')
    return number()
  }
  const members = (close: string, member: () => void): void => {
    at++
    space()
    if (text[at] === close) return void at++
    for (;;) {
      member()
      space()
      if (text[at] === close) return void at++
      if (text[at] !== ',') fail()
      at++
    }
  }
  try {
    value()
    space()
    if (at < text.length) fail()
    return null
  } catch (error) {
    // A number is the offset; anything else (a stack overflow on absurd nesting) means unknown.
    return typeof error === 'number' ? error : null
  }
}
