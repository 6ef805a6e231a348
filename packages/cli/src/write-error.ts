/**
 * Why a write failed, in words a user can act on. Node's own messages name the temporary file
 * (`rename '.report.json.123.tmp' -> 'report.json'`), which the user never asked for.
 */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  // mkdir -p reports a file standing where a directory should be as EEXIST.
  if (code === 'EEXIST' && (error as NodeJS.ErrnoException).syscall === 'mkdir') return 'a parent of it is a file, not a directory'
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'it is a directory'
    case 'ENOTDIR':
      return 'a parent of it is a file, not a directory'
    case 'ENOENT':
      return 'its directory does not exist'
    case 'EROFS':
      return 'the file system is read-only'
    case 'ENOSPC':
      return 'no space left on the device'
    case 'EDQUOT':
      return 'disk quota exceeded'
    default:
      return error instanceof Error ? error.message : String(error)
  }
}
