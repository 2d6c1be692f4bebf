import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../arguments/format/load';
import { serializeMap } from '../../arguments/format/serialize';
import { canRedo, canUndo, commit, createHistory, preview, redo, savePoint, squashLast, undo, undoLabel, type History, type Operation } from '../../arguments/history';
import { emptyMap, NODE_KINDS, RELATION_KINDS, type ArgumentMap } from '../../arguments/model';
import * as ops from '../../arguments/operations';
import { ALL_VERDICTS } from '../../arguments/analysis/evaluation';
import { HOSTILE_TEXTS, idArb, mapArb } from './arbitraries';

const ok = (h: History, op: Operation): History => {
  const r = commit(h, op);
  if (!r.ok) throw new Error(r.reason);
  return r.history;
};

const base = () => emptyMap('2026-11-26T00:00:00Z');

describe('history', () => {
  it('undoes and redoes changes inside items whose id is "constructor" (immer refuses such patch paths)', () => {
    let h = createHistory(base());
    h = ok(h, ops.addNode({ id: 'constructor', kind: 'claim', text: 'A claim' }, { x: 0, y: 0 }));
    h = ok(h, ops.addNode({ id: 'n2', kind: 'premise', text: 'A premise' }));
    h = ok(h, ops.connect({ id: 'r1', kind: 'supports', from: ['n2'], to: 'constructor' }));
    const steps: Operation[] = [
      ops.editNode('constructor', { text: 'A better claim', voice: 'critic' }),
      ops.moveNodes({ constructor: { x: 5, y: 6 } }),
      ops.setCollapsed('constructor', true),
      ops.setRelationKind('r1', 'opposes'),
      ops.deleteNodes(['constructor']),
    ];
    const states = [serializeMap(h.present)];
    for (const op of steps) {
      h = ok(h, op);
      states.push(serializeMap(h.present));
    }
    for (let i = states.length - 2; i >= 0; i--) {
      h = undo(h);
      expect(serializeMap(h.present)).toBe(states[i]);
    }
    for (let i = 1; i < states.length; i++) {
      h = redo(h);
      expect(serializeMap(h.present)).toBe(states[i]);
    }
  });

  it('records one step per commit and undoes and redoes it', () => {
    let h = createHistory(base());
    h = ok(h, ops.addNode({ id: 'c1', kind: 'claim', text: 'A claim' }, { x: 10, y: 20 }));
    h = ok(h, ops.editNode('c1', { text: 'A better claim' }));
    expect(undoLabel(h)).toBe('Edit text');
    h = undo(h);
    expect(h.present.nodes.c1?.text).toBe('A claim');
    h = undo(h);
    expect(h.present.nodes.c1).toBeUndefined();
    expect(h.present.view.positions.c1).toBeUndefined();
    expect(canUndo(h)).toBe(false);
    h = redo(redo(h));
    expect(h.present.nodes.c1?.text).toBe('A better claim');
    expect(canRedo(h)).toBe(false);
  });

  it('a new change after undo drops the redo branch', () => {
    let h = ok(createHistory(base()), ops.addNode({ id: 'a', kind: 'claim', text: '' }));
    h = undo(h);
    h = ok(h, ops.addNode({ id: 'b', kind: 'claim', text: '' }));
    expect(canRedo(h)).toBe(false);
    expect(Object.keys(h.present.nodes)).toEqual(['b']);
  });

  it('a refused operation leaves the history untouched and says why', () => {
    const h = ok(createHistory(base()), ops.addNode({ id: 'a', kind: 'claim', text: '' }));
    const r = commit(h, ops.addNode({ id: 'a', kind: 'premise', text: '' }));
    expect(r).toEqual({ ok: false, reason: 'The id "a" is already in use.' });
  });

  it('a drag of many frames is one undo step, back to where the drag began', () => {
    let h = ok(createHistory(base()), ops.addNode({ id: 'a', kind: 'claim', text: '' }, { x: 0, y: 0 }));
    for (let i = 1; i <= 60; i++) h = preview(h, ops.moveNodes({ a: { x: i, y: i * 2 } }));
    expect(h.present.view.positions.a).toEqual({ x: 60, y: 120 });
    expect(h.past).toHaveLength(1);
    h = ok(h, ops.moveNodes({ a: { x: 60, y: 120 } }));
    expect(h.past).toHaveLength(2);
    expect(h.past[1]?.patches).toHaveLength(1);
    h = undo(h);
    expect(h.present.view.positions.a).toEqual({ x: 0, y: 0 });
  });

  it('undo during a gesture cancels the gesture first', () => {
    let h = ok(createHistory(base()), ops.addNode({ id: 'a', kind: 'claim', text: '' }, { x: 0, y: 0 }));
    h = preview(h, ops.moveNodes({ a: { x: 5, y: 5 } }));
    h = undo(h);
    expect(h.present.nodes.a).toBeUndefined();
    h = redo(h);
    expect(h.present.view.positions.a).toEqual({ x: 0, y: 0 });
  });

  it('an operation that changes nothing adds no step', () => {
    let h = ok(createHistory(base()), ops.addNode({ id: 'a', kind: 'claim', text: 'x' }, { x: 0, y: 0 }));
    h = ok(h, ops.moveNodes({ a: { x: 0, y: 0 } }));
    expect(h.past).toHaveLength(1);
  });

  it('the save point tells whether the document is dirty, across undo and redo', () => {
    let h = ok(createHistory(base()), ops.addNode({ id: 'a', kind: 'claim', text: '' }));
    const saved = savePoint(h);
    h = ok(h, ops.editNode('a', { text: 'changed' }));
    expect(savePoint(h)).not.toBe(saved);
    h = undo(h);
    expect(savePoint(h)).toBe(saved);
  });
});

