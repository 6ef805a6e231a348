import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { configSchemaUrl } from '@postmortem-lint/core'
import { FileExistsError, writeFileAtomic } from './atomic-write.js'
import type { CliContext } from './context.js'
import { CliError } from './errors.js'
import { messages } from './messages/errors.js'
import { describeWriteError } from './write-error.js'

export const initFileName = 'postmortem-lint.config.json'

/**
 * The file `--init` writes: the recommended preset and an empty rules object to fill in, with
 * `$schema` pointing at the installed core's JSON Schema so editors check and complete it.
 */
export const initialConfig = `${JSON.stringify({ $schema: configSchemaUrl(), extends: 'recommended', rules: {} }, null, 2)}\n`

/** Config files the core would find in a directory before or instead of the new one. */
const otherConfigFiles = ['.postmortemlintrc', '.postmortemlintrc.json', 'postmortem-lint.config.js', 'postmortem-lint.config.mjs']

/**
 * `--init`: write postmortem-lint.config.json in the cwd. Never overwrites (exit 2 if it exists),
 * and refuses when another config file (or a `postmortemLint` key in package.json) is there,
 * since the two would compete. The write is atomic.
 */
export async function runInit(context: CliContext): Promise<number> {
  const path = join(context.cwd, initFileName)
  const shown = relative(context.cwd, path)
  if (existsSync(path)) throw new CliError(messages.initExists(shown))
  const other = otherConfigFiles.find((name) => existsSync(join(context.cwd, name))) ?? (hasPackageJsonConfig(context.cwd) ? 'package.json "postmortemLint"' : undefined)
  if (other) throw new CliError(messages.initOtherConfig(other))
  try {
    await writeFileAtomic(path, initialConfig, { overwrite: false })
  } catch (error) {
    if (error instanceof FileExistsError) throw new CliError(messages.initExists(shown))
    throw new CliError(messages.cannotWrite(shown, describeWriteError(error)))
  }
  context.stdout.write(`${messages.initWritten(shown)}\n`)
  return 0
}

function hasPackageJsonConfig(directory: string): boolean {
  try {
    const data = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as Record<string, unknown> | null
    return data !== null && typeof data === 'object' && 'postmortemLint' in data
  } catch {
    return false
  }
}
