import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
export const binPath = join(repoRoot, 'packages/cli/bin/postmortem-lint.js')

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd: string
  input?: string | Uint8Array
  /** Added to a clean environment (no CI, NO_COLOR, FORCE_COLOR from the test runner). */
  env?: Record<string, string>
}

/**
 * Run the real binary (node packages/cli/bin/postmortem-lint.js, which loads the bundle built
 * from the compiled dist/), as a user would. Build first: `npm run build`.
 */
export function runCli(args: readonly string[], options: RunOptions): RunResult {
  assertBundleFresh()
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^(CI|NO_COLOR|FORCE_COLOR|GITHUB_ACTIONS|TERM)$/.test(key) || key.startsWith('VITEST')) continue
    env[key] = value
  }
  const result = spawnSync(process.execPath, [binPath, ...args], {
    cwd: options.cwd,
    env: { ...env, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  })
  if (result.error) throw result.error
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

export type ProjectFiles = Record<string, string | Uint8Array | { symlinkTo: string } | { directory: true }>

const created: string[] = []

/** A temporary directory with the given files (paths with `/`, parents created). */
export async function makeProject(files: ProjectFiles): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'pml-cli-'))
  created.push(root)
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, ...path.split('/'))
    await mkdir(dirname(full), { recursive: true })
    if (typeof content === 'string' || content instanceof Uint8Array) await writeFile(full, content)
    else if ('symlinkTo' in content) await symlink(content.symlinkTo, full)
    else await mkdir(full, { recursive: true })
  }
  return root
}

/** Remove every project made by makeProject (call from afterAll). */
export async function removeProjects(): Promise<void> {
  for (const root of created.splice(0)) {
    // Restore permissions a test took away, or rm cannot descend.
    await chmod(root, 0o755).catch(() => undefined)
    await rm(root, { recursive: true, force: true })
  }
}

/** True when permission bits do not stop reads (root, as in CI). */
export const readsIgnorePermissions = process.getuid?.() === 0

let bundleChecked = false

/** The bin runs bundle/, built from dist/ by `npm run build`: a stale one would test old code. */
function assertBundleFresh(): void {
  if (bundleChecked) return
  const bundle = join(repoRoot, 'packages/cli/bundle/main.js')
  if (!existsSync(bundle)) throw new Error('packages/cli/bundle/main.js is missing: run `npm run build` before the CLI tests')
  const built = statSync(bundle).mtimeMs
  const compiled = [join(repoRoot, 'packages/core/dist'), join(repoRoot, 'packages/cli/dist')]
  const newer = compiled.flatMap((dir) => newerJsFiles(dir, built))
  if (newer.length > 0) throw new Error(`packages/cli/bundle/ is older than ${newer[0]}: run \`npm run build\` (or \`npm run bundle:cli\`)`)
  bundleChecked = true
}

function newerJsFiles(directory: string, than: number): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js') && statSync(join(directory, file)).mtimeMs > than)
    .map((file) => join(directory, file))
}
