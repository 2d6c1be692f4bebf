// Reading and writing maps on disk. Pure Node (fs only, no Electron), so it is unit-tested
// directly, including by child processes killed in the middle of a save.
//
// A save never touches the old file until the new one is complete: the text goes to a
// temporary file in the same folder, which is flushed (fsync) and then renamed over the old
// file; the folder is flushed too, so the rename survives a power cut. A rename that
// Windows refuses for a moment (an antivirus or indexer holding the file: EBUSY, EPERM,
// EACCES) is retried for a bounded time. Whatever fails, the old file is left as it was
// and the error is a sentence for the user.
import { createHash, randomBytes } from 'node:crypto';
import { constants, promises as fsp } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatBytes } from '../../arguments/format/errors';

/** Larger files are refused before they are read (the same limit as arguments/format/load.ts, checked by a test). */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** A failure with a sentence for the user as its message, and the system's code when there is one. */
export class FileServiceError extends Error {
  override name = 'FileServiceError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The parts of fs/promises the service uses; tests replace some of them to inject failures. */
export type ServiceFs = Pick<typeof fsp, 'open' | 'rename' | 'unlink' | 'copyFile' | 'stat' | 'realpath' | 'access' | 'readdir' | 'mkdir'>;

export interface RetryPolicy {
  /** Give up once this much time has passed since the first attempt. */
  totalMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { totalMs: 3000, firstDelayMs: 15, maxDelayMs: 250 };
export const TRANSIENT_CODES: ReadonlySet<string> = new Set(['EBUSY', 'EPERM', 'EACCES']);

export interface ServiceOptions {
  fs?: ServiceFs;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  platform?: NodeJS.Platform;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const codeOf = (err: unknown): string | undefined => (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : undefined);

/** Runs `op` again while it fails with a transient code, for at most `policy.totalMs`. */
export async function withRetry<T>(op: () => Promise<T>, options: ServiceOptions = {}): Promise<T> {
  const policy = options.retry ?? DEFAULT_RETRY;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const start = now();
  let delay = policy.firstDelayMs;
  for (;;) {
    try {
      return await op();
    } catch (err) {
      const code = codeOf(err);
      if (!code || !TRANSIENT_CODES.has(code) || now() - start + delay > policy.totalMs) throw err;
      await sleep(delay);
      delay = Math.min(policy.maxDelayMs, delay * 2);
    }
  }
}

// ----- reading ------------------------------------------------------------------------

function readReason(err: unknown, name: string): string {
  switch (codeOf(err)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `“${name}” is no longer where it was (it was moved or deleted).`;
    case 'EACCES':
    case 'EPERM':
      return `Argument Atlas is not allowed to read “${name}”.`;
    case 'EISDIR':
      return `“${name}” is a folder, not a map.`;
    case 'EBUSY':
      return `“${name}” is locked by another program.`;
    default:
      return `“${name}” could not be read${err instanceof Error && err.message ? ` (${err.message})` : ''}.`;
  }
}

/**
 * Reads a whole file, refusing before reading anything that is not a regular file or is
 * larger than `maxBytes` (and stopping if it grows past the limit while being read).
 */
export async function readFileGuarded(path: string, maxBytes = MAX_FILE_BYTES, options: ServiceOptions = {}): Promise<Uint8Array> {
  const fs = options.fs ?? fsp;
  const name = basename(path);
  let handle: Awaited<ReturnType<typeof fsp.open>> | undefined;
  try {
    handle = await fs.open(path, constants.O_RDONLY);
    const info = await handle.stat();
    if (!info.isFile()) throw new FileServiceError(`“${name}” is not a file.`, 'ENOTFILE');
    if (info.size > maxBytes) throw new FileServiceError(tooLarge(name, info.size, maxBytes), 'ETOOLARGE');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new FileServiceError(tooLarge(name, total, maxBytes), 'ETOOLARGE');
      chunks.push(chunk.subarray(0, bytesRead));
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  } catch (err) {
    throw err instanceof FileServiceError ? err : new FileServiceError(readReason(err, name), codeOf(err));
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function tooLarge(name: string, size: number, max: number): string {
  return `“${name}” is ${size > max && size < max + 1024 ? 'larger than ' + formatBytes(max) : formatBytes(size)}; Argument Atlas opens maps of up to ${formatBytes(max)}.`;
}

// ----- writing ------------------------------------------------------------------------

function writeReason(err: unknown, name: string): string {
  switch (codeOf(err)) {
    case 'EACCES':
    case 'EPERM':
      return `Argument Atlas was not allowed to write to “${name}” or its folder.`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `“${name}” is locked or in use by another program.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `There is not enough space to save “${name}”.`;
    case 'EROFS':
      return `“${name}” is on a read-only disk.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `The folder of “${name}” is no longer there (it was moved or deleted); use Save As.`;
    case 'ENAMETOOLONG':
      return `The name or folder of “${name}” is too long for the disk.`;
    case 'EISDIR':
      return `“${name}” is a folder.`;
    default:
      return `“${name}” could not be written${err instanceof Error && err.message ? ` (${err.message})` : ''}.`;
  }
}

/** The temporary sibling a save writes first: hidden, unique, recognisable for clean-up. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

const TEMP_SUFFIX = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

/** Where the version a save replaces is kept: one file per document, in `folder` (the app's data). */
export function previousVersionPath(folder: string, documentPath: string): string {
  const id = createHash('sha256').update(documentPath).digest('hex').slice(0, 16);
  return join(folder, `${id}-${basename(documentPath)}`);
}

export interface WriteOptions extends ServiceOptions {
  /** Before the new file replaces the old one, the old one is copied here (best effort). */
  previousVersionPath?: string;
  /** Skip the fsyncs (crash backups written every second may; saves never do). */
  durable?: boolean;
}

export interface WriteResult {
  /** The file written: the target, or the file a symbolic link at the target points to. */
  path: string;
  /** Whether the replaced version was kept at previousVersionPath. */
  previousVersionKept: boolean;
}

async function fsyncFolder(fs: ServiceFs, folder: string, platform: NodeJS.Platform): Promise<void> {
  // Windows cannot open a folder for flushing; NTFS journals the rename itself.
  if (platform === 'win32') return;
  let dir: Awaited<ReturnType<typeof fsp.open>> | undefined;
  try {
    dir = await fs.open(folder, constants.O_RDONLY);
    await dir.sync();
  } catch (err) {
    // Some file systems (network shares, FUSE) refuse to flush a folder; the file itself is flushed.
    if (!['EINVAL', 'EISDIR', 'EPERM', 'EACCES', 'EBADF', 'ENOTSUP'].includes(codeOf(err) ?? '')) throw err;
  } finally {
    await dir?.close().catch(() => undefined);
  }
}

async function exists(fs: ServiceFs, path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return false;
    throw err;
  }
}

/** Writes `data` to a new temporary file beside `target` and flushes it; returns the temporary path. */
async function writeTemp(fs: ServiceFs, target: string, data: Uint8Array, mode: number, durable: boolean): Promise<string> {
  const temp = tempPathFor(target);
  const handle = await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  try {
    let at = 0;
    while (at < data.length) {
      const { bytesWritten } = await handle.write(data, at, data.length - at);
      at += bytesWritten;
    }
    if (durable) await handle.sync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
  await handle.close();
  return temp;
}

/** Leftover temporary files of earlier saves of `target` that were killed before their rename. */
async function removeStaleTemps(fs: ServiceFs, target: string, now: number): Promise<void> {
  const folder = dirname(target);
  const name = basename(target);
  let entries: string[];
  try {
    entries = await fs.readdir(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (TEMP_SUFFIX.exec(entry)?.[1] !== name) continue;
    const path = join(folder, entry);
    try {
      if (now - (await fs.stat(path)).mtimeMs > 60_000) await fs.unlink(path);
    } catch {
      /* another process's, or gone already */
    }
  }
}

/**
 * Replaces `target` with `data` atomically: afterwards the file holds either the old bytes
 * or the new ones, whatever happens to the process or the machine in between.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string, options: WriteOptions = {}): Promise<WriteResult> {
  const fs = options.fs ?? fsp;
  const platform = options.platform ?? process.platform;
  const durable = options.durable ?? true;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const name = basename(target);
  let path = target;
  let temp: string | null = null;
  try {
    // A symbolic link stays a link: the file it points to is replaced.
    let mode = 0o666;
    if (await exists(fs, target)) {
      path = await fs.realpath(target);
      const info = await fs.stat(path);
      if (info.isDirectory()) throw new FileServiceError(`“${name}” is a folder.`, 'EISDIR');
      try {
        await fs.access(path, constants.W_OK);
      } catch {
        throw new FileServiceError(`“${name}” is read-only; use Save As to save a copy.`, 'EREADONLY');
      }
      mode = info.mode & 0o777;
    }
    temp = await writeTemp(fs, path, bytes, mode, durable);

    let previousVersionKept = false;
    if (options.previousVersionPath && (await exists(fs, path))) {
      previousVersionKept = await keepPreviousVersion(fs, path, options.previousVersionPath, options);
    }

    const from = temp;
    await withRetry(() => fs.rename(from, path), options);
    temp = null;
    if (durable) await fsyncFolder(fs, dirname(path), platform);
    await removeStaleTemps(fs, path, (options.now ?? Date.now)());
    return { path, previousVersionKept };
  } catch (err) {
    if (temp) await fs.unlink(temp).catch(() => undefined);
    throw err instanceof FileServiceError ? err : new FileServiceError(writeReason(err, name), codeOf(err));
  }
}

/** Copies the file about to be replaced into the app's data folder; a failure here never stops the save. */
async function keepPreviousVersion(fs: ServiceFs, current: string, keepAt: string, options: ServiceOptions): Promise<boolean> {
  let temp: string | null = null;
  try {
    await fs.mkdir(dirname(keepAt), { recursive: true });
    temp = tempPathFor(keepAt);
    await fs.copyFile(current, temp);
    const from = temp;
    await withRetry(() => fs.rename(from, keepAt), options);
    temp = null;
    return true;
  } catch {
    if (temp) await fs.unlink(temp).catch(() => undefined);
    return false;
  }
}
