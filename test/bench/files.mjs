// The Markdown files under a directory (or the file itself), sorted: *.md and *.markdown, as the
// linters are asked to find them.
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export function markdownFiles(target) {
  if (!statSync(target).isDirectory()) return [target]
  const found = []
  for (const entry of readdirSync(target, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(?:md|markdown)$/i.test(entry.name)) found.push(join(entry.parentPath ?? entry.path, entry.name))
  }
  return found.sort()
}
