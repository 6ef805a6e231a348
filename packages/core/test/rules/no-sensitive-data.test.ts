import { describe, expect, it } from 'vitest'
import { run } from './helpers.js'

const id = 'no-sensitive-data'
const doc = (body: string) => `# Outage\n\n## Summary\n\n${body}\n`

describe(id, () => {
  const bad: [string, string][] = [
    ['Contact maria.lopez@acme-corp.com for details.', 'email'],
    ['Paged dave+oncall@gmail.com at 10:22.', 'email'],
    ['Mail maria.ops@acme.io about it.', 'email'],
    ['Called +44 20 7946 0958 at 10:30.', 'phone'],
    ['Called +1 415-555-0100.', 'phone'],
    ['Called +14155550100.', 'phone'],
    ['Her number is (415) 555-0100.', 'phone'],
    ['Her number is 415-555-0100.', 'phone'],
    ['Office line 020 7946 0958.', 'phone'],
    ['`AWS_ACCESS_KEY_ID=AKIAQWERTYUIOP123456`', 'credential'],
    ['Token ghp_0123456789abcdefghijklmnopqrstuvwxyz leaked.', 'credential'],
    ['The bot used xoxb-1234567890-abcdefghij.', 'credential'],
    ['Key AIzaSyA1234567890abcdefghijklmnopqrstuv was public.', 'credential'],
    ['Stripe key sk_live_4eC39HqLyjWDarjtT1zdp7dc rotated.', 'credential'],
    ['`Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N`', 'credential'],
    ['`password=hunter2!`', 'credential'],
    ['The config had `secret: s3cr3t-value`.', 'credential'],
    ['```\nDB_PASSWORD="Tr0ub4dor&3"\n```', 'credential'],
    ['```\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\n```', 'private-key'],
    // Shapes next to the ones below that are not addresses: still personal addresses.
    ['Paged ana@163.com at 10:22.', 'email'],
    ['Mail ana@acme.co.uk.', 'email'],
    ['Mail jo@xn--bcher-kva.de about it.', 'email'],
    ['Ask maria@lists-acme.com or later.', 'email'],
    ['Ask maria@acme.com, then retry.', 'email'],
    ['See maria.v2@acme.io for details.', 'email'],
    ['The primary at 10.20.30.40 stopped.', 'internal-ip'],
    ['Traffic went to 192.168.1.15.', 'internal-ip'],
    ['The node `172.16.4.2` was drained.', 'internal-ip'],
    ['<!-- raw: 172.31.255.1 -->', 'internal-ip'],
  ]
  for (const [body, kind] of bad) {
    it(`flags ${JSON.stringify(body)}`, () => {
      const messages = run(id, doc(body))
      expect(messages.map((m) => m.messageId)).toEqual([kind])
    })
  }

  const good = [
    'Mail support@acme.com or security@acme.com.',
    'Ask ops-team@acme.com or sre.oncall@acme.com for access.',
    'Replies go to noreply@acme.com.',
    'Example: alice@example.com and bob@test.example.org.',
    'The on-call @maria rolled back.',
    'At 2024-01-05 10:22:01 UTC the alert fired.',
    'Timestamp 2024-01-05T10:22:01+00:00 and +0530 offsets.',
    'We upgraded to v1.2.3 and then 10.2.3.',
    'Node 18.17.1 and PostgreSQL 14.10 were in use.',
    'Loopback 127.0.0.1 and public 8.8.8.8 are fine.',
    'The VPC is 10.0.0.0/8 and the subnet 192.168.0.0/16.',
    'Version 192.168.300.1 is not an address.',
    'Latency rose +250 ms for 45 minutes.',
    'Error rate +12.5% over 30 min.',
    'Requests went from 1,200,000 to 3,400,000.',
    'Ticket INC-2024-0415 tracks it.',
    'The password: reset was forced for all users.',
    'Set `password=<redacted>` in the config.',
    'Set `password=${DB_PASSWORD}` from the vault.',
    'The `api_key: ***` line was removed.',
    'We rotated the secret: done at 10:40.',
    'The token was revoked.',
    'AKIA keys are long-term credentials.',
    'A JWT starts with eyJ.',
    'The -----BEGIN CERTIFICATE----- block is public.',
    'Disk at 95.5% and 1.2.3.4.5 nodes.',
    'Build 415-555 failed.',
    'git@github.com:acme/api.git was cloned.',
    // A package spec is name@version, not an address (issue 16).
    'We pinned react@0.12.0-rc1 and body-parser@2.0.0-beta.2 in the lockfile.',
    'The fix shipped in `@types/node@20.11.0-dev` and pkg@1.0.0-alpha.',
    'Upgrading left@1.2.3.beta and right@v2.0-rc behind.',
    // An image at a pixel density, a file name.
    'The icon@2x.png and logo@1.5x.webp assets were missing.',
    'Attached: timeline@final.pdf and dump@primary.log.',
    // A mailing list at a list host.
    'The report went to v8-dev@googlegroups.com and to announce@lists.debian.org.',
    'Discussed on users@listserv.acme.edu and help-wanted@groups.io.',
    'Commit 3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39 was reverted.',
  ]
  for (const body of good) {
    it(`does not flag ${JSON.stringify(body)}`, () => {
      expect(run(id, doc(body)).map((m) => m.message)).toEqual([])
    })
  }

  it('never shows the whole secret', () => {
    const [message] = run(id, doc('`ghp_0123456789abcdefghijklmnopqrstuvwxyz`'))
    expect(message?.message).toContain('`ghp_…`')
    expect(message?.message).not.toContain('0123456789')
  })

  it('reports the exact span', () => {
    const [message] = run(id, doc('Traffic went to 192.168.1.15.'))
    expect(message).toMatchObject({ line: 5, column: 17, endLine: 5, endColumn: 29 })
  })

  it('honours allow (ids and literals) and checkInternalIps', () => {
    expect(run(id, doc('Mail maria@acme.com.'), { allow: ['email'] })).toEqual([])
    expect(run(id, doc('Mail maria@acme.com.'), { allow: ['maria@acme.com'] })).toEqual([])
    expect(run(id, doc('Host 10.1.2.3.'), { checkInternalIps: false })).toEqual([])
  })
})
