import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { fillMissingPositions } from './fill-positions.js'
import { registerSourceAlignment } from './source-align.js'

// One frozen processor for the whole process: building it costs more than parsing a small file.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze()

/** Parse Markdown (CommonMark + GFM + YAML front matter) into an mdast tree with positions. */
export function parseMarkdown(source: string): Root {
  const tree = processor.parse(source)
  // Before the alignment: the nodes remark-gfm rebuilds without a position need one first.
  fillMissingPositions(tree, source)
  registerSourceAlignment(tree, source)
  return tree
}
