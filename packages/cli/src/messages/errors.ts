/**
 * The texts of the errors the CLI prints, in one place (ESLint's messages/ folder does the same),
 * so they stay consistent and each says what to do next.
 */
const issuesUrl = 'https://github.com/postmortem-lint/postmortem-lint/issues'

export const messages = {
  unknownOption: (option: string) => `Unknown option '${option}'.`,
  missingValue: (option: string) => `Option '${option}' needs a value.`,
  unexpectedValue: (option: string) => `Option '${option}' does not take a value.`,
  unknownFormat: (name: string, known: readonly string[]) => `Unknown format '${name}'. Choose one of: ${known.join(', ')}.`,
  badMinScore: (value: string) => `--min-score must be a number from 0 to 100, got '${value}'.`,
  badConcurrency: (value: string) => `--concurrency must be a whole number of threads, 1 or more, got '${value}'.`,
  badMaxWarnings: (value: string) => `--max-warnings must be a whole number (0 or more; -1 for no limit), got '${value}'.`,
  badRule: (value: string, why: string) =>
    `Invalid --rule '${value}': ${why}. Write 'rule-id: severity' (off, warn, error) or 'rule-id: ["error", {...options}]'.`,
  badRuleSetting: (rule: string, problem: string) => `Invalid --rule setting for '${rule}': ${problem}.`,
  stdinFilenameWithoutStdin: () => `--stdin-filename needs --stdin (or '-') to read standard input.`,
  printConfigWithFiles: () => `--print-config takes the file to print the config for as its value; give no other files.`,
  printConfigWithStdin: () => `--print-config is not available for standard input; give a file name.`,
  newNeedsTitle: () => `'new' needs a title: postmortem-lint new "Checkout outage on 12 May".`,
  badSeverity: (value: string) => `--severity must be one of P1, P2, P3, P4 (or SEV1-SEV4), got '${value}'.`,
  badAsOf: (value: string) => `--as-of must be a calendar date written YYYY-MM-DD, got '${value}'.`,
  badDate: (value: string) => `--date must be a calendar date written YYYY-MM-DD, got '${value}'.`,

  noFilesMatching: (pattern: string) =>
    `No files matching '${pattern}' were found.\nCheck the path for typos, or pass --no-error-on-unmatched-pattern.`,
  allFilesIgnored: (pattern: string) =>
    `All files matched by '${pattern}' are ignored (by .gitignore, .postmortemlintignore or the config's "ignore").`,
  configError: (where: string, key: string | null, problem: string) =>
    `Invalid configuration in ${where}${key ? `, at "${key}"` : ''}: ${problem}`,
  cannotReadStdin: (problem: string) => `Could not read standard input: ${problem}.`,
  cannotWriteOutput: (path: string, problem: string) => `Could not write the report to ${path}: ${problem}.`,
  cannotWriteCache: (path: string, problem: string) => `Warning: could not write the cache to ${path}: ${problem}. The results are not affected.`,
  initExists: (path: string) => `${path} already exists; not overwriting it. Edit it, or delete it and run --init again.`,
  initOtherConfig: (path: string) => `A config already exists here (${path}); a new postmortem-lint.config.json would compete with it.`,
  initWritten: (path: string) => `Wrote ${path}. Add rules under "rules", e.g. "required-sections": "warn".`,
  newExists: (path: string) => `${path} already exists; not overwriting it. Choose another title or --date.`,
  cannotWrite: (path: string, problem: string) => `Could not write ${path}: ${problem}.`,

  tooManyWarnings: (count: number, max: number) =>
    `postmortem-lint found too many warnings: ${count}, more than the maximum of ${max} (--max-warnings).`,
  belowMinScore: (files: readonly { path: string; score: number }[], min: number) =>
    `${files.length} ${files.length === 1 ? 'file scores' : 'files score'} below the minimum of ${min} (--min-score): ${files
      .map((file) => `${file.path} (${file.score})`)
      .join(', ')}.`,

  unexpected: (message: string) =>
    `Unexpected error: ${message}\nRun again with --debug for the stack trace, and please report it: ${issuesUrl}`,
  seeHelp: () => `Run 'postmortem-lint --help' for all options.`,
} as const
