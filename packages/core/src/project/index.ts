/**
 * @postmortem-lint/core/project (Node only): which files a project lints and with which config,
 * the way the command line decides it. Config discovery per file (with `--rule`-style
 * overrides), `.gitignore` / `.postmortemlintignore`, the config's `include` and `ignore` globs,
 * and the expansion of command-line paths, directories and globs. The CLI and the language
 * server both use it, so an editor lints the same files as `postmortem-lint .` does.
 */
export { ConfigResolver, RuleOverrideError, toFilters, type ConfigForFile, type ConfigResolverOptions } from './config-resolver.js'
export {
  IgnoreFiles,
  UnmatchedPatternError,
  configIgnoreReason,
  findFiles,
  ignoreFileNames,
  ignoredReason,
  includedByConfig,
  isMarkdownFile,
  looksLikeGlob,
  markdownExtensions,
  reasonNotSearched,
  withoutUnescapedTrailingSpace,
  type FileFilters,
  type FindFilesOptions,
  type FoundFiles,
} from './files.js'
