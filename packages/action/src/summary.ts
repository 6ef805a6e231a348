import * as core from '@actions/core'

/** Write the report to the job summary, when the runner gives us one. */
export async function writeJobSummary(markdown: string): Promise<boolean> {
  if (!process.env.GITHUB_STEP_SUMMARY) return false
  await core.summary.addRaw(markdown, true).write()
  return true
}
