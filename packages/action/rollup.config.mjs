// Bundle the action into one ESM file, dist/index.js, committed to the repository (the runner
// executes it without installing anything). Build the workspace first (`npm run build`): the
// core and the CLI's formatters are bundled from their compiled dist/.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import esbuild from 'rollup-plugin-esbuild'

/** The config, writing to `file` (scripts/check-dist.mjs builds into a temporary directory). */
export function createConfig(file = new URL('./dist/index.js', import.meta.url).pathname) {
  return {
    input: new URL('./src/index.ts', import.meta.url).pathname,
    output: {
      file,
      format: 'es',
      inlineDynamicImports: true,
      sourcemap: false,
      // CommonJS dependencies that still call require() at run time (built-ins) get a real one.
      banner: "import { createRequire as __pmlCreateRequire } from 'node:module';\nconst require = __pmlCreateRequire(import.meta.url);",
    },
    plugins: [
      // 'production' fixed: otherwise NODE_ENV picks the condition and rebuilds differ (vitest sets it).
      nodeResolve({ preferBuiltins: true, exportConditions: ['node', 'import', 'default', 'production'] }),
      commonjs({ strictRequires: 'auto' }),
      json({ preferConst: true }),
      esbuild({ target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname, minify: false }),
    ],
    onwarn(warning, warn) {
      // Circular imports inside dependencies (undici, zod) and `this` at the top of TypeScript
      // helpers are harmless here.
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'INVALID_ANNOTATION') return
      warn(warning)
    },
  }
}

export default createConfig()
