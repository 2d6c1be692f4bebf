import { describe, expect, it } from 'vitest';
import { loadAvoid } from '../../../../arguments/cli/avoid';
import type { Rect } from '../../../../arguments/geometry';
import { EdgeRouter, type EdgeRoute, type RoutedRelation } from '../../../../arguments/layout/routing';
import type { Id } from '../../../../arguments/model';
import {
  createRoutingClient,
  handleRoutingRequest,
  isRoutingResponse,
  routingRequest,
  type Router,
  type RoutingChannelEvents,
  type RoutingRequest,
} from '../../../../renderer/canvas/routingProtocol';

// A premise below its target with a card in between, and an undercut of that inference.
const cards = new Map<Id, Rect>([
  ['T', { x: 0, y: 0, w: 200, h: 80 }],
  ['B', { x: 0, y: 200, w: 200, h: 80 }],
  ['P', { x: 0, y: 400, w: 200, h: 80 }],
  ['U', { x: 400, y: 400, w: 200, h: 80 }],
]);
const relations: [Id, RoutedRelation][] = [
  ['r1', { kind: 'supports', from: ['P'], to: 'T' }],
  ['u1', { kind: 'undercuts', from: ['U'], to: 'r1' }],
];

const fakeRouter = (fail?: unknown): Router & { calls: number; seen: ReadonlyMap<Id, Rect>[] } => {
  const r = {
    calls: 0,
    lastRouted: 0,
    seen: [] as ReadonlyMap<Id, Rect>[],
    route(c: ReadonlyMap<Id, Rect>, rels: ReadonlyMap<Id, RoutedRelation>): Map<Id, EdgeRoute> {
      r.calls++;
      r.seen.push(c);
      if (fail !== undefined) throw fail;
      r.lastRouted = rels.size;
      return new Map([...rels.keys()].map((id) => [id, { branches: [], line: [{ x: 0, y: 0 }, { x: c.size, y: 1 }], inference: { x: 0, y: 0 } }]));
    },
  };
  return r;
};

describe('handleRoutingRequest (the worker side)', () => {
  it('routes the cards and relations sent, with the real router, and its answer survives a structured clone', async () => {
    const router = new EdgeRouter(await loadAvoid());
    const request = structuredClone(routingRequest(3, cards, relations));
    const res = handleRoutingRequest(router, request);
    expect(isRoutingResponse(res)).toBe(true);
    if (!res?.ok) throw new Error('not routed');
    const routes = new Map(structuredClone(res).routes);
    expect([...routes.keys()].sort()).toEqual(['r1', 'u1']);
    // The line from P to T goes round B, which stands between them.
    const line = routes.get('r1')!.line;
    expect(line.some((p) => p.x < 0 || p.x > 200)).toBe(true);
    expect(res.routed).toBe(2);
    // Asked again with nothing moved, the router reuses every route.
    const again = handleRoutingRequest(router, structuredClone(routingRequest(4, cards, relations)));
    expect(again).toMatchObject({ ticket: 4, ok: true, routed: 0 });
  });

  it('packs the cards as one Float64Array in the order of their ids', () => {
    const request = routingRequest(1, cards, relations);
    expect(request.ids).toEqual(['T', 'B', 'P', 'U']);
    expect([...request.rects.subarray(8, 12)]).toEqual([0, 400, 200, 80]);
    const seen = fakeRouter();
    handleRoutingRequest(seen, request);
    expect(seen.seen[0]).toEqual(cards);
  });

  it('answers every failure in words, and ignores what is not a request', () => {
    const request = routingRequest(5, cards, relations);
    expect(handleRoutingRequest('libavoid did not load in the routing worker (no WASM)', request)).toEqual({ ticket: 5, ok: false, message: 'libavoid did not load in the routing worker (no WASM)' });
    expect(handleRoutingRequest(fakeRouter(new Error('The arrows could not be routed around the cards (boom).')), request)).toMatchObject({ ok: false, message: 'The arrows could not be routed around the cards (boom).' });
    expect(handleRoutingRequest(fakeRouter(), { ...request, rects: new Float64Array(3) })).toMatchObject({ ok: false, message: 'The routing request carries no cards.' });
    expect(handleRoutingRequest(fakeRouter(), { ...request, relations: [['r', { kind: 'supports', from: 'P', to: 'T' }]] })).toMatchObject({
      ok: false,
      message: 'The routing request has a relation without an id, premises or target.',
    });
    const router = fakeRouter();
    for (const data of [null, 'route', { ticket: 'x' }, { ticket: 1.5 }]) expect(handleRoutingRequest(router, data)).toBeNull();
    expect(router.calls).toBe(0);
  });
});

