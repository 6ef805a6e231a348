import placeholderData from '../data/placeholders.generated.js'
import type { Nodes } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { PostmortemDocument, Section, SectionKind } from '../model/types.js'
import { sectionBlocks } from '../parse/sections.js'
import { genreEvidence } from './account.js'

/** Section kinds only a postmortem has; a README or an index has none or one of them. */
const POSTMORTEM_KINDS: ReadonlySet<SectionKind> = new Set([
  'impact',
  'timeline',
  'root-cause',
  'contributing-factors',
  'causes',
  'five-whys',
  'action-items',
  'what-went-well',
  'what-went-poorly',
  'lessons-learned',
  'follow-up',
  'detection',
  'resolution',
  'summary',
])

const placeholderPatterns = placeholderData.placeholders.map(
  (entry) => new RegExp(entry.pattern, entry.caseSensitive ? 'gu' : 'giu'),
)

/**
 * Decide whether a document is a postmortem worth linting. Returns the reason to skip it, or
 * null. Deliberately conservative: an account of an incident is linted however little structure
 * it has, so only what is clearly something else is skipped: an empty file, an index or README
 * page, a template kept as a template, a writing guide or assignment brief, a knowledge-base
 * article or tutorial. A postmortem started from a template and partly filled is linted.
 */
export function reasonToSkip(doc: PostmortemDocument): string | null {
  if (doc.source.trim() === '') return 'empty file'
  const kinds = new Set(doc.allSections.map((section) => section.kind).filter((kind): kind is SectionKind => kind !== null))
  const structure = [...kinds].filter((kind) => POSTMORTEM_KINDS.has(kind)).length
  const fileName = (doc.path ?? '').split(/[\\/]/).pop()?.toLowerCase() ?? ''
  const page = /^(readme|index|contributing|changelog|license)\b/.exec(fileName)?.[1] ?? null
  // "Incident Report for ...", "Postmortem: ...": a document that says what it is.
  const heading = doc.title?.text ?? doc.allSections[0]?.heading ?? ''
  const saysPostmortem = POSTMORTEM_TITLE.test(heading) && !ABOUT_POSTMORTEMS.test(heading) && page === null
  const evidence = genreEvidence(doc)
  const datedEntries = doc.timeline?.entries.filter((entry) => entry.time !== null || entry.date !== null).length ?? 0
  const share = (count: number): number => count / Math.max(1, evidence.sentences)
  // Someone recounting: "we rolled back", "I ran the upgrade", a run of timed entries.
  const narrates = evidence.timedEntries >= 3 || (evidence.narrativeSentences >= 3 && share(evidence.narrativeSentences) >= 0.1)
  // Past-tense sentences about failures and fixes; changelogs and reference pages have a few.
  const recounts = narrates || (evidence.accountSentences >= 3 && share(evidence.accountSentences) >= 0.1)
  const hint = evidence.accountSentences + evidence.narrativeSentences + datedEntries > 0

  const template = templateReason(doc)
  if (template) return template
  if (page && !(structure >= 3 && recounts)) return `looks like ${article(page)} ${page} page, not a postmortem: it does not recount an incident`
  if (!recounts && linkListShare(doc) >= 0.6) return 'looks like an index page, not a postmortem: mostly a list of links, and it does not recount an incident'
  // Guides and briefs tell the reader what to write; an account tells what happened.
  const instructs = evidence.instructionSentences >= Math.max(3, 0.3 * evidence.sentences)
  // Only someone recounting outweighs the instructions: a brief's scenario ("your stack broke in
  // some way: a crash, ...") is in the past tense too.
  if (instructs && evidence.timedEntries < 3 && evidence.narrativeSentences * 2 < evidence.instructionSentences) {
    return `looks like a guide or brief, not a postmortem: ${evidence.instructionSentences} of ${evidence.sentences} sentences instruct the reader, and it does not recount an incident`
  }
  if (evidence.otherGenreHeadings > 0 && !narrates) {
    return 'looks like a knowledge-base article or tutorial, not a postmortem: its sections (symptoms, prerequisites, steps, ...) describe a procedure, and it does not recount an incident'
  }
  const declared = saysPostmortem || doc.metadata.severity !== undefined
  if (structure >= 4) return null
  // Two or three postmortem sections: a short postmortem says something happened; a long
  // document with those headings (a threat model, a process) has to recount it.
  const short = evidence.sentences < 15
  if (structure >= 2 && (recounts || declared || (hint && short))) return null
  if (structure < 2 && (narrates || (declared && hint))) return null
  return `not a postmortem: ${structure < 2 ? 'fewer than two postmortem sections (summary, impact, timeline, root cause, action items, ...)' : 'only a few postmortem sections'}, and it does not recount an incident (what failed, when, how it was fixed)`
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a'
}

/** A template kept as a template: blanks everywhere, and nothing filled in. */
function templateReason(doc: PostmortemDocument): string | null {
  let blanks = 0
  for (const sentence of doc.prose) blanks += placeholderPatterns.filter((pattern) => matches(pattern, sentence.text)).length
  const filledTimeline = (doc.timeline?.entries.filter((entry) => entry.time !== null).length ?? 0) > 0
  // An owner of "[owner]" or "<name>" is the template's blank, not an owner.
  const filledActions = doc.actionItems.some((item) => item.owner !== null && !isBlank(item.owner.raw))
  if (blanks >= 5 && !filledTimeline && !filledActions) return `a template: ${blanks} unfilled placeholders and no timeline or owned action items`
  // A template's sections are headings with nothing (or a lone "-") under them.
  const classified = doc.allSections.filter((section) => section.kind !== null)
  const empty = classified.filter((section) => wordsIn(section) < 4)
  if (classified.length >= 3 && empty.length / classified.length >= 0.6 && !filledActions && !filledTimeline) {
    return `a template: ${empty.length} of ${classified.length} sections are empty`
  }
  return null
}

/** The share of list items that are a link and little else: an index of other pages. */
function linkListShare(doc: PostmortemDocument): number {
  let items = 0
  let links = 0
  const visit = (node: Nodes): void => {
    if (node.type === 'listItem') {
      items++
      const text = toString(node).trim()
      let linked = 0
      const count = (child: Nodes): void => {
        if (child.type === 'link' || child.type === 'linkReference') linked += toString(child).length
        else if ('children' in child) for (const grandchild of child.children) count(grandchild as Nodes)
      }
      const first = node.children[0]
      if (first) count(first)
      if (text.length > 0 && linked >= 0.5 * Math.min(text.length, toString(first ?? node).length)) links++
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes)
  }
  visit(doc.tree)
  return items >= 3 ? links / items : 0
}

function matches(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0
  return pattern.test(text)
}

function isBlank(text: string): boolean {
  return /^\W*$/.test(text) || placeholderPatterns.some((pattern) => matches(pattern, text))
}

// "Incident Response Process", "Postmortem template": about postmortems, not one of them.
const ABOUT_POSTMORTEMS = /\b(?:process|policy|policies|playbook|runbook|guide|guidelines|template|how to|handbook|procedures?|checklist)\b/i
const POSTMORTEM_TITLE = /\b(?:incident|post[\s-]?mortem|outage|retrospective|retro|root cause analysis|rca|near[\s-]?miss)\b/i

function wordsIn(section: Section): number {
  let count = 0
  for (const node of sectionBlocks(section)) {
    if (node.type === 'heading') continue
    count += toString(node, { includeHtml: false }).split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
    if (count >= 4) return count
  }
  return count
}
