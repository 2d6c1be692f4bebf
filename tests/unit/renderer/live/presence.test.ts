// Who is connected and who has what selected, read from others' awareness states (untrusted).
import { describe, expect, it } from 'vitest';
import { instructorStep, keepUnchanged, readPeers, readPresence, selectedBy, selectedByWords } from '../../../../renderer/live/presence';
import { linkWords } from '../../../../renderer/live/liveState';
import type { RoomInfo } from '../../../../arguments/live/protocol';

const state = (name: string, role: 'instructor' | 'student', selection: unknown = [], extra: object = {}) => ({ user: { name, role, color: '#1d4ed8' }, selection, ...extra });

describe('presence', () => {
  it('lists everyone but this page, instructors first, then by name', () => {
    const states = new Map<number, unknown>([
      [1, state('Tomas', 'student')],
      [2, state('Marta', 'instructor')],
      [3, state('Ana', 'student')],
      [9, state('Me', 'student')],
    ]);
    expect(readPeers(states, 9).map((p) => p.name)).toEqual(['Marta', 'Ana', 'Tomas']);
  });

  it('leaves out what is not a presence record, and never shows one half-read', () => {
    for (const bad of [null, 7, 'x', {}, { user: { name: '', role: 'student' } }, { user: { name: 'A', role: 'admin' } }, { user: 'A' }]) expect(readPresence(1, bad)).toBeNull();
    const p = readPresence(1, { user: { name: 'Ana', role: 'student', color: 'red;background:url(x)' }, selection: ['n1', 5, null, 'constructor'], step: -1 });
    expect(p).toMatchObject({ name: 'Ana', color: '#c2410c', selection: ['n1', 'constructor'] });
    expect(p!.step).toBeUndefined();
  });

  it('maps each selected id to the peers who selected it, keeping unchanged lists so their cards do not re-render', () => {
    const peers = readPeers(new Map<number, unknown>([[1, state('Ana', 'student', ['n1', 'n2'])], [2, state('Ben', 'student', ['n2'])]]), 0);
    const first = selectedBy(peers);
    expect(first.get('n1')!.map((p) => p.name)).toEqual(['Ana']);
    expect(first.get('n2')!.map((p) => p.name)).toEqual(['Ana', 'Ben']);
    expect(selectedByWords(first.get('n2')!)).toBe('Selected by Ana and Ben');
    const moved = readPeers(new Map<number, unknown>([[1, state('Ana', 'student', ['n1', 'n3'])], [2, state('Ben', 'student', ['n2'])]]), 0);
    const next = keepUnchanged(first, selectedBy(moved));
    expect(next.get('n1')).toBe(first.get('n1'));
    expect(next.get('n2')).not.toBe(first.get('n2'));
    expect(next.get('n2')!.map((p) => p.name)).toEqual(['Ben']);
    expect(next.has('n3')).toBe(true);
  });

  it('finds the presenting instructor’s step (a student’s step is not followed)', () => {
    expect(instructorStep(readPeers(new Map<number, unknown>([[1, state('Ana', 'student', [], { step: 4 })]]), 0))).toBeUndefined();
    expect(instructorStep(readPeers(new Map<number, unknown>([[1, state('Ana', 'student')], [2, state('Marta', 'instructor', [], { step: 3 })]]), 0))).toBe(3);
  });

  it('says the connection’s state in words', () => {
    const room = { code: 'K7QM4P', mayEdit: 'own-voice' } as RoomInfo;
    const peers = readPeers(new Map<number, unknown>([[1, state('Ana', 'student')]]), 0);
    expect(linkWords({ room, link: 'live', peers })).toBe('Live · K7QM4P · 2 connected');
    expect(linkWords({ room, link: 'reconnecting', peers })).toBe('Reconnecting…');
    expect(linkWords({ room, link: 'offline', peers })).toBe('Offline: your edits are kept and sent when the host is back');
  });
});
