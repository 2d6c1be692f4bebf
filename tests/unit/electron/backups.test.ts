import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupFolder, newSlotId, parseBackup, SLOT_PATTERN } from '../../../electron/main/backups';
import type { ServiceFs } from '../../../electron/main/fileService';
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

  it('offers backups left by a crash, newest first, and keeps unreadable ones aside in damaged/', async () => {
    const f = folder();
    const old = newSlotId();
    const recent = newSlotId();
    const live = newSlotId();
    await f.write(old, backup('old', '2026-01-01T00:00:00.000Z'));
    await f.write(recent, backup('recent', '2026-02-01T00:00:00.000Z'));
    await f.write(live, backup('mine', '2026-03-01T00:00:00.000Z'));
    const broken = newSlotId();
    const brokenBytes = '{"format":"argument-atlas/backup","vers';
    writeFileSync(join(f.dir, `${broken}.json`), brokenBytes);
    writeFileSync(join(f.dir, 'notes.txt'), 'not ours');
    const found = await f.leftBehind(new Set([live]));
    expect(found.orphans.map((o) => o.slot)).toEqual([recent, old]);
    expect(found.orphans[0]).toEqual({ slot: recent, name: 'letter.argmap.json', savedAt: '2026-02-01T00:00:00.000Z' });
    expect(found.damaged).toBe(1);
    expect(readdirSync(f.dir).sort()).toEqual([`${live}.json`, `${old}.json`, `${recent}.json`, 'damaged', 'notes.txt'].sort());
    // Kept byte for byte, and told of once: the next start finds nothing new.
    expect(readFileSync(join(f.damagedDir, `${broken}.json`), 'utf8')).toBe(brokenBytes);
    expect((await f.leftBehind(new Set([live]))).damaged).toBe(0);
    expect(readdirSync(f.damagedDir)).toEqual([`${broken}.json`]);
  });

  it('a backup that cannot be read for now (locked, no permission) is neither offered nor moved: it waits for the next start', async () => {
    const d = mkdtempSync(join(tmpdir(), 'aa-backups-'));
    dirs.push(d);
    const slot = newSlotId();
    const locked: ServiceFs = {
      ...fsp,
      open: ((p: string, ...rest: [number, number?]) =>
        String(p).endsWith(`${slot}.json`) ? Promise.reject(Object.assign(new Error('EACCES: injected'), { code: 'EACCES' })) : fsp.open(p, ...rest)) as ServiceFs['open'],
    };
    const f = new BackupFolder(join(d, 'backups'), { fs: locked });
    mkdirSync(f.dir);
    writeFileSync(f.pathOf(slot), JSON.stringify({ format: 'argument-atlas/backup', version: 1, text: '{}', name: 'x', savedAt: 'x' }));
    expect(await f.leftBehind()).toEqual({ orphans: [], damaged: 0 });
    expect(readdirSync(f.dir)).toEqual([`${slot}.json`]);
    // Readable again: offered.
    expect((await new BackupFolder(f.dir).leftBehind()).orphans.map((o) => o.slot)).toEqual([slot]);
  });

  it('a folder, a named pipe or a link named like a backup neither stops the search nor is touched', { timeout: 10_000 }, async () => {
    const f = folder();
    const orphan = newSlotId();
    await f.write(orphan, backup('unsaved work'));
    const dirSlot = `${newSlotId()}.json`;
    mkdirSync(join(f.dir, dirSlot));
    writeFileSync(join(f.dir, dirSlot, 'inside'), 'kept');
    const names = [dirSlot];
    if (process.platform !== 'win32') {
      const fifo = `${newSlotId()}.json`;
      execFileSync('mkfifo', [join(f.dir, fifo)]);
      // A link to a valid backup elsewhere: never read through, so never offered.
      const elsewhere = join(f.dir, '..', 'elsewhere.json');
      writeFileSync(elsewhere, JSON.stringify({ format: 'argument-atlas/backup', version: 1, text: 'x', name: 'x', savedAt: 'x' }));
      const link = `${newSlotId()}.json`;
      symlinkSync(elsewhere, join(f.dir, link));
      names.push(fifo, link);
    }
    const found = await f.leftBehind();
    expect(found).toEqual({ orphans: [{ slot: orphan, name: 'letter.argmap.json', savedAt: '2026-01-02T03:04:05.000Z' }], damaged: 0 });
    expect(readdirSync(f.dir).sort()).toEqual([`${orphan}.json`, ...names].sort());
    expect(readdirSync(join(f.dir, dirSlot))).toEqual(['inside']);
  });

  it('never writes or reads through a slot that is a link: the link is replaced, what it points to is untouched', async () => {
    if (process.platform === 'win32') return;
    const f = folder();
    const slot = newSlotId();
    mkdirSync(f.dir, { recursive: true });
    const elsewhere = join(f.dir, '..', 'someone-elses.json');
    const theirs = JSON.stringify({ format: 'argument-atlas/backup', version: 1, text: 'theirs', name: 'x', savedAt: 'x' });
    writeFileSync(elsewhere, theirs);
    symlinkSync(elsewhere, f.pathOf(slot));
    expect(await f.read(slot)).toBeNull();
    await f.write(slot, backup('mine'));
    expect(lstatSync(f.pathOf(slot)).isFile()).toBe(true);
    expect(await f.read(slot)).toEqual(backup('mine'));
    expect(readFileSync(elsewhere, 'utf8')).toBe(theirs);
  });

  it('removes the temporary files of killed writes of slots no window owns, and only those', async () => {
    const f = folder();
    const gone = newSlotId();
    const live = newSlotId();
    await f.write(gone, backup('left'));
    await f.write(live, backup('mine'));
    const goneTemp = `.${gone}.json.0123456789ab.tmp`;
    const liveTemp = `.${live}.json.0123456789ab.tmp`;
    const foreign = '.notes.txt.0123456789ab.tmp';
    for (const t of [goneTemp, liveTemp, foreign]) writeFileSync(join(f.dir, t), 'partial');
    await f.leftBehind(new Set([live]));
    expect(readdirSync(f.dir).sort()).toEqual([`${gone}.json`, `${live}.json`, liveTemp, foreign].sort());
  });

  it('a window adopts an orphan: its renderer reads it back from its own slot, and the orphan’s temporary files go', async () => {
    const f = folder();
    const orphan = newSlotId();
    const window = newSlotId();
    await f.write(orphan, backup('unsaved work'));
    const killedWrite = join(f.dir, `.${orphan}.json.0123456789ab.tmp`);
    writeFileSync(killedWrite, '{"format":"argument-atlas/backup","version":1,"te');
    await f.adopt(orphan, window);
    expect(await f.read(window)).toEqual(backup('unsaved work'));
    expect(await f.read(orphan)).toBeNull();
    expect(existsSync(killedWrite)).toBe(false);
    expect((await f.leftBehind(new Set([window]))).orphans).toEqual([]);
    // Declined (or saved): the renderer clears it, and nothing is offered next time.
    await f.clear(window);
    expect(await f.leftBehind()).toEqual({ orphans: [], damaged: 0 });
    expect(readdirSync(f.dir)).toEqual([]);
  });

  it('a backups folder that is not there, or not a folder, has no orphans', async () => {
    const f = folder();
    expect(await f.leftBehind()).toEqual({ orphans: [], damaged: 0 });
    writeFileSync(f.dir, 'a file where the folder should be');
    expect(await f.leftBehind()).toEqual({ orphans: [], damaged: 0 });
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
