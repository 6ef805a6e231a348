/**
 * Broken configs through the real binary: every one is exit 2 with one message naming the file,
 * the key and what is allowed, and no stack trace unless --debug asks for it.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { makeProject, removeProjects, runCli } from './helpers/cli.js'
import { completeP4 } from './helpers/postmortems.js'

afterAll(removeProjects)

const stackLine = /^\s+at /m

const cases: [name: string, file: string, content: string, message: string][] = [
  ['an unknown rule', 'postmortem-lint.config.json', '{ "rules": { "blame-less": "error" } }', 'postmortem-lint.config.json, at "rules.blame-less": unknown rule; known rules: action-specificity, blameless-language,'],
  ['a misspelt severity', 'postmortem-lint.config.json', '{ "rules": { "metadata": "eror" } }', 'postmortem-lint.config.json, at "rules.metadata": expected a severity ("off", "warn", "error") or [severity, options] (got "eror")'],
  ['an unknown option', 'postmortem-lint.config.json', '{ "rules": { "blameless-language": ["error", { "alow": [] }] } }', 'postmortem-lint.config.json, at "rules.blameless-language.alow": unknown key; allowed keys: allow, ignoreSections'],
  ['rules that are not an object', '.postmortemlintrc.json', '{ "rules": 5 }', '.postmortemlintrc.json, at "rules": expected object, got 5'],
  ['invalid JSON', 'postmortem-lint.config.json', '{\n  "rules": {\n    "metadata": "warn",\n  }\n}', 'postmortem-lint.config.json: invalid JSON at line 4, column 3'],
  ['YAML in .postmortemlintrc', '.postmortemlintrc', 'rules:\n  metadata: warn\n', '.postmortemlintrc: invalid JSON at line 1, column 1: Unexpected token \'r\' (this file is read as JSON; YAML is not supported)'],
  ['invalid JSON in package.json', 'package.json', '{ "postmortemLint": { "rules": {} }, }', 'package.json: invalid JSON at line 1, column'],
  ['a JS config that throws', 'postmortem-lint.config.mjs', 'throw new Error("no CONFIG_ENV set")\n', 'postmortem-lint.config.mjs: the config file threw while loading: no CONFIG_ENV set'],
  ['a JS config with a syntax error', 'postmortem-lint.config.mjs', 'export default { rules: }\n', 'postmortem-lint.config.mjs: the config file threw while loading: Unexpected token'],
  ['a JS config exporting a number', 'postmortem-lint.config.mjs', 'export default 42\n', 'postmortem-lint.config.mjs: expected object, got 42'],
  ['a JS config exporting a function', 'postmortem-lint.config.mjs', 'export default () => ({})\n', 'postmortem-lint.config.mjs: expected object, got a function'],
  ['a JS config exporting null', 'postmortem-lint.config.mjs', 'export default null\n', 'postmortem-lint.config.mjs, at "default": the default export is null; export the config object'],
  ['a CommonJS config exporting nothing', 'postmortem-lint.config.js', 'module.exports = undefined\n', 'postmortem-lint.config.js, at "default": the default export is undefined'],
]

describe('postmortem-lint: broken configs', () => {
  it.each(cases)('%s: exit 2, the file, the key and what is allowed, no stack trace', async (_name, file, content, message) => {
    const root = await makeProject({ [file]: content, 'a.md': completeP4 })
    const run = runCli(['a.md'], { cwd: root })
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(`postmortem-lint: Invalid configuration in ${message}`)
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(run.stderr).not.toMatch(stackLine)
  })

  it('--debug shows the stack trace of a throwing JS config, down to the line in the config', async () => {
    const root = await makeProject({
      'postmortem-lint.config.mjs': 'function readTeamRules() {\n  throw new Error("no CONFIG_ENV set")\n}\nexport default readTeamRules()\n',
      'a.md': completeP4,
    })
    const run = runCli(['--debug', 'a.md'], { cwd: root })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^postmortem-lint: Invalid configuration in postmortem-lint\.config\.mjs: the config file threw while loading: no CONFIG_ENV set\n/)
    expect(run.stderr).toMatch(stackLine)
    expect(run.stderr).toContain('Caused by: Error: no CONFIG_ENV set')
    expect(run.stderr).toMatch(/at readTeamRules \(file:\/\/.*postmortem-lint\.config\.mjs:2:9\)/)
  })

  it('-c with a broken config names the file given', async () => {
    const root = await makeProject({ 'configs/team.json': '{ "extends": "stricter" }', 'a.md': completeP4 })
    const run = runCli(['-c', 'configs/team.json', 'a.md'], { cwd: root })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Invalid configuration in configs/team.json, at "extends"')
    expect(run.stderr).toMatch(/recommended/)
    expect(run.stderr).not.toMatch(stackLine)
  })
})
