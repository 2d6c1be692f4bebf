import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
import { promises as fsp } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES as LOADER_MAX } from '../../../arguments/format/load';
import {
  DEFAULT_RETRY,
  FileServiceError,
  MAX_FILE_BYTES,
  NotRegularFileError,
  previousVersionPath,
  readFileGuarded,
  withRetry,
  writeFileAtomic,
  type ServiceFs,
} from '../../../electron/main/fileService';
import { payload, whichPayload } from './fixtures/payload';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'aa-files-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('reading with a size guard', () => {
  it('uses the same limit as the map loader', () => {
    expect(MAX_FILE_BYTES).toBe(LOADER_MAX);
  });

  it('reads a file whole', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.argmap.json'), 'hello');
    expect(Buffer.from(await readFileGuarded(join(dir, 'a.argmap.json'))).toString()).toBe('hello');
  });

  it('refuses a file over the limit before reading it, in words', async () => {
    const dir = tempDir();
    const path = join(dir, 'big.argmap.json');
    writeFileSync(path, Buffer.alloc(2048, 0x20));
    const err = await readFileGuarded(path, 1024).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileServiceError);
    expect((err as FileServiceError).code).toBe('ETOOLARGE');
    expect((err as Error).message).toMatch(/“big\.argmap\.json” is 2\.0 KB; Argument Atlas opens maps of up to 1\.0 KB\./);
    // Exactly at the limit is fine.
    writeFileSync(path, Buffer.alloc(1024, 0x20));
    expect((await readFileGuarded(path, 1024)).length).toBe(1024);
  });

  it('refuses a 33 MB file at the real limit', async () => {
    const dir = tempDir();
    const path = join(dir, 'huge.argmap.json');
    const fd = await fsp.open(path, 'w');
    await fd.truncate(MAX_FILE_BYTES + 1); // sparse: no 32 MB written
    await fd.close();
    await expect(readFileGuarded(path)).rejects.toThrow(/opens maps of up to 32\.0 MB/);
  });

  it('refuses folders and says when a file is gone', async () => {
    const dir = tempDir();
    await expect(readFileGuarded(dir)).rejects.toThrow(/is (not a file|a folder)/);
    await expect(readFileGuarded(join(dir, 'gone.argmap.json'))).rejects.toThrow('“gone.argmap.json” is no longer where it was (it was moved or deleted).');
  });
});

