// The one way the CLI writes a map or a figure: into a temporary file beside the target, flushed
// to the disk, then renamed over it. A crash, a full disk or a kill leaves the old file or the
// new one, never half of one. A target that is not a regular file (a folder, a FIFO, a device, a
// link to nothing) is refused, never replaced; a link to a regular file is followed and the file
// it names is replaced, not the link (as editors do).
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from './io';
import { quote, shown } from './quote';
import { describeSpecial, type FileIdentity } from './read';

export interface WriteOptions {
  /** May an existing file be replaced? (`new` and `import` need --force; `export` rebuilds figures.) */
  overwrite: boolean;
  /** The target must still be the file read then (a map read, changed and written back). */
  unchangedSince?: FileIdentity;
  /** Permissions of a file made anew (default 0o666, less the umask); a replaced file keeps its own. */
  mode?: number;
}

interface StatsLike {
  isFile(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSymbolicLink(): boolean;
  size: number;
  dev: number;
  ino: number;
  mtimeMs: number;
  mode: number;
}

/** The file-system calls the writer makes (tests pass a fake that fails midway). */
export interface WriteFs {
  lstatSync(path: string): StatsLike;
  statSync(path: string): StatsLike;
  realpathSync(path: string): string;
  readlinkSync(path: string): string;
  openSync(path: string, flags: string | number, mode?: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  fchmodSync(fd: number, mode: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
}

const errno = (err: unknown) => (err as NodeJS.ErrnoException)?.code ?? 'unknown error';

function writeError(name: string, path: string, err: unknown): CliError {
  const code = errno(err);
  const why =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EROFS'
          ? 'the disk is read-only'
          : code === 'ENOENT'
            ? `the folder ${quote(dirname(path))} does not exist`
            : code === 'ENOTDIR'
              ? 'a part of its path is a file, not a folder'
              : code;
  return new CliError(`${name}: cannot be written (${why}); nothing was changed.`);
}

const sameFile = (st: StatsLike, id: FileIdentity) => st.dev === id.dev && st.ino === id.ino && st.size === id.size && st.mtimeMs === id.mtimeMs;

/** Where the bytes go: the target, or the regular file a link names; and what is there now. */
function resolveTarget(target: string, name: string, options: WriteOptions, fs: WriteFs): { path: string; existing: StatsLike | null } {
  let path = target;
  let st: StatsLike | null;
  try {
    st = fs.lstatSync(target);
  } catch (err) {
    if (errno(err) !== 'ENOENT') throw writeError(name, target, err);
    st = null;
  }
  if (st?.isSymbolicLink()) {
    try {
      path = fs.realpathSync(target);
      st = fs.statSync(path);
    } catch (err) {
      if (errno(err) !== 'ENOENT') throw writeError(name, target, err);
      let link = '';
      try {
        link = fs.readlinkSync(target);
      } catch {
        // shown without its target
      }
      throw new CliError(`${name} is a link to ${link ? quote(link) : 'a file'}, which does not exist; Argument Atlas replaces a file a link names, never the link. Remove the link or write elsewhere.`);
    }
  }
  if (st) {
    if (st.isDirectory()) throw new CliError(`${name} is a folder; give the name of a file to write.`);
    if (!st.isFile()) throw new CliError(`${name} is ${describeSpecial(st)}, not a regular file; Argument Atlas writes regular files only, and does not replace it.`);
    if (!options.overwrite && !options.unchangedSince) throw new CliError(`${name} already exists; add --force to overwrite it.`);
  }
  if (options.unchangedSince && !(st && sameFile(st, options.unchangedSince)))
    throw new CliError(`${name} was changed by another program while this command ran; nothing was written. Run the command again.`, 1);
  return { path, existing: st };
}

/** Refuses now what writeFileAtomic would refuse (a folder, a device, an existing file without --force), before any work is done. */
export function checkTarget(target: string, options: WriteOptions, fs: WriteFs = nodeFs as unknown as WriteFs): void {
  resolveTarget(target, shown(target), options, fs);
}

/**
 * Writes `data` to `target` atomically (temporary file, fsync, rename), or refuses with a
 * CliError that leaves the target as it was and no temporary file behind.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array, options: WriteOptions, fs: WriteFs = nodeFs as unknown as WriteFs): void {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const file = openTemp(target, options, fs);
  try {
    file.write(bytes);
    file.commit();
  } catch (err) {
    throw file.fail(err);
  }
}

/**
 * writeFileAtomic for bytes made as they are written (a PNG drawn band by band), so they are
 * never in memory whole. An error while making them leaves the target as it was, and is
 * passed on as it is (an error of the disk becomes a CliError, as in writeFileAtomic).
 */
export async function writeFileAtomicFrom(target: string, pieces: AsyncIterable<Uint8Array>, options: WriteOptions, fs: WriteFs = nodeFs as unknown as WriteFs): Promise<void> {
  const file = openTemp(target, options, fs);
  try {
    for await (const bytes of pieces) file.write(bytes);
    file.commit();
  } catch (err) {
    throw file.fail(err);
  }
}

/**
 * The temporary file's name must be unique, not secret: it is opened with 'wx', which refuses a
 * file already there. Math.random, not node:crypto, whose loading was ~10–40 ms of every export.
 */
const randomHex = () => Math.floor(Math.random() * 2 ** 32).toString(16).padStart(8, '0');

/** A temporary file beside the target: written to, then renamed over it, or removed on failure. */
function openTemp(target: string, options: WriteOptions, fs: WriteFs) {
  const name = shown(target);
  const { path, existing } = resolveTarget(target, name, options, fs);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomHex()}.tmp`);
  let fd: number | null = null;
  // Errors of the disk are said in words; any other (of the code making the bytes) is passed on.
  let diskError = false;
  const disk = <T>(call: () => T): T => {
    try {
      return call();
    } catch (err) {
      diskError = true;
      throw err;
    }
  };
  return {
    write(bytes: Uint8Array): void {
      fd ??= disk(() => fs.openSync(temp, 'wx', existing ? existing.mode & 0o7777 : (options.mode ?? 0o666)));
      const to = fd;
      for (let at = 0; at < bytes.length; ) at += disk(() => fs.writeSync(to, bytes, at, bytes.length - at));
    },
    commit(): void {
      fd ??= disk(() => fs.openSync(temp, 'wx', existing ? existing.mode & 0o7777 : (options.mode ?? 0o666)));
      const to = fd;
      // The umask applies at creation; a replaced file keeps its own permissions.
      disk(() => {
        if (existing) fs.fchmodSync(to, existing.mode & 0o7777);
        fs.fsyncSync(to);
        fs.closeSync(to);
      });
      fd = null;
      if (options.unchangedSince) {
        const now = disk(() => fs.statSync(path));
        if (!sameFile(now, options.unchangedSince)) throw new CliError(`${name} was changed by another program while this command ran; nothing was written. Run the command again.`, 1);
      }
      disk(() => fs.renameSync(temp, path));
      syncFolder(dirname(path), fs);
    },
    fail(err: unknown): unknown {
      if (fd !== null)
        try {
          fs.closeSync(fd);
        } catch {
          // already failing
        }
      try {
        fs.unlinkSync(temp);
      } catch {
        // never created
      }
      return err instanceof CliError || !diskError ? err : writeError(name, path, err);
    },
  };
}

/** Makes the rename itself durable; folders cannot be opened for this on every system, so failing is no error. */
function syncFolder(folder: string, fs: WriteFs): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // best effort (Windows)
  } finally {
    if (fd !== null)
      try {
        fs.closeSync(fd);
      } catch {
        // nothing to lose
      }
  }
}
