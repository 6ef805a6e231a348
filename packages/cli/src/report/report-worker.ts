/**
 * Worker thread of the report (report-command.ts, through lint-pool.ts): lint-worker.ts's protocol,
 * answering each file with its lint result and its report facts (plain JSON).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createConfigResolver, type LintFileInputs } from '../lint-file.js'
import type { WorkerRequest, WorkerResponse } from '../lint-worker.js'
import { reportFile } from './report-file.js'

const inputs = workerData as LintFileInputs
const core = await import('@postmortem-lint/core')
const configs = createConfigResolver(core, inputs)
const port = parentPort!

port.on('message', (request: WorkerRequest) => {
  reportFile(core, configs, request.file, inputs.detect).then(
    (result) => port.postMessage({ id: request.id, result } satisfies WorkerResponse),
    (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerResponse),
  )
})
