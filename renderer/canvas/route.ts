// The arrow keys' route through the argument, and where focus goes after a delete: pure
// functions of the map over the outline's tree (arguments/analysis/outline.ts), so the canvas
// and the outline follow the same order. No DOM, no React.
import { outlineOf, routeChildren, routeParent, routeSiblings, type Outline, type OutlineItem } from '../../arguments/analysis/outline';
import type { ArgumentMap, Id } from '../../arguments/model';
import type { Selection } from '../store/store';

export type Direction = 'up' | 'down' | 'left' | 'right';

/** The item the route is at: the one last arrived at (`at`, a key), if it shows this node (a node reached twice has two), else its first place. */
function itemAt(outline: Outline, id: Id, at: string | null): OutlineItem | undefined {
  const last = at !== null ? outline.byKey.get(at) : undefined;
  return last && last.node === id ? last : outline.primary.get(id);
}

/**
 * The item an arrow key leads to from node `id` (↑ what it supports or attacks, ↓ the first of
 * what bears on it, ← → its neighbours under the same target), skipping nodes hidden by a
 * collapse; null at an end. `at` is the key of the item last arrived at.
 */
export function step(map: ArgumentMap, id: Id, direction: Direction, hidden: ReadonlySet<Id> = new Set(), at: string | null = null): OutlineItem | null {
  const outline = outlineOf(map);
  const item = itemAt(outline, id, at);
  if (!item) return null;
  const shown = (i: OutlineItem) => i === item || (i.node !== null && !hidden.has(i.node));
  if (direction === 'up') return routeParent(item);
  if (direction === 'down') return routeChildren(item).find(shown) ?? null;
  const siblings = routeSiblings(outline, item).filter(shown);
  const here = siblings.indexOf(item);
  return siblings[direction === 'left' ? here - 1 : here + 1] ?? null;
}

/** Where focus goes once `selection` is deleted: the next node beside the first deleted one, else the one before, else what it bore on. */
export function neighbourAfterDelete(map: ArgumentMap, selection: Selection): Id | null {
  const gone = new Set(selection.nodes);
  const outline = outlineOf(map);
  const kept = (item: OutlineItem | null | undefined): Id | null => (item?.node != null && !gone.has(item.node) ? item.node : null);
  for (const id of selection.nodes) {
    const item = outline.primary.get(id);
    if (!item) continue;
    const siblings = routeSiblings(outline, item);
    const at = siblings.indexOf(item);
    for (let i = at + 1; i < siblings.length; i++) if (kept(siblings[i])) return kept(siblings[i]);
    for (let i = at - 1; i >= 0; i--) if (kept(siblings[i])) return kept(siblings[i]);
    for (let p = routeParent(item); p; p = routeParent(p)) if (kept(p)) return kept(p);
  }
  for (const rid of selection.relations) {
    const r = Object.hasOwn(map.relations, rid) ? map.relations[rid]! : undefined;
    const end = r ? [...r.from, r.to].find((id) => Object.hasOwn(map.nodes, id) && !gone.has(id)) : undefined;
    if (end !== undefined) return end;
  }
  return null;
}
