import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../../arguments/format/load';
import { estimateCardSize } from '../../../../arguments/layout/cardSize';
import { rectOfNode } from '../../../../arguments/layout/direction';
import type { ArgumentMap, Id } from '../../../../arguments/model';
import { fitRects, LEGIBLE_ZOOM, openingViewport, reasonsInOrder } from '../../../../renderer/canvas/viewports';

function shippedMap(): ArgumentMap {
  const r = loadMap(readFileSync(new URL('../../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url)));
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.map;
}

describe('openingViewport', () => {
  const map = shippedMap();
  const sizeOf = (id: Id) => (Object.hasOwn(map.nodes, id) ? estimateCardSize(map.nodes[id]!, map.sources) : undefined);
  /** The card's box on screen at viewport `v`. */
  const onScreen = (id: Id, v: { x: number; y: number; zoom: number }) => {
    const r = rectOfNode(map, id, sizeOf)!;
    return { x: r.x * v.zoom + v.x, y: r.y * v.zoom + v.y, w: r.w * v.zoom, h: r.h * v.zoom };
  };

  it('lists what bears on the thesis in numbered order, claims first', () => {
    expect(reasonsInOrder(map, 'T').slice(0, 4)).toEqual(['C1', 'C2', 'C3', 'C4']);
  });

  // The canvas of a 1440 x 900 window with both panes open, and of a 1600 x 1000 one.
  for (const canvas of [{ width: 690, height: 810 }, { width: 800, height: 910 }]) {
    it(`shows the thesis and the four claims whole at a legible zoom on a ${canvas.width} x ${canvas.height} canvas`, () => {
      const v = openingViewport(map, sizeOf, canvas)!;
      expect(v.zoom).toBeGreaterThanOrEqual(LEGIBLE_ZOOM);
      expect(v.zoom).toBeLessThanOrEqual(1);
      for (const id of ['T', 'C1', 'C2', 'C3', 'C4']) {
        const r = onScreen(id, v);
        expect(r.x, id).toBeGreaterThanOrEqual(0);
        expect(r.y, id).toBeGreaterThanOrEqual(0);
        expect(r.x + r.w, id).toBeLessThanOrEqual(canvas.width);
        expect(r.y + r.h, id).toBeLessThanOrEqual(canvas.height);
      }
    });
  }

  it('shows as many claims as fit legibly on a small canvas, and nothing for a map without a thesis', () => {
    const v = openingViewport(map, sizeOf, { width: 500, height: 400 })!;
    expect(v.zoom).toBeGreaterThanOrEqual(LEGIBLE_ZOOM);
    const noThesis: ArgumentMap = { ...map, nodes: Object.fromEntries(Object.entries(map.nodes).filter(([, n]) => n.kind !== 'thesis')) };
    expect(openingViewport(noThesis, sizeOf, { width: 800, height: 600 })).toBeNull();
  });
});

describe('fitRects', () => {
  it('centres the boxes, at most a little larger than life, at least the minimum zoom', () => {
    const one = fitRects([{ x: 0, y: 0, w: 260, h: 100 }], { width: 1000, height: 800 }, 0.05)!;
    expect(one.zoom).toBe(1.25);
    const far = fitRects([{ x: 0, y: 0, w: 100_000, h: 100 }], { width: 1000, height: 800 }, 0.05)!;
    expect(far.zoom).toBe(0.05);
    expect(fitRects([], { width: 1000, height: 800 }, 0.05)).toBeNull();
  });
});
