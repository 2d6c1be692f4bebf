// Reading and writing maps on disk. Pure Node (fs only, no Electron), so it is unit-tested
// directly, including by child processes killed in the middle of a save.
//
// A save never touches the old file until the new one is complete: the text goes to a
// temporary file in the same folder, which is flushed (fsync) and then renamed over the old
// file; the folder is flushed too, so the rename survives a power cut. A rename that
// Windows refuses for a moment (an antivirus or indexer holding the file: EBUSY, EPERM,
// EACCES) is retried for a bounded time. Whatever fails, the old file is left as it was
// and the error is a sentence for the user.
//
// Only regular files are replaced: a folder, a named pipe, a socket, a device or a link to
// nothing is refused before anything is written, and checked again just before the rename.
// A symbolic link to a regular file stays a link: the file it points to is replaced.
import { createHash } from 'node:crypto';
import { constants, promises as fsp, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatBytes } from '../../arguments/format/errors';
import { MAX_FILE_BYTES } from '../../arguments/limits';
import { removeStaleTemps, tempPathFor } from './tempFiles';

/** Larger files are refused before they are read: the loader's own limit. */
export { MAX_FILE_BYTES };

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

/** What is at a path that is not a regular file. */
export type NotRegularKind = 'folder' | 'named pipe' | 'socket' | 'device' | 'symbolic link' | 'broken link' | 'link loop' | 'other';

const NOT_REGULAR_PHRASES = {
  folder: 'a folder',
  'named pipe': 'a named pipe',
  socket: 'a socket',
  device: 'a device',
  'symbolic link': 'a symbolic link',
  'broken link': 'a symbolic link to something that is not there',
  'link loop': 'a symbolic link that leads round in a circle',
  other: 'a special file',
} satisfies Record<NotRegularKind, string>;

/** “… is not a regular file (it is a named pipe)”: the first half of every refusal's sentence. */
export function notRegularPhrase(name: string, kind: NotRegularKind): string {
  return `“${name}” is not a regular file (it is ${NOT_REGULAR_PHRASES[kind]})`;
}

/** A save (or a read) refused because the path does not name a regular file; nothing was changed. */
export class NotRegularFileError extends FileServiceError {
  override name = 'NotRegularFileError';
  constructor(
    fileName: string,
    readonly kind: NotRegularKind,
    advice: string,
  ) {
    super(`${notRegularPhrase(fileName, kind)}; ${advice}`, 'ENOTREGULAR');
  }
}

/** What a path's (l)stat says it is; null for a regular file. */
export function notRegularKind(info: Stats): NotRegularKind | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return 'folder';
  if (info.isFIFO()) return 'named pipe';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  if (info.isSymbolicLink()) return 'symbolic link';
  return 'other';
}

/** The parts of fs/promises the service uses; tests replace some of them to inject failures. */
export type ServiceFs = Pick<typeof fsp, 'open' | 'rename' | 'unlink' | 'stat' | 'lstat' | 'realpath' | 'access' | 'readdir' | 'mkdir'>;

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

// Not on Windows, which has neither (nor named pipes or devices at a file's path).
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;

export interface ReadOptions extends ServiceOptions {
  /** Refuse a symbolic link instead of reading what it points to (the app's own files). */
  noFollow?: boolean;
  /** The sentence for a file over `maxBytes` (default: a map's); `size` is what was found. */
  tooLarge?: (name: string, size: number, maxBytes: number) => string;
}

/**
 * Reads a whole file, refusing before reading anything that is not a regular file or is
 * larger than `maxBytes` (and stopping if it grows past the limit while being read).
 * Opened without blocking, so a named pipe with no writer is refused instead of waited on.
 */
