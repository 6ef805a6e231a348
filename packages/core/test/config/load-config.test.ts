import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ConfigError, configFileNames, loadConfig, type LoadConfigOptions } from '../../src/index.js'
import { parseJson, syntaxErrorOffset } from '../../src/config/parse-json.js'

const created: string[] = []
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true })
})

/** A fresh temp tree: `files` maps relative paths to contents. Returns its (real) root. */
function tree(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'pml-config-')))
  created.push(root)
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return root
}

const json = (value: unknown) => JSON.stringify(value, null, 2)
const severityOf = (loaded: Awaited<ReturnType<typeof loadConfig>>, id: string) =>
  loaded.config.rules.find((entry) => entry.rule.id === id)?.severity ?? 'off'

async function load(root: string, from: string, options: Omit<LoadConfigOptions, 'searchFrom' | 'stopDir'> = {}) {
  const searchFrom = join(root, from)
  mkdirSync(searchFrom, { recursive: true })
  return loadConfig({ ...options, searchFrom, stopDir: root })
}

async function configErrorOf(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(ConfigError)
  return error as ConfigError
}

describe('loadConfig: where configs are found', () => {
  const offMetadata = { rules: { metadata: 'off' } }
  const cases: [string, string][] = [
    ['postmortem-lint.config.json', json(offMetadata)],
    ['.postmortemlintrc', json(offMetadata)],
    ['.postmortemlintrc.json', json(offMetadata)],
    ['postmortem-lint.config.mjs', `export default ${json(offMetadata)}\n`],
    ['postmortem-lint.config.js', `export default ${json(offMetadata)}\n`],
    ['package.json', json({ name: 'docs', postmortemLint: offMetadata })],
  ]
  it('searches every documented file name', () => {
    expect([...configFileNames].sort()).toEqual(cases.map(([name]) => name).sort())
  })
  for (const [name, content] of cases) {
    it(`finds ${name}, searching up from a subdirectory`, async () => {
      const root = tree({ [`docs/${name}`]: content, 'docs/package.json': name === 'package.json' ? content : json({ name: 'docs', type: 'module' }) })
      const loaded = await load(root, 'docs/postmortems/2024')
      expect(loaded.filePath).toBe(join(root, 'docs', name))
      expect(severityOf(loaded, 'metadata')).toBe('off')
      expect(severityOf(loaded, 'timeline-order')).toBe('error')
    })
  }

  it('the nearest directory wins', async () => {
    const root = tree({
      'postmortem-lint.config.json': json({ rules: { metadata: 'off' } }),
      'team/.postmortemlintrc': json({ rules: { 'timeline-order': 'warn' } }),
    })
    const near = await load(root, 'team/2024')
    expect(near.filePath).toBe(join(root, 'team/.postmortemlintrc'))
    expect([severityOf(near, 'metadata'), severityOf(near, 'timeline-order')]).toEqual(['warn', 'warn'])
    const far = await load(root, 'other')
    expect(far.filePath).toBe(join(root, 'postmortem-lint.config.json'))
    expect(severityOf(far, 'metadata')).toBe('off')
  })

  it('a package.json without a postmortemLint key is passed over', async () => {
    const root = tree({ 'postmortem-lint.config.json': json({ rules: { metadata: 'off' } }), 'team/package.json': json({ name: 'team' }) })
    expect((await load(root, 'team')).filePath).toBe(join(root, 'postmortem-lint.config.json'))
  })

  it('in one directory, package.json comes first', async () => {
    const root = tree({
      'package.json': json({ postmortemLint: { rules: { metadata: 'off' } } }),
      'postmortem-lint.config.json': json({}),
    })
    expect((await load(root, '.')).filePath).toBe(join(root, 'package.json'))
  })

  it('stops at stopDir and falls back to the defaults', async () => {
    const root = tree({ 'postmortem-lint.config.json': json({ rules: { metadata: 'off' } }), 'project/README.md': '' })
    const loaded = await loadConfig({ searchFrom: join(root, 'project'), stopDir: join(root, 'project') })
    expect(loaded.filePath).toBeNull()
    expect(severityOf(loaded, 'metadata')).toBe('warn')
  })

  it('an empty config file is passed over when searching, and means the defaults when given', async () => {
    const root = tree({ 'postmortem-lint.config.json': json({ rules: { metadata: 'off' } }), 'team/.postmortemlintrc': '  \n' })
    expect((await load(root, 'team')).filePath).toBe(join(root, 'postmortem-lint.config.json'))
    const given = await loadConfig({ configFile: join(root, 'team/.postmortemlintrc') })
    expect(given.filePath).toBe(join(root, 'team/.postmortemlintrc'))
    expect(given.config.rules).toHaveLength(10)
  })

  it('reads a config edited since the last search (no stale cache)', async () => {
    const root = tree({ 'postmortem-lint.config.json': json({ rules: { metadata: 'off' } }) })
    expect(severityOf(await load(root, 'a'), 'metadata')).toBe('off')
    writeFileSync(join(root, 'postmortem-lint.config.json'), json({ rules: { metadata: 'error' } }))
    expect(severityOf(await load(root, 'a'), 'metadata')).toBe('error')
    writeFileSync(join(root, 'a/.postmortemlintrc'), json({ rules: { metadata: 'warn' } }))
    expect(severityOf(await load(root, 'a'), 'metadata')).toBe('warn')
  })

  it('accepts a JSON file with a UTF-8 byte-order mark', async () => {
    const root = tree({ '.postmortemlintrc.json': `\uFEFF${json({ rules: { metadata: 'off' } })}` })
    expect(severityOf(await load(root, '.'), 'metadata')).toBe('off')
  })

  it('a JS config can add custom rules', async () => {
    const root = tree({
      'postmortem-lint.config.mjs': `export default {
  extends: [],
  customRules: [{
    id: 'team/no-tbd',
    meta: { description: 'No TBD', category: 'follow-up', defaultSeverity: 'error', messages: { tbd: 'TBD left in' } },
    check(doc, { report }) { if (doc.source.includes('TBD')) report({ messageId: 'tbd', at: doc.span }) },
  }],
}
`,
    })
    const loaded = await load(root, '.')
    expect(loaded.config.rules.map((entry) => entry.rule.id)).toEqual(['team/no-tbd'])
  })
})

