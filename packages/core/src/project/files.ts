import { readFile, readdir, stat } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { Ignore } from 'ignore'
import type picomatch from 'picomatch'

/**
 * A command-line pattern that selects no file to lint (with `errorOnUnmatchedPattern`): it
 * matches nothing, or everything it matches is ignored. The CLI prints its own message for it.
 */
export class UnmatchedPatternError extends Error {
  override name = 'UnmatchedPatternError'
  constructor(
    readonly pattern: string,
    /** True when the pattern matched files, but an ignore file or the config ignores every one. */
    readonly allIgnored: boolean,
  ) {
    super(allIgnored ? `All files matched by '${pattern}' are ignored.` : `No files matching '${pattern}' were found.`)
  }
}

/** The file names a directory search picks up. */
export const markdownExtensions = ['.md', '.markdown'] as const
/** Ignore files read in the cwd, in each searched directory and in the directories between them. */
export const ignoreFileNames = ['.gitignore', '.postmortemlintignore'] as const

export interface FileFilters {
  include: readonly string[]
  ignore: readonly string[]
  /** `include` and `ignore` globs are relative to this directory. */
  baseDir: string
  /** Shown in "ignored by" reasons; the config file or null for the defaults. */
  configFile?: string | null
}

export interface FindFilesOptions {
  cwd: string
  /** The include/ignore settings of the config that applies to a file. */
  filtersFor(path: string): Promise<FileFilters>
  /** Throw when a pattern matches nothing (default true). */
  errorOnUnmatchedPattern?: boolean
  /** Debug log. */
  debug?: (message: string) => void
}

export interface FoundFiles {
  /** Absolute paths to lint, in command-line order, each directory's entries sorted. */
  files: string[]
  /** Files named on the command line that an ignore file or the config ignores, with the reason. */
  ignored: { path: string; reason: string }[]
  /** Directories that could not be read during a search. */
  unreadable: { path: string; problem: string }[]
}

/**
 * Turn command-line paths, directories and globs into the files to lint.
 *
 * - A path that exists is used as it is: a file is linted whatever its extension (it was named);
 *   a directory is searched for *.md and *.markdown, skipping node_modules and dot files and
 *   folders below it, and keeping only what the config's `include` globs select (when set).
 * - Anything else that looks like a glob is expanded by tinyglobby (no dot files, no
 *   node_modules); every file it matches is linted, so write `docs/**\/*.md`, not `docs/**`.
 * - `.gitignore` and `.postmortemlintignore` apply with git's rules: each file covers the
 *   directory it is in and everything below it, deeper files win, `!` re-includes, and an ignored
 *   directory is not searched. They are read in the cwd and in every directory from the cwd down
 *   to each file (for paths outside the cwd: from the searched directory down). Files in
 *   directories above the cwd, and git's global excludes, are not read.
 * - The config's `ignore` globs apply to every file, relative to the config file's directory
 *   (the cwd when no config file is found).
 * - A file named on the command line that is ignored is not linted, but reported as skipped with
 *   the reason (ESLint warns about such files too); a directory or glob skips them silently.
 */
