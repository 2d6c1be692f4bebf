import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import { applyOperation } from '../../../arguments/live/apply';
import { fromYDoc, toYDoc } from '../../../arguments/live/mirror';
import { LiveSession } from '../../../arguments/live/session';
import { ID_PATTERN, type ArgumentMap } from '../../../arguments/model';
import { addNode, cloneFragment, connect, deleteNodes, editNode, groupPremises, insertFragment, moveNodes, reply, setCollapsed, setEvaluation, startThread, ungroupPremises } from '../../../arguments/operations';

const SHIPPED = readFileSync(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url));

function load(bytes: Uint8Array | string): ArgumentMap {
  const r = loadMap(bytes);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.map;
}

/** Two peers of one document, each sending its updates to the other at once (or held back while `apart`). */
function pair(map: ArgumentMap = load(SHIPPED)) {
  const a = toYDoc(map);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const held: [Y.Doc, Uint8Array][] = [];
  const link = { apart: false };
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'wire' && (link.apart ? held.push([b, u]) : Y.applyUpdate(b, u, 'wire')));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'wire' && (link.apart ? held.push([a, u]) : Y.applyUpdate(a, u, 'wire')));
  const join = () => {
    link.apart = false;
    for (const [doc, u] of held.splice(0)) Y.applyUpdate(doc, u, 'wire');
  };
  return { a: new LiveSession(a), b: new LiveSession(b), link, join };
}

const ok = (r: { ok: boolean; reason?: string }) => expect(r.ok, r.reason).toBe(true);
const firstNode = (m: ArgumentMap) => Object.keys(m.nodes).sort()[0]!;

