// What the two bundles (the Action's dist/index.js and the CLI's bundle/) share: ESM for Node,
// dependencies resolved the way Node resolves them, CommonJS and JSON inlined.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'

/** CommonJS dependencies that still call require() at run time (built-ins) get a real one. */
export const requireBanner = "import { createRequire as __pmlCreateRequire } from 'node:module';\nconst require = __pmlCreateRequire(import.meta.url);"

export function nodePlugins() {
  return [
    // 'production' fixed: otherwise NODE_ENV picks the condition and rebuilds differ (vitest sets it).
    nodeResolve({ preferBuiltins: true, exportConditions: ['node', 'import', 'default', 'production'] }),
    commonjs({ strictRequires: 'auto' }),
    json({ preferConst: true }),
  ]
}

/**
 * Circular imports inside dependencies (undici, zod) and `this` at the top of compiled TypeScript
 * helpers are harmless here; everything else is worth reading.
 */
export function onwarn(warning, warn) {
  if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'INVALID_ANNOTATION') return
  warn(warning)
}
