/**
 * postmortem-lint: the command-line interface. `main` runs it in-process; the formatters turn
 * results into each output format (also exported as `postmortem-lint/formatters`).
 */
export { main, type CliContext } from './main.js'
export { format, formatters, type FormatOptions, type Formatter, type FormatterName, type RuleInfo } from './formatters/index.js'
