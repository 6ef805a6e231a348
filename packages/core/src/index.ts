/**
 * @postmortem-lint/core: parse incident postmortems into a document model, run review rules and
 * score the rubric. The CLI and the GitHub Action are thin layers over this API.
 */
export { lint, lintDocument, UNUSED_DIRECTIVE_RULE_ID, type LintOptions } from './engine/lint.js'
export { lintFiles, type LintFilesOptions } from './engine/lint-files.js'
export { readDocument, decodeDocument, type ReadOutcome } from './engine/read-document.js'
export { skippedResult, fatalResult } from './engine/results.js'
export { reasonToSkip } from './engine/detect.js'
export { defineRule } from './engine/define-rule.js'
export { docsUrlFor, ruleDocsUrl, repositoryUrl } from './engine/docs-url.js'
export { parsePostmortem, type ParseOptions } from './parse/parse-postmortem.js'
export { loadConfig, configFileNames, type LoadConfigOptions, type LoadedConfig } from './config/load-config.js'
export { resolveConfig, defaultConfig, type ResolvedConfig, type EnabledRule } from './config/resolve-config.js'
export { configToJSON, type ConfigJSON } from './config/config-json.js'
export { userConfigSchema, presetNames, type UserConfig, type PresetName, type RuleSetting } from './config/schema.js'
export { ConfigError } from './config/errors.js'
export { rules, builtInRules } from './rules/index.js'
export { categories, categoryIds, type CategoryId } from './rubric/categories.js'
export { scoreMessages, defaultWeights, defaultPenalty, type CategoryWeights, type Score } from './rubric/score.js'
export { version } from './data/version.generated.js'
export { preloadNlp } from './nlp/compromise.js'
export type * from './model/types.js'
export type * from './engine/types.js'
