import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStaleTemps, tempFileOf, tempPathFor } from '../../../electron/main/tempFiles';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'aa-temps-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const aged = (path: string, minutes: number) => {
  const t = new Date(Date.now() - minutes * 60_000);
  utimesSync(path, t, t);
};

describe('temporary files of saves', () => {
  it('are hidden siblings named after their file, and recognised by that exact pattern only', () => {
    const temp = tempPathFor('/maps/letter.argmap.json');
    expect(temp).toMatch(/^\/maps\/\.letter\.argmap\.json\.[0-9a-f]{12}\.tmp$/);
    expect(tempFileOf(temp.slice('/maps/'.length))).toBe('letter.argmap.json');
    for (const other of ['letter.argmap.json', '.letter.argmap.json.tmp', '.letter.argmap.json.0123456789ab.tmp~', '.letter.argmap.json.0123456789AB.tmp', 'x.0123456789ab.tmp', '.x.0123456789a.tmp'])
      expect(tempFileOf(other), other).toBeNull();
  });

  it('removes only the leftovers of the files asked for, once old enough', async () => {
    const dir = tempDir();
    const stale = join(dir, '.letter.argmap.json.0123456789ab.tmp');
    const fresh = join(dir, '.letter.argmap.json.ba9876543210.tmp');
    const otherMap = join(dir, '.other.argmap.json.0123456789ab.tmp');
    const notOurs = join(dir, '.letter.argmap.json.swp');
    for (const f of [stale, fresh, otherMap, notOurs]) writeFileSync(f, 'partial');
    for (const f of [stale, otherMap, notOurs]) aged(f, 10);
    const removed = await removeStaleTemps(dir, { of: (n) => n === 'letter.argmap.json', olderThanMs: 60_000 });
    expect(removed).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([fresh, notOurs, otherMap].map((p) => p.slice(dir.length + 1)).sort());
    // With no age limit (the app's own folders at start), the fresh one goes too.
    expect(await removeStaleTemps(dir, { of: (n) => n === 'letter.argmap.json', olderThanMs: 0 })).toBe(1);
    expect(existsSync(fresh)).toBe(false);
  });

  it('never removes a folder or a link named like one, nor what a link points to', async () => {
    if (process.platform === 'win32') return;
    const dir = tempDir();
    const target = join(dir, 'precious.txt');
    writeFileSync(target, 'keep me');
    const link = join(dir, '.letter.argmap.json.0123456789ab.tmp');
    symlinkSync(target, link);
    const folder = join(dir, '.letter.argmap.json.ba9876543210.tmp');
    mkdirSync(folder);
    expect(await removeStaleTemps(dir, { of: () => true, olderThanMs: 0 })).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(readdirSync(dir).length).toBe(3);
  });

  it('a folder that cannot be read has nothing to remove', async () => {
    await expect(removeStaleTemps(join(tempDir(), 'missing'), { of: () => true, olderThanMs: 0 })).resolves.toBe(0);
  });
});
