import { splitLeadingTimestamp } from '../time/index.js'

// Characters that mark a line as code, configuration or a shell session rather than prose.
// A semicolon counts only at the end of a line: prose uses them inside sentences.
const CODE_MARKS = /[{}=<>$\\]|;\s*$|=>|->|::|\(\)|^#!|^\s*(?:#|\/\/|--)\s|^\s*[\w.-]+:\s*$/
// Column-aligned output (logs, `kubectl get`): two runs of two or more spaces inside a line.
const aligned = (line: string): boolean => line.trim().split(/ {2,}/).length >= 3

/**
 * Whether the lines of an indented block read as prose a reader would see as text: mostly timed
 * entries ("01:00 AM: the alert fired"), or sentences of ordinary words with no code marks.
 * Indented code in Markdown is four spaces away from indented prose, so the test errs towards
 * code: a block with any code-like line stays code.
 */
export function looksLikeProse(lines: readonly string[]): boolean {
  const text = lines.map((line) => line.trim()).filter((line) => line !== '')
  if (text.length === 0) return false
  if (text.some((line) => CODE_MARKS.test(line) || aligned(line))) return false
  const timed = text.filter((line) => {
    const split = splitLeadingTimestamp(line)
    return split !== null && split.timestamp.time !== null && words(split.rest).length >= 2
  }).length
  if (timed >= Math.max(2, 0.6 * text.length)) return true
  const sentences = text.filter((line) => {
    const tokens = words(line)
    if (tokens.length < 4) return false
    const plain = tokens.filter((token) => /^[("'“]?[\p{L}][\p{L}'’-]*[)"”.,;:!?]*$/u.test(token)).length
    return plain >= 0.8 * tokens.length
  }).length
  // One indented line is more often a command or a quotation than a paragraph.
  return text.length >= 2 && sentences >= 0.7 * text.length
}

function words(line: string): string[] {
  return line.split(/\s+/).filter(Boolean)
}
