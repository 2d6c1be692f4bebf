// The bounded reader: regular files only, refused before a byte is read; never more than the
// limit + 1 bytes read, whatever the file says its size is. Devices are never read here: a spy
// proves the refusal comes first, or a fake stands in for the device.
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BIBLIOGRAPHY_CHARS } from '../../../arguments/cite/bibliography';
import { MAX_FILE_BYTES } from '../../../arguments/format/load';
import { MAX_SOURCE_FILE_BYTES } from '../../../arguments/intake';
import {
  BIBLIOGRAPHY_FILE,
  FIGURE_FILE,
  HEAD_BYTES,
  MAP_FILE,
  MAX_BIBLIOGRAPHY_FILE_BYTES,
  OPEN_FLAGS,
  readFileBounded,
  ReadError,
  SOURCE_FILE,
  type FileKind,
  type ReadFs,
} from '../../../arguments/cli/read';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'argmap-read-'));
});

/** The real file system, counting reads (and failing on any read when `noReads`). */
function spy(noReads = false): ReadFs & { reads: number; bytes: number } {
  const s = {
    reads: 0,
    bytes: 0,
    openSync: (p: string, f: number) => fs.openSync(p, f),
    fstatSync: (fd: number) => fs.fstatSync(fd),
    readSync: (fd: number, b: Uint8Array, o: number, l: number, pos: null) => {
      if (noReads) throw new Error('the reader read a file it should have refused');
      s.reads++;
      const n = fs.readSync(fd, b, o, l, pos);
      s.bytes += n;
      return n;
    },
    closeSync: (fd: number) => fs.closeSync(fd),
    lstatSync: (p: string) => fs.lstatSync(p),
    readlinkSync: (p: string) => fs.readlinkSync(p),
  };
  return s;
}

function refusal(work: () => unknown): ReadError {
  try {
    work();
  } catch (err) {
    expect(err).toBeInstanceOf(ReadError);
    return err as ReadError;
  }
  throw new Error('expected a refusal');
}

const stats = (kind: 'file' | 'char' | 'fifo' | 'socket', size: number) => ({
  isFile: () => kind === 'file',
  isDirectory: () => false,
  isFIFO: () => kind === 'fifo',
  isSocket: () => kind === 'socket',
  isCharacterDevice: () => kind === 'char',
  isBlockDevice: () => false,
  isSymbolicLink: () => false,
  size,
  dev: 1,
  ino: 2,
  mtimeMs: 3,
});

/** A file system of one descriptor whose stat is made up and whose content is `length` bytes (Infinity: it never ends), the first one `first`. */
function fake(st: ReturnType<typeof stats>, length: number, first = 0x61): ReadFs & { read: number; closed: boolean } {
  const f = {
    read: 0,
    closed: false,
    openSync: () => 7,
    fstatSync: () => st,
    readSync: (_fd: number, b: Uint8Array, o: number, l: number) => {
      const n = Math.min(l, length - f.read);
      b.fill(0x61, o, o + n);
      if (f.read === 0 && n > 0) b[o] = first;
      f.read += n;
      return n;
    },
    closeSync: () => {
      f.closed = true;
    },
    lstatSync: () => st,
    readlinkSync: () => '',
  };
  return f;
}

