import type { Edit } from './edits.js'
import type { SourceLine } from './lines.js'

/**
 * `<h2>Root cause</h2>` lines of an HTML block, as edits that make them Markdown headings of the
 * same level, each its own block. Paragraph tags around the text between them are dropped, so
 * that text is read as prose again. Null when the block holds no heading.
 */
export function htmlHeadingEdits(source: string, lines: SourceLine[]): Edit[] | null {
  const edits: Edit[] = []
  let headings = 0
  lines.forEach((line, index) => {
    const text = source.slice(line.contentStart, line.end)
    const heading = headingTag(text)
    if (index > 0) {
      const previous = lines[index - 1]!
      edits.push({ start: previous.end, end: line.contentStart, text: '\n\n' })
    }
    if (heading) {
      headings++
      edits.push({ start: line.contentStart, end: line.contentStart + heading.contentStart, text: `${'#'.repeat(heading.level)} ` })
      edits.push({ start: line.contentStart + heading.contentEnd, end: line.end, text: '' })
      return
    }
    const paragraph = paragraphTag(text)
    if (paragraph) {
      edits.push({ start: line.contentStart, end: line.contentStart + paragraph.contentStart, text: '' })
      edits.push({ start: line.contentStart + paragraph.contentEnd, end: line.end, text: '' })
    }
  })
  return headings > 0 ? edits : null
}

interface TagContent {
  level: number
  contentStart: number
  contentEnd: number
}

/** `<h3 id="x">Text</h3>` on one line: its level and where the text sits. */
function headingTag(line: string): TagContent | null {
  const trimmed = line.trimEnd()
  if (!/^<h[1-6][\s>]/i.test(trimmed)) return null
  const level = Number(trimmed[2])
  const open = trimmed.indexOf('>')
  const close = trimmed.toLowerCase().lastIndexOf(`</h${level}`)
  if (open < 0 || close <= open || !/^<\/h[1-6]\s*>$/i.test(trimmed.slice(close))) return null
  const inner = trimmed.slice(open + 1, close)
  if (inner.trim() === '' || inner.includes('<h')) return null
  return { level, contentStart: open + 1, contentEnd: close }
}

function paragraphTag(line: string): Omit<TagContent, 'level'> | null {
  const trimmed = line.trimEnd()
  if (!/^<p[\s>]/i.test(trimmed)) return null
  const open = trimmed.indexOf('>')
  const close = trimmed.toLowerCase().lastIndexOf('</p')
  if (close > open && /^<\/p\s*>$/i.test(trimmed.slice(close))) return { contentStart: open + 1, contentEnd: close }
  return { contentStart: open + 1, contentEnd: trimmed.length }
}
