// Bringing chosen nodes of one map into another (a student's good objection into the class map)
// as ONE operation, one undo step: the nodes, the relations among them and to nodes the target
// has, and the sources their quotes need. Which target node a relation attaches to is decided by
// the comparison's matching (compare.ts), not by id: a student's "C1" may be any claim. A chosen
// node the target already has (matched) is not copied; relations to it attach to its counterpart.
// Ids are kept where free, fresh where they clash. The check is the editor's own: addSource and
// insertFragment (operations.ts), so the loader's rules are applied by the module that owns them.
import type { Draft } from 'immer';
import { relationKey } from '../format/references';
import type { Operation } from '../history';
import { lookup, type ArgumentMap, type Id, type Point, type Relation, type Source } from '../model';
import { addSource, freshId, insertFragment, type Fragment } from '../operations';
import type { Comparison } from './compare';

export interface BringPlan {
  /** The nodes (with their ids in the target), the relations, the positions. */
  fragment: Fragment;
  /** Sources brought along because a brought node quotes them (the target has no source with that text). */
  sources: Source[];
  /** Id in the other map → id in the target, for everything brought (nodes, relations, sources). */
  renamed: Record<Id, Id>;
  /** Chosen nodes the target already has: their id in the other map → the target's node. */
  alreadyThere: Record<Id, Id>;
  /** Relations of the other map touching the chosen nodes that are not brought, and why. */
  left: { id: Id; reason: string }[];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The matching as bring needs it: the student's node → the instructor's (compare(student, instructor)). */
export function matchingOf(c: Comparison): Map<Id, Id> {
  return new Map(c.matches.map((m) => [m.studentId, m.id]));
}

/**
 * What bringing `nodeIds` of `from` into `target` adds. `matching` maps nodes of `from` to the
 * target's (matchingOf(compare(from, target))). `offset` moves the brought nodes' positions;
 * by default they go to the right of the target's nodes.
 */
export function planBring(target: ArgumentMap, from: ArgumentMap, nodeIds: readonly Id[], matching: ReadonlyMap<Id, Id>, offset?: Point): BringPlan {
  const chosen = [...new Set(nodeIds)].filter((id) => Object.hasOwn(from.nodes, id)).sort(byString);
  const alreadyThere: Record<Id, Id> = {};
  const renamed: Record<Id, Id> = {};
  const taken = new Set<Id>();
  // An id a hand-edited file's evaluation or thread still names would fasten onto the brought record.
  const named = new Set([...Object.values(target.evaluations ?? {}), ...Object.values(target.comments ?? {})].map((x) => x.target));
  const claim = (id: Id, prefix: string) => {
    const keep = !lookup(target, id) && !taken.has(id) && !named.has(id) ? id : freshId(target, prefix, taken);
    taken.add(keep);
    return keep;
  };
  const prefixOf = (id: Id) => {
    const p = id.replace(/\d+$/, '');
    return p.length > 0 && p.length <= 100 ? p : 'n';
  };
  // Sources: the target's own when it has the same text, else brought.
  const sameText = new Map<string, Id>();
  for (const id of Object.keys(target.sources).sort(byString)) if (!sameText.has(target.sources[id]!.text)) sameText.set(target.sources[id]!.text, id);
  const sourceFor = new Map<Id, Id>();
  const sources: Source[] = [];
  const bringSource = (id: Id): Id => {
    const known = sourceFor.get(id);
    if (known) return known;
    const s = from.sources[id]!;
    const same = s.text !== '' ? sameText.get(s.text) : undefined;
    if (same !== undefined) {
      sourceFor.set(id, same);
      return same;
    }
    const newId = claim(id, prefixOf(id));
    sourceFor.set(id, newId);
    renamed[id] = newId;
    // The sources it quotes come only where the target has them (same text): they are not asked for.
    const quotes = s.quotes?.flatMap((q) => (Object.hasOwn(from.sources, q) && sameText.has(from.sources[q]!.text) ? [sameText.get(from.sources[q]!.text)!] : []));
    const copy: Source = { ...s, id: newId };
    if (s.quotes) {
      if (quotes && quotes.length > 0) copy.quotes = quotes;
      else delete copy.quotes;
    }
    sources.push(copy);
    return newId;
  };

  const nodes: Fragment['nodes'] = [];
  const nodeFor = new Map<Id, Id>();
  for (const id of chosen) {
    if (matching.has(id) && Object.hasOwn(target.nodes, matching.get(id)!)) {
      alreadyThere[id] = matching.get(id)!;
      continue;
    }
    const n = from.nodes[id]!;
    const newId = claim(id, prefixOf(id));
    nodeFor.set(id, newId);
    renamed[id] = newId;
    const quote = n.quote && Object.hasOwn(from.sources, n.quote.source) ? { ...n.quote, source: bringSource(n.quote.source) } : n.quote;
    nodes.push(quote ? { ...n, id: newId, quote } : { ...n, id: newId });
  }
  const endOf = (id: Id) => nodeFor.get(id) ?? (matching.has(id) && Object.hasOwn(target.nodes, matching.get(id)!) ? matching.get(id)! : undefined);

  // Relations touching a brought node, whose every end is brought or matched; undercuts once their inference is there.
  const relations: Relation[] = [];
  const left: BringPlan['left'] = [];
  const relFor = new Map<Id, Id>();
  const keys = new Set(Object.values(target.relations).map(relationKey));
  const targetRelationByKey = new Map(Object.values(target.relations).map((r) => [relationKey(r), r.id]));
  const touching = Object.keys(from.relations)
    .sort(byString)
    .map((id) => from.relations[id]!)
    .filter((r) => r.from.some((f) => nodeFor.has(f)) || nodeFor.has(r.to) || r.kind === 'undercuts');
  const pending = new Map(touching.map((r) => [r.id, r]));
  const mappedTarget = (r: Relation): Id | undefined => {
    if (r.kind !== 'undercuts') return endOf(r.to);
    if (relFor.has(r.to)) return relFor.get(r.to);
    if (!Object.hasOwn(from.relations, r.to)) return undefined;
    const q = from.relations[r.to]!;
    const qFrom = q.from.map(endOf);
    const qTo = q.kind === 'undercuts' ? relFor.get(q.to) : endOf(q.to);
    if (qFrom.some((f) => f === undefined) || qTo === undefined) return undefined;
    return targetRelationByKey.get(relationKey({ kind: q.kind, from: qFrom as Id[], to: qTo }));
  };
  for (let grew = true; grew; ) {
    grew = false;
    for (const [id, r] of pending) {
      const premises = r.from.map(endOf);
      const to = mappedTarget(r);
      if (premises.some((p) => p === undefined) || to === undefined) continue;
      const broughtEnd = r.from.some((f) => nodeFor.has(f)) || nodeFor.has(r.to) || (r.kind === 'undercuts' && relFor.has(r.to));
      pending.delete(id);
      if (!broughtEnd) continue;
      const copy = { ...r, from: premises as Id[], to };
      if (keys.has(relationKey(copy))) {
        left.push({ id, reason: 'The map already has this relation.' });
        continue;
      }
      const newId = claim(id, 'r');
      relFor.set(id, newId);
      renamed[id] = newId;
      keys.add(relationKey(copy));
      relations.push({ ...copy, id: newId });
      grew = true;
    }
  }
  for (const [id, r] of pending)
    if (r.from.some((f) => nodeFor.has(f)) || nodeFor.has(r.to) || (r.kind === 'undercuts' && relFor.has(r.to)))
      left.push({ id, reason: 'It connects to a node (or an inference) this map does not have and that is not brought.' });

  // Positions: the other map's arrangement, to the right of the target's nodes unless told.
  const placed = chosen.filter((id) => nodeFor.has(id) && Object.hasOwn(from.view.positions, id));
  const xs = Object.values(target.view.positions);
  const shift = offset ?? (placed.length === 0 || xs.length === 0 ? { x: 0, y: 0 } : {
    x: Math.max(...xs.map((p) => p.x)) + 400 - Math.min(...placed.map((id) => from.view.positions[id]!.x)),
    y: Math.min(...xs.map((p) => p.y)) - Math.min(...placed.map((id) => from.view.positions[id]!.y)),
  });
  const positions: Record<Id, Point> = {};
  for (const id of placed) positions[nodeFor.get(id)!] = { x: from.view.positions[id]!.x + shift.x, y: from.view.positions[id]!.y + shift.y };
  return { fragment: { nodes, relations, positions }, sources, renamed, alreadyThere, left };
}

/** The plan as one undoable step: the sources first, then the nodes and relations, each checked by the editor's own operation. */
export function bringNodes(plan: BringPlan, label = plan.fragment.nodes.length === 1 ? 'Bring a node' : `Bring ${plan.fragment.nodes.length} nodes`): Operation {
  const insert = insertFragment(plan.fragment, label);
  const adds = plan.sources.map(addSource);
  return {
    label,
    check: (map) => {
      if (plan.fragment.nodes.length === 0) return 'Nothing to bring: the chosen nodes are already in this map.';
      let m = map;
      for (const [k, op] of adds.entries()) {
        const problem = op.check?.(m) ?? null;
        if (problem) return problem;
        m = { ...m, sources: { ...m.sources, [plan.sources[k]!.id]: plan.sources[k]! } };
      }
      return insert.check?.(m) ?? null;
    },
    apply: (d: Draft<ArgumentMap>) => {
      for (const op of adds) op.apply(d);
      insert.apply(d);
    },
  };
}