describe('atomic save', () => {
  it('writes a new file and replaces an existing one, leaving no temporary file', async () => {
    const dir = tempDir();
    const path = join(dir, 'map.argmap.json');
    await writeFileAtomic(path, 'first');
    expect(readFileSync(path, 'utf8')).toBe('first');
    await writeFileAtomic(path, 'second, longer than the first');
    expect(readFileSync(path, 'utf8')).toBe('second, longer than the first');
    expect(readdirSync(dir)).toEqual(['map.argmap.json']);
  });

  it('writes bytes (a figure) exactly, and replaces a file atomically with them', async () => {
    const dir = tempDir();
    const path = join(dir, 'figure.png');
    // Every byte value, and bytes that are not UTF-8: nothing is decoded or re-encoded.
    const first = new Uint8Array(4096).map((_, i) => (i * 7) & 0xff);
    await writeFileAtomic(path, first);
    expect(new Uint8Array(readFileSync(path))).toEqual(first);
    // A view into a larger buffer writes only the view.
    const backing = new Uint8Array([0xde, 0xad, 0x89, 0x50, 0x4e, 0x47, 0xbe, 0xef]);
    const view = backing.subarray(2, 6);
    let renamedOver = false;
    const watching: ServiceFs = {
      ...fsp,
      rename: async (from, to) => {
        // At the rename, the new bytes are complete (and flushed) beside the old file, which is untouched.
        expect(new Uint8Array(readFileSync(from))).toEqual(view);
        expect(new Uint8Array(readFileSync(to))).toEqual(first);
        renamedOver = true;
        return fsp.rename(from, to);
      },
    };
    await writeFileAtomic(path, view, { fs: watching });
    expect(renamedOver).toBe(true);
    expect(new Uint8Array(readFileSync(path))).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    expect(readdirSync(dir)).toEqual(['figure.png']);
  });

  it('a failed write of bytes leaves the old file intact', async () => {
    const dir = tempDir();
    const path = join(dir, 'figure.pdf');
    writeFileSync(path, '%PDF-old');
    const failing: ServiceFs = { ...fsp, rename: async () => Promise.reject(errno('ENOSPC')) };
    await expect(writeFileAtomic(path, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x6e]), { fs: failing })).rejects.toThrow('There is not enough space to save “figure.pdf”.');
    expect(readFileSync(path, 'utf8')).toBe('%PDF-old');
    expect(readdirSync(dir)).toEqual(['figure.pdf']);
  });

  it('keeps the file mode of the file it replaces', async () => {
    if (process.platform === 'win32') return;
    const dir = tempDir();
    const path = join(dir, 'map.argmap.json');
    writeFileSync(path, 'old');
    chmodSync(path, 0o640);
    await writeFileAtomic(path, 'new');
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it('writes through a symbolic link: the file it points to is replaced atomically, the link stays, the old version is kept', async () => {
    if (process.platform === 'win32') return;
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    const real = join(dir, 'real', 'map.argmap.json');
    writeFileSync(real, 'old');
    const link = join(dir, 'link.argmap.json');
    symlinkSync(real, link);
    const keep = previousVersionPath(join(dir, 'previous'), link);
    const renames: [string, string][] = [];
    const watching: ServiceFs = {
      ...fsp,
      rename: async (from, to) => {
        renames.push([String(from), String(to)]);
        return fsp.rename(from, to);
      },
    };
    const result = await writeFileAtomic(link, 'new', { fs: watching, previousVersionPath: keep });
    expect(result).toEqual({ path: real, previousVersionKept: true });
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(readFileSync(keep, 'utf8')).toBe('old');
    // The temporary file was written beside the target and renamed over it, never over the link.
    const save = renames.find(([, to]) => to === real)!;
    expect(save[0].startsWith(join(dir, 'real', '.map.argmap.json.'))).toBe(true);
    expect(renames.some(([, to]) => to === link)).toBe(false);
    expect((await fsp.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fsp.readlink(link)).toBe(real);
    expect(readFileSync(link, 'utf8')).toBe('new');
    expect(readdirSync(join(dir, 'real'))).toEqual(['map.argmap.json']);
  });

  it('replaces a link itself, never what it points to, when asked to (the app’s own files)', async () => {
    if (process.platform === 'win32') return;
    const dir = tempDir();
    const elsewhere = join(dir, 'elsewhere.txt');
    writeFileSync(elsewhere, 'not ours');
    const link = join(dir, 'window-state.json');
    symlinkSync(elsewhere, link);
    const result = await writeFileAtomic(link, '{"x":1}', { links: 'replace' });
    expect(result).toEqual({ path: link, previousVersionKept: false });
    expect((await fsp.lstat(link)).isFile()).toBe(true);
    expect(readFileSync(link, 'utf8')).toBe('{"x":1}');
    expect(readFileSync(elsewhere, 'utf8')).toBe('not ours');
    // A dangling link is replaced the same way.
    rmSync(link);
    symlinkSync(join(dir, 'gone'), link);
    await writeFileAtomic(link, '{"x":2}', { links: 'replace' });
    expect(readFileSync(link, 'utf8')).toBe('{"x":2}');
    expect(existsSync(join(dir, 'gone'))).toBe(false);
  });

  it('keeps the replaced version at previousVersionPath', async () => {
    const dir = tempDir();
    const path = join(dir, 'map.argmap.json');
    const keep = previousVersionPath(join(dir, 'previous'), path);
    expect(keep.startsWith(join(dir, 'previous'))).toBe(true);
    expect(keep.endsWith('-map.argmap.json')).toBe(true);
    const first = await writeFileAtomic(path, 'v1', { previousVersionPath: keep });
    expect(first.previousVersionKept).toBe(false); // nothing to keep yet
    await writeFileAtomic(path, 'v2', { previousVersionPath: keep });
    expect(readFileSync(keep, 'utf8')).toBe('v1');
    await writeFileAtomic(path, 'v3', { previousVersionPath: keep });
    expect(readFileSync(keep, 'utf8')).toBe('v2');
    expect(readFileSync(path, 'utf8')).toBe('v3');
  });

  it('a failed save leaves the old file intact and says why', async () => {
    const dir = tempDir();
    const path = join(dir, 'map.argmap.json');
    writeFileSync(path, 'the old bytes');
    const failing: ServiceFs = { ...fsp, rename: async () => Promise.reject(errno('ENOSPC')) };
    const err = await writeFileAtomic(path, 'the new bytes', { fs: failing }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileServiceError);
    expect((err as Error).message).toBe('There is not enough space to save “map.argmap.json”.');
    expect(readFileSync(path, 'utf8')).toBe('the old bytes');
    expect(readdirSync(dir)).toEqual(['map.argmap.json']); // the temporary file is removed
  });

  it('a failed write of the temporary file leaves the old file intact', async () => {
    const dir = tempDir();
    const path = join(dir, 'map.argmap.json');
    writeFileSync(path, 'old');
    const failing: ServiceFs = {
      ...fsp,
      open: (async (p: string, flags: number, mode?: number) => {
        const handle = await fsp.open(p, flags, mode);
        if (String(p).endsWith('.tmp')) {
          handle.write = (async () => Promise.reject(errno('EIO'))) as typeof handle.write;
        }
        return handle;
      }) as ServiceFs['open'],
    };
    await expect(writeFileAtomic(path, 'new', { fs: failing })).rejects.toThrow(/“map\.argmap\.json” could not be written/);
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['map.argmap.json']);
  });

  it('refuses to replace a read-only file', async () => {
    if (process.platform === 'win32' || isRoot) return; // root may write anything
    const dir = tempDir();
    const path = join(dir, 'map.argmap.json');
    writeFileSync(path, 'old');
    chmodSync(path, 0o444);
    await expect(writeFileAtomic(path, 'new')).rejects.toThrow('“map.argmap.json” is read-only; use Save As to save a copy.');
    expect(readFileSync(path, 'utf8')).toBe('old');
  });

  it('says when the folder is gone', async () => {
    const dir = tempDir();
    await expect(writeFileAtomic(join(dir, 'missing', 'map.argmap.json'), 'x')).rejects.toThrow('The folder of “map.argmap.json” is no longer there (it was moved or deleted); use Save As.');
  });

  it('removes temporary files left by earlier saves that were killed', async () => {
    const dir = tempDir();
    const path = join(dir, 'map.argmap.json');
    const stale = join(dir, '.map.argmap.json.0123456789ab.tmp');
    const fresh = join(dir, '.map.argmap.json.ba9876543210.tmp');
    const other = join(dir, '.other.argmap.json.0123456789ab.tmp');
    for (const f of [stale, fresh, other]) writeFileSync(f, 'partial');
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(stale, old, old);
    utimesSync(other, old, old);
    await writeFileAtomic(path, 'x');
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true); // may be another save in progress
    expect(existsSync(other)).toBe(true); // another document's
  });
});

