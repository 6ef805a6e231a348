#!/usr/bin/env node
// The compiled CLI lives in dist/; this file stays tiny so it needs no build step.
import('../dist/main.js')
  .then((cli) => cli.main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code
  })
  .catch((error) => {
    process.stderr.write(`postmortem-lint: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 2
  })