describe('operations on a live document', () => {
  it('runs an operation as one transaction with its origin and shows it on the other peer', () => {
    const { a, b } = pair();
    const id = firstNode(a.map);
    const origins: unknown[] = [];
    a.doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    ok(a.apply(editNode(id, { text: 'A new statement.' })));
    expect(origins).toEqual([a.origin]);
    expect(b.map.nodes[id]!.text).toBe('A new statement.');
    expect(serializeMap(b.map)).toBe(serializeMap(fromYDoc(a.doc)));
    expect(serializeMap(a.map)).toBe(serializeMap(fromYDoc(a.doc)));
  });

  it('refuses what the operation refuses, with its words, and writes nothing', () => {
    const { a } = pair();
    const before = Y.encodeStateVector(a.doc);
    const r = applyOperation(a.doc, editNode('no-such-node', { text: 'x' }), a.origin);
    expect(r).toEqual({ ok: false, reason: 'There is no node "no-such-node".' });
    expect(Y.encodeStateVector(a.doc)).toEqual(before);
  });

  it('keeps both people’s words when they type in one node at once', () => {
    const { a, b, link, join } = pair();
    const id = firstNode(a.map);
    ok(a.apply(editNode(id, { text: 'The letter shows caution.' })));
    link.apart = true;
    ok(a.apply(editNode(id, { text: 'The letter clearly shows caution.' })));
    ok(b.apply(editNode(id, { text: 'The letter shows caution about Korea.' })));
    join();
    expect(a.map.nodes[id]!.text).toBe('The letter clearly shows caution about Korea.');
    expect(b.map.nodes[id]!.text).toBe(a.map.nodes[id]!.text);
  });

  it('keeps edits of different fields of one node by two people', () => {
    const { a, b, link, join } = pair();
    const id = firstNode(a.map);
    link.apart = true;
    ok(a.apply(editNode(id, { title: 'Retitled' })));
    ok(b.apply(editNode(id, { kind: 'note' })));
    join();
    expect(a.map.nodes[id]).toMatchObject({ title: 'Retitled', kind: 'note' });
    expect(serializeMap(a.map)).toBe(serializeMap(b.map));
  });

  it('keeps both premises when two people link a premise into one inference at once', () => {
    const map = load(SHIPPED);
    const { a, b, link, join } = pair(map);
    const target = firstNode(map);
    const [p, q, s] = Object.keys(map.nodes).filter((n) => n !== target).slice(0, 3);
    ok(a.apply(connect({ id: a.freshId('r'), kind: 'supports', from: [p!], to: target })));
    ok(a.apply(connect({ id: a.freshId('r'), kind: 'supports', from: [q!], to: target })));
    ok(a.apply(connect({ id: a.freshId('r'), kind: 'supports', from: [s!], to: target })));
    const rels = Object.values(a.map.relations).filter((r) => r.to === target && [p, q, s].includes(r.from[0]!)).map((r) => r.id);
    link.apart = true;
    ok(a.apply(groupPremises([rels[0]!, rels[1]!])));
    ok(b.apply(groupPremises([rels[0]!, rels[2]!])));
    join();
    expect(a.map.relations[rels[0]!]!.from).toEqual([p, q, s]);
    expect(serializeMap(a.map)).toBe(serializeMap(b.map));
  });

  it('keeps both verdicts and both replies when two people judge and reply at once (ids the operations number themselves)', () => {
    const { a, b, link, join } = pair();
    const id = firstNode(a.map);
    ok(a.apply(startThread(a.freshId('th'), id, { author: 'instructor', at: '2026-01-01T10:00:00Z', text: 'Is this sound?' })));
    const thread = Object.keys(a.map.comments!).find((t) => a.map.comments![t]!.target === id && a.map.comments![t]!.messages[0]!.text === 'Is this sound?')!;
    link.apart = true;
    ok(a.apply(setEvaluation(id, 'student:ana', 'doubt', 'Too broad.')));
    ok(b.apply(setEvaluation(id, 'student:ben', 'accept')));
    ok(a.apply(reply(thread, { author: 'student:ana', at: '2026-01-01T10:01:00Z', text: 'No.' })));
    ok(b.apply(reply(thread, { author: 'student:ben', at: '2026-01-01T10:01:00Z', text: 'Yes.' })));
    join();
    for (const s of [a, b]) {
      const judges = Object.values(s.map.evaluations!).filter((e) => e.target === id).map((e) => e.by);
      expect(judges).toEqual(expect.arrayContaining(['student:ana', 'student:ben']));
      expect(s.map.comments![thread]!.messages.map((m) => m.text).slice(1).sort()).toEqual(['No.', 'Yes.']);
      expect(loadMap(serializeMap(s.map)).ok).toBe(true);
    }
    expect(serializeMap(a.map)).toBe(serializeMap(b.map));
  });

  it('tells a view which records each transaction touched, a peer’s too', () => {
    const { a, b } = pair();
    const id = firstNode(a.map);
    const seen: string[] = [];
    b.onChange((t) => seen.push(...[...(t.records.get('nodes') ?? [])].map((n) => `nodes/${n}`), ...[...t.positions].map((n) => `positions/${n}`)));
    ok(a.apply(editNode(id, { text: 'x' })));
    ok(a.apply(moveNodes({ [id]: { x: 1, y: 2 } })));
    expect(seen).toEqual([`nodes/${id}`, `positions/${id}`]);
  });

  it('gives what an operation adds under a plain id (unlink, paste) this peer’s id, so two peers doing it at once both keep theirs', () => {
    const map = load(SHIPPED);
    const { a, b, link, join } = pair(map);
    const [x, y, z] = Object.keys(map.nodes).sort().slice(-3);
    ok(a.apply(connect({ id: a.freshId('r'), kind: 'opposes', from: [x!, y!], to: z! })));
    const linked = Object.values(a.map.relations).filter((r) => r.from.length >= 2 && r.kind !== 'undercuts');
    expect(linked.length).toBeGreaterThanOrEqual(2);
    link.apart = true;
    const ra = a.apply(ungroupPremises(linked[0]!.id));
    const rb = b.apply(ungroupPremises(linked[1]!.id));
    ok(ra);
    ok(rb);
    const nodes = Object.keys(map.nodes).sort().slice(0, 2);
    const pasted = a.apply(insertFragment(cloneFragment(a.map, nodes, a.map, { x: 40, y: 40 })));
    ok(pasted);
    join();
    const count = 1 + Object.keys(map.relations).length + (linked[0]!.from.length - 1) + (linked[1]!.from.length - 1);
    expect(Object.keys(a.map.relations).length).toBeGreaterThanOrEqual(count);
    expect(serializeMap(a.map)).toBe(serializeMap(b.map));
    const renamed = pasted.ok ? [...(pasted.renamed ?? new Map()).values()] : [];
    expect(renamed.length).toBeGreaterThanOrEqual(2);
    for (const id of renamed) expect(Object.hasOwn(a.map.nodes, id) || Object.hasOwn(a.map.relations, id)).toBe(true);
    for (const id of renamed.filter((x) => Object.hasOwn(a.map.nodes, x))) expect(Object.hasOwn(a.map.view.positions, id)).toBe(true);
    expect(loadMap(serializeMap(a.map)).ok).toBe(true);
  });

  it('makes ids no other peer makes', () => {
    const { a, b } = pair();
    const ia = a.freshId('n');
    const ib = b.freshId('n');
    expect(ia).not.toBe(ib);
    expect(ia).toMatch(ID_PATTERN);
    ok(a.apply(addNode({ id: ia, kind: 'claim', text: 'A' })));
    expect(a.freshId('n')).not.toBe(ia);
  });
});

