// The language server driven over stdio by a real LSP client, as an editor drives it. Build first
// (`npm run build`): the test spawns bin/postmortem-lint-language-server.js on the compiled dist/.
import { utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol/node'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { makeProject, removeProjects, runCli } from '../../../test/helpers/cli.js'
import { completeP4 } from '../../../test/helpers/postmortems.js'
import { TestClient, uriOf } from './lsp-client.js'

afterAll(removeProjects)
const clients: TestClient[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) await client.stop()
})

async function start(folders: string[], initializationOptions?: Record<string, unknown>): Promise<TestClient> {
  const { client } = await TestClient.start({ folders, ...(initializationOptions ? { initializationOptions } : {}) })
  clients.push(client)
  return client
}

const blamed = '🔥🔥 Dave forgot to enable the warm-up job before the deploy.'

/** A short postmortem with emoji, a blamed person after emoji and a vague action in a table row. */
const postmortem = [
  ['# Search latency spike', '# Search latency spike 🔥'],
  ['were slow for', 'were slow 🐢 for'],
  ['The cache node restarted with an empty cache, and the warm-up job was disabled in the last deploy.', `${blamed} The cache node restarted with an empty cache.`],
  ['Re-enable the cache warm-up job and alert when it is skipped', 'Investigate caching 🧊'],
].reduce((text, [from, to]) => {
  if (!text.includes(from!)) throw new Error(`completeP4 no longer has "${from}"`)
  return text.replace(from!, to!)
}, completeP4)
const crlf = (text: string): string => text.replace(/\n/g, '\r\n')

interface CliMessage {
  ruleId: string
  severity: 1 | 2
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  docsUrl: string
}

function cliMessages(root: string, file: string): CliMessage[] {
  const run = runCli(['-f', 'json', file], { cwd: root })
  const [result] = JSON.parse(run.stdout) as { messages: CliMessage[] }[]
  return result!.messages
}

const byRule = (diagnostics: readonly Diagnostic[], rule: string): Diagnostic[] => diagnostics.filter((diagnostic) => diagnostic.code === rule)

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits)
}

