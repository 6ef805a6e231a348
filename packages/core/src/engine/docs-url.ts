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
