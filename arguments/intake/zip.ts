// A zip archive read the way the .docx reader (mammoth, through JSZip) will read it: by its
// central directory. Every entry is inflated with fflate's streaming Inflate in small steps,
// counting the bytes that actually come out (declared sizes can lie), and stopped at a cap on
// the total and on the compression ratio, so a zip bomb is never held in memory.
// fflate's own unzip reads entries either from the local headers (its stream) or allocates the
// declared size (unzipSync): neither serves, hence this small reader of the directory.
import { Inflate } from 'fflate';

export interface ZipLimits {
  /** Total bytes all entries may inflate to. */
  maxTotalBytes: number;
  /** Compression ratio (inflated / stored) an entry may reach once past `ratioGraceBytes`. */
  maxRatio: number;
  ratioGraceBytes: number;
  maxEntries: number;
}

/**
 * The total is the hard bound. The ratio stops a bomb early: deflate's ceiling is ~1,032:1,
 * where bombs sit; Word XML of identical repeated rows or cells reaches ~300:1, ordinary text ~10:1.
 */
export const ZIP_LIMITS: ZipLimits = { maxTotalBytes: 200 * 1024 * 1024, maxRatio: 500, ratioGraceBytes: 1024 * 1024, maxEntries: 10_000 };

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  encrypted: boolean;
  /** Where the stored data is, from the central directory and the local header. */
  dataStart: number;
  storedSize: number;
  declaredSize: number;
  headerOffset: number;
}

export type ZipProblem =
  | { problem: 'not-a-zip' }
  | { problem: 'damaged'; detail: string }
  | { problem: 'encrypted' }
  | { problem: 'zip-bomb'; detail: string };

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 2 ** 32;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Does it start like a zip archive (a local header, or the end record of an empty zip)? */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

function findEndRecord(b: Uint8Array): number {
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) if (u32(b, i) === EOCD) return i;
  return -1;
}

/** The entries of the central directory, or what is wrong with the archive. */
export function readZipDirectory(b: Uint8Array, limits: ZipLimits = ZIP_LIMITS): { ok: true; entries: ZipEntry[] } | ({ ok: false } & ZipProblem) {
  if (!isZip(b)) return { ok: false, problem: 'not-a-zip' };
  const end = findEndRecord(b);
  if (end < 0) return { ok: false, problem: 'damaged', detail: 'it has no table of contents (it may be cut short)' };
  let count = u16(b, end + 10);
  let offset = u32(b, end + 16);
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && u32(b, end - 20) === ZIP64_LOCATOR) {
    const z = u64(b, end - 12);
    if (z + 56 > b.length || u32(b, z) !== ZIP64_EOCD) return { ok: false, problem: 'damaged', detail: 'its table of contents is broken' };
    count = u64(b, z + 32);
    offset = u64(b, z + 48);
  }
  if (count > limits.maxEntries) return { ok: false, problem: 'zip-bomb', detail: `it has ${count.toLocaleString('en-US')} parts` };
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== CENTRAL) return { ok: false, problem: 'damaged', detail: 'its table of contents is broken' };
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let storedSize = u32(b, p + 20);
    let declaredSize = u32(b, p + 24);
    const nameLength = u16(b, p + 28);
    const extraLength = u16(b, p + 30);
    const commentLength = u16(b, p + 32);
    let headerOffset = u32(b, p + 42);
    const name = new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLength));
    // Zip64: the sizes and offset that do not fit in 32 bits are in the extra field, in this order.
    for (let e = p + 46 + nameLength, stop = e + extraLength; e + 4 <= stop; e += 4 + u16(b, e + 2)) {
      if (u16(b, e) !== 1) continue;
      let q = e + 4;
      if (declaredSize === 0xffffffff) (declaredSize = u64(b, q)), (q += 8);
      if (storedSize === 0xffffffff) (storedSize = u64(b, q)), (q += 8);
      if (headerOffset === 0xffffffff) headerOffset = u64(b, q);
    }
    p += 46 + nameLength + extraLength + commentLength;
    if (headerOffset + 30 > b.length || u32(b, headerOffset) !== LOCAL) return { ok: false, problem: 'damaged', detail: `its part “${name}” is missing` };
    const dataStart = headerOffset + 30 + u16(b, headerOffset + 26) + u16(b, headerOffset + 28);
    if (dataStart + storedSize > b.length) return { ok: false, problem: 'damaged', detail: `its part “${name}” is cut short` };
    entries.push({ name, method, encrypted: (flags & 1) === 1, dataStart, storedSize, declaredSize, headerOffset });
  }
  // Entries sharing their data make a small file inflate many times over (an overlapping bomb).
  const sorted = [...entries].sort((x, y) => x.headerOffset - y.headerOffset);
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]!.headerOffset < sorted[i - 1]!.dataStart + sorted[i - 1]!.storedSize) return { ok: false, problem: 'zip-bomb', detail: 'its parts overlap one another' };
  return { ok: true, entries };
}

