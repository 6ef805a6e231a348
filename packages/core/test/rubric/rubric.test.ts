import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { categories, checklist, describeGaps, lint, resolveConfig, type LintResult } from '../../src/index.js'
import { completeP2, nearMissP4, padding, rambling, withoutSection } from './documents.js'

const fixture = (name: string) => readFileSync(new URL(`../../../../fixtures/${name}`, import.meta.url), 'utf8')
const missedIds = (result: LintResult, category: string) => result.rubric?.[category as keyof typeof result.rubric]?.missed.map((item) => item.id) ?? []

describe('the checklist data', () => {
  it("every category's items add up to 100 points", () => {
    for (const { id } of categories) {
      const points = checklist.filter((item) => item.category === id).reduce((total, item) => total + item.points, 0)
      expect(points, id).toBe(100)
    }
  })

  it('item ids are unique and every requirement names an earlier item of the same category', () => {
    const seen = new Map<string, string>()
    for (const item of checklist) {
      expect(seen.has(item.id), item.id).toBe(false)
      if (item.requires !== undefined) expect(seen.get(item.requires), `${item.id} requires ${item.requires}`).toBe(item.category)
      seen.set(item.id, item.category)
    }
  })
})

describe('a complete document', () => {
  it('scores 100: every checklist item met, no finding', () => {
    const result = lint(completeP2)
    expect(result.messages).toEqual([])
    expect(result.score).toBe(100)
    for (const category of Object.values(result.rubric ?? {})) {
      expect(category.missed).toEqual([])
      expect(category.met.length).toBeGreaterThan(0)
    }
  })

  it('explains every category in the result: the items met, with their points', () => {
    const timeline = lint(completeP2).rubric?.timeline
    expect(timeline?.met.map((item) => item.id)).toEqual([
      'timeline-present',
      'timeline-ordered',
      'timeline-zone',
      'timeline-detection',
      'timeline-mitigation',
      'timeline-resolution',
    ])
    expect(timeline?.met[0]).toEqual({ id: 'timeline-present', text: 'a timeline of timed events', points: 35, earned: 35 })
  })
})

describe('removing evidence lowers its category to what rules/README.md says', () => {
  it('no timeline: timeline 0 ("no timeline")', () => {
    const result = lint(withoutSection(completeP2, 'Timeline (all times UTC)'))
    expect(result.categories.timeline).toBe(0)
    expect(describeGaps(result.rubric!.timeline!)).toEqual(['no timeline'])
  })

  it('no action items: action items 0', () => {
    const result = lint(withoutSection(completeP2, 'Action items'))
    expect(result.categories['action-items']).toBe(0)
    expect(missedIds(result, 'action-items')).toEqual(['actions-listed'])
  })

  it('no root cause: root cause 0, whatever the contributing factors say', () => {
    const result = lint(withoutSection(completeP2, 'Root cause'))
    expect(result.categories['root-cause']).toBe(0)
    expect(missedIds(result, 'root-cause')).toEqual(['root-cause-stated'])
  })

  it('no time zone: timeline 85 ("no time zone")', () => {
    const result = lint(completeP2.replace('## Timeline (all times UTC)', '## Timeline').replace('10:06 UTC', '10:06'))
    expect(result.categories.timeline).toBe(85)
    expect(describeGaps(result.rubric!.timeline!)).toEqual(['no time zone'])
  })

  it('no contributing factors: root cause 75', () => {
    const result = lint(withoutSection(completeP2, 'Contributing factors'))
    expect(missedIds(result, 'root-cause')).toEqual(['contributing-factors'])
    expect(result.categories['root-cause']).toBe(Math.round((100 * 65) / 90))
  })

  it('actions without owners earn the owned share only', () => {
    const result = lint(completeP2.replace('| @priya |', '| |').replace('| @tomas |', '| |'))
    const owned = result.rubric!['action-items']!.missed.find((item) => item.id === 'actions-owned')
    expect(owned).toMatchObject({ points: 20, detail: '2 of 3' })
    expect(owned!.earned).toBeCloseTo(20 / 3, 1)
    expect(result.categories['action-items']).toBe(Math.round(100 - (20 * 2) / 3))
  })

  it('no follow-up review: follow-up 40 (the review is 60 of its 100 points)', () => {
    const result = lint(completeP2.replace('- **Follow-up review:** 2025-07-01\n', ''))
    expect(missedIds(result, 'follow-up')).toEqual(['follow-up-review'])
    expect(result.categories['follow-up']).toBe(40)
  })
})