/** A worker stand-in: answers each request on a later turn, unless held. */
function fakeWorker(router: Router) {
  const sent: RoutingRequest[] = [];
  let events: RoutingChannelEvents | null = null;
  let opened = 0;
  let closed = 0;
  const open = (e: RoutingChannelEvents) => {
    opened++;
    events = e;
    return {
      send: (request: RoutingRequest, transfer: ArrayBuffer[]) => {
        expect(transfer).toEqual([request.rects.buffer]);
        sent.push(structuredClone(request));
      },
      close: () => void closed++,
    };
  };
  /** The worker answers the oldest request it has not answered. */
  const answer = (i: number) => events!.message(structuredClone(handleRoutingRequest(router, sent[i])));
  return { open, sent, answer, events: () => events!, counts: () => ({ opened, closed }) };
}

describe('createRoutingClient (the canvas side)', () => {
  it('keeps one request in the worker and sends only the latest arrangement after it', () => {
    const w = fakeWorker(fakeRouter());
    const client = createRoutingClient(w.open, () => {});
    const got: string[] = [];
    const arrangement = (n: number) => new Map([...cards].slice(0, n));
    client.route(arrangement(1), relations, (r) => got.push(`first ${r.get('r1')!.line[1]!.x}`));
    client.route(arrangement(2), relations, () => got.push('second (replaced before it was sent)'));
    client.route(arrangement(3), relations, (r) => got.push(`third ${r.get('r1')!.line[1]!.x}`));
    expect(w.sent.map((s) => s.ids.length)).toEqual([1]);
    expect(client.busy).toEqual({ sent: true, waiting: true });
    w.answer(0);
    expect(w.sent.map((s) => s.ids.length)).toEqual([1, 3]);
    w.answer(1);
    expect(got).toEqual(['first 1', 'third 3']);
    expect(client.busy).toEqual({ sent: false, waiting: false });
    expect(w.counts().opened).toBe(1);
  });

  it('ignores stray answers, reports a failed routing and goes on', () => {
    const failures: string[] = [];
    const w = fakeWorker(fakeRouter());
    const client = createRoutingClient(w.open, (m) => failures.push(m));
    let done = 0;
    client.route(cards, relations, () => done++);
    w.events().message({ ticket: 99, ok: true, routes: [], routed: 0, ms: 1 });
    w.events().message('garbage');
    expect(client.busy.sent).toBe(true);
    w.events().message({ ticket: 1, ok: false, message: 'The arrows could not be routed around the cards (x).' });
    expect(failures).toEqual(['The arrows could not be routed around the cards (x).']);
    client.route(cards, relations, () => done++);
    w.answer(1);
    expect(done).toBe(1);
  });

  it('stops routing, saying why once, when the worker breaks or cannot start', () => {
    const failures: string[] = [];
    const w = fakeWorker(fakeRouter());
    const client = createRoutingClient(w.open, (m) => failures.push(m));
    client.route(cards, relations, () => failures.push('routed'));
    w.events().fail('The routing worker failed: out of memory');
    w.events().fail('again');
    client.route(cards, relations, () => failures.push('routed'));
    expect(failures).toEqual(['The routing worker failed: out of memory']);
    expect(w.counts()).toEqual({ opened: 1, closed: 1 });
    const refused: string[] = [];
    const none = createRoutingClient(() => {
      throw new Error('SecurityError: worker-src');
    }, (m) => refused.push(m));
    none.route(cards, relations, () => refused.push('routed'));
    expect(refused).toEqual(['The routing worker could not be started (SecurityError: worker-src).']);
  });
});