/** Input is fed to Inflate in steps this small: one step inflates to at most ~1,032 times as much. */
const STEP = 8 * 1024;

class Stop extends Error {}

export interface InflatedZip {
  entries: ZipEntry[];
  /** The inflated bytes of the entries asked for (when present). */
  kept: Map<string, Uint8Array>;
  totalBytes: number;
}

/**
 * Inflates every entry, counting the bytes that come out and stopping at the limits; keeps the
 * entries named in `keep` (each up to `keepMaxBytes`). `signal` is checked between steps.
 */
export function inflateZip(
  b: Uint8Array,
  options: { keep?: readonly string[]; keepMaxBytes?: number; limits?: ZipLimits; signal?: AbortSignal } = {},
): { ok: true; zip: InflatedZip } | ({ ok: false } & (ZipProblem | { problem: 'cancelled' })) {
  const limits = options.limits ?? ZIP_LIMITS;
  const dir = readZipDirectory(b, limits);
  if (!dir.ok) return dir;
  const keep = new Set(options.keep ?? []);
  const keepMax = options.keepMaxBytes ?? 4 * 1024 * 1024;
  const kept = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of dir.entries) {
    if (options.signal?.aborted) return { ok: false, problem: 'cancelled' };
    if (entry.encrypted) return { ok: false, problem: 'encrypted' };
    if (entry.method !== 0 && entry.method !== 8) return { ok: false, problem: 'damaged', detail: `its part “${entry.name}” is compressed in a way Word does not use` };
    const data = b.subarray(entry.dataStart, entry.dataStart + entry.storedSize);
    const chunks: Uint8Array[] | null = keep.has(entry.name) ? [] : null;
    let out = 0;
    const take = (chunk: Uint8Array, consumed: number) => {
      out += chunk.length;
      total += chunk.length;
      if (total > limits.maxTotalBytes) throw new Stop(`its parts would take more than ${Math.round(limits.maxTotalBytes / 2 ** 20)} MB once unpacked`);
      if (out > limits.ratioGraceBytes && out > limits.maxRatio * Math.max(consumed, 1))
        throw new Stop(`its part “${entry.name}” unpacks to more than ${limits.maxRatio} times its size`);
      if (chunks && out <= keepMax) chunks.push(chunk);
    };
    try {
      if (entry.method === 0) take(data, data.length);
      else if (data.length > 0) {
        let consumed = 0;
        const inflater = new Inflate((chunk) => take(chunk, consumed));
        for (let i = 0; i < data.length; i += STEP) {
          if (options.signal?.aborted) return { ok: false, problem: 'cancelled' };
          consumed = Math.min(data.length, i + STEP);
          inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
        }
      }
    } catch (e) {
      if (e instanceof Stop) return { ok: false, problem: 'zip-bomb', detail: e.message };
      return { ok: false, problem: 'damaged', detail: `its part “${entry.name}” cannot be unpacked` };
    }
    if (chunks && out <= keepMax) kept.set(entry.name, concat(chunks, out));
  }
  return { ok: true, zip: { entries: dir.entries, kept, totalBytes: total } };
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let o = 0;
  for (const c of chunks) out.set(c, o), (o += c.length);
  return out;
}
