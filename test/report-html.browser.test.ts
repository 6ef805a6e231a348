/**
 * The HTML report opened from disk in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core): no console errors (a Content-Security-Policy violation is one), no request
 * leaves the page, the charts are there with text alternatives, and the table sorts by mouse and
 * by keyboard. Skipped, saying why, when Chromium is not installed (`apt-get install chromium`).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildReport, lintForReport, renderReportHtml } from '@postmortem-lint/core'
import { repoRoot } from './helpers/cli.js'

const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const haveChromium = existsSync(chromiumPath)
if (!haveChromium) console.warn(`report-html.browser.test: skipped, no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM)`)

// Raw HTML reaches the report through front matter and code spans: it must arrive as text.
const hostile = `---
title: "<img src=https://example.invalid/x.png onerror=alert(1)> Checkout failed"
date: 2025-02-01
severity: P2
status: Draft
---

# Checkout failed

## Root cause

A config change removed the checkout route: \`<script>fetch('https://example.invalid/steal')</script>\`.

## Action items

- Add a check for \`</td><img src=https://example.invalid/y.png>\` to the deploy pipeline — Owner: @ops & "<b>dev</b>", Due: 2025-02-10
`

let browser: Browser
let dir: string
let pageUrl: string

beforeAll(async () => {
  if (!haveChromium) return
  const fixtureDir = join(repoRoot, 'fixtures/report')
  const entries = readdirSync(fixtureDir)
    .filter((file) => file.endsWith('.md'))
    .map((file) => lintForReport(readFileSync(join(fixtureDir, file), 'utf8'), { filePath: `postmortems/${file}`, detect: true }))
  entries.push(lintForReport(hostile, { filePath: 'postmortems/hostile.md', detect: true }))
  const html = renderReportHtml(buildReport(entries, { asOf: '2025-06-30' }), { linkBase: '' })
  dir = await mkdtemp(join(tmpdir(), 'pml-report-html-'))
  const file = join(dir, 'report.html')
  await writeFile(file, html)
  pageUrl = pathToFileURL(file).href
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

async function open(colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1200, height: 900 } })
  const page = await context.newPage()
  const problems: string[] = []
  const requests: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('request', (request) => {
    if (request.url() !== pageUrl) requests.push(request.url())
  })
  await page.goto(pageUrl, { waitUntil: 'load' })
  return { page, problems, requests }
}

const columnTexts = (page: Page, column: number): Promise<string[]> =>
  page.$$eval(`#postmortems table[data-sortable] tbody tr`, (rows, index) => rows.map((row) => (row as unknown as { cells: { textContent: string | null }[] }).cells[index]!.textContent!.trim()), column)

describe.skipIf(!haveChromium)('HTML report in headless Chromium', () => {
  it('loads with no console error and no request leaving the page; hostile text stays text', async () => {
    const { page, problems, requests } = await open()
    expect(problems).toEqual([])
    expect(requests).toEqual([])
    expect(await page.locator('img, script[src], link[rel=stylesheet], iframe').count()).toBe(0)
    expect(await page.locator('script').count()).toBe(1)
    expect(await page.getByText('<img src=https://example.invalid/x.png onerror=alert(1)> Checkout failed').count()).toBeGreaterThan(0)
    expect(await page.getByText('Add a check for </td><img src=https://example.invalid/y.png> to the deploy pipeline').count()).toBe(1)
    await page.context().close()
  })

  it('has both charts, each with a title and a description', async () => {
    const { page } = await open()
    const charts = page.locator('svg[role=img]')
    expect(await charts.count()).toBe(2)
    for (const chart of await charts.all()) {
      expect((await chart.locator('title').first().textContent())!.length).toBeGreaterThan(5)
      expect((await chart.locator('desc').textContent())!).toMatch(/\d/)
    }
    // One dot per dated, scored postmortem (the four fixtures and the hostile one).
    expect(await page.locator('#chart-score circle').count()).toBe(5)
    expect(await page.locator('#chart-categories rect.barfill').count()).toBe(6)
    await page.context().close()
  })

  it('sorts the postmortems table by a column, with aria-sort, by mouse and by keyboard', async () => {
    const { page, problems } = await open()
    const scoreHeader = page.locator('#postmortems th:has(button:text-is("Score"))')
    const scoreColumn = 4
    await scoreHeader.locator('button').click()
    expect(await scoreHeader.getAttribute('aria-sort')).toBe('ascending')
    const ascending = (await columnTexts(page, scoreColumn)).map(Number)
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b))
    expect(new Set(ascending).size).toBeGreaterThan(1)
    // Only one header says how the table is sorted.
    expect(await page.locator('#postmortems th[aria-sort]').count()).toBe(1)
    await scoreHeader.locator('button').focus()
    await page.keyboard.press('Enter')
    expect(await scoreHeader.getAttribute('aria-sort')).toBe('descending')
    const descending = (await columnTexts(page, scoreColumn)).map(Number)
    expect(descending).toEqual([...ascending].reverse())
    expect(await page.locator('#sort-status').textContent()).toBe('Sorted by Score, descending.')
    // Text columns sort too.
    await page.locator('#postmortems th button:text-is("Incident date")').press('Space')
    const dates = await columnTexts(page, 1)
    expect(dates).toEqual([...dates].sort())
    expect(problems).toEqual([])
    await page.context().close()
  })

  it('unfolds the folded lists for printing, and folds them again after', async () => {
    const { page, problems } = await open()
    const closed = await page.locator('details:not([open])').count()
    expect(closed).toBeGreaterThan(0)
    await page.evaluate("dispatchEvent(new Event('beforeprint'))")
    expect(await page.locator('details:not([open])').count()).toBe(0)
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('#actions details table').first().isVisible()).toBe(true)
    await page.evaluate("dispatchEvent(new Event('afterprint'))")
    expect(await page.locator('details:not([open])').count()).toBe(closed)
    expect(problems).toEqual([])
    await page.context().close()
  })

  it('follows the colour scheme: dark and light backgrounds differ', async () => {
    const background = async (scheme: 'light' | 'dark') => {
      const { page } = await open(scheme)
      // A string: the test is compiled without the DOM types.
      const color = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor')
      await page.context().close()
      return color
    }
    expect(await background('light')).toBe('rgb(255, 255, 255)')
    expect(await background('dark')).not.toBe('rgb(255, 255, 255)')
  })
})
