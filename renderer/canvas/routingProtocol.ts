// The messages between the canvas and the routing worker (routing.worker.ts), and both ends'
// handling of them, free of DOM and Worker types so tests drive them with fakes.
//   canvas -> worker: { ticket, ids, rects, relations }  the shown cards (x, y, w, h of ids[i] at
//                     4i..4i+3 in one Float64Array, transferred) and the relations to route
//   worker -> canvas: { ticket, ok: true, routes, routed, ms }  routes: [relation id, route][]
//                     | { ticket, ok: false, message }
// The client keeps at most one request in the worker: while it routes, newer arrangements wait
// and only the latest is sent (a drop during a long first routing does not queue another).
import type { Rect } from '../../arguments/geometry';
import type { EdgeRoute, RoutedRelation } from '../../arguments/layout/routing';
import type { Id } from '../../arguments/model';

export interface RoutingRequest {
  ticket: number;
  ids: Id[];
  rects: Float64Array<ArrayBuffer>;
  relations: [Id, RoutedRelation][];
}

export type RoutingResponse =
  | { ticket: number; ok: true; routes: [Id, EdgeRoute][]; routed: number; ms: number }
  | { ticket: number; ok: false; message: string };

/** What the worker needs of the router (arguments/layout/routing.ts EdgeRouter, or a fake). */
export interface Router {
  route(cards: ReadonlyMap<Id, Rect>, relations: ReadonlyMap<Id, RoutedRelation>): Map<Id, EdgeRoute>;
  readonly lastRouted: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isTicket = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** The request's parts, packed for the thread boundary. */
export function routingRequest(ticket: number, cards: ReadonlyMap<Id, Rect>, relations: Iterable<[Id, RoutedRelation]>): RoutingRequest {
  const ids = [...cards.keys()];
  const rects = new Float64Array(4 * ids.length);
  ids.forEach((id, i) => {
    const r = cards.get(id)!;
    rects.set([r.x, r.y, r.w, r.h], 4 * i);
  });
  return { ticket, ids, rects, relations: [...relations].map(([id, r]) => [id, { kind: r.kind, from: [...r.from], to: r.to }]) };
}

function requestProblem(data: Record<string, unknown>): string | null {
  const { ids, rects, relations } = data;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string') || !(rects instanceof Float64Array) || rects.length !== 4 * ids.length) return 'The routing request carries no cards.';
  if (!Array.isArray(relations)) return 'The routing request carries no relations.';
  for (const entry of relations as unknown[]) {
    const [id, r] = Array.isArray(entry) ? entry : [];
    if (typeof id !== 'string' || !isObject(r) || typeof r.kind !== 'string' || typeof r.to !== 'string' || !Array.isArray(r.from) || !r.from.every((f) => typeof f === 'string'))
      return 'The routing request has a relation without an id, premises or target.';
  }
  return null;
}

/**
 * The worker's side: routes one request. Null for a message that is not a request (nobody to
 * answer); a failure (no library, a router error) is an answer with a message, never a throw.
 */
export function handleRoutingRequest(router: Router | string, data: unknown, now: () => number = () => performance.now()): RoutingResponse | null {
  if (!isObject(data) || !isTicket(data.ticket)) return null;
  const ticket = data.ticket;
  if (typeof router === 'string') return { ticket, ok: false, message: router };
  const problem = requestProblem(data);
  if (problem) return { ticket, ok: false, message: problem };
  const request = data as unknown as RoutingRequest;
  const cards = new Map<Id, Rect>();
  request.ids.forEach((id, i) => {
    const [x, y, w, h] = request.rects.subarray(4 * i, 4 * i + 4);
    cards.set(id, { x: x!, y: y!, w: w!, h: h! });
  });
  const started = now();
  try {
    const routes = router.route(cards, new Map(request.relations));
    return { ticket, ok: true, routes: [...routes], routed: router.lastRouted, ms: Math.round(now() - started) };
  } catch (err) {
    return { ticket, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

export function isRoutingResponse(data: unknown): data is RoutingResponse {
  if (!isObject(data) || !isTicket(data.ticket)) return false;
  if (data.ok === true) return Array.isArray(data.routes) && typeof data.routed === 'number' && typeof data.ms === 'number';
  return data.ok === false && typeof data.message === 'string';
}

/** A connection to the worker, as the client sees it. */
export interface RoutingChannel {
  send(request: RoutingRequest, transfer: ArrayBuffer[]): void;
  close(): void;
}

export interface RoutingChannelEvents {
  message(data: unknown): void;
  fail(message: string): void;
}

export interface RoutingClient {
  /**
   * Routes `cards` and `relations` in the worker; `done` gets the routes of this request or of a
   * later one that replaced it before it was sent (then this one's `done` is never called).
   * `failed` hears why routing is not available or failed.
   */
  route(cards: ReadonlyMap<Id, Rect>, relations: Iterable<[Id, RoutedRelation]>, done: (routes: Map<Id, EdgeRoute>) => void): void;
  /** Requests in the worker (0 or 1) and waiting (0 or 1). */
  readonly busy: { sent: boolean; waiting: boolean };
  dispose(): void;
}

/**
 * The canvas's side: one request in the worker at a time, the latest waiting behind it. A broken
 * worker (it failed to load, crashed) is reported once and not reopened: the arrows stay plain.
 */
export function createRoutingClient(open: (events: RoutingChannelEvents) => RoutingChannel, failed: (message: string) => void): RoutingClient {
  let channel: RoutingChannel | null = null;
  let broken = false;
  let ticket = 0;
  let inFlight: { ticket: number; done: (routes: Map<Id, EdgeRoute>) => void } | null = null;
  let next: { cards: ReadonlyMap<Id, Rect>; relations: [Id, RoutedRelation][]; done: (routes: Map<Id, EdgeRoute>) => void } | null = null;

  const breakDown = (message: string) => {
    if (broken) return;
    broken = true;
    inFlight = null;
    next = null;
    try {
      channel?.close();
    } catch {
      // A broken worker may fail to close; it is gone either way.
    }
    channel = null;
    failed(message);
  };

  const pump = () => {
    if (broken || inFlight || !next) return;
    const job = next;
    next = null;
    try {
      channel ??= open({
        message: (data) => {
          if (!isRoutingResponse(data) || !inFlight || data.ticket !== inFlight.ticket) return;
          const { done } = inFlight;
          inFlight = null;
          if (data.ok) done(new Map(data.routes));
          else failed(data.message);
          pump();
        },
        fail: breakDown,
      });
      if (broken) return;
      const request = routingRequest(++ticket, job.cards, job.relations);
      inFlight = { ticket, done: job.done };
      channel.send(request, [request.rects.buffer]);
    } catch (err) {
      breakDown(`The routing worker could not be started (${err instanceof Error ? err.message : String(err)}).`);
    }
  };

  return {
    route(cards, relations, done) {
      if (broken) return;
      next = { cards, relations: [...relations], done };
      pump();
    },
    get busy() {
      return { sent: inFlight !== null, waiting: next !== null };
    },
    dispose() {
      inFlight = null;
      next = null;
      try {
        channel?.close();
      } catch {
        // see breakDown
      }
      channel = null;
    },
  };
}