describe('severity scales the depth', () => {
  it('a short, complete near-miss review scores high: a P4 needs no timeline or impact section', () => {
    const result = lint(nearMissP4)
    expect(result.messages).toEqual([])
    expect(result.score).toBe(100)
    expect(result.rubric?.timeline).toEqual({ score: 100, met: [], missed: [], deductions: [] })
  })

  it('a P4 that shows a timeline is judged on it', () => {
    const withTimeline = nearMissP4.replace('## Root cause', '## Timeline\n\n- 10:00 The restore drill starts.\n- 10:20 The drill finds the rule.\n- 10:45 The rule is fixed.\n\n## Root cause')
    const result = lint(withTimeline)
    expect(missedIds(result, 'timeline')).toContain('timeline-zone')
    expect(result.categories.timeline).toBeLessThan(100)
  })

  it('the same document without a severity is an ordinary incident (P3): it needs a timeline and an impact section', () => {
    const result = lint(nearMissP4.replace('- **Severity:** P4\n', ''))
    expect(result.categories.timeline).toBe(0)
    expect(missedIds(result, 'impact')).toContain('impact-stated')
  })

  it('a P1 is asked for lessons learned and several contributing factors; a P3 is not', () => {
    const p3 = completeP2.replace('**Severity:** P2', '**Severity:** P3')
    const trimmed = (text: string) => withoutSection(text, 'What went well').replace(/- The staging relay[^\n]*\n- The duplicate-send[^\n]*\n/, '')
    expect(missedIds(lint(trimmed(completeP2)), 'follow-up')).toEqual(['lessons'])
    expect(missedIds(lint(trimmed(completeP2)), 'root-cause')).toEqual(['contributing-several'])
    expect(missedIds(lint(trimmed(p3)), 'follow-up')).toEqual([])
    expect(missedIds(lint(trimmed(p3)), 'root-cause')).toEqual([])
  })
})

describe('length is not quality', () => {
  it('a rambling account with no timeline, root cause or actions scores low however long it is', () => {
    const short = lint(rambling(1))
    const long = lint(rambling(10))
    expect(short.score).toBeLessThan(30)
    expect(long.score).toBeLessThanOrEqual(short.score!)
    for (const id of ['timeline', 'root-cause', 'action-items'] as const) expect(long.categories[id]).toBe(0)
  })

  it('the short complete near-miss and the long rambling account are far apart, not tied at the top', () => {
    expect(lint(nearMissP4).score! - lint(rambling(10)).score!).toBeGreaterThanOrEqual(60)
  })

  it.each(['p3-rushed-draft.md', 'p1-every-defect.md', 'p2-blameful-draft-every-rule.md', 'p2-mostly-good-subtle-defects.md'])(
    'padding %s with five times more prose does not raise its score',
    (name) => {
      const text = fixture(name)
      const words = text.split(/\s+/).length
      const sentences = Math.ceil((5 * words) / padding.split(/\s+/).length)
      const paragraphs = Array.from({ length: Math.ceil(sentences / 4) }, () => `${padding} ${padding} ${padding} ${padding}`)
      // Before the first section and in a section of its own: prose that shows nothing.
      const firstSection = text.indexOf('\n## ')
      const padded = `${text.slice(0, firstSection)}\n\n${paragraphs.slice(0, 5).join('\n\n')}\n${text.slice(firstSection)}\n\n## Background\n\n${paragraphs.slice(5).join('\n\n')}\n`
      expect(padded.split(/\s+/).length).toBeGreaterThan(5 * words)
      const before = lint(text)
      const after = lint(padded)
      expect(after.score!).toBeLessThanOrEqual(before.score!)
      for (const { id } of categories) expect(after.categories[id] ?? 0, id).toBeLessThanOrEqual(before.categories[id] ?? 0)
    },
  )
})

