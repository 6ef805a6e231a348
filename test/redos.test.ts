/**
 * Every regular expression in the codebase passes recheck, a maintained ReDoS checker: regex
 * literals and `new RegExp('literal')` in packages/*\/src (found with the TypeScript parser, not a
 * regex over the source), the patterns in packages/core/data/*.yml, and every RegExp the core
 * builds at run time from phrase lists and templates (recorded while it is imported and lints the
 * fixtures). A `vulnerable` verdict fails with file:line, pattern and attack string.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { check, type Diagnostics } from 'recheck'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { parse as parseYaml, parseDocument, isMap, isScalar, type Node as YamlNode } from 'yaml'

const repoRoot = new URL('..', import.meta.url).pathname
const TIMEOUT_MS = 10_000

interface Found {
  where: string
  source: string
  flags: string
}

function filesUnder(dir: string, suffix: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => file.endsWith(suffix))
    .sort()
    .map((file) => join(dir, file))
}

/** Regex literals and `new RegExp(<string literal>, <string literal>?)` in one TypeScript file. */
export function regexesInTypeScript(file: string, text: string): Found[] {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found: Found[] = []
  const where = (node: ts.Node) => `${relative(repoRoot, file)}:${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}`
  const literalText = (node: ts.Node | undefined): string | null =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(sourceFile)
      const slash = literal.lastIndexOf('/')
      found.push({ where: where(node), source: literal.slice(1, slash), flags: literal.slice(slash + 1) })
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const source = literalText(node.arguments?.[0])
      if (source !== null) found.push({ where: where(node), source, flags: literalText(node.arguments?.[1]) ?? '' })
    }
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)
  return found
}

/** Every `pattern:` value in a data file, with the flags the code compiles it with. */
function regexesInData(file: string): Found[] {
  const text = readFileSync(file, 'utf8')
  const document = parseDocument(text)
  const found: Found[] = []
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length
  const visit = (node: YamlNode | null | unknown): void => {
    if (isMap(node)) {
      const entry = node.toJSON() as Record<string, unknown>
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.value === 'pattern' && isScalar(pair.value) && typeof pair.value.value === 'string') {
          // placeholders.yml: case-insensitive unless caseSensitive; sensitive-patterns.yml: `flags`, default "u".
          const flags = typeof entry.flags === 'string' ? entry.flags : file.endsWith('placeholders.yml') ? (entry.caseSensitive ? 'u' : 'iu') : 'u'
          found.push({ where: `${relative(repoRoot, file)}:${lineOf(pair.value.range?.[0] ?? 0)}`, source: pair.value.value, flags })
        }
        visit(pair.value)
      }
    } else if (node && typeof node === 'object' && 'items' in node) {
      for (const item of (node as { items: unknown[] }).items) visit(item)
    }
  }
  visit(document.contents)
  return found
}

/**
 * The RegExps the core constructs at run time: RegExp is wrapped while the core is imported
 * afresh and lints the fixtures, and each construction is recorded with its calling line.
 */
async function regexesBuiltAtRunTime(): Promise<Found[]> {
  const found: Found[] = []
  const original = globalThis.RegExp
  const recording = new Proxy(original, {
    construct(target, args: [string | RegExp, string?]) {
      const regex = Reflect.construct(target, args) as RegExp
      const frame = (new Error().stack ?? '').split('\n').find((line) => /packages\/[^/]+\/src\//.test(line) && !line.includes('redos.test'))
      if (frame) {
        const at = /(packages\/[^:)]+:\d+)/.exec(frame)?.[1] ?? 'runtime'
        found.push({ where: `${at} (built at run time)`, source: regex.source, flags: regex.flags })
      }
      return regex
    },
  })
  globalThis.RegExp = recording
  try {
    vi.resetModules()
    const core = (await import('@postmortem-lint/core')) as typeof import('@postmortem-lint/core')
    const config = core.resolveConfig({ reportUnusedDisableDirectives: true })
    for (const file of filesUnder(join(repoRoot, 'fixtures'), '.md')) core.lint(readFileSync(file, 'utf8'), { filePath: file, config, detect: true })
  } finally {
    globalThis.RegExp = original
  }
  return found
}

function dedupe(found: Found[]): Found[] {
  const seen = new Map<string, Found>()
  for (const entry of found) {
    const key = `${entry.flags}/${entry.source}`
    if (!seen.has(key)) seen.set(key, entry)
  }
  return [...seen.values()]
}

function describeAttack(found: Found, result: Diagnostics): string {
  const attack = result.status === 'vulnerable' ? result.attack.pattern : ''
  const complexity = result.status === 'vulnerable' ? result.complexity.summary : ''
  return `${found.where}: /${found.source}/${found.flags} is vulnerable (${complexity}); attack: ${attack}`
}

async function vulnerable(regexes: Found[]): Promise<{ failures: string[]; unknown: string[] }> {
  const failures: string[] = []
  const unknown: string[] = []
  for (const found of regexes) {
    const result = await check(found.source, found.flags.replace(/[gy]/g, ''), { timeout: TIMEOUT_MS })
    if (result.status === 'vulnerable') failures.push(describeAttack(found, result))
    else if (result.status === 'unknown') unknown.push(`${found.where}: /${found.source}/${found.flags}: ${result.error.kind}`)
  }
  return { failures, unknown }
}

describe('ReDoS: every regular expression passes recheck', () => {
  let all: Found[] = []
  const counts = { literal: 0, data: 0, runtime: 0 }

  beforeAll(async () => {
    const literals = readdirSync(join(repoRoot, 'packages'))
      .flatMap((pkg) => {
        try {
          return filesUnder(join(repoRoot, 'packages', pkg, 'src'), '.ts')
        } catch {
          return []
        }
      })
      .flatMap((file) => regexesInTypeScript(file, readFileSync(file, 'utf8')))
    const data = filesUnder(join(repoRoot, 'packages', 'core', 'data'), '.yml').flatMap(regexesInData)
    const runtime = await regexesBuiltAtRunTime()
    Object.assign(counts, { literal: literals.length, data: data.length, runtime: runtime.length })
    all = dedupe([...literals, ...data, ...runtime])
  }, 60_000)

  afterAll(() => {
    // Printed so a run shows how much was checked.
    console.info(`redos: ${all.length} distinct regexes (${counts.literal} literals, ${counts.data} data patterns, ${counts.runtime} built at run time)`)
  })

  it('finds the regexes (the collectors work)', () => {
    expect(counts.literal).toBeGreaterThan(100)
    expect(counts.data).toBeGreaterThan(10)
    expect(counts.runtime).toBeGreaterThan(10)
    expect(parseYaml('a: 1')).toEqual({ a: 1 })
  })

  it('reports a known-bad pattern with its location and an attack string', async () => {
    const found = regexesInTypeScript('/virtual/bad.ts', "const BAD = /^(a+)+$/\nconst ALSO = new RegExp('(x|x)*y', 'g')\n")
    expect(found.map((entry) => entry.where)).toEqual([1, 2].map((line) => `${relative(repoRoot, '/virtual/bad.ts')}:${line}`))
    const { failures } = await vulnerable(found)
    expect(failures).toHaveLength(2)
    expect(failures[0]).toMatch(/bad\.ts:1: \/\^\(a\+\)\+\$\/ is vulnerable \(exponential\); attack: 'a'/)
  }, 60_000)

  it('no regular expression is vulnerable', async () => {
    const { failures, unknown } = await vulnerable(all)
    if (unknown.length > 0) console.warn(`redos: recheck could not decide on ${unknown.length}:\n${unknown.join('\n')}`)
    expect(failures).toEqual([])
  }, 600_000)
})
