// Floor 1: start Node, find the Markdown files and read each one as UTF-8. Nothing else.
// Usage: node floor-read.mjs <dir|file>   prints "<files> files, <chars> characters"
import { readFileSync } from 'node:fs'
import { markdownFiles } from './files.mjs'

let files = 0
let chars = 0
for (const file of markdownFiles(process.argv[2] ?? '.')) {
  chars += readFileSync(file, 'utf8').length
  files++
}
console.log(`${files} files, ${chars} characters`)
