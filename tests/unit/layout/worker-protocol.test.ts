import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { loadMap } from '../../../arguments/format/load';
import { buildLayoutGraph, positionsFromLayout } from '../../../arguments/layout/layered';
import { layoutInput, unpackPositions } from '../../../arguments/layout/packed';
import {
  createLayoutClient,
  errorMessage,
  handleLayoutRequest,
  handleLayoutRequest as handle,
  isLayoutResponse,
  type LayoutChannelEvents,
  type LayoutEngine,
  type LayoutRequest,
} from '../../../renderer/layout/layoutProtocol';

const graph: ElkNode = {
  id: 'root',
  layoutOptions: { 'elk.algorithm': 'layered' },
  children: [
    { id: 'a', width: 10, height: 10 },
    { id: 'b', width: 10, height: 10 },
  ],
  edges: [{ id: 'e', sources: ['a'], targets: ['b'] }],
};

/** Places each child at (index * 100, depth) after `delay` ms; `fail` makes it throw instead. */
function fakeElk(opts: { delay?: (g: ElkNode) => number; fail?: unknown } = {}): LayoutEngine & { calls: number } {
  const engine = {
    calls: 0,
    async layout(g: ElkNode): Promise<ElkNode> {
      engine.calls++;
      await new Promise((r) => setTimeout(r, opts.delay?.(g) ?? 0));
      if ('fail' in opts) throw opts.fail;
      return { ...g, x: 0, y: 0, width: 500, height: 500, children: (g.children ?? []).map((c, i) => ({ ...c, x: i * 100, y: 7 })), edges: g.edges?.map((e) => ({ ...e, sections: [] })) };
    },
  };
  return engine;
}

