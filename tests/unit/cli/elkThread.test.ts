import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { figuresEngine, startElkThread, THREADED_FIGURES } from '../../../arguments/cli/elkThread';
import { loadMap } from '../../../arguments/format/load';
import { buildLayoutGraph, positionsFromLayout } from '../../../arguments/layout/layered';
import { elkInThread } from '../../../arguments/layout/elkInThread';

function shippedGraph() {
  const r = loadMap(readFileSync(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url)));
  if (!r.ok) throw new Error('the shipped map does not load');
  return buildLayoutGraph(r.map, Object.fromEntries(Object.keys(r.map.nodes).map((id, i) => [id, { width: 240 + (i % 3) * 20, height: 80 + (i % 5) * 12 }])));
}
const refused = { id: 'root', layoutOptions: { 'elk.algorithm': 'layered' }, children: [{ id: 'a', width: 10, height: 10 }], edges: [{ id: 'e', sources: ['a'], targets: ['nowhere'] }] };

describe('ELK in a thread of its own', () => {
  it('lays out as ELK in this thread does, answers concurrent requests each with its own graph, and passes on ELK’s refusal', async () => {
    const thread = startElkThread();
    try {
      const mine = await elkInThread();
      const [a, b, bad] = await Promise.allSettled([thread.layout(shippedGraph()), thread.layout({ ...shippedGraph(), layoutOptions: { ...shippedGraph().layoutOptions, 'elk.direction': 'DOWN' } }), thread.layout(refused)]);
      expect(a.status === 'fulfilled' && positionsFromLayout(a.value)).toEqual(positionsFromLayout(await mine.layout(shippedGraph())));
      const down = await mine.layout({ ...shippedGraph(), layoutOptions: { ...shippedGraph().layoutOptions, 'elk.direction': 'DOWN' } });
      expect(b.status === 'fulfilled' && positionsFromLayout(b.value)).toEqual(positionsFromLayout(down));
      expect(bad.status === 'rejected' && (bad.reason as Error).message).toMatch(/Referenced shape does not exist: nowhere/);
    } finally {
      await thread.close();
    }
  }, 60_000);

  it('lays out in this thread once the thread is gone', async () => {
    const thread = startElkThread();
    await thread.close();
    const out = await thread.layout({ id: 'root', children: [{ id: 'a', width: 10, height: 10 }], edges: [] });
    expect(out.children?.[0]?.x).toBeDefined();
  }, 60_000);

  it('is used for many figures when there is another core, not for a few or on one core', async () => {
    for (const [figures, cores, threaded] of [
      [THREADED_FIGURES, 2, true],
      [THREADED_FIGURES, 1, false],
      [THREADED_FIGURES - 1, 8, false],
    ] as const) {
      const e = figuresEngine(figures, cores);
      expect(e.threaded, `${figures} figures, ${cores} cores`).toBe(threaded);
      const out = await e.layout({ id: 'root', children: [{ id: 'a', width: 10, height: 10 }], edges: [] });
      expect(out.children?.[0]?.x).toBeDefined();
      await e.close();
    }
  });

  it('answers, then lets the process end once it owes no answer, without being closed', () => {
    const module = fileURLToPath(new URL('../../../arguments/cli/elkThread.ts', import.meta.url));
    const script = `const { startElkThread } = await import(${JSON.stringify(module)});
      const e = startElkThread();
      const g = await e.layout({ id: 'r', children: [{ id: 'a', width: 10, height: 10 }, { id: 'b', width: 10, height: 10 }], edges: [{ id: 'e', sources: ['a'], targets: ['b'] }] });
      console.log('laid out', g.children.length);`;
    // A file, not --eval: Node ends an --eval script when its code has run, whatever is still alive.
    const file = join(mkdtempSync(join(tmpdir(), 'elk-thread-')), 'lay-out.mjs');
    writeFileSync(file, script);
    const r = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('laid out 2');
    expect(r.status).toBe(0);
  }, 70_000);
});
