// The host's local store of a live room: an append-only log of the Yjs updates it accepted, so
// that a host killed mid-seminar loses nothing it acknowledged (it relays an update, which is its
// acknowledgement, only after the update is fsync'd here). Design:
// - One file per room: records of [u32 length][u8 kind][payload]; the first is a header (JSON:
//   the hash of the map file this log belongs to), the rest are updates. A record cut short by a
//   crash mid-write is ignored and cut off when the log is opened again.
// - Resuming applies the log to a fresh Y.Doc: the same structs the pages hold (their IndexedDB
//   copies merge with it), which a doc rebuilt from the map file would not be.
// - Before the map file is written, a header record naming the hash of the file about to be
//   written and of the one before is appended (the last header counts), so a crash between the
//   two writes still resumes from the log. Only when the log has grown well past the state it
//   holds is it compacted into one state update (written whole, atomically: write.ts): encoding the whole state costs more than the file's write (146 ms at 1,000 nodes).
import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { closeSync, fstatSync, fsyncSync, openSync, readFileSync, writeSync, ftruncateSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../write';

export interface StoreHeader {
  version: 1;
  /** The hash of the map file as the host last wrote it (or read it, when the log began). */
  mapHash: string;
  /** The hash of the file before that write: a crash between the log's and the file's write leaves it. */
  previousHash?: string;
  /** Changes when a room starts from the file instead of the log: pages drop copies of an older room. */
  epoch: string;
}

const HEADER = 0;
const UPDATE = 1;

export const hashBytes = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function record(kind: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + payload.length);
  new DataView(out.buffer).setUint32(0, payload.length + 1);
  out[4] = kind;
  out.set(payload, 5);
  return out;
}

export interface ReadLog {
  header: StoreHeader;
  updates: Uint8Array[];
  /** Where its last whole record ends, and its length (more: a record a crash cut short). */
  end: number;
  length: number;
}

/** The log at `path`, or null when there is none (or it has no readable header). */
export function readLog(path: string): ReadLog | null {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const { records, end } = parse(bytes);
  if (records[0]?.kind !== HEADER) return null;
  let header: StoreHeader | null = null;
  for (const r of records) if (r.kind === HEADER) header = readHeader(r.payload) ?? header;
  if (header === null) return null;
  return { header, updates: records.filter((r) => r.kind === UPDATE).map((r) => r.payload), end, length: bytes.length };
}

function readHeader(payload: Uint8Array): StoreHeader | null {
  try {
    const header = JSON.parse(new TextDecoder().decode(payload)) as StoreHeader;
    return header.version === 1 && typeof header.mapHash === 'string' && typeof header.epoch === 'string' ? header : null;
  } catch {
    return null;
  }
}

function parse(bytes: Uint8Array): { records: { kind: number; payload: Uint8Array }[]; end: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: { kind: number; payload: Uint8Array }[] = [];
  let at = 0;
  while (at + 5 <= bytes.length) {
    const length = view.getUint32(at);
    if (length < 1 || at + 4 + length > bytes.length) break;
    records.push({ kind: bytes[at + 4]!, payload: bytes.subarray(at + 5, at + 4 + length) });
    at += 4 + length;
  }
  return { records, end: at };
}

/** An open log: appends are durable when `append` returns. */
export class UpdateLog {
  private fd: number;
  /** Bytes in the log, and in its state update when it was last written whole. */
  private size: number;
  private base: number;

  private constructor(
    readonly path: string,
    fd: number,
    public header: StoreHeader,
  ) {
    this.fd = fd;
    this.size = fstatSync(fd).size;
    this.base = this.size;
  }

  /** Opens the log readLog read for appending, cutting off a record a crash left half-written. */
  static open(path: string, read: Pick<ReadLog, 'header' | 'end' | 'length'>): UpdateLog {
    const { header, end, length } = read;
    const fd = openSync(path, 'r+');
    if (end < length) {
      ftruncateSync(fd, end);
      fsyncSync(fd);
    }
    closeSync(fd);
    return new UpdateLog(path, openSync(path, 'a'), header);
  }

  /** Writes a new log holding `state` alone (atomically) and opens it. */
  static create(path: string, header: StoreHeader, state: Uint8Array): UpdateLog {
    writeWhole(path, header, state);
    return new UpdateLog(path, openSync(path, 'a'), header);
  }

