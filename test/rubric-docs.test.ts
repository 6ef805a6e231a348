import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checklist, lint } from '@postmortem-lint/core'
import { format } from '../packages/cli/src/formatters/index.js'

const root = new URL('..', import.meta.url).pathname
const page = readFileSync(join(root, 'rules/README.md'), 'utf8')

function between(start: string, end: string): string {
  const from = page.indexOf(start)
  const to = page.indexOf(end)
  expect(from, start).toBeGreaterThanOrEqual(0)
  expect(to, end).toBeGreaterThan(from)
  // The fenced block between the markers, without its fence lines.
  return page.slice(from + start.length, to).trim().split('\n').slice(1, -1).join('\n')
}

describe('rules/README.md, "Scoring"', () => {
  it('the checklist table lists every item with its points', () => {
    const section = page.slice(page.indexOf('### The checklist items'), page.indexOf('### How a category is scored'))
    const documented = new Map<string, number>()
    for (const row of section.split('\n').filter((line) => /^\| .*`[a-z-]+` \|/.test(line))) {
      const cells = row.split('|').map((cell) => cell.trim())
      const ids = [...cells[2]!.matchAll(/`([a-z-]+)`/g)].map((match) => match[1]!)
      const points = [...cells[3]!.matchAll(/\d+/g)].map(Number)
      ids.forEach((id, index) => documented.set(id, points[Math.min(index, points.length - 1)]!))
    }
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(checklist.map((item) => [item.id, item.points])))
  })

  it('the worked example scores and reads as the page says', () => {
    const example = between('<!-- rubric-example:start -->', '<!-- rubric-example:end -->')
    const expected = between('<!-- rubric-example-output:start -->', '<!-- rubric-example-output:end -->')
    const result = lint(`${example}\n`, { filePath: join(root, 'example.md') })
    expect(result.score).toBe(73)
    expect(result.categories).toEqual({ 'blameless-tone': 100, timeline: 75, impact: 100, 'root-cause': 72, 'action-items': 65, 'follow-up': 25 })
    const stylish = format('stylish', [result], { cwd: root, color: false })
    expect(stylish.split('\n\n')[0]).toBe(expected)
  })
})

// The seeded-defect kit's exemplary documents (../shared/eval/base, outside the repository: read
// in place, never copied) must score as exemplary. Skipped where the kit is not checked out.
const evalBase = join(root, '../shared/eval/base')

describe.skipIf(!existsSync(evalBase))('the eval kit’s exemplary base documents', () => {
  const names = existsSync(evalBase) ? readdirSync(evalBase).filter((name) => name.endsWith('.md')) : []
  it.each(names)('%s scores 90 or more', (name) => {
    const result = lint(readFileSync(join(evalBase, name), 'utf8'), { filePath: name })
    expect(result.errorCount).toBe(0)
    expect(result.score).toBeGreaterThanOrEqual(90)
  })
})
