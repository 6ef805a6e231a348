import { existsSync } from 'node:fs'
import { chmod, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { makeProject, readsIgnorePermissions, removeProjects, repoRoot, runCli } from './helpers/cli.js'
import { requiredSectionsOnly } from './helpers/config.js'
import { completeP4, incompleteP2, noSeverity, readme } from './helpers/postmortems.js'

afterAll(removeProjects)

const CONFIG = 'postmortem-lint.config.json'

interface JsonResult {
  filePath: string
  messages: { ruleId: string; severity: 1 | 2; message: string; line: number; column: number; endLine: number; endColumn: number; docsUrl: string }[]
  errorCount: number
  warningCount: number
  score: number
  categories: Record<string, number>
  skipped?: string
  fatal?: string
}

function parseJson(stdout: string): JsonResult[] {
  return JSON.parse(stdout) as JsonResult[]
}

/** Result paths relative to the project, sorted. */
function paths(root: string, results: JsonResult[]): string[] {
  return results.map((result) => (result.filePath.startsWith(root) ? result.filePath.slice(root.length + 1) : result.filePath)).sort()
}

describe('postmortem-lint: basics', () => {
  it('--version prints the package version', async () => {
    const root = await makeProject({})
    const { version } = (await import('../packages/cli/package.json', { with: { type: 'json' } })).default
    const run = runCli(['--version'], { cwd: root })
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
  })

  it('--help shows the usage, every format and examples', async () => {
    const run = runCli(['--help'], { cwd: await makeProject({}) })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Usage: postmortem-lint [options] <file|dir|glob|->...')
    for (const text of ['stylish', 'json', 'sarif', 'github', 'markdown', 'compact', 'Examples:', '--min-score', 'new "<title>"']) expect(run.stdout).toContain(text)
    expect(run.stderr).toBe('')
  })

  it('rejects an unknown option with the usage line and exit 2', async () => {
    const run = runCli(['--frobnicate', 'docs'], { cwd: await makeProject({}) })
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain("Unknown option '--frobnicate'.")
    expect(run.stderr).toContain('Usage: postmortem-lint')
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  it('lints the current directory when given no path', async () => {
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly(), 'docs/a.md': completeP4 })
    const run = runCli(['-f', 'json'], { cwd: root })
    expect(run.code).toBe(0)
    expect(paths(root, parseJson(run.stdout))).toEqual(['docs/a.md'])
  })
})

describe('postmortem-lint: finding files', () => {
  it('searches nested directories, honouring .gitignore, .postmortemlintignore, node_modules and dot folders', async () => {
    const root = await makeProject({
      [CONFIG]: requiredSectionsOnly(),
      '.gitignore': 'build/\n',
      'docs/.postmortemlintignore': 'drafts/\n!drafts/ready.md\n',
      'docs/2025/q1/a.md': completeP4,
      'docs/2025/b.markdown': completeP4,
      'docs/drafts/wip.md': completeP4,
      // git cannot re-include a file inside an excluded directory, and neither do we.
      'docs/drafts/ready.md': completeP4,
      'docs/notes.txt': completeP4,
      'build/copy.md': completeP4,
      'node_modules/pkg/README.md': completeP4,
      '.github/ISSUE_TEMPLATE/bug.md': completeP4,
    })
    const run = runCli(['-f', 'json', '.'], { cwd: root })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(paths(root, parseJson(run.stdout))).toEqual(['docs/2025/b.markdown', 'docs/2025/q1/a.md'])
  })

  it('applies the config include and ignore globs relative to the config file', async () => {
    const root = await makeProject({
      [CONFIG]: requiredSectionsOnly({ include: ['postmortems/**/*.md'], ignore: ['**/template.md'] }),
      'postmortems/a.md': completeP4,
      'postmortems/template.md': completeP4,
      'guides/how-to.md': completeP4,
    })
    const run = runCli(['-f', 'json', '.'], { cwd: root })
    expect(paths(root, parseJson(run.stdout))).toEqual(['postmortems/a.md'])
  })

  it('expands quoted globs', async () => {
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly(), 'docs/a.md': completeP4, 'docs/sub/b.md': completeP4, 'other/c.md': completeP4 })
    const run = runCli(['-f', 'json', 'docs/**/*.md'], { cwd: root })
    expect(run.code).toBe(0)
    expect(paths(root, parseJson(run.stdout))).toEqual(['docs/a.md', 'docs/sub/b.md'])
  })

  it('fails with exit 2 on a missing path, like ESLint', async () => {
    const root = await makeProject({ 'a.md': completeP4 })
    const run = runCli(['a.md', 'does-not-exist.md'], { cwd: root })
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain("No files matching 'does-not-exist.md' were found")
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  it('fails with exit 2 on a glob that matches nothing, unless told not to', async () => {
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly(), 'a.md': completeP4 })
    expect(runCli(['docs/**/*.md'], { cwd: root }).code).toBe(2)
    const run = runCli(['--no-error-on-unmatched-pattern', '-f', 'json', 'docs/**/*.md', 'a.md'], { cwd: root })
    expect(run.code).toBe(0)
    expect(paths(root, parseJson(run.stdout))).toEqual(['a.md'])
  })

  it('reports a named file that an ignore file covers as skipped, with the reason', async () => {
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly(), '.gitignore': 'private/\n', 'private/a.md': incompleteP2 })
    const run = runCli(['private/a.md'], { cwd: root })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('private/a.md  skipped — ignored by .gitignore ("private/")')
  })
})

