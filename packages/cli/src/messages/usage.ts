export const usageLine =
  'Usage: postmortem-lint [options] <file|dir|glob|->...\n       postmortem-lint new "<title>" [--severity P2] [--dir <dir>]\n       postmortem-lint report [options] <file|dir|glob>...'

export function helpText(version: string): string {
  return `postmortem-lint ${version}: lint incident postmortems written in Markdown.

${usageLine}

Files and input:
  <file|dir|glob>               Directories are searched for *.md and *.markdown (default: .)
  -, --stdin                    Lint standard input
  --stdin-filename <name>       Path to report, and to find the config from, for standard input
  --no-detect                   Lint every file, even ones that are clearly not postmortems
  --no-error-on-unmatched-pattern
                                Do not fail when a path or glob matches no file

Configuration:
  -c, --config <file>           Use this config file instead of searching for one
  --rule <id: severity>         Set a rule's severity, e.g. 'required-sections: warn' or
                                'required-sections: ["error", {"assumeSeverity": "P2"}]' (repeatable)
  --print-config <file>         Print the configuration used for <file> as JSON, then exit
  --init                        Write a starter postmortem-lint.config.json, then exit

Output:
  -f, --format <name>           stylish (default), json, sarif, github, markdown, compact
  -o, --output-file <path>      Write the report to a file instead of standard output
  --quiet                       Report errors only
  --color, --no-color           Force colours on or off (NO_COLOR and FORCE_COLOR are honoured)

Thresholds:
  --max-warnings <n>            Fail when there are more than n warnings
  --min-score <n>               Fail when any linted file scores below n (0-100)

Caching:
  --cache                       Only lint files that changed since the last run
  --cache-location <path>       Cache file or directory (default: .postmortemlintcache)

Performance:
  --concurrency <n>             Threads to lint with when there are 64+ files to lint
                                (default: one per core, at most 4; 1: no worker threads)

Other:
  --debug                       Show stack traces and what the CLI is doing
  -h, --help                    Show this help
  -v, --version                 Show the version

Commands:
  new "<title>"                 Write a dated postmortem skeleton: <dir>/<YYYY-MM-DD>-<slug>.md
    --severity <P1-P4>          Severity to fill in
    --dir <dir>                 Where to write it (default: the current directory)
    --date <YYYY-MM-DD>         Incident date (default: today, UTC)
  report [paths]                Write a report of every postmortem (scores, action tracker,
                                follow-up reviews, recurring causes); see 'report --help'

Examples:
  postmortem-lint docs/postmortems
  postmortem-lint "docs/**/*.md" --format github --min-score 70
  postmortem-lint --format sarif -o postmortem-lint.sarif .
  cat draft.md | postmortem-lint --stdin --stdin-filename docs/postmortems/draft.md
  postmortem-lint --rule 'required-sections: warn' incident.md
  postmortem-lint new "Checkout outage" --severity P2 --dir docs/postmortems
  postmortem-lint report docs/postmortems -o postmortem-report.html

Exit codes: 0 no errors, 1 lint errors or a threshold missed, 2 usage, config or I/O error.
`
}

export function reportHelpText(version: string): string {
  return `postmortem-lint ${version}: report on every postmortem of a repository.

Usage: postmortem-lint report [options] <file|dir|glob>...

Lints every postmortem once and writes one self-contained HTML page (or the same data as JSON):
the postmortems with their scores, every action item with its owner, due date, ticket and state
(done, open, overdue), the follow-up reviews, recurring causes, and the most frequent findings.

Options:
  -o, --output-file <path>      Where to write it (default: postmortem-report.html, or
                                postmortem-report.json with -f json; - for standard output)
  -f, --format <name>           html (default) or json (schema: @postmortem-lint/core/schema/report.schema.json)
  --as-of <YYYY-MM-DD>          The day overdue is measured against (default: today, UTC)
  -c, --config <file>           Use this config file instead of searching for one
  --rule <id: severity>         Set a rule's severity (repeatable), as for linting
  --no-detect                   Report on every file, even ones that are clearly not postmortems
  --no-error-on-unmatched-pattern
                                Do not fail when a path or glob matches no file
  --concurrency <n>             Threads to lint with when there are 64+ files
  --debug                       Show stack traces and what the CLI is doing
  -h, --help                    Show this help

Exit codes: 0 report written, 2 usage, config or I/O error (or no file could be read).
`
}
