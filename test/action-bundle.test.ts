import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))

describe('the action bundle', () => {
  it('is what a rebuild of the sources produces (commit packages/action/dist after changing the core, CLI or action)', () => {
    const result = spawnSync(process.execPath, ['packages/action/scripts/check-dist.mjs'], { cwd: repoRoot, encoding: 'utf8', timeout: 170_000 })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  }, 180_000)

  it('is the entry point action.yml names, run on node24, with every input documented', () => {
    const action = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
      runs: { using: string; main: string }
      inputs: Record<string, { description: string; default?: string }>
      outputs: Record<string, { description: string }>
    }
    expect(action.runs).toEqual({ using: 'node24', main: 'packages/action/dist/index.js' })
    expect(Object.keys(action.inputs).sort()).toEqual(
      ['annotations', 'as-of', 'comment', 'config', 'fail-on', 'github-token', 'min-score', 'mode', 'paths', 'report-file', 'tracking-issue'].sort(),
    )
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(20)
    expect(action.inputs['github-token']?.default).toBe('${{ github.token }}')
    expect(Object.keys(action.outputs).sort()).toEqual(
      ['errors', 'files', 'mean-score', 'overdue-actions', 'overdue-reviews', 'report', 'report-html', 'report-json', 'score', 'warnings'].sort(),
    )
  })

  it('imports nothing but Node built-ins (the e2e tests run a copy outside the repository)', () => {
    const bundle = readFileSync(new URL('../packages/action/dist/index.js', import.meta.url), 'utf8')
    const imported = [...bundle.matchAll(/^import\s[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((match) => match[1] ?? '')
    expect(imported.length).toBeGreaterThan(0)
    const builtins = new Set(builtinModules)
    expect(imported.filter((name) => !name.startsWith('node:') && !builtins.has(name))).toEqual([])
  })
})
