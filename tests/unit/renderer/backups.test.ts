import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadMap } from '../../../arguments/format/load';
import * as ops from '../../../arguments/operations';
import { BACKUP_DELAY_MS, startBackups, type BackupWriter } from '../../../renderer/files/backups';
import { fileDialogs } from '../../../renderer/files/dialogState';
import { newMap, saveMap, setFilePlatform, showDocument } from '../../../renderer/files/fileCommands';
import { markSaved, run, undoChange } from '../../../renderer/store/store';
import { fakeBackups, fakePlatform, sampleMap } from './fakes';

let store = fakeBackups();
let writer: BackupWriter | null = null;

const edit = (text: string) => expect(run(ops.editNode('c1', { text }))).toBe(true);

beforeEach(() => {
  vi.useFakeTimers();
  showDocument(sampleMap(), 'letter.argmap.json', 'ref-letter', null);
  fileDialogs.setState({ saveQuestion: null, recovery: null });
  store = fakeBackups();
});

afterEach(() => {
  writer?.stop();
  writer = null;
  vi.useRealTimers();
});

/** Starts the writer and forgets the clear of an earlier session's backup it queues at once. */
async function start(held = false): Promise<void> {
  writer = startBackups(store, { held });
  await vi.advanceTimersByTimeAsync(0);
  store.write.mockClear();
  store.clear.mockClear();
}

describe('the backup writer', () => {
  it('writes the unsaved map within a second of the last edit, debounced', async () => {
    await start();
    edit('one');
    await vi.advanceTimersByTimeAsync(200);
    edit('two');
    await vi.advanceTimersByTimeAsync(BACKUP_DELAY_MS - 1);
    expect(store.write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(store.write).toHaveBeenCalledTimes(1);
    const backup = store.current!;
    expect(backup.name).toBe('letter.argmap.json');
    expect(Date.parse(backup.savedAt)).not.toBeNaN();
    const map = loadMap(backup.text);
    expect(map.ok && map.map.nodes.c1!.text).toBe('two');
  });

  it('keeps writing under continuous editing (a long drag)', async () => {
    await start();
    for (let t = 0; t < 3000; t += 100) {
      run(ops.moveNodes({ c1: { x: t, y: 0 } }));
      await vi.advanceTimersByTimeAsync(100);
    }
    // At least one write per second even though there was never a quiet half-second.
    expect(store.write.mock.calls.length).toBeGreaterThanOrEqual(3);
  });

  it('clears the backup when the document is saved', async () => {
    const { platform } = fakePlatform();
    setFilePlatform(platform);
    await start();
    edit('unsaved');
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.current).not.toBeNull();
    await saveMap();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.clear).toHaveBeenCalledTimes(1);
    expect(store.current).toBeNull();
  });

  it('clears the backup when undo returns to the save point', async () => {
    await start();
    edit('unsaved');
    await vi.advanceTimersByTimeAsync(1000);
    undoChange();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.current).toBeNull();
  });

  it('an edit undone before the delay is never written', async () => {
    await start();
    edit('brief');
    undoChange();
    await vi.advanceTimersByTimeAsync(2000);
    expect(store.write).not.toHaveBeenCalled();
  });

  it('clears when the document is replaced by a clean one', async () => {
    const { platform } = fakePlatform();
    setFilePlatform(platform);
    await start();
    edit('unsaved');
    await vi.advanceTimersByTimeAsync(1000);
    markSaved('letter.argmap.json', 'ref-letter'); // as if saved elsewhere
    await vi.advanceTimersByTimeAsync(0);
    expect(store.current).toBeNull();
    edit('again');
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.current).not.toBeNull();
    const replacing = newMap();
    // Don't Save, then the new clean map clears the backup.
    await vi.advanceTimersByTimeAsync(0);
    fileDialogs.getState().saveQuestion!.answer('discard');
    await replacing;
    await vi.advanceTimersByTimeAsync(0);
    expect(store.current).toBeNull();
  });

  it('while held (a recovery offer is pending) neither writes nor clears; releasing catches up', async () => {
    await store.write({ text: 'earlier session', name: 'old.argmap.json', savedAt: '2026-01-01T00:00:00.000Z' });
    await start(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.current?.text).toBe('earlier session');
    edit('while the banner shows');
    await vi.advanceTimersByTimeAsync(2000);
    expect(store.write).not.toHaveBeenCalled();
    expect(store.current?.text).toBe('earlier session');
    writer!.hold(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.current?.name).toBe('letter.argmap.json');
  });

  it('clears a backup left by an earlier session once the document is known to be clean', async () => {
    await store.write({ text: 'stale', name: 'old.argmap.json', savedAt: '2026-01-01T00:00:00.000Z' });
    writer = startBackups(store);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.current).toBeNull();
  });

  it('flush writes a pending backup at once', async () => {
    await start();
    edit('about to close');
    await writer!.flush();
    expect(store.write).toHaveBeenCalledTimes(1);
  });

  it('a failing store is reported, not thrown, and later writes still happen', async () => {
    const errors: unknown[] = [];
    writer = startBackups(store, { onError: (e) => errors.push(e) });
    store.write.mockRejectedValueOnce(new Error('quota'));
    edit('one');
    await vi.advanceTimersByTimeAsync(1000);
    edit('two');
    await vi.advanceTimersByTimeAsync(1000);
    expect(errors).toHaveLength(1);
    expect(store.current).not.toBeNull();
  });
});
