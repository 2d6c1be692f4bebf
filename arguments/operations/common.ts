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

/** An id not yet used by a node, relation or source: prefix + the smallest free number. */
export function freshId(map: ArgumentMap, prefix: string, taken: ReadonlySet<Id> = new Set()): Id {
  for (let n = 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!lookup(map, id) && !taken.has(id)) return id;
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
