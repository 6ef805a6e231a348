import { lint, resolveConfig } from '../../src/index.js'

/** Lint with only one rule enabled (optionally with options) and return its messages. */
export function run(id: string, markdown: string, options?: unknown) {
  const config = resolveConfig({ extends: [], rules: { [id]: options === undefined ? 'error' : ['error', options] } })
  return lint(markdown, { config }).messages.filter((m) => m.ruleId === id)
}
