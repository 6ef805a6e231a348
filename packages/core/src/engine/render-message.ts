const PLACEHOLDER = /\{\{\s*([A-Za-z][\w]*)\s*\}\}/g

/** Fill "{{name}}" placeholders; a missing value is a bug in the rule, so it says so loudly. */
export function renderMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = data[name]
    if (value === undefined) throw new Error(`message placeholder "{{${name}}}" has no value`)
    return String(value)
  })
}

/** Quote document text inside a message: one line, bounded length, backticks kept balanced. */
export function quote(text: string, max = 80): string {
  const single = text.replace(/\s+/g, ' ').trim()
  const clipped = single.length > max ? `${single.slice(0, max - 1).trimEnd()}…` : single
  return clipped.replace(/`/g, "'")
}
