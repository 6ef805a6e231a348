/** What a command reads and writes; main() fills it from `process`, tests may pass their own. */
export interface CliContext {
  cwd: string
  env: NodeJS.ProcessEnv
  stdin: NodeJS.ReadableStream
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WriteStream | (NodeJS.WritableStream & { isTTY?: boolean })
}
