import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadMap } from '../../../arguments/format/load';
import { applyOperation } from '../../../arguments/live/apply';
import { fromYDoc, toYDoc } from '../../../arguments/live/mirror';
import { ROOM_MODES, studentVoice } from '../../../arguments/live/protocol';
import { bringsNothingNew, editRight, judgeUpdate, type LivePeer } from '../../../arguments/live/roles';
import type { Operation } from '../../../arguments/history';
import type { ArgumentMap } from '../../../arguments/model';
import { addNode, connect, editNode, moveNodes, deleteNodes } from '../../../arguments/operations';
import { reply, startThread } from '../../../arguments/operations/comments';

const SHIPPED = readFileSync(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url));
const map = (() => {
  const r = loadMap(SHIPPED);
  if (!r.ok) throw new Error('shipped map does not load');
  return r.map;
})();
const analystNode = Object.values(map.nodes).find((n) => n.voice === undefined || n.voice === 'analyst')!.id;
const ada: LivePeer = { name: 'Ada', role: 'student' };
const prof: LivePeer = { name: 'Prof', role: 'instructor' };
const AT = '2026-12-02T01:00:00.000Z';

const bases = new Map<unknown, Y.Doc>();
/** The host's doc (one per seed, so updates made on one room apply to another), a scratch replica of it, and a peer's copy whose operations become updates. */
const asShipped = (m: ArgumentMap) => m;
function room(seed: (m: ArgumentMap) => ArgumentMap = asShipped) {
  let host = bases.get(seed);
  if (!host) bases.set(seed, (host = toYDoc(seed(map))));
  const replica = () => {
    const d = new Y.Doc();
    Y.applyUpdate(d, Y.encodeStateAsUpdate(host));
    return d;
  };
  const scratch = replica();
  const peer = replica();
  peer.clientID = 777;
  const updateOf = (op: Operation): Uint8Array => {
    const before = Y.encodeStateVector(peer);
    const r = applyOperation(peer, op, 'me');
    if (!r.ok) throw new Error(r.reason);
    return Y.encodeStateAsUpdate(peer, before);
  };
  return { host, scratch, peer, updateOf };
}

/** Ids of the peer's own namespace (client 777), as a live page makes them. */
const mine = (n: number) => `n.${(777).toString(36)}.${n}`;
const own = (id: string, text = 'My reading of the letter.') => addNode({ id, kind: 'claim', text, voice: studentVoice('Ada') }, { x: 10, y: 20 });

