// The command line runs from a bundle: bundle/main.js (+ the worker entry and shared chunks),
// built from the compiled dist/ with the core and every dependency inlined and tree-shaken.
// Why: resolving and compiling ~390 ESM files (95 of them zod's, 50 mdast-util-to-markdown's that
// nothing here calls) cost about 0.3 s of a 0.7 s single-file run; the bundle starts in half the
// time. The library entry points (exports "." and "./formatters") stay unbundled in dist/, so
// programs that import them share one copy of the core with their own dependencies.
import { rmSync } from 'node:fs'
import { nodePlugins, onwarn, requireBanner } from '../../scripts/rollup-node.mjs'

const here = (path) => new URL(path, import.meta.url).pathname

/** The config, writing to `dir` (tests build into a temporary directory to check freshness). */
export function createConfig(dir = here('./bundle')) {
  // Chunk names carry content hashes: without emptying the folder, every rebuild would leave the
  // previous chunks behind (and `npm pack` would ship them).
  rmSync(dir, { recursive: true, force: true })
  return {
    input: {
      main: here('./dist/main.js'),
      // lint-pool.ts starts workers from './lint-worker.js' next to itself: an entry, same folder.
      'lint-worker': here('./dist/lint-worker.js'),
      // report-command.ts starts its workers from './report-worker.js' next to itself.
      'report-worker': here('./dist/report/report-worker.js'),
    },
    // compromise is loaded lazily with require() from a single-file build (see the core's
    // nlp/compromise.ts), which a bundler cannot see: it stays a dependency of this package.
    external: (id) => id === 'compromise' || id.startsWith('compromise/'),
    output: {
      dir,
      format: 'es',
      entryFileNames: '[name].js',
      // Flat, next to the entries: version.ts reads '../package.json' and lint-pool.ts finds
      // './lint-worker.js' relative to the chunk they end up in.
      chunkFileNames: '[name]-[hash].js',
      sourcemap: false,
      banner: requireBanner,
    },
    plugins: nodePlugins(),
    onwarn,
  }
}

export default createConfig()
