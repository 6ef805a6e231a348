import { describe, expect, it } from 'vitest'
import { main } from '../src/main.js'

/** A CLI whose stdout fails with an error the CLI has no handling for: a bug, as far as it knows. */
async function crash(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = ''
  const code = await main(argv, {
    cwd: process.cwd(),
    env: {},
    stdout: { write: () => { throw new TypeError('Cannot read properties of undefined (reading \'line\')') } } as unknown as NodeJS.WriteStream,
    stderr: { write: (text: string) => ((stderr += text), true) } as unknown as NodeJS.WriteStream,
  })
  return { code, stderr }
}

describe('an unexpected error inside the CLI', () => {
  it('prints what happened and how to learn more, exit 2, no stack trace', async () => {
    const run = await crash(['--version'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(
      "postmortem-lint: Unexpected error: Cannot read properties of undefined (reading 'line')\n" +
        'Run again with --debug for the stack trace, and please report it: https://github.com/postmortem-lint/postmortem-lint/issues\n',
    )
  })

  it('with --debug, prints the stack trace too', async () => {
    const run = await crash(['--version', '--debug'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^postmortem-lint: Unexpected error: Cannot read properties/)
    expect(run.stderr).toMatch(/\nTypeError: Cannot read properties[^\n]*\n\s+at /)
  })
})
