import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = new URL('..', import.meta.url).pathname
const readme = readFileSync(join(root, 'README.md'), 'utf8')

describe('README', () => {
  it('the library API example runs against the built package', () => {
    const section = readme.slice(readme.indexOf('## Library API'))
    const code = /```js\n([\s\S]*?)```/.exec(section)?.[1]
    expect(code, 'README has a js example under "Library API"').toBeTruthy()
    // Inside the repository, so '@postmortem-lint/core' resolves through the workspace link.
    const dir = mkdtempSync(join(root, 'test', '.readme-'))
    try {
      const file = join(dir, 'example.mjs')
      writeFileSync(file, code!)
      const run = spawnSync(process.execPath, [file], { encoding: 'utf8' })
      expect(run.stderr).toBe('')
      expect(run.status).toBe(0)
      expect(run.stdout).toMatch(/blameless-language/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("the core package's README examples run against the built package", () => {
    const coreReadme = readFileSync(join(root, 'packages', 'core', 'README.md'), 'utf8')
    const blocks = [...coreReadme.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]!)
    expect(blocks.length).toBe(2)
    const dir = mkdtempSync(join(root, 'test', '.readme-'))
    try {
      const file = join(dir, 'example.mjs')
      // The second block continues the first (it reuses `markdown`).
      writeFileSync(file, `${blocks[0]}\n${blocks[1]!.replace(/^import .*\n/gm, '')}`.replace(/^/, `${blocks[1]!.match(/^import .*$/gm)!.join('\n')}\n`))
      const run = spawnSync(process.execPath, [file], { encoding: 'utf8' })
      expect(run.stderr).toBe('')
      expect(run.status).toBe(0)
      expect(run.stdout).toMatch(/blameless-language/)
      expect(run.stdout).toMatch(/postmortem-lint/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('the quick start is exactly the two commands', () => {
    const quickStart = /## Quick start\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1]
    expect(quickStart).toBe('npm ci && npx postmortem-lint fixtures/\nnpm test\n')
  })
})
