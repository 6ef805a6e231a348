/** An error the user can act on: printed without a stack trace (unless --debug), exit code 2. */
export class CliError extends Error {
  override name = 'CliError'
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message)
  }
}

/** A command-line mistake: printed with the usage line. */
export class UsageError extends CliError {
  override name = 'UsageError'
}