// Saving over something that is not a regular file (a named pipe, a socket, a device, a
// folder, a link to nothing) must leave it as it is. Devices are only ever faked through
// lstat: no test writes to a real device.
describe('only regular files are replaced', () => {
  const posix = process.platform !== 'win32';
  const mkfifo = (path: string) => execFileSync('mkfifo', [path]);
  const refusal = async (p: Promise<unknown>) => {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(NotRegularFileError);
    return err as NotRegularFileError;
  };

  it.runIf(posix)('refuses a named pipe, leaving it a named pipe', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'map.argmap.json');
    mkfifo(fifo);
    const err = await refusal(writeFileAtomic(fifo, 'new', { previousVersionPath: join(dir, 'previous', 'p.json') }));
    expect(err.code).toBe('ENOTREGULAR');
    expect(err.kind).toBe('named pipe');
    expect(err.message).toBe('“map.argmap.json” is not a regular file (it is a named pipe); choose another name with Save As.');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['map.argmap.json']); // no temporary file, no previous version
  }, 10_000);

  it.runIf(posix)('refuses a socket', async () => {
    const dir = tempDir();
    const path = join(dir, 'map.argmap.json');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      const err = await refusal(writeFileAtomic(path, 'new'));
      expect(err.message).toBe('“map.argmap.json” is not a regular file (it is a socket); choose another name with Save As.');
      expect(lstatSync(path).isSocket()).toBe(true);
      expect(readdirSync(dir)).toEqual(['map.argmap.json']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 10_000);

  it.each(['character', 'block'] as const)('refuses a %s device (faked through lstat) before opening anything', async (kind) => {
    const dir = tempDir();
    const path = join(dir, 'dev-like');
    writeFileSync(path, 'stands in for a device');
    const opened: string[] = [];
    const faking: ServiceFs = {
      ...fsp,
      lstat: (async (p: string) => {
        const real = await fsp.lstat(p);
        if (p !== path) return real;
        return Object.assign(Object.create(Object.getPrototypeOf(real) as object) as Stats, real, {
          isFile: () => false,
          isCharacterDevice: () => kind === 'character',
          isBlockDevice: () => kind === 'block',
        });
      }) as ServiceFs['lstat'],
      open: (async (p: string, ...rest: [number, number?]) => {
        opened.push(String(p));
        return fsp.open(p, ...rest);
      }) as ServiceFs['open'],
    };
    const err = await refusal(writeFileAtomic(path, 'new', { fs: faking }));
    expect(err.kind).toBe('device');
    expect(err.message).toBe('“dev-like” is not a regular file (it is a device); choose another name with Save As.');
    expect(opened).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe('stands in for a device');
    expect(readdirSync(dir)).toEqual(['dev-like']);
  }, 10_000);

  it('refuses a folder', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'maps.argmap.json'));
    writeFileSync(join(dir, 'maps.argmap.json', 'inside'), 'kept');
    const err = await refusal(writeFileAtomic(join(dir, 'maps.argmap.json'), 'new'));
    expect(err.message).toBe('“maps.argmap.json” is not a regular file (it is a folder); choose another name with Save As.');
    expect(readdirSync(join(dir, 'maps.argmap.json'))).toEqual(['inside']);
    expect(readdirSync(dir)).toEqual(['maps.argmap.json']);
  }, 5_000);

  it.runIf(posix)('refuses a link to nothing, and a link that leads round in a circle, leaving both', async () => {
    const dir = tempDir();
    const dangling = join(dir, 'map.argmap.json');
    symlinkSync(join(dir, 'moved-away.argmap.json'), dangling);
    const err = await refusal(writeFileAtomic(dangling, 'new'));
    expect(err.kind).toBe('broken link');
    expect(err.message).toBe('“map.argmap.json” is not a regular file (it is a symbolic link to something that is not there); choose another name with Save As.');
    expect(readlinkSync(dangling)).toBe(join(dir, 'moved-away.argmap.json'));
    expect(existsSync(join(dir, 'moved-away.argmap.json'))).toBe(false);

    const loop = join(dir, 'loop.argmap.json');
    symlinkSync(loop, loop);
    expect((await refusal(writeFileAtomic(loop, 'new'))).kind).toBe('link loop');
    expect(readdirSync(dir).sort()).toEqual(['loop.argmap.json', 'map.argmap.json']);
  }, 5_000);

  it.runIf(posix)('checks again just before the rename: a named pipe swapped in meanwhile is not turned into a file', async () => {
    const dir = tempDir();
    const path = join(dir, 'map.argmap.json');
    writeFileSync(path, 'old');
    // Another process replaces the map by a named pipe while the new bytes are being written.
    const racing: ServiceFs = {
      ...fsp,
      open: (async (p: string, ...rest: [number, number?]) => {
        const handle = await fsp.open(p, ...rest);
        if (String(p).endsWith('.tmp') && existsSync(path) && lstatSync(path).isFile()) {
          rmSync(path);
          mkfifo(path);
        }
        return handle;
      }) as ServiceFs['open'],
    };
    // The previous-version copy meets the pipe first: it must neither hang on it nor keep it.
    const err = await refusal(writeFileAtomic(path, 'new', { fs: racing, previousVersionPath: join(dir, 'previous', 'p.json') }));
    expect(err.kind).toBe('named pipe');
    expect(lstatSync(path).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['map.argmap.json']); // no temporary file, no previous version of a pipe
  }, 10_000);

  it.runIf(posix)('a link swapped in for the file meanwhile is refused, and what it points to is untouched', async () => {
    const dir = tempDir();
    const path = join(dir, 'map.argmap.json');
    const elsewhere = join(dir, 'elsewhere.txt');
    writeFileSync(path, 'old');
    writeFileSync(elsewhere, 'not the map');
    // Swapped between the first check and the one just before the rename.
    let checks = 0;
    const swapOnSecondCheck: ServiceFs = {
      ...fsp,
      lstat: (async (p: string) => {
        if (p === path && ++checks === 2) {
          rmSync(path);
          symlinkSync(elsewhere, path);
        }
        return fsp.lstat(p);
      }) as ServiceFs['lstat'],
    };
    const err = await refusal(writeFileAtomic(path, 'new', { fs: swapOnSecondCheck }));
    expect(err.kind).toBe('symbolic link');
    expect(lstatSync(path).isSymbolicLink()).toBe(true);
    expect(readFileSync(elsewhere, 'utf8')).toBe('not the map');
    expect(readdirSync(dir).sort()).toEqual(['elsewhere.txt', 'map.argmap.json']);
  }, 5_000);

  it.runIf(posix)('reading a named pipe with no writer is refused at once instead of waiting for one', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'map.argmap.json');
    mkfifo(fifo);
    const err = await refusal(readFileGuarded(fifo));
    expect(err.message).toBe('“map.argmap.json” is not a regular file (it is a named pipe); Argument Atlas opens only files.');
  }, 5_000);
});

