// Bundle the action into one ESM file, dist/index.js, committed to the repository (the runner
// executes it without installing anything). Build the workspace first (`npm run build`): the
// core and the CLI's formatters are bundled from their compiled dist/.
import esbuild from 'rollup-plugin-esbuild'
import { nodePlugins, onwarn, requireBanner } from '../../scripts/rollup-node.mjs'

/** The config, writing to `file` (scripts/check-dist.mjs builds into a temporary directory). */
export function createConfig(file = new URL('./dist/index.js', import.meta.url).pathname) {
  return {
    input: new URL('./src/index.ts', import.meta.url).pathname,
    output: {
      file,
      format: 'es',
      inlineDynamicImports: true,
      sourcemap: false,
      banner: requireBanner,
    },
    plugins: [
      ...nodePlugins(),
      esbuild({ target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname, minify: false }),
    ],
    onwarn,
  }
}

export default createConfig()
