import type { Nodes } from 'mdast'
import { distinguishedFactors, statesRootCause } from '../evidence/causes.js'
import { sectionQuantities } from '../evidence/quantities.js'
import type { PostmortemDocument, Section } from '../model/types.js'
import { sectionBlocks } from '../parse/sections.js'
import { plural, share, type CategoryEvidence } from './context.js'

function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value
  return 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : ''
}

/** What backs a claim in Markdown: a log or query (code), a link to a graph or PR, a table, an image. */
function showsEvidence(node: Nodes): boolean {
  if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'link' || node.type === 'linkReference') return true
  if (node.type === 'table' || node.type === 'image' || node.type === 'imageReference') return true
  if (node.type === 'heading' && /\bevidence\b/i.test(textOf(node))) return true
  return 'children' in node && (node.children as Nodes[]).some(showsEvidence)
}

/**
 * A root cause that explains how the condition led to the failure, step by step ("The pool was
 * sized for last year's traffic. When the batch job started, connections ran out, so checkout
 * waited on the pool."), shows its reasoning as a five-whys chain does. One sentence, however
 * causal ("A bug in a recent deploy caused the crash"), names a cause without backing it.
 */
const CAUSAL = /\b(?:because|since|so|therefore|thus|hence|as a result|which (?:meant|caused|led)|led to|leading to|caused|causing|resulted in|resulting in|due to|when|once|until)\b/i

function explainsMechanism(text: string): boolean {
  const sentences = text.split(/(?<=[.!?])\s+(?=\S)/u).filter((sentence) => /\p{L}{2}/u.test(sentence))
  return sentences.length >= 2 && CAUSAL.test(text)
}

function causeSections(doc: PostmortemDocument): Section[] {
  const { rootCauseSection, mergedSection } = doc.causes
  return [rootCauseSection, mergedSection, doc.section('five-whys')].filter((section): section is Section => section !== null)
}

/**
 * Root cause vs contributing factors: a root cause stated (rootcause-vs-contributing's notion of a
 * non-empty one), as a system condition (no human-error or person finding), backed by evidence (a
 * five-whys chain deep enough, an explanation of the mechanism, or logs, links, numbers, tables
 * in its section), and contributing
 * factors listed apart from it, several of them for a major incident.
 */
export const rootCauseEvidence: CategoryEvidence = ({ doc, option, findings }) => {
  const causes = doc.causes
  const human = findings('rootcause-vs-contributing/human-root-cause').length + findings('blameless-language/person-root-cause').length
  const minWhys = option('rootcause-vs-contributing', 'minWhys', 3)
  const deepWhys = causes.fiveWhys.some((chain) => chain.steps.length >= minWhys)
  const sections = causeSections(doc)
  const evidenced =
    deepWhys ||
    explainsMechanism(causes.rootCause?.text ?? '') ||
    sections.some((section) => sectionBlocks(section).some((block) => showsEvidence(block as Nodes))) ||
    sections.some((section) => sectionQuantities(doc, section).length > 0)
  const factors = distinguishedFactors(causes, minWhys)
  const minFactors = Math.max(1, option('rootcause-vs-contributing', 'minFactors', 2))
  const sideBySide = factors === 0 && causes.mergedItems.length > 1
  return {
    'root-cause-stated': statesRootCause(causes)
      ? { credit: 1 }
      : causes.rootCauseSection
        ? { credit: 0, detail: 'the root-cause section says nothing' }
        : { credit: 0 },
    'root-cause-system': { credit: human > 0 ? 0 : 1 },
    'root-cause-evidence': { credit: evidenced ? 1 : 0 },
    'contributing-factors': sideBySide
      ? { credit: 0, detail: 'causes listed side by side, none labelled the root cause' }
      : { credit: factors > 0 ? 1 : 0 },
    'contributing-several':
      factors >= minFactors ? { credit: 1 } : { credit: share(factors, minFactors), detail: `${plural(factors, 'factor')}, ${minFactors} expected` },
  }
}
