/**
 * The README's `report` documentation: the scheduled workflow it shows passes actionlint and uses
 * only inputs and outputs action.yml declares; the screenshot it shows is in the repository.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { lintWorkflow } from './helpers/actionlint.js'
import { repoRoot } from './helpers/cli.js'

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')
const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> }

interface Step {
  id?: string
  uses?: string
  with?: Record<string, unknown>
}

describe('README: the report', () => {
  const source = /```yaml\n(# \.github\/workflows\/postmortems-report\.yml\n[\s\S]*?)```/.exec(readme)?.[1]

  it('shows a scheduled workflow that passes actionlint', async () => {
    expect(source, 'README has the postmortems-report.yml workflow').toBeTruthy()
    expect(await lintWorkflow(source!, '.github/workflows/postmortems-report.yml')).toEqual([])
  })

  it('the workflow runs on schedule and workflow_dispatch, with issues: write, and uses declared inputs and outputs only', () => {
    const workflow = parse(source!) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> }
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch'])
    expect(workflow.permissions).toMatchObject({ contents: 'read', issues: 'write' })
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)
    const ours = steps.find((step) => step.uses?.startsWith('postmortem-lint/postmortem-lint@'))!
    for (const input of Object.keys(ours.with ?? {})) expect(Object.keys(action.inputs)).toContain(input)
    const outputs = [...source!.matchAll(/steps\.report\.outputs\.([\w-]+)/g)].map((match) => match[1]!)
    expect(outputs.length).toBeGreaterThan(0)
    for (const output of outputs) expect(Object.keys(action.outputs)).toContain(output)
  })

  it('shows the screenshot the script writes, and documents the options the command has', () => {
    expect(readme).toContain('](docs/report.png)')
    expect(existsSync(join(repoRoot, 'docs/report.png'))).toBe(true)
    expect(existsSync(join(repoRoot, 'scripts/report-screenshot.mjs'))).toBe(true)
    for (const option of ['-f json', '--as-of', '-o']) expect(readme.slice(readme.indexOf('### Report: follow-through'))).toContain(option)
  })
})
