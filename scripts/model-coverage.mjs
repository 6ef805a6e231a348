#!/usr/bin/env node
// How much of a labelled corpus the document model reads: for every document an expert labelled
// (labels*.json next to the documents, the schema of ../shared/corpus/README.md), is it detected
// as what it is, and does the model expose the timeline and the action list the reviewer saw?
//
//   npm run build && node scripts/model-coverage.mjs --corpus ../shared/corpus [--verbose]
//
// A development aid for issue 13 (structure recovery): it reads no text into the repository and
// prints only file names and counts.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parsePostmortem, reasonToSkip } from '../packages/core/dist/index.js'

const args = process.argv.slice(2)
const corpus = resolve(args[args.indexOf('--corpus') + 1] ?? '../shared/corpus')
const verbose = args.includes('--verbose')

const labels = {}
for (const name of readdirSync(corpus).filter((file) => /^labels.*\.json$/.test(file))) {
  Object.assign(labels, JSON.parse(readFileSync(join(corpus, name), 'utf8')))
}

const rows = []
const tally = { postmortems: 0, skipped: [], nonPostmortems: 0, linted: [], timeline: [0, 0], actions: [0, 0], missedTimeline: [], missedActions: [] }
for (const [file, label] of Object.entries(labels).sort()) {
  const path = join(corpus, file)
  const doc = parsePostmortem(readFileSync(path, 'utf8'), { path: file })
  const skip = reasonToSkip(doc)
  const isPostmortem = label.kind === 'postmortem'
  if (isPostmortem) {
    tally.postmortems++
    if (skip) tally.skipped.push(file)
  } else {
    tally.nonPostmortems++
    if (!skip) tally.linted.push(file)
  }
  const timed = doc.timeline?.entries.filter((entry) => entry.time !== null || entry.date !== null).length ?? 0
  const actions = doc.actionItems.length
  if (isPostmortem && label.timeline?.present) {
    tally.timeline[1]++
    if (timed >= 1) tally.timeline[0]++
    else tally.missedTimeline.push(file)
  }
  if (isPostmortem && label.action_items?.present && label.action_items.count > 0) {
    tally.actions[1]++
    if (actions > 0) tally.actions[0]++
    else tally.missedActions.push(file)
  }
  rows.push({
    file,
    kind: label.kind,
    skip: skip ?? '',
    sections: doc.allSections.map((section) => section.kind ?? '·').join(' '),
    timed,
    labelledTimeline: label.timeline?.present ?? false,
    actions,
    labelledActions: label.action_items?.count ?? 0,
  })
}

if (verbose) {
  for (const row of rows) {
    console.log(
      `${row.file.padEnd(50)} ${row.kind.padEnd(10)} timed ${String(row.timed).padStart(3)}${row.labelledTimeline ? '*' : ' '} actions ${String(row.actions).padStart(3)}/${String(row.labelledActions).padEnd(3)} ${row.skip ? `SKIP ${row.skip}` : ''}\n    ${row.sections}`,
    )
  }
}
const pct = ([hit, all]) => (all ? `${hit}/${all} (${Math.round((100 * hit) / all)}%)` : '-')
console.log(`postmortems skipped: ${tally.skipped.length}/${tally.postmortems} ${tally.skipped.join(' ')}`)
console.log(`non-postmortems linted: ${tally.linted.length}/${tally.nonPostmortems} ${tally.linted.join(' ')}`)
console.log(`timeline exposed (a timed or dated entry): ${pct(tally.timeline)} missed: ${tally.missedTimeline.join(' ')}`)
console.log(`action list exposed: ${pct(tally.actions)} missed: ${tally.missedActions.join(' ')}`)
