// The order in which a reader meets a map's nodes: each thesis (by id), then what supports,
// opposes or qualifies it, depth first, the premises of each relation in their order, then what
// undercuts that relation; nodes no thesis reaches follow, by kind then id, each with what
// bears on it. Footnotes in this order read as the argument does.
import { naturalCompare } from '../analysis/order';
import { NODE_KINDS, type ArgumentMap, type Id, type Relation } from '../model';

export function readingOrder(map: ArgumentMap): Id[] {
  const into = new Map<Id, Relation[]>();
  for (const r of Object.values(map.relations)) {
    const list = into.get(r.to);
    if (list) list.push(r);
    else into.set(r.to, [r]);
  }
  for (const list of into.values()) list.sort((a, b) => naturalCompare(a.id, b.id));

  /** What bears on a node: the premises of each relation into it, each followed by what undercuts that relation. */
  const bearing = (target: Id): Id[] => {
    const out: Id[] = [];
    const seen = new Set<Id>();
    const stack = [...(into.get(target) ?? [])].reverse();
    while (stack.length > 0) {
      const r = stack.pop()!;
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      for (const id of r.from) out.push(id);
      const undercuts = into.get(r.id) ?? [];
      for (let k = undercuts.length - 1; k >= 0; k--) stack.push(undercuts[k]!);
    }
    return out;
  };

  const kindRank = new Map(NODE_KINDS.map((k, i) => [k, i]));
  const roots = Object.values(map.nodes)
    .sort((a, b) => (a.kind === 'thesis' ? 0 : 1) - (b.kind === 'thesis' ? 0 : 1) || kindRank.get(a.kind)! - kindRank.get(b.kind)! || naturalCompare(a.id, b.id))
    .map((n) => n.id);
  const order: Id[] = [];
  const visited = new Set<Id>();
  for (const root of roots) {
    // Iterative, so a chain of 10,000 premises cannot overflow the stack.
    const stack = [root];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (visited.has(id) || !Object.hasOwn(map.nodes, id)) continue;
      visited.add(id);
      order.push(id);
      const children = bearing(id);
      for (let k = children.length - 1; k >= 0; k--) if (!visited.has(children[k]!)) stack.push(children[k]!);
    }
  }
  return order;
}
