import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { link, mkdir, open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Thrown by writeFileAtomic with `overwrite: false` when the target already exists. */
export class FileExistsError extends Error {
  override readonly name = 'FileExistsError'
  constructor(readonly path: string) {
    super(`${path} already exists`)
  }
}

export interface AtomicWriteOptions {
  /** Replace an existing file (default true). With false, an existing file is never touched. */
  overwrite?: boolean
  /** Create missing parent directories (default false). */
  mkdirs?: boolean
}

/**
 * Write a file so that readers see either the old content or the new, never a half-written file:
 * the data goes to a temporary file in the same directory (same filesystem), is flushed, and is
 * then renamed over the target. Without `overwrite`, the temporary file is hard-linked to the
 * target instead, which fails if the target exists, so two writers cannot both "create" it.
 */
export async function writeFileAtomic(path: string, data: string, options: AtomicWriteOptions = {}): Promise<void> {
  const directory = dirname(path)
  if (options.mkdirs) await mkdir(directory, { recursive: true })
  const temporary = join(directory, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  const handle = await open(temporary, 'wx')
  try {
    try {
      await handle.writeFile(data, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    if (options.overwrite ?? true) {
      await rename(temporary, path)
      return
    }
    try {
      await link(temporary, path)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EEXIST') throw new FileExistsError(path)
      // Filesystems without hard links: fall back to check-then-rename (a narrow race, no worse).
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error
      if (existsSync(path)) throw new FileExistsError(path)
      await rename(temporary, path)
    }
  } finally {
    await unlink(temporary).catch(() => undefined)
  }
}