/** An abstract step, resolved against the current map so most steps are valid. */
const stepArb = fc.oneof(
  fc.record({ t: fc.constant('add' as const), kind: fc.constantFrom(...NODE_KINDS), text: fc.string(), x: fc.integer({ min: -500, max: 500 }) }),
  fc.record({ t: fc.constant('edit' as const), i: fc.nat(), text: fc.string(), voice: fc.option(fc.constantFrom('critic', 'analyst'), { nil: undefined }) }),
  fc.record({ t: fc.constant('delete' as const), i: fc.nat(), n: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ t: fc.constant('connect' as const), i: fc.nat(), j: fc.nat(), kind: fc.constantFrom(...RELATION_KINDS) }),
  fc.record({ t: fc.constant('disconnect' as const), i: fc.nat() }),
  fc.record({ t: fc.constant('rekind' as const), i: fc.nat(), kind: fc.constantFrom(...RELATION_KINDS) }),
  fc.record({ t: fc.constant('move' as const), i: fc.nat(), x: fc.integer(), y: fc.integer() }),
  fc.record({ t: fc.constant('group' as const), i: fc.nat() }),
  fc.record({ t: fc.constant('ungroup' as const), i: fc.nat() }),
  fc.record({ t: fc.constant('collapse' as const), i: fc.nat(), on: fc.boolean() }),
  fc.record({ t: fc.constant('quote' as const), i: fc.nat(), s: fc.nat() }),
  fc.record({ t: fc.constant('deleteSource' as const), s: fc.nat() }),
  // Ids anywhere, names of Object.prototype included: an operation must refuse them or keep the map loadable.
  fc.record({ t: fc.constant('connectAny' as const), i: fc.nat(), to: idArb, kind: fc.constantFrom(...RELATION_KINDS) }),
  fc.record({ t: fc.constant('editAny' as const), id: idArb, kind: fc.constantFrom(...NODE_KINDS) }),
  fc.record({ t: fc.constant('rekindNode' as const), i: fc.nat(), kind: fc.constantFrom(...NODE_KINDS) }),
  fc.record({ t: fc.constant('paste' as const), i: fc.nat(), n: fc.integer({ min: 1, max: 3 }) }),
  // The layers of version 2.
  fc.record({ t: fc.constant('evaluate' as const), i: fc.nat(), by: fc.constantFrom('analyst', 'critic', 'constructor'), verdict: fc.constantFrom(...ALL_VERDICTS), reason: fc.option(fc.constantFrom(...HOSTILE_TEXTS), { nil: undefined }) }),
  fc.record({ t: fc.constant('clearEvaluation' as const), i: fc.nat() }),
  fc.record({ t: fc.constant('comment' as const), i: fc.nat(), text: fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_TEXTS)) }),
  fc.record({ t: fc.constant('reply' as const), i: fc.nat(), text: fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_TEXTS)) }),
  fc.record({ t: fc.constant('resolve' as const), i: fc.nat(), on: fc.boolean() }),
  fc.record({ t: fc.constant('deleteThread' as const), i: fc.nat() }),
  fc.record({ t: fc.constant('deleteItems' as const), i: fc.nat(), j: fc.nat() }),
);
type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