export async function findFiles(patterns: readonly string[], options: FindFilesOptions): Promise<FoundFiles> {
  const cwd = resolve(options.cwd)
  const ignoreFiles = new IgnoreFiles(cwd)
  const found: FoundFiles = { files: [], ignored: [], unreadable: [] }
  const seen = new Set<string>()
  const add = (path: string): void => {
    if (!seen.has(path)) {
      seen.add(path)
      found.files.push(path)
    }
  }

  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern)
    const kind = await pathKind(absolute)
    let matched = 0
    let ignoredCount = 0

    if (kind === 'file' || (kind === 'unknown' && !looksLikeGlob(pattern))) {
      const reason = (await ignoreFiles.reason(absolute, false, topFor(cwd, absolute))) ?? (await configIgnoreReason(absolute, await options.filtersFor(absolute), cwd))
      if (reason) found.ignored.push({ path: absolute, reason })
      else add(absolute)
      continue
    }
    if (kind === 'directory') {
      const top = topFor(cwd, absolute)
      const ancestorReason = await ignoreFiles.reason(absolute, true, top)
      if (ancestorReason) {
        options.debug?.(`${pattern}: the directory is ${ancestorReason}`)
      } else {
        const levels = ignoreFiles.chain(top, absolute)
        await walk(absolute, levels, ignoreFiles, found, async (file) => {
          matched++
          const filters = await options.filtersFor(file)
          if ((await configIgnoreReason(file, filters, cwd)) || !(await includedByConfig(file, filters))) ignoredCount++
          else add(file)
        }, () => {
          matched++
          ignoredCount++
        })
      }
      if (matched - ignoredCount <= 0) noMatch(pattern, matched > 0 || ancestorReason !== null, options)
      continue
    }
    // kind 'missing' or a glob
    if (!looksLikeGlob(pattern)) {
      noMatch(pattern, false, options)
      continue
    }
    // Loaded only for globs: most runs name files and directories, and startup time matters.
    const { glob } = await import('tinyglobby')
    const matches = await glob(pattern, { cwd, absolute: true, dot: false, onlyFiles: true, expandDirectories: false, ignore: ['**/node_modules/**'] })
    matches.sort(compareNames)
    for (const match of matches.map((path) => resolve(path))) {
      matched++
      const reason = (await ignoreFiles.reason(match, false, topFor(cwd, match))) ?? (await configIgnoreReason(match, await options.filtersFor(match), cwd))
      if (reason) ignoredCount++
      else add(match)
    }
    if (matched - ignoredCount <= 0) noMatch(pattern, matched > 0, options)
  }
  return found
}

/**
 * Glob syntax as tinyglobby reads it (its isDynamicPattern, without loading it): wildcards,
 * classes, braces with a comma or a range, extglobs.
 */
