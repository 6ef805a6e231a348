import { describe, expect, it } from 'vitest'
import { marker, renderReport } from '../src/comment/render.js'
import { commentLimit, renderWithin } from '../src/comment/trim.js'
import { context, files, message, result } from './helpers.js'

/** Cells of a GFM table row, split on pipes that are not escaped. */
function cells(row: string): string[] {
  return row.replace(/^\||\|$/g, '').split(/(?<!\\)\|/)
}

function tableRows(body: string): string[] {
  return body.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| :'))
}

describe('renderReport', () => {
  it('says all clear when every file passes', () => {
    const results = [result('docs/postmortems/2024-03-05-db.md'), result('docs/postmortems/2024-04-01-dns.md')]
    const body = renderReport(files(results), context(results))
    expect(body.startsWith(`${marker}\n`)).toBe(true)
    expect(body).toContain('### ✅ postmortem-lint: all clear, 2 postmortems without findings')
    expect(body).toContain('**Passed.**')
    expect(body).not.toContain('<details')
    const rows = tableRows(body)
    expect(rows).toHaveLength(3) // header + 2 files (the delimiter row starts with "| :")
    expect(rows[0]).toBe('| File | Blameless tone | Timeline | Impact | Root cause vs contributing factors | Action items | Follow-up | Score |')
    expect(rows[1]).toContain('🟢 100')
    expect(rows[1]).toContain(
      '[<code>docs/postmortems/2024-03-05-db.md</code>](https://github.com/acme/handbook/blob/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678/docs/postmortems/2024-03-05-db.md?plain=1)',
    )
  })

  it('says all clear when a pull request changes no postmortem', () => {
    const body = renderReport([], context([]))
    expect(body).toContain('all clear, no postmortem changed')
    expect(tableRows(body)).toHaveLength(0)
  })

  it('lists several files with findings: verdict, indicators per category, findings with line and docs links', () => {
    const results = [
      result('docs/postmortems/a.md', [
        message({ line: 30, endLine: 31, severity: 1, category: 'timeline', ruleId: 'timeline-order', message: 'Entry at `00:30` follows `23:40`', docsUrl: 'https://example.com/rules/timeline-order.md' }),
        message({ suggestion: 'Say what the deploy pipeline allowed.' }),
        message({ line: 40, category: 'blameless-tone' }),
      ]),
      result('docs/postmortems/b.md', [message({ category: 'impact', ruleId: 'impact-quantified', severity: 1, line: 5, endLine: 5 })]),
      result('docs/postmortems/c.md'),
      result('docs/postmortems/notes.md', [], { skipped: 'does not look like a postmortem' }),
    ]
    const body = renderReport(files(results), context(results))
    expect(body).toContain('### ❌ postmortem-lint: 2 errors, 2 warnings in 2 files')
    expect(body).toContain('**Failed:** 2 errors found.')
    const rows = tableRows(body)
    expect(rows).toHaveLength(4)
    for (const row of rows.slice(1)) expect(cells(row)).toHaveLength(8)
    // a.md: blameless-tone 100-40 = 60 (🔴), timeline 90 (🟢); b.md: impact 90.
    expect(rows[1]).toContain('| 🔴 60 | 🟢 90 |')
    expect(body).toContain('<details open><summary>')
    expect(body).toContain('<code>docs/postmortems/a.md</code>: 2 errors, 1 warning')
    // b.md has only a warning: collapsed.
    expect(body).toMatch(/<details><summary>🟢 <code>docs\/postmortems\/b.md<\/code>: 1 warning/)
    const link = 'https://github.com/acme/handbook/blob/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678/docs/postmortems/a.md?plain=1'
    expect(body).toContain(`[L12](${link}#L12)`)
    expect(body).toContain(`[L30](${link}#L30-L31)`)
    expect(body).toContain('([<code>timeline-order</code>](https://example.com/rules/timeline-order.md))')
    expect(body).toContain('Entry at <code>00:30</code> follows <code>23:40</code>')
    expect(body).toContain('<br>Suggestion: Say what the deploy pipeline allowed.')
    // Findings are listed in document order within a file.
    expect(body.indexOf('#L12)')).toBeLessThan(body.indexOf('#L30-L31)'))
    expect(body.indexOf('#L30-L31)')).toBeLessThan(body.indexOf('#L40)'))
    expect(body).toContain('1 file skipped')
    // Every <details> is closed.
    expect(body.match(/<details/g)?.length).toBe(body.match(/<\/details>/g)?.length)
  })

  it('says per file what each category that falls short lacks, with or without findings', () => {
    const rubric = {
      timeline: {
        score: 40,
        met: [{ id: 'timeline-present', text: 'a timeline of timed events', points: 35, earned: 35 }],
        missed: [
          { id: 'timeline-zone', text: 'no time zone', points: 15, earned: 0 },
          { id: 'timeline-detection', text: 'no detection milestone', points: 10, earned: 0 },
        ],
        deductions: [],
      },
      'action-items': {
        score: 85,
        met: [],
        missed: [{ id: 'actions-owned', text: 'actions without an owner', points: 20, earned: 10, detail: '1 of 2' }],
        deductions: [{ ruleId: 'action-specificity', messageId: 'unparsed-due', count: 1, points: 5 }],
      },
    }
    const results = [
      result('docs/postmortems/a.md', [message()], { rubric, categories: { timeline: 40, 'action-items': 85 }, score: 80 }),
      result('docs/postmortems/quiet.md', [], { rubric: { timeline: rubric.timeline }, categories: { timeline: 40 }, score: 90 }),
      result('docs/postmortems/README.md', [], { skipped: 'a readme page', score: null, categories: {}, rubric: {} }),
    ]
    const body = renderReport(files(results), context(results))
    expect(body).toContain('- 🔴 **Timeline 40**: no time zone; no detection milestone')
    expect(body).toContain('- 🟡 **Action items 85**: actions without an owner (1 of 2); −5 for 1 finding of action-specificity')
    expect(body.indexOf('**What the score lacks**')).toBeLessThan(body.indexOf('**Findings**'))
    // A file without findings still says what its score lacks, in a collapsed block.
    expect(body).toMatch(/<details><summary>🟢 <code>docs\/postmortems\/quiet.md<\/code>: no findings, score 90\/100<\/summary>\n\n\*\*What the score lacks\*\*\n\n- 🔴 \*\*Timeline 40\*\*: no time zone; no detection milestone\n\n<\/details>/)
    // The skipped file has no row and no score.
    expect(tableRows(body).some((row) => row.includes('README.md'))).toBe(false)
    expect(body).toContain('- <code>docs/postmortems/README.md</code>: a readme page')
    expect(body.match(/<details/g)?.length).toBe(body.match(/<\/details>/g)?.length)
  })

  it('escapes what the explanation quotes from the document', () => {
    const rubric = { timeline: { score: 90, met: [], missed: [{ id: 'timeline-zone', text: 'mixes time zones', points: 15, earned: 7.5, detail: '@oncall #12 <img src=x> | UTC' }], deductions: [] } }
    const results = [result('a.md', [], { rubric, score: 95 })]
    const body = renderReport(files(results), context(results))
    expect(body).toContain('mixes time zones (@\u200doncall &#35;\u200d12 &#60;img src=x&#62; &#124; UTC)')
  })

  it('passes with warnings when fail-on is error and says why it fails on min-score', () => {
    const results = [result('a.md', [message({ severity: 1 })])]
    expect(renderReport(files(results), context(results))).toContain('### ⚠️ postmortem-lint: passed with 1 warning in 1 file')
    const strict = context(results, { verdict: { failed: true, reasons: ['the lowest score, 98, is below the minimum of 99'] } })
    expect(renderReport(files(results), strict)).toContain('**Failed:** the lowest score, 98, is below the minimum of 99.')
  })

  it('shows unreadable files in the table', () => {
    const results = [result('a.md', [], { fatal: 'EACCES: permission denied', errorCount: 1, score: 0, categories: {} })]
    const body = renderReport(files(results), context(results))
    expect(tableRows(body)[1]).toContain('🔴 could not be read: EACCES: permission denied')
  })

  it('neutralises mentions, issue references, HTML and Markdown quoted from documents', () => {
    const quoted =
      '`@alice | <img src=x onerror=alert(1)>` pushed [a link](https://evil.example) </details> *bold* fixes #123 cc @acme/sre ![x](y) $x^2$'
    const results = [
      result('docs/postmortems/<script>|@bob.md', [
        message({ message: `${quoted} blames a person`, suggestion: 'Ask @carol </summary><b>now</b> | |' }),
      ]),
    ]
    const body = renderReport(files(results), context(results))
    for (const handle of ['alice', 'acme/sre', 'carol', 'bob']) {
      expect(body).not.toMatch(new RegExp(`@${handle}`))
      expect(body).toContain(`@\u200d${handle}`)
    }
    expect(body).not.toMatch(/#123/)
    expect(body).toContain('&#35;\u200d123')
    expect(body).not.toContain('<img')
    expect(body).not.toContain('<script>')
    expect(body).not.toContain('<b>')
    expect(body).not.toContain('[a link](')
    expect(body).not.toContain('*bold*')
    expect(body).not.toContain('$x')
    // Exactly the <details>/<summary> we wrote, balanced.
    expect(body.match(/<\/details>/g)).toHaveLength(1)
    expect(body.match(/<\/summary>/g)).toHaveLength(1)
    // The table row keeps its 8 cells despite the pipes in the path.
    const rows = tableRows(body)
    expect(cells(rows[1] ?? '')).toHaveLength(8)
    // The path in the blob link is percent-encoded.
    expect(body).toContain('docs/postmortems/%3Cscript%3E%7C%40bob.md?plain=1')
  })

  it('does not link to docs that are not http(s) URLs', () => {
    const results = [result('a.md', [message({ docsUrl: 'javascript:alert(1)' })])]
    const body = renderReport(files(results), context(results))
    expect(body).not.toContain('javascript:')
    expect(body).toContain('(<code>blameless-language</code>)')
  })
})

describe('renderWithin', () => {
  it('trims a huge pull request under 65,536 characters, keeping errors before warnings, with a note', () => {
    const results = Array.from({ length: 120 }, (_, index) =>
      result(
        `docs/postmortems/2024/incident-${String(index).padStart(3, '0')}-with-a-long-descriptive-name.md`,
        Array.from({ length: 40 }, (_, line) =>
          message({
            line: line + 1,
            endLine: line + 1,
            severity: line % 4 === 0 ? 2 : 1,
            message: `Finding ${line}: ${'the deploy was rolled out without a canary and nobody noticed the error rate climbing '.repeat(2)}`,
          }),
        ),
      ),
    )
    const full = renderReport(files(results), context(results))
    expect(full.length).toBeGreaterThan(commentLimit)
    const body = renderWithin(files(results), context(results), commentLimit)
    expect(body.length).toBeLessThanOrEqual(commentLimit)
    expect(body.startsWith(marker)).toBe(true)
    expect(body).toMatch(/_\d+ findings not listed: the comment would exceed GitHub's size limit/)
    expect(body.match(/<details/g)?.length).toBe(body.match(/<\/details>/g)?.length)
    // Every file keeps its row in the table (120 rows + header).
    expect(tableRows(body)).toHaveLength(121)
    // Errors come first when findings are cut: 1,200 errors cannot all fit, so no warning is listed.
    expect(body).toContain('🔴 **error**')
    expect(body).not.toContain('🟡 warning')
    expect(body).toMatch(/…and \d+ more findings/)
  })

  it('drops table rows too when even the table is too long', () => {
    const results = Array.from({ length: 900 }, (_, index) => result(`docs/postmortems/${'x'.repeat(80)}-${index}.md`, [message()]))
    const body = renderWithin(files(results), context(results), commentLimit)
    expect(body.length).toBeLessThanOrEqual(commentLimit)
    expect(body).toMatch(/_\d+ more files not shown/)
  })

  it('leaves a report that fits untouched', () => {
    const results = [result('a.md', [message()])]
    expect(renderWithin(files(results), context(results), commentLimit)).toBe(renderReport(files(results), context(results)))
  })
})
