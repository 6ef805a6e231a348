import type { List, ListItem, RootContent, Table } from 'mdast'
import type { Section, Sentence, SentenceContext } from '../model/types.js'
import { splitSentences } from '../nlp/sentences.js'
import { flattenInline, type MappedText } from './mapped-text.js'
import { nearestClassified } from './sections.js'
import type { SourceMap } from './source-map.js'

export interface ProseInputs {
  preamble: RootContent[]
  sections: Section[]
  sourceMap: SourceMap
}

/**
 * Every sentence a reader reads as the authors' own words: code, inline code, HTML comments and
 * block quotes (quoted chat and logs) are left out, so no rule can forget to skip them.
 */
export function extractProse({ preamble, sections, sourceMap }: ProseInputs): Sentence[] {
  const sentences: Sentence[] = []
  const emit = (flat: MappedText, section: Section | null, context: SentenceContext): void => {
    // Soft line breaks are wrapping, not sentence ends.
    const mapped = flat.collapseWhitespace()
    const text = mapped.text
    for (const [start, end] of splitSentences(text)) {
      const sentenceText = text.slice(start, end)
      const pointAt = (index: number) => {
        const at = start + Math.max(0, Math.min(index, sentenceText.length))
        // The end of the sentence is an exclusive end: before any closing markup, not after it.
        return sourceMap.pointAt(at === end ? mapped.sourceEndAt(at) : mapped.sourceOffsetAt(at))
      }
      sentences.push({
        text: sentenceText,
        span: { start: pointAt(0), end: pointAt(sentenceText.length) },
        section,
        context,
        pointAt,
      })
    }
  }

  const block = (node: RootContent, section: Section | null): void => {
    switch (node.type) {
      case 'paragraph':
        emit(flattenInline(node, 'placeholder'), section, 'paragraph')
        break
      case 'heading':
        emit(flattenInline(node, 'placeholder'), section, 'heading')
        break
      case 'list':
        list(node, section)
        break
      case 'table':
        table(node, section)
        break
      case 'footnoteDefinition':
        for (const child of node.children) block(child, section)
        break
      default:
        // code, html, blockquote, yaml, thematicBreak, definition: not the authors' prose.
        break
    }
  }
  const list = (node: List, section: Section | null): void => {
    for (const item of node.children) listItem(item, section)
  }
  const listItem = (item: ListItem, section: Section | null): void => {
    for (const child of item.children) {
      if (child.type === 'paragraph') emit(flattenInline(child, 'placeholder'), section, 'list-item')
      else block(child, section)
    }
  }
  const table = (node: Table, section: Section | null): void => {
    // The header row holds labels, not sentences.
    for (const row of node.children.slice(1)) {
      for (const cell of row.children) emit(flattenInline(cell, 'placeholder'), section, 'table-cell')
    }
  }
  const walk = (section: Section): void => {
    const tag = nearestClassified(section) ?? section
    block(section.headingNode, tag)
    for (const node of section.nodes) block(node, tag)
    for (const sub of section.subsections) walk(sub)
  }

  for (const node of preamble) block(node, null)
  for (const section of sections) walk(section)
  return sentences
}
