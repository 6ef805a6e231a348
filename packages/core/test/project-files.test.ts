import { relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findFiles, ignoredReason, looksLikeGlob, withoutUnescapedTrailingSpace, type FileFilters } from '../src/project/files.js'
import { makeProject, removeProjects } from '../../../test/helpers/cli.js'

afterAll(removeProjects)

const doc = '# Outage\n'

function filters(root: string, overrides: Partial<FileFilters> = {}): () => Promise<FileFilters> {
  return async () => ({ include: [], ignore: [], baseDir: root, configFile: null, ...overrides })
}

async function find(root: string, patterns: string[], extra: Partial<FileFilters> = {}, errorOnUnmatchedPattern = true) {
  const found = await findFiles(patterns, { cwd: root, filtersFor: filters(root, extra), errorOnUnmatchedPattern })
  return {
    files: found.files.map((file) => relative(root, file).split('\\').join('/')),
    ignored: found.ignored.map(({ path, reason }) => [relative(root, path).split('\\').join('/'), reason]),
    unreadable: found.unreadable,
  }
}

describe('findFiles: directories', () => {
  it('finds *.md and *.markdown, sorted, skipping node_modules and dot files and folders', async () => {
    const root = await makeProject({
      'docs/b.md': doc,
      'docs/a.markdown': doc,
      'docs/A.MD': doc,
      'docs/notes.txt': 'x',
      'docs/nested/deep/c.md': doc,
      'docs/node_modules/pkg/readme.md': doc,
      'docs/.drafts/d.md': doc,
      'docs/.hidden.md': doc,
      'node_modules/x.md': doc,
    })
    expect((await find(root, ['.'])).files).toEqual(['docs/A.MD', 'docs/a.markdown', 'docs/b.md', 'docs/nested/deep/c.md'])
  })

  it('searches a dot folder that is named explicitly', async () => {
    const root = await makeProject({ '.github/postmortems/a.md': doc })
    expect((await find(root, ['.github'])).files).toEqual(['.github/postmortems/a.md'])
  })

  it('deduplicates files named twice', async () => {
    const root = await makeProject({ 'docs/a.md': doc })
    expect((await find(root, ['docs', 'docs/a.md', './docs/a.md'])).files).toEqual(['docs/a.md'])
  })

  it('follows symlinked files but not symlinked directories', async () => {
    const root = await makeProject({ 'real/a.md': doc, 'docs/link.md': { symlinkTo: '../real/a.md' }, 'docs/loop': { symlinkTo: '..' } })
    expect((await find(root, ['docs'])).files).toEqual(['docs/link.md'])
  })
})

describe('findFiles: ignore files', () => {
  it('honours .gitignore and .postmortemlintignore in the cwd and below, with git precedence', async () => {
    const root = await makeProject({
      '.gitignore': 'build/\n*.draft.md\n# a comment\n\n',
      '.postmortemlintignore': 'archive/**\n',
      'docs/.gitignore': '!keep.draft.md\nlocal.md\n',
      'docs/a.md': doc,
      'docs/x.draft.md': doc,
      'docs/keep.draft.md': doc,
      'docs/local.md': doc,
      'local.md': doc,
      'build/out.md': doc,
      'archive/2019/old.md': doc,
    })
    expect((await find(root, ['.'])).files).toEqual(['docs/a.md', 'docs/keep.draft.md', 'local.md'])
  })

  it('reads the ignore files of the directories between the cwd and a searched directory', async () => {
    const root = await makeProject({ 'a/.gitignore': 'skip.md\n', 'a/b/c/skip.md': doc, 'a/b/c/keep.md': doc })
    expect((await find(root, ['a/b/c'])).files).toEqual(['a/b/c/keep.md'])
  })

  it('does not search an ignored directory, even to re-include a file in it (as git)', async () => {
    const root = await makeProject({ '.gitignore': 'generated/\n!generated/keep.md\n', 'generated/keep.md': doc, 'other.md': doc })
    expect((await find(root, ['.'])).files).toEqual(['other.md'])
  })

  it('reports a named file that is ignored, with the reason, instead of linting it', async () => {
    const root = await makeProject({ 'docs/.postmortemlintignore': 'drafts/\n', 'docs/drafts/a.md': doc, 'docs/b.md': doc })
    const found = await find(root, ['docs/drafts/a.md', 'docs/b.md'])
    expect(found.files).toEqual(['docs/b.md'])
    expect(found.ignored).toEqual([['docs/drafts/a.md', 'ignored by docs/.postmortemlintignore ("drafts/")']])
  })

  it('fails when everything a directory holds is ignored', async () => {
    const root = await makeProject({ '.gitignore': '*.md\n', 'docs/a.md': doc })
    await expect(find(root, ['docs'])).rejects.toThrow("All files matched by 'docs' are ignored")
  })
})