describe('loadConfig: errors', () => {
  it('invalid JSON names the file and the line and column of the syntax error', async () => {
    const root = tree({ 'postmortem-lint.config.json': '{\n  "rules": {\n    "metadata": "off",\n  }\n}\n' })
    const error = await configErrorOf(load(root, 'x'))
    expect(error.filePath).toBe(join(root, 'postmortem-lint.config.json'))
    expect(error.message).toMatch(/postmortem-lint\.config\.json: invalid JSON at line 4, column 3: /)
  })

  it('invalid JSON in .postmortemlintrc and package.json is reported the same way', async () => {
    const rc = tree({ '.postmortemlintrc': "{ rules: {} }" })
    expect((await configErrorOf(load(rc, '.'))).message).toContain('.postmortemlintrc: invalid JSON at line 1, column 3')
    const pkg = tree({ 'package.json': '{\r\n  "name": "x",\r\n  "postmortemLint": { "rules": [1,] }\r\n}' })
    expect((await configErrorOf(load(pkg, '.'))).message).toContain('package.json: invalid JSON at line 3, column 35')
  })

  it('a valid JSON file with a bad config names the file and the key', async () => {
    const root = tree({ '.postmortemlintrc.json': json({ rules: { 'action-specificity': ['error', { require: ['budget'] }] } }) })
    const error = await configErrorOf(load(root, '.'))
    expect(error.filePath).toBe(join(root, '.postmortemlintrc.json'))
    expect(error.key).toBe('rules.action-specificity.require.0')
  })

  it('a JS config that throws is a ConfigError naming the file', async () => {
    const root = tree({ 'postmortem-lint.config.mjs': "throw new Error('no network here')\n" })
    const error = await configErrorOf(load(root, '.'))
    expect(error.filePath).toBe(join(root, 'postmortem-lint.config.mjs'))
    expect(error.problem).toBe('the config file threw while loading: no network here')
  })

  it('allowJavaScript: false refuses a JS config, found or given, with a clear message', async () => {
    const root = tree({ 'postmortem-lint.config.mjs': 'globalThis.ranUntrustedCode = true\nexport default {}\n' })
    const found = await configErrorOf(load(root, '.', { allowJavaScript: false }))
    expect(found.filePath).toBe(join(root, 'postmortem-lint.config.mjs'))
    expect(found.problem).toMatch(/^JavaScript config files are not allowed here .*use postmortem-lint\.config\.json$/)
    const given = await configErrorOf(loadConfig({ configFile: join(root, 'postmortem-lint.config.mjs'), allowJavaScript: false }))
    expect(given.problem).toMatch(/^JavaScript config files are not allowed/)
    expect((globalThis as { ranUntrustedCode?: boolean }).ranUntrustedCode).toBeUndefined()
  })

  it('an explicit configFile is used without searching, relative to the cwd', async () => {
    const root = tree({ 'configs/strict.json': json({ extends: 'strict' }), 'postmortem-lint.config.json': json({}) })
    const loaded = await loadConfig({ configFile: relative(process.cwd(), join(root, 'configs/strict.json')) })
    expect(loaded.filePath).toBe(join(root, 'configs/strict.json'))
    expect(loaded.config.rules.every((entry) => entry.severity === 'error')).toBe(true)
  })

  it('an explicit configFile that does not exist is an error', async () => {
    const root = tree({})
    const error = await configErrorOf(loadConfig({ configFile: join(root, 'missing.json') }))
    expect(error.filePath).toBe(join(root, 'missing.json'))
    expect(error.problem).toBe('config file not found')
  })

  it('an explicit configFile with an unknown extension is a ConfigError', async () => {
    const root = tree({ 'config.yaml': 'rules: {}\n' })
    const error = await configErrorOf(loadConfig({ configFile: join(root, 'config.yaml') }))
    expect(error.filePath).toBe(join(root, 'config.yaml'))
  })
})

