import { afterAll, describe, expect, it } from 'vitest';
import { loadAvoid, startFigureRouting } from '../../../arguments/cli/avoid';
import { routerThreadCount, startRouterThreads } from '../../../arguments/cli/routerPool';
import { layoutFigure } from '../../../arguments/export/layout';
import { scopeMap } from '../../../arguments/export/scope';
import { THEMES } from '../../../arguments/export/themes';
import type { Rect } from '../../../arguments/geometry';
import { EdgeRouter, RoutingError, type RoutedRelation, type RouterJob, type SolveMany } from '../../../arguments/layout/routing';
import { generateMap } from '../../../bench/generate';

const avoid = await loadAvoid();
await startFigureRouting();
// One thread besides this one, whatever the machine: what is tested is that the answers are the same.
const threads = startRouterThreads(1);
afterAll(() => threads.close());

describe('routing threads', () => {
  const map = generateMap(300);
  const layout = layoutFigure(map, scopeMap(map, { kind: 'all' }, { counters: true }), THEMES.print, { voices: true, legend: false });
  const cards = new Map<string, Rect>(layout.nodes.map((n) => [n.id, { x: n.x, y: n.y, w: n.w, h: n.h }]));
  const relations = new Map<string, RoutedRelation>(Object.values(map.relations).map((r) => [r.id, { kind: r.kind, from: r.from, to: r.to }]));
  /** The 300 nodes' routes with the problems shared through `solve`, and how many problems were shared. */
  const routedWith = (solve: SolveMany) => {
    let shared = 0;
    const router = new EdgeRouter(avoid, {
      buffer: 12,
      solveMany: (jobs, parameters) => {
        shared += jobs.length;
        return solve(jobs, parameters);
      },
    });
    return { routes: router.route(cards, relations), shared, routers: router.lastRouted };
  };
  const good: RouterJob = {
    cards: [
      ['A', { x: 0, y: 0, w: 100, h: 50 }],
      ['B', { x: 300, y: 200, w: 100, h: 50 }],
    ],
    lines: [{ from: 'A', to: 'B' }],
  };
  const bad: RouterJob = { cards: [['A', { x: 0, y: 0, w: 10, h: 10 }]], lines: [{ from: 'A', to: 'nowhere' }] };
  const parameters = { buffer: 10, nudging: 6 };

  it('give the routes the main thread gives alone, on a generated map of 300 nodes', () => {
    const alone = new EdgeRouter(avoid, { buffer: 12 });
    const a = alone.route(cards, relations);
    // The thread alone (this one only waits): every shared problem is its answer.
    const before = threads.answered();
    const byThread = routedWith(threads.solver(avoid, { threadsOnly: true }));
    expect(byThread.shared).toBeGreaterThan(64);
    expect(threads.answered() - before).toBe(byThread.shared);
    expect([...byThread.routes]).toEqual([...a]);
    expect(byThread.routers).toBe(alone.lastRouted);
    // And shared between the thread and this one, as the CLI runs them.
    const together = routedWith(threads.solver(avoid));
    expect(together.shared).toBe(byThread.shared);
    expect([...together.routes]).toEqual([...a]);
    expect(together.routers).toBe(alone.lastRouted);
  });

  it('a problem a thread cannot solve is solved again here, and refused in words; the thread goes on', () => {
    const byThread = threads.solver(avoid, { threadsOnly: true });
    let before = threads.answered();
    expect(byThread([good, good, good], parameters)[2]!.length).toBe(1);
    expect(threads.answered() - before).toBe(3);
    before = threads.answered();
    expect(() => byThread([good, bad, good], parameters)).toThrow(RoutingError);
    // The thread answered the two it could solve, and the other in words, for this one to solve again.
    expect(threads.answered() - before).toBe(2);
    expect(() => byThread([good, bad, good], parameters)).toThrow(/card nowhere is not among the router's shapes/);
    // Still there for the next figure.
    before = threads.answered();
    expect(byThread([good, good], parameters).map((r) => r?.length)).toEqual([1, 1]);
    expect(threads.answered() - before).toBe(2);
    // Shared with this thread, the same refusal.
    expect(() => threads.solver(avoid)([good, bad, good], parameters)).toThrow(/card nowhere is not among the router's shapes/);
  });

  it('are as many as the other cores, at most three', () => {
    expect(routerThreadCount(3, 1)).toBe(0);
    expect(routerThreadCount(3, 2)).toBe(1);
    expect(routerThreadCount(3, 16)).toBe(3);
  });
});
