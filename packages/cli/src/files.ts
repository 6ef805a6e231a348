// Finding the files to lint lives in the core's Node-only entry, shared with the language server;
// this module keeps the CLI's names and turns an unmatched pattern into the CLI's message.
import { UnmatchedPatternError, findFiles as findProjectFiles, type FindFilesOptions, type FoundFiles } from '@postmortem-lint/core/project'
import { CliError } from './errors.js'
import { messages } from './messages/errors.js'

export {
  IgnoreFiles,
  configIgnoreReason,
  ignoreFileNames,
  ignoredReason,
  includedByConfig,
  isMarkdownFile,
  looksLikeGlob,
  markdownExtensions,
  withoutUnescapedTrailingSpace,
  type FileFilters,
  type FindFilesOptions,
  type FoundFiles,
} from '@postmortem-lint/core/project'

/** The core's findFiles, with a pattern that selects nothing reported as a CliError (exit 2). */
export async function findFiles(patterns: readonly string[], options: FindFilesOptions): Promise<FoundFiles> {
  try {
    return await findProjectFiles(patterns, options)
  } catch (error) {
    if (error instanceof UnmatchedPatternError) {
      throw new CliError(error.allIgnored ? messages.allFilesIgnored(error.pattern) : messages.noFilesMatching(error.pattern))
    }
    throw error
  }
}