describe('findFiles: config include and ignore', () => {
  it('keeps only included files in a directory search, relative to the config directory', async () => {
    const root = await makeProject({ 'docs/postmortems/a.md': doc, 'docs/guide.md': doc, 'README.md': doc })
    const found = await find(root, ['.'], { include: ['docs/postmortems/**'] })
    expect(found.files).toEqual(['docs/postmortems/a.md'])
  })

  it('lints a named file even when include does not select it', async () => {
    const root = await makeProject({ 'notes/a.md': doc, 'docs/b.md': doc })
    expect((await find(root, ['notes/a.md'], { include: ['docs/**'] })).files).toEqual(['notes/a.md'])
  })

  it('applies ignore globs to searched, globbed and named files', async () => {
    const root = await makeProject({ 'docs/a.md': doc, 'docs/template.md': doc, 'docs/sub/template.md': doc })
    const settings = { ignore: ['**/template.md'], configFile: `${root}/postmortem-lint.config.json` }
    expect((await find(root, ['docs'], settings)).files).toEqual(['docs/a.md'])
    expect((await find(root, ['docs/**/*.md'], settings)).files).toEqual(['docs/a.md'])
    const named = await find(root, ['docs/template.md'], settings)
    expect(named.ignored).toEqual([['docs/template.md', 'ignored by "ignore" in postmortem-lint.config.json ("**/template.md")']])
  })
})

describe('findFiles: globs and missing paths', () => {
  it('expands globs, leaving out node_modules, dot folders and ignored files', async () => {
    const root = await makeProject({
      '.gitignore': 'docs/private.md\n',
      'docs/a.md': doc,
      'docs/private.md': doc,
      'docs/sub/b.md': doc,
      'docs/.hidden/c.md': doc,
      'docs/node_modules/d.md': doc,
      'docs/e.txt': 'x',
    })
    expect((await find(root, ['docs/**/*.md'])).files).toEqual(['docs/a.md', 'docs/sub/b.md'])
    expect((await find(root, ['docs/*.txt'])).files).toEqual(['docs/e.txt'])
  })

  it('treats an existing path with glob characters as a path', async () => {
    const root = await makeProject({ 'docs/[2024] outage.md': doc })
    expect((await find(root, ['docs/[2024] outage.md'])).files).toEqual(['docs/[2024] outage.md'])
  })

  it('fails on a missing path or an empty glob, like ESLint', async () => {
    const root = await makeProject({ 'a.md': doc })
    await expect(find(root, ['nope.md'])).rejects.toThrow("No files matching 'nope.md' were found")
    await expect(find(root, ['docs/**/*.md'])).rejects.toThrow("No files matching 'docs/**/*.md' were found")
    await expect(find(root, ['a.md', 'missing/'])).rejects.toThrow("No files matching 'missing/'")
  })

  it('goes on without them when told to', async () => {
    const root = await makeProject({ 'a.md': doc })
    expect((await find(root, ['nope.md', 'a.md'], {}, false)).files).toEqual(['a.md'])
  })

  it('recognises glob syntax', () => {
    for (const pattern of ['*.md', 'docs/**', 'a?.md', '[ab].md', '{a,b}.md', 'x{1..3}.md', '@(a|b).md']) expect(looksLikeGlob(pattern), pattern).toBe(true)
    for (const pattern of ['docs/a.md', 'file(1).md', 'a{b}.md', '.']) expect(looksLikeGlob(pattern), pattern).toBe(false)
    // A nested "{" still counts its outer brace; a comma after the "}" does not.
    for (const pattern of ['a{b{c,d}.md', 'a{x}{1..2}.md']) expect(looksLikeGlob(pattern), pattern).toBe(true)
    for (const pattern of ['a{b},c.md', 'a{,b', 'a{b}..c}']) expect(looksLikeGlob(pattern), pattern).toBe(false)
  })

  it('keeps an escaped trailing space of an ignore pattern', () => {
    expect(withoutUnescapedTrailingSpace('tmp/  \t')).toBe('tmp/')
    expect(withoutUnescapedTrailingSpace('name\\   ')).toBe('name\\ ')
    expect(withoutUnescapedTrailingSpace('   ')).toBe('')
    expect(withoutUnescapedTrailingSpace('a b')).toBe('a b')
  })
})

describe('ignoredReason', () => {
  it('explains why a single path (such as --stdin-filename) is ignored', async () => {
    const root = await makeProject({ '.gitignore': 'tmp/\n' })
    expect(await ignoredReason('tmp/x.md', root, await filters(root)())).toBe('ignored by .gitignore ("tmp/")')
    expect(await ignoredReason('docs/x.md', root, await filters(root)())).toBeNull()
  })
})
