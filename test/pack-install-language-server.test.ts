// The language server as it would be published: `npm pack` it and the core, install both
// tarballs offline into an empty project outside the repository, and drive the installed
// `postmortem-lint-language-server --stdio` with a real LSP client. Slow (two packs, an install).
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestClient, uriOf } from '../packages/language-server/test/lsp-client.js'
import { offlineLockfile, type Lockfile } from './helpers/offline-lockfile.js'
import { packPackage, runOk, type Packed } from './helpers/pack.js'

const repoRoot = join(import.meta.dirname, '..')
const slow = 240_000
let temp: string
let project: string
const packed: Record<'core' | 'server', Packed> = {} as Record<'core' | 'server', Packed>
const clients: TestClient[] = []

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'pml-pack-lsp-'))
  project = join(temp, 'project')
  for (const [key, dir] of [['core', 'packages/core'], ['server', 'packages/language-server']] as const) packed[key] = await packPackage(join(repoRoot, dir), temp)
  await mkdir(project)
  const monorepoLock = JSON.parse(await readFile(join(repoRoot, 'package-lock.json'), 'utf8')) as Lockfile
  const lock = offlineLockfile(
    monorepoLock,
    (['core', 'server'] as const).map((key) => ({ manifest: packed[key].manifest, spec: `file:../${packed[key].pack.filename}`, integrity: packed[key].pack.integrity })),
    { projectName: 'pack-install-lsp' },
  )
  await writeFile(join(project, 'package.json'), `${JSON.stringify({ name: 'pack-install-lsp', private: true, type: 'module', dependencies: lock.packages['']!.dependencies }, null, 2)}\n`)
  await writeFile(join(project, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`)
  runOk('npm', ['ci', '--offline', '--no-audit', '--no-fund'], project)
}, slow)

afterAll(async () => {
  for (const client of clients) await client.stop()
  if (temp) await rm(temp, { recursive: true, force: true })
})

describe('@postmortem-lint/language-server, packed and installed', () => {
  it('ships only the bin, the compiled dist/, README, LICENSE and package.json', () => {
    const paths = packed.server.pack.files.map((file) => file.path).sort()
    expect(paths.filter((path) => !/^(package\.json|README\.md|LICENSE|bin\/postmortem-lint-language-server\.js|dist\/[\w.-]+(?:\.d\.ts|(?<!\.d)\.js))$/.test(path))).toEqual([])
    for (const required of ['package.json', 'README.md', 'LICENSE', 'bin/postmortem-lint-language-server.js', 'dist/main.js', 'dist/index.js', 'dist/index.d.ts']) {
      expect(paths).toContain(required)
    }
    expect(readFileSync(join(packed.server.dir, 'LICENSE'), 'utf8')).toBe(readFileSync(join(repoRoot, 'LICENSE'), 'utf8'))
    expect(packed.server.manifest.dependencies?.['@postmortem-lint/core']).toBe(`^${packed.core.manifest.version}`)
    expect(packed.server.manifest.publishConfig).toEqual({ access: 'public', provenance: true })
  })

  it('node_modules/.bin/postmortem-lint-language-server --stdio lints a postmortem, resolving nothing in the monorepo', async () => {
    const bin = join(project, 'node_modules/.bin/postmortem-lint-language-server')
    expect(existsSync(bin)).toBe(true)
    const server = await realpath(bin)
    expect(server.startsWith(repoRoot)).toBe(false)
    const folder = join(project, 'docs')
    await mkdir(folder)
    const { client, initialized } = await TestClient.start({ folders: [folder], server, cwd: project })
    clients.push(client)
    expect(initialized.serverInfo?.name).toBe('postmortem-lint-language-server')
    const file = join(folder, 'draft.md')
    const text = readFileSync(join(repoRoot, 'fixtures/p2-blameful-draft-every-rule.md'), 'utf8')
    const uri = uriOf(file)
    const diagnostics = await client.nextDiagnostics(uri, () => client.open(uri, text))
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain('blameless-language')
    expect(diagnostics.every((diagnostic) => typeof diagnostic.codeDescription?.href === 'string' && diagnostic.codeDescription.href.includes(`/v${packed.core.manifest.version}/rules/`))).toBe(true)
  }, slow)
})
