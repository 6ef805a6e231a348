import { existsSync, lstatSync, realpathSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import picomatch from 'picomatch'
import { glob } from 'tinyglobby'
import type { Octokit } from './octokit.js'

/** File statuses of a pull request whose head has the file. */
const presentStatuses = new Set(['added', 'modified', 'renamed', 'copied', 'changed'])
const markdownExtension = /\.(md|markdown)$/i
const alwaysIgnored = ['**/node_modules/**', '**/.git/**']

export interface ChangedFile {
  filename: string
  status: string
}

/** Every file of a pull request, page by page (the API returns at most 100 per page, 3000 in all). */
export async function listPullRequestFiles(
  octokit: Octokit,
  params: { owner: string; repo: string; pull_number: number },
): Promise<ChangedFile[]> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...params, per_page: 100 })
  return files.map((file) => ({ filename: file.filename, status: file.status }))
}

/**
 * A repository-relative path as a safe path inside the workspace, or null: no absolute paths,
 * no `..` segments, no backslashes or NUL, no symlink out of it and none that leads nowhere.
 */
export function safeWorkspacePath(workspace: string, path: string): string | null {
  if (path === '' || path.includes('\0') || path.includes('\\') || isAbsolute(path) || /^[A-Za-z]:/.test(path)) return null
  if (path.split('/').some((segment) => segment === '..')) return null
  const root = resolve(workspace)
  const full = resolve(root, path)
  if (!isInside(root, full)) return null
  const real = realPathOf(full)
  if (real === null) return null
  let realRoot: string
  try {
    realRoot = realpathSync(root)
  } catch {
    realRoot = root
  }
  return isInside(realRoot, real) ? full : null
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}

/**
 * Where `path` really is, or null when a symlink on the way leads nowhere (what it points at
 * could appear later). A path that does not exist (deleted at the head, not checked out) is
 * placed under the real location of its deepest existing ancestor.
 */
function realPathOf(path: string): string | null {
  let existing = path
  while (!existsSync(existing) && dirname(existing) !== existing) {
    if (isSymlink(existing)) return null
    existing = dirname(existing)
  }
  try {
    return join(realpathSync(existing), relative(existing, path))
  } catch {
    return null
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
}

/** A matcher for the `paths` input: any positive pattern matches and no `!` pattern does. */
export function pathMatcher(patterns: readonly string[]): (path: string) => boolean {
  const positive = patterns.filter((pattern) => !pattern.startsWith('!'))
  const negative = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1))
  const include = picomatch(positive.length ? positive : ['**/*.md'], { dot: false })
  const exclude = picomatch([...negative, ...alwaysIgnored], { dot: true })
  return (path) => include(path) && !exclude(path)
}

export interface SelectedFiles {
  /** Repository-relative paths to lint, in the order given. */
  files: string[]
  /** Paths refused because they would escape the workspace. */
  refused: string[]
}

/** The changed files to lint: present at the head, Markdown, matching `paths`, inside the workspace. */
export function selectChangedFiles(changed: readonly ChangedFile[], patterns: readonly string[], workspace: string): SelectedFiles {
  const matches = pathMatcher(patterns)
  const files: string[] = []
  const refused: string[] = []
  const seen = new Set<string>()
  for (const file of changed) {
    if (!presentStatuses.has(file.status) || !markdownExtension.test(file.filename) || seen.has(file.filename)) continue
    seen.add(file.filename)
    if (safeWorkspacePath(workspace, file.filename) === null) {
      refused.push(file.filename)
      continue
    }
    if (matches(file.filename)) files.push(file.filename)
  }
  return { files, refused }
}

/** Every file in the workspace matching `paths` (push, workflow_dispatch), sorted. */
export async function globWorkspace(patterns: readonly string[], workspace: string): Promise<SelectedFiles> {
  const found = await glob([...patterns], {
    cwd: workspace,
    ignore: alwaysIgnored,
    onlyFiles: true,
    dot: false,
    followSymbolicLinks: false,
    expandDirectories: false,
  })
  const files: string[] = []
  const refused: string[] = []
  for (const path of found.sort()) {
    if (!markdownExtension.test(path)) continue
    if (safeWorkspacePath(workspace, path) === null) refused.push(path)
    else files.push(path)
  }
  return { files, refused }
}
