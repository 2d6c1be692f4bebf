import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupFolder, newSlotId, parseBackup, SLOT_PATTERN } from '../../../electron/main/backups';
import type { Backup } from '../../../renderer/platform/types';

const dirs: string[] = [];
function folder(): BackupFolder {
  const d = mkdtempSync(join(tmpdir(), 'aa-backups-'));
  dirs.push(d);
  return new BackupFolder(join(d, 'backups'));
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const backup = (text: string, savedAt = '2026-01-02T03:04:05.000Z'): Backup => ({ text, name: 'letter.argmap.json', savedAt });

describe('crash backups in the app data folder', () => {
  it('gives every window its own slot', () => {
    const a = newSlotId();
    const b = newSlotId();
    expect(a).toMatch(SLOT_PATTERN);
    expect(a).not.toBe(b);
  });

  it('writes, reads back and clears a slot', async () => {
    const f = folder();
    const slot = newSlotId();
    expect(await f.read(slot)).toBeNull();
    await f.write(slot, backup('{"map":1}'));
    expect(await f.read(slot)).toEqual(backup('{"map":1}'));
    await f.write(slot, backup('{"map":2}'));
    expect(await f.read(slot)).toEqual(backup('{"map":2}'));
    expect(readdirSync(f.dir)).toEqual([`${slot}.json`]); // written atomically: no temporary file left
    await f.clear(slot);
    expect(await f.read(slot)).toBeNull();
    expect(readdirSync(f.dir)).toEqual([]);
    await f.clear(slot); // clearing twice is fine
  });

  it('keeps the order of writes and clears: a clear is never overtaken by an earlier write', async () => {
    const f = folder();
    const slot = newSlotId();
    const big = 'x'.repeat(2_000_000);
    const pending = [f.write(slot, backup(big)), f.clear(slot), f.write(slot, backup('last')), f.clear(slot)];
    await Promise.all(pending);
    expect(await f.read(slot)).toBeNull();
    await Promise.all([f.write(slot, backup(big)), f.clear(slot), f.write(slot, backup('kept'))]);
    expect((await f.read(slot))?.text).toBe('kept');
  });

  it('refuses a slot name that is not one (no path from anywhere else)', () => {
    const f = folder();
    expect(() => f.pathOf('../../etc/passwd')).toThrow(/Not a backup slot/);
    expect(() => f.pathOf('w_0123')).toThrow(/Not a backup slot/);
  });

  it('offers backups left by a crash, newest first, and removes unreadable ones', async () => {
    const f = folder();
    const old = newSlotId();
    const recent = newSlotId();
    const live = newSlotId();
    await f.write(old, backup('old', '2026-01-01T00:00:00.000Z'));
    await f.write(recent, backup('recent', '2026-02-01T00:00:00.000Z'));
    await f.write(live, backup('mine', '2026-03-01T00:00:00.000Z'));
    const broken = newSlotId();
    writeFileSync(join(f.dir, `${broken}.json`), '{"format":"argument-atlas/backup","vers');
    writeFileSync(join(f.dir, 'notes.txt'), 'not ours');
    const orphans = await f.orphans(new Set([live]));
    expect(orphans.map((o) => o.slot)).toEqual([recent, old]);
    expect(orphans[0]).toEqual({ slot: recent, name: 'letter.argmap.json', savedAt: '2026-02-01T00:00:00.000Z' });
    expect(readdirSync(f.dir).sort()).toEqual([`${live}.json`, `${old}.json`, `${recent}.json`, 'notes.txt'].sort());
  });

  it('a window adopts an orphan: its renderer reads it back from its own slot', async () => {
    const f = folder();
    const orphan = newSlotId();
    const window = newSlotId();
    await f.write(orphan, backup('unsaved work'));
    await f.adopt(orphan, window);
    expect(await f.read(window)).toEqual(backup('unsaved work'));
    expect(await f.read(orphan)).toBeNull();
    expect(await f.orphans(new Set([window]))).toEqual([]);
    // Declined (or saved): the renderer clears it, and nothing is offered next time.
    await f.clear(window);
    expect(await f.orphans()).toEqual([]);
  });

  it('stores a versioned record and reads nothing else as a backup', () => {
    const f = folder();
    expect(parseBackup('not json')).toBeNull();
    expect(parseBackup('{"text":"a","name":"b","savedAt":"c"}')).toBeNull(); // no format marker
    expect(parseBackup('{"format":"argument-atlas/backup","version":2,"text":"a","name":"b","savedAt":"c"}')).toBeNull();
    expect(parseBackup('{"format":"argument-atlas/backup","version":1,"text":"a","name":"b","savedAt":"c"}')).toEqual({ text: 'a', name: 'b', savedAt: 'c' });
    return f.write(newSlotId(), backup('t')).then(() => {
      const [file] = readdirSync(f.dir);
      expect(JSON.parse(readFileSync(join(f.dir, file!), 'utf8'))).toMatchObject({ format: 'argument-atlas/backup', version: 1 });
    });
  });
});
