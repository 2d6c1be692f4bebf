// The temporary files a save writes first (fileService.ts) and, when a save was killed
// before its rename, the ones it leaves behind. Only files of our own exact naming pattern
// are ever removed, and only regular files (never a link or what it points to).
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The parts of fs/promises the clean-up uses. */
export type TempFs = Pick<typeof fsp, 'readdir' | 'lstat' | 'unlink'>;

/** The temporary sibling a save writes first: hidden, unique, recognisable for clean-up. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

const TEMP_NAME = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

/** The name of the file a temporary file was written for, or null when `entry` is not one of ours. */
export function tempFileOf(entry: string): string | null {
  return TEMP_NAME.exec(entry)?.[1] ?? null;
}

export interface StaleTempOptions {
  /** Which files' temporaries to remove, by the name of the file they were written for. */
  of: (fileName: string) => boolean;
  /** Only temporaries last written at least this long ago (a younger one may be a save in progress). */
  olderThanMs: number;
  now?: number;
  fs?: TempFs;
}

/** Removes leftover temporary files in `folder`; never throws. Answers how many were removed. */
export async function removeStaleTemps(folder: string, options: StaleTempOptions): Promise<number> {
  const fs = options.fs ?? fsp;
  const now = options.now ?? Date.now();
  let entries: string[];
  try {
    entries = await fs.readdir(folder);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    const of = tempFileOf(entry);
    if (of === null || !options.of(of)) continue;
    const path = join(folder, entry);
    try {
      const info = await fs.lstat(path);
      // (A file just written may carry a time a fraction of a millisecond past Date.now().)
      if (!info.isFile() || (options.olderThanMs > 0 && now - info.mtimeMs < options.olderThanMs)) continue;
      await fs.unlink(path);
      removed += 1;
    } catch {
      /* gone already, or not ours to remove */
    }
  }
  return removed;
}
