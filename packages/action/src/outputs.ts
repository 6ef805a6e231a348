import * as core from '@actions/core'
import type { Totals } from './report.js'

/** The outputs every run sets, pull-request lint and scheduled report alike (action.yml lists them). */
export function setLintOutputs(totals: Totals, reportPath: string): void {
  core.setOutput('score', totals.lowestScore ?? '')
  core.setOutput('mean-score', totals.meanScore ?? '')
  core.setOutput('errors', totals.errors)
  core.setOutput('warnings', totals.warnings)
  core.setOutput('files', totals.linted)
  core.setOutput('report', reportPath)
}
