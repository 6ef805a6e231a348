// The extension ships as two bundles and the config schema, nothing else (packaged with
// `vsce package --no-dependencies`): dist/extension.js (CommonJS, as VS Code loads extensions;
// `vscode` is provided by the editor) and dist/server.mjs, the language server with the core and
// every dependency inlined (built from the compiled packages/language-server/dist: run
// `npm run build` at the root first). Same rollup set-up as the CLI's and the Action's bundles.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs'
import esbuild from 'rollup-plugin-esbuild'
import { nodePlugins, onwarn, requireBanner } from '../../scripts/rollup-node.mjs'

const here = (path) => new URL(path, import.meta.url).pathname

rmSync(here('./dist'), { recursive: true, force: true })
mkdirSync(here('./schema'), { recursive: true })
copyFileSync(here('../core/schema/config.schema.json'), here('./schema/config.schema.json'))

export default [
  {
    input: here('./src/extension.ts'),
    external: ['vscode'],
    output: { file: here('./dist/extension.js'), format: 'cjs', sourcemap: false, exports: 'named' },
    plugins: [...nodePlugins(), esbuild({ target: 'es2022', tsconfig: here('./tsconfig.json'), minify: true })],
    onwarn,
  },
  {
    input: here('../language-server/dist/main.js'),
    output: { file: here('./dist/server.mjs'), format: 'es', inlineDynamicImports: true, sourcemap: false, banner: requireBanner },
    plugins: [...nodePlugins(), esbuild({ target: 'es2022', minify: true })],
    onwarn,
  },
]
