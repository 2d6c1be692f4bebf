import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rect } from '../../../arguments/geometry';
import { readingDirection } from '../../../arguments/layout/direction';
import { LAYER_GAP, PLACEMENT_GAP, placeFree, placeGroup, placeNear, reasonsFor } from '../../../arguments/layout/placement';
import type { ArgumentMap, Id, NodeKind, Point, Relation } from '../../../arguments/model';

const W = 260;
const H = 100;
const size = { width: W, height: H };
const sizeOf = () => size;

function mapOf(nodes: [Id, NodeKind, Point][], relations: [Id, Relation['kind'], Id[], Id][] = []): ArgumentMap {
  return {
    meta: { title: 't', authors: [], created: '', modified: '' },
    sources: {},
    nodes: Object.fromEntries(nodes.map(([id, kind]) => [id, { id, kind, text: id }])),
    relations: Object.fromEntries(relations.map(([id, kind, from, to]) => [id, { id, kind, from, to }])),
    view: { positions: Object.fromEntries(nodes.map(([id, , p]) => [id, p])), collapsed: [] },
  };
}

const rect = (p: Point): Rect => ({ x: p.x, y: p.y, w: W, h: H });
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
/** Whether `p` keeps clear of every card of `map` (touching allowed, overlapping not). */
const clear = (map: ArgumentMap, p: Point) => Object.values(map.view.positions).every((q) => !overlap(rect(p), rect(q)));
const add = (map: ArgumentMap, id: Id, p: Point): ArgumentMap => ({
  ...map,
  nodes: { ...map.nodes, [id]: { id, kind: 'premise', text: id } },
  view: { ...map.view, positions: { ...map.view.positions, [id]: p } },
});

describe('placeNear', () => {
  it('puts the first reason for a node one column to its right, level with it', () => {
    const map = mapOf([['T', 'thesis', { x: 0, y: 0 }]]);
    expect(placeNear(map, sizeOf, 'T', size, 'right')).toEqual({ x: W + LAYER_GAP, y: 0 });
  });

  it("puts a further reason below the last of the node's reasons, in their column", () => {
    const map = mapOf(
      [['T', 'thesis', { x: 0, y: 0 }], ['A', 'claim', { x: 400, y: -50 }], ['B', 'claim', { x: 400, y: 80 }]],
      [['r1', 'supports', ['A'], 'T'], ['r2', 'supports', ['B'], 'T']],
    );
    expect(placeNear(map, sizeOf, 'T', size)).toEqual({ x: 400, y: 80 + H + PLACEMENT_GAP });
  });

  it('slides past a card in the way instead of covering it, and moves nothing', () => {
    const map = mapOf(
      [['T', 'thesis', { x: 0, y: 0 }], ['A', 'claim', { x: 400, y: 0 }], ['X', 'note', { x: 400, y: 130 }]],
      [['r1', 'supports', ['A'], 'T']],
    );
    const before = structuredClone(map.view.positions);
    const p = placeNear(map, sizeOf, 'T', size)!;
    expect(clear(map, p)).toBe(true);
    expect(p.x).toBe(400);
    expect(p.y).toBe(130 + H + PLACEMENT_GAP);
    expect(map.view.positions).toEqual(before);
  });

  it('goes below the node in a map arranged in rows', () => {
    const map = mapOf(
      [['T', 'thesis', { x: 0, y: 0 }], ['A', 'claim', { x: 0, y: 300 }], ['B', 'claim', { x: 300, y: 300 }]],
      [['r1', 'supports', ['A'], 'T'], ['r2', 'supports', ['B'], 'T']],
    );
    expect(readingDirection(map, sizeOf)).toBe('down');
    expect(placeNear(map, sizeOf, 'T', size)).toEqual({ x: 300 + W + PLACEMENT_GAP, y: 300 });
  });

  it('counts undercutters of the inferences into a node among its reasons', () => {
    const map = mapOf(
      [['T', 'thesis', { x: 0, y: 0 }], ['A', 'claim', { x: 400, y: 0 }], ['U', 'counter', { x: 400, y: 200 }]],
      [['r1', 'supports', ['A'], 'T'], ['u1', 'undercuts', ['U'], 'r1']],
    );
    expect(reasonsFor(map, 'T').sort()).toEqual(['A', 'U']);
  });

  it('gives null for a node that is not placed, and finds ids such as toString', () => {
    const map = mapOf([['toString', 'thesis', { x: 0, y: 0 }]]);
    expect(placeNear(map, sizeOf, 'constructor', size)).toBeNull();
    expect(placeNear(map, sizeOf, 'toString', size, 'right')).toEqual({ x: W + LAYER_GAP, y: 0 });
  });
});

