/**
 * Recurring causes: postmortems whose root causes or contributing factors share a failure class
 * (data/failure-classes.yml) or whose root causes name the same system. Matching is narrow on
 * purpose (whole words in one sentence; a system only from the root cause, and only a known
 * product or a system the text calls "the X service"), and every match says what matched.
 */
import failureClasses from '../data/failure-classes.generated.js'
import systemNames from '../data/system-names.generated.js'
import { dayNumber } from '../parse/time/calendar.js'
import type { FactCause, RecurringCause, RecurringEvidence, ReportFacts } from './types.js'

/** Postmortems needed for a recurrence, and for an escalation within `escalationWindowDays`. */
export const minRecurrence = 2
export const minEscalation = 3
export const escalationWindowDays = 365

interface FailureClass {
  id: string
  label: string
  note: string
  escalate: string
  phrases?: readonly string[]
  together?: readonly (readonly (readonly string[])[])[]
}

const classes = failureClasses.classes as readonly FailureClass[]
const ignoredSystems = new Set<string>(failureClasses['systems-ignored'])
const products = new Set<string>(systemNames.products.filter((name) => !ignoredSystems.has(name)))

const tokenize = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

/** Phrases as token sequences, once. */
const compiled = classes.map((entry) => ({
  entry,
  phrases: (entry.phrases ?? []).map((phrase) => ({ phrase, tokens: tokenize(phrase) })),
  together: (entry.together ?? []).map((groups) => groups.map((group) => group.map((phrase) => ({ phrase, tokens: tokenize(phrase) })))),
}))

/** The `together` words must stand this close: at most this many tokens from the first to the last. */
export const togetherWindow = 6

function indexesOfRun(tokens: readonly string[], run: readonly string[]): number[] {
  const found: number[] = []
  outer: for (let start = 0; start + run.length <= tokens.length; start++) {
    for (let offset = 0; offset < run.length; offset++) if (tokens[start + offset] !== run[offset]) continue outer
    found.push(start)
  }
  return found
}

const indexOfRun = (tokens: readonly string[], run: readonly string[]): number => indexesOfRun(tokens, run)[0] ?? -1

type Term = { phrase: string; tokens: string[] }

/**
 * A word of every group, all within `togetherWindow` tokens ("the certificate of the gateway
 * expired"), or null: words far apart in a long sentence ("no configuration to do so, and nobody
 * noticed the change") are not one statement.
 */
function matchTogether(tokens: readonly string[], groups: readonly (readonly Term[])[]): string[] | null {
  const hits = groups.map((group) => group.flatMap((term) => indexesOfRun(tokens, term.tokens).map((start) => ({ phrase: term.phrase, start, end: start + term.tokens.length - 1 }))))
  if (hits.some((list) => list.length === 0)) return null
  const pick = (index: number, chosen: { phrase: string; start: number; end: number }[]): string[] | null => {
    if (index === hits.length) {
      const from = Math.min(...chosen.map((hit) => hit.start))
      const to = Math.max(...chosen.map((hit) => hit.end))
      return to - from <= togetherWindow ? chosen.map((hit) => hit.phrase) : null
    }
    for (const hit of hits[index]!) {
      const found = pick(index + 1, [...chosen, hit])
      if (found) return found
    }
    return null
  }
  return pick(0, [])
}

/** A cause's sentences: matching words must sit in one sentence. */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?;])\s+|\n+/u).filter((part) => part.trim() !== '')
}

/** The class's words found in a text, or null: a phrase, or close together a word of every group of one `together` entry. */
export function matchClass(text: string, classId: string): string[] | null {
  const found = compiled.find((item) => item.entry.id === classId)
  if (!found) return null
  for (const sentence of sentencesOf(text)) {
    const tokens = tokenize(sentence)
    for (const { phrase, tokens: run } of found.phrases) if (run.length && indexOfRun(tokens, run) >= 0) return [phrase]
    for (const groups of found.together) {
      const words = matchTogether(tokens, groups)
      if (words) return words
    }
  }
  return null
}