describe('retrying a rename Windows refuses for a moment', () => {
  const noWait = { sleep: async () => undefined };

  it.each(['EBUSY', 'EPERM', 'EACCES'])('retries %s and succeeds', async (code) => {
    const dir = tempDir();
    const path = join(dir, 'map.argmap.json');
    writeFileSync(path, 'old');
    let calls = 0;
    const flaky: ServiceFs = {
      ...fsp,
      rename: async (from, to) => {
        calls += 1;
        if (calls <= 3) throw errno(code);
        return fsp.rename(from, to);
      },
    };
    await writeFileAtomic(path, 'new', { fs: flaky, ...noWait });
    expect(calls).toBe(4);
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['map.argmap.json']);
  });

  it('gives up after a bounded time, leaving the old file, with the reason', async () => {
    const dir = tempDir();
    const path = join(dir, 'map.argmap.json');
    writeFileSync(path, 'old');
    let clock = 0;
    const waits: number[] = [];
    const locked: ServiceFs = { ...fsp, rename: async () => Promise.reject(errno('EBUSY')) };
    const err = await writeFileAtomic(path, 'new', {
      fs: locked,
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    }).catch((e: unknown) => e);
    expect((err as Error).message).toBe('“map.argmap.json” is locked or in use by another program.');
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['map.argmap.json']);
    // Backing off, and never past the bound.
    expect(waits[0]).toBe(DEFAULT_RETRY.firstDelayMs);
    expect(Math.max(...waits)).toBeLessThanOrEqual(DEFAULT_RETRY.maxDelayMs);
    expect(clock).toBeLessThanOrEqual(DEFAULT_RETRY.totalMs);
    expect(clock).toBeGreaterThan(DEFAULT_RETRY.totalMs / 2);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls += 1;
        throw errno('ENOSPC');
      }, noWait),
    ).rejects.toThrow('ENOSPC');
    expect(calls).toBe(1);
  });
});

