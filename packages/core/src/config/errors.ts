/** A configuration problem, always naming the file (or "inline config"), the key and what is allowed. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
  constructor(
    readonly filePath: string | null,
    readonly key: string | null,
    readonly problem: string,
    /** The error behind it (what a JavaScript config threw), for --debug. */
    options?: { cause?: unknown },
  ) {
    super(`${filePath ?? 'inline config'}${key ? `: "${key}"` : ''}: ${problem}`, options)
  }
}