export async function readFileGuarded(path: string, maxBytes = MAX_FILE_BYTES, options: ReadOptions = {}): Promise<Uint8Array> {
  const fs = options.fs ?? fsp;
  const name = basename(path);
  const tooLargeSentence = options.tooLarge ?? tooLarge;
  let handle: Awaited<ReturnType<typeof fsp.open>> | undefined;
  try {
    handle = await fs.open(path, constants.O_RDONLY | O_NONBLOCK | (options.noFollow ? O_NOFOLLOW : 0));
    const info = await handle.stat();
    const kind = notRegularKind(info);
    if (kind) throw new NotRegularFileError(name, kind, 'Argument Atlas opens only files.');
    if (info.size > maxBytes) throw new FileServiceError(tooLargeSentence(name, info.size, maxBytes), 'ETOOLARGE');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new FileServiceError(tooLargeSentence(name, total, maxBytes), 'ETOOLARGE');
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
  /**
   * A symbolic link at the target: 'follow' (a user's map) replaces the regular file it points
   * to; 'replace' (the app's own files) replaces the link itself, never touching its target.
   */
  links?: 'follow' | 'replace';
}

export interface WriteResult {
  /** The file written: the target, or the file a symbolic link at the target points to. */
  path: string;
  /** Whether the replaced version was kept at previousVersionPath. */
  previousVersionKept: boolean;
}

const SAVE_AS = 'choose another name with Save As.';

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

async function lstatOrNull(fs: ServiceFs, path: string): Promise<Stats | null> {
  try {
    return await fs.lstat(path);
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return null;
    throw err;
  }
}

interface Destination {
  /** The path the rename replaces: the target, or the regular file a link at the target points to. */
  path: string;
  mode: number;
  /** A regular file is there now (and may be kept as the previous version). */
  replacesFile: boolean;
}

/** Where a save of `target` goes, refusing whatever is not a regular file (or nothing yet). */
async function destinationOf(fs: ServiceFs, target: string, name: string, links: 'follow' | 'replace'): Promise<Destination> {
  const entry = await lstatOrNull(fs, target);
  if (!entry) return { path: target, mode: 0o666, replacesFile: false };
  let path = target;
  let info = entry;
  if (entry.isSymbolicLink()) {
    // The app's own files: the link itself is replaced; what it points to is never read or written.
    if (links === 'replace') return { path: target, mode: 0o666, replacesFile: false };
    try {
      path = await fs.realpath(target);
    } catch (err) {
      const code = codeOf(err);
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new NotRegularFileError(name, 'broken link', SAVE_AS);
      if (code === 'ELOOP') throw new NotRegularFileError(name, 'link loop', SAVE_AS);
      throw err;
    }
    info = await fs.lstat(path);
  }
  const kind = notRegularKind(info);
  if (kind) throw new NotRegularFileError(name, kind, SAVE_AS);
  try {
    await fs.access(path, constants.W_OK);
  } catch {
    throw new FileServiceError(`“${name}” is read-only; use Save As to save a copy.`, 'EREADONLY');
  }
  return { path, mode: info.mode & 0o777, replacesFile: true };
}

/**
 * Just before the rename: what is at `path` now must still be nothing or a regular file (or,
 * with links 'replace', a link). Something swapped in since the first check (a named pipe
 * made there meanwhile) is refused rather than replaced by a file.
 */
async function checkStillReplaceable(fs: ServiceFs, path: string, name: string, links: 'follow' | 'replace'): Promise<void> {
  const now = await lstatOrNull(fs, path);
  if (!now || now.isFile() || (links === 'replace' && now.isSymbolicLink())) return;
  throw new NotRegularFileError(name, notRegularKind(now) ?? 'other', SAVE_AS);
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

/** A killed save's temporary file is removed by a later save of the same file, once it is a minute old. */
const STALE_TEMP_MS = 60_000;

/**
 * Replaces `target` with `data` atomically: afterwards the file holds either the old bytes
 * or the new ones, whatever happens to the process or the machine in between.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string, options: WriteOptions = {}): Promise<WriteResult> {
  const fs = options.fs ?? fsp;
  const platform = options.platform ?? process.platform;
  const durable = options.durable ?? true;
  const links = options.links ?? 'follow';
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const name = basename(target);
  let temp: string | null = null;
  try {
    const { path, mode, replacesFile } = await destinationOf(fs, target, name, links);
    temp = await writeTemp(fs, path, bytes, mode, durable);

    let previousVersionKept = false;
    if (options.previousVersionPath && replacesFile) previousVersionKept = await keepPreviousVersion(fs, path, options.previousVersionPath, options);

    const from = temp;
    // Between this check and the rename only a same-user process racing for the microseconds
    // in between could swap something in: POSIX has no rename that refuses a non-regular file.
    await withRetry(async () => {
      await checkStillReplaceable(fs, path, name, links);
      await fs.rename(from, path);
    }, options);
    temp = null;
    if (durable) await fsyncFolder(fs, dirname(path), platform);
    const fileName = basename(path);
    await removeStaleTemps(dirname(path), { of: (n) => n === fileName, olderThanMs: STALE_TEMP_MS, now: (options.now ?? Date.now)(), fs });
    return { path, previousVersionKept };
  } catch (err) {
    if (temp) await fs.unlink(temp).catch(() => undefined);
    throw err instanceof FileServiceError ? err : new FileServiceError(writeReason(err, name), codeOf(err));
  }
}

/** Larger files are not kept as a previous version: they cannot be maps Argument Atlas opened. */
const MAX_KEPT_BYTES = MAX_FILE_BYTES;

/**
 * Copies the file about to be replaced into the app's data folder; a failure here never
 * stops the save. Read through a handle opened without blocking or following links and
 * checked to be a regular file, so nothing swapped in meanwhile (a named pipe) can hang it.
 */
async function keepPreviousVersion(fs: ServiceFs, current: string, keepAt: string, options: ServiceOptions): Promise<boolean> {
  let temp: string | null = null;
  try {
    const bytes = await readFileGuarded(current, MAX_KEPT_BYTES, { ...options, fs, noFollow: true });
    await fs.mkdir(dirname(keepAt), { recursive: true });
    temp = await writeTemp(fs, keepAt, bytes, 0o666, false);
    const from = temp;
    await withRetry(() => fs.rename(from, keepAt), options);
    temp = null;
    const kept = basename(keepAt);
    await removeStaleTemps(dirname(keepAt), { of: (n) => n === kept, olderThanMs: STALE_TEMP_MS, now: (options.now ?? Date.now)(), fs });
    return true;
  } catch {
    if (temp) await fs.unlink(temp).catch(() => undefined);
    return false;
  }
}
