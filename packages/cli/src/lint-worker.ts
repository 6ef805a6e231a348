/**
 * Worker thread of the lint pool (lint-pool.ts): receives file paths, lints each with lintFile
 * exactly as the main thread would, and sends back the LintResult (plain JSON).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createConfigResolver, lintFile, type LintFileInputs } from './lint-file.js'

export interface WorkerRequest {
  id: number
  file: string
}

export type WorkerResponse = { id: number; result: unknown } | { id: number; error: string }

const inputs = workerData as LintFileInputs
const core = await import('@postmortem-lint/core')
const configs = createConfigResolver(core, inputs)
const port = parentPort!

port.on('message', (request: WorkerRequest) => {
  lintFile(core, configs, request.file, inputs.detect).then(
    (result) => port.postMessage({ id: request.id, result } satisfies WorkerResponse),
    (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerResponse),
  )
})
