/**
 * What the lint pool (lint-pool.ts) and its workers say to each other: a file path in, a result
 * (plain JSON) or an error message out. Each worker entry (lint-worker.ts, report-worker.ts)
 * serves it with its own way of handling one file.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { ConfigResolver, Core } from './config.js'
import { createConfigResolver, type LintFileInputs } from './lint-file.js'

export interface WorkerRequest {
  id: number
  file: string
}

export type WorkerResponse = { id: number; result: unknown } | { id: number; error: string }

type FileHandler = (core: Core, configs: ConfigResolver, file: string, detect: boolean) => Promise<unknown>

/** Answer every request from the pool with `handle`'s result for the file, or its error. */
export async function serveFiles(handle: FileHandler): Promise<void> {
  const inputs = workerData as LintFileInputs
  const core = await import('@postmortem-lint/core')
  const configs = createConfigResolver(core, inputs)
  const port = parentPort!
  port.on('message', (request: WorkerRequest) => {
    handle(core, configs, request.file, inputs.detect).then(
      (result) => port.postMessage({ id: request.id, result } satisfies WorkerResponse),
      (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerResponse),
    )
  })
}