  /** Appends the updates and fsyncs them. */
  append(updates: readonly Uint8Array[]): void {
    if (updates.length === 0) return;
    this.write(updates.map((u) => record(UPDATE, u)));
  }

  /** Records (durably) the hash of the map file about to be written. */
  mark(header: StoreHeader): void {
    this.write([record(HEADER, new TextEncoder().encode(JSON.stringify(header)))]);
    this.header = header;
  }

  /** Whether the log holds much more than the state it was last compacted to. */
  get overgrown(): boolean {
    return this.size > 4 * this.base + 1024 * 1024;
  }

  private write(parts: Uint8Array[]): void {
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written);
    fsyncSync(this.fd);
    this.size += bytes.length;
  }

  /** Replaces the log by one state update under `header`. */
  compact(header: StoreHeader, state: Uint8Array): void {
    writeWhole(this.path, header, state);
    closeSync(this.fd);
    this.fd = openSync(this.path, 'a');
    this.header = header;
    this.size = this.base = fstatSync(this.fd).size;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Writes a log holding `state` alone, atomically (write.ts: temporary file, fsync, rename, folder fsync), readable by its owner only. */
function writeWhole(path: string, header: StoreHeader, state: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const head = record(HEADER, new TextEncoder().encode(JSON.stringify(header)));
  const body = record(UPDATE, state);
  const bytes = new Uint8Array(head.length + body.length);
  bytes.set(head);
  bytes.set(body, head.length);
  writeFileAtomic(path, bytes, { overwrite: true, mode: 0o600 });
}

/** Moves a log an earlier seminar left out of the way, kept beside it under a dated name (returned). */
export function setAside(path: string): string {
  const aside = `${path}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  nodeFs.renameSync(path, aside);
  return aside;
}

/** The file-system calls lockStore makes (a test passes one that lets another starter in between). */
export type LockFs = Pick<typeof nodeFs, 'mkdirSync' | 'writeFileSync' | 'linkSync' | 'openSync' | 'writeSync' | 'closeSync' | 'readFileSync' | 'renameSync' | 'rmSync'>;

/**
 * Takes the store folder for this process (two hosts on one map would interleave their logs):
 * a lock file naming the holder's pid, taken over when that process is gone (a host killed with
 * SIGKILL leaves its lock). Returns the release; null when a live process holds it. The lock is
 * made whole (a linked temporary file: never seen empty) and a stale one is taken over by moving
 * it aside, which only one of two starters can do (removing it would let the slower one remove
 * the faster one's fresh lock too).
 */
export function lockStore(dir: string, fs: LockFs = nodeFs): { release: () => void } | { heldBy: number } {
  fs.mkdirSync(dir, { recursive: true });
  const path = join(dir, 'host.lock');
  const mine = `${path}.${process.pid}.tmp`;
  const aside = `${path}.${process.pid}.stale`;
  const holderOf = (file: string): number | null | undefined => {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    const pid = Number(text.trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  };
  fs.writeFileSync(mine, String(process.pid), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (take(fs, mine, path)) return { release: () => fs.rmSync(path, { force: true }) };
      const holder = holderOf(path);
      if (holder === undefined) continue;
      if (holder !== null && alive(holder)) return { heldBy: holder };
      try {
        fs.renameSync(path, aside);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw err;
      }
      const moved = holderOf(aside);
      if (moved !== holder && moved !== null && moved !== undefined && alive(moved)) {
        // Another starter took the stale lock over between the read and the move: its lock goes back.
        try {
          fs.linkSync(aside, path);
        } catch {
          // a third one holds it now
        }
        fs.rmSync(aside, { force: true });
        return { heldBy: moved };
      }
      fs.rmSync(aside, { force: true });
    }
  } finally {
    fs.rmSync(mine, { force: true });
  }
  throw new Error(`the lock ${path} could not be taken`);
}

/** Creates `path` holding what `mine` holds, or false when it exists. */
function take(fs: LockFs, mine: string, path: string): boolean {
  try {
    fs.linkSync(mine, path);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw err;
  }
  // A file system without hard links (FAT): created empty, then written.
  let fd: number;
  try {
    fd = fs.openSync(path, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  fs.writeSync(fd, String(process.pid));
  fs.closeSync(fd);
  return true;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
