// The arrows' routes on the canvas: computed by libavoid (arguments/layout/routing.ts) in a Web
// Worker (routing.worker.ts) when the arrangement settles — load, layout, the drop after a drag,
// an added node — never on a drag frame. Each route remembers the cards it was routed between; an
// arrow whose cards have moved since (the one being dragged) draws its plain curve until the
// drop's routes arrive. The worker's router keeps its routes per relation and reroutes only those
// near what moved; here each route that came back unchanged keeps its object, so only the arrows
// whose routes changed re-render.
import { createStore, useStore } from 'zustand';
import type { Rect } from '../../arguments/geometry';
import type { EdgeRoute, RoutedRelation } from '../../arguments/layout/routing';
import type { ArgumentMap, Id } from '../../arguments/model';
import { createRoutingClient, type RoutingChannel, type RoutingChannelEvents, type RoutingClient } from './routingProtocol';
import { attackChain } from './toFlow';

/**
 * Above this many cards the canvas does not route. Routing runs in its worker, so the page's
 * thread only packs the cards and applies the answer; but the first routing of a big map takes
 * the worker long (bench/routing.ts: ~2 s at 300 cards, ~6-11 s at 1,000 on the shared 2-core
 * machine), during which the arrows are drawn plainly.
 */
export const ROUTE_MAX_CARDS = 500;

export interface ScreenRoute extends EdgeRoute {
  /** The cards the arrow's component reads, as they were when routed (see cardsKey). */
  key: string;
}

const store = createStore<{ routes: ReadonlyMap<Id, ScreenRoute> }>(() => ({ routes: new Map() }));

/** One relation's route, when it has one: only that arrow re-renders when routes change. */
export const useRoute = (id: Id): ScreenRoute | undefined => useStore(store, (s) => s.routes.get(id));

/** The cards an arrow is drawn between, rounded: equal keys mean the route still fits. */
export const cardsKey = (rects: readonly (Rect | null)[]): string => rects.map((r) => (r ? `${Math.round(r.x)},${Math.round(r.y)},${Math.round(r.w)},${Math.round(r.h)}` : '-')).join(';');

/** The cards RelationEdge and UndercutEdge read, in their order (edges.tsx). */
function cardsOf(map: ArgumentMap, id: Id): Id[] | null {
  const r = map.relations[id]!;
  if (r.kind !== 'undercuts') return [r.to, ...r.from];
  const chain = attackChain(map, r);
  if (!chain) return null;
  const inference = chain[0]!;
  return [r.from[0]!, inference.to, ...inference.from, ...chain.slice(1).map((u) => u.from[0]!)];
}

function openWorker(events: RoutingChannelEvents): RoutingChannel {
  const worker = new Worker(new URL('./routing.worker.ts', import.meta.url), { type: 'module', name: 'edge-routing' });
  worker.onmessage = (e) => events.message(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    events.fail(e.message ? `The routing worker failed: ${e.message}` : 'The routing worker could not be started.');
  };
  worker.onmessageerror = () => events.fail('The routing worker sent an answer that could not be read.');
  return { send: (request, transfer) => worker.postMessage(request, transfer), close: () => worker.terminate() };
}

let client: RoutingClient | null = null;
const routingClient = (): RoutingClient =>
  (client ??= createRoutingClient(openWorker, (message) => console.warn(`Arrows are drawn without routing around the cards: ${message}`)));

let latest = 0;
/** The request after which routes were cleared (a map too big to route): answers to earlier ones are dropped. */
let clearedAt = 0;
let skippedAt = 0;

/** Routes the map's shown relations among `cards` (the shown cards' boxes), in the routing worker. */
export function routeWhenSettled(map: ArgumentMap, cards: ReadonlyMap<Id, Rect>): void {
  const ticket = ++latest;
  if (cards.size > ROUTE_MAX_CARDS) {
    if (skippedAt !== cards.size) console.info(`Arrows are not routed around the cards above ${ROUTE_MAX_CARDS} cards (this map shows ${cards.size}): the first routing would take the routing worker too long. Figures are still routed.`);
    skippedAt = cards.size;
    clearedAt = ticket;
    store.setState({ routes: new Map() });
    return;
  }
  const relations: [Id, RoutedRelation][] = Object.values(map.relations).map((r) => [r.id, { kind: r.kind, from: r.from, to: r.to }]);
  routingClient().route(cards, relations, (routed) => {
    if (ticket < clearedAt) return;
    // An answer for an arrangement already replaced is still shown: each arrow uses its route
    // only while the cards it was routed between have not moved (the key).
    store.setState({ routes: screenRoutes(map, cards, routed, store.getState().routes) });
  });
}

/** The routes with their cards' keys; a route the router kept (same lines, same cards) keeps its object. */
function screenRoutes(map: ArgumentMap, cards: ReadonlyMap<Id, Rect>, routed: ReadonlyMap<Id, EdgeRoute>, before: ReadonlyMap<Id, ScreenRoute>): Map<Id, ScreenRoute> {
  const routes = new Map<Id, ScreenRoute>();
  for (const [id, route] of routed) {
    if (!Object.hasOwn(map.relations, id)) continue;
    const ids = cardsOf(map, id);
    if (!ids) continue;
    const key = cardsKey(ids.map((c) => cards.get(c) ?? null));
    const prev = before.get(id);
    const same = prev && prev.key === key && samePoints(prev.line, route.line) && prev.branches.length === route.branches.length && prev.branches.every((b, i) => samePoints(b, route.branches[i]!));
    routes.set(id, same ? prev : { ...route, key });
  }
  return routes;
}

/** Routes come back from the worker as copies: compared by their points, not by identity. */
const samePoints = (a: readonly { x: number; y: number }[], b: readonly { x: number; y: number }[]) => a.length === b.length && a.every((p, i) => p.x === b[i]!.x && p.y === b[i]!.y);
