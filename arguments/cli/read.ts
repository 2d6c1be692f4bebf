// The one way the CLI reads a file. A FIFO with no writer would block a read for ever, a device
// such as /dev/zero never ends, and a size check is no help (both report 0 bytes): so the file
// is opened without blocking, its descriptor (not its name: it cannot be swapped in between)
// is checked to be a regular file before a byte is read, and the bytes actually read are
// capped at the limit + 1, so a file that grows while it is read, or lies about its size, is
// stopped there. Every refusal is one worded line naming the file and, for size, the limit.
import * as nodeFs from 'node:fs';
import { formatBytes } from '../format/errors';
import { MAX_FILE_BYTES } from '../format/load';
import { checkFileSize, MAX_SOURCE_FILE_BYTES } from '../intake/limits';
import { MAX_FIGURE_BYTES } from '../limits';
import { CliError } from './io';
import { quote, shown } from './quote';

/** What a file is read as: the word for it in refusals and the most bytes it may hold. */
export interface FileKind {
  /** "a map file", as in "… is a folder, not a map file." */
  noun: string;
  limit: number;
  /** The refusal of a file of `size` bytes; `size` null when it held more than the limit though its size said otherwise. */
  tooLarge(shown: string, size: number | null, file: string): string;
}

const over = (size: number | null, limit: number) => (size === null ? `holds more than ${formatBytes(limit)}` : `is ${formatBytes(size)}`);

export const MAP_FILE: FileKind = {
  noun: 'a map file',
  limit: MAX_FILE_BYTES,
  tooLarge: (f, size) => `${f}: this file ${over(size, MAX_FILE_BYTES)}; Argument Atlas opens maps of up to ${formatBytes(MAX_FILE_BYTES)}.`,
};

/** A map, or an abstract framework (.apx, .tgf) for `status`. */
export const MAP_OR_FRAMEWORK_FILE: FileKind = {
  noun: 'a map file',
  limit: MAX_FILE_BYTES,
  tooLarge: (f, size) => `${f}: this file ${over(size, MAX_FILE_BYTES)}; Argument Atlas opens files of up to ${formatBytes(MAX_FILE_BYTES)}.`,
};

/** Figures can be larger than maps (a PNG at a high DPI); the limit is the one the exporters keep. */
export const FIGURE_FILE: FileKind = {
  noun: 'a figure',
  limit: MAX_FIGURE_BYTES,
  tooLarge: (f, size) => `${f}: this file ${over(size, MAX_FIGURE_BYTES)}, too large to be a figure (figures are at most ${formatBytes(MAX_FIGURE_BYTES)}).`,
};

/** A document brought in as a source: the intake's own limit and, when the size is known, its own sentence. */
export const SOURCE_FILE: FileKind = {
  noun: 'a document',
  limit: MAX_SOURCE_FILE_BYTES,
  tooLarge: (f, size, file) =>
    size === null
      ? `${f}: this file holds more than ${formatBytes(MAX_SOURCE_FILE_BYTES)}; a source file can be at most ${formatBytes(MAX_SOURCE_FILE_BYTES)}. Split it into smaller files, or add the part you need.`
      : checkFileSize(file, size)!.message,
};

/** cite/bibliography.ts parses at most MAX_BIBLIOGRAPHY_CHARS (16 Mi) characters; a file of more bytes is refused unread (tests hold the two equal). */
export const MAX_BIBLIOGRAPHY_FILE_BYTES = 16 * 1024 * 1024;

export const BIBLIOGRAPHY_FILE: FileKind = {
  noun: 'a bibliography',
  limit: MAX_BIBLIOGRAPHY_FILE_BYTES,
  tooLarge: (f, size) => `${f}: this file ${over(size, MAX_BIBLIOGRAPHY_FILE_BYTES)}; Argument Atlas imports bibliography files of up to ${formatBytes(MAX_BIBLIOGRAPHY_FILE_BYTES)}: export fewer records at a time.`,
};

/** One citation (an archival citation or a CSL-JSON record): a few hundred bytes. */
export const MAX_CITATION_FILE_BYTES = 1024 * 1024;

export const CITATION_FILE: FileKind = {
  noun: 'a citation file (JSON)',
  limit: MAX_CITATION_FILE_BYTES,
  tooLarge: (f, size) => `${f}: this file ${over(size, MAX_CITATION_FILE_BYTES)}; a citation file holds one citation and can be at most ${formatBytes(MAX_CITATION_FILE_BYTES)}.`,
};

/** The conformance corpus's case lists and frameworks. */
export const CORPUS_FILE: FileKind = {
  noun: 'a corpus file',
  limit: MAX_FILE_BYTES,
  tooLarge: (f, size) => `${f}: this file ${over(size, MAX_FILE_BYTES)}; corpus files can be at most ${formatBytes(MAX_FILE_BYTES)}.`,
};

/** An Argdown or AIF file to import: as large as a map may be. */
export const EXCHANGE_FILE: FileKind = {
  noun: 'an Argdown or AIF file',
  limit: MAX_FILE_BYTES,
  tooLarge: (f, size) => `${f}: this file ${over(size, MAX_FILE_BYTES)}; Argument Atlas imports Argdown and AIF files of up to ${formatBytes(MAX_FILE_BYTES)}.`,
};

/** A file whose kind is told by its first HEAD_BYTES: a figure or a map, for `validate`. */
export interface SniffedKind {
  noun: string;
  choose(head: Uint8Array): FileKind;
}

/** Why a file was not read. */
export type ReadErrorCode = 'missing' | 'dangling-link' | 'folder' | 'not-regular' | 'too-large' | 'permission' | 'unreadable';

