// Locking a map for reading: one step, saved with the file, read back locked.
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import { editNode } from '../../../arguments/operations';
import { changesOnlyTheLock, setReadOnly } from '../../../arguments/operations/reading';
import { apply, refused, shipped } from './helpers';

describe('locking a map for reading', () => {
  it('is saved in the view and read back locked; unlocking removes the mark', () => {
    const base = shipped();
    const locked = apply(base, setReadOnly(true));
    expect(locked.view.readOnly).toBe(true);
    expect(locked.nodes).toBe(base.nodes);
    const text = serializeMap(locked);
    const r = loadMap(text);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.map.view.readOnly).toBe(true);
    const unlocked = apply(r.map, setReadOnly(false));
    expect(Object.hasOwn(unlocked.view, 'readOnly')).toBe(false);
    expect(serializeMap(unlocked)).toBe(serializeMap(shipped()));
  });

  it('refuses to lock a locked map or unlock an open one, in words', () => {
    expect(refused(shipped(), setReadOnly(false))).toBe('The map is not locked.');
    expect(refused(apply(shipped(), setReadOnly(true)), setReadOnly(true))).toBe('The map is already locked for reading.');
  });

  it('tells its own steps from every other operation', () => {
    expect(changesOnlyTheLock(setReadOnly(true))).toBe(true);
    expect(changesOnlyTheLock(setReadOnly(false))).toBe(true);
    expect(changesOnlyTheLock(editNode('t', { text: 'x' }))).toBe(false);
    // A look-alike with the same label is not the lock.
    expect(changesOnlyTheLock({ ...setReadOnly(false) })).toBe(false);
  });

  it('a file whose lock is not true or false is refused by the loader', () => {
    const file = JSON.parse(serializeMap(shipped()));
    file.view.readOnly = 'yes';
    const r = loadMap(JSON.stringify(file));
    expect(r.ok).toBe(false);
  });
});
