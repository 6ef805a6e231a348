/**
 * Worker thread of the lint pool (lint-pool.ts): receives file paths, lints each with lintFile
 * exactly as the main thread would, and sends back the LintResult (plain JSON).
 */
import { lintFile } from './lint-file.js'
import { serveFiles } from './worker-protocol.js'

export type { WorkerRequest, WorkerResponse } from './worker-protocol.js'

await serveFiles(lintFile)
