// Renders a PR comment (GitHub-flavoured Markdown with inline HTML) to a PNG the way GitHub
// shows it, for the README. Usage: node test/helpers/render-comment.mjs comment.md out.png
// Needs Chromium (Debian's `chromium` package); the comment comes from a real run of
// test/action.e2e.test.ts (see the docs:comment-image script).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import rehypeRaw from 'rehype-raw'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'

const [input, output] = process.argv.slice(2)
if (!input || !output) {
  console.error('usage: render-comment.mjs comment.md out.png')
  process.exit(2)
}
const markdown = readFileSync(input, 'utf8')
const html = String(
  await unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeStringify).process(markdown),
)
const css = readFileSync(createRequire(import.meta.url).resolve('github-markdown-css/github-markdown-light.css'), 'utf8')
const page = `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; background: #fff; } .markdown-body { box-sizing: border-box; max-width: 980px; padding: 24px; border: 1px solid #d0d7de; border-radius: 6px; margin: 16px; }
</style></head><body><article class="markdown-body">${html}</article>
<script>document.querySelectorAll('details').forEach((d, i) => { if (i === 0) d.open = true })</script></body></html>`
const dir = mkdtempSync(join(tmpdir(), 'pml-render-'))
try {
  const file = join(dir, 'comment.html')
  writeFileSync(file, page)
  const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium'
  const run = spawnSync(
    chromium,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars', `--user-data-dir=${join(dir, 'profile')}`, '--window-size=1020,1400', `--screenshot=${resolve(output)}`, `file://${file}`],
    { encoding: 'utf8', timeout: 60_000 },
  )
  if (run.status !== 0) {
    console.error(run.stderr)
    process.exit(1)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
