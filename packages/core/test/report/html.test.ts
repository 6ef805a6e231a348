import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildReport, escapeHtml, fileHref, lintForReport, renderReportHtml } from '@postmortem-lint/core'

const fixtureDir = fileURLToPath(new URL('../../../../fixtures/report/', import.meta.url))
const entries = readdirSync(fixtureDir).map((file) => lintForReport(readFileSync(join(fixtureDir, file), 'utf8'), { filePath: `pm/${file}`, detect: true }))
const html = renderReportHtml(buildReport(entries, { asOf: '2025-06-30' }), { linkBase: '../' })

describe('HTML report', () => {
  it('escapes every character that could open markup or leave an attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;')
    expect(escapeHtml(null)).toBe('')
  })

  it('links files by relative path, percent-encoded, so no path becomes a URL scheme', () => {
    expect(fileHref('javascript:alert(1).md')).toBe('./javascript%3Aalert(1).md')
    expect(fileHref('docs/a b#c.md', '../')).toBe('../docs/a%20b%23c.md')
    expect(html).toContain('href="../pm/2025-01-14-api-gateway-certificate.md"')
  })

  it('is one page with every section and no reference to anything outside it', () => {
    for (const id of ['postmortems', 'actions', 'reviews', 'recurring', 'findings']) expect(html).toContain(`<section id="${id}"`)
    expect(html).not.toMatch(/\b(?:src|srcset)=|<link\b|@import|url\(/)
    expect(html).not.toMatch(/https?:\/\//)
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[^&]+&#39;; script-src &#39;sha256-/)
    expect(html).toContain('@media (prefers-color-scheme:dark)')
    expect(html).toContain('@media print')
  })

  it('sortable headers are buttons, one with aria-sort to start with', () => {
    const table = html.slice(html.indexOf('<section id="postmortems"'), html.indexOf('<section id="actions"'))
    expect(table.match(/<th scope="col"[^>]*><button type="button" data-column="\d+"/g)?.length).toBe(12)
    expect(table.match(/aria-sort=/g)).toEqual(['aria-sort='])
  })

  it('lists the overdue items and reviews, and the items without an owner or a date apart', () => {
    const actions = html.slice(html.indexOf('<section id="actions"'), html.indexOf('<section id="reviews"'))
    const overdue = actions.slice(actions.indexOf('<h3>Overdue</h3>'), actions.indexOf('<h3>No owner or no due date</h3>'))
    expect(overdue.match(/overdue \d+ days/g)).toEqual(['overdue 135 days', 'overdue 102 days', 'overdue 71 days', 'overdue 20 days'])
    const incomplete = actions.slice(actions.indexOf('<h3>No owner or no due date</h3>'), actions.indexOf('<h3>Open</h3>'))
    expect(incomplete).toContain('Inventory every client certificate with its expiry date')
    expect(incomplete).toContain('no owner')
    expect(html).toContain('Certificate expiry')
    expect(html).toContain('escalate to an architecture or SLO review')
  })

  it('renders an empty repository without failing', () => {
    const empty = renderReportHtml(buildReport([], { asOf: '2025-06-30' }))
    expect(empty).toContain('No postmortem was read.')
    expect(empty).toContain('No postmortem has both an incident date and a score.')
    expect(empty).toContain('No recurring cause found.')
  })
})
