#!/usr/bin/env node
// The command runs from the bundle (see rollup.config.mjs: it starts in half the time of the
// ~390 separate modules in dist/); this file stays tiny so it needs no build step.
import('../bundle/main.js')
  .then((cli) => cli.main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code
  })
  .catch((error) => {
    process.stderr.write(`postmortem-lint: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 2
  })