describe('placeFree', () => {
  it('keeps the asked-for spot when it is free', () => {
    const map = mapOf([['T', 'thesis', { x: 0, y: 0 }]]);
    expect(placeFree(map, sizeOf, { x: 1000, y: 1000 }, size)).toEqual({ x: 1000, y: 1000 });
  });

  it('never puts two new nodes at the same place (twenty added at the centre of the view)', () => {
    let map = mapOf([['T', 'thesis', { x: 0, y: 0 }]]);
    for (let i = 0; i < 20; i++) {
      const p = placeFree(map, sizeOf, { x: 10, y: 10 }, size);
      expect(clear(map, p), `node ${i}`).toBe(true);
      map = add(map, `n${i}`, p);
    }
    const spots = new Set(Object.values(map.view.positions).map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(21);
  });

  it('lands clear of every card whatever the map, by any route (property)', () => {
    const point = fc.record({ x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }) });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 25 }), fc.array(fc.tuple(fc.nat(3), point), { minLength: 1, maxLength: 12 }), (cards, adds) => {
        // The existing cards may overlap one another (a historian's drag); new ones never touch any.
        let map = mapOf(cards.map((p, i) => [`c${i}`, 'premise', p] as [Id, NodeKind, Point]));
        adds.forEach(([route, at], i) => {
          const ids = Object.keys(map.nodes);
          const parent = ids[at.x % Math.max(1, ids.length)] ?? '';
          const p =
            route === 0 && ids.length > 0
              ? placeNear(map, sizeOf, parent, size) ?? placeFree(map, sizeOf, at, size)
              : route === 1
                ? placeFree(map, sizeOf, at, size, 'down')
                : placeFree(map, sizeOf, at, size);
          expect(clear(map, p)).toBe(true);
          map = add(map, `new${i}`, p);
        });
      }),
    );
  });
});

describe('placeGroup', () => {
  it('moves pasted nodes as one group, keeping their arrangement, clear of every card', () => {
    const map = mapOf([['A', 'claim', { x: 0, y: 0 }], ['B', 'premise', { x: 400, y: 0 }]], [['r', 'supports', ['B'], 'A']]);
    const group = [rect({ x: 0, y: 0 }), rect({ x: 400, y: 0 })];
    const shift = placeGroup(map, sizeOf, group);
    const moved = group.map((r) => ({ x: r.x + shift.x, y: r.y + shift.y }));
    for (const p of moved) expect(clear(map, p)).toBe(true);
    expect(moved[1]!.x - moved[0]!.x).toBe(400);
    expect(moved[1]!.y).toBe(moved[0]!.y);
    expect(placeGroup(map, sizeOf, [])).toEqual({ x: 0, y: 0 });
  });

  it('pastes the same nodes twice without one paste covering the other', () => {
    let map = mapOf([['A', 'claim', { x: 0, y: 0 }]]);
    for (let i = 0; i < 5; i++) {
      const shift = placeGroup(map, sizeOf, [rect({ x: 0, y: 0 })]);
      expect(clear(map, shift)).toBe(true);
      map = add(map, `p${i}`, shift);
    }
  });
});