describe('handleLayoutRequest (the worker side)', () => {
  it('answers with the positioned boxes only, the request id and the time taken', async () => {
    let t = 1000;
    const answer = await handleLayoutRequest(fakeElk(), { requestId: 4, graph }, () => (t += 25));
    expect(answer?.transfer).toEqual([]);
    const res = answer?.response;
    expect(res).toEqual({
      requestId: 4,
      ok: true,
      ms: 25,
      graph: { id: 'root', x: 0, y: 0, width: 500, height: 500, children: [{ id: 'a', x: 0, y: 7, width: 10, height: 10 }, { id: 'b', x: 100, y: 7, width: 10, height: 10 }] },
    });
    expect(isLayoutResponse(res)).toBe(true);
  });

  it('turns every failure into a worded answer', async () => {
    const handleLayoutRequest = async (...args: Parameters<typeof handle>) => (await handle(...args))?.response;
    const javaish = new Error('org.eclipse.elk.graph.json.JsonImportException: Referenced shape does not exist: zz');
    expect(await handleLayoutRequest(fakeElk({ fail: javaish }), { requestId: 1, graph })).toEqual({
      requestId: 1,
      ok: false,
      message: 'JsonImportException: Referenced shape does not exist: zz',
    });
    expect(await handleLayoutRequest(fakeElk({ fail: 'plain text' }), { requestId: 2, graph })).toMatchObject({ ok: false, message: 'plain text' });
    expect(await handleLayoutRequest(fakeElk({ fail: { message: 'from an object' } }), { requestId: 3, graph })).toMatchObject({ ok: false, message: 'from an object' });
    expect(await handleLayoutRequest(fakeElk({ fail: undefined }), { requestId: 5, graph })).toMatchObject({ ok: false, message: 'undefined' });
    expect(await handleLayoutRequest(fakeElk(), { requestId: 6 })).toMatchObject({ requestId: 6, ok: false, message: 'The layout request carries no graph.' });
    expect(await handleLayoutRequest(fakeElk(), { requestId: 7, graph: { children: [] } })).toMatchObject({ requestId: 7, ok: false });
  });

  it('ignores messages that are not requests', async () => {
    const engine = fakeElk();
    for (const data of [null, undefined, 'layout', 42, {}, { requestId: 'x', graph }, { requestId: 1.5, graph }]) expect(await handleLayoutRequest(engine, data)).toBeNull();
    expect(engine.calls).toBe(0);
  });

  it('works with the real ELK, and its answer can be posted (structured clone)', async () => {
    const handleLayoutRequest = async (...args: Parameters<typeof handle>) => (await handle(...args))?.response;
    const r = loadMap(readFileSync(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url)));
    if (!r.ok) throw new Error('the shipped map does not load');
    const request: LayoutRequest = structuredClone({ requestId: 9, graph: buildLayoutGraph(r.map, {}) });
    const res = await handleLayoutRequest(new ELK(), request);
    expect(res?.ok).toBe(true);
    if (!res?.ok || !('graph' in res)) throw new Error('no graph');
    const copy = structuredClone(res);
    expect(copy.graph.edges).toBeUndefined();
    expect(Object.keys(positionsFromLayout(copy.graph)).sort()).toEqual(Object.keys(r.map.nodes).sort());
    const bad = await handleLayoutRequest(new ELK(), { requestId: 10, graph: { id: 'g', children: [{ id: 'a' }], edges: [{ id: 'e', sources: ['a'], targets: ['zz'] }] } });
    expect(bad).toMatchObject({ requestId: 10, ok: false });
    expect(!bad!.ok && bad!.message).toMatch(/^JsonImportException: .*zz/);
  });

  it('lays out a map sent in compact form, answering with its positions in one transferable Float64Array', async () => {
    const r = loadMap(readFileSync(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url)));
    if (!r.ok) throw new Error('the shipped map does not load');
    const sizes = new Map(Object.keys(r.map.nodes).map((id, i) => [id, { width: 260, height: 70 + (i % 5) * 20 }]));
    const input = layoutInput(r.map, sizes);
    const ids = input.nodes.map((n) => n.id);
    const answer = await handle(new ELK(), structuredClone({ requestId: 11, map: input }));
    expect(answer?.response.ok).toBe(true);
    if (!answer?.response.ok || !('positions' in answer.response)) throw new Error('no positions');
    const { positions } = answer.response;
    expect(answer.transfer).toEqual([positions.buffer]);
    // Transferred, the buffer moves: the copy arrives whole and the sender's array is emptied.
    const arrived = structuredClone(answer.response, { transfer: answer.transfer });
    expect(positions.length).toBe(0);
    expect(isLayoutResponse(arrived)).toBe(true);
    // The same layout as ELK run on the graph built from the whole map.
    const direct = positionsFromLayout(await new ELK().layout(buildLayoutGraph(r.map, Object.fromEntries(sizes))));
    expect(unpackPositions(ids, (arrived as { positions: Float64Array }).positions)).toEqual(direct);
  });

  it('answers a malformed map request with what is wrong, without running ELK', async () => {
    const engine = fakeElk();
    expect((await handle(engine, { requestId: 12, map: { nodes: [], relations: [] } }))?.response).toEqual({ requestId: 12, ok: false, message: 'The layout request carries no map.' });
    expect(engine.calls).toBe(0);
  });

  it('errorMessage keeps messages readable', () => {
    expect(errorMessage(new Error('java.lang.IllegalStateException: boom'))).toBe('IllegalStateException: boom');
    expect(errorMessage(new Error('Plain. Sentence.'))).toBe('Plain. Sentence.');
    expect(errorMessage(new TypeError(''))).toBe('TypeError');
    expect(errorMessage('')).toBe('Unknown error.');
  });
});

/** A worker stand-in: runs handleLayoutRequest on a fake ELK asynchronously, like postMessage. */
function fakeWorkers(engine: LayoutEngine) {
  const opened: { events: LayoutChannelEvents; closed: boolean; sent: LayoutRequest[] }[] = [];
  const open = (events: LayoutChannelEvents) => {
    const w = { events, closed: false, sent: [] as LayoutRequest[] };
    opened.push(w);
    return {
      send(request: LayoutRequest) {
        w.sent.push(structuredClone(request));
        void handleLayoutRequest(engine, structuredClone(request)).then((answer) => {
          if (answer && !w.closed) events.message(structuredClone(answer.response, { transfer: answer.transfer }));
        });
      },
      close() {
        w.closed = true;
      },
    };
  };
  return { open, opened };
}

