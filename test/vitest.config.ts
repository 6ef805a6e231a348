import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('..', import.meta.url))

export default defineConfig({
  root,
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // Cross-package tests import the core from source, so they never see a stale build.
    alias: {
      '@postmortem-lint/core/project': fileURLToPath(new URL('../packages/core/src/project/index.ts', import.meta.url)),
      '@postmortem-lint/core/remark': fileURLToPath(new URL('../packages/core/src/remark-plugin.ts', import.meta.url)),
      '@postmortem-lint/core': fileURLToPath(new URL('../packages/core/src/index.ts', import.meta.url)),
    },
    testTimeout: 30_000,
    reporters: ['default'],
  },
})
