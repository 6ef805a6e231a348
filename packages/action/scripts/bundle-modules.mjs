#!/usr/bin/env node
// Print, as JSON, the source files whose code ends up in the action bundle (tree-shaken modules
// with no rendered code left out), relative to the repository root. The supply-chain test checks
// that none belongs to a dev-only package or to the tests.
// Usage: node packages/action/scripts/bundle-modules.mjs (after npm run build)
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { rollup } from 'rollup'
import { createConfig } from '../rollup.config.mjs'

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const { output, ...input } = createConfig('/dev/null')
const bundle = await rollup({ ...input, onwarn: () => undefined })
const { output: chunks } = await bundle.generate(output)
await bundle.close()
const modules = new Set()
for (const chunk of chunks) {
  if (chunk.type !== 'chunk') continue
  for (const [id, info] of Object.entries(chunk.modules)) {
    // Virtual modules of the commonjs plugin start with a NUL; only files on disk count.
    if (info.renderedLength > 0 && !id.startsWith('\0')) modules.add(relative(repoRoot, id.split('?')[0]))
  }
}
process.stdout.write(`${JSON.stringify([...modules].sort(), null, 1)}\n`)