describe('postmortem-lint: standard input', () => {
  it('lints standard input given as "-"', async () => {
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly() })
    const run = runCli(['-', '-f', 'json'], { cwd: root, input: incompleteP2 })
    expect(run.code).toBe(1)
    const [result] = parseJson(run.stdout)
    expect(result!.filePath).toBe('<stdin>')
    expect(result!.errorCount).toBeGreaterThan(0)
  })

  it('uses --stdin-filename for the reported path and the config search', async () => {
    const root = await makeProject({
      [CONFIG]: requiredSectionsOnly(),
      'relaxed/postmortem-lint.config.json': requiredSectionsOnly({ rules: { 'required-sections': 'warn' } }),
    })
    const run = runCli(['--stdin', '--stdin-filename', 'relaxed/draft.md', '-f', 'compact'], { cwd: root, input: incompleteP2 })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^relaxed\/draft\.md:\d+:\d+: warning .* \[required-sections\]$/m)
  })

  it('decodes standard input like a file: UTF-16 with a byte-order mark, and strictly', async () => {
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly() })
    const utf8 = parseJson(runCli(['-', '-f', 'json'], { cwd: root, input: incompleteP2 }).stdout)[0]!
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(incompleteP2, 'utf16le')])
    expect(parseJson(runCli(['-', '-f', 'json'], { cwd: root, input: utf16 }).stdout)[0]).toEqual(utf8)
    const odd = runCli(['-', '-f', 'json'], { cwd: root, input: new Uint8Array([0xff, 0xfe, 0x41]) })
    expect(odd.code).toBe(2)
    expect(parseJson(odd.stdout)[0]!.fatal).toMatch(/not valid UTF-16LE/)
  })

  it('reports binary standard input as unreadable', async () => {
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly() })
    const run = runCli(['-', '-f', 'json'], { cwd: root, input: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]) })
    expect(run.code).toBe(2)
    expect(parseJson(run.stdout)[0]!.fatal).toMatch(/binary/)
  })
})