/** A refusal to read a file: a code, the sentence, and the system's error code when there was one. */
export class ReadError extends CliError {
  constructor(
    readonly reason: ReadErrorCode,
    message: string,
    readonly errno?: string,
  ) {
    super(message, reason === 'too-large' ? 1 : 2);
  }
}

/** The file as it was when read: a write can check that nobody replaced it meanwhile. */
export interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

export interface ReadResult {
  bytes: Uint8Array;
  identity: FileIdentity;
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
}

/** The file-system calls the reader makes (tests pass a spy or a fake). */
export interface ReadFs {
  openSync(path: string, flags: number): number;
  fstatSync(fd: number): StatsLike;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: null): number;
  closeSync(fd: number): void;
  lstatSync(path: string): StatsLike;
  readlinkSync(path: string): string;
}

/** Open flags: read only, never wait for a writer (a FIFO), never take a terminal as the controlling one. */
export const OPEN_FLAGS = nodeFs.constants.O_RDONLY | (nodeFs.constants.O_NONBLOCK ?? 0) | (nodeFs.constants.O_NOCTTY ?? 0);

const CHUNK = 1024 * 1024;
/** How much of a file `kindFor` sees to choose its kind. */
export const HEAD_BYTES = 64 * 1024;

const errno = (err: unknown) => (err as NodeJS.ErrnoException)?.code ?? 'unknown error';

/** What a file that is not a regular one is, in words. */
export function describeSpecial(st: StatsLike): string {
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function openError(file: string, name: string, noun: string, err: unknown, fs: ReadFs): ReadError {
  const code = errno(err);
  switch (code) {
    case 'ENOENT': {
      let link: string | null = null;
      try {
        if (fs.lstatSync(file).isSymbolicLink()) link = fs.readlinkSync(file);
      } catch {
        // no link either: plainly missing
      }
      return link === null ? new ReadError('missing', `${name}: no such file.`, code) : new ReadError('dangling-link', `${name} is a link to ${quote(link)}, which does not exist.`, code);
    }
    case 'EISDIR':
      return new ReadError('folder', `${name} is a folder, not ${noun}.`, code);
    case 'ENXIO':
      return new ReadError('not-regular', `${name} is a socket or a device that is not ready, not ${noun}; Argument Atlas reads regular files only.`, code);
    case 'EACCES':
    case 'EPERM':
      return new ReadError('permission', `${name}: cannot be read: permission denied.`, code);
    case 'ELOOP':
      return new ReadError('unreadable', `${name}: cannot be read: its symbolic links lead round in a loop.`, code);
    case 'ENOTDIR':
      return new ReadError('missing', `${name}: no such file (a part of its path is a file, not a folder).`, code);
    default:
      return new ReadError('unreadable', `${name}: cannot be read (${code}).`, code);
  }
}

/**
 * Reads a regular file of at most `kind.limit` bytes, or refuses it (ReadError) before reading
 * when it is missing, a folder, a FIFO, a device or a socket, or larger. A SniffedKind is
 * chosen from the file's first HEAD_BYTES (a figure or a map, for `validate`). Symbolic links are
 * followed to the file they name.
 */
export function readFileBounded(file: string, kind: FileKind | SniffedKind, fs: ReadFs = nodeFs as unknown as ReadFs): ReadResult {
  const name = shown(file);
  const provisional = 'choose' in kind ? null : kind;
  const noun = kind.noun;
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (err) {
    throw openError(file, name, noun, err, fs);
  }
  try {
    let st: StatsLike;
    try {
      st = fs.fstatSync(fd);
    } catch (err) {
      throw new ReadError('unreadable', `${name}: cannot be read (${errno(err)}).`, errno(err));
    }
    if (st.isDirectory()) throw new ReadError('folder', `${name} is a folder, not ${noun}.`);
    if (!st.isFile()) throw new ReadError('not-regular', `${name} is ${describeSpecial(st)}, not ${noun}; Argument Atlas reads regular files only.`);
    if (provisional && st.size > provisional.limit) throw new ReadError('too-large', provisional.tooLarge(name, st.size, file));

    const chunks: Uint8Array[] = [];
    let total = 0;
    let chosen = provisional;
    const read = (upTo: number): boolean => {
      while (total < upTo) {
        const buffer = new Uint8Array(Math.min(CHUNK, upTo - total));
        let n: number;
        try {
          n = fs.readSync(fd, buffer, 0, buffer.length, null);
        } catch (err) {
          throw new ReadError('unreadable', `${name}: cannot be read (${errno(err)}).`, errno(err));
        }
        if (n === 0) return false;
        chunks.push(n === buffer.length ? buffer : buffer.subarray(0, n));
        total += n;
      }
      return true;
    };
    if (!chosen) {
      const more = read(HEAD_BYTES);
      chosen = (kind as SniffedKind).choose(concat(chunks, total));
      if (st.size > chosen.limit) throw new ReadError('too-large', chosen.tooLarge(name, st.size, file));
      if (!more) return { bytes: concat(chunks, total), identity: identity(st) };
    }
    // One byte past the limit is enough to know the file is too large.
    if (read(chosen.limit + 1) && total > chosen.limit) throw new ReadError('too-large', chosen.tooLarge(name, st.size > chosen.limit ? st.size : null, file));
    return { bytes: concat(chunks, total), identity: identity(st) };
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // nothing was written through it
    }
  }
}

/** The bytes of a regular file of at most `kind.limit` bytes (see readFileBounded). */
export function readBytes(file: string, kind: FileKind | SniffedKind, fs?: ReadFs): Uint8Array {
  return readFileBounded(file, kind, fs).bytes;
}

function identity(st: StatsLike): FileIdentity {
  return { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

