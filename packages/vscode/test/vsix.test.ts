// `npm run package` in packages/vscode: bundles the extension and the language server and packs
// them with vsce (offline, --no-dependencies). The .vsix must hold only the two bundles, the
// schema and the manifest's files, and the bundled server must run with no node_modules at all.
// Build the workspace first (`npm run build`): the server bundle is made from the compiled dist/.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestClient, uriOf } from '../../language-server/test/lsp-client.js'

const dir = new URL('..', import.meta.url).pathname
let entries: Map<string, Buffer>

/** The entries of a zip file, read from its central directory (stored or deflated). */
function readZip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  let end = zip.length - 22
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--
  if (end < 0) throw new Error('not a zip file: no end of central directory')
  const count = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry')
    const method = zip.readUInt16LE(at + 10)
    const compressed = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    const local = zip.readUInt32LE(at + 42)
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength)
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const data = zip.subarray(dataStart, dataStart + compressed)
    files.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data))
    at += 46 + nameLength + extraLength + commentLength
  }
  return files
}

beforeAll(() => {
  const run = spawnSync('npm', ['run', 'package'], { cwd: dir, encoding: 'utf8', input: '', timeout: 170_000 })
  if (run.status !== 0) throw new Error(`npm run package exited ${run.status}\n${run.stdout}\n${run.stderr}`)
  entries = readZip(readFileSync(join(dir, 'postmortem-lint.vsix')))
}, 180_000)

const clients: TestClient[] = []
const temporary: string[] = []
afterAll(async () => {
  for (const client of clients) await client.stop()
  for (const path of temporary) rmSync(path, { recursive: true, force: true })
})

describe('the .vsix', () => {
  it('the extension type-checks against the VS Code API it declares (engines.vscode)', () => {
    const tsc = join(dir, '../../node_modules/typescript/bin/tsc')
    const run = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', timeout: 120_000 })
    expect(run.stdout + run.stderr).toBe('')
    expect(run.status).toBe(0)
  }, 120_000)

  it('contains only the bundled extension and server, the schema and the manifest files', () => {
    expect([...entries.keys()].sort()).toEqual([
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/LICENSE.txt',
      'extension/dist/extension.js',
      'extension/dist/server.mjs',
      'extension/package.json',
      'extension/readme.md',
      'extension/schema/config.schema.json',
    ])
  })

  it('declares the settings and contributes the config schema for the config files', () => {
    const manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8')) as {
      main: string
      contributes: { jsonValidation: { fileMatch: string; url: string }[]; configuration: { properties: Record<string, unknown> } }
    }
    expect(manifest.main).toBe('./dist/extension.js')
    expect(manifest.contributes.jsonValidation.map((entry) => entry.fileMatch)).toEqual(['postmortem-lint.config.json', '.postmortemlintrc', '.postmortemlintrc.json'])
    for (const entry of manifest.contributes.jsonValidation) expect(entries.has(`extension/${entry.url.replace(/^\.\//, '')}`)).toBe(true)
    expect(Object.keys(manifest.contributes.configuration.properties).sort()).toEqual(['postmortemLint.enable', 'postmortemLint.run'])
    const schema = JSON.parse(entries.get('extension/schema/config.schema.json')!.toString('utf8')) as { title: string }
    const published = JSON.parse(readFileSync(join(dir, '../core/schema/config.schema.json'), 'utf8')) as unknown
    expect(schema).toEqual(published)
  })

  it('the extension bundle requires nothing but vscode and Node built-ins', () => {
    const code = entries.get('extension/dist/extension.js')!.toString('utf8')
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]!)
    expect(required).toContain('vscode')
    expect(required.filter((id) => id !== 'vscode' && !builtinModules.includes(id.replace(/^node:/, '')))).toEqual([])
  })

  it('the bundled server runs alone (no node_modules) and lints a postmortem', async () => {
    const alone = mkdtempSync(join(tmpdir(), 'pml-vsix-'))
    writeFileSync(join(alone, 'server.mjs'), entries.get('extension/dist/server.mjs')!)
    const folder = mkdtempSync(join(tmpdir(), 'pml-vsix-ws-'))
    temporary.push(alone, folder)
    const { client } = await TestClient.start({ folders: [folder], server: join(alone, 'server.mjs'), cwd: alone })
    clients.push(client)
    const uri = uriOf(join(folder, 'outage.md'))
    const text = [
      '# Checkout outage',
      '',
      '- **Date:** 2025-03-04',
      '- **Severity:** P4',
      '',
      '## Summary',
      '',
      'Checkout failed for 12 minutes.',
      '',
      '## Root cause',
      '',
      'Dave forgot to enable the warm-up job before the deploy.',
      '',
    ].join('\n')
    const diagnostics = await client.nextDiagnostics(uri, () => client.open(uri, text))
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain('blameless-language')
  })
})
