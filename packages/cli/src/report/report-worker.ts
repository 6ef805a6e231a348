/**
 * Worker thread of the report (report-command.ts, through lint-pool.ts): lint-worker.ts's protocol,
 * answering each file with its lint result and its report facts (plain JSON).
 */
import { serveFiles } from '../worker-protocol.js'
import { reportFile } from './report-file.js'

await serveFiles(reportFile)
