#!/usr/bin/env node
// Fail when the committed bundle (dist/index.js) differs from a fresh build of the sources.
// Build the workspace first (npm run build): the bundle is made from the core's and CLI's dist/.
// Usage: node packages/action/scripts/check-dist.mjs
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rollup } from 'rollup'
import { createConfig } from '../rollup.config.mjs'

const committedPath = new URL('../dist/index.js', import.meta.url)
const directory = await mkdtemp(join(tmpdir(), 'pml-action-dist-'))
try {
  const file = join(directory, 'index.js')
  const { output, ...input } = createConfig(file)
  const bundle = await rollup({ ...input, onwarn: () => undefined })
  await bundle.write(output)
  await bundle.close()
  const [fresh, committed] = await Promise.all([readFile(file, 'utf8'), readFile(committedPath, 'utf8').catch(() => null)])
  if (committed === null) {
    console.error('packages/action/dist/index.js is missing: run `npm run build:action` and commit it.')
    process.exitCode = 1
  } else if (fresh !== committed) {
    const freshLines = fresh.split('\n')
    const committedLines = committed.split('\n')
    const line = freshLines.findIndex((text, index) => text !== committedLines[index])
    console.error(
      `packages/action/dist/index.js is stale: a rebuild differs from line ${line + 1} ` +
        `(${committed.length} committed vs ${fresh.length} rebuilt characters). Run \`npm run build && npm run build:action\` and commit the result.`,
    )
    process.exitCode = 1
  } else {
    console.log('packages/action/dist/index.js matches a fresh build.')
  }
} finally {
  await rm(directory, { recursive: true, force: true })
}
