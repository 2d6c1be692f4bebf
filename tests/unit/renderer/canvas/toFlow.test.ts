import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../../arguments/format/load';
import type { ArgNode, ArgumentMap, Relation } from '../../../../arguments/model';
import { estimateCardSize } from '../../../../arguments/layout/cardSize';
import { voiceClass } from '../../../../renderer/canvas/layers';
import { edgeIdsOf, hiddenByCollapse, relationOfEdge, toFlowEdges, toFlowNodes } from '../../../../renderer/canvas/toFlow';

function seed(): ArgumentMap {
  const r = loadMap(readFileSync(new URL('../../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('seed does not load');
  return r.map;
}

describe('map to React Flow', () => {
  it('one node per map node; one edge per premise of each inference; undercuts end at the attacked inference', () => {
    const map = seed();
    const nodes = toFlowNodes(map, new Set(), new Map());
    expect(nodes).toHaveLength(39);
    const edges = toFlowEdges(map, new Set());
    expect(edges).toHaveLength(41);
    const linked = edges.filter((e) => relationOfEdge(e.id) === 'r.P1.C1');
    expect(linked.map((e) => e.source)).toEqual(['P1a', 'P1b']);
    const undercut = edges.find((e) => e.id === 'r.O1')!;
    expect(undercut.type).toBe('undercut');
    expect(undercut.data).toMatchObject({ attacks: 'r.P1.C1', attackedPremises: ['P1a', 'P1b'], attackedTarget: 'C1' });
    expect(edgeIdsOf(map.relations['r.P1.C1']!)).toEqual(['r.P1.C1::0', 'r.P1.C1::1']);
  });

  it('a voiced card carries its voice’s class on React Flow’s wrapper (a hidden layer’s rule takes it away); an unvoiced one none', () => {
    const map = seed();
    const nodes = toFlowNodes(map, new Set(), new Map());
    const voiced = nodes.filter((n) => map.nodes[n.id]!.voice !== undefined);
    expect(voiced.length).toBeGreaterThan(0);
    for (const n of voiced) expect(n.className).toBe(voiceClass(map.nodes[n.id]!.voice));
    for (const n of nodes.filter((n) => map.nodes[n.id]!.voice === undefined)) expect(n.className).toBeUndefined();
  });

  it('reuses the objects of unchanged nodes, so a drag re-renders one node', () => {
    const map = seed();
    const first = toFlowNodes(map, new Set(), new Map());
    const moved: ArgumentMap = { ...map, view: { ...map.view, positions: { ...map.view.positions, E1a: { x: 1, y: 2 } } } };
    const second = toFlowNodes(moved, new Set(), new Map());
    const changed = second.filter((n, i) => n !== first[i]).map((n) => n.id);
    expect(changed).toEqual(['E1a']);
  });

  it('a drag frame (positions alone changed, the same selection and sizes) gives the moved node its new position and keeps every other object', () => {
    const map = seed();
    const selected = new Set<string>();
    const sizes = new Map();
    const first = toFlowNodes(map, selected, sizes);
    const moved: ArgumentMap = { ...map, view: { ...map.view, positions: { ...map.view.positions, E1a: { x: 1, y: 2 } } } };
    const second = toFlowNodes(moved, selected, sizes);
    expect(second.filter((n, i) => n !== first[i]).map((n) => [n.id, n.position])).toEqual([['E1a', { x: 1, y: 2 }]]);
    // The same nodes as a fresh conversion of the moved map.
    const fresh = toFlowNodes(moved, new Set(), new Map());
    expect(second.map((n) => [n.id, n.position, n.measured])).toEqual(fresh.map((n) => [n.id, n.position, n.measured]));
  });

  it('a card not measured yet has its estimated size and handles up front (so a large map can cull it unmounted); a measurement replaces both', () => {
    const map = seed();
    const [unmeasured] = toFlowNodes(map, new Set(), new Map());
    const estimate = estimateCardSize(map.nodes[unmeasured!.id]!, map.sources);
    // Half a pixel more than the estimate: React Flow measures whole pixels and reports a size only
    // when it differs from `measured`, so an exact estimate would never be reported and the
    // opening view (which waits for every card of a small map) would never come.
    expect(unmeasured!.measured).toEqual({ width: Math.floor(estimate.width) + 0.5, height: Math.floor(estimate.height) + 0.5 });
    expect(Object.values(toFlowNodes(map, new Set(), new Map())).every((n) => !Number.isInteger(n.measured!.width) && !Number.isInteger(n.measured!.height))).toBe(true);
    expect(unmeasured!.handles?.map((h) => [h.id, h.type, h.position])).toEqual([
      ['left', 'source', 'left'],
      ['right', 'source', 'right'],
    ]);
    // The right handle sits on the card's right side, both at half its height.
    expect(unmeasured!.handles!.map((h) => h.x + h.width! / 2)).toEqual([0, estimate.width]);
    expect(unmeasured!.handles!.map((h) => h.y + h.height! / 2)).toEqual([estimate.height / 2, estimate.height / 2]);
    const measured = { width: 260, height: 321 };
    const [after] = toFlowNodes(map, new Set(), new Map([[unmeasured!.id, measured]]));
    expect(after!.measured).toEqual(measured);
    expect(after!.handles).toBeUndefined();
  });

  it('collapsing a claim hides what bears on it only, not nodes that also bear on something visible', () => {
    const map = seed();
    const hidden = hiddenByCollapse(map.relations, ['C2a']);
    // E2b supports C2a (collapsed) and P4a (visible): it stays. O3 opposes only C2a: hidden.
    expect(hidden.has('O3')).toBe(true);
    expect(hidden.has('E2b')).toBe(false);
    const c1 = hiddenByCollapse(map.relations, ['C1']);
    // E1d supports only the (hidden) objection O1, so it goes too; E0a also supports P0 and stays.
    expect([...c1].sort()).toEqual(['E1a', 'E1b', 'E1c', 'E1d', 'K1', 'O1', 'O2', 'P1a', 'P1b']);
  });
});

describe('ids that are names of Object.prototype', () => {
  it('a node "toString" with no position sits at the origin, and an undercut of a relation "constructor" reaches its target', () => {
    // Built from entries: an object literal with a key "toString" is typed as Object's method.
    const nodes_: ArgNode[] = [
      { id: 'toString', kind: 'claim', text: 'A claim' },
      { id: 'valueOf', kind: 'premise', text: 'A premise' },
      { id: 'hasOwnProperty', kind: 'counter', text: 'An objection' },
    ];
    const relations: Relation[] = [
      { id: 'constructor', kind: 'supports', from: ['valueOf'], to: 'toString' },
      { id: 'isPrototypeOf', kind: 'undercuts', from: ['hasOwnProperty'], to: 'constructor' },
    ];
    const map: ArgumentMap = {
      meta: { title: 'm', authors: [], created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z' },
      sources: {},
      nodes: Object.fromEntries(nodes_.map((n) => [n.id, n])),
      relations: Object.fromEntries(relations.map((r) => [r.id, r])),
      view: { positions: { valueOf: { x: 5, y: 6 } }, collapsed: [] },
    };
    const nodes = toFlowNodes(map, new Set(), new Map());
    expect(nodes.find((n) => n.id === 'toString')!.position).toEqual({ x: 0, y: 0 });
    const undercut = toFlowEdges(map, new Set()).find((e) => e.id === 'isPrototypeOf')!;
    expect(undercut).toMatchObject({ source: 'hasOwnProperty', target: 'toString', data: { attacks: 'constructor' } });
    // An undercut whose target is no relation draws nothing (not the prototype's "constructor").
    const dangling: ArgumentMap = { ...map, relations: { isPrototypeOf: { ...relations[1]!, to: 'valueOf' } } };
    expect(toFlowEdges(dangling, new Set())).toEqual([]);
    expect([...hiddenByCollapse(map.relations, ['toString'])].sort()).toEqual(['hasOwnProperty', 'valueOf']);
  });
});
