import { chmodSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ConfigError, decodeDocument, fatalResult, lintFiles, readDocument, resolveConfig, skippedResult } from '../../src/index.js'

const created: string[] = []
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true })
})

function tree(files: Record<string, string | Uint8Array>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'pml-files-')))
  created.push(root)
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return root
}

const postmortem = `# Incident: checkout errors

**Date:** 2024-03-05
**Severity:** SEV2

## Summary

Checkout returned errors for 40 minutes after a config push.

## Impact

About 1,200 orders failed.

## Timeline

All times UTC.

- 10:00 Config pushed
- 10:05 Dave forgot the flag
- 10:40 Rolled back

## Root cause

The config schema allowed an empty pool size.

## Action items

- Investigate
`

const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')])
const utf16be = (text: string) => new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()])

describe('decodeDocument', () => {
  it('decodes UTF-8, dropping a byte-order mark', () => {
    expect(decodeDocument(new TextEncoder().encode('# Títle ✓\n'))).toEqual({ ok: true, text: '# Títle ✓\n' })
    expect(decodeDocument(new Uint8Array([0xef, 0xbb, 0xbf, 0x23, 0x0a]))).toEqual({ ok: true, text: '#\n' })
    expect(decodeDocument(new Uint8Array())).toEqual({ ok: true, text: '' })
  })

  it('decodes UTF-16 with a byte-order mark, either byte order', () => {
    expect(decodeDocument(utf16le('# Outage ✓\n'))).toEqual({ ok: true, text: '# Outage ✓\n' })
    expect(decodeDocument(utf16be('# Outage ✓\n'))).toEqual({ ok: true, text: '# Outage ✓\n' })
  })

  it('refuses invalid UTF-16 instead of inventing replacement characters', () => {
    const odd = decodeDocument(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]))
    expect(odd).toEqual({ ok: false, problem: expect.stringMatching(/^not valid UTF-16LE/) })
    const loneSurrogate = decodeDocument(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))
    expect(loneSurrogate.ok).toBe(false)
  })

  it('refuses binary files and invalid UTF-8', () => {
    expect(decodeDocument(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toEqual({ ok: false, problem: 'binary file (contains NUL bytes), not Markdown' })
    expect(decodeDocument(new Uint8Array([0x23, 0x20, 0xc3, 0x28]))).toEqual({ ok: false, problem: 'not valid UTF-8; save the file as UTF-8' })
    expect(decodeDocument(Buffer.from('latin-1 caf\xe9', 'latin1')).ok).toBe(false)
  })
})

describe('skippedResult and fatalResult', () => {
  it('a skipped file has no score and no categories; a fatal one is one error with score 0', () => {
    expect(skippedResult('a.md', 'empty file')).toEqual({ filePath: 'a.md', messages: [], errorCount: 0, warningCount: 0, score: null, categories: {}, rubric: {}, skipped: 'empty file' })
    expect(fatalResult(null, 'binary')).toEqual({ filePath: null, messages: [], errorCount: 1, warningCount: 0, score: 0, categories: {}, rubric: {}, fatal: 'binary' })
  })
})

