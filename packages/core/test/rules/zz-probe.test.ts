import { it } from 'vitest'
import { lint, resolveConfig } from '../../src/index.js'
const run = (id: string, md: string) => lint(md, { config: resolveConfig({ extends: [], rules: { [id]: 'error' } }) }).messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`)
it('probe', () => {
  const doc = `# Outage\n\n**Date:** YYYY-MM-DD\n**Severity:** bad\n**Authors:** [names]\n\n## Summary\n\nDescribe the impact here. We used the todo list app. Fix is TBD. <fill in> here.\n\n> TBD\n\n## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n| Add the pool alert | TBD | YYYY-MM-DD |\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| HH:MM | Alert fired |\n`
  console.log(run('no-template-placeholders', doc))
  console.log(run('metadata', doc))
  console.log(run('no-sensitive-data', 'Mail maria.lopez@acme-corp.com or support@acme.com, bob@example.com.\nCall +44 20 7946 0958 or (415) 555-0100. At 2024-01-05 10:22:01 v1.2.3 127.0.0.1 10.0.0.0/8 host 10.1.2.3 and 192.168.300.1\n\n```\nAWS_KEY=AKIAQWERTYUIOP123456\npassword: hunter2!\npassword=<redacted>\n-----BEGIN OPENSSH PRIVATE KEY-----\n```\n`token=ghp_0123456789abcdefghijklmnopqrstuvwxyz`\n'))
})
