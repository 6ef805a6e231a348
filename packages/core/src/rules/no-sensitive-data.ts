import { z } from 'zod'
import { defineRule } from '../engine/define-rule.js'
import data from '../data/sensitive-patterns.generated.js'

type Kind = (typeof data.patterns)[number]['kind']

const options = z
  .strictObject({
    /** Literal strings (matched case-insensitively inside a finding) or pattern ids never to flag. */
    allow: z.array(z.string().min(1)).default([]),
    /** Report private (RFC 1918) IPv4 addresses. */
    checkInternalIps: z.boolean().default(true),
  })
  .default({ allow: [], checkInternalIps: true })

const patterns = data.patterns.map((entry) => ({ id: entry.id, kind: entry.kind, regex: new RegExp(entry.pattern, `g${entry.flags}`) }))
const specific = patterns.filter((entry) => entry.kind === 'credential' && entry.id !== 'secret-assignment').map((entry) => entry.regex)
const roleMailboxes: ReadonlySet<string> = new Set(data.roleMailboxes)
const safeDomains: readonly string[] = data.safeDomains
const listHosts: readonly string[] = data.listHosts
const listHostLabels: ReadonlySet<string> = new Set(data.listHostLabels)
const fileExtensions: ReadonlySet<string> = new Set(data.fileExtensions)

/** A top-level domain: letters only, or an internationalised one in punycode. */
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/
/** A version after the "@" of a package spec: "react@0.12.0-rc1", "body-parser@2.0.0-beta.2". */
const VERSION = /^v?\d+\.\d+/
/** A pixel-density suffix of an image name: "icon@2x.png", "logo@1.5x.webp". */
const DENSITY = /^\d+(?:\.\d+)?x$/

function onHost(domain: string, host: string): boolean {
  return domain === host || domain.endsWith(`.${host}`)
}

/**
 * Whether what follows the "@" can be a mail domain at all. A package spec (`name@version`), an
 * image at a pixel density or a file name has the shape of an address but ends in a version
 * part, a file extension, or a label the pattern had to cut short ("0-rc" of "0-rc1").
 */
function isMailDomain(domain: string, line: string, end: number): boolean {
  const labels = domain.split('.')
  const last = labels[labels.length - 1] ?? ''
  if (!TOP_LEVEL.test(last) || fileExtensions.has(last)) return false
  if (VERSION.test(domain) || DENSITY.test(labels[0] ?? '')) return false
  // The pattern stopped inside a longer token ("pkg@1.0.0-beta.2" at "beta"): not a domain's end.
  const next = line[end] ?? ''
  return !/[A-Za-z0-9_-]/.test(next) && !(next === '.' && /[A-Za-z0-9]/.test(line[end + 1] ?? ''))
}

/** A mailing list or group: every address at a list host, or at a host named like a list server. */
function isListAddress(domain: string): boolean {
  if (listHosts.some((host) => onHost(domain, host))) return true
  const labels = domain.split('.')
  return labels.length >= 3 && listHostLabels.has(labels[0] ?? '')
}

/** A value that is already redacted or is a reference to a secret, not the secret itself. */
const REDACTED = /^(?:\*+|x{3,}|\.{3}|…|<[^>]*>?|\[[^\]]*\]?|\$\{?[A-Za-z_][\w.]*\}?|\{\{[^}]*\}?\}?|redacted|\[redacted\]|hidden|removed|none|null|true|false|changeme|your[_-][\w-]*|process\.env\.\w+|env\.\w+)$/i

