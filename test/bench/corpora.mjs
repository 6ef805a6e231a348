// The benchmark's corpora, made at run time in the work directory; nothing here is committed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { issueSizes } from '../helpers/pathological-docs.mjs'
import { markdownFiles } from './files.mjs'

/**
 * Each corpus: id (for BENCH_ONLY; `group` selects several at once), title, size class ('many',
 * 'small' or 'single', which picks the default number of runs), make(dir) that writes it, or a
 * reason to skip it; optionally the only tools worth running on it and a shorter timeout.
 */
export function corpusPlans({ repoRoot, realDir, generator, files, hugeBytes, startupFixture, startupNlpFixture }) {
  const generatorNote = `generator not found at ${generator} (set BENCH_GEN)`
  return [
    {
      id: 'corpus',
      title: `Real postmortems, ${files} files (copied round-robin)`,
      size: 'many',
      skip: realCorpusSkip(realDir),
      make: (dir) => copyRoundRobin(realSources(realDir), dir, files),
    },
    {
      id: 'synthetic',
      title: `Synthetic postmortems, ${files} files (gen-corpus.mjs, seed 1)`,
      size: 'many',
      skip: existsSync(generator) ? null : generatorNote,
      make: (dir) => generate(generator, [dir, String(files), '1']),
    },
    {
      id: 'huge',
      title: `One huge document, ${(hugeBytes / 1e6).toFixed(1)} MB (gen-corpus.mjs --huge)`,
      size: 'small',
      skip: existsSync(generator) ? null : generatorNote,
      make: (dir) => generate(generator, [dir, '1', '1', '--huge', String(hugeBytes)]),
    },
    {
      id: 'startup',
      title: `Start-up: one small file (${basename(startupFixture)})`,
      size: 'small',
      skip: existsSync(startupFixture) ? null : `fixture not found at ${startupFixture}`,
      make: (dir) => {
        mkdirSync(dir, { recursive: true })
        writeFileSync(join(dir, basename(startupFixture)), readFileSync(startupFixture))
      },
    },
    {
      // Most real postmortems have a sentence worth tagging, so most single-file runs also load
      // the NLP library: measured apart, so the cost of that import is visible.
      id: 'startup-nlp',
      title: `Start-up with NLP: one small file whose sentences need tagging (${basename(startupNlpFixture)})`,
      size: 'small',
      skip: existsSync(startupNlpFixture) ? null : `fixture not found at ${startupNlpFixture}`,
      make: (dir) => {
        mkdirSync(dir, { recursive: true })
        writeFileSync(join(dir, basename(startupNlpFixture)), readFileSync(startupNlpFixture))
      },
    },
    // Issue 8's hostile shapes: our time per MB against the parse floor's. The peers are left
    // out (the point is that we stay linear, not how they fare), and a timeout bounds the floor,
    // which is super-linear on deep nesting (we refuse that document before parsing it).
    ...issueSizes.map((shape) => ({
      id: `pathological-${shape.id}`,
      group: 'pathological',
      title: `Pathological: ${shape.title}`,
      size: 'single',
      tools: ['ours', 'floor-parse'],
      // A refused document is a per-file error: exit 2 is the documented answer, not a failure.
      okExit: shape.id === 'nesting' ? { ours: [2] } : {},
      timeoutSeconds: 120,
      skip: null,
      make: (dir) => {
        mkdirSync(dir, { recursive: true })
        writeFileSync(join(dir, `${shape.id}.md`), shape.text())
      },
    })),
  ].map((plan) => ({ ...plan, repoRoot }))
}

/** The corpus's postmortems: every *.md but its README. */
function realSources(realDir) {
  return readdirSync(realDir)
    .filter((name) => /\.md$/i.test(name) && !/^readme\.md$/i.test(name))
    .sort()
    .map((name) => join(realDir, name))
}

function realCorpusSkip(realDir) {
  if (!existsSync(realDir) || !statSync(realDir).isDirectory()) {
    return `real corpus not found at ${realDir} (set BENCH_CORPUS_DIR to a folder of postmortems)`
  }
  if (realSources(realDir).length === 0) return `no *.md postmortems in ${realDir}`
  return null
}

/** n files, cycling through the sources; written, not copied, so read-only sources stay harmless. */
function copyRoundRobin(sources, dir, n) {
  mkdirSync(dir, { recursive: true })
  const width = String(n).length
  for (let i = 0; i < n; i++) {
    const source = sources[i % sources.length]
    writeFileSync(join(dir, `real-${String(i + 1).padStart(width, '0')}-${basename(source)}`), readFileSync(source))
  }
}

function generate(generator, args) {
  const run = spawnSync(process.execPath, [generator, ...args], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`${generator} ${args.join(' ')} failed (${run.status}):\n${run.stderr}`)
  return run.stdout.trim()
}

/** Files and bytes of a made corpus. */
export function corpusStats(dir) {
  const files = markdownFiles(dir)
  return { files: files.length, bytes: files.reduce((sum, file) => sum + statSync(file).size, 0) }
}
