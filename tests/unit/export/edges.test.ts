import { describe, expect, it } from 'vitest';
import { renderFigure, DEFAULT_FIGURE_OPTIONS } from '../../../arguments/export/figure';
import { MAX_ROUTED_RELATIONS, roundedPath } from '../../../arguments/export/edges';
import { setFigureRouting, figureRouting } from '../../../arguments/export/routes';
import type { ArgumentMap } from '../../../arguments/model';
import { generateMap } from '../../../bench/generate';
import { shippedMap } from './helpers';
import { crossingsIn, labelProblems, segmentsOf } from './geometry';

const figure = (map: ArgumentMap) => renderFigure(map, { ...DEFAULT_FIGURE_OPTIONS, legend: true }).layout;

describe('figure arrows are routed around the cards', () => {
  const map = shippedMap();
  const layout = figure(map);

  it('no arrow of the shipped map crosses a card other than its own ends', () => {
    expect(layout.unrouted).toBeUndefined();
    expect(layout.edges.length).toBe(Object.keys(map.relations).length);
    expect(crossingsIn(layout, map)).toEqual([]);
  });

  it('the "when and to whom" objection\'s undercut passes the "Anti-war mood" card', () => {
    const undercut = layout.edges.find((e) => e.id === 'r.O1')!;
    const antiWar = layout.nodes.find((n) => n.id === 'K1')!;
    expect(map.nodes.K1!.title).toBe('Anti-war mood');
    const inside = segmentsOf(undercut.paths[0]!).filter(([a, b]) => [a, b].some((p) => p.x > antiWar.x && p.x < antiWar.x + antiWar.w && p.y > antiWar.y && p.y < antiWar.y + antiWar.h));
    expect(inside).toEqual([]);
    // And it ends on the inference it attacks, whose arrow carries the dot there.
    const attacked = layout.edges.find((e) => e.id === 'r.P1.C1')!;
    expect(undercut.head.tip).toEqual(attacked.inference!.at);
  });

  it('every undercut, objection and qualification carries its word, inside the figure and over no card or other word', () => {
    const worded = Object.values(map.relations).filter((r) => r.kind !== 'supports');
    expect(worded.length).toBeGreaterThan(5);
    for (const r of worded) expect(layout.edges.find((e) => e.id === r.id)!.label?.text.lines[0]!.text, r.id).toBe(r.kind);
    expect(layout.edges.filter((e) => e.kind === 'undercuts' && e.label)).toHaveLength(5);
    expect(labelProblems(layout)).toEqual([]);
  });

  for (const size of [30, 100, 300])
    it(`a generated map of ${size} nodes: no crossing, every word placed and clear`, () => {
      const m = generateMap(size);
      const l = figure(m);
      expect(l.edges.length).toBe(Object.keys(m.relations).length);
      expect(crossingsIn(l, m)).toEqual([]);
      for (const e of l.edges) if (e.kind !== 'supports') expect(e.label, e.id).toBeDefined();
      expect(labelProblems(l)).toEqual([]);
    });
});

describe('without the router', () => {
  it('a figure drawn when libavoid failed to load says why its lines are straight', () => {
    const loaded = figureRouting();
    try {
      setFigureRouting(null, 'the WASM module could not be compiled');
      const l = figure(shippedMap());
      expect(l.unrouted).toBe('The arrows are drawn straight, not routed around the cards: the WASM module could not be compiled.');
      expect(l.edges.length).toBe(Object.keys(shippedMap().relations).length);
    } finally {
      setFigureRouting(loaded.avoid);
    }
  });
});

describe('when the router fails', () => {
  it('a figure is still drawn, with straight lines, and says why (libavoid’s WebAssembly can abort)', () => {
    const loaded = figureRouting();
    if (!loaded.avoid) throw new Error('the tests load the router (tests/unit/setup.ts)');
    const aborted = new Proxy(loaded.avoid, {
      get: (target, key) => (key === 'Router' ? function Router() { throw new Error('Aborted(OOM)'); } : Reflect.get(target, key)),
    });
    try {
      setFigureRouting(aborted);
      const l = figure(shippedMap());
      expect(l.unrouted).toBe('The arrows are drawn straight: The arrows could not be routed around the cards (Aborted(OOM)).');
      expect(l.edges.length).toBe(Object.keys(shippedMap().relations).length);
    } finally {
      setFigureRouting(loaded.avoid);
    }
  });
});

describe('roundedPath', () => {
  it('rounds each bend inside the corner and keeps the ends', () => {
    const d = roundedPath([{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 50 }]);
    expect(d).toBe('M0,0 L94,0 Q100,0 100,6 L100,50');
  });

  it(`a figure of more than ${MAX_ROUTED_RELATIONS} arrows draws them straight at once and says so (routing them would take minutes)`, () => {
    const big = generateMap(1200);
    const relations = Object.keys(big.relations).length;
    expect(relations).toBeGreaterThan(MAX_ROUTED_RELATIONS);
    const started = Date.now();
    const l = figure(big);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(l.unrouted).toContain(`${relations.toLocaleString('en-US')} arrows, more than the 1,000 routed in one figure`);
    expect(l.edges.length).toBe(relations);
  });
});
