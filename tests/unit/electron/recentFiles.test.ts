import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RecentFiles, recentMenuLabel } from '../../../electron/main/recentFiles';

const dirs: string[] = [];
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'aa-recent-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function files(d: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const p = join(d, `map${i}.argmap.json`);
    writeFileSync(p, '{}');
    return p;
  });
}

describe('recent files', () => {
  it('at start, removes the temporary files a killed store left, and never writes through a link', async () => {
    const d = dir();
    const data = join(d, 'data');
    mkdirSync(data);
    const store = join(data, 'recent-files.json');
    const killed = join(data, '.recent-files.json.0123456789ab.tmp');
    const other = join(data, '.window-state.json.0123456789ab.tmp');
    writeFileSync(killed, '{"version":1,"fi');
    writeFileSync(other, '{"x":');
    const recent = new RecentFiles(store);
    await recent.load();
    expect(existsSync(killed)).toBe(false);
    expect(existsSync(other)).toBe(true); // another store's
    if (process.platform === 'win32') return;
    const elsewhere = join(d, 'elsewhere.txt');
    writeFileSync(elsewhere, 'not ours');
    symlinkSync(elsewhere, store);
    await recent.add(files(d, 1)[0]!);
    expect(lstatSync(store).isFile()).toBe(true);
    expect(readFileSync(elsewhere, 'utf8')).toBe('not ours');
    expect(readdirSync(data).sort()).toEqual(['.window-state.json.0123456789ab.tmp', 'recent-files.json']);
  });

  it('keeps the newest first, without duplicates, at most ten, and stores them', async () => {
    const d = dir();
    const store = join(d, 'data', 'recent-files.json');
    const recent = new RecentFiles(store);
    const paths = files(d, 12);
    for (const p of paths) await recent.add(p);
    await recent.add(paths[5]!);
    expect(recent.list()).toHaveLength(10);
    expect(recent.list()[0]).toBe(paths[5]);
    expect(recent.list()[1]).toBe(paths[11]);
    expect(new Set(recent.list()).size).toBe(10);
    const again = new RecentFiles(store);
    expect(await again.load()).toEqual(recent.list());
  });

  it('drops files that no longer exist, when loading and when asked', async () => {
    const d = dir();
    const store = join(d, 'recent-files.json');
    const [a, b, c] = files(d, 3);
    const recent = new RecentFiles(store);
    for (const p of [a!, b!, c!]) await recent.add(p);
    unlinkSync(b!);
    expect(await recent.prune()).toEqual([c, a]);
    expect(JSON.parse(readFileSync(store, 'utf8')).files).toEqual([c, a]);
    unlinkSync(a!);
    expect(await new RecentFiles(store).load()).toEqual([c]);
  });

  it('treats a missing or damaged store as empty, and ignores entries that are not absolute paths', async () => {
    const d = dir();
    expect(await new RecentFiles(join(d, 'none.json')).load()).toEqual([]);
    const store = join(d, 'recent-files.json');
    writeFileSync(store, '{"files": [');
    expect(await new RecentFiles(store).load()).toEqual([]);
    const [ok] = files(d, 1);
    writeFileSync(store, JSON.stringify({ files: ['relative/map.argmap.json', 42, ok] }));
    expect(await new RecentFiles(store).load()).toEqual([ok]);
  });

  it('compares paths without case where the file system does', async () => {
    const recent = new RecentFiles(join(dir(), 'r.json'), { platform: 'win32', exists: async () => true });
    await recent.add('C:\\Maps\\Letter.argmap.json');
    await recent.add('c:\\maps\\letter.argmap.json');
    expect(recent.list()).toEqual(['c:\\maps\\letter.argmap.json']);
  });

  it('removes one and clears all', async () => {
    const d = dir();
    const recent = new RecentFiles(join(d, 'r.json'));
    const [a, b] = files(d, 2);
    await recent.add(a!);
    await recent.add(b!);
    await recent.remove(a!);
    expect(recent.list()).toEqual([b]);
    await recent.clear();
    expect(recent.list()).toEqual([]);
  });

  it('labels entries with the folder, home as ~, and doubles & (menu mnemonics)', () => {
    const home = `${sep}home${sep}ana`;
    expect(recentMenuLabel(`${home}${sep}Maps${sep}letter.argmap.json`, home)).toBe(`letter.argmap.json — ~${sep}Maps`);
    expect(recentMenuLabel(`${home}${sep}a&b.argmap.json`, home)).toBe('a&&b.argmap.json — ~');
    expect(recentMenuLabel(`${sep}srv${sep}x.argmap.json`, home)).toBe(`x.argmap.json — ${sep}srv`);
  });
});