/** Extra checks a regex cannot express; false means "not really sensitive". */
function accept(kind: Kind, id: string, text: string, line: string, end: number): boolean {
  switch (kind) {
    case 'email': {
      const at = text.indexOf('@')
      const local = text.slice(0, at).toLowerCase()
      const domain = text.slice(at + 1).toLowerCase()
      if (!isMailDomain(domain, line, end)) return false
      if (roleMailboxes.has(local) || local.split(/[-._+]/).every((part) => roleMailboxes.has(part))) return false
      if (isListAddress(domain)) return false
      return !safeDomains.some((safe) => onHost(domain, safe))
    }
    case 'phone': {
      const digits = text.replace(/\D/g, '').length
      if (id === 'phone-international') return digits >= 8 && digits <= 15 && !/[().-]{2}/.test(text)
      return digits >= 10 && digits <= 12
    }
    case 'internal-ip': {
      if (text.split('.').some((octet) => Number(octet) > 255)) return false
      // A CIDR range names a network, not a host.
      return !/^\/\d/.test(line.slice(end))
    }
    case 'credential': {
      if (id !== 'secret-assignment') return true
      const value = (assignedValue(text) ?? '').replace(/["']$/, '')
      if (REDACTED.test(value)) return false
      // A known token format inside the assignment is reported under its own name.
      if (specific.some((regex) => new RegExp(regex.source, regex.flags.replace('g', '')).test(value))) return false
      // A plain word ("password: reset") is prose; a secret has a digit or symbol, or is long.
      return /[^A-Za-z]/.test(value) ? value.length >= 6 : value.length >= 16
    }
    case 'private-key':
      return true
  }
}

/**
 * What follows the first ":" or "=" of the last line, past spaces, tabs and one quote; null
 * without one. Scanned: /[:=][ \t]*["']?(.*)$/ would read to the end again from every sign.
 */
function assignedValue(text: string): string | null {
  let lineStart = text.length
  while (lineStart > 0 && !'\n\r\u2028\u2029'.includes(text[lineStart - 1]!)) lineStart--
  const equals = text.indexOf('=', lineStart)
  const colon = text.indexOf(':', lineStart)
  const sign = equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon)
  if (sign < 0) return null
  let start = sign + 1
  while (text[start] === ' ' || text[start] === '\t') start++
  if (text[start] === '"' || text[start] === "'") start++
  return text.slice(start)
}

/** Show just enough to find the value, never the value itself. */
function redact(text: string): string {
  return `${[...text].slice(0, 4).join('')}…`
}

export default defineRule<z.output<typeof options>>({
  id: 'no-sensitive-data',
  meta: {
    description: 'Redact secrets and personal data before a postmortem is shared',
    category: 'follow-up',
    defaultSeverity: 'error',
    options,
    messages: {
      'private-key':
        'A private key (`{{preview}}`) is pasted in the document; anyone the postmortem is shared with can use it. Remove the key, rotate it, and write "private key (redacted)".',
      credential:
        'A credential (`{{preview}}`, {{what}}) is in the document; a shared postmortem leaks it to every reader. Rotate it and replace the value with `<redacted>`.',
      email:
        'A personal e-mail address (`{{preview}}`) is in the document; postmortems are shared widely and personal data does not belong in them. Use a name, a team handle or a role address instead.',
      phone:
        'A phone number (`{{preview}}`) is in the document; postmortems are shared widely and personal data does not belong in them. Remove it, or point to the on-call rota instead.',
      'internal-ip':
        'An internal IP address (`{{preview}}`) is in the document; host addresses help an attacker map the network once the postmortem is shared. Use the host or service name instead.',
    } satisfies Record<Kind, string>,
  },
  check(doc, { options, report }) {
    const allow = options.allow.map((item) => item.toLowerCase())
    const source = doc.source
    const found: { start: number; end: number; kind: Kind; id: string; text: string }[] = []
    let lineStart = 0
    while (lineStart <= source.length) {
      const newline = source.indexOf('\n', lineStart)
      const lineEnd = newline < 0 ? source.length : newline
      const line = source.slice(lineStart, lineEnd)
      for (const { id, kind, regex } of patterns) {
        if (kind === 'internal-ip' && !options.checkInternalIps) continue
        if (allow.includes(id)) continue
        regex.lastIndex = 0
        for (let match = regex.exec(line); match; match = regex.exec(line)) {
          const text = match[0]
          const end = match.index + text.length
          if (!accept(kind, id, text, line, end)) continue
          const lower = text.toLowerCase()
          if (allow.some((item) => lower.includes(item))) continue
          found.push({ start: lineStart + match.index, end: lineStart + end, kind, id, text })
        }
      }
      if (newline < 0) break
      lineStart = newline + 1
    }
    // One finding per place: the earliest, then the longest (a token inside `token=...`).
    found.sort((a, b) => a.start - b.start || b.end - a.end)
    let reachedTo = -1
    for (const finding of found) {
      if (finding.start < reachedTo) continue
      reachedTo = finding.end
      const value = finding.id === 'secret-assignment' ? (assignedValue(finding.text) ?? finding.text) : finding.text
      report({
        messageId: finding.kind,
        data: { preview: redact(value), what: finding.id.replace(/-/g, ' ') },
        at: { start: doc.pointAt(finding.start), end: doc.pointAt(finding.end) },
      })
    }
  },
})
