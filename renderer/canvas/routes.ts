// The arrows' routes on the canvas: computed by libavoid (arguments/layout/routing.ts) when the
// arrangement settles — load, layout, the drop after a drag, an added node — never on a drag
// frame. Each route remembers the cards it was routed between; an arrow whose cards have moved
// since (the one being dragged) draws its plain curve until the drop reroutes it. The router
// keeps its routes per relation and reroutes only those near what moved.
import { createStore, useStore } from 'zustand';
import type { Rect } from '../../arguments/geometry';
import { EdgeRouter, type EdgeRoute, type RoutedRelation } from '../../arguments/layout/routing';
import type { ArgumentMap, Id } from '../../arguments/model';
import { loadRouting } from './avoid';
import { attackChain } from './toFlow';

/**
 * Above this many cards the canvas does not route: the first routing runs on the page's thread
 * and would hold it for seconds (bench/routing.ts: ~2 s at 300 cards, ~6-11 s at 1,000 on the
 * shared 2-core machine). Later routings redo only the relations near what moved.
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

let router: EdgeRouter | null = null;
let latest = 0;
let skippedAt = 0;

/** Routes the map's shown relations among `cards` (the shown cards' boxes), after the frame in which they settled. */
export function routeWhenSettled(map: ArgumentMap, cards: ReadonlyMap<Id, Rect>): void {
  const ticket = ++latest;
  if (cards.size > ROUTE_MAX_CARDS) {
    if (skippedAt !== cards.size) console.info(`Arrows are not routed around the cards above ${ROUTE_MAX_CARDS} cards (this map shows ${cards.size}): routing them would hold the page for seconds. Figures are still routed.`);
    skippedAt = cards.size;
    store.setState({ routes: new Map() });
    return;
  }
  void loadRouting().then((avoid) => {
    if (!avoid || ticket !== latest) return;
    setTimeout(() => {
      if (ticket !== latest) return;
      router ??= new EdgeRouter(avoid);
      const relations = new Map<Id, RoutedRelation>();
      for (const r of Object.values(map.relations)) relations.set(r.id, { kind: r.kind, from: r.from, to: r.to });
      let routed: Map<Id, EdgeRoute>;
      try {
        routed = router.route(cards, relations);
      } catch (err) {
        console.warn(err instanceof Error ? err.message : String(err));
        return;
      }
      const before = store.getState().routes;
      const routes = new Map<Id, ScreenRoute>();
      for (const [id, route] of routed) {
        const ids = cardsOf(map, id);
        if (!ids) continue;
        const key = cardsKey(ids.map((c) => cards.get(c) ?? null));
        // A route the router kept (same lines) keeps its object, so its arrow does not re-render.
        const prev = before.get(id);
        const same = prev && prev.key === key && prev.line === route.line && prev.branches.length === route.branches.length && prev.branches.every((b, i) => b === route.branches[i]);
        routes.set(id, same ? prev : { ...route, key });
      }
      store.setState({ routes });
    }, 0);
  });
}