describe('what each peer may change', () => {
  it('gives the instructor everything but a display, and students what the mode says', () => {
    const table = Object.fromEntries(ROOM_MODES.map((m) => [m, [editRight(m, 'instructor'), editRight(m, 'student')]]));
    expect(table).toEqual({
      'students-read-only': ['everything', 'nothing'],
      'students-own-voice': ['everything', 'own-voice'],
      open: ['everything', 'everything'],
      'read-only': ['nothing', 'nothing'],
    });
  });

  it('refuses a read-only student any change, but not a sync step 2 that brings nothing new', () => {
    const { scratch, peer, updateOf } = room();
    expect(judgeUpdate(scratch, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(scratch)), ada, 'students-read-only')).toMatchObject({ ok: true, changed: false });
    const edit = updateOf(editNode(analystNode, { text: 'Rewritten.' }));
    expect(judgeUpdate(scratch, edit, ada, 'students-read-only')).toMatchObject({ ok: false, reason: expect.stringMatching(/only the instructor/) });
    expect(judgeUpdate(room().scratch, edit, prof, 'read-only')).toMatchObject({ ok: false });
    expect(judgeUpdate(room().scratch, edit, prof, 'students-read-only')).toMatchObject({ ok: true, changed: true });
    expect(judgeUpdate(room().scratch, edit, ada, 'open')).toMatchObject({ ok: true, changed: true });
  });

  it('lets an own-voice student add, edit, move and connect from their own nodes', () => {
    const { scratch, updateOf } = room();
    const steps: Operation[] = [
      own(mine(1)),
      editNode(mine(1), { text: 'On reflection, a warning.' }),
      moveNodes({ [mine(1)]: { x: 300, y: 40 } }),
      connect({ id: `r.${(777).toString(36)}.1`, kind: 'supports', from: [mine(1)], to: analystNode }),
      startThread(`t.${(777).toString(36)}.1`, analystNode, { author: 'Ada', at: AT, text: 'Why this date?' }),
      deleteNodes([mine(1)]),
    ];
    for (const op of steps) expect(judgeUpdate(scratch, updateOf(op), ada, 'students-own-voice'), op.label).toMatchObject({ ok: true, changed: true });
    expect(fromYDoc(scratch).comments?.[`t.${(777).toString(36)}.1`]?.messages[0]?.author).toBe('Ada');
  });

  it('refuses an own-voice student anything of another voice, however the update is made', () => {
    const refused = (op: Operation, seed?: (m: ArgumentMap) => ArgumentMap) => {
      const { scratch, updateOf, host } = room(seed);
      const verdict = judgeUpdate(scratch, updateOf(op), ada, 'students-own-voice');
      expect(verdict.ok, op.label).toBe(false);
      return { verdict, host };
    };
    refused(editNode(analystNode, { text: 'Rewritten by a student.' }));
    refused(deleteNodes([analystNode]));
    refused(moveNodes({ [analystNode]: { x: 0, y: 0 } }));
    refused(addNode({ id: 'fake', kind: 'claim', text: 'Said as the analyst.', voice: 'analyst' }));
    refused(addNode({ id: 'bea-1', kind: 'claim', text: 'Said as Bea.', voice: studentVoice('Bea') }));
    refused(editNode(analystNode, { voice: studentVoice('Ada') }));
    refused(connect({ id: 'r-x', kind: 'opposes', from: [analystNode], to: Object.keys(map.nodes).find((id) => id !== analystNode)! }));
    refused(startThread('t-x', analystNode, { author: 'Prof', at: AT, text: 'Signed as the instructor.' }));
    const withThread = (m: ArgumentMap): ArgumentMap => ({ ...m, comments: { ...m.comments, 't-p': { id: 't-p', target: analystNode, resolved: false, messages: [{ id: 'm1', author: 'Prof', at: AT, text: 'Discuss.' }] } } });
    refused(reply('t-p', { author: 'Bea', at: AT, text: 'As Bea.' }), withThread);
    const { scratch, updateOf } = room(withThread);
    expect(judgeUpdate(scratch, updateOf(reply('t-p', { author: 'Ada', at: AT, text: 'My answer.' })), ada, 'students-own-voice')).toMatchObject({ ok: true, changed: true });
  });

  it('refuses a student’s record that would not load, in an open room too, and takes the instructor’s word', () => {
    const bad = (peer: Y.Doc) => {
      const before = Y.encodeStateVector(peer);
      (peer.getMap('nodes').get(analystNode) as Y.Map<unknown>).set('kind', 'banana');
      return Y.encodeStateAsUpdate(peer, before);
    };
    const r1 = room();
    expect(judgeUpdate(r1.scratch, bad(r1.peer), ada, 'open')).toMatchObject({ ok: false, reason: expect.stringMatching(/^node .* would not load: .*banana/) });
    const r2 = room();
    expect(judgeUpdate(r2.scratch, bad(r2.peer), prof, 'open')).toMatchObject({ ok: true, changed: true });
    const r3 = room();
    const mineBad = r3.updateOf(own(mine(4)));
    expect(judgeUpdate(r3.scratch, mineBad, ada, 'students-own-voice').ok).toBe(true);
    const before = Y.encodeStateVector(r3.peer);
    (r3.peer.getMap('nodes').get(mine(4)) as Y.Map<unknown>).set('kind', 'banana');
    expect(judgeUpdate(r3.scratch, Y.encodeStateAsUpdate(r3.peer, before), ada, 'students-own-voice')).toMatchObject({ ok: false, reason: expect.stringMatching(/would not load/) });
  });

  it('refuses a student’s update to a top-level type outside the map, in an open room too, and takes the instructor’s', () => {
    const junk = (peer: Y.Doc) => {
      const before = Y.encodeStateVector(peer);
      peer.getMap('junk').set('x', 'y'.repeat(10_000));
      return Y.encodeStateAsUpdate(peer, before);
    };
    for (const mode of ['open', 'students-own-voice'] as const) {
      const r = room();
      expect(judgeUpdate(r.scratch, junk(r.peer), ada, mode), mode).toMatchObject({ ok: false, reason: expect.stringMatching(/outside the map/) });
    }
    const r = room();
    expect(judgeUpdate(r.scratch, junk(r.peer), prof, 'open')).toMatchObject({ ok: true, changed: true });
    // A text at the top level, and one inside a foreign map, are as foreign.
    const r2 = room();
    const before = Y.encodeStateVector(r2.peer);
    r2.peer.transact(() => {
      r2.peer.getText('notes').insert(0, 'hidden');
      applyOperation(r2.peer, own(mine(6)), 'me');
    });
    expect(judgeUpdate(r2.scratch, Y.encodeStateAsUpdate(r2.peer, before), ada, 'students-own-voice')).toMatchObject({ ok: false, reason: expect.stringMatching(/outside the map/) });
    const r3 = room();
    const sv = Y.encodeStateVector(r3.peer);
    const inner = new Y.Map<unknown>();
    r3.peer.getMap('junk').set('deep', inner);
    inner.set('x', 1);
    expect(judgeUpdate(r3.scratch, Y.encodeStateAsUpdate(r3.peer, sv), ada, 'open')).toMatchObject({ ok: false });
  });

  it('refuses one whole update when a part of it is not the student’s', () => {
    const { scratch, peer } = room();
    const before = Y.encodeStateVector(peer);
    peer.transact(() => {
      applyOperation(peer, own(mine(2)), 'me');
      applyOperation(peer, editNode(analystNode, { text: 'Slipped in.' }), 'me');
    });
    expect(judgeUpdate(scratch, Y.encodeStateAsUpdate(peer, before), ada, 'students-own-voice').ok).toBe(false);
  });

  it('keeps a student’s update that arrives before the one it builds on, and judges both when that one lands', () => {
    const { scratch, updateOf } = room();
    const first = updateOf(own(mine(3)));
    const second = updateOf(editNode(mine(3), { text: 'Second step, sent first.' }));
    expect(judgeUpdate(scratch, second, ada, 'students-own-voice')).toMatchObject({ ok: true, changed: true });
    expect(fromYDoc(scratch).nodes[mine(3)]).toBeUndefined();
    expect(judgeUpdate(scratch, first, ada, 'students-own-voice')).toMatchObject({ ok: true, changed: true });
    expect(fromYDoc(scratch).nodes[mine(3)]?.text).toBe('Second step, sent first.');
  });

  it('a kept update is judged when it lands: one that is not the student’s to make is refused', () => {
    const { scratch, updateOf } = room();
    // The student's first step writes the analyst's node (not theirs); the second builds on it and arrives first.
    const first = updateOf(editNode(analystNode, { text: 'Not yours to write.' }));
    const second = updateOf(editNode(analystNode, { text: 'Not yours to write, twice.' }));
    // What of it can land at once is judged at once; the rest when the first step lands: refused either way.
    const early = judgeUpdate(scratch, second, ada, 'students-own-voice');
    const verdict = early.ok ? judgeUpdate(scratch, first, ada, 'students-own-voice') : early;
    expect(verdict).toMatchObject({ ok: false, reason: expect.stringMatching(/not in your voice/) });
  });

  it('refuses an update it cannot read', () => {
    expect(judgeUpdate(room().scratch, new Uint8Array([1, 2, 3, 200, 7]), ada, 'students-own-voice')).toMatchObject({ ok: false });
  });
});

