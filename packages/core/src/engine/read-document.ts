import { lstat, readFile } from 'node:fs/promises'

export type ReadOutcome = { ok: true; text: string } | { ok: false; problem: string }

/** Read a Markdown file and decode it with {@link decodeDocument}. */
export async function readDocument(path: string): Promise<ReadOutcome> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && (await isSymlink(path))) {
      return { ok: false, problem: 'broken symbolic link (its target does not exist)' }
    }
    return { ok: false, problem: describeFsError(error) }
  }
  return decodeDocument(bytes)
}

/**
 * Decode a Markdown file's bytes, refusing what is not text: binary files, invalid UTF-8. UTF-16
 * with a byte-order mark is decoded, since some Windows editors still save it; the mark itself is
 * dropped. Decoding is strict: a replacement character silently standing in for bad bytes would
 * shift every column after it and hide the problem from the user.
 */
export function decodeDocument(bytes: Uint8Array): ReadOutcome {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null
  if (utf16) return strictDecode(bytes, utf16, `not valid ${utf16.toUpperCase()} (it starts with a UTF-16 byte-order mark); save the file as UTF-8`)
  if (bytes.subarray(0, 8000).includes(0)) return { ok: false, problem: 'binary file (contains NUL bytes), not Markdown' }
  return strictDecode(bytes, 'utf-8', 'not valid UTF-8; save the file as UTF-8')
}

function strictDecode(bytes: Uint8Array, encoding: string, problem: string): ReadOutcome {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) }
  } catch {
    return { ok: false, problem }
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
      return error instanceof Error ? error.message : String(error)
  }
}

async function isSymlink(path: string): Promise<boolean> {
  return lstat(path).then(
    (stats) => stats.isSymbolicLink(),
    () => false,
  )
}
