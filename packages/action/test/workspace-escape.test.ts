import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { safeWorkspacePath, selectChangedFiles } from '../src/changed-files.js'

let root = ''
let workspace = ''

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pml-action-escape-'))
  workspace = join(root, 'ws')
  await mkdir(join(root, 'outside'), { recursive: true })
  await writeFile(join(root, 'outside/secret.md'), '# secret\n')
  await mkdir(join(workspace, 'docs'), { recursive: true })
  // A directory inside the workspace that is a link to one outside it.
  await symlink(join(root, 'outside'), join(workspace, 'docs/postmortems'))
  // A link to a file outside that does not exist yet: realpath cannot see through it.
  await symlink(join(root, 'outside/later.md'), join(workspace, 'docs/later.md'))
})

afterAll(async () => {
  if (root.startsWith(join(tmpdir(), 'pml-action-escape-'))) await rm(root, { recursive: true, force: true })
})

describe('changed-file paths from the API', () => {
  it.each([
    '../x.md',
    '/etc/passwd',
    'a/../../x.md',
    './../x.md',
    'docs/./../../x.md',
    'docs/postmortems/secret.md', // through a symlinked directory
    'docs/later.md', // a symlink out, whose target does not exist (yet)
    'docs/x.md\0.txt',
    'docs\\..\\..\\x.md',
    'C:\\Windows\\x.md',
    '//server/share/x.md',
  ])('never lets %j be read', (path) => {
    expect(safeWorkspacePath(workspace, path)).toBeNull()
    expect(selectChangedFiles([{ filename: path, status: 'added' }], ['**/*.md'], workspace).files).toEqual([])
  })

  it('keeps names that only look odd', () => {
    for (const path of ['docs/..md', 'docs/...md', 'docs/%2e%2e/x.md', 'docs/a..b.md']) {
      expect(safeWorkspacePath(workspace, path), path).toBe(join(workspace, path))
    }
  })
})