// "the Orion service", "our ledger-db cluster", "the `billing` queue": a name the text gives a system.
const NAMED_SYSTEM =
  /\b(?:[Tt]he|[Oo]ur|[Ii]ts|[Tt]heir)\s+([A-Za-z][\w-]{2,40}|`[^`\n]{2,40}`)\s+(?:service|cluster|database|db|queue|api|gateway|pipeline|job|worker|workers|server|servers|proxy|broker|store|cache|load balancer|scheduler|daemon)\b/gu
const SYSTEM_NOUN_WORDS = new Set(['main', 'primary', 'new', 'old', 'same', 'whole', 'entire', 'production', 'staging', 'internal', 'external', 'shared', 'backup', 'other', 'first', 'second', 'affected', 'upstream', 'downstream', 'legacy', 'local', 'remote', 'single', 'only', 'default', 'test', 'live', 'public', 'private', 'central', 'global', 'regional', 'read', 'write', 'database', 'cache', 'queue', 'api', 'web', 'job', 'background'])

/** Systems a root cause names: known products (minus the generic ones) and "the X service" names. */
export function systemsIn(text: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const token of tokenize(text)) if (products.has(token) && !found.has(token)) found.set(token, token)
  for (const match of text.matchAll(NAMED_SYSTEM)) {
    const written = match[1]!
    const name = written.replace(/`/g, '').trim()
    const key = name.toLowerCase()
    // A proper name: capitalised, in code, or a coined word ("ledger-db", "api2"); "the payments proxy" names no system.
    const proper = written.startsWith('`') || /^\p{Lu}/u.test(name) || /[-_\d]/u.test(name)
    if (!proper || SYSTEM_NOUN_WORDS.has(key) || found.has(key)) continue
    found.set(key, name)
  }
  return found
}

export interface RecurringInput {
  index: number
  path: string
  title: string
  facts: ReportFacts
}

const byDate = (a: RecurringEvidence, b: RecurringEvidence): number =>
  (a.incidentDate ?? '9999').localeCompare(b.incidentDate ?? '9999') || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)

function evidence(input: RecurringInput, cause: FactCause, matched: string[]): RecurringEvidence {
  return {
    postmortem: input.index,
    path: input.path,
    title: input.title,
    incidentDate: input.facts.incidentDate,
    kind: cause.kind,
    line: cause.line,
    text: cause.text,
    matched,
  }
}

/** Whether `minEscalation` of the dated postmortems fall within `escalationWindowDays` of each other. */
function shouldEscalate(items: readonly RecurringEvidence[]): boolean {
  const days = items
    .map((item) => item.incidentDate)
    .filter((date): date is string => date !== null)
    .map((date) => {
      const [year, month, day] = date.split('-').map(Number) as [number, number, number]
      return dayNumber({ year, month, day })
    })
    .sort((a, b) => a - b)
  for (let start = 0; start + minEscalation - 1 < days.length; start++) {
    if (days[start + minEscalation - 1]! - days[start]! <= escalationWindowDays) return true
  }
  return false
}

function group(kind: RecurringCause['kind'], id: string, label: string, explanation: string, items: RecurringEvidence[], suggest: string): RecurringCause {
  items.sort(byDate)
  const dates = items.map((item) => item.incidentDate).filter((date): date is string => date !== null)
  const escalate = shouldEscalate(items)
  return {
    kind,
    id,
    label,
    explanation,
    evidence: items,
    firstDate: dates[0] ?? null,
    lastDate: dates.at(-1) ?? null,
    escalate,
    suggestion: escalate
      ? `${items.length} postmortems; ${minEscalation} or more within a year: escalate to an architecture or SLO review (${suggest}).`
      : items.length < minEscalation
        ? `${items.length} postmortems: a third within a year would call for an architecture or SLO review; consider: ${suggest}.`
        : `${items.length} postmortems, fewer than ${minEscalation} within any year; consider: ${suggest}.`,
  }
}

/** Find the recurring causes among the linted postmortems. */
export function findRecurringCauses(inputs: readonly RecurringInput[]): RecurringCause[] {
  const out: RecurringCause[] = []
  for (const { entry } of compiled) {
    const items: RecurringEvidence[] = []
    for (const input of inputs) {
      for (const cause of input.facts.causes) {
        const matched = matchClass(cause.text, entry.id)
        if (matched) {
          items.push(evidence(input, cause, matched))
          break
        }
      }
    }
    if (items.length < minRecurrence) continue
    out.push(
      group(
        'failure-class',
        entry.id,
        entry.label,
        `In each postmortem the root cause or a contributing factor is of the class "${entry.label}" (${entry.note}): the words listed as matched stand in one of its sentences (data/failure-classes.yml, class "${entry.id}").`,
        items,
        entry.escalate,
      ),
    )
  }

  const bySystem = new Map<string, { name: string; items: RecurringEvidence[] }>()
  for (const input of inputs) {
    const root = input.facts.causes.find((cause) => cause.kind === 'root-cause')
    if (!root) continue
    for (const [key, name] of systemsIn(root.text)) {
      let entry = bySystem.get(key)
      if (!entry) bySystem.set(key, (entry = { name, items: [] }))
      entry.items.push(evidence(input, root, [name]))
    }
  }
  for (const [key, { name, items }] of [...bySystem].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (items.length < minRecurrence) continue
    out.push(
      group(
        'system',
        key,
        name,
        `Each postmortem's root cause names the system "${name}" (a known product, or a name the text gives a service or cluster); a shared system is not proof of a shared failure, so read the causes side by side.`,
        items,
        `review the reliability of ${name}`,
      ),
    )
  }
  return out.sort((a, b) => b.evidence.length - a.evidence.length || Number(b.escalate) - Number(a.escalate))
}
