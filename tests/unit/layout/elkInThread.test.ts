import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { loadMap } from '../../../arguments/format/load';
import { buildLayoutGraph, positionsFromLayout } from '../../../arguments/layout/layered';
import { elkInThread, engineOf, fakeWorkerOf } from '../../../arguments/layout/elkInThread';

function shippedGraph() {
  const r = loadMap(readFileSync(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url)));
  if (!r.ok) throw new Error('the shipped map does not load');
  return buildLayoutGraph(r.map, Object.fromEntries(Object.keys(r.map.nodes).map((id, i) => [id, { width: 240 + (i % 3) * 20, height: 80 + (i % 5) * 12 }])));
}

describe('ELK in this thread', () => {
  it('places every card where elkjs itself (its bundled build) places it', async () => {
    const mine = positionsFromLayout(await (await elkInThread()).layout(shippedGraph()));
    const theirs = positionsFromLayout(await new ELK().layout(shippedGraph()));
    expect(Object.keys(mine).length).toBeGreaterThan(30);
    expect(mine).toEqual(theirs);
  });

  it('answers several layouts in turn, each its own graph', async () => {
    const elk = await elkInThread();
    const graph = (w: number) => ({ id: 'root', layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT' }, children: [{ id: 'a', width: w, height: 40 }, { id: 'b', width: w, height: 40 }], edges: [{ id: 'e', sources: ['a'], targets: ['b'] }] });
    const [one, two] = await Promise.all([elk.layout(graph(100)), elk.layout(graph(300))]);
    const bx = (g: typeof one) => g.children!.find((c) => c.id === 'b')!.x!;
    expect(bx(two) - bx(one)).toBe(200);
  });

  it('rejects a graph ELK refuses with ELK’s own message, as an Error, and lays out the next one', async () => {
    const elk = await elkInThread();
    const bad = { id: 'root', layoutOptions: { 'elk.algorithm': 'layered' }, children: [{ id: 'a', width: 10, height: 10 }], edges: [{ id: 'e', sources: ['a'], targets: ['nowhere'] }] };
    const err = await elk.layout(bad).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/nowhere/);
    expect(Object.keys(err as object)).not.toContain('__java$exception');
    const ok = await elk.layout({ id: 'root', children: [{ id: 'a', width: 10, height: 10 }], edges: [] });
    expect(ok.children?.[0]?.x).toBeDefined();
  });

  it('finds the worker class however a bundler wrapped the CommonJS module, and says so when it cannot', () => {
    function W() {}
    expect(fakeWorkerOf({ Worker: W })).toBe(W);
    expect(fakeWorkerOf({ default: { Worker: W, default: W } })).toBe(W);
    expect(() => fakeWorkerOf({ default: {} })).toThrow(/exports no worker/);
  });

  it('says so when the worker never answers (a dispatcher that swallowed the request)', () => {
    class Silent {
      onmessage = null;
      dispatcher = { saveDispatch: () => {} };
    }
    expect(() => engineOf(Silent)).toThrow(/no answer/);
  });
});