describe('an instructor’s update that arrives before the one it builds on', () => {
  it('is kept pending, as the room’s doc must keep it, and lands once the first arrives', () => {
    const { scratch, updateOf } = room();
    const first = updateOf(own(mine(5)));
    const second = updateOf(editNode(mine(5), { text: 'Second, sent first.' }));
    expect(judgeUpdate(scratch, second, prof, 'students-read-only')).toMatchObject({ ok: true, changed: true });
    expect(judgeUpdate(scratch, first, prof, 'students-read-only')).toMatchObject({ ok: true, changed: true });
    expect(fromYDoc(scratch).nodes[mine(5)]?.text).toBe('Second, sent first.');
  });
});

describe('whether an update brings anything new', () => {
  it('tells a sync step 2 of a peer that has nothing new from an edit and a deletion, without applying either', () => {
    const { host, peer, updateOf } = room();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(host));
    const state = Y.encodeStateVector(doc);
    // A peer's step 2 carries its whole delete set: all of it already made on the doc.
    expect(bringsNothingNew(doc, Y.encodeStateAsUpdate(peer, state))).toBe(true);
    expect(bringsNothingNew(doc, Y.encodeStateAsUpdate(doc))).toBe(true);
    expect(bringsNothingNew(doc, updateOf(editNode(analystNode, { text: 'Rewritten.' })))).toBe(false);
    // A deletion only (no structs): removing a node of the doc's.
    const del = new Y.Doc();
    Y.applyUpdate(del, Y.encodeStateAsUpdate(doc));
    const sv = Y.encodeStateVector(del);
    del.getMap('nodes').delete(analystNode);
    const deletion = Y.encodeStateAsUpdate(del, sv);
    expect(Y.decodeUpdate(deletion).structs).toHaveLength(0);
    expect(bringsNothingNew(doc, deletion)).toBe(false);
    expect(bringsNothingNew(doc, new Uint8Array([1, 2, 3, 200, 7]))).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(state);
    Y.applyUpdate(doc, deletion);
    expect(bringsNothingNew(doc, deletion)).toBe(true);
  });
});

describe('edits made at once', () => {
  it('two students deleting the two co-premises of a linked inference at once are both taken: the merged map is judged as the normaliser leaves it', () => {
    const { host, scratch, peer, updateOf } = room();
    // Bo's copy from the same moment as Ada's.
    const bo = new Y.Doc();
    bo.clientID = 778;
    Y.applyUpdate(bo, Y.encodeStateAsUpdate(host));
    expect(fromYDoc(peer).relations['r.P1.C1']!.from).toEqual(['P1a', 'P1b']);
    const ada1 = updateOf(deleteNodes(['P1a']));
    const boBefore = Y.encodeStateVector(bo);
    expect(applyOperation(bo, deleteNodes(['P1b']), 'me').ok).toBe(true);
    const bo1 = Y.encodeStateAsUpdate(bo, boBefore);
    const open = 'open' as const;
    expect(judgeUpdate(scratch, ada1, ada, open)).toMatchObject({ ok: true, changed: true });
    // Merged, the inference has no premise left: the loader's rule, which the normaliser mends (the inference goes).
    expect(judgeUpdate(scratch, bo1, { name: 'Bo', role: 'student' }, open)).toMatchObject({ ok: true, changed: true });
    expect(fromYDoc(scratch).relations['r.P1.C1']!.from).toEqual([]);
  });
});
