/**
 * Small postmortems for the CLI tests. Each is a few sections long; what matters is how the CLI
 * handles them, so the assertions lean on required-sections, the one rule whose behaviour is
 * settled: the severity line decides which sections are required.
 */

/** A P4 postmortem with the three sections a P4 needs (summary, root cause, action items). */
export const completeP4 = `# Search latency spike

- **Date:** 2025-03-04
- **Severity:** P4
- **Status:** Final
- **Authors:** Dana Lee
- **Follow-up review:** 2025-03-25

## Summary

Search responses were slow for 12 minutes after a cache node restarted; 3% of queries took over 2 seconds.

## Root cause

The cache node restarted with an empty cache, and the warm-up job was disabled in the last deploy.

## Action items

| Action | Owner | Due | Priority | Type | Ticket |
| --- | --- | --- | --- | --- | --- |
| Re-enable the cache warm-up job and alert when it is skipped | Dana Lee | 2025-03-18 | P2 | Prevent | SRCH-41 |
`

/** A P2 postmortem with two sections: required-sections reports the missing ones as errors. */
export const incompleteP2 = `# Checkout outage

- **Date:** 2025-05-12
- **Severity:** P2

## Summary

Checkout returned errors for 40 minutes after a configuration change.

## Root cause

A load balancer health check pointed at a path the new release removed.
`

/** Two sections and no severity: required-sections assumes P3 unless told otherwise. */
export const noSeverity = `# Webhook delays

## Summary

Webhooks were delivered up to 20 minutes late.

## Root cause

The delivery queue's consumer count was lowered by an autoscaling policy.
`

/** Clearly not a postmortem: the core's detection skips it. */
export const readme = `# Team handbook

Welcome. This folder holds our on-call notes.
`
