// The map's overview (renderer/canvas/overviewPaths.ts, drawn by Overview.tsx): every visible card is drawn in its kind's
// and voice's path, a collapsed one or a hidden voice's is not, and the view box holds both the cards and the part in view.
import { describe, expect, it } from 'vitest';
import { emptyMap } from '../../../../arguments/model';
import { overviewBox, overviewGroups, OVERVIEW_SIZE, shownGroups } from '../../../../renderer/canvas/overviewPaths';

function map() {
  const m = emptyMap('2026-01-02T03:04:05.000Z', 'Overview');
  m.nodes.t = { id: 't', kind: 'thesis', text: 'Thesis' };
  m.nodes.e1 = { id: 'e1', kind: 'evidence', text: 'One' };
  m.nodes.e2 = { id: 'e2', kind: 'evidence', text: 'Two', voice: 'critic' };
  m.nodes['toString'] = { id: 'toString', kind: 'note', text: 'A note with an awkward id' };
  m.view.positions = { t: { x: 0, y: 0 }, e1: { x: 400.4, y: -100 }, e2: { x: 400, y: 200 }, toString: { x: -300, y: 50 } };
  return m;
}

describe('the overview', () => {
  const size = () => ({ width: 100, height: 50 });

  it('draws each card as a box in its kind’s path, one path per voice, and leaves collapsed cards out', () => {
    const groups = overviewGroups(map(), size, new Set(['toString']));
    expect(groups.map((g) => [g.kind, g.voice, g.d])).toEqual([
      ['thesis', undefined, 'M0 0h100v50h-100z'],
      ['evidence', undefined, 'M400 -100h100v50h-100z'],
      ['evidence', 'critic', 'M400 200h100v50h-100z'],
    ]);
    expect(shownGroups(groups, {}).bounds).toEqual({ x: 0, y: -100, w: 500, h: 350 });
  });

  it('a hidden voice’s boxes leave the drawing and its bounds, a dimmed one’s stay, without drawing anew', () => {
    const groups = overviewGroups(map(), size, new Set());
    const hidden = shownGroups(groups, { critic: 'hidden' });
    expect(hidden.groups.map((g) => g.voice)).not.toContain('critic');
    expect(hidden.groups.every((g) => groups.includes(g))).toBe(true);
    expect(hidden.bounds).toEqual({ x: -300, y: -100, w: 800, h: 200 });
    expect(shownGroups(groups, { critic: 'dimmed' }).groups).toEqual(groups);
    expect(shownGroups(groups, { critic: 'hidden', undefined: 'hidden' }).groups).toHaveLength(3);
  });

  it('an empty map has no bounds; its box is the view', () => {
    const { groups, bounds } = shownGroups(overviewGroups(emptyMap('2026-01-02T03:04:05.000Z', 'Empty'), size, new Set()), {});
    expect(groups).toEqual([]);
    expect(bounds).toBeNull();
    const view = { x: 0, y: 0, w: 1500, h: 1100 };
    const box = overviewBox(bounds, view);
    expect(box.x).toBeLessThan(0);
    expect(box.w / box.h).toBeCloseTo(OVERVIEW_SIZE.width / OVERVIEW_SIZE.height, 5);
  });

  it('its view box holds the cards and the view, at the overview’s aspect', () => {
    const cards = { x: 0, y: 0, w: 3000, h: 500 };
    const view = { x: -1000, y: 100, w: 800, h: 600 };
    const box = overviewBox(cards, view);
    expect(box.x).toBeLessThanOrEqual(-1000);
    expect(box.x + box.w).toBeGreaterThanOrEqual(3000);
    expect(box.y).toBeLessThanOrEqual(0);
    expect(box.y + box.h).toBeGreaterThanOrEqual(700);
    expect(box.w / box.h).toBeCloseTo(OVERVIEW_SIZE.width / OVERVIEW_SIZE.height, 5);
  });
});
