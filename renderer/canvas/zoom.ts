// Zoom to what the historian is looking at: the selection (Shift+F), or one claim and
// everything that bears on it (its premises and evidence, the objections to it and to its
// inferences: the same subtree a figure's "claim" scope exports).
import { scopeMap } from '../../arguments/export/scope';
import type { Id } from '../../arguments/model';
import { editor, getMap, notify } from '../store/store';

type Zoomer = (ids: readonly Id[]) => void;
let zoomer: Zoomer | null = null;

/** The canvas registers how to fit a set of nodes into the window; returns an unregister function. */
export function setZoomer(fn: Zoomer): () => void {
  zoomer = fn;
  return () => {
    if (zoomer === fn) zoomer = null;
  };
}

/** The nodes selected, and those a selected arrow joins. */
export function selectionNodes(): Id[] {
  const { selection } = editor.getState();
  const map = getMap();
  const ids = new Set(selection.nodes.filter((id) => Object.hasOwn(map.nodes, id)));
  for (const rid of selection.relations) {
    if (!Object.hasOwn(map.relations, rid)) continue;
    const r = map.relations[rid]!;
    r.from.forEach((f) => ids.add(f));
    if (Object.hasOwn(map.nodes, r.to)) ids.add(r.to);
  }
  return [...ids];
}

export function zoomToSelection(): void {
  const ids = selectionNodes();
  if (ids.length === 0) {
    notify({ kind: 'info', title: 'Nothing selected to zoom to', lines: ['Select nodes or arrows first (Shift+F zooms to them), or press F to fit the whole map.'] });
    return;
  }
  zoomer?.(ids);
}

/** The node `id` and everything that bears on it, transitively. */
export function zoomToClaim(id: Id): void {
  const map = getMap();
  if (!Object.hasOwn(map.nodes, id)) return;
  zoomer?.([...scopeMap(map, { kind: 'subtree', root: id }, { counters: true }).nodes]);
}
