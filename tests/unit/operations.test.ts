import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../arguments/format/load';
import { commit, createHistory, undo, type Operation } from '../../arguments/history';
import type { ArgumentMap } from '../../arguments/model';
import * as ops from '../../arguments/operations';
import { serializeMap } from '../../arguments/format/serialize';

function fixture(): ArgumentMap {
  const r = loadMap(readFileSync(new URL('../fixtures/v1/full.argmap.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('fixture does not load');
  return r.map;
}

function apply(map: ArgumentMap, op: Operation): ArgumentMap {
  const r = commit(createHistory(map), op);
  if (!r.ok) throw new Error(r.reason);
  return r.history.present;
}

function refusal(map: ArgumentMap, op: Operation): string {
  const r = commit(createHistory(map), op);
  if (r.ok) throw new Error('expected a refusal');
  return r.reason;
}

describe('deleting nodes', () => {
  it('removes the relations that touch the node and the undercuts of those relations', () => {
    // c is the target of r2 (undercut by r5) and the source of r1.
    const map = apply(fixture(), ops.deleteNodes(['c']));
    expect(map.nodes.c).toBeUndefined();
    expect(Object.keys(map.relations).sort()).toEqual(['r3', 'r6', 'r7']);
    expect(map.view.positions.c).toBeUndefined();
  });

  it('a linked inference loses only the deleted co-premise', () => {
    const map = apply(fixture(), ops.deleteNodes(['p2']));
    expect(map.relations.r2?.from).toEqual(['p1']);
    expect(map.relations.r5?.to).toBe('r2');
  });

  it('removes collapsed state of deleted nodes', () => {
    expect(apply(fixture(), ops.deleteNodes(['k'])).view.collapsed).toEqual([]);
  });

  it('undo brings back the node with all its relations', () => {
    const start = fixture();
    const r = commit(createHistory(start), ops.deleteNodes(['c', 'p1']));
    expect(r.ok && undo(r.history).present).toEqual(start);
  });
});

describe('relations', () => {
  it('connect refuses a second identical relation, self-loops and undercuts of nodes', () => {
    const map = fixture();
    expect(refusal(map, ops.connect({ id: 'rx', kind: 'supports', from: ['c'], to: 't' }))).toBe('Relation "rx" repeats relation "r1": both supports "t" from the same premises. Remove one of them.');
    expect(refusal(map, ops.connect({ id: 'rx', kind: 'supports', from: ['c'], to: 'c' }))).toBe('Relation "rx" connects node "c" to itself: a node cannot support or attack itself.');
    expect(refusal(map, ops.connect({ id: 'rx', kind: 'undercuts', from: ['o'], to: 'c' }))).toMatch(/connect it to an arrow/);
    expect(refusal(map, ops.connect({ id: 'rx', kind: 'opposes', from: ['o'], to: 'r2' }))).toMatch(/only an undercut can target an arrow/);
  });

  it('disconnect also removes undercuts of the removed inference', () => {
    const map = apply(fixture(), ops.disconnect(['r2']));
    expect(map.relations.r2).toBeUndefined();
    expect(map.relations.r5).toBeUndefined();
    expect(map.nodes.o).toBeDefined();
  });

  it('changing a relation kind checks the target', () => {
    expect(apply(fixture(), ops.setRelationKind('r1', 'opposes')).relations.r1?.kind).toBe('opposes');
    expect(refusal(fixture(), ops.setRelationKind('r1', 'undercuts'))).toMatch(/connect it to an arrow/);
  });

  it('grouping links premises into one inference and keeps undercuts attached', () => {
    let map = apply(fixture(), ops.ungroupPremises('r2'));
    const split = Object.values(map.relations).filter((r) => r.to === 'c' && r.kind === 'supports');
    expect(split.map((r) => r.from)).toEqual([['p1'], ['p2']]);
    const other = split.find((r) => r.id !== 'r2')!.id;
    map = apply(map, ops.connect({ id: 'ru', kind: 'undercuts', from: ['b'], to: other }));
    map = apply(map, ops.groupPremises(['r2', other]));
    expect(map.relations.r2?.from).toEqual(['p1', 'p2']);
    expect(map.relations[other]).toBeUndefined();
    expect(map.relations.ru?.to).toBe('r2');
  });

  it('grouping refuses arrows into different claims', () => {
    expect(refusal(fixture(), ops.groupPremises(['r1', 'r3']))).toBe('Only arrows of the same kind into the same claim can be linked.');
  });
});

describe('editing', () => {
  it('edits text and removes an optional field with undefined, keeping unknown fields', () => {
    const map = apply(fixture(), ops.editNode('k', { text: 'New', voice: undefined }));
    expect(map.nodes.k).toEqual({ id: 'k', kind: 'counter', text: 'New', futureNodeField: [1, 2, 3] });
  });

  it('freshId skips ids used anywhere in the map', () => {
    expect(ops.freshId(fixture(), 'r')).toBe('r8');
    expect(ops.freshId(fixture(), 'p')).toBe('p3');
  });
});

describe('fragments (paste, make evidence)', () => {
  it('copying nodes brings the relations among them, with fresh ids, shifted', () => {
    const map = fixture();
    const frag = ops.cloneFragment(map, ['p1', 'p2', 'c', 'o'], map, { x: 40, y: 40 });
    expect(frag.nodes.map((n) => n.text)).toEqual(['First co-premise.', 'Second co-premise.', 'A claim.', 'An objection.']);
    expect(frag.nodes.every((n) => !map.nodes[n.id])).toBe(true);
    const [p1, p2, c, o] = frag.nodes.map((n) => n.id);
    const linked = frag.relations.find((r) => r.kind === 'supports')!;
    expect(linked.from).toEqual([p1, p2]);
    expect(linked.to).toBe(c);
    expect(frag.relations.find((r) => r.kind === 'undercuts')).toMatchObject({ from: [o], to: linked.id });
    // r1 (c -> t) is left out: t was not copied.
    expect(frag.relations).toHaveLength(2);
    expect(frag.positions[c!]).toEqual({ x: 40, y: 240 });
    const pasted = apply(map, ops.insertFragment(frag));
    expect(Object.keys(pasted.nodes)).toHaveLength(Object.keys(map.nodes).length + 4);
  });

  it('a fragment is refused whole if one relation is invalid', () => {
    const map = fixture();
    const reason = refusal(map, ops.insertFragment({ nodes: [{ id: 'n1', kind: 'evidence', text: '' }], relations: [{ id: 'rn', kind: 'undercuts', from: ['n1'], to: 't' }], positions: {} }));
    expect(reason).toMatch(/connect it to an arrow/);
  });
});

describe('the loader\u2019s limits (arguments/limits.ts), checked by every edit', () => {
  it('refuse an edit past them in the loader\u2019s own sentences, and change nothing', () => {
    const map = fixture();
    const [node] = Object.keys(map.nodes);
    const [relation] = Object.keys(map.relations);
    expect(refusal(map, ops.editNode(node!, { text: 'x'.repeat(10 * 1024 * 1024) }))).toBe(
      "A node's text can be at most 100,000 characters long, and this one has 10,485,760. Shorten it, or split it.",
    );
    expect(refusal(map, ops.editNode(node!, { title: 't'.repeat(10_001) }))).toMatch(/^A title can be at most 10,000 characters long/);
    expect(refusal(map, ops.moveNodes({ [node!]: { x: 1e300, y: 0 } }))).toBe(
      'A position must be within 10,000,000 px of the origin either way, and this one is 1e+300. Move the node nearer the rest of the map.',
    );
    expect(refusal(map, ops.moveNodes({ [node!]: { x: Number.NaN, y: 0 } }))).toBe('A position must be a finite number.');
    expect(refusal(map, ops.connect({ id: 'rX', kind: 'supports', from: [node!], to: node!, voice: 'v'.repeat(10_001) }))).toMatch(/^This field can be at most 10,000 characters long/);
    expect(refusal(map, ops.setRelationVoice(relation!, 'v'.repeat(10_001)))).toMatch(/^This field can be at most 10,000 characters long/);
    expect(refusal(map, ops.setMeta({ description: 'd'.repeat(100_001) }))).toMatch(/^A map's description can be at most 100,000 characters long/);
    expect(refusal(map, ops.addNode({ id: 'bad id', kind: 'note', text: '' }))).toMatch(/is not a usable id/);
  });

  it('allow an edit up to them, and the map saves and loads', () => {
    const map = apply(apply(fixture(), ops.addNode({ id: 'long', kind: 'note', text: 'x'.repeat(100_000) }, { x: -10_000_000, y: 10_000_000 })), ops.setMeta({ title: 't'.repeat(10_000) }));
    const reloaded = loadMap(serializeMap(map));
    expect(reloaded.ok && reloaded.map).toEqual(map);
  });
});

describe('moving many nodes at once (an auto-layout)', () => {
  /** The fixture with `extra` notes added, each placed. */
  function crowded(extra: number): ArgumentMap {
    let map = fixture();
    for (let i = 0; i < extra; i++) map = apply(map, ops.addNode({ id: `note${i}`, kind: 'note', text: `n${i}` }, { x: i, y: -i }));
    return map;
  }

  it('is one step of one patch past WHOLE_POSITIONS_ABOVE nodes, undone whole, leaving unmoved nodes where they were', () => {
    const map = crowded(ops.WHOLE_POSITIONS_ABOVE + 20);
    const moved: Record<string, { x: number; y: number }> = {};
    for (const id of Object.keys(map.nodes)) if (id.startsWith('note')) moved[id] = { x: 1000 + map.view.positions[id]!.x, y: -0 };
    const r = commit(createHistory(map), ops.moveNodes(moved));
    if (!r.ok) throw new Error(r.reason);
    expect(r.change.patches).toHaveLength(1);
    expect(r.change.inverse).toHaveLength(1);
    const after = r.history.present;
    for (const [id, p] of Object.entries(moved)) expect(after.view.positions[id]).toEqual({ x: p.x, y: 0 });
    expect(Object.is(after.view.positions.note0!.y, -0)).toBe(false);
    for (const id of Object.keys(map.view.positions)) if (!id.startsWith('note')) expect(after.view.positions[id]).toBe(map.view.positions[id]);
    expect(Object.isFrozen(after.view.positions) && Object.isFrozen(after.view.positions.note0)).toBe(true);
    expect(undo(r.history).present.view.positions).toEqual(map.view.positions);
    // The map saves and loads as it is shown.
    const reloaded = loadMap(serializeMap(after));
    expect(reloaded.ok && reloaded.map.view.positions).toEqual(after.view.positions);
  });

  it('records only what moved below it, and refuses a bad point among many in the schema’s words', () => {
    const map = crowded(3);
    const r = commit(createHistory(map), ops.moveNodes({ note0: { x: 5, y: 5 }, note1: map.view.positions.note1!, note2: { x: 7, y: 8 } }));
    if (!r.ok) throw new Error(r.reason);
    expect(r.change.patches.map((p) => p.path.join('.')).sort()).toEqual(['view.positions.note0', 'view.positions.note2']);
    const big = crowded(ops.WHOLE_POSITIONS_ABOVE + 1);
    const many: Record<string, { x: number; y: number }> = {};
    for (const id of Object.keys(big.nodes)) many[id] = { x: 1, y: 2 };
    many.note50 = { x: 0, y: -2e7 };
    expect(refusal(big, ops.moveNodes(many))).toBe('A position must be within 10,000,000 px of the origin either way, and this one is -20,000,000. Move the node nearer the rest of the map.');
  });
});