export function looksLikeGlob(pattern: string): boolean {
  return /[*?[\]]|[@!+]\(/.test(pattern) || hasBraceExpansion(pattern)
}

/**
 * A "{...}" holding a comma or "..". Searched with indexOf, as /\{[^}]*(?:,|\.\.)[^}]*\}/ backtracks
 * cubically on many "{" and "," with no "}". An inner "{" only shortens its brace's content, so
 * the first "{" before each "}" decides.
 */
function hasBraceExpansion(pattern: string): boolean {
  for (let open = pattern.indexOf('{'); open >= 0; ) {
    const close = pattern.indexOf('}', open + 1)
    if (close < 0) return false
    const content = pattern.slice(open + 1, close)
    if (content.includes(',') || content.includes('..')) return true
    open = pattern.indexOf('{', close + 1)
  }
  return false
}

function noMatch(pattern: string, allIgnored: boolean, options: FindFilesOptions): void {
  options.debug?.(allIgnored ? `${pattern}: every file it matches is ignored` : `${pattern}: matches no file`)
  if (options.errorOnUnmatchedPattern ?? true) {
    throw new UnmatchedPatternError(pattern, allIgnored)
  }
}

async function pathKind(path: string): Promise<'file' | 'directory' | 'missing' | 'unknown'> {
  try {
    const stats = await stat(path)
    return stats.isDirectory() ? 'directory' : 'file'
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // A path we may not look at (EACCES on a parent) is still the user's file: reading it reports why.
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unknown'
  }
}

/** Where the ignore-file search starts for a path: the cwd, or for paths outside it the path's own directory. */
function topFor(cwd: string, path: string): string {
  return isInside(cwd, path) ? cwd : dirname(path)
}

function isInside(directory: string, path: string): boolean {
  const rel = relative(directory, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

export function isMarkdownFile(name: string): boolean {
  const lower = name.toLowerCase()
  return markdownExtensions.some((extension) => lower.endsWith(extension))
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

async function walk(
  directory: string,
  levels: string[],
  ignoreFiles: IgnoreFiles,
  found: FoundFiles,
  onFile: (path: string) => Promise<void>,
  onIgnored: () => void,
): Promise<void> {
  let entries
  try {
    entries = await readdir(directory, { withFileTypes: true })
  } catch (error) {
    found.unreadable.push({ path: directory, problem: describeError(error) })
    return
  }
  entries.sort((a, b) => compareNames(a.name, b.name))
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const path = join(directory, entry.name)
    let isDirectory = entry.isDirectory()
    let isFile = entry.isFile()
    if (entry.isSymbolicLink()) {
      // Symlinked files are followed; symlinked directories are not (no cycles, no escaping the tree).
      // A Markdown-named link that leads nowhere (a loop, a missing target) is kept, so reading it
      // reports the problem for that file instead of the file silently vanishing from the run.
      const target = await stat(path).catch(() => null)
      isDirectory = false
      isFile = target === null ? isMarkdownFile(entry.name) : target.isFile()
    }
    if (isDirectory) {
      if (await ignoreFiles.decide(path, true, levels)) continue
      await walk(path, [...levels, path], ignoreFiles, found, onFile, onIgnored)
    } else if (isFile && isMarkdownFile(entry.name)) {
      if (await ignoreFiles.decide(path, false, levels)) onIgnored()
      else await onFile(path)
    }
  }
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return (error as Error).message
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}

/** `.gitignore` and `.postmortemlintignore` files, read once per directory. */
export class IgnoreFiles {
  private readonly loaded = new Map<string, Promise<Ignore | null>>()
  /** Git ignores case where the filesystem usually does (macOS, Windows). */
  private readonly ignoreCase = process.platform === 'darwin' || process.platform === 'win32'

  constructor(private readonly cwd: string) {}

  /** The directories from `top` down to `directory`, both included. */
  chain(top: string, directory: string): string[] {
    const rel = relative(top, directory)
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return [top]
    const dirs = [top]
    let current = top
    for (const part of rel.split(sep)) {
      current = join(current, part)
      dirs.push(current)
    }
    return dirs
  }

  /**
   * Why a path is ignored, or null: checks every directory between `top` and the path (an
   * ignored directory hides everything in it), then the path itself.
   */
  async reason(path: string, isDirectory: boolean, top: string): Promise<string | null> {
    const dirs = this.chain(top, dirname(path))
    if (path === top) return null
    for (let index = 1; index < dirs.length; index++) {
      const verdict = await this.decide(dirs[index]!, true, dirs.slice(0, index))
      if (verdict) return verdict
    }
    return this.decide(path, isDirectory, dirs)
  }

  /** Git's precedence: the deepest ignore file with a matching rule decides. */
  async decide(path: string, isDirectory: boolean, levels: readonly string[]): Promise<string | null> {
    let verdict: string | null = null
    for (const level of levels) {
      const rules = await this.load(level)
      if (!rules) continue
      const rel = toPosix(relative(level, path))
      if (rel === '' || rel.startsWith('..')) continue
      const result = rules.test(isDirectory ? `${rel}/` : rel)
      if (result.ignored) verdict = `ignored by ${result.rule?.mark ?? 'an ignore file'}${result.rule ? ` ("${result.rule.pattern}")` : ''}`
      else if (result.unignored) verdict = null
    }
    return verdict
  }

  private load(directory: string): Promise<Ignore | null> {
    let rules = this.loaded.get(directory)
    if (!rules) {
      rules = this.read(directory)
      this.loaded.set(directory, rules)
    }
    return rules
  }

  private async read(directory: string): Promise<Ignore | null> {
    let rules: Ignore | null = null
    for (const name of ignoreFileNames) {
      const path = join(directory, name)
      const text = await readFile(path, 'utf8').catch(() => null)
      if (text === null) continue
      const mark = toPosix(relative(this.cwd, path)) || name
      // The ignore package is loaded only when an ignore file exists.
      rules ??= (await import('ignore')).default({ ignorecase: this.ignoreCase })
      for (const line of text.split(/\r?\n/)) {
        // Trailing spaces are not part of a pattern unless escaped (git's rule).
        const pattern = withoutUnescapedTrailingSpace(line)
        if (pattern === '' || pattern.startsWith('#')) continue
        rules.add({ pattern, mark })
      }
    }
    return rules
  }
}

/**
 * What /(?<!\\)\s+$/ removes, found from the end: that pattern retries from every space of a
 * long run and goes quadratic. The space right after a backslash stays (it is escaped).
 */
export function withoutUnescapedTrailingSpace(line: string): string {
  let end = line.length
  while (end > 0 && /\s/.test(line[end - 1] ?? '')) end--
  if (end < line.length && line[end - 1] === '\\') end++
  return line.slice(0, end)
}

const matcherCache = new WeakMap<readonly string[], Promise<picomatch.Matcher[]>>()

/** Compiled globs, once per config; picomatch is loaded only when a config has globs. */
function matchers(patterns: readonly string[]): Promise<picomatch.Matcher[]> {
  let compiled = matcherCache.get(patterns)
  if (!compiled) {
    compiled = import('picomatch').then(({ default: compile }) => patterns.map((pattern) => compile(pattern, { dot: true })))
    matcherCache.set(patterns, compiled)
  }
  return compiled
}

/** The path relative to the config's base directory, or null when it is outside it. */
function relativeToBase(path: string, filters: FileFilters): string | null {
  const rel = relative(filters.baseDir, path)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null
  return toPosix(rel)
}

/** Why the config's `ignore` globs exclude a file, or null. */
export async function configIgnoreReason(path: string, filters: FileFilters, cwd: string): Promise<string | null> {
  if (filters.ignore.length === 0) return null
  const rel = relativeToBase(path, filters)
  if (rel === null) return null
  const index = (await matchers(filters.ignore)).findIndex((matches) => matches(rel))
  if (index < 0) return null
  const where = filters.configFile ? toPosix(relative(cwd, filters.configFile)) || filters.configFile : 'the config'
  return `ignored by "ignore" in ${where} ("${filters.ignore[index]}")`
}

/** Whether the config's `include` globs (when set) select a file found in a directory search. */
export async function includedByConfig(path: string, filters: FileFilters): Promise<boolean> {
  if (filters.include.length === 0) return true
  const rel = relativeToBase(path, filters)
  return rel !== null && (await matchers(filters.include)).some((matches) => matches(rel))
}

/**
 * Why a single named path (a command-line file, `--stdin-filename`) would be ignored, or null:
 * the ignore files from the cwd down to it, then the config's `ignore` globs.
 */
export async function ignoredReason(path: string, cwd: string, filters: FileFilters, ignoreFiles = new IgnoreFiles(cwd)): Promise<string | null> {
  const absolute = resolve(cwd, path)
  return (await ignoreFiles.reason(absolute, false, topFor(resolve(cwd), absolute))) ?? (await configIgnoreReason(absolute, filters, cwd))
}

/**
 * Why a directory search from `root` (what `postmortem-lint <root>` does) would not lint this
 * file, or null when it would: for tools handed one file at a time, such as the language server,
 * so that they lint exactly what the command line lints.
 *
 * - Inside `root`: the rules of a directory search. Only *.md and *.markdown; nothing in or
 *   under a dot file or folder or node_modules; the ignore files from `root` down to the file;
 *   the config's `ignore` globs, then its `include` globs (when set).
 * - Outside `root`: the file is treated as named on the command line from its own directory (the
 *   ignore files there and the config's `ignore` globs), but it must still be Markdown.
 *
 * Whether the text is a postmortem at all is the core's detection (`lint(..., { detect: true })`).
 */
export async function reasonNotSearched(path: string, root: string, filters: FileFilters, ignoreFiles = new IgnoreFiles(root)): Promise<string | null> {
  const absolute = resolve(root, path)
  const top = resolve(root)
  if (!isMarkdownFile(absolute)) return 'not a Markdown file (*.md, *.markdown)'
  if (!isInside(top, absolute)) return ignoredReason(absolute, dirname(absolute), filters, ignoreFiles)
  const hidden = relative(top, absolute)
    .split(sep)
    .find((part) => part.startsWith('.') || part === 'node_modules')
  if (hidden !== undefined) return `in "${hidden}", which a directory search skips (dot files and folders, node_modules)`
  const reason = (await ignoreFiles.reason(absolute, false, top)) ?? (await configIgnoreReason(absolute, filters, top))
  if (reason) return reason
  if (!(await includedByConfig(absolute, filters))) {
    const where = filters.configFile ? toPosix(relative(top, filters.configFile)) || filters.configFile : 'the config'
    return `not selected by "include" in ${where}`
  }
  return null
}
