// What a figure shows: the whole map, the selection, or one node's subtree (the node and
// everything that bears on it, transitively: its premises and their evidence, the attacks on
// it and on its inferences), with or without the counter-considerations.
import { quote } from '../format/errors';
import type { ArgumentMap, Id, Relation } from '../model';

export type Scope = { kind: 'all' } | { kind: 'selection'; ids: readonly Id[] } | { kind: 'subtree'; root: Id };

export interface Scoped {
  nodes: Set<Id>;
  relations: Set<Id>;
}

/** A scope that names nothing in the map: worded for the user. */
export class ScopeError extends Error {
  override name = 'ScopeError';
}

/** "all", "claim:C1" (or "subtree:C1"), "selection:P1a,P1b". */
export function parseScope(text: string): Scope {
  if (text === 'all') return { kind: 'all' };
  const at = text.indexOf(':');
  const head = at < 0 ? text : text.slice(0, at);
  const rest = at < 0 ? '' : text.slice(at + 1);
  if ((head === 'claim' || head === 'subtree' || head === 'node') && rest) return { kind: 'subtree', root: rest };
  if (head === 'selection' && rest) {
    const ids = rest.split(',').map((s) => s.trim()).filter(Boolean);
    if (ids.length > 0) return { kind: 'selection', ids };
  }
  throw new ScopeError(`The scope ${quote(text)} is not one of: all, claim:ID (a node and everything that bears on it), selection:ID,ID,…`);
}

/** Relations whose premises and target are all in `nodes` (undercuts: whose attacked relation is kept). */
function relationsAmong(map: ArgumentMap, nodes: Set<Id>): Set<Id> {
  const kept = new Set<Id>();
  const undercuts: Relation[] = [];
  for (const r of Object.values(map.relations)) {
    if (!r.from.every((f) => nodes.has(f))) continue;
    if (r.kind === 'undercuts') undercuts.push(r);
    else if (nodes.has(r.to)) kept.add(r.id);
  }
  // An undercut may attack an undercut: keep going until nothing more is kept.
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of undercuts)
      if (!kept.has(r.id) && kept.has(r.to)) {
        kept.add(r.id);
        grew = true;
      }
  }
  return kept;
}

function subtree(map: ArgumentMap, root: Id): Set<Id> {
  const into = new Map<Id, Relation[]>();
  for (const r of Object.values(map.relations)) {
    const list = into.get(r.to);
    if (list) list.push(r);
    else into.set(r.to, [r]);
  }
  const nodes = new Set<Id>([root]);
  const seenRelations = new Set<Id>();
  const queue: Id[] = [root];
  while (queue.length > 0) {
    const target = queue.pop()!;
    for (const r of into.get(target) ?? []) {
      if (seenRelations.has(r.id)) continue;
      seenRelations.add(r.id);
      queue.push(r.id); // its undercuts bear on it too
      for (const f of r.from)
        if (!nodes.has(f)) {
          nodes.add(f);
          queue.push(f);
        }
    }
  }
  return nodes;
}

/** The nodes and relations a figure of `map` shows. Throws ScopeError when the scope names nothing there. */
export function scopeMap(map: ArgumentMap, scope: Scope, options: { counters: boolean }): Scoped {
  let nodes: Set<Id>;
  if (scope.kind === 'all') nodes = new Set(Object.keys(map.nodes));
  else if (scope.kind === 'subtree') {
    if (!Object.hasOwn(map.nodes, scope.root)) throw new ScopeError(`There is no node ${quote(scope.root)} in this map.`);
    nodes = subtree(map, scope.root);
  } else {
    nodes = new Set();
    const unknown: Id[] = [];
    for (const id of scope.ids) {
      if (Object.hasOwn(map.nodes, id)) nodes.add(id);
      else if (Object.hasOwn(map.relations, id)) map.relations[id]!.from.forEach((f) => nodes.add(f));
      else unknown.push(id);
    }
    if (unknown.length > 0) throw new ScopeError(`There is no node ${unknown.map((u) => `${quote(u)}`).join(', ')} in this map.`);
    if (nodes.size === 0) throw new ScopeError('The selection is empty: select the nodes to export first.');
    // A selected relation brings its target too.
    for (const id of scope.ids) {
      const r = Object.hasOwn(map.relations, id) ? map.relations[id]! : undefined;
      if (r && r.kind !== 'undercuts' && Object.hasOwn(map.nodes, r.to)) nodes.add(r.to);
    }
  }
  if (!options.counters) {
    // Without the counter-considerations, and without what only answered them: a node that
    // was connected in the figure and no longer is (the critic's evidence for an objection).
    const connected = (rels: Set<Id>) => {
      const s = new Set<Id>();
      for (const id of rels) {
        const r = map.relations[id]!;
        r.from.forEach((f) => s.add(f));
        if (r.kind !== 'undercuts') s.add(r.to);
      }
      return s;
    };
    const root = scope.kind === 'subtree' ? scope.root : null;
    const before = connected(relationsAmong(map, nodes));
    nodes = new Set([...nodes].filter((id) => map.nodes[id]!.kind !== 'counter' || id === root));
    for (;;) {
      const now = connected(relationsAmong(map, nodes));
      const next = new Set([...nodes].filter((id) => id === root || !before.has(id) || now.has(id)));
      if (next.size === nodes.size) break;
      nodes = next;
    }
  }
  const relations = relationsAmong(map, nodes);
  return { nodes, relations };
}
