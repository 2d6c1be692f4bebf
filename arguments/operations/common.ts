// Helpers every family of operations shares.
import { quote } from '../format/errors';
import { lookup, NODE_KIND_LABELS, type ArgumentMap, type Id } from '../model';

/** Copies changes onto a draft; `undefined` removes an optional field. */
export function setFields<T extends object>(target: T, changes: Partial<T>): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete (target as Record<string, unknown>)[key];
    else (target as Record<string, unknown>)[key] = value;
  }
}

const named = new WeakMap<object, Set<Id>>();

/**
 * The ids evaluations and comment threads point at. One of a node a hand-edited file no longer
 * has would fasten onto a new node that got that id, so fresh ids avoid them. Remembered per
 * layer object (immer keeps an unchanged layer the same object).
 */
function layerTargets(layer: Readonly<Record<Id, { target: Id }>> | undefined): ReadonlySet<Id> {
  if (!layer) return new Set();
  let set = named.get(layer);
  if (!set) named.set(layer, (set = new Set(Object.keys(layer).map((k) => layer[k]!.target))));
  return set;
}

/** An id not yet used by a node, relation or source, nor named by an evaluation or a thread: prefix + the smallest free number. */
export function freshId(map: ArgumentMap, prefix: string, taken: ReadonlySet<Id> = new Set()): Id {
  const judged = layerTargets(map.evaluations);
  const discussed = layerTargets(map.comments);
  for (let n = 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!lookup(map, id) && !taken.has(id) && !judged.has(id) && !discussed.has(id)) return id;
  }
}

/** A node as a refusal names it: its title, else its kind, with its id. */
export function describeNode(map: ArgumentMap, id: Id): string {
  if (!Object.hasOwn(map.nodes, id)) return quote(id);
  const n = map.nodes[id]!;
  return n.title ? `${quote(n.title)} (${quote(id)})` : `${NODE_KIND_LABELS[n.kind].toLowerCase()} ${quote(id)}`;
}

/** One result per map: an operation's check and its recipe run on the same map, so the recipe reuses what the check found. */
export function perMap<T>(compute: (map: ArgumentMap) => T): (map: ArgumentMap) => T {
  let last: { map: ArgumentMap; value: T } | null = null;
  return (map) => {
    if (last?.map !== map) last = { map, value: compute(map) };
    return last.value;
  };
}
