import { createRequire } from 'node:module'

/** The slice of compromise's API we use: part-of-speech tags with character offsets. */
export interface TaggedTerm {
  text: string
  tags: string[]
  start: number
  length: number
}

type Compromise = (text: string) => {
  json(options: object): { terms: { text: string; tags: string[]; offset: { start: number; length: number } }[] }[]
}

let loaded: Compromise | null = null

/**
 * Load compromise ahead of time (asynchronously, so bundlers see the import). Callers that lint
 * many files call this once; `tag` falls back to a synchronous load otherwise. Either way the
 * ~200 ms import is only paid when a sentence actually needs NLP.
 */
export async function preloadNlp(): Promise<void> {
  if (!loaded) {
    const module = (await import('compromise/two')) as unknown as { default: Compromise }
    loaded = module.default
  }
}

function compromise(): Compromise {
  if (!loaded) loaded = createRequire(import.meta.url)('compromise/two') as Compromise
  return loaded
}

// Postmortems repeat themselves (templates, boilerplate, copies across a repository): tagging the
// same sentence twice is the most expensive thing the linter can do, so results are remembered.
const CACHE_LIMIT = 4096
const cache = new Map<string, TaggedTerm[]>()

/** Tag a sentence: each term with its part-of-speech tags and offsets into `text`. */
export function tag(text: string): TaggedTerm[] {
  const cached = cache.get(text)
  if (cached) return cached
  const terms = tagUncached(text)
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
  cache.set(text, terms)
  return terms
}

function tagUncached(text: string): TaggedTerm[] {
  const sentences = compromise()(text).json({ offset: true, terms: { offset: true } })
  const terms: TaggedTerm[] = []
  for (const sentence of sentences) {
    for (const term of sentence.terms) {
      terms.push({ text: term.text, tags: term.tags, start: term.offset.start, length: term.offset.length })
    }
  }
  return terms
}