describe('parseJson: syntax error positions', () => {
  const positionOf = (text: string) => {
    try {
      parseJson(text)
    } catch (error) {
      const { line, column } = error as { line: number; column: number }
      return [line, column]
    }
    return null
  }

  it('parses valid JSON, with or without a byte-order mark', () => {
    expect(parseJson('{"a": [1, 2.5e3, -0, "\\u00e9", true, null]}')).toEqual({ a: [1, 2500, -0, 'é', true, null] })
    expect(parseJson('\uFEFF{}')).toEqual({})
    expect(syntaxErrorOffset('{"a": [1, {"b": "c"}], "d": false}')).toBeNull()
  })

  it.each([
    ['{ "a": 1, }', [1, 11]],
    ['[1,]', [1, 4]],
    ['{"a": tru}', [1, 10]],
    ['{\n  "a": 1\n  "b": 2\n}', [3, 3]],
    ["{'a': 1}", [1, 2]],
    ['{"a": 1} x', [1, 10]],
    ['{"a": "line\nbreak"}', [1, 12]],
    ['{"a": 01}', [1, 8]],
    ['{"a": "\\x"}', [1, 9]],
    ['{\r\n"a":\r\n}', [3, 1]],
    ['{"a": ', [1, 7]],
    ['', [1, 1]],
  ])('%j fails at line and column %j', (text, expected) => {
    expect(positionOf(text)).toEqual(expected)
  })

  it('drops the quoted input from the reason, the position being given apart', () => {
    const reasonOf = (text: string) => {
      try {
        parseJson(text)
      } catch (error) {
        return (error as { reason: string }).reason
      }
      return null
    }
    for (const text of ['[1,]', `[${'"x", '.repeat(20)}]`, '{"a" "b"}']) {
      expect(reasonOf(text)).not.toMatch(/"\[|is not valid JSON|at position/)
    }
  })
})