describe('readFileBounded', () => {
  it('reads a regular file whole, with its identity', () => {
    const p = join(dir, 'map.argmap.json');
    writeFileSync(p, 'x'.repeat(3 * 1024 * 1024 + 5));
    const r = readFileBounded(p, MAP_FILE);
    expect(r.bytes.length).toBe(3 * 1024 * 1024 + 5);
    expect(r.identity.size).toBe(3 * 1024 * 1024 + 5);
    expect(r.identity.ino).toBe(fs.statSync(p).ino);
  });

  it('opens without blocking and without taking a terminal', () => {
    expect(OPEN_FLAGS & fs.constants.O_NONBLOCK).toBe(fs.constants.O_NONBLOCK);
    expect(OPEN_FLAGS & fs.constants.O_NOCTTY).toBe(fs.constants.O_NOCTTY);
  });

  it('refuses /dev/zero before reading a byte of it', () => {
    const s = spy(true);
    const e = refusal(() => readFileBounded('/dev/zero', MAP_FILE, s));
    expect(e.reason).toBe('not-regular');
    expect(e.message).toBe('/dev/zero is a device, not a map file; Argument Atlas reads regular files only.');
    expect(e.code).toBe(2);
  });

  it('refuses a device, a FIFO and a socket by what the descriptor is, and closes it', () => {
    for (const [kind, words] of [['char', 'a device'], ['fifo', 'a named pipe (FIFO)'], ['socket', 'a socket']] as const) {
      const f = fake(stats(kind, 0), Infinity);
      const e = refusal(() => readFileBounded('/some/thing', SOURCE_FILE, f));
      expect(e.message).toBe(`/some/thing is ${words}, not a document; Argument Atlas reads regular files only.`);
      expect(f.read).toBe(0);
      expect(f.closed).toBe(true);
    }
  });

  it('refuses a folder', () => {
    mkdirSync(join(dir, 'folder.argmap.json'), { recursive: true });
    const e = refusal(() => readFileBounded(join(dir, 'folder.argmap.json'), MAP_FILE, spy(true)));
    expect(e.reason).toBe('folder');
    expect(e.message).toMatch(/folder\.argmap\.json is a folder, not a map file\.$/);
  });

  it('refuses a file over the limit before reading it, naming the limit', () => {
    const p = join(dir, 'huge.txt');
    writeFileSync(p, '');
    truncateSync(p, 40 * 1024 * 1024);
    const s = spy(true);
    const e = refusal(() => readFileBounded(p, SOURCE_FILE, s));
    expect(e.reason).toBe('too-large');
    expect(e.code).toBe(1);
    expect(e.message).toBe('“huge.txt” is 40.0 MB; a source file can be at most 32.0 MB. Split it into smaller files, or add the part you need.');
    expect(refusal(() => readFileBounded(p, MAP_FILE, spy(true))).message).toMatch(/huge\.txt: this file is 40\.0 MB; Argument Atlas opens maps of up to 32\.0 MB\.$/);
  });

  it('stops a file that holds more than its size says at the limit + 1 bytes', () => {
    const small: FileKind = { noun: 'a test file', limit: 5000, tooLarge: (f, size) => `${f}: over (${size ?? 'unknown'})` };
    // It says it is empty (as /proc files and devices do) and never ends.
    const endless = fake(stats('file', 0), Infinity);
    const e = refusal(() => readFileBounded('/proc/lying', small, endless));
    expect(e.message).toBe('/proc/lying: over (unknown)');
    expect(endless.read).toBe(5001);
    expect(endless.closed).toBe(true);
    // A real map kind words it with the limit.
    const grows = fake(stats('file', 10), Infinity);
    expect(refusal(() => readFileBounded('m.json', MAP_FILE, grows)).message).toBe('m.json: this file holds more than 32.0 MB; Argument Atlas opens maps of up to 32.0 MB.');
    expect(grows.read).toBe(MAX_FILE_BYTES + 1);
  });

  it('reads a file that says it is empty but is not, up to the limit', () => {
    const short = fake(stats('file', 0), 70_000);
    expect(readFileBounded('/proc/short', MAP_FILE, short).bytes.length).toBe(70_000);
  });

  it('follows a symbolic link to a regular file, and names a dangling one', () => {
    const target = join(dir, 'real.txt');
    writeFileSync(target, 'the letter');
    symlinkSync(target, join(dir, 'link.txt'));
    expect(new TextDecoder().decode(readFileBounded(join(dir, 'link.txt'), SOURCE_FILE).bytes)).toBe('the letter');
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling.txt'));
    const e = refusal(() => readFileBounded(join(dir, 'dangling.txt'), SOURCE_FILE));
    expect(e.reason).toBe('dangling-link');
    expect(e.message).toBe(`${join(dir, 'dangling.txt')} is a link to "${join(dir, 'gone.txt')}", which does not exist.`);
  });

  it('says when a file is missing, and quotes a name that would not print as itself', () => {
    expect(refusal(() => readFileBounded(join(dir, 'nope.json'), MAP_FILE)).message).toBe(`${join(dir, 'nope.json')}: no such file.`);
    const odd = join(dir, 'two\nlines.json');
    const e = refusal(() => readFileBounded(odd, MAP_FILE));
    expect(e.message).toBe(`${JSON.stringify(odd)}: no such file.`);
    expect(e.message.split('\n')).toHaveLength(1);
  });

  it('chooses a sniffed kind from the first bytes: a figure may be larger than a map', () => {
    const sniffed = { noun: 'a map file or a figure', choose: (head: Uint8Array) => (head[0] === 0x89 ? FIGURE_FILE : MAP_FILE) };
    const png = fake(stats('file', 40 * 1024 * 1024), 40 * 1024 * 1024, 0x89);
    expect(readFileBounded('fig.png', sniffed, png).bytes.length).toBe(40 * 1024 * 1024);
    const json = fake(stats('file', 40 * 1024 * 1024), Infinity);
    expect(refusal(() => readFileBounded('big.json', sniffed, json)).message).toMatch(/big\.json: this file is 40\.0 MB; Argument Atlas opens maps/);
    // Only the head was read before the map's limit refused it.
    expect(json.read).toBe(HEAD_BYTES);
  });

  it('holds the bibliography limit to what the importer parses, and the source limit to the intake’s', () => {
    expect(MAX_BIBLIOGRAPHY_FILE_BYTES).toBe(MAX_BIBLIOGRAPHY_CHARS);
    expect(BIBLIOGRAPHY_FILE.limit).toBe(MAX_BIBLIOGRAPHY_CHARS);
    expect(SOURCE_FILE.limit).toBe(MAX_SOURCE_FILE_BYTES);
  });
});
