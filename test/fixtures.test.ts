import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lint } from '@postmortem-lint/core'

const fixturesDir = new URL('../fixtures/', import.meta.url).pathname
const MARKER = /\bexpect\s+([a-z][\w =-]*?)\s*(?:-->|$)/g

/**
 * `<!-- expect rule-a rule-b -->` on a line, or `expect rule-a line=N` (inside an HTML comment,
 * one per line) for a line that cannot hold a comment.
 */
function expectedPairs(source: string): string[] {
  const pairs: string[] = []
  let inComment = false
  source.split(/\r?\n/).forEach((text, index) => {
    const commented = inComment || text.includes('<!--')
    if (text.includes('<!--')) inComment = !text.slice(text.lastIndexOf('<!--')).includes('-->')
    else if (text.includes('-->')) inComment = false
    if (!commented) return
    for (const match of text.matchAll(MARKER)) {
      const words = (match[1] ?? '').split(/\s+/).filter(Boolean)
      const lineWord = words.find((word) => word.startsWith('line='))
      const line = lineWord ? Number(lineWord.slice(5)) : index + 1
      for (const rule of words.filter((word) => !word.startsWith('line='))) pairs.push(`${line} ${rule}`)
    }
  })
  return [...new Set(pairs)].sort()
}

const fixtures = readdirSync(fixturesDir).filter((file) => file.endsWith('.md') && file !== 'README.md')

describe('fixtures: findings match the expect markers', () => {
  for (const file of fixtures) {
    it(file, () => {
      const source = readFileSync(join(fixturesDir, file), 'utf8')
      const result = lint(source, { filePath: `fixtures/${file}` })
      const actual = [...new Set(result.messages.map((m) => `${m.line} ${m.ruleId}`))].sort()
      expect(actual, 'too few or too many findings').toEqual(expectedPairs(source))
    })
  }

  it('the exemplary document scores 100', () => {
    const source = readFileSync(join(fixturesDir, 'p2-exemplary-table-timeline.md'), 'utf8')
    expect(lint(source).score).toBe(100)
  })
})
