// The command line runs from a bundle: bundle/main.js (+ the worker entry and shared chunks),
// built from the compiled dist/ with the core and every dependency inlined and tree-shaken.
// Why: resolving and compiling ~390 ESM files (95 of them zod's, 50 mdast-util-to-markdown's that
// nothing here calls) cost about 0.3 s of a 0.7 s single-file run; the bundle starts in half the
// time. The library entry points (exports "." and "./formatters") stay unbundled in dist/, so
// programs that import them share one copy of the core with their own dependencies.
import { rmSync } from 'node:fs'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'

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
      // CommonJS dependencies that call require() at run time (built-ins) get a real one.
      banner: "import { createRequire as __pmlCreateRequire } from 'node:module';\nconst require = __pmlCreateRequire(import.meta.url);",
    },
    plugins: [
      // 'production' fixed: otherwise NODE_ENV picks the condition and rebuilds differ.
      nodeResolve({ preferBuiltins: true, exportConditions: ['node', 'import', 'default', 'production'] }),
      commonjs({ strictRequires: 'auto' }),
      json({ preferConst: true }),
    ],
    onwarn(warning, warn) {
      // Circular imports inside dependencies (zod) and `this` at the top of compiled helpers are
      // harmless here.
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'INVALID_ANNOTATION') return
      warn(warning)
    },
  }
}

export default createConfig()
