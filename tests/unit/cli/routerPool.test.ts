import { afterAll, describe, expect, it } from 'vitest';
import { loadAvoid, startFigureRouting } from '../../../arguments/cli/avoid';
import { routerThreadCount, startRouterThreads } from '../../../arguments/cli/routerPool';
import { layoutFigure } from '../../../arguments/export/layout';
import { scopeMap } from '../../../arguments/export/scope';
import { THEMES } from '../../../arguments/export/themes';
import type { Rect } from '../../../arguments/geometry';
import { EdgeRouter, RoutingError, type RoutedRelation, type RouterJob } from '../../../arguments/layout/routing';
import { generateMap } from '../../../bench/generate';

const avoid = await loadAvoid();
await startFigureRouting();
// One thread besides this one, whatever the machine: what is tested is that the answers are the same.
const threads = startRouterThreads(1);
afterAll(() => threads.close());

describe('routing threads', () => {
  it('give the routes the main thread gives alone, on a generated map of 300 nodes', async () => {
    await new Promise((r) => setTimeout(r, 1500));
    const map = generateMap(300);
    const layout = layoutFigure(map, scopeMap(map, { kind: 'all' }, { counters: true }), THEMES.print, { voices: true, legend: false });
    const cards = new Map<string, Rect>(layout.nodes.map((n) => [n.id, { x: n.x, y: n.y, w: n.w, h: n.h }]));
    const relations = new Map<string, RoutedRelation>(Object.values(map.relations).map((r) => [r.id, { kind: r.kind, from: r.from, to: r.to }]));
    let shared = 0;
    const solve = threads.solver(avoid);
    const alone = new EdgeRouter(avoid, { buffer: 12 });
    const together = new EdgeRouter(avoid, {
      buffer: 12,
      solveMany: (jobs, parameters) => {
        shared += jobs.length;
        return solve(jobs, parameters);
      },
    });
    const a = alone.route(cards, relations);
    const b = together.route(cards, relations);
    expect([...b]).toEqual([...a]);
    expect(shared).toBeGreaterThan(64);
    expect(together.lastRouted).toBe(alone.lastRouted);
    // The thread took part (it had loaded libavoid long before), not only this one.
    expect(threads.answered()).toBeGreaterThan(10);
  });

  it('a problem a thread cannot solve is solved again here, and refused in words', () => {
    const bad: RouterJob = { cards: [['A', { x: 0, y: 0, w: 10, h: 10 }]], lines: [{ from: 'A', to: 'nowhere' }] };
    const good: RouterJob = {
      cards: [
        ['A', { x: 0, y: 0, w: 100, h: 50 }],
        ['B', { x: 300, y: 200, w: 100, h: 50 }],
      ],
      lines: [{ from: 'A', to: 'B' }],
    };
    const solve = threads.solver(avoid);
    expect(solve([good, good, good], { buffer: 10, nudging: 6 })[2]!.length).toBe(1);
    expect(() => solve([good, bad, good], { buffer: 10, nudging: 6 })).toThrow(RoutingError);
    expect(() => solve([good, bad, good], { buffer: 10, nudging: 6 })).toThrow(/card nowhere is not among the router's shapes/);
  });

  it('are as many as the other cores, at most three', () => {
    expect(routerThreadCount(3, 1)).toBe(0);
    expect(routerThreadCount(3, 2)).toBe(1);
    expect(routerThreadCount(3, 16)).toBe(3);
  });
});