describe('postmortem-lint: skipping, unreadable files and config errors', () => {
  it('skips files that are clearly not postmortems, with the reason; --no-detect lints them', async () => {
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly(), 'README.md': readme, 'a.md': completeP4 })
    const run = runCli(['-f', 'json', '.'], { cwd: root })
    expect(run.code).toBe(0)
    const skipped = parseJson(run.stdout).find((result) => result.filePath.endsWith('README.md'))
    expect(skipped!.skipped).toMatch(/not a postmortem/)
    expect(skipped!.messages).toEqual([])

    const stylish = runCli(['.'], { cwd: root })
    expect(stylish.stdout).toMatch(/README\.md {2}skipped — .*not a postmortem/)

    const all = runCli(['--no-detect', '-f', 'json', '.'], { cwd: root })
    expect(all.code).toBe(1)
    const linted = parseJson(all.stdout).find((result) => result.filePath.endsWith('README.md'))
    expect(linted!.skipped).toBeUndefined()
    expect(linted!.errorCount).toBeGreaterThan(0)
  })

  it('reports a binary file per file (exit 1 among others, exit 2 when nothing could be linted)', async () => {
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly(), 'a.md': completeP4, 'image.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) })
    const run = runCli(['-f', 'json', '.'], { cwd: root })
    expect(run.code).toBe(1)
    const results = parseJson(run.stdout)
    expect(results.find((result) => result.filePath.endsWith('image.md'))).toMatchObject({ fatal: expect.stringMatching(/binary/), errorCount: 1 })
    expect(results.find((result) => result.filePath.endsWith('a.md'))).toMatchObject({ errorCount: 0, score: 100 })

    const alone = runCli(['image.md'], { cwd: root })
    expect(alone.code).toBe(2)
    expect(alone.stdout).toContain('Could not lint this file: binary file')
  })

  it('reports an unreadable file per file', async () => {
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly(), 'a.md': completeP4, 'secret.md': completeP4 })
    await chmod(join(root, 'secret.md'), 0o000)
    const run = runCli(['-f', 'json', '.'], { cwd: root })
    await chmod(join(root, 'secret.md'), 0o644)
    // As root (CI), permission bits do not stop reads: the file is simply linted.
    if (readsIgnorePermissions) {
      expect(run.code).toBe(0)
      return
    }
    expect(run.code).toBe(1)
    expect(parseJson(run.stdout).find((result) => result.filePath.endsWith('secret.md'))).toMatchObject({ fatal: 'permission denied' })
  })

  it('fails with exit 2 and the file name on a broken JSON config, without a stack trace', async () => {
    const root = await makeProject({ [CONFIG]: '{ "rules": { "required-sections": "warn", }', 'a.md': completeP4 })
    const run = runCli(['a.md'], { cwd: root })
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/^postmortem-lint: Invalid configuration in postmortem-lint\.config\.json: invalid JSON/)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  it('fails with exit 2 naming the key on a config with an unknown rule', async () => {
    const root = await makeProject({ [CONFIG]: JSON.stringify({ rules: { 'no-such-rule': 'error' } }), 'a.md': completeP4 })
    const run = runCli(['a.md'], { cwd: root })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Invalid configuration in postmortem-lint.config.json, at "rules.no-such-rule": unknown rule')
  })

  it('shows the stack trace of an error with --debug only', async () => {
    const root = await makeProject({ [CONFIG]: '{', 'a.md': completeP4 })
    const run = runCli(['--debug', 'a.md'], { cwd: root })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/\n\s+at /)
  })

  it('-c uses the given config file and fails with exit 2 when it is missing', async () => {
    const root = await makeProject({ 'configs/strict.json': requiredSectionsOnly(), 'a.md': incompleteP2 })
    const run = runCli(['-c', 'configs/strict.json', '-f', 'json', 'a.md'], { cwd: root })
    expect(run.code).toBe(1)
    expect(new Set(parseJson(run.stdout)[0]!.messages.map((message) => message.ruleId))).toEqual(new Set(['required-sections']))
    const missing = runCli(['-c', 'configs/nope.json', 'a.md'], { cwd: root })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('configs/nope.json')
  })
})

describe('postmortem-lint: rules and thresholds', () => {
  it('exits 1 on lint errors and 0 without', async () => {
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly(), 'good.md': completeP4, 'bad.md': incompleteP2 })
    expect(runCli(['good.md'], { cwd: root }).code).toBe(0)
    expect(runCli(['bad.md'], { cwd: root }).code).toBe(1)
  })

  it('--rule sets a severity, or a severity with options in JSON', async () => {
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly(), 'a.md': noSeverity })
    const base = parseJson(runCli(['-f', 'json', 'a.md'], { cwd: root }).stdout)[0]!
    expect(base.errorCount).toBeGreaterThan(1)

    const warn = runCli(['--rule', 'required-sections: warn', '-f', 'json', 'a.md'], { cwd: root })
    expect(warn.code).toBe(0)
    expect(parseJson(warn.stdout)[0]).toMatchObject({ errorCount: 0, warningCount: base.errorCount })

    const p4 = runCli(['--rule', 'required-sections: ["error", {"assumeSeverity": "P4"}]', '-f', 'json', 'a.md'], { cwd: root })
    expect(parseJson(p4.stdout)[0]!.errorCount).toBeLessThan(base.errorCount)

    const bad = runCli(['--rule', 'required-sections: loud', 'a.md'], { cwd: root })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("Invalid --rule setting for 'required-sections'")
    const unknown = runCli(['--rule', 'no-such-rule: warn', 'a.md'], { cwd: root })
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain("'no-such-rule': unknown rule")
  })

  it('--quiet reports errors only, in the output and the counts', async () => {
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly(), 'a.md': noSeverity })
    const run = runCli(['--quiet', '--rule', 'required-sections: warn', '-f', 'json', 'a.md'], { cwd: root })
    expect(run.code).toBe(0)
    expect(parseJson(run.stdout)[0]).toMatchObject({ messages: [], warningCount: 0, errorCount: 0 })
  })

  it('--max-warnings fails when there are more warnings than allowed', async () => {
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly({ rules: { 'required-sections': 'warn' } }), 'a.md': noSeverity })
    const ok = runCli(['--max-warnings', '10', 'a.md'], { cwd: root })
    expect(ok.code).toBe(0)
    const over = runCli(['--max-warnings', '0', 'a.md'], { cwd: root })
    expect(over.code).toBe(1)
    expect(over.stderr).toContain('too many warnings')
    expect(runCli(['--max-warnings', '-1', 'a.md'], { cwd: root }).code).toBe(0)
  })

  it('--min-score fails when any linted file scores below the minimum', async () => {
    const root = await makeProject({
      [CONFIG]: requiredSectionsOnly({ rules: { 'required-sections': 'warn' } }),
      'good.md': completeP4,
      'weak.md': noSeverity,
      'README.md': readme,
    })
    const weak = parseJson(runCli(['-f', 'json', 'weak.md'], { cwd: root }).stdout)[0]!
    expect(weak.score).toBeLessThan(100)
    expect(runCli(['--min-score', String(weak.score), '.'], { cwd: root }).code).toBe(0)
    const below = runCli(['--min-score', String(weak.score + 1), '.'], { cwd: root })
    expect(below.code).toBe(1)
    expect(below.stderr).toContain(`1 file scores below the minimum of ${weak.score + 1} (--min-score): weak.md (${weak.score})`)
    expect(runCli(['--min-score', '100', 'good.md', 'README.md'], { cwd: root }).code).toBe(0)
  })

  it('never draws progress when stderr is not a terminal', async () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`docs/${index}.md`, completeP4]))
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly(), ...files })
    const run = runCli(['docs'], { cwd: root })
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
  })
})

