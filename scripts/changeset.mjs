#!/usr/bin/env node
// `changeset`, on every Node this repository supports. @changesets/cli 3 declares Node 22.11+,
// but the only part that needs it is its bin's module.enableCompileCache() (Node 22.1+, a start-up
// cache): on Node 20 that call throws before anything runs. The CLI itself runs on Node 20 (the
// release workflow uses Node 24 regardless), so skip the bin there and load the CLI directly.
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)
const entry = require.resolve('@changesets/cli/bin.js').replace(/bin\.js$/, 'dist/index.mjs')
await import(pathToFileURL(entry).href)