describe('defects take away', () => {
  it('each blaming sentence takes 20 off blameless tone', () => {
    const one = lint(completeP2.replace('Pausing the queue stopped', 'Ana Costa forgot to pause the queue sooner. Pausing the queue stopped'))
    expect(one.categories['blameless-tone']).toBe(80)
    expect(describeGaps(one.rubric!['blameless-tone']!)).toEqual(['blames people (1 finding)'])
  })

  it('a finding no checklist item accounts for costs its category: the rubric lists it as a deduction', () => {
    const result = lint(completeP2.replace('- Pausing the queue stopped', '- TODO: add the chat log.\n- Pausing the queue stopped'))
    const followUp = result.rubric!['follow-up']!
    expect(followUp.deductions).toEqual([{ ruleId: 'no-template-placeholders', messageId: 'placeholder', count: 1, points: 10 }])
    expect(followUp.score).toBe(90)
    expect(describeGaps(followUp)).toEqual(['−10 for 1 finding of no-template-placeholders'])
  })
})

describe('repeated defects', () => {
  it('a category pays for at most three findings of one kind', () => {
    const todo = ['- TODO: add the chat log.', '- TODO: add the graphs.', '- TODO: add the alert.', '- TODO: add the runbook.', '- TODO: add the query.']
    const result = lint(completeP2.replace('- Pausing the queue stopped', `${todo.join('\n')}\n- Pausing the queue stopped`))
    expect(result.messages.filter((message) => message.ruleId === 'no-template-placeholders')).toHaveLength(5)
    expect(result.rubric!['follow-up']!.deductions).toEqual([{ ruleId: 'no-template-placeholders', messageId: 'placeholder', count: 5, points: 30 }])
    expect(result.categories['follow-up']).toBe(70)
  })
})

describe('configuration', () => {
  it('a category whose rules are all off stays out of the result and the score', () => {
    const config = resolveConfig({ rules: { 'timeline-order': 'off' } })
    const result = lint(withoutSection(completeP2, 'Timeline (all times UTC)'), { config })
    expect(result.categories.timeline).toBeUndefined()
    expect(result.rubric?.timeline).toBeUndefined()
    expect(Object.keys(result.categories)).toHaveLength(5)
  })

  it('an item whose rules are all off leaves the rubric: its category is scored over the others', () => {
    const config = resolveConfig({ rules: { 'follow-up-scheduled': 'off' } })
    const untracked = completeP2.replace(/\| BILL-31\d \|/g, '| |').replace('| Ticket |', '| Notes |')
    const result = lint(untracked, { config })
    expect(result.rubric!['action-items']!.met.map((item) => item.id)).not.toContain('actions-tracked')
    expect(result.categories['action-items']).toBe(100)
    expect(lint(untracked).categories['action-items']).toBe(85)
  })

  it('options of the rules decide what counts: no time zone required, no item for it', () => {
    const config = resolveConfig({ rules: { 'timeline-order': ['error', { requireTimeZone: false }] } })
    const result = lint(completeP2.replace('## Timeline (all times UTC)', '## Timeline').replace('10:06 UTC', '10:06'), { config })
    expect(result.categories.timeline).toBe(100)
  })

  it('weights still weigh the categories', () => {
    const doc = withoutSection(completeP2, 'Timeline (all times UTC)')
    const plain = lint(doc)
    const weighted = lint(doc, { config: resolveConfig({ weights: { timeline: 5 } }) })
    expect(plain.score).toBe(Math.round(500 / 6))
    expect(weighted.score).toBe(Math.round(500 / 10))
  })
})

describe('skipped files', () => {
  it('have no score, no categories and no rubric', () => {
    const result = lint('# Team handbook\n\nWelcome. This folder holds our on-call notes.\n', { detect: true })
    expect(result.skipped).toBeDefined()
    expect(result.score).toBeNull()
    expect(result.categories).toEqual({})
    expect(result.rubric).toEqual({})
  })
})
