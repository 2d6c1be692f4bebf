// Random edits of the shipped map for the comparison's property tests, and what each implies.
// An edit is one of: delete a node (with what depends on it, as the editor deletes), reword a
// node (every third word replaced), move a node under another claim (its single-premise relation
// re-aimed; one move per node), re-link (a relation's kind changed). Edits touch disjoint things: a deleted node is
// no end of a moved or re-linked relation, so each edit's consequence is exactly its own.
import fc from 'fast-check';
import { produce } from 'immer';
import { relationProblem } from '../../../arguments/format/references';
import type { ArgumentMap, Id, RelationKind } from '../../../arguments/model';
import { removeAll } from '../../../arguments/operations/removal';

export type Edit =
  | { type: 'delete'; node: Id }
  | { type: 'reword'; node: Id }
  | { type: 'move'; relation: Id; to: Id; premise?: Id }
  | { type: 'relink'; relation: Id; kind: RelationKind; premise?: Id };

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every third word replaced by a made-up one: the statement keeps two thirds of its words. */
export function reword(text: string): string {
  let k = 0;
  return text.replace(/[\p{L}\p{N}]+/gu, (w) => (++k % 3 === 0 ? `zq${k}x` : w));
}

/** Applies the edits that still make sense in order; returns the map and the edits applied (a move or re-link with the premise it moved). */
export function applyEdits(map: ArgumentMap, wanted: readonly Edit[]): { map: ArgumentMap; edits: Edit[] } {
  const applied: Edit[] = [];
  const deleted = new Set<Id>();
  const touchedRelations = new Set<Id>();
  const ends = new Set<Id>();
  const reworded = new Set<Id>();
  const moved = new Set<Id>();
  let m = map;
  for (const e of wanted) {
    if (e.type === 'delete') {
      if (!Object.hasOwn(m.nodes, e.node) || ends.has(e.node) || reworded.has(e.node)) continue;
      // Nothing moved or re-linked may depend on it.
      const endsOf = Object.values(m.relations).filter((r) => touchedRelations.has(r.id)).flatMap((r) => [...r.from, r.to]);
      if (endsOf.includes(e.node)) continue;
      m = produce(m, (d) => removeAll(d, new Set([e.node]), new Set()));
      if ([...touchedRelations].some((id) => !Object.hasOwn(m.relations, id))) throw new Error('a touched relation went with a deletion');
      deleted.add(e.node);
    } else if (e.type === 'reword') {
      if (!Object.hasOwn(m.nodes, e.node) || reworded.has(e.node)) continue;
      const text = reword(m.nodes[e.node]!.text);
      if (text === m.nodes[e.node]!.text) continue;
      m = produce(m, (d) => {
        d.nodes[e.node]!.text = text;
      });
      reworded.add(e.node);
    } else {
      if (!Object.hasOwn(m.relations, e.relation) || touchedRelations.has(e.relation)) continue;
      const r = m.relations[e.relation]!;
      if (r.kind === 'undercuts' || [...r.from, r.to].some((id) => deleted.has(id))) continue;
      if (e.type === 'move') {
        if (r.from.length !== 1 || e.to === r.to || r.from.includes(e.to) || !Object.hasOwn(m.nodes, e.to) || deleted.has(e.to)) continue;
        const p = r.from[0]!;
        // One move per node: a node moved twice could be told either way round.
        if (moved.has(p)) continue;
        // The node keeps no other tie to its old target, and has none yet to the new one.
        // (in the map as it is and as it was: a tie moved away would read as an arrow reversed).
        const tied = (x: ArgumentMap) => Object.values(x.relations).some((o) => o.id !== r.id && ((o.from.includes(p) && (o.to === r.to || o.to === e.to)) || (o.from.includes(r.to) && o.to === p) || (o.from.includes(e.to) && o.to === p)));
        const ties = tied(m) || tied(map) ? [r] : [];
        if (ties.length > 0) continue;
        const next = { ...r, to: e.to };
        if (relationProblem(m, next)) continue;
        m = produce(m, (d) => {
          d.relations[r.id]!.to = e.to;
        });
        ends.add(p).add(r.to).add(e.to);
        moved.add(p);
      } else {
        if (e.kind === r.kind || e.kind === 'undercuts') continue;
        if (relationProblem(m, { ...r, kind: e.kind })) continue;
        m = produce(m, (d) => {
          d.relations[r.id]!.kind = e.kind;
        });
        for (const id of [...r.from, r.to]) ends.add(id);
      }
      touchedRelations.add(r.id);
      // Its first premise when edited (a deletion before may have taken a co-premise).
      applied.push({ ...e, premise: r.from[0]! });
      continue;
    }
    applied.push(e);
  }
  return { map: m, edits: applied };
}

/** Random edits of `map`: 1–5 of them, on its own nodes and relations. */
export function editsOf(map: ArgumentMap): fc.Arbitrary<Edit[]> {
  const nodes = Object.keys(map.nodes).sort(byString);
  const relations = Object.keys(map.relations).sort(byString);
  const claims = nodes.filter((id) => map.nodes[id]!.kind === 'claim' || map.nodes[id]!.kind === 'thesis');
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.constantFrom(...nodes).map((node): Edit => ({ type: 'delete', node })),
    fc.constantFrom(...nodes).map((node): Edit => ({ type: 'reword', node })),
    fc.tuple(fc.constantFrom(...relations), fc.constantFrom(...claims)).map(([relation, to]): Edit => ({ type: 'move', relation, to })),
    fc.tuple(fc.constantFrom(...relations), fc.constantFrom<RelationKind>('supports', 'opposes', 'qualifies')).map(([relation, kind]): Edit => ({ type: 'relink', relation, kind })),
  );
  return fc.array(edit, { minLength: 1, maxLength: 5 });
}

/** Every id of the map renamed (nodes, relations, sources), and the renaming: a student's ids are their own. */
export function renameIds(map: ArgumentMap, prefix = 's'): { map: ArgumentMap; rename: Map<Id, Id> } {
  const rename = new Map<Id, Id>();
  // Reversed order, so the student's id order is not the instructor's.
  [...Object.keys(map.nodes), ...Object.keys(map.relations), ...Object.keys(map.sources)].sort(byString).reverse().forEach((id, k) => rename.set(id, `${prefix}${k}`));
  const to = (id: Id) => rename.get(id) ?? id;
  const nodes = Object.fromEntries(Object.values(map.nodes).reverse().map((n) => [to(n.id), { ...n, id: to(n.id), ...(n.quote ? { quote: { ...n.quote, source: to(n.quote.source) } } : {}) }]));
  const relations = Object.fromEntries(Object.values(map.relations).reverse().map((r) => [to(r.id), { ...r, id: to(r.id), from: r.from.map(to), to: to(r.to) }]));
  const sources = Object.fromEntries(Object.values(map.sources).map((s) => [to(s.id), { ...s, id: to(s.id), ...(s.quotes ? { quotes: s.quotes.map(to) } : {}) }]));
  const positions = Object.fromEntries(Object.entries(map.view.positions).map(([id, p]) => [to(id), p]));
  return { map: { ...map, nodes, relations, sources, evaluations: {}, comments: {}, view: { positions, collapsed: map.view.collapsed.map(to) } }, rename };
}
