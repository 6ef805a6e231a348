import { it } from 'vitest'
import { lint, resolveConfig } from '../../src/index.js'
const run = (id: string, md: string) => lint(md, { config: resolveConfig({ extends: [], rules: { [id]: 'error' } }) }).messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`)
it('probe', () => {
  console.log(run('no-template-placeholders', `# Outage\n\n## Summary\n\nDescribe the impact here. We used the todo list app.\n\n## Impact\n\nDescribe the impact here.\n`))
  console.log(run('no-template-placeholders', `# Outage\n\n## Summary\n\nDescribe the impact here. We used the todo list app. Fix is TBD. <fill in> here.\n\n## Impact\n\nDescribe the impact here.\n`))
})
