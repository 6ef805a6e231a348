import { join, relative, resolve } from 'node:path'
import type { NewArgs } from './args.js'
import { FileExistsError, writeFileAtomic } from './atomic-write.js'
import type { CliContext } from './context.js'
import { CliError } from './errors.js'
import { messages } from './messages/errors.js'
import { describeWriteError } from './write-error.js'

/** "Checkout API outage: 502s at 40%" -> "checkout-api-outage-502s-at-40". */
export function slugify(title: string, maxLength = 60): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    // The line above leaves no two dashes together, and /-+$/ would go quadratic on a long run.
    .replace(/^-|-$/g, '')
  const cut = slug.length <= maxLength ? slug : slug.slice(0, maxLength).replace(/-[^-]*$/, '') || slug.slice(0, maxLength)
  return cut || 'incident'
}

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}

export interface SkeletonOptions {
  title: string
  date: string
  severity?: string
}

/**
 * A postmortem skeleton with every section the recommended rules look for. Placeholders say TODO,
 * so until it is filled in the linter reports it as a template (or flags the blanks).
 */
export function postmortemSkeleton({ title, date, severity }: SkeletonOptions): string {
  const heading = title.replace(/\s+/g, ' ').trim()
  return `# ${heading}

- **Date:** ${date}
- **Severity:** ${severity ?? 'TODO'}
- **Status:** Draft
- **Authors:** TODO
- **Reviewers:** TODO
- **Follow-up review:** TODO

## Summary

TODO: What happened and what it meant for users, in two or three sentences a reader outside the team understands.

## Impact

TODO: Who was affected, how and for how long, with numbers: failed requests, customers, orders, revenue, SLO budget.

## Timeline

All times are UTC.

| Time (UTC) | Event |
| --- | --- |
| ${date} HH:MM | First sign of the problem |
| ${date} HH:MM | Detected: by which alert or report |
| ${date} HH:MM | Mitigated: what stopped the impact |
| ${date} HH:MM | Resolved |

## Root cause

TODO: The technical cause, stated as a property of the system, not of a person.

## Contributing factors

- TODO: What made the failure possible, larger, or slower to detect and fix.

## What went well

- TODO

## What went poorly

- TODO

## Action items

| Action | Owner | Due | Priority | Type | Ticket |
| --- | --- | --- | --- | --- | --- |
| TODO: a specific, verifiable change | TODO | TODO | P2 | Prevent | TODO |

## Follow-up review

TODO: When the team reviews the action items' progress, and who runs the review.
`
}

/** `postmortem-lint new "<title>"`: write <dir>/<YYYY-MM-DD>-<slug>.md, never overwriting. */
export async function runNew(args: NewArgs, context: CliContext): Promise<number> {
  const date = args.date ?? todayUtc()
  const directory = resolve(context.cwd, args.dir)
  const path = join(directory, `${date}-${slugify(args.title)}.md`)
  const shown = relative(context.cwd, path) || path
  const content = postmortemSkeleton({ title: args.title, date, ...(args.severity === undefined ? {} : { severity: args.severity }) })
  try {
    await writeFileAtomic(path, content, { overwrite: false, mkdirs: true })
  } catch (error) {
    if (error instanceof FileExistsError) throw new CliError(messages.newExists(shown))
    throw new CliError(messages.cannotWrite(shown, describeWriteError(error)))
  }
  context.stdout.write(`${shown}\n`)
  return 0
}
