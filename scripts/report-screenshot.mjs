#!/usr/bin/env node
// Screenshot of `postmortem-lint report` for the README (docs/report.png): the report of the
// report fixtures (fixtures/report/) as of a fixed day, opened in headless Chromium (Debian's
// `chromium`; set CHROMIUM to use another) through playwright-core.
// Usage: npm run build && node scripts/report-screenshot.mjs [out.png]
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'

const root = fileURLToPath(new URL('..', import.meta.url))
const output = resolve(process.argv[2] ?? join(root, 'docs/report.png'))
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
if (!existsSync(executablePath)) {
  console.error(`No Chromium at ${executablePath}: apt-get install chromium, or set CHROMIUM.`)
  process.exit(2)
}
const dir = mkdtempSync(join(tmpdir(), 'pml-report-shot-'))
try {
  const page = join(dir, 'report.html')
  // The real command, as a user runs it, from the repository root so the paths read fixtures/report/...
  const run = spawnSync(process.execPath, [join(root, 'packages/cli/bin/postmortem-lint.js'), 'report', 'fixtures/report', '--as-of', '2025-06-30', '-o', page], { cwd: root, encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`postmortem-lint report failed (${run.status}): ${run.stderr}`)
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--hide-scrollbars'] })
  try {
    const context = await browser.newContext({ viewport: { width: 1240, height: 1500 }, deviceScaleFactor: 1, colorScheme: 'light' })
    const tab = await context.newPage()
    await tab.goto(pathToFileURL(page).href)
    // Show the table sorted by score, lowest first, as a reader triaging would.
    await tab.locator('#postmortems th button', { hasText: /^Score$/ }).click()
    await tab.screenshot({ path: output, clip: { x: 0, y: 0, width: 1240, height: 1500 } })
  } finally {
    await browser.close()
  }
  console.log(`Wrote ${output}`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