describe('createLayoutClient (the renderer side)', () => {
  it('opens one worker lazily, reuses it, and matches answers arriving out of order', async () => {
    const { open, opened } = fakeWorkers(fakeElk({ delay: (g) => (g.id === 'slow' ? 30 : 0) }));
    const client = createLayoutClient(open);
    expect(opened).toHaveLength(0);
    const slow = client.layout({ ...graph, id: 'slow' });
    const fast = client.layout({ ...graph, id: 'fast' });
    expect(client.pending).toBe(2);
    const order: string[] = [];
    await Promise.all([slow.then((r) => order.push(r.graph.id)), fast.then((r) => order.push(r.graph.id))]);
    expect(order).toEqual(['fast', 'slow']);
    expect(opened).toHaveLength(1);
    expect(opened[0]!.sent.map((r) => r.requestId)).toEqual([1, 2]);
    expect(client.pending).toBe(0);
  });

  it('rejects with the worker’s message when the layout fails', async () => {
    const client = createLayoutClient(fakeWorkers(fakeElk({ fail: new Error('org.eclipse.elk.core.UnsupportedGraphException: nope') })).open);
    await expect(client.layout(graph)).rejects.toThrow('UnsupportedGraphException: nope');
  });

  it('ignores stray and malformed answers', async () => {
    const { open, opened } = fakeWorkers(fakeElk({ delay: () => 10 }));
    const client = createLayoutClient(open);
    const p = client.layout(graph);
    const events = opened[0]!.events;
    events.message({ requestId: 99, ok: true, graph, ms: 1 });
    events.message({ requestId: 1, ok: 'yes' });
    events.message('garbage');
    expect(client.pending).toBe(1);
    await expect(p).resolves.toMatchObject({ graph: { id: 'root' } });
  });

  it('fails everything pending when the worker breaks, then opens a new worker', async () => {
    const { open, opened } = fakeWorkers(fakeElk({ delay: () => 20 }));
    const client = createLayoutClient(open);
    const a = client.layout(graph);
    const b = client.layout(graph);
    opened[0]!.events.fail('The layout worker could not be started.');
    await expect(a).rejects.toThrow('could not be started');
    await expect(b).rejects.toThrow('could not be started');
    expect(opened[0]!.closed).toBe(true);
    // Late news from the broken worker changes nothing.
    opened[0]!.events.fail('again');
    opened[0]!.events.message({ requestId: 1, ok: true, graph, ms: 1 });
    await expect(client.layout(graph)).resolves.toMatchObject({ graph: { id: 'root' } });
    expect(opened).toHaveLength(2);
  });

  it('rejects when the worker cannot even be created, and tries again next time', async () => {
    let attempts = 0;
    const { open } = fakeWorkers(fakeElk());
    const client = createLayoutClient((events) => {
      if (++attempts === 1) throw new Error('SecurityError: worker-src');
      return open(events);
    });
    await expect(client.layout(graph)).rejects.toThrow('SecurityError: worker-src');
    await expect(client.layout(graph)).resolves.toBeTruthy();
    expect(attempts).toBe(2);
  });

  it('layoutMap resolves with the positions; an answer of the other kind is refused', async () => {
    const { open, opened } = fakeWorkers(fakeElk());
    const client = createLayoutClient(open);
    const input = { nodes: [{ id: 'a', kind: 'thesis' as const }, { id: 'b', kind: 'claim' as const }], relations: [{ id: 'r', kind: 'supports' as const, from: ['b'], to: 'a' }], sizes: new Float64Array([10, 10, NaN, NaN]) };
    const { positions } = await client.layoutMap(input);
    expect([...positions]).toEqual([0, 7, 100, 7]);
    expect(opened[0]!.sent[0]).toMatchObject({ requestId: 1, map: { nodes: input.nodes } });
    const p = client.layout(graph);
    opened[0]!.events.message({ requestId: 2, ok: true, positions: new Float64Array(2), ms: 1 });
    await expect(p).rejects.toThrow('The layout worker answered with the wrong kind of layout.');
  });

  it('prepare opens the worker before the first layout, once', async () => {
    const { open, opened } = fakeWorkers(fakeElk());
    const client = createLayoutClient(open);
    client.prepare();
    client.prepare();
    expect(opened).toHaveLength(1);
    await client.layout(graph);
    expect(opened).toHaveLength(1);
    const failing = createLayoutClient(() => {
      throw new Error('SecurityError: worker-src');
    });
    expect(() => failing.prepare()).not.toThrow();
    await expect(failing.layout(graph)).rejects.toThrow('worker-src');
  });

  it('dispose rejects what is pending and closes the worker', async () => {
    const { open, opened } = fakeWorkers(fakeElk({ delay: () => 20 }));
    const client = createLayoutClient(open);
    const p = client.layout(graph);
    client.dispose();
    await expect(p).rejects.toThrow('cancelled');
    expect(opened[0]!.closed).toBe(true);
  });
});
