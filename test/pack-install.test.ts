// What we would publish, installed the way users install it: `npm pack` both packages, install the
// tarballs into an empty project outside the repository with no network, then use them as the
// README says (the CLI on a fixture, the library from plain ESM and from strict TypeScript).
// Slow (two packs, an install, tsc): about half a minute.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { copyFile, lstat, mkdir, mkdtemp, readdir, readFile, readlink, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { offlineLockfile, type Lockfile, type Tarball } from './helpers/offline-lockfile.js'

const repoRoot = resolve(import.meta.dirname, '..')
const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc')
const slow = 240_000

interface PackedFile {
  path: string
  size: number
}
interface PackResult {
  name: string
  version: string
  filename: string
  size: number
  unpackedSize: number
  integrity: string
  files: PackedFile[]
}
interface Packed {
  dir: string
  manifest: Tarball['manifest'] & { exports?: Record<string, unknown>; bin?: Record<string, string>; publishConfig?: Record<string, unknown> }
  pack: PackResult
  tarball: string
}

/** Files each package may ship; anything else (sources, tests, maps, build info) is a stray. */
const allowed: readonly RegExp[] = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  // Built output only. The core reads nothing of its own from disk at run time: the data YAML is
  // compiled into dist/data by scripts/generate-data.mjs, so data/*.yml is not shipped.
  /^dist\/(?:[\w.-]+\/)*[\w.-]+(?<!\.d)\.js$/,
  /^dist\/(?:[\w.-]+\/)*[\w.-]+\.d\.ts$/,
  // The core publishes the JSON Schema of `postmortem-lint report -f json`.
  /^schema\/report\.schema\.json$/,
]
// The command runs from a rollup bundle (bundle/*.js, no types); the library exports from dist/.
const allowedCli: readonly RegExp[] = [...allowed, /^bin\/postmortem-lint\.js$/, /^bundle\/(?:[\w.-]+\/)*[\w.-]+\.js$/]
/** Named so a failure says what went wrong, even though the allow-list already refuses them. */
const forbidden: ReadonlyArray<[string, RegExp]> = [
  ['source maps (they point at src/, which is not shipped)', /\.map$/],
  ['TypeScript build info', /tsbuildinfo/],
  ['TypeScript sources', /(?<!\.d)\.ts$/],
  ['sources', /^src\//],
  ['tests', /(^|\/)(test|tests|__tests__)\/|\.test\.[jt]s$/],
  ['build scripts and data sources', /^(scripts|data)\//],
  ['config files', /(^|\/)(tsconfig\.json|\.DS_Store|\.npmrc)$/],
]

const strays = (files: readonly PackedFile[], allowList: readonly RegExp[]): string[] =>
  files.map((file) => file.path).filter((path) => !allowList.some((pattern) => pattern.test(path)))

/** Every file an `exports`/`bin` entry points at, as a path inside the package. */
function entryPoints(manifest: Packed['manifest']): string[] {
  const targets: string[] = []
  const walk = (value: unknown): void => {
    if (typeof value === 'string') targets.push(value)
    else if (value && typeof value === 'object') Object.values(value).forEach(walk)
  }
  walk(manifest.exports)
  walk(manifest.bin)
  return [...new Set(targets.map((target) => target.replace(/^\.\//, '')))]
}

/** The environment minus what an enclosing `npm test` adds that would point npm at the monorepo. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_lifecycle_|npm_package_|npm_command$|npm_config_local_prefix$|INIT_CWD$)/i.test(key)) continue
    if (/^(CI|NO_COLOR|FORCE_COLOR|GITHUB_ACTIONS)$/.test(key) || key.startsWith('VITEST')) continue
    env[key] = value
  }
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra }
}

function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd, env: cleanEnv(env), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.error) throw result.error
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

function runOk(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  const result = run(command, args, cwd, env)
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${result.code}\n${result.stdout}\n${result.stderr}`)
  }
  return result
}

/** npm prints notices around --json output on some versions; take the JSON value itself. */
function parseNpmJson<T>(stdout: string): T {
  const start = stdout.search(/^[[{]/m)
  return JSON.parse(stdout.slice(start)) as T
}

let temp: string
let project: string
const packed: Record<'core' | 'cli', Packed> = {} as Record<'core' | 'cli', Packed>
const measured: Record<string, string | number> = {}

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'pml-pack-'))
  project = join(temp, 'project')
  for (const [key, dir] of [['core', 'packages/core'], ['cli', 'packages/cli']] as const) {
    const cwd = join(repoRoot, dir)
    const manifest = JSON.parse(await readFile(join(cwd, 'package.json'), 'utf8')) as Packed['manifest']
    const [pack] = parseNpmJson<PackResult[]>(runOk('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', temp], cwd).stdout)
    packed[key] = { dir: cwd, manifest, pack: pack!, tarball: join(temp, pack!.filename) }
  }
}, slow)

afterAll(async () => {
  if (Object.keys(measured).length > 0) {
    // Quoted by the README's "Package size" line.
    console.log(`pack-install: ${JSON.stringify(measured)}`)
  }
  if (temp) await rm(temp, { recursive: true, force: true })
})

describe('npm pack', () => {
  it.each(['core', 'cli'] as const)('%s: ships only built output, the bin, README, LICENSE and package.json', (key) => {
    const { pack, manifest, dir } = packed[key]
    const paths = pack.files.map((file) => file.path)
    for (const [what, pattern] of forbidden) {
      expect(paths.filter((path) => pattern.test(path)), what).toEqual([])
    }
    expect(strays(pack.files, key === 'cli' ? allowedCli : allowed)).toEqual([])
    const required = ['package.json', 'README.md', 'LICENSE', ...entryPoints(manifest)]
    expect(required.filter((path) => !paths.includes(path)), 'missing from the tarball').toEqual([])
    expect(readFileSync(join(dir, 'LICENSE'), 'utf8'), 'the package LICENSE is a copy of the root one').toBe(
      readFileSync(join(repoRoot, 'LICENSE'), 'utf8'),
    )
    measured[`${manifest.name} packed`] = pack.size
    measured[`${manifest.name} unpacked`] = pack.unpackedSize
  })

  it('the tarball has what the CLI bin imports', () => {
    const bin = readFileSync(join(packed.cli.dir, 'bin/postmortem-lint.js'), 'utf8')
    const targets = [...bin.matchAll(/import\(['"]\.\.\/([^'"]+)['"]\)/g)].map((match) => match[1]!)
    expect(targets).toHaveLength(1)
    expect(packed.cli.pack.files.map((file) => file.path)).toContain(targets[0])
  })

  it('the CLI ships only bundle chunks its bin loads (no leftovers of earlier builds)', () => {
    const packedPaths = new Set(packed.cli.pack.files.map((file) => file.path))
    const bin = readFileSync(join(packed.cli.dir, 'bin/postmortem-lint.js'), 'utf8')
    const reached = new Set<string>()
    const queue = [...bin.matchAll(/import\(['"]\.\.\/([^'"]+)['"]\)/g)].map((match) => match[1]!)
    while (queue.length > 0) {
      const path = queue.pop()!
      if (reached.has(path) || !packedPaths.has(path)) continue
      reached.add(path)
      const code = readFileSync(join(packed.cli.dir, path), 'utf8')
      // Static and dynamic imports, and workers started from new URL('./x.js', import.meta.url).
      for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|new URL\(\s*)['"](\.\/[^'"]+)['"]/g)) {
        queue.push(join(dirname(path), match[1]!))
      }
    }
    const unreachable = [...packedPaths].filter((path) => path.startsWith('bundle/') && !reached.has(path))
    expect(unreachable, 'stale chunks: the bundle directory is not emptied before a build').toEqual([])
  })

  it('the CLI depends on the core with a range the packed core satisfies', () => {
    expect(packed.cli.manifest.dependencies?.['@postmortem-lint/core']).toBe(`^${packed.core.manifest.version}`)
  })

  it('the stray check fails on a tarball with sources, maps, tests and build info', () => {
    const bad = ['src/index.ts', 'dist/index.js.map', 'dist/index.d.ts.map', 'dist/.tsbuildinfo', 'test/lint.test.ts', 'data/blame-verbs.yml']
    expect(strays(bad.map((path) => ({ path, size: 1 })), allowedCli)).toEqual(bad)
    expect(strays([{ path: 'dist/engine/lint.js', size: 1 }, { path: 'dist/engine/lint.d.ts', size: 1 }], allowed)).toEqual([])
  })
})

describe('npm publish --dry-run', () => {
  it.each(['core', 'cli'] as const)('%s: succeeds without a login, public, with provenance, the same files as the pack', async (key) => {
    const { dir, pack, manifest } = packed[key]
    // An empty user config: no token, so this proves a dry run needs no login.
    const userconfig = join(temp, `${key}.npmrc`)
    await writeFile(userconfig, '')
    const result = runOk('npm', ['publish', '--dry-run', '--json', '--ignore-scripts'], dir, { npm_config_userconfig: userconfig })
    const report = parseNpmJson<Record<string, PackResult>>(result.stdout)[manifest.name]!
    expect(report.version).toBe(manifest.version)
    expect(report.files.map((file) => file.path).sort()).toEqual(pack.files.map((file) => file.path).sort())
    expect(result.stderr).toMatch(/access public|with tag latest and public access/i)
    expect(manifest.publishConfig).toEqual({ access: 'public', provenance: true })
  }, slow)
})

describe('installed from the tarballs, offline, into an empty project', () => {
  let coreVersion: string

  beforeAll(async () => {
    await mkdir(project)
    const tarballs: Tarball[] = (['core', 'cli'] as const).map((key) => ({
      manifest: packed[key].manifest,
      spec: `file:../${packed[key].pack.filename}`,
      integrity: packed[key].pack.integrity,
    }))
    const monorepoLock = JSON.parse(await readFile(join(repoRoot, 'package-lock.json'), 'utf8')) as Lockfile
    // @types/node: the TypeScript check below is a Node project's, which has Node's types.
    const lock = offlineLockfile(monorepoLock, tarballs, { devDependencies: ['@types/node'] })
    const { dependencies, devDependencies } = lock.packages['']!
    await writeFile(
      join(project, 'package.json'),
      `${JSON.stringify({ name: 'pack-install', private: true, type: 'module', dependencies, devDependencies }, null, 2)}\n`,
    )
    await writeFile(join(project, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`)
    // --offline: the tarballs come from the cache the monorepo's `npm ci` filled, by integrity.
    runOk('npm', ['ci', '--offline', '--no-audit', '--no-fund'], project)
    coreVersion = (JSON.parse(await readFile(join(project, 'node_modules/@postmortem-lint/core/package.json'), 'utf8')) as { version: string }).version
  }, slow)

  it('installs a consistent tree (npm ls finds nothing missing or invalid)', () => {
    expect(run('npm', ['ls', '--all'], project).code, 'npm ls --all').toBe(0)
    const ls = runOk('npm', ['ls', '--all', '--parseable', '--omit=dev'], project)
    const installed = ls.stdout
      .split('\n')
      .filter(Boolean)
      .map((path) => relative(project, path))
      .filter((path) => path !== '')
    expect(installed).toContain(join('node_modules', '@postmortem-lint', 'core'))
    expect(installed).toContain(join('node_modules', 'postmortem-lint'))
    // Everything the two packages bring with them (what `npx postmortem-lint` downloads).
    measured['installed dependencies'] = installed.length - 2
  }, slow)

  it('nothing resolves into the monorepo', async () => {
    const script = [
      "for (const id of ['@postmortem-lint/core', '@postmortem-lint/core/remark', 'postmortem-lint', 'postmortem-lint/formatters'])",
      '  console.log(new URL(import.meta.resolve(id)).pathname)',
    ].join('\n')
    const resolved = runOk(process.execPath, ['--input-type=module', '-e', script], project).stdout.trim().split('\n')
    const projectReal = await realpath(project)
    for (const path of resolved) {
      expect(await realpath(path)).toMatch(new RegExp(`^${escape(join(projectReal, 'node_modules'))}`))
      expect((await realpath(path)).startsWith(repoRoot)).toBe(false)
    }
    for (const name of ['@postmortem-lint/core', 'postmortem-lint']) {
      expect((await lstat(join(project, 'node_modules', name))).isSymbolicLink(), `${name} is a copy, not a link`).toBe(false)
    }
    // Symlinks the install made (node_modules/.bin) stay inside the project.
    const outside: string[] = []
    for await (const link of symlinks(join(project, 'node_modules'))) {
      const target = resolve(dirname(link), await readlink(link))
      if (!target.startsWith(projectReal + sep) && !target.startsWith(project + sep)) outside.push(`${link} -> ${target}`)
    }
    expect(outside).toEqual([])
  }, slow)

  it('node_modules/.bin/postmortem-lint lints a good and a bad fixture', async () => {
    await mkdir(join(project, 'docs'))
    for (const name of ['p2-exemplary-table-timeline.md', 'p2-blameful-draft-every-rule.md']) {
      await copyFile(join(repoRoot, 'fixtures', name), join(project, 'docs', name))
    }
    const bin = join(project, 'node_modules/.bin/postmortem-lint')
    expect(existsSync(bin)).toBe(true)

    const good = run(bin, ['docs/p2-exemplary-table-timeline.md', '-f', 'json'], project)
    expect(good.stderr).toBe('')
    expect(good.code).toBe(0)
    const [goodResult] = JSON.parse(good.stdout) as Array<{ errorCount: number; score: number }>
    expect(goodResult).toMatchObject({ errorCount: 0, score: 100 })

    const bad = run(bin, ['docs/'], project)
    expect(bad.code).toBe(1)
    expect(bad.stdout).toContain('p2-blameful-draft-every-rule.md')
    expect(bad.stdout).toMatch(/blameless-language/)

    const version = run(bin, ['--version'], project)
    expect(version.code).toBe(0)
    expect(version.stdout.trim()).toContain(packed.cli.manifest.version)
  }, slow)

  it('a plain .mjs imports lint from @postmortem-lint/core; docs links name the installed version', async () => {
    const script = [
      "import { lint, version } from '@postmortem-lint/core'",
      "const result = lint('# Checkout outage\\n\\n## Timeline (UTC)\\n\\n- 10:05 Dave forgot to run the migration.\\n', { filePath: 'outage.md' })",
      'console.log(JSON.stringify({ version, score: result.score, messages: result.messages.map((m) => [m.ruleId, m.docsUrl]) }))',
    ].join('\n')
    await writeFile(join(project, 'use-core.mjs'), `${script}\n`)
    const output = JSON.parse(runOk(process.execPath, ['use-core.mjs'], project).stdout) as {
      version: string
      score: number
      messages: Array<[string, string]>
    }
    expect(output.version).toBe(coreVersion)
    expect(output.score).toBeLessThan(100)
    expect(output.messages.map(([ruleId]) => ruleId)).toContain('blameless-language')
    for (const [ruleId, docsUrl] of output.messages) {
      expect(docsUrl).toBe(`https://github.com/postmortem-lint/postmortem-lint/blob/v${coreVersion}/rules/${ruleId}.md`)
    }
  }, slow)

  it('a strict TypeScript file type-checks against the installed types (module nodenext)', async () => {
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2023'],
          noEmit: true,
          skipLibCheck: false,
          exactOptionalPropertyTypes: true,
          // Only Node's own types: anything else the published types need must come with them.
          types: ['node'],
        },
        files: ['use-core.mts'],
      }),
    )
    await writeFile(
      join(project, 'use-core.mts'),
      [
        "import { defineRule, lint, resolveConfig, type LintMessage, type LintResult } from '@postmortem-lint/core'",
        "import remarkPostmortemLint from '@postmortem-lint/core/remark'",
        '',
        "const config = resolveConfig({ extends: 'strict', rules: { 'timeline-order': 'warn' } })",
        "const result: LintResult = lint('# Outage\\n', { filePath: 'outage.md', config })",
        'const first: LintMessage | undefined = result.messages[0]',
        // null only for a skipped file.
        'const score: number | null = result.score',
        // Fails the check if the types were lost (an `any` makes the directive unused).
        '// @ts-expect-error the score is a number or null',
        'const wrong: string = result.score',
        "const missed: string[] = result.rubric?.timeline?.missed.map((item) => item.text) ?? []",
        'const rule = defineRule({',
        "  id: 'summary-first',",
        "  meta: { description: 'The summary comes first', category: 'impact', defaultSeverity: 'warn', messages: { late: 'Summary first.' } },",
        '  check() {},',
        '})',
        'export { first, score, wrong, missed, rule, remarkPostmortemLint }',
        '',
      ].join('\n'),
    )
    const checked = run(process.execPath, [tsc, '-p', 'tsconfig.json'], project)
    expect(checked.stdout + checked.stderr).toBe('')
    expect(checked.code).toBe(0)
  }, slow)
})

