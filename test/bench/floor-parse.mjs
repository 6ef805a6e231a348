// Floor 2: read each file and parse it to mdast with the parser postmortem-lint is built on:
// unified().use(remarkParse).use(remarkGfm).parse(), with the copies that @postmortem-lint/core
// resolves, so the floor moves with the engine's own dependencies.
// Usage: node floor-parse.mjs <dir|file>   prints "<files> files, <nodes> top-level nodes"
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { markdownFiles } from './files.mjs'

const fromCore = createRequire(new URL('../../packages/core/package.json', import.meta.url))
const load = async (name) => (await import(pathToFileURL(fromCore.resolve(name)).href)).default
const [unified, remarkParse, remarkGfm] = await Promise.all([
  import(pathToFileURL(fromCore.resolve('unified')).href).then((module) => module.unified),
  load('remark-parse'),
  load('remark-gfm'),
])

const processor = unified().use(remarkParse).use(remarkGfm).freeze()
let files = 0
let nodes = 0
for (const file of markdownFiles(process.argv[2] ?? '.')) {
  nodes += processor.parse(readFileSync(file, 'utf8')).children.length
  files++
}
console.log(`${files} files, ${nodes} top-level nodes`)