describe('undo in a live document', () => {
  it('undoes and redoes one operation as one step, with its label', () => {
    const { a, b } = pair();
    const id = firstNode(a.map);
    const before = serializeMap(a.map);
    ok(a.apply(editNode(id, { text: 'Changed.' })));
    expect(a.undoLabel()).toBe('Edit text');
    expect(a.undo()).toBe(true);
    expect(serializeMap(a.map)).toBe(before);
    expect(serializeMap(b.map)).toBe(before);
    expect(a.redo()).toBe(true);
    expect(b.map.nodes[id]!.text).toBe('Changed.');
  });

  it('never takes back another person’s change', () => {
    const { a, b } = pair();
    const [n1, n2] = Object.keys(a.map.nodes).sort();
    ok(a.apply(editNode(n1!, { text: 'Mine.' })));
    ok(b.apply(editNode(n2!, { text: 'Theirs.' })));
    ok(b.apply(editNode(n1!, { title: 'Their title' })));
    a.undo();
    expect(a.map.nodes[n2!]!.text).toBe('Theirs.');
    expect(a.map.nodes[n1!]!.title).toBe('Their title');
    expect(a.map.nodes[n1!]!.text).not.toBe('Mine.');
    expect(a.canUndo()).toBe(false);
    // A field the other person changed after me keeps their value when I undo mine.
    ok(a.apply(editNode(n1!, { kind: 'note' })));
    ok(b.apply(editNode(n1!, { kind: 'evidence' })));
    a.undo();
    expect(a.map.nodes[n1!]!.kind).toBe('evidence');
    expect(b.map.nodes[n1!]!.kind).toBe('evidence');
  });

  it('undoes a drag — many frames and the drop — as one step', () => {
    const { a, b } = pair();
    const id = firstNode(a.map);
    const start = a.map.view.positions[id];
    for (let i = 1; i <= 10; i++) ok(a.preview(moveNodes({ [id]: { x: i * 10, y: i } })));
    expect(b.map.view.positions[id]).toEqual({ x: 100, y: 10 });
    ok(a.apply(moveNodes({ [id]: { x: 120, y: 12 } })));
    ok(a.apply(setCollapsed(id, true)));
    a.undo();
    expect(a.map.view.positions[id]).toEqual({ x: 120, y: 12 });
    a.undo();
    expect(a.map.view.positions[id]).toEqual(start);
    expect(b.map.view.positions[id]).toEqual(start);
    expect(a.canUndo()).toBe(false);
  });

  it('takes back an unfinished drag, and labels redo', () => {
    const { a } = pair();
    const id = firstNode(a.map);
    const start = a.map.view.positions[id];
    ok(a.apply(editNode(id, { title: 'T' })));
    for (let i = 1; i <= 3; i++) ok(a.preview(moveNodes({ [id]: { x: i, y: i } })));
    a.cancelGesture();
    expect(a.map.view.positions[id]).toEqual(start);
    expect(a.canRedo()).toBe(false);
    expect(a.undoLabel()).toBe('Edit node');
    a.undo();
    expect(a.redoLabel()).toBe('Edit node');
  });

  it('amends the last step under its label (one undo takes both back), and only while it is the last', () => {
    const { a, b } = pair();
    const first = firstNode(a.map);
    const id = a.freshId('n');
    ok(a.apply(addNode({ id, kind: 'claim', text: '' }, { x: 0, y: 900 })));
    const step = a.lastStep()!;
    const label = a.undoLabel();
    ok(a.amendLast(step, editNode(id, { text: 'Written at once.' })));
    expect(a.lastStep()).toBe(step);
    expect(a.undoLabel()).toBe(label);
    expect(b.map.nodes[id]!.text).toBe('Written at once.');
    a.undo();
    expect(Object.hasOwn(a.map.nodes, id)).toBe(false);
    expect(a.canUndo()).toBe(false);
    // A step of its own after it: the creation is not the last step any more, and is left alone.
    a.redo();
    ok(a.apply(editNode(first, { title: 'Later' })));
    const r = a.amendLast(step, editNode(id, { text: 'Too late.' }));
    expect(r.ok).toBe(false);
    expect(a.map.nodes[id]!.text).toBe('Written at once.');
  });

  it('drops the last step without a redo of it; never another step, nor a co-author’s redo', () => {
    const { a, b } = pair();
    const first = firstNode(a.map);
    const id = a.freshId('n');
    ok(a.apply(editNode(first, { title: 'Kept' })));
    ok(a.apply(addNode({ id, kind: 'claim', text: '' }, { x: 0, y: 900 })));
    const step = a.lastStep()!;
    expect(a.dropLast(step)).toBe(true);
    expect(Object.hasOwn(b.map.nodes, id)).toBe(false);
    expect(a.canRedo()).toBe(false);
    expect(a.undoLabel()).toBe('Edit node');
    // Dropping it again (it is gone): nothing else is taken back.
    expect(a.dropLast(step)).toBe(false);
    expect(a.map.nodes[first]!.title).toBe('Kept');
    // With an undone step waiting for redo and nothing to drop, the redo stays.
    a.undo();
    expect(a.canRedo()).toBe(true);
    expect(a.dropLast(step)).toBe(false);
    expect(a.canRedo()).toBe(true);
    expect(a.redoLabel()).toBe('Edit node');
  });

  it('repairs what an undo would break: a relation from a node another person deleted meanwhile', () => {
    const map = load(SHIPPED);
    const { a, b } = pair(map);
    const [p, t] = Object.keys(map.nodes).sort();
    const r = a.freshId('r');
    ok(a.apply(connect({ id: r, kind: 'opposes', from: [p!], to: t! })));
    ok(a.apply(deleteNodes([t!])));
    expect(Object.hasOwn(a.map.relations, r)).toBe(false);
    ok(b.apply(deleteNodes([p!])));
    a.undo(); // brings back t and its relation from p, which b deleted
    expect(Object.hasOwn(a.map.nodes, t!)).toBe(true);
    expect(Object.hasOwn(a.map.relations, r)).toBe(false);
    for (const s of [a, b]) expect(loadMap(serializeMap(s.map)).ok).toBe(true);
    expect(serializeMap(a.map)).toBe(serializeMap(b.map));
  });
});

