import { readFile } from 'node:fs/promises'

export type ReadOutcome = { ok: true; text: string } | { ok: false; problem: string }

/**
 * Read a Markdown file as text, refusing what is not text: binary files, invalid UTF-8. UTF-16
 * with a byte-order mark is decoded, since some Windows editors still save it.
 */
export async function readDocument(path: string): Promise<ReadOutcome> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    return { ok: false, problem: describeFsError(error) }
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes) }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes) }
  if (bytes.subarray(0, 8000).includes(0)) return { ok: false, problem: 'binary file (contains NUL bytes), not Markdown' }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return { ok: false, problem: 'not valid UTF-8; save the file as UTF-8' }
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  switch (code) {
    case 'ENOENT':
      return 'file not found'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a directory'
    case 'ELOOP':
      return 'too many levels of symbolic links'
    default:
      return (error as Error).message ?? String(error)
  }
}
