// What a merged map may hold that no single map could: a relation to a node one side deleted, two
// relations made the same, a quote of a source one side deleted, one id taken by a node on one
// side and a relation on the other. Mended here with the loader's rules (format/references.ts:
// relationProblems, relationKey) and the editor's ways (a relation loses a deleted premise, or
// goes with its target; an evaluation goes with what it judged; a thread is kept, detached), and
// every mend reported. A map that already passes the loader's checks is returned unchanged.
import { relationKey, relationProblems } from '../format/references';
import type { ArgumentMap, Id } from '../model';
import { detachedTarget } from '../operations';

export interface MergeRepair {
  code: 'dangling-reference' | 'duplicate-relation' | 'duplicate-id' | 'restored-source';
  /** The record mended (a relation, a source, an evaluation, a thread). */
  id: Id;
  message: string;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const has = (r: object, id: Id) => Object.hasOwn(r, id);

export function normalizeMerged(input: ArgumentMap, sides: readonly ArgumentMap[]): { map: ArgumentMap; repairs: MergeRepair[] } {
  const repairs: MergeRepair[] = [];
  const map: ArgumentMap = {
    ...input,
    nodes: { ...input.nodes },
    relations: { ...input.relations },
    sources: { ...input.sources },
    evaluations: { ...(input.evaluations ?? {}) },
    comments: { ...(input.comments ?? {}) },
    view: { ...input.view, positions: { ...input.view.positions } },
  };
  const taken = (id: Id) => has(map.nodes, id) || has(map.relations, id) || has(map.sources, id);
  const fresh = (id: Id) => {
    for (let n = 2; ; n++) if (!taken(`${id.slice(0, 110)}.${n}`)) return `${id.slice(0, 110)}.${n}`;
  };

  // One id, two records (a node on one side, a relation or source on the other): the relation or source is renamed.
  for (const id of Object.keys(map.relations).sort(byString))
    if (has(map.nodes, id)) {
      const to = fresh(id);
      map.relations[to] = { ...map.relations[id]!, id: to };
      delete map.relations[id];
      for (const r of Object.values(map.relations)) if (r.kind === 'undercuts' && r.to === id) map.relations[r.id] = { ...r, to };
      repairs.push({ code: 'duplicate-id', id: to, message: `The id ${id} was a node on one side and a relation on the other; the relation is now ${to}.` });
    }
  for (const id of Object.keys(map.sources).sort(byString))
    if (has(map.nodes, id) || has(map.relations, id)) {
      const to = fresh(id);
      map.sources[to] = { ...map.sources[id]!, id: to };
      delete map.sources[id];
      for (const n of Object.values(map.nodes)) if (n.quote?.source === id) map.nodes[n.id] = { ...n, quote: { ...n.quote, source: to } };
      repairs.push({ code: 'duplicate-id', id: to, message: `The id ${id} was taken by a source and by another record; the source is now ${to}.` });
    }

  // A quote of a source one side deleted: the source comes back (deleting a quoted source is refused in the editor too).
  for (const id of Object.keys(map.nodes).sort(byString)) {
    const q = map.nodes[id]!.quote;
    if (!q || has(map.sources, q.source)) continue;
    const side = sides.find((m) => has(m.sources, q.source));
    if (side && !taken(q.source)) {
      map.sources[q.source] = side.sources[q.source]!;
      repairs.push({ code: 'restored-source', id: q.source, message: `Node ${id} quotes the source ${q.source}, which one side deleted; the source is kept.` });
    }
  }
  for (const id of Object.keys(map.sources).sort(byString)) {
    const s = map.sources[id]!;
    if (!s.quotes?.some((q) => !has(map.sources, q) || q === id)) continue;
    map.sources[id] = { ...s, quotes: s.quotes.filter((q) => has(map.sources, q) && q !== id) };
    repairs.push({ code: 'dangling-reference', id, message: `Source ${id} said it quotes sources no longer in the map; they were taken off its list.` });
  }

  // Relations: a deleted premise is dropped (a linked inference keeps the rest), a relation without premises or target goes, then repeats go.
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of Object.keys(map.relations).sort(byString)) {
      const r = map.relations[id]!;
      const problems = relationProblems(map, r);
      if (problems.length === 0) continue;
      changed = true;
      const from = r.from.filter((f, j) => has(map.nodes, f) && r.from.indexOf(f) === j);
      if (from.length > 0 && !problems.some((p) => p.at[0] === 'to' || p.at.length === 0) && from.length < r.from.length) {
        map.relations[id] = { ...r, from };
        repairs.push({ code: 'dangling-reference', id, message: `Relation ${id} started from nodes one side deleted; it keeps its other premises.` });
      } else {
        delete map.relations[id];
        repairs.push({ code: 'dangling-reference', id, message: `Relation ${id} went: ${problems[0]!.message}` });
      }
    }
    const seen = new Map<string, Id>();
    for (const id of Object.keys(map.relations).sort(byString)) {
      const key = relationKey(map.relations[id]!);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, id);
      else {
        delete map.relations[id];
        changed = true;
        repairs.push({ code: 'duplicate-relation', id, message: `Relation ${id} came to repeat relation ${first} (the same kind, target and premises); it went.` });
      }
    }
  }

  // Evaluations go with what they judged; threads stay, detached, as a deletion in the editor leaves them.
  const element = (id: Id) => has(map.nodes, id) || has(map.relations, id);
  for (const id of Object.keys(map.evaluations!).sort(byString))
    if (!element(map.evaluations![id]!.target)) {
      delete map.evaluations![id];
      repairs.push({ code: 'dangling-reference', id, message: `Evaluation ${id} judged something one side deleted; it went with it.` });
    }
  for (const id of Object.keys(map.comments!).sort(byString)) {
    const t = map.comments![id]!;
    if (t.detached || element(t.target)) continue;
    const what = sides.map((m) => detachedTarget(m, t.target)).find((x) => x !== undefined);
    if (what) map.comments![id] = { ...t, detached: what };
    repairs.push({ code: 'dangling-reference', id, message: `Comment thread ${id} is on something one side deleted; it is kept with the comments on deleted items.` });
  }
  for (const id of Object.keys(map.view.positions)) if (!has(map.nodes, id)) delete map.view.positions[id];
  if (map.view.collapsed.some((id) => !has(map.nodes, id))) map.view = { ...map.view, collapsed: map.view.collapsed.filter((id) => has(map.nodes, id)) };
  return { map, repairs };
}