describe('postmortem-lint: --print-config and --init', () => {
  it('--print-config prints the resolved config of a file as JSON', async () => {
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly({ ignore: ['drafts/**'], weights: { timeline: 2 } }) })
    const run = runCli(['--print-config', 'docs/a.md', '--rule', 'required-sections: ["warn", {"assumeSeverity": "P2"}]'], { cwd: root })
    expect(run.code).toBe(0)
    const printed = JSON.parse(run.stdout) as Record<string, unknown>
    expect(printed.configFile).toBe(join(root, CONFIG))
    expect(Object.keys(printed.rules as object)).toEqual(['required-sections'])
    expect((printed.rules as Record<string, unknown[]>)['required-sections']).toEqual(['warn', expect.objectContaining({ assumeSeverity: 'P2' })])
    expect(printed).toMatchObject({ include: [], ignore: ['drafts/**'], weights: expect.objectContaining({ timeline: 2 }) })
  })

  it('--rule with a severity alone keeps the options the config gave the rule', async () => {
    const root = await makeProject({ [CONFIG]: requiredSectionsOnly({ rules: { 'required-sections': ['error', { assumeSeverity: 'P4' }] } }) })
    for (const setting of ['warn', '["warn"]']) {
      const run = runCli(['--print-config', 'a.md', '--rule', `required-sections: ${setting}`], { cwd: root })
      expect(run.code).toBe(0)
      const printed = JSON.parse(run.stdout) as { rules: Record<string, unknown[]> }
      expect(printed.rules['required-sections']).toEqual(['warn', expect.objectContaining({ assumeSeverity: 'P4' })])
    }
    const on = JSON.parse(runCli(['--print-config', 'a.md', '--rule', 'blameless-language: warn'], { cwd: root }).stdout) as { rules: object }
    expect(Object.keys(on.rules)).toEqual(['blameless-language', 'required-sections'])
  })

  it('--init writes postmortem-lint.config.json once and never overwrites it', async () => {
    const root = await makeProject({})
    const first = runCli(['--init'], { cwd: root })
    expect(first.code).toBe(0)
    const { readFile } = await import('node:fs/promises')
    const written = await readFile(join(root, CONFIG), 'utf8')
    const { configSchemaUrl } = await import('@postmortem-lint/core')
    expect(JSON.parse(written)).toEqual({ $schema: configSchemaUrl(), extends: 'recommended', rules: {} })
    // The schema $schema names is the one the core publishes (schema/ in its package).
    expect(configSchemaUrl()).toMatch(/\/@postmortem-lint\/core@\d+\.\d+\.\d+[^/]*\/schema\/config\.schema\.json$/)
    expect(existsSync(join(repoRoot, 'packages/core', configSchemaUrl().replace(/^.*\/@postmortem-lint\/core@[^/]+\//, '')))).toBe(true)
    expect(await readdir(root)).toEqual([CONFIG])

    const second = runCli(['--init'], { cwd: root })
    expect(second.code).toBe(2)
    expect(second.stderr).toContain('already exists')
    expect(await readFile(join(root, CONFIG), 'utf8')).toBe(written)
  })

  it('--init refuses when another config file is there', async () => {
    const root = await makeProject({ '.postmortemlintrc.json': '{}' })
    const run = runCli(['--init'], { cwd: root })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('.postmortemlintrc.json')
  })
})