describe('concurrent edits that break a rule', () => {
  it('a relation connected to a node deleted at the same time goes, on both peers', () => {
    const map = load(SHIPPED);
    const { a, b, link, join } = pair(map);
    const [p, t] = Object.keys(map.nodes).sort();
    link.apart = true;
    ok(a.apply(deleteNodes([t!])));
    const r = b.freshId('r');
    ok(b.apply(connect({ id: r, kind: 'opposes', from: [p!], to: t! })));
    join();
    for (const s of [a, b]) {
      expect(Object.hasOwn(s.map.relations, r)).toBe(false);
      expect(loadMap(serializeMap(s.map)).ok).toBe(true);
    }
    expect(serializeMap(a.map)).toBe(serializeMap(b.map));
  });

  it('a linked inference loses only the premise deleted at the same time', () => {
    const map = load(SHIPPED);
    const { a, b, link, join } = pair(map);
    const linked = Object.values(map.relations).find((r) => r.from.length > 2 || (r.from.length === 2 && r.kind !== 'undercuts'));
    expect(linked, 'the shipped map has a linked inference').toBeDefined();
    const [gone, ...rest] = linked!.from;
    link.apart = true;
    ok(a.apply(deleteNodes([gone!])));
    ok(b.apply(editNode(linked!.to, { title: 'Edited meanwhile' })));
    join();
    for (const s of [a, b]) {
      expect(s.map.relations[linked!.id]!.from).toEqual(rest);
      expect(loadMap(serializeMap(s.map)).ok).toBe(true);
    }
  });
});
