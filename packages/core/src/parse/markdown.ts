import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { fillMissingPositions } from './fill-positions.js'
import { registerSourceAlignment } from './source-align.js'

// One frozen processor for the whole process: building it costs more than parsing a small file.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze()

/** Parse Markdown (CommonMark + GFM + YAML or TOML front matter) into an mdast tree with positions. */
export function parseMarkdown(source: string): Root {
  const tree = parseMarkdownTree(source)
  registerSourceAlignment(tree, source)
  return tree
}

/** The bare parse, without aligning text nodes to their source (structure recovery maps its own). */
export function parseMarkdownTree(source: string): Root {
  const tree = processor.parse(source)
  // The nodes remark-gfm rebuilds without a position need one before anything maps them.
  fillMissingPositions(tree, source)
  return tree
}
