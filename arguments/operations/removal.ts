// What goes when nodes and relations go, in the same undo step: the relations that lose all
// their premises or their target (transitively: undercuts of removed relations), a linked
// inference's deleted co-premises, the evaluations of everything removed; comment threads on
// removed things are kept, marked with what they were on (model.ts: DetachedTarget).
import { original, type Draft } from 'immer';
import { relationKey } from '../format/references';
import type { ArgumentMap, CommentThread, Id, Relation } from '../model';
import { detachedTarget } from './comments';

export interface Removal {
  /** Relations removed, those asked for included. */
  removed: Set<Id>;
  /** Linked inferences that keep some premises: their premises after the change. */
  trimmed: Map<Id, Id[]>;
}

/**
 * Relations that must go when these nodes and relations go. A linked inference that, without
 * its deleted co-premises, would repeat another relation (same kind, target and premises) goes
 * too: it would say nothing the other does not, and a map never holds the same relation twice.
 */
export function cascade(map: ArgumentMap, nodeIds: ReadonlySet<Id>, relationIds: ReadonlySet<Id>): Removal {
  const removed = new Set(relationIds);
  const trimmed = new Map<Id, Id[]>();
  for (;;) {
    let grew = true;
    while (grew) {
      grew = false;
      for (const r of Object.values(map.relations)) {
        if (removed.has(r.id)) continue;
        const from = r.from.filter((f) => !nodeIds.has(f));
        const targetGone = nodeIds.has(r.to) || removed.has(r.to);
        if (from.length === 0 || targetGone) {
          removed.add(r.id);
          trimmed.delete(r.id);
          grew = true;
        } else if (from.length !== r.from.length) trimmed.set(r.id, from);
      }
    }
    if (trimmed.size === 0) return { removed, trimmed };
    // A trimmed relation that now repeats another: the untouched one stays, else the first by id.
    const byKey = new Map<string, Relation>();
    const repeats: Id[] = [];
    const survivors = Object.values(map.relations).filter((r) => !removed.has(r.id));
    survivors.sort((a, b) => Number(trimmed.has(a.id)) - Number(trimmed.has(b.id)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const r of survivors) {
      const key = relationKey({ ...r, from: trimmed.get(r.id) ?? r.from });
      if (byKey.has(key)) repeats.push(r.id);
      else byKey.set(key, r);
    }
    if (repeats.length === 0) return { removed, trimmed };
    for (const id of repeats) {
      removed.add(id);
      trimmed.delete(id);
    }
  }
}

/** Whether removing these leaves any comment thread detached (the saved file grows by a note per thread). */
export function detachesThreads(map: ArgumentMap, gone: ReadonlySet<Id>): boolean {
  const threads = map.comments ?? {};
  return Object.keys(threads).some((id) => !threads[id]!.detached && gone.has(threads[id]!.target));
}

/** The removal itself, on a draft: relations, nodes, their positions and collapsed state, evaluations, and threads detached. */
export function removeAll(d: Draft<ArgumentMap>, nodeIds: ReadonlySet<Id>, relationIds: ReadonlySet<Id>): void {
  // Read from the original: walking drafts would create proxies for every relation.
  const map = original(d) as ArgumentMap;
  const { removed, trimmed } = cascade(map, nodeIds, relationIds);
  removeElements(d, map, nodeIds, removed);
  for (const [id, from] of trimmed) d.relations[id]!.from = from;
}

/** Removes nodes and relations of `map` (the draft's original) with their layers: what every removal shares. */
export function removeElements(d: Draft<ArgumentMap>, map: ArgumentMap, nodeIds: ReadonlySet<Id>, relationIds: ReadonlySet<Id>): void {
  const gone = (id: Id) => nodeIds.has(id) || relationIds.has(id);
  const evaluations = map.evaluations ?? {};
  for (const id of Object.keys(evaluations)) if (gone(evaluations[id]!.target)) delete d.evaluations![id];
  const threads = map.comments ?? {};
  for (const id of Object.keys(threads)) {
    const t: CommentThread = threads[id]!;
    if (t.detached || !gone(t.target)) continue;
    const what = detachedTarget(map, t.target);
    if (what) d.comments![id]!.detached = what;
  }
  for (const id of relationIds) delete d.relations[id];
  for (const id of nodeIds) {
    delete d.nodes[id];
    delete d.view.positions[id];
  }
  if (map.view.collapsed.some((id) => nodeIds.has(id))) d.view.collapsed = map.view.collapsed.filter((id) => !nodeIds.has(id));
}
