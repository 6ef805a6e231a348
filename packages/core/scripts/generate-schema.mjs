// Writes schema/config.schema.json, the config file's JSON Schema, from the compiled core (run
// after `tsc -b`; `npm run build` does). Published with the core; `--init` points `$schema` at it
// and the VS Code extension contributes it for config files.
import { mkdirSync, writeFileSync } from 'node:fs'
import { configJsonSchema } from '../dist/config/json-schema.js'

const file = new URL('../schema/config.schema.json', import.meta.url)
mkdirSync(new URL('.', file), { recursive: true })
writeFileSync(file, `${JSON.stringify(configJsonSchema(), null, 2)}\n`)
