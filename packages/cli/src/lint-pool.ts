import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { LintResult } from '@postmortem-lint/core'
import type { LintFileInputs } from './lint-file.js'
import type { WorkerResponse } from './worker-protocol.js'

/** Fewer files than this are linted on the main thread: starting workers would cost more. */
export const minFilesForWorkers = 64
/** Default number of workers: one per core, at most this many. */
export const maxDefaultWorkers = 4
/** Files sent to a worker before it answers, so it never waits for the next one. */
const inFlightPerWorker = 2
/**
 * A larger young generation than V8's default (48 MB) for workers: most of a lint's garbage is
 * the parser's short-lived events and nodes, and with more room fewer of them survive into the old
 * generation. Measured on 1,000 real postmortems: 9% less wall time, about 50 MB more peak RSS;
 * 128 MB bought little more for another 120 MB.
 */
const workerYoungGenerationMb = 64

const defaultWorkerUrl = new URL('./lint-worker.js', import.meta.url)

/**
 * How many workers to lint `files` files with: 0 (main thread only) for `--concurrency 1`, for
 * fewer than 64 files, on one core, or when the compiled worker is not there (running from source).
 */
export function workerCount(files: number, concurrency: number | undefined, workerUrl: URL = defaultWorkerUrl): number {
  const wanted = concurrency ?? Math.min(availableParallelism(), maxDefaultWorkers)
  if (wanted < 2 || files < minFilesForWorkers) return 0
  if (!existsSync(fileURLToPath(workerUrl))) return 0
  return Math.min(wanted, files)
}

/**
 * Lint `files` on `count` worker threads, calling `onResult(index, result)` as each result arrives.
 * A file whose worker failed on it, or died with it in hand, goes to `fallback` (the main thread)
 * instead, so no file is lost; when every worker has died, the rest go there too.
 */
export async function lintInWorkers<Result = LintResult>(
  files: readonly string[],
  count: number,
  inputs: LintFileInputs,
  onResult: (index: number, result: Result) => void,
  fallback: (index: number) => Promise<void>,
  debug?: (message: string) => void,
  /** Another worker with lint-worker's protocol (the report's, which also sends the document's facts). */
  workerUrl: URL = defaultWorkerUrl,
): Promise<void> {
  let next = 0
  const failed: number[] = []
  const workers = new Set<Worker>()

  await new Promise<void>((done) => {
    const finishIfIdle = (): void => {
      if (workers.size === 0) done()
    }
    const start = (): void => {
      const worker = new Worker(workerUrl, {
        workerData: inputs,
        stdout: false,
        stderr: false,
        resourceLimits: { maxYoungGenerationSizeMb: workerYoungGenerationMb },
      })
      const inHand = new Set<number>() // indexes of the files sent and not answered yet
      let dead = false
      workers.add(worker)
      const feed = (): void => {
        while (!dead && inHand.size < inFlightPerWorker && next < files.length) {
          const index = next++
          inHand.add(index)
          worker.postMessage({ id: index, file: files[index]! })
        }
        if (!dead && inHand.size === 0) {
          dead = true
          workers.delete(worker)
          void worker.terminate()
          finishIfIdle()
        }
      }
      const die = (reason: string): void => {
        if (dead) return
        dead = true
        debug?.(`lint worker failed (${reason}); ${inHand.size} file(s) go to the main thread`)
        failed.push(...inHand)
        inHand.clear()
        workers.delete(worker)
        void worker.terminate()
        // Every worker gone: whatever is left is linted on the main thread.
        if (workers.size === 0) {
          while (next < files.length) failed.push(next++)
        }
        finishIfIdle()
      }
      worker.on('message', (response: WorkerResponse) => {
        if (dead || !inHand.has(response.id)) return
        inHand.delete(response.id)
        if ('error' in response) {
          debug?.(`lint worker could not lint ${files[response.id]}: ${response.error}; retrying on the main thread`)
          failed.push(response.id)
        } else {
          onResult(response.id, response.result as Result)
        }
        feed()
      })
      worker.on('error', (error) => die(error.message))
      worker.on('exit', (code) => die(`exit code ${code}`))
      feed()
    }
    for (let index = 0; index < count; index++) start()
  })

  failed.sort((a, b) => a - b)
  for (const index of failed) await fallback(index)
}