// A child process saving over and over is killed (SIGKILL) at random moments: whenever it
// dies, the file holds exactly the bytes of the last save that returned or of the one in
// progress, never a mix, a truncation or nothing.
describe('a save killed at any moment', () => {
  let script = '';
  beforeAll(async () => {
    const dir = tempDir();
    script = join(dir, 'save-loop.mjs');
    await build({
      entryPoints: [new URL('./fixtures/save-loop.ts', import.meta.url).pathname],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
    });
  });

  /** At least this many saves are made in all, by at least MIN_ROUNDS children, each killed at a random moment. */
  const SAVES = 200;
  const MIN_ROUNDS = Number(process.env.ATOMIC_ROUNDS ?? 40);
  const seed = Number(process.env.FC_SEED ?? Date.now()) >>> 0;

  function random(n: number): () => number {
    let s = (seed + n * 0x9e3779b9) >>> 0;
    return () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  async function round(n: number): Promise<{ acknowledged: number; found: number | null; killedWhileRunning: boolean }> {
    const dir = tempDir();
    const target = join(dir, 'map.argmap.json');
    writeFileSync(target, payload(0));
    // It would go on saving far longer than any kill delay.
    const child = spawn(process.execPath, [script, target, '1000000'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const ready = new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('ready\n')) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await ready;
    await new Promise((r) => setTimeout(r, Math.floor(random(n)() * 300)));
    const killedWhileRunning = child.exitCode === null && child.kill('SIGKILL') && (await exited) === null;
    await exited;
    const lines = out.split('\n').filter((l) => /^\d+$/.test(l));
    const acknowledged = lines.length ? Number(lines[lines.length - 1]) : 0;
    const found = whichPayload(readFileSync(target));
    return { acknowledged, found, killedWhileRunning };
  }

  it(`leaves the old or the new bytes, never anything else (children killed at random during ${SAVES}+ saves, seed ${seed})`, async () => {
    const results: Awaited<ReturnType<typeof round>>[] = [];
    const parallel = 6;
    const saves = () => results.reduce((n, r) => n + r.acknowledged + 1, 0);
    while ((results.length < MIN_ROUNDS || saves() < SAVES) && results.length < 600) {
      const batch = Array.from({ length: parallel }, (_, i) => round(results.length + i));
      results.push(...(await Promise.all(batch)));
    }
    if (process.env.ATOMIC_DEBUG) console.log(results.map((r) => `${r.acknowledged}${r.found === r.acknowledged ? '' : '+'}`).join(' '));
    for (const [i, r] of results.entries()) {
      expect(r.killedWhileRunning, `round ${i}: the child was not killed while saving`).toBe(true);
      expect(r.found, `round ${i} (seed ${seed}): the file is not any save's bytes`).not.toBeNull();
      // The last save that returned, or the one it was in the middle of.
      expect([r.acknowledged, r.acknowledged + 1], `round ${i} (seed ${seed})`).toContain(r.found);
    }
    expect(saves()).toBeGreaterThanOrEqual(SAVES);
  }, 120_000);
});
