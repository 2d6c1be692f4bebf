import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadAvoid, startFigureRouting } from '../../../arguments/cli/avoid';
import { layoutFigure } from '../../../arguments/export/layout';
import { scopeMap } from '../../../arguments/export/scope';
import { THEMES } from '../../../arguments/export/themes';
import type { Rect } from '../../../arguments/geometry';
import { EdgeRouter, type RoutedRelation } from '../../../arguments/layout/routing';
import { facingSegment } from '../../../arguments/layout/straight';
import { generateMap } from '../../../bench/generate';

const avoid = await loadAvoid();
await startFigureRouting();

/** Routes with the shortcut and with every arrow through libavoid; also how many routers each built. */
function both(cards: Map<string, Rect>, relations: Map<string, RoutedRelation>, buffer = 12) {
  const fast = new EdgeRouter(avoid, { buffer });
  const slow = new EdgeRouter(avoid, { buffer, shortcut: false });
  const a = fast.route(cards, relations);
  const b = slow.route(cards, relations);
  return { fast: a, slow: b, routers: { fast: fast.lastRouted, slow: slow.lastRouted } };
}

describe('facingSegment', () => {
  it('joins the middles of the facing sides of cards lined up, and nothing else', () => {
    expect(facingSegment({ x: 0, y: 0, w: 100, h: 50 }, { x: 20, y: 200, w: 60, h: 40 }, 10)).toEqual([
      { x: 50, y: 50 },
      { x: 50, y: 200 },
    ]);
    expect(facingSegment({ x: 300, y: 0, w: 100, h: 50 }, { x: 0, y: 5, w: 100, h: 40 }, 10)).toEqual([
      { x: 300, y: 25 },
      { x: 100, y: 25 },
    ]);
    // Off by a fraction of a pixel: libavoid would bend it.
    expect(facingSegment({ x: 0, y: 0, w: 100, h: 50 }, { x: 20.5, y: 200, w: 60, h: 40 }, 10)).toBeNull();
    // Nearer than two buffers: left to libavoid.
    expect(facingSegment({ x: 0, y: 0, w: 100, h: 50 }, { x: 0, y: 70, w: 100, h: 50 }, 10)).toBeNull();
  });
});

describe('the straight shortcut gives the routes libavoid gives', () => {
  it('on a card between two lined-up cards (routed) and beside them (straight)', () => {
    const cards = new Map<string, Rect>([
      ['P', { x: 0, y: 400, w: 100, h: 50 }],
      ['C', { x: 0, y: 0, w: 100, h: 50 }],
      ['X', { x: 20, y: 200, w: 60, h: 50 }],
      ['Q', { x: 300, y: 400, w: 100, h: 50 }],
      ['D', { x: 300, y: 0, w: 100, h: 50 }],
    ]);
    const relations = new Map<string, RoutedRelation>([
      ['blocked', { kind: 'supports', from: ['P'], to: 'C' }],
      ['clear', { kind: 'supports', from: ['Q'], to: 'D' }],
    ]);
    const { fast, slow, routers } = both(cards, relations);
    expect([...fast]).toEqual([...slow]);
    expect(fast.get('clear')!.line).toEqual([
      { x: 350, y: 400 },
      { x: 350, y: 50 },
    ]);
    expect(fast.get('blocked')!.line.length).toBeGreaterThan(2);
    expect(routers).toEqual({ fast: 1, slow: 2 });
  });

  it('on random columns of cards, bit for bit', () => {
    let skipped = 0;
    const card = fc.record({ col: fc.integer({ min: 0, max: 3 }), row: fc.integer({ min: 0, max: 5 }), w: fc.constantFrom(250, 180, 133.3), h: fc.integer({ min: 30, max: 160 }), dy: fc.double({ min: 0, max: 40, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(card, { minLength: 2, maxLength: 14 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 }), (specs, pairs) => {
        const cards = new Map<string, Rect>();
        specs.forEach((s, i) => cards.set(`n${i}`, { x: 305.0666666666667 * s.col + 7.1 - s.w / 2, y: 230.3 * s.row + s.dy, w: s.w, h: s.h }));
        const relations = new Map<string, RoutedRelation>();
        pairs.forEach(([a, b], i) => {
          const [from, to] = [`n${a % specs.length}`, `n${b % specs.length}`];
          if (from !== to) relations.set(`r${i}`, { kind: 'supports', from: [from], to });
        });
        const { fast, slow, routers } = both(cards, relations);
        expect([...fast]).toEqual([...slow]);
        skipped += routers.slow - routers.fast;
      }),
      { numRuns: 60, seed: 1401 },
    );
    // The shortcut was taken, not only refused.
    expect(skipped).toBeGreaterThan(20);
  });

  it('on a generated map of 300 nodes as the figure lays it out, with routers left out', () => {
    const map = generateMap(300);
    const layout = layoutFigure(map, scopeMap(map, { kind: 'all' }, { counters: true }), THEMES.print, { voices: true, legend: false });
    const cards = new Map<string, Rect>(layout.nodes.map((n) => [n.id, { x: n.x, y: n.y, w: n.w, h: n.h }]));
    const relations = new Map<string, RoutedRelation>(Object.values(map.relations).map((r) => [r.id, { kind: r.kind, from: r.from, to: r.to }]));
    const { fast, slow, routers } = both(cards, relations);
    expect([...fast]).toEqual([...slow]);
    expect(routers.fast).toBeLessThan(routers.slow * 0.9);
  });
});
