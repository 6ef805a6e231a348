import { describe, expect, it } from 'vitest'
import { run } from './helpers.js'

const missing = (markdown: string, options?: unknown) => run('required-sections', markdown, options).map((m) => `${m.category}:${m.message.split(' section')[0]}`)
const everyLevel = (sections: string[]) => ({ P1: sections, P2: sections, P3: sections, P4: sections })
const all = ['## Summary\n\nx', '## Impact\n\n3 users.', '## Timeline\n\n- 10:00 a', '## Root cause\n\nA config.', '## Action items\n\n- a', '## Lessons learned\n\nb']

describe('required-sections', () => {
  it('scales with severity', () => {
    expect(missing(`# I\n\n**Severity:** P1\n\n${all.join('\n\n')}\n`)).toEqual([])
    expect(missing(`# I\n\n**Severity:** P1\n\n${all.slice(0, 3).join('\n\n')}\n`)).toEqual([
      'follow-up:No lessons learned',
      'action-items:No action items',
    ])
    expect(missing(`# I\n\n**Severity:** P4\n\n## Summary\n\nx\n\n## Root cause\n\ny\n\n## Action items\n\n- z\n`)).toEqual([])
  })

  it('charges each missing section to its own category', () => {
    const messages = run('required-sections', '# I\n\n**Severity:** SEV2\n\n## Summary\n\nx\n')
    expect(new Set(messages.map((m) => m.category))).toEqual(new Set(['impact', 'timeline', 'action-items', 'follow-up']))
    const withRootCause = run('required-sections', '# I\n\n**Severity:** SEV2\n\n## Summary\n\nx\n', { bySeverity: { ...everyLevel(['summary']), P2: ['summary', 'root-cause'] } })
    expect(withRootCause.map((m) => m.category)).toEqual(['root-cause'])
  })

  it('leaves the root cause to rootcause-vs-contributing by default, which finds it wherever it is stated', () => {
    expect(missing('# I\n\n**Severity:** P1\n\n## Summary\n\nx\n').some((entry) => entry.startsWith('root-cause'))).toBe(false)
  })

  it('recognises headings whatever their numbering, case, emoji or suffix', () => {
    const md = '# I\n\n**Severity:** P3\n\n## 1. TL;DR\n\nx\n\n## 🔥 Customer Impact:\n\ny\n\n## III. Sequence of events (all times UTC)\n\n- 10:00 a\n\n## Trigger and root cause\n\nz\n\n## Next steps\n\n- w\n'
    expect(missing(md)).toEqual([])
  })

  it('assumes P3 without a severity, configurable', () => {
    expect(missing('# I\n\n## Summary\n\nx\n').length).toBe(3)
    expect(missing('# I\n\n## Summary\n\nx\n', { assumeSeverity: 'P4' }).length).toBe(1)
  })

  it('counts a merged causes section as the root cause where one is required', () => {
    const options = { bySeverity: { ...everyLevel(['summary', 'action-items']), P4: ['summary', 'root-cause', 'action-items'] } }
    expect(missing('# I\n\n**Severity:** P4\n\n## Summary\n\nx\n\n## Causes\n\n- y\n\n## Action items\n\n- z\n', options)).toEqual([])
    expect(missing('# I\n\n**Severity:** P4\n\n## Summary\n\nx\n\n## Action items\n\n- z\n', options)).toEqual(['root-cause:No root cause'])
  })
})
