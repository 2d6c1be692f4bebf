// Atomic writes: the old file or the new one, never half of one, and never a temporary file
// left behind; what is not a regular file is refused, never replaced (a device only through a
// fake stat: no test writes to a real device).
import * as fs from 'node:fs';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import { CliError } from '../../../arguments/cli/io';
import { readFileBounded, MAP_FILE } from '../../../arguments/cli/read';
import { checkTarget, writeFileAtomic, writeFileAtomicFrom, type WriteFs } from '../../../arguments/cli/write';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'argmap-write-'));
});

function refusal(work: () => unknown): CliError {
  try {
    work();
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    return err as CliError;
  }
  throw new Error('expected a refusal');
}

/** The real file system, with one call made to fail. */
function failing(call: keyof WriteFs, code = 'ENOSPC'): WriteFs {
  const real = fs as unknown as WriteFs;
  return new Proxy(real, {
    get(target, key: keyof WriteFs) {
      if (key === call)
        return () => {
          throw Object.assign(new Error(`${code}: simulated`), { code });
        };
      return target[key];
    },
  });
}

const entries = () => readdirSync(dir).sort();

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an old one, keeping its permissions, with no temporary file left', () => {
    const p = join(dir, 'map.argmap.json');
    writeFileAtomic(p, 'first', { overwrite: false });
    expect(readFileSync(p, 'utf8')).toBe('first');
    chmodSync(p, 0o640);
    writeFileAtomic(p, new TextEncoder().encode('second'), { overwrite: true });
    expect(readFileSync(p, 'utf8')).toBe('second');
    expect(statSync(p).mode & 0o777).toBe(0o640);
    expect(entries()).toEqual(['map.argmap.json']);
  });

  it('makes a new file with the permissions asked for (a private log: 0o600), and a replaced one keeps its own', () => {
    const p = join(dir, 'class.ylog');
    writeFileAtomic(p, 'first', { overwrite: false, mode: 0o600 });
    expect(statSync(p).mode & 0o777).toBe(0o600);
    chmodSync(p, 0o640);
    writeFileAtomic(p, 'second', { overwrite: true, mode: 0o600 });
    expect(statSync(p).mode & 0o777).toBe(0o640);
    expect(entries()).toEqual(['class.ylog']);
  });

  it('refuses to replace an existing file without overwrite', () => {
    const p = join(dir, 'mine.argmap.json');
    writeFileSync(p, 'mine');
    expect(refusal(() => writeFileAtomic(p, 'theirs', { overwrite: false })).message).toBe(`${p} already exists; add --force to overwrite it.`);
    expect(readFileSync(p, 'utf8')).toBe('mine');
  });

  it('leaves the old file whole and no temporary file when the disk fills, the flush or the rename fails', () => {
    const p = join(dir, 'map.argmap.json');
    writeFileSync(p, 'the old map');
    for (const [call, words] of [['writeSync', 'the disk is full'], ['fsyncSync', 'the disk is full'], ['renameSync', 'the disk is full']] as const) {
      const e = refusal(() => writeFileAtomic(p, 'x'.repeat(100_000), { overwrite: true }, failing(call)));
      expect(e.message).toBe(`${p}: cannot be written (${words}); nothing was changed.`);
      expect(readFileSync(p, 'utf8')).toBe('the old map');
      expect(entries()).toEqual(['map.argmap.json']);
    }
    expect(refusal(() => writeFileAtomic(p, 'x', { overwrite: true }, failing('openSync', 'EACCES'))).message).toBe(`${p}: cannot be written (permission denied); nothing was changed.`);
  });

  it('names a folder that does not exist', () => {
    const p = join(dir, 'no-such-folder', 'map.argmap.json');
    expect(refusal(() => writeFileAtomic(p, 'x', { overwrite: true })).message).toBe(`${p}: cannot be written (the folder "${join(dir, 'no-such-folder')}" does not exist); nothing was changed.`);
  });

  it('refuses a folder and a FIFO as targets, and leaves them as they are', () => {
    mkdirSync(join(dir, 'figure.svg'));
    expect(refusal(() => writeFileAtomic(join(dir, 'figure.svg'), '<svg/>', { overwrite: true })).message).toBe(`${join(dir, 'figure.svg')} is a folder; give the name of a file to write.`);
    const pipe = join(dir, 'pipe.svg');
    expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
    expect(refusal(() => writeFileAtomic(pipe, '<svg/>', { overwrite: true })).message).toBe(`${pipe} is a named pipe (FIFO), not a regular file; Argument Atlas writes regular files only, and does not replace it.`);
    expect(statSync(pipe).isFIFO()).toBe(true);
    expect(statSync(join(dir, 'figure.svg')).isDirectory()).toBe(true);
  });

  it('refuses a device (a fake stat: no real device is touched)', () => {
    const device = { isFile: () => false, isDirectory: () => false, isFIFO: () => false, isSocket: () => false, isCharacterDevice: () => true, isBlockDevice: () => false, isSymbolicLink: () => false, size: 0, dev: 0, ino: 0, mtimeMs: 0, mode: 0o20666 };
    let opened = false;
    const fake = new Proxy(fs as unknown as WriteFs, {
      get(target, key: keyof WriteFs) {
        if (key === 'lstatSync' || key === 'statSync') return () => device;
        if (key === 'openSync')
          return () => {
            opened = true;
            throw new Error('must not open');
          };
        return target[key];
      },
    });
    expect(refusal(() => writeFileAtomic('/dev/null', 'x', { overwrite: true }, fake)).message).toBe('/dev/null is a device, not a regular file; Argument Atlas writes regular files only, and does not replace it.');
    expect(refusal(() => checkTarget('/dev/null', { overwrite: true }, fake)).message).toMatch(/is a device/);
    expect(opened).toBe(false);
  });

  it('replaces the file a link names, keeping the link; refuses a dangling link', () => {
    const target = join(dir, 'real.argmap.json');
    writeFileSync(target, 'old');
    symlinkSync(target, join(dir, 'link.argmap.json'));
    writeFileAtomic(join(dir, 'link.argmap.json'), 'new', { overwrite: true });
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readlinkSync(join(dir, 'link.argmap.json'))).toBe(target);
    symlinkSync(join(dir, 'gone.argmap.json'), join(dir, 'dangling.argmap.json'));
    expect(refusal(() => writeFileAtomic(join(dir, 'dangling.argmap.json'), 'x', { overwrite: true })).message).toMatch(/dangling\.argmap\.json is a link to ".*gone\.argmap\.json", which does not exist; Argument Atlas replaces a file a link names, never the link/);
    expect(entries()).toEqual(['dangling.argmap.json', 'link.argmap.json', 'real.argmap.json']);
  });

  it('refuses to write back a map another program changed since it was read', () => {
    const p = join(dir, 'map.argmap.json');
    writeFileSync(p, 'as read');
    const { identity } = readFileBounded(p, MAP_FILE);
    writeFileSync(p, 'saved by the app meanwhile');
    utimesSync(p, new Date(), new Date(Date.now() + 5000));
    const e = refusal(() => writeFileAtomic(p, 'changed by the CLI', { overwrite: true, unchangedSince: identity }));
    expect(e.message).toBe(`${p} was changed by another program while this command ran; nothing was written. Run the command again.`);
    expect(readFileSync(p, 'utf8')).toBe('saved by the app meanwhile');
    // Unchanged, it is written back.
    const again = readFileBounded(p, MAP_FILE).identity;
    writeFileAtomic(p, 'changed by the CLI', { overwrite: true, unchangedSince: again });
    expect(readFileSync(p, 'utf8')).toBe('changed by the CLI');
  });
});

