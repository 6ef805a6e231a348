// Packing and installing our packages as users get them (test/pack-install*.test.ts).
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Tarball } from './offline-lockfile.js'

export interface PackedFile {
  path: string
  size: number
}
export interface PackResult {
  name: string
  version: string
  filename: string
  size: number
  unpackedSize: number
  integrity: string
  files: PackedFile[]
}
export interface Packed {
  dir: string
  manifest: Tarball['manifest'] & { exports?: Record<string, unknown>; bin?: Record<string, string>; publishConfig?: Record<string, unknown> }
  pack: PackResult
  tarball: string
}

/** The environment minus what an enclosing `npm test` adds that would point npm at the monorepo. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_lifecycle_|npm_package_|npm_command$|npm_config_local_prefix$|INIT_CWD$)/i.test(key)) continue
    if (/^(CI|NO_COLOR|FORCE_COLOR|GITHUB_ACTIONS)$/.test(key) || key.startsWith('VITEST')) continue
    env[key] = value
  }
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra }
}

export function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd, env: cleanEnv(env), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.error) throw result.error
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

export function runOk(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  const result = run(command, args, cwd, env)
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${result.code}\n${result.stdout}\n${result.stderr}`)
  }
  return result
}

/** npm prints notices around --json output on some versions; take the JSON value itself. */
export function parseNpmJson<T>(stdout: string): T {
  const start = stdout.search(/^[[{]/m)
  return JSON.parse(stdout.slice(start)) as T
}


/** `npm pack` the package in `dir` into `destination`, as npm would publish it (no scripts run). */
export async function packPackage(dir: string, destination: string): Promise<Packed> {
  const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Packed['manifest']
  const [pack] = parseNpmJson<PackResult[]>(runOk('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], dir).stdout)
  return { dir, manifest, pack: pack!, tarball: join(destination, pack!.filename) }
}