function toOperation(map: ArgumentMap, step: Step): Operation | null {
  const nodes = Object.keys(map.nodes);
  const rels = Object.keys(map.relations);
  const sources = Object.keys(map.sources);
  const pick = <T>(xs: T[], i: number) => (xs.length ? xs[i % xs.length] : undefined);
  switch (step.t) {
    case 'add':
      return ops.addNode({ id: ops.freshId(map, 'n'), kind: step.kind, text: step.text }, { x: step.x, y: 0 });
    case 'edit': {
      const id = pick(nodes, step.i);
      return id ? ops.editNode(id, { text: step.text, voice: step.voice }) : null;
    }
    case 'delete':
      return nodes.length ? ops.deleteNodes([...new Set(Array.from({ length: step.n }, (_, k) => nodes[(step.i + k * 7) % nodes.length]!))]) : null;
    case 'connect': {
      const from = pick(nodes, step.i);
      const to = step.kind === 'undercuts' ? pick(rels, step.j) : pick(nodes, step.j);
      return from && to ? ops.connect({ id: ops.freshId(map, 'r'), kind: step.kind, from: [from], to }) : null;
    }
    case 'disconnect': {
      const id = pick(rels, step.i);
      return id ? ops.disconnect([id]) : null;
    }
    case 'rekind': {
      const id = pick(rels, step.i);
      return id ? ops.setRelationKind(id, step.kind) : null;
    }
    case 'move': {
      const id = pick(nodes, step.i);
      return id ? ops.moveNodes({ [id]: { x: step.x, y: step.y } }) : null;
    }
    case 'group': {
      const r = pick(Object.values(map.relations), step.i);
      const same = r ? Object.values(map.relations).filter((o) => o.to === r.to && o.kind === r.kind).map((o) => o.id) : [];
      return same.length >= 2 ? ops.groupPremises(same) : null;
    }
    case 'ungroup': {
      const id = pick(rels, step.i);
      return id ? ops.ungroupPremises(id) : null;
    }
    case 'collapse': {
      const id = pick(nodes, step.i);
      return id ? ops.setCollapsed(id, step.on) : null;
    }
    case 'quote': {
      const id = pick(nodes, step.i);
      const s = pick(sources, step.s);
      return id && s ? ops.anchorQuote(id, { source: s, exact: 'x', start: 0 }) : null;
    }
    case 'deleteSource': {
      const s = pick(sources, step.s);
      return s ? ops.deleteSource(s) : null;
    }
    case 'connectAny': {
      const from = pick(nodes, step.i);
      return from ? ops.connect({ id: ops.freshId(map, 'r'), kind: step.kind, from: [from], to: step.to }) : null;
    }
    case 'editAny':
      return ops.editNode(step.id, { kind: step.kind });
    case 'rekindNode': {
      const id = pick(nodes, step.i);
      return id ? ops.editNode(id, { kind: step.kind }) : null;
    }
    case 'paste': {
      const chosen = nodes.slice(step.i % Math.max(1, nodes.length), (step.i % Math.max(1, nodes.length)) + step.n);
      return chosen.length ? ops.insertFragment(ops.cloneFragment(map, chosen, map, { x: 40, y: 40 })) : null;
    }
    case 'evaluate': {
      const id = pick([...nodes, ...rels], step.i);
      return id ? ops.setEvaluation(id, step.by, step.verdict, step.reason, '2026-12-01T12:00:00Z') : null;
    }
    case 'clearEvaluation': {
      const e = pick(ops.evaluationList(map), step.i);
      return e ? ops.clearEvaluation(e.target, e.by) : null;
    }
    case 'comment': {
      const id = pick([...nodes, ...rels], step.i);
      return id ? ops.startThread(ops.freshThreadId(map), id, { author: 'critic', at: '2026-12-01T12:00:00Z', text: step.text }) : null;
    }
    case 'reply': {
      const t = pick(ops.threadList(map), step.i);
      return t ? ops.reply(t.id, { author: 'analyst', at: '2026-12-01T12:05:00Z', text: step.text }) : null;
    }
    case 'resolve': {
      const t = pick(ops.threadList(map), step.i);
      return t ? (step.on ? ops.resolveThread(t.id) : ops.reopenThread(t.id)) : null;
    }
    case 'deleteThread': {
      const t = pick(ops.threadList(map), step.i);
      return t ? ops.deleteThread(t.id) : null;
    }
    case 'deleteItems': {
      const n = pick(nodes, step.i);
      const r = pick(rels, step.j);
      return n || r ? ops.deleteItems(n ? [n] : [], r && !(n && map.relations[r]!.from.includes(n)) ? [r] : []) : null;
    }
  }
}