describe('writeFileAtomicFrom (bytes made as they are written: a PNG drawn in bands)', () => {
  async function* pieces(n: number, failAt = -1) {
    for (let i = 0; i < n; i++) {
      if (i === failAt) throw new RangeError(`piece ${i} could not be drawn`);
      await Promise.resolve();
      yield new TextEncoder().encode(`piece ${i};`);
    }
  }

  async function rejection(work: () => Promise<unknown>): Promise<unknown> {
    try {
      await work();
    } catch (err) {
      return err;
    }
    throw new Error('expected a refusal');
  }

  it('writes every piece in order and replaces the old file, with no temporary file left', async () => {
    const p = join(dir, 'figure.png');
    writeFileSync(p, 'the old figure');
    chmodSync(p, 0o600);
    await writeFileAtomicFrom(p, pieces(3), { overwrite: true });
    expect(readFileSync(p, 'utf8')).toBe('piece 0;piece 1;piece 2;');
    expect(statSync(p).mode & 0o777).toBe(0o600);
    expect(entries()).toEqual(['figure.png']);
  });

  it('leaves the old file whole and no temporary file when making a piece fails midway, passing that error on as it is', async () => {
    const p = join(dir, 'figure.png');
    writeFileSync(p, 'the old figure');
    const err = await rejection(() => writeFileAtomicFrom(p, pieces(5, 3), { overwrite: true }));
    expect(err).toBeInstanceOf(RangeError);
    expect((err as Error).message).toBe('piece 3 could not be drawn');
    expect(readFileSync(p, 'utf8')).toBe('the old figure');
    expect(entries()).toEqual(['figure.png']);
  });

  it('says a full disk in words, and changes nothing', async () => {
    const p = join(dir, 'figure.png');
    writeFileSync(p, 'the old figure');
    const err = await rejection(() => writeFileAtomicFrom(p, pieces(3), { overwrite: true }, failing('writeSync')));
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).message).toBe(`${p}: cannot be written (the disk is full); nothing was changed.`);
    expect(readFileSync(p, 'utf8')).toBe('the old figure');
    expect(entries()).toEqual(['figure.png']);
  });

  it('writes an empty file for no pieces, and refuses a folder before making any', async () => {
    const p = join(dir, 'empty.png');
    await writeFileAtomicFrom(p, pieces(0), { overwrite: false });
    expect(readFileSync(p, 'utf8')).toBe('');
    mkdirSync(join(dir, 'folder.png'));
    let made = 0;
    async function* counted() {
      made++;
      yield new Uint8Array(1);
    }
    expect(await rejection(() => writeFileAtomicFrom(join(dir, 'folder.png'), counted(), { overwrite: true }))).toBeInstanceOf(CliError);
    expect(made).toBe(0);
  });
});