describe('README', () => {
  it('quotes the installed dependency count and, roughly, the tarball sizes this test measures', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')
    const deps = /brings (\d+) other packages/.exec(readme)?.[1]
    expect(Number(deps), 'README: "brings N other packages"').toBe(measured['installed dependencies'])
    const kB = (text: string) => (text.endsWith('MB') ? parseFloat(text) * 1e6 : parseFloat(text) * 1e3)
    for (const name of ['@postmortem-lint/core', 'postmortem-lint']) {
      const row = new RegExp(`^\\| \`${escape(name)}\` \\| ([\\d.]+ [kM]B) \\| ([\\d.]+ [kM]B) \\|$`, 'm').exec(readme)
      expect(row, `README: the size row of ${name}`).not.toBeNull()
      // Loose: sizes drift with every change; a gross difference means the README is stale.
      expect(kB(row![1]!) / Number(measured[`${name} packed`])).toBeGreaterThan(0.8)
      expect(kB(row![1]!) / Number(measured[`${name} packed`])).toBeLessThan(1.25)
      expect(kB(row![2]!) / Number(measured[`${name} unpacked`])).toBeGreaterThan(0.8)
      expect(kB(row![2]!) / Number(measured[`${name} unpacked`])).toBeLessThan(1.25)
    }
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

async function* symlinks(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isSymbolicLink()) yield path
    else if (entry.isDirectory()) yield* symlinks(path)
  }
}
