import { describe, expect, it } from 'vitest'
import { buildReport, lintForReport } from '@postmortem-lint/core'
import { renderOverdue, trackingMarker, type OverdueContext } from '../src/scheduled/render.js'

const hostile = `---
title: "Login <img src=x onerror=alert(1)> | broken #12"
date: 2025-02-01
status: Draft
---

# Login outage

## Action items

- Rotate the \`|</td><script>alert(1)</script>\` key for #34 — Owner: @everyone, Due: 2025-02-10, OPS-1
`

const context: OverdueContext = { serverUrl: 'https://github.com', owner: 'acme', repo: 'handbook', sha: 'abc123', toolVersion: '0.1.0', marker: false }
const report = buildReport([lintForReport(hostile, { filePath: 'docs/postmortems/login (1).md' })], { asOf: '2025-06-30' })

describe('the overdue summary and tracking issue', () => {
  it('escapes document text: no markup, no mention, no issue link, no broken table cell', () => {
    const text = renderOverdue(report, context)
    expect(text).toContain('### Overdue action items (1)')
    expect(text).not.toMatch(/<img|<script|<\/td>/)
    expect(text).toContain('@\u200deveryone')
    expect(text).toContain('&#35;\u200d34')
    const row = text.split('\n').find((line) => line.includes('Rotate the'))!
    // Six cells: the document's pipes are entities, not separators.
    expect(row.split(' | ')).toHaveLength(6)
    expect(text).toContain('https://github.com/acme/handbook/blob/abc123/docs/postmortems/login%20%281%29.md#L')
  })

  it('starts with the hidden marker only for the issue, and says when nothing is overdue', () => {
    expect(renderOverdue(report, { ...context, marker: true }).startsWith(`${trackingMarker}\n`)).toBe(true)
    expect(renderOverdue(report, context)).not.toContain(trackingMarker)
    const early = buildReport([lintForReport(hostile, { filePath: 'x.md' })], { asOf: '2025-02-01' })
    expect(renderOverdue(early, context)).toContain('Nothing is overdue.')
  })

  it('caps the rows of a table and says how many more there are', () => {
    const many = Array.from({ length: 5 }, (_, index) => `- Add alert number ${index} on queue age — Owner: @ops, Due: 2025-01-0${index + 1}, OPS-${index}`).join('\n')
    const big = buildReport([lintForReport(`# Outage\n\n**Date:** 2024-12-20\n\n## Action items\n\n${many}\n`, { filePath: 'x.md' })], { asOf: '2025-06-30' })
    const text = renderOverdue(big, { ...context, maxRows: 2 })
    expect(text).toContain('…and 3 more (see the HTML report).')
  })
})
