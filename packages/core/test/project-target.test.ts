// reasonNotSearched answers, one file at a time, what a directory search (`postmortem-lint <root>`)
// decides for a whole tree: the language server relies on the two agreeing.
import { readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ConfigResolver, RuleOverrideError, toFilters } from '../src/project/config-resolver.js'
import { IgnoreFiles, findFiles, reasonNotSearched } from '../src/project/files.js'
import { makeProject, removeProjects } from '../../../test/helpers/cli.js'

afterAll(removeProjects)

const doc = '# Outage\n'

async function allFiles(directory: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) out.push(...(await allFiles(path)))
    else out.push(path)
  }
  return out
}

describe('reasonNotSearched', () => {
  it('agrees with a directory search on every file of a tree', async () => {
    const root = await makeProject({
      'postmortem-lint.config.json': JSON.stringify({ ignore: ['docs/templates/**'], include: ['docs/**', 'other/*.markdown'] }),
      '.gitignore': 'build/\n*.draft.md\n!keep.draft.md\n',
      'docs/a.md': doc,
      'docs/B.MD': doc,
      'docs/notes.txt': 'x',
      'docs/x.draft.md': doc,
      'docs/keep.draft.md': doc,
      'docs/templates/t.md': doc,
      'docs/.hidden/h.md': doc,
      'docs/.h.md': doc,
      'docs/node_modules/pkg/readme.md': doc,
      'docs/nested/.postmortemlintignore': 'secret.md\n',
      'docs/nested/secret.md': doc,
      'docs/nested/open.md': doc,
      'build/out.md': doc,
      'other/o.markdown': doc,
      'other/o.md': doc,
      'top.md': doc,
    })
    const configs = new ConfigResolver({ cwd: root })
    const found = await findFiles([root], { cwd: root, filtersFor: async (file) => toFilters(await configs.forFile(file)) })
    const ignoreFiles = new IgnoreFiles(root)
    const linted: string[] = []
    const reasons: Record<string, string> = {}
    for (const file of await allFiles(root)) {
      const reason = await reasonNotSearched(file, root, toFilters(await configs.forFile(file)), ignoreFiles)
      if (reason === null) linted.push(file)
      else reasons[relative(root, file)] = reason
    }
    expect(linted.sort()).toEqual([...found.files].sort())
    expect(found.files.map((file) => relative(root, file)).sort()).toEqual(['docs/B.MD', 'docs/a.md', 'docs/keep.draft.md', 'docs/nested/open.md', 'other/o.markdown'])
    expect(reasons['docs/x.draft.md']).toBe('ignored by .gitignore ("*.draft.md")')
    expect(reasons['docs/templates/t.md']).toMatch(/ignored by "ignore" in postmortem-lint.config.json/)
    expect(reasons['docs/.hidden/h.md']).toMatch(/in "\.hidden", which a directory search skips/)
    expect(reasons['docs/nested/secret.md']).toBe('ignored by docs/nested/.postmortemlintignore ("secret.md")')
    expect(reasons['other/o.md']).toBe('not selected by "include" in postmortem-lint.config.json')
    expect(reasons['docs/notes.txt']).toMatch(/not a Markdown file/)
  })

  it('treats a file outside the root as named from its own directory', async () => {
    const outside = await makeProject({ '.postmortemlintignore': 'gone.md\n', 'gone.md': doc, 'kept.md': doc })
    const root = await makeProject({ 'a.md': doc })
    const filters = { include: ['nothing/**'], ignore: [], baseDir: root, configFile: null }
    expect(await reasonNotSearched(join(outside, 'kept.md'), root, filters)).toBeNull()
    expect(await reasonNotSearched(join(outside, 'gone.md'), root, filters)).toMatch(/^ignored by .*\.postmortemlintignore \("gone.md"\)$/)
  })
})

describe('ConfigResolver', () => {
  it('finds the nearest config per directory and applies overrides', async () => {
    const root = await makeProject({
      'postmortem-lint.config.json': JSON.stringify({ rules: { 'timeline-order': 'off' } }),
      'sub/.postmortemlintrc.json': JSON.stringify({ rules: { 'timeline-order': 'error' } }),
    })
    const configs = new ConfigResolver({ cwd: root, ruleOverrides: { 'required-sections': 'off' } })
    const top = await configs.forFile(join(root, 'a.md'))
    const sub = await configs.forFile(join(root, 'sub/b.md'))
    const severity = (config: typeof top.config, id: string) => config.rules.find(({ rule }) => rule.id === id)?.severity
    expect(top.baseDir).toBe(root)
    expect(sub.baseDir).toBe(join(root, 'sub'))
    expect(severity(top.config, 'timeline-order')).toBeUndefined()
    expect(severity(sub.config, 'timeline-order')).toBe('error')
    expect(severity(sub.config, 'required-sections')).toBeUndefined()
  })

  it('reports a refused override as a RuleOverrideError', async () => {
    const root = await makeProject({ 'a.md': doc })
    const configs = new ConfigResolver({ cwd: root, ruleOverrides: { 'timeline-order': 'loud' as never } })
    await expect(configs.forFile(join(root, 'a.md'))).rejects.toBeInstanceOf(RuleOverrideError)
  })
})
