/**
 * Supply chain, checked offline: the lockfile pins every package by version and integrity and
 * agrees with the package.json files, and the Action bundle carries no dev-only code.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Lockfile } from './helpers/offline-lockfile.js'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))

interface Manifest {
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  workspaces?: string[]
}

const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as Lockfile
const manifest = (path: string): Manifest => JSON.parse(readFileSync(join(repoRoot, path, 'package.json'), 'utf8')) as Manifest
const installed = Object.entries(lock.packages).filter(([path, entry]) => path.includes('node_modules/') && !entry.link)

describe('the lockfile', () => {
  it('is lockfileVersion 3', () => {
    expect(lock.lockfileVersion).toBe(3)
  })

  it('pins every installed package by exact version and a sha512 integrity hash', () => {
    expect(installed.length).toBeGreaterThan(100)
    const unpinned = installed.filter(([, entry]) => !/^\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/.test(entry.version ?? '') || !/^sha512-[A-Za-z0-9+/]+=*$/.test(entry.integrity ?? ''))
    expect(unpinned.map(([path]) => path)).toEqual([])
  })

  it('takes packages from the npm registry only: no git, http, file or tarball-URL dependencies', () => {
    // `resolved` is left out when npm runs with omit-lockfile-registry-resolved (the registry is
    // then the configured one); when present it must be the public registry over https.
    const foreign = installed.filter(([, entry]) => entry.resolved !== undefined && !entry.resolved.startsWith('https://registry.npmjs.org/'))
    expect(foreign.map(([path, entry]) => `${path}: ${entry.resolved}`)).toEqual([])
    const specs = ['', ...(manifest('').workspaces ?? [])].flatMap((path) => {
      const { dependencies = {}, devDependencies = {}, optionalDependencies = {} } = manifest(path)
      return Object.entries({ ...dependencies, ...devDependencies, ...optionalDependencies }).map(([name, range]) => `${path || '.'}: ${name}@${range}`)
    })
    expect(specs.filter((spec) => /@(?:git|github:|https?:|file:|link:)|\.tgz$/.test(spec))).toEqual([])
  })

  it('agrees with every package.json (npm ci would install exactly this)', () => {
    for (const path of ['', ...(manifest('').workspaces ?? [])]) {
      const wanted = manifest(path)
      const locked = lock.packages[path]!
      for (const field of ['dependencies', 'devDependencies', 'optionalDependencies'] as const) {
        expect(locked[field] ?? {}, `${path || 'root'} ${field}`).toEqual(wanted[field] ?? {})
      }
    }
  })
})

describe('the action bundle', () => {
  it('contains only production dependencies and no test code', () => {
    // Build the workspace first (npm run build): the bundle is made from the core's and CLI's dist/.
    const result = spawnSync(process.execPath, ['packages/action/scripts/bundle-modules.mjs'], { cwd: repoRoot, encoding: 'utf8', timeout: 170_000 })
    expect(result.stderr).toBe('')
    const modules = JSON.parse(result.stdout) as string[]
    expect(modules.length).toBeGreaterThan(100)

    /** The lockfile key of the package a bundled file belongs to: the deepest node_modules/<name>. */
    const packageOf = (file: string): string => {
      const at = file.lastIndexOf('node_modules/')
      if (at < 0) return file.split('/').slice(0, 2).join('/')
      const [scope, name] = file.slice(at + 'node_modules/'.length).split('/')
      return file.slice(0, at + 'node_modules/'.length) + (scope!.startsWith('@') ? `${scope}/${name}` : scope!)
    }
    const packages = [...new Set(modules.map(packageOf))].sort()
    expect(packages).toContain('packages/core')
    expect(packages).toContain('node_modules/@actions/core')
    // npm marks with `dev: true` what only devDependencies need (vitest, typescript, rollup, ...).
    expect(packages.filter((key) => lock.packages[key] === undefined)).toEqual([])
    expect(packages.filter((key) => lock.packages[key]?.dev === true)).toEqual([])
    // Our own code: sources and compiled output only, never tests, fixtures or scripts.
    const ours = modules.filter((file) => !file.includes('node_modules/'))
    expect(ours.filter((file) => !/^packages\/(action\/src|core\/dist|cli\/dist)\//.test(file))).toEqual([])
    expect(ours.filter((file) => /\.test\.|\/test\/|\/fixtures\//.test(file))).toEqual([])
  }, 180_000)
})
