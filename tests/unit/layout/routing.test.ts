import { describe, expect, it } from 'vitest';
import { loadAvoid } from '../../../arguments/cli/avoid';
import { EdgeRouter, pointAlong, segmentHitsRect, type RoutedRelation } from '../../../arguments/layout/routing';
import type { Rect } from '../../../arguments/geometry';

const avoid = await loadAvoid();
const cards = (entries: [string, Rect][]) => new Map(entries);
const rels = (entries: [string, RoutedRelation][]) => new Map(entries);
const crosses = (line: { x: number; y: number }[], r: Rect) => line.some((p, i) => i > 0 && segmentHitsRect(line[i - 1]!, p, { x: r.x + 1, y: r.y + 1, w: r.w - 2, h: r.h - 2 }));

describe('EdgeRouter', () => {
  // A premise and its claim with a card straight between them.
  const boxes = cards([
    ['P', { x: 0, y: 0, w: 100, h: 50 }],
    ['C', { x: 400, y: 0, w: 100, h: 50 }],
    ['X', { x: 180, y: -40, w: 120, h: 130 }],
    ['U', { x: 180, y: 300, w: 100, h: 50 }],
  ]);
  const relations = rels([
    ['s', { kind: 'supports', from: ['P'], to: 'C' }],
    ['u', { kind: 'undercuts', from: ['U'], to: 's' }],
  ]);

  it('routes around a card in the way, from side to side, and an undercut onto the inference point', () => {
    const routes = new EdgeRouter(avoid).route(boxes, relations);
    const s = routes.get('s')!;
    expect(crosses(s.line, boxes.get('X')!)).toBe(false);
    expect(s.line[0]!.x === 100 || s.line[0]!.y === 0 || s.line[0]!.y === 50).toBe(true);
    expect(s.inference).toEqual(pointAlong(s.line, 0.5));
    const u = routes.get('u')!;
    expect(u.line[u.line.length - 1]).toEqual(s.inference);
    expect(crosses(u.line, boxes.get('X')!)).toBe(false);
  });

  it('joins linked premises at one free point before one line goes on', () => {
    const linked = cards([
      ['A', { x: 0, y: 0, w: 100, h: 50 }],
      ['B', { x: 0, y: 100, w: 100, h: 50 }],
      ['C', { x: 400, y: 50, w: 100, h: 50 }],
    ]);
    const r = new EdgeRouter(avoid).route(linked, rels([['l', { kind: 'supports', from: ['A', 'B'], to: 'C' }]])).get('l')!;
    expect(r.branches).toHaveLength(2);
    for (const b of r.branches) expect(b[b.length - 1]).toEqual(r.inference);
    expect(r.line[0]).toEqual(r.inference);
    expect(r.line[r.line.length - 1]!.x).toBe(400);
  });

  it('reroutes after a move only the relations whose cards moved or came near', () => {
    const router = new EdgeRouter(avoid);
    router.route(boxes, relations);
    expect(router.lastRouted).toBe(2);
    router.route(boxes, relations);
    expect(router.lastRouted).toBe(0);
    const moved = new Map(boxes);
    moved.set('U', { x: 180, y: 320, w: 100, h: 50 });
    router.route(moved, relations);
    expect(router.lastRouted).toBe(1);
  });

  it('gives no route to a relation whose card is missing, and none to a circle of undercuts', () => {
    const routes = new EdgeRouter(avoid).route(
      boxes,
      rels([
        ['gone', { kind: 'supports', from: ['nowhere'], to: 'C' }],
        ['a', { kind: 'undercuts', from: ['U'], to: 'b' }],
        ['b', { kind: 'undercuts', from: ['P'], to: 'a' }],
      ]),
    );
    expect([...routes.keys()]).toEqual([]);
  });
});

describe('segmentHitsRect', () => {
  it('counts a pass through the inside, not a touch of the border', () => {
    const r = { x: 0, y: 0, w: 10, h: 10 };
    expect(segmentHitsRect({ x: -5, y: 5 }, { x: 15, y: 5 }, r)).toBe(true);
    expect(segmentHitsRect({ x: -5, y: 0 }, { x: 15, y: 0 }, r)).toBe(false);
    expect(segmentHitsRect({ x: -5, y: -5 }, { x: -1, y: 20 }, r)).toBe(false);
  });
});
