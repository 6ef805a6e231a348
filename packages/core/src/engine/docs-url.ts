import { version } from '../data/version.generated.js'

export const repositoryUrl = 'https://github.com/postmortem-lint/postmortem-lint'

/**
 * Links point at the rule page of the installed version's tag (markdownlint's approach), so a
 * message never links to docs describing different behaviour.
 */
export function docsUrlFor(page: string): string {
  return `${repositoryUrl}/blob/v${version}/rules/${page}`
}

export function ruleDocsUrl(ruleId: string): string {
  return docsUrlFor(`${ruleId}.md`)
}

/**
 * The config file's JSON Schema as the published core serves it (its schema/ folder, generated at
 * build time by scripts/generate-schema.mjs), at the installed version: `--init` writes it as
 * `$schema`, so editors check and complete the config.
 */
export function configSchemaUrl(at: string = version): string {
  return `https://unpkg.com/@postmortem-lint/core@${at}/schema/config.schema.json`
}
