// Config discovery per file lives in the core's Node-only entry, shared with the language server;
// this module keeps the CLI's names and turns a refused `--rule` setting into a usage error.
import { ConfigResolver as ProjectConfigResolver, RuleOverrideError, type ConfigForFile, type ConfigResolverOptions } from '@postmortem-lint/core/project'
import { UsageError } from './errors.js'
import { messages } from './messages/errors.js'

export { toFilters, type ConfigForFile, type ConfigResolverOptions } from '@postmortem-lint/core/project'

export type Core = typeof import('@postmortem-lint/core')

/**
 * The config of each file: the `-c` file, or the nearest config above the file (searched once per
 * directory), with the `--rule` overrides applied; a refused override is a UsageError.
 */
export class ConfigResolver extends ProjectConfigResolver {
  /** `core` is not used (the resolver imports the core itself); the parameter keeps callers unchanged. */
  constructor(_core: Core, options: ConfigResolverOptions) {
    super(options)
  }

  override forDirectory(directory: string): Promise<ConfigForFile> {
    return super.forDirectory(directory).catch((error: unknown) => {
      if (error instanceof RuleOverrideError) throw new UsageError(messages.badRuleSetting(error.rule, error.problem))
      throw error
    })
  }
}
