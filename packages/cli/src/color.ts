/**
 * Whether to colour the output: `--color` / `--no-color` win; then NO_COLOR (set and not empty)
 * turns colours off and FORCE_COLOR turns them on ("0" and "false" off); otherwise colours are on
 * when the output is a terminal (not `TERM=dumb`). Output written to a file is not a terminal.
 */
export function shouldUseColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  if (flag !== undefined) return flag
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  const force = env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false'
  return isTerminal && env.TERM !== 'dumb'
}
