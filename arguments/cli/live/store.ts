// The host's local store of a live room: an append-only log of the Yjs updates it accepted, so
// that a host killed mid-seminar loses nothing it acknowledged (it relays an update, which is its
// acknowledgement, only after the update is fsync'd here). Design:
// - One file per room: records of [u32 length][u8 kind][payload]; the first is a header (JSON:
//   the hash of the map file this log belongs to), the rest are updates. A record cut short by a
//   crash mid-write is ignored and cut off when the log is opened again.
// - Resuming applies the log to a fresh Y.Doc: the same structs the pages hold (their IndexedDB
//   copies merge with it), which a doc rebuilt from the map file would not be.
// - When the map file is written, the log is compacted into one state update, written whole to a
//   temporary file and renamed over the log; its header names the hash of the file about to be
//   written and of the one before, so a crash between the two writes still resumes from the log.
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync, ftruncateSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

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
  const { records } = parse(bytes);
  const first = records[0];
  if (!first || first.kind !== HEADER) return null;
  let header: StoreHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(first.payload)) as StoreHeader;
  } catch {
    return null;
  }
  if (header.version !== 1 || typeof header.mapHash !== 'string' || typeof header.epoch !== 'string') return null;
  return { header, updates: records.slice(1).filter((r) => r.kind === UPDATE).map((r) => r.payload) };
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

  private constructor(
    readonly path: string,
    fd: number,
    public header: StoreHeader,
  ) {
    this.fd = fd;
  }

  /** Opens the log for appending, cutting off a record a crash left half-written. */
  static open(path: string, header: StoreHeader): UpdateLog {
    const bytes = readFileSync(path);
    const { end } = parse(bytes);
    const fd = openSync(path, 'r+');
    if (end < bytes.length) {
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
    const parts = updates.map((u) => record(UPDATE, u));
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written);
    fsyncSync(this.fd);
  }

  /** Replaces the log by one state update under `header`. */
  compact(header: StoreHeader, state: Uint8Array): void {
    writeWhole(this.path, header, state);
    closeSync(this.fd);
    this.fd = openSync(this.path, 'a');
    this.header = header;
  }

  close(): void {
    closeSync(this.fd);
  }
}

function writeWhole(path: string, header: StoreHeader, state: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    for (const part of [record(HEADER, new TextEncoder().encode(JSON.stringify(header))), record(UPDATE, state)]) {
      let written = 0;
      while (written < part.length) written += writeSync(fd, part, written);
    }
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(temp, path);
  syncFolder(dirname(path));
}

/** Makes a rename durable (the folder's entry); some systems cannot open a folder: then it is best effort. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows opens no folder for fsync; its rename is durable enough there.
  }
}