describe('language server over stdio', () => {
  it('initializes with diagnostics, code actions and code lenses', async () => {
    const root = await makeProject({})
    const { client, initialized } = await TestClient.start({ folders: [root] })
    clients.push(client)
    expect(initialized.capabilities.codeActionProvider).toBeTruthy()
    expect(initialized.capabilities.codeLensProvider).toBeTruthy()
    expect(initialized.capabilities.textDocumentSync).toMatchObject({ openClose: true })
    // It asks to be told about config and ignore files.
    await client.until('a file watcher registration', () => (client.registrations.length ? true : undefined))
    expect(JSON.stringify(client.registrations)).toContain('postmortem-lint.config.json')
  })

  for (const [name, text] of [['LF', postmortem], ['CRLF', crlf(postmortem)]] as const) {
    it(`didOpen gives the CLI's findings with the same ranges in UTF-16 columns (${name}, emoji)`, async () => {
      const root = await makeProject({ 'docs/spike.md': text })
      const file = join(root, 'docs/spike.md')
      const expected = cliMessages(root, file)
      expect(expected.map((message) => message.ruleId)).toEqual(['blameless-language', 'action-specificity'])
      const client = await start([root])
      const uri = uriOf(file)
      const diagnostics = await client.nextDiagnostics(uri, () => client.open(uri, text))
      expect(diagnostics).toHaveLength(expected.length)
      const document = TextDocument.create(uri, 'markdown', 1, text)
      for (const [index, message] of expected.entries()) {
        const diagnostic = diagnostics[index]!
        expect(diagnostic.code).toBe(message.ruleId)
        expect(diagnostic.codeDescription?.href).toBe(message.docsUrl)
        expect(diagnostic.source).toBe('postmortem-lint')
        expect(diagnostic.severity).toBe(message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning)
        expect(diagnostic.message.startsWith(message.message)).toBe(true)
        expect(diagnostic.range).toEqual({
          start: { line: message.line - 1, character: message.column - 1 },
          end: { line: message.endLine - 1, character: message.endColumn - 1 },
        })
      }
      // The ranges cover the reported text itself, surrogate pairs counted as two units.
      expect(document.getText(byRule(diagnostics, 'blameless-language')[0]!.range)).toBe(blamed)
      expect(document.getText(byRule(diagnostics, 'action-specificity')[0]!.range)).toBe('Investigate caching 🧊')
      const score = await client.until('a score', () => client.scores.find((params) => params.uri === uri))
      expect(score.score).toBe(JSON.parse(runCli(['-f', 'json', file], { cwd: root }).stdout)[0].score)
      const [lens] = await client.codeLenses(uri)
      expect(lens?.range.start.line).toBe(0)
      expect(lens?.command?.title).toMatch(new RegExp(`^Rubric score ${score.score}/100 · misses: .*Blameless tone 80`))
    })
  }

  it('didChange updates the findings; a newer edit supersedes older ones', async () => {
    const root = await makeProject({})
    const uri = uriOf(join(root, 'spike.md'))
    const client = await start([root], { debounceMs: 100 })
    await client.nextDiagnostics(uri, () => client.open(uri, postmortem))
    const fixed = postmortem.replace(blamed, 'The warm-up job was not part of the deploy pipeline, so nothing ran it.')
    const from = client.published.length
    let last = 0
    for (let edit = 0; edit < 5; edit++) last = await client.change(uri, edit % 2 ? postmortem : fixed)
    const diagnostics = await client.until('diagnostics after the edits', () => client.published.slice(from).find((params) => params.uri === uri)?.diagnostics)
    expect(byRule(diagnostics, 'blameless-language')).toEqual([])
    expect(byRule(diagnostics, 'action-specificity')).toHaveLength(1)
    await new Promise((resolve) => setTimeout(resolve, 400))
    const after = client.published.slice(from).filter((params) => params.uri === uri)
    // Debounced: one run for the five edits, for the last version.
    expect(after.map((params) => params.version)).toEqual([last])
  })

  it('lints a document at once when it is opened; only edits wait for the debounce', async () => {
    const root = await makeProject({})
    const client = await start([root], { debounceMs: 20_000 })
    const uri = uriOf(join(root, 'spike.md'))
    const from = client.published.length
    await client.open(uri, postmortem)
    // Well under the 20 s debounce, even on a loaded machine.
    const opened = await client.until('diagnostics on open', () => client.published.slice(from).find((params) => params.uri === uri), 12_000)
    expect(opened.version).toBe(1)
    const after = client.published.length
    await client.change(uri, `${postmortem}\nMore.\n`)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(client.published.slice(after)).toEqual([])
  })

  it("applying a code action's edit removes the finding (line in prose, line in a table row, whole file)", async () => {
    const root = await makeProject({})
    const uri = uriOf(join(root, 'spike.md'))
    const client = await start([root], { debounceMs: 0 })
    let text = crlf(postmortem)
    const diagnostics = await client.nextDiagnostics(uri, () => client.open(uri, text))
    for (const rule of ['blameless-language', 'action-specificity']) {
      const actions = await client.codeActions(uri, byRule(diagnostics, rule))
      expect(actions.map((action) => action.title)).toEqual([`Disable ${rule} for this line`, `Disable ${rule} for this file`])
      text = apply(text, actions[0]!.edit!.changes![uri]!)
      const current = text
      const after = await client.nextDiagnostics(uri, async () => void (await client.change(uri, current)))
      expect(byRule(after, rule)).toEqual([])
    }
    expect(text).toContain(`${blamed} The cache node restarted with an empty cache. <!-- postmortem-lint-disable-line blameless-language -->\r\n`)
    expect(text).toContain('| Prevent | SRCH-41 <!-- postmortem-lint-disable-line action-specificity --> |\r\n')

    const fresh = postmortem
    const reopened = uriOf(join(root, 'other.md'))
    const first = await client.nextDiagnostics(reopened, () => client.open(reopened, fresh))
    const [, forFile] = await client.codeActions(reopened, byRule(first, 'blameless-language'))
    const disabled = apply(fresh, forFile!.edit!.changes![reopened]!)
    expect(disabled.startsWith('<!-- postmortem-lint-disable blameless-language -->\n# Search latency spike')).toBe(true)
    const after = await client.nextDiagnostics(reopened, async () => void (await client.change(reopened, disabled)))
    expect(byRule(after, 'blameless-language')).toEqual([])
    expect(byRule(after, 'action-specificity')).toHaveLength(1)
  })

  it('an unused directive is removed by its quick fix, whole or only its unused ids', async () => {
    const root = await makeProject({ 'postmortem-lint.config.json': JSON.stringify({ reportUnusedDisableDirectives: true }) })
    const client = await start([root], { debounceMs: 0 })
    const uri = uriOf(join(root, 'spike.md'))
    const unused = (diagnostics: Diagnostic[]) => byRule(diagnostics, 'unused-disable-directive')
    let text = postmortem
      .replace('## Summary\n', '## Summary\n<!-- postmortem-lint-disable-next-line timeline-order -->\n')
      .replace(blamed, `${blamed} <!-- postmortem-lint-disable-line blameless-language, metadata -- quoted from the chat -->`)
    const before = await client.nextDiagnostics(uri, () => client.open(uri, text))
    expect(unused(before)).toHaveLength(2)
    expect(byRule(before, 'blameless-language')).toEqual([])
    for (const diagnostic of unused(before).reverse()) {
      const actions = await client.codeActions(uri, [diagnostic])
      expect(actions).toHaveLength(1)
      text = apply(text, actions[0]!.edit!.changes![uri]!)
    }
    expect(text).toContain('## Summary\n\nSearch responses')
    expect(text).toContain(`${blamed} <!-- postmortem-lint-disable-line blameless-language -- quoted from the chat -->`)
    const current = text
    const after = await client.nextDiagnostics(uri, async () => void (await client.change(uri, current)))
    expect(unused(after)).toEqual([])
    expect(byRule(after, 'blameless-language')).toEqual([])
  })

  it('re-lints open documents when a config file changes; a broken config is one diagnostic on it, and the server goes on', async () => {
    const root = await makeProject({})
    const uri = uriOf(join(root, 'spike.md'))
    const configPath = join(root, 'postmortem-lint.config.json')
    const client = await start([root], { debounceMs: 0 })
    const before = await client.nextDiagnostics(uri, () => client.open(uri, postmortem))
    expect(byRule(before, 'blameless-language')).toHaveLength(1)

    await writeFile(configPath, JSON.stringify({ rules: { 'blameless-language': 'off' } }))
    const off = await client.nextDiagnostics(uri, () => client.fileChanged(configPath))
    expect(byRule(off, 'blameless-language')).toEqual([])
    expect(byRule(off, 'action-specificity')).toHaveLength(1)

    await writeFile(configPath, '{ "rules": { "blameless-language": "loud" ')
    const configDiagnostics = await client.nextDiagnostics(uriOf(configPath), () => client.fileChanged(configPath), (diagnostics) => diagnostics.length > 0)
    expect(configDiagnostics).toHaveLength(1)
    expect(configDiagnostics[0]!.message).toMatch(/^Invalid postmortem-lint configuration: invalid JSON/)
    // Where the parser stopped: the end of the one-line file.
    expect(configDiagnostics[0]!.range.start.line).toBe(0)
    expect(configDiagnostics[0]!.range.start.character).toBeGreaterThan(30)
    await client.until('the document cleared', () => client.published.filter((params) => params.uri === uri).at(-1)?.diagnostics.length === 0 || undefined)

    await writeFile(configPath, JSON.stringify({ extends: 'recommended', rules: { 'blameless-language': 'loud' } }, null, 2))
    const invalid = await client.nextDiagnostics(uriOf(configPath), () => client.fileChanged(configPath), (diagnostics) => diagnostics.length > 0)
    expect(invalid[0]!.message).toMatch(/at "rules.blameless-language"/)
    // On the key itself: line 4 is `    "blameless-language": "loud"`.
    expect(invalid[0]!.range).toEqual({ start: { line: 3, character: 4 }, end: { line: 3, character: 24 } })

    await writeFile(configPath, JSON.stringify({ rules: { 'blameless-language': 'warn' } }))
    const cleared = await client.nextDiagnostics(uriOf(configPath), () => client.fileChanged(configPath))
    expect(cleared).toEqual([])
    const warned = await client.until('findings again', () => {
      const last = client.published.filter((params) => params.uri === uri).at(-1)?.diagnostics
      return last && byRule(last, 'blameless-language').length ? last : undefined
    })
    expect(byRule(warned, 'blameless-language')[0]!.severity).toBe(DiagnosticSeverity.Warning)
    expect(client.exited).toBeUndefined()
  })

  it('re-reads an edited JavaScript config (not the module Node cached)', async () => {
    const root = await makeProject({ 'postmortem-lint.config.mjs': "export default { rules: { 'blameless-language': 'off' } }\n" })
    const configPath = join(root, 'postmortem-lint.config.mjs')
    const uri = uriOf(join(root, 'spike.md'))
    const client = await start([root], { debounceMs: 0 })
    expect(byRule(await client.nextDiagnostics(uri, () => client.open(uri, postmortem)), 'blameless-language')).toEqual([])
    await writeFile(configPath, "export default { rules: { 'blameless-language': 'warn' } }\n")
    const later = new Date(Date.now() + 5000)
    await utimes(configPath, later, later)
    const after = await client.nextDiagnostics(uri, () => client.fileChanged(configPath))
    expect(byRule(after, 'blameless-language').map((diagnostic) => diagnostic.severity)).toEqual([DiagnosticSeverity.Warning])
  })

  it('in an editor that reports no file changes, an edited config applies from the next lint', async () => {
    const root = await makeProject({})
    const { client } = await TestClient.start({ folders: [root], watchesFiles: false, initializationOptions: { debounceMs: 0 } })
    clients.push(client)
    const uri = uriOf(join(root, 'spike.md'))
    expect(byRule(await client.nextDiagnostics(uri, () => client.open(uri, postmortem)), 'blameless-language')).toHaveLength(1)
    expect(client.registrations).toEqual([])
    await writeFile(join(root, '.postmortemlintrc.json'), JSON.stringify({ rules: { 'blameless-language': 'off' } }))
    const after = await client.nextDiagnostics(uri, async () => void (await client.change(uri, `${postmortem}\nMore.\n`)))
    expect(byRule(after, 'blameless-language')).toEqual([])
  })

  it('lints what the CLI lints: ignored files, non-postmortems and non-Markdown get no findings', async () => {
    const root = await makeProject({
      '.postmortemlintignore': 'drafts/\n',
      'postmortem-lint.config.json': JSON.stringify({ ignore: ['templates/**'] }),
    })
    const client = await start([root], { debounceMs: 0 })
    for (const [path, text, reason] of [
      ['drafts/spike.md', postmortem, /ignored by \.postmortemlintignore/],
      ['templates/spike.md', postmortem, /ignored by "ignore"/],
      ['node_modules/pkg/spike.md', postmortem, /directory search skips/],
      ['README.md', '# Team handbook\n\nWelcome. This folder holds our on-call notes.\n', /./],
    ] as const) {
      const uri = uriOf(join(root, path))
      const diagnostics = await client.nextDiagnostics(uri, () => client.open(uri, text))
      expect(diagnostics).toEqual([])
      const score = await client.until(`score of ${path}`, () => client.scores.find((params) => params.uri === uri))
      expect(score.score).toBeNull()
      expect(score.reason).toMatch(reason)
    }
  })

  it('multi-root: each folder has its own config; closing a document clears it', async () => {
    const strict = await makeProject({ 'postmortem-lint.config.json': JSON.stringify({ rules: { 'action-specificity': 'off' } }) })
    const plain = await makeProject({})
    const client = await start([strict, plain], { debounceMs: 0 })
    const a = uriOf(join(strict, 'a.md'))
    const b = uriOf(join(plain, 'b.md'))
    const inStrict = await client.nextDiagnostics(a, () => client.open(a, postmortem))
    const inPlain = await client.nextDiagnostics(b, () => client.open(b, postmortem))
    expect(byRule(inStrict, 'action-specificity')).toEqual([])
    expect(byRule(inPlain, 'action-specificity')).toHaveLength(1)
    const closed = await client.nextDiagnostics(b, () => client.close(b))
    expect(closed).toEqual([])
  })

  it('a folder added to the workspace takes over its files (its include globs apply)', async () => {
    const first = await makeProject({})
    const second = await makeProject({ 'postmortem-lint.config.json': JSON.stringify({ include: ['docs/**'] }) })
    const client = await start([first], { debounceMs: 0 })
    const uri = uriOf(join(second, 'notes.md'))
    // Outside every folder: linted as a file named on the command line (include does not apply).
    expect(byRule(await client.nextDiagnostics(uri, () => client.open(uri, postmortem)), 'blameless-language')).toHaveLength(1)
    // In a folder whose config includes only docs/**: a directory search would not lint it.
    expect(await client.nextDiagnostics(uri, () => client.addFolder(second))).toEqual([])
    const score = await client.until('a score with a reason', () => client.scores.filter((params) => params.uri === uri).at(-1)?.reason?.includes('include') || undefined)
    expect(score).toBe(true)
  })

  it('with no workspace folder, a file is linted as if named on the command line from its directory', async () => {
    const dir = await makeProject({ '.postmortemlintignore': 'skip.md\n', 'postmortem-lint.config.json': JSON.stringify({ include: ['nothing/**'] }) })
    const client = await start([], { debounceMs: 0 })
    const kept = uriOf(join(dir, 'kept.md'))
    const skipped = uriOf(join(dir, 'skip.md'))
    expect(byRule(await client.nextDiagnostics(kept, () => client.open(kept, postmortem)), 'blameless-language')).toHaveLength(1)
    expect(await client.nextDiagnostics(skipped, () => client.open(skipped, postmortem))).toEqual([])
  })

  it('enable: false clears every diagnostic; true lints again', async () => {
    const root = await makeProject({})
    const client = await start([root], { debounceMs: 0 })
    const uri = uriOf(join(root, 'spike.md'))
    await client.nextDiagnostics(uri, () => client.open(uri, postmortem))
    expect(await client.nextDiagnostics(uri, () => client.settings({ enable: false }))).toEqual([])
    const from = client.published.length
    await client.change(uri, `${postmortem}\nMore text.\n`)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(client.published.slice(from)).toEqual([])
    const again = await client.nextDiagnostics(uri, () => client.settings({ enable: true }))
    expect(byRule(again, 'blameless-language')).toHaveLength(1)
  })

  it('a hostile document (deep nesting, huge lines, control characters) leaves the server running', async () => {
    const root = await makeProject({})
    const client = await start([root], { debounceMs: 0 })
    const hostile = uriOf(join(root, 'hostile.md'))
    const text = `# Outage\n\n${'> '.repeat(5000)}x\n${'- '.repeat(5000)}y\n${'['.repeat(20000)}\n${'a'.repeat(200_000)}\n\u0000\u0001\uD800\n`
    await client.nextDiagnostics(hostile, () => client.open(hostile, text))
    const good = uriOf(join(root, 'good.md'))
    const diagnostics = await client.nextDiagnostics(good, () => client.open(good, postmortem))
    expect(byRule(diagnostics, 'blameless-language')).toHaveLength(1)
    // An untitled buffer has no path: linted with the folder's config.
    const untitled = 'untitled:Untitled-1'
    const inBuffer = await client.nextDiagnostics(untitled, () => client.open(untitled, postmortem))
    expect(byRule(inBuffer, 'blameless-language')).toHaveLength(1)
    expect(client.exited).toBeUndefined()
  })

  it('run on save: edits do not lint until saved', async () => {
    const root = await makeProject({})
    const client = await start([root], { debounceMs: 0, run: 'onSave' })
    const uri = uriOf(join(root, 'spike.md'))
    await client.nextDiagnostics(uri, () => client.open(uri, postmortem))
    const from = client.published.length
    await client.change(uri, postmortem.replace(blamed, 'The warm-up job was not in the pipeline.'))
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(client.published.slice(from).filter((params) => params.uri === uri)).toEqual([])
    const saved = await client.nextDiagnostics(uri, () => client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } }))
    expect(byRule(saved, 'blameless-language')).toEqual([])
  })
})