describe('lintFiles', () => {
  it('reads and lints files, in the order given', async () => {
    const root = tree({ 'a.md': postmortem, 'b.md': postmortem.replace(/\n/g, '\r\n') })
    const results = await lintFiles([join(root, 'b.md'), join(root, 'a.md')], { configSearch: { stopDir: root } })
    expect(results.map((result) => result.filePath)).toEqual([join(root, 'b.md'), join(root, 'a.md')])
    expect(results[0]!.messages.map((m) => [m.ruleId, m.line])).toEqual(results[1]!.messages.map((m) => [m.ruleId, m.line]))
    expect(results[0]!.messages.some((message) => message.ruleId === 'blameless-language' && message.line === 19)).toBe(true)
  })

  it('each file gets the config nearest to it', async () => {
    const root = tree({
      'postmortem-lint.config.json': JSON.stringify({ extends: [], rules: { 'blameless-language': 'error' } }),
      'team/.postmortemlintrc': JSON.stringify({ extends: [], rules: { 'action-specificity': 'warn' } }),
      'top.md': postmortem,
      'team/nested.md': postmortem,
    })
    const [top, nested] = await lintFiles([join(root, 'top.md'), join(root, 'team/nested.md')], { configSearch: { stopDir: root } })
    expect(new Set(top!.messages.map((message) => message.ruleId))).toEqual(new Set(['blameless-language']))
    expect(new Set(nested!.messages.map((message) => message.ruleId))).toEqual(new Set(['action-specificity']))
    expect(nested!.messages.every((message) => message.severity === 1)).toBe(true)
  })

  it('a given config is used for every file', async () => {
    const root = tree({ 'postmortem-lint.config.json': '{ not json', 'a.md': postmortem })
    const config = resolveConfig({ extends: [], rules: { 'blameless-language': 'warn' } })
    const [result] = await lintFiles([join(root, 'a.md')], { config })
    expect(result!.messages.map((message) => message.ruleId)).toEqual(['blameless-language'])
  })

  it('unreadable, binary, invalid UTF-8 and bad UTF-16 files give fatal results and the run goes on', async () => {
    const root = tree({
      'ok.md': postmortem,
      'binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]),
      'latin1.md': Buffer.from('# Caf\xe9\n', 'latin1'),
      'bad-utf16.md': new Uint8Array([0xff, 0xfe, 0x23, 0x00, 0x0a]),
      'utf16.md': utf16le(postmortem),
      'dir.md/keep': '',
    })
    const paths = ['missing.md', 'binary.md', 'latin1.md', 'bad-utf16.md', 'dir.md', 'utf16.md', 'ok.md'].map((name) => join(root, name))
    const results = await lintFiles(paths, { configSearch: { stopDir: root } })
    expect(results.map((result) => result.fatal ?? null)).toEqual([
      'file not found',
      'binary file (contains NUL bytes), not Markdown',
      'not valid UTF-8; save the file as UTF-8',
      expect.stringMatching(/^not valid UTF-16LE/),
      'is a directory',
      null,
      null,
    ])
    for (const result of results.slice(0, 5)) expect(result).toMatchObject({ errorCount: 1, score: 0, messages: [] })
    expect(results[5]!.messages).toEqual(results[6]!.messages)
  })

  it.skipIf(process.getuid?.() === 0)('a file without read permission is fatal', async () => {
    const root = tree({ 'secret.md': postmortem })
    chmodSync(join(root, 'secret.md'), 0o000)
    const [result] = await lintFiles([join(root, 'secret.md')], { configSearch: { stopDir: root } })
    expect(result!.fatal).toBe('permission denied')
  })

  it('a config error is thrown, not hidden in a result', async () => {
    const root = tree({ '.postmortemlintrc': '{"rules": {"nope": "error"}}', 'a.md': postmortem })
    await expect(lintFiles([join(root, 'a.md')], { configSearch: { stopDir: root } })).rejects.toBeInstanceOf(ConfigError)
  })

  it('detect: true skips an empty file, a README-like index and a template, with reasons', async () => {
    const root = tree({
      'empty.md': '\n\n',
      'README.md': '# Postmortems\n\nOur incident reviews, newest first.\n\n- [2024-03-05 checkout errors](2024-03-05.md)\n- [2024-02-01 login outage](2024-02-01.md)\n',
      'template.md': readFileSync(new URL('../../../../fixtures/not-postmortems/template.md', import.meta.url), 'utf8'),
      'real.md': postmortem,
    })
    const names = ['empty.md', 'README.md', 'template.md', 'real.md']
    const results = await lintFiles(
      names.map((name) => join(root, name)),
      { configSearch: { stopDir: root }, detect: true },
    )
    expect(results[0]!.skipped).toBe('empty file')
    expect(results[1]!.skipped).toMatch(/^looks like a readme page, not a postmortem/)
    expect(results[2]!.skipped).toMatch(/^a template: /)
    expect(results[3]!.skipped).toBeUndefined()
    expect(results[3]!.messages.length).toBeGreaterThan(0)
    for (const result of results.slice(0, 3)) expect(result).toMatchObject({ messages: [], errorCount: 0, score: null, categories: {} })
    // Without detect, the same files are linted.
    const linted = await lintFiles([join(root, 'template.md')], { configSearch: { stopDir: root } })
    expect(linted[0]!.skipped).toBeUndefined()
  })

  it('readDocument reports a missing file without throwing', async () => {
    expect(await readDocument(join(tmpdir(), 'pml-does-not-exist', 'x.md'))).toEqual({ ok: false, problem: 'file not found' })
  })
})