describe('squashing the last two steps', () => {
  it('undoes both as one step and redoes both, under the label given', () => {
    let h = createHistory(base());
    h = ok(h, ops.addNode({ id: 'a', kind: 'claim', text: 'First' }));
    const start = h.present;
    h = ok(h, ops.addNode({ id: 'n', kind: 'claim', text: '' }, { x: 1, y: 2 }));
    h = ok(h, ops.editNode('n', { text: 'The boycott was meant to end.' }));
    const end = h.present;
    h = squashLast(h, 'Add claim');
    expect(h.past.length).toBe(2);
    expect(undoLabel(h)).toBe('Add claim');
    h = undo(h);
    expect(h.present).toEqual(start);
    expect(h.past.length).toBe(1);
    h = redo(h);
    expect(h.present).toEqual(end);
  });

  it('leaves a history of fewer than two steps, or one in a gesture, as it is', () => {
    const one = ok(createHistory(base()), ops.addNode({ id: 'a', kind: 'claim', text: 'x' }));
    expect(squashLast(one, 'x')).toBe(one);
    const two = ok(one, ops.addNode({ id: 'b', kind: 'claim', text: 'y' }, { x: 0, y: 0 }));
    const dragging = preview(two, ops.moveNodes({ b: { x: 5, y: 5 } }));
    expect(squashLast(dragging, 'x')).toBe(dragging);
  });
});

describe('history over random operation sequences', () => {
  // Every operation, the layers' included, on maps with layers: its result passes every check of the loader.
  it('undo-all restores the start and redo-all the end; every state stays a valid map', () => {
    fc.assert(
      fc.property(mapArb, fc.array(stepArb, { maxLength: 25 }), (start, steps) => {
        let h = createHistory(start);
        for (const step of steps) {
          const op = toOperation(h.present, step);
          if (!op) continue;
          const r = commit(h, op);
          if (r.ok) h = r.history;
          // Every reachable state saves to a file that loads back to the same map.
          const reloaded = loadMap(serializeMap(h.present));
          if (!reloaded.ok) throw new Error(`after ${step.t}: ${JSON.stringify(reloaded.errors)}`);
          expect(reloaded.map).toEqual(h.present);
        }
        const end = h.present;
        while (canUndo(h)) h = undo(h);
        expect(h.present).toEqual(start);
        expect(serializeMap(h.present)).toBe(serializeMap(start));
        while (canRedo(h)) h = redo(h);
        expect(h.present).toEqual(end);
      }),
    );
  });
});
