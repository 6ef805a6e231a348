/**
 * A package-lock.json for an empty project that installs our packed tarballs, built from the
 * monorepo's own lockfile, so `npm ci --offline` can install them from the npm cache that the
 * monorepo's `npm ci` filled.
 *
 * Why not `npm install --offline a.tgz b.tgz`: that resolves every range afresh from whatever
 * packuments happen to be cached. After `npm ci` on a clean machine (CI), a cached packument may
 * name a newer version than the lockfile's, whose tarball was never downloaded: ENOTCACHED, or a
 * different tree on every machine. A lockfile pins the exact versions (and integrity) the monorepo
 * tests with, and with `resolved` URLs pacote reads the tarballs from the cache by integrity alone.
 */

export interface LockEntry {
  name?: string
  version?: string
  resolved?: string
  integrity?: string
  link?: boolean
  license?: string
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, { optional?: boolean }>
  engines?: Record<string, string>
  bin?: Record<string, string> | string
  os?: string[]
  cpu?: string[]
  hasInstallScript?: boolean
  optional?: boolean
  dev?: boolean
  devOptional?: boolean
  peer?: boolean
}

export interface Lockfile {
  name?: string
  lockfileVersion: number
  requires?: boolean
  packages: Record<string, LockEntry>
}

export interface Tarball {
  /** The package.json inside the tarball. */
  manifest: { name: string; version: string; dependencies?: Record<string, string> } & Record<string, unknown>
  /** As written into the project's package.json, e.g. `file:../core.tgz`. */
  spec: string
  integrity: string
}

const registry = 'https://registry.npmjs.org'

/** The package's directory that Node's resolution finds from `from` (a lockfile location). */
export function resolveLocation(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let location = from
  for (;;) {
    const candidate = location === '' ? `node_modules/${name}` : `${location}/node_modules/${name}`
    if (packages[candidate]) return candidate
    if (location === '') return undefined
    const nested = location.lastIndexOf('/node_modules/')
    location = nested === -1 ? '' : location.slice(0, nested)
  }
}

function packageName(location: string, entry: LockEntry): string {
  return entry.name ?? location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length)
}

function tarballUrl(name: string, version: string): string {
  return `${registry}/${name}/-/${name.slice(name.lastIndexOf('/') + 1)}-${version}.tgz`
}

export interface OfflineLockfileOptions {
  projectName?: string
  /**
   * Packages the project itself adds as devDependencies, at the version the monorepo locks (e.g.
   * `@types/node`, which any TypeScript project on Node has). Marked dev, so `--omit=dev` leaves
   * them out of what the tarballs bring.
   */
  devDependencies?: readonly string[]
}

/**
 * The lockfile of a project whose dependencies are `tarballs`, with every transitive dependency
 * at the location and version it has in `monorepo` (workspace-nested ones moved under the
 * installed package). Throws when a dependency is not in the monorepo's lockfile.
 */
export function offlineLockfile(monorepo: Lockfile, tarballs: readonly Tarball[], options: OfflineLockfileOptions = {}): Lockfile {
  const projectName = options.projectName ?? 'pack-install'
  const own = new Map(tarballs.map((tarball) => [tarball.manifest.name, tarball]))
  // Workspace directory in the monorepo -> where the tarball lands in the project.
  const workspaces = new Map<string, string>()
  for (const [location, entry] of Object.entries(monorepo.packages)) {
    if (entry.link || location === '' || location.includes('node_modules/')) continue
    if (entry.name && own.has(entry.name)) workspaces.set(location, `node_modules/${entry.name}`)
  }
  const relocate = (location: string): string => {
    for (const [workspace, target] of workspaces) {
      if (location.startsWith(`${workspace}/`)) return target + location.slice(workspace.length)
    }
    return location
  }

  const devDependencies = Object.fromEntries(
    (options.devDependencies ?? []).map((name) => {
      const entry = monorepo.packages[`node_modules/${name}`]
      if (!entry?.version) throw new Error(`${name} is not installed at the top of the monorepo`)
      return [name, entry.version]
    }),
  )
  const packages: Record<string, LockEntry> = {
    '': {
      name: projectName,
      dependencies: Object.fromEntries(tarballs.map((t) => [t.manifest.name, t.spec])),
      ...(Object.keys(devDependencies).length > 0 ? { devDependencies } : {}),
    },
  }

  // Monorepo location -> flags of the cheapest way it was reached (required beats optional).
  const reached = new Map<string, { optional: boolean; dev: boolean }>()
  const walk = (roots: Array<{ from: string; deps: Record<string, string> }>, dev: boolean): void => {
    const queue = roots.map((root) => ({ ...root, optional: false }))
    while (queue.length > 0) {
      const { from, deps, optional } = queue.shift()!
      for (const name of Object.keys(deps)) {
        if (own.has(name)) continue
        const location = resolveLocation(monorepo.packages, from, name)
        if (!location) {
          if (optional) continue
          throw new Error(`${name} (needed from ${from || 'the root'}) is not in the monorepo's package-lock.json: run npm install`)
        }
        const entry = monorepo.packages[location]!
        if (entry.link) throw new Error(`${name} resolves to the workspace ${entry.resolved}, which is not one of the packed tarballs`)
        const seen = reached.get(location)
        if (seen && (!seen.optional || optional)) continue
        reached.set(location, { optional, dev: seen?.dev ?? dev })
        const requiredPeers = Object.fromEntries(
          Object.entries(entry.peerDependencies ?? {}).filter(([peer]) => !entry.peerDependenciesMeta?.[peer]?.optional),
        )
        queue.push({ from: location, deps: { ...entry.dependencies, ...requiredPeers }, optional })
        queue.push({ from: location, deps: entry.optionalDependencies ?? {}, optional: true })
      }
    }
  }

  const roots: Array<{ from: string; deps: Record<string, string> }> = []
  for (const tarball of tarballs) {
    const from = [...workspaces].find(([, target]) => target === `node_modules/${tarball.manifest.name}`)?.[0]
    if (from === undefined) throw new Error(`${tarball.manifest.name} is not a workspace of the monorepo's lockfile`)
    roots.push({ from, deps: tarball.manifest.dependencies ?? {} })
    packages[`node_modules/${tarball.manifest.name}`] = {
      version: tarball.manifest.version,
      resolved: tarball.spec,
      integrity: tarball.integrity,
      ...pick(tarball.manifest, ['license', 'dependencies', 'optionalDependencies', 'peerDependencies', 'peerDependenciesMeta', 'engines', 'bin']),
    }
  }
  // What the tarballs need first, so a package both they and a dev extra need counts as theirs.
  walk(roots, false)
  walk([{ from: '', deps: devDependencies }], true)

  for (const [location, flags] of reached) {
    const { dev: _dev, devOptional: _devOptional, peer: _peer, optional: _optional, ...entry } = monorepo.packages[location]!
    const name = packageName(location, entry)
    packages[relocate(location)] = {
      ...entry,
      resolved: entry.resolved ?? tarballUrl(name, entry.version!),
      ...(flags.dev ? { dev: true } : {}),
      ...(flags.optional ? { optional: true } : {}),
    }
  }
  return { name: projectName, lockfileVersion: 3, requires: true, packages: sortKeys(packages) }
}

function pick(object: Record<string, unknown>, keys: readonly string[]): Partial<LockEntry> {
  return Object.fromEntries(keys.filter((key) => object[key] !== undefined).map((key) => [key, object[key]]))
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
