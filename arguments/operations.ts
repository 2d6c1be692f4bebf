// Every undoable change to a map, as an Operation (see history.ts). Each checks that it
// makes sense on the map first and says why not in words; its recipe then only mutates.
// Nodes, relations and fragments are here; sources and quotes in operations/.
import { current, isDraft, original, produce, type Draft } from 'immer';
import { sameEffectVerdict } from './analysis/evaluation';
import {
  lookup,
  NODE_KIND_LABELS,
  type ArgNode,
  type ArgumentMap,
  type Id,
  type MapMeta,
  type Point,
  type Relation,
  type RelationKind,
} from './model';
import { quote } from './format/errors';
import { quoteProblem, relationProblem } from './format/references';
import { AT, recordProblem } from './format/rules';
import { schemas } from './format/schema';
import { savedSizeProblem } from './format/size';
import type { Operation } from './history';
import { coordinateProblem, countProblem } from './limits';
import { freshId, setFields } from './operations/common';
import { cascade, detachesThreads, removeAll } from './operations/removal';

export { freshId } from './operations/common';
export { clearEvaluation, evaluationBy, evaluationList, evaluationsOf, freshEvaluationId, setEvaluation } from './operations/evaluations';
export { deleteThread, detachedTarget, editMessage, freshThreadId, reopenThread, reply, resolveThread, startThread, threadList, threadsOn, type NewMessage } from './operations/comments';
export { addSource, deleteSource, editSource, freshSourceId, quotingNodes, sourceProblem, type SourceChanges } from './operations/sources';
export { anchorQuote, attachQuote, locatePassage, type LocatedPassage } from './operations/quotes';
export { reanchorReport, replaceSourceText, type QuoteReanchor, type QuotationChange, type ReanchorReport, type ReanchorStatus, type TextRange } from './operations/reanchor';

/** Editable fields of a node; `undefined` removes an optional field. */
export type NodeChanges = Partial<Pick<ArgNode, 'kind' | 'text' | 'title' | 'voice'>>;

const has = (record: object, id: Id): boolean => Object.hasOwn(record, id);

// The loader's rules for each record an operation puts into the map (format/rules.ts).
const nodeProblem = (node: unknown) => recordProblem(schemas().node, node, AT.node);
const relationRecordProblem = (relation: unknown) => recordProblem(schemas().relation, relation, AT.relation);
/** NaN and infinities first, in words of their own: the schema would call them numbers "in the file". */
const pointProblem = (p: Point) => (Number.isFinite(p.x) && Number.isFinite(p.y) ? recordProblem(schemas().point, p, AT.position) : 'A position must be a finite number.');
const sizeAfter = (map: ArgumentMap, nodes: number, relations: number) =>
  countProblem('nodes', Object.keys(map.nodes).length + nodes) ?? countProblem('relations', Object.keys(map.relations).length + relations);
/** The map with these records added or replaced must still save to a file the loader opens. */
const savedWith = (map: ArgumentMap, nodes: readonly ArgNode[], relations: readonly Relation[] = []) =>
  savedSizeProblem({
    ...map,
    nodes: nodes.length ? { ...map.nodes, ...Object.fromEntries(nodes.map((n) => [n.id, n])) } : map.nodes,
    relations: relations.length ? { ...map.relations, ...Object.fromEntries(relations.map((r) => [r.id, r])) } : map.relations,
  });

// ----- nodes ---------------------------------------------------------------

export function addNode(node: ArgNode, at?: Point): Operation {
  return {
    label: `Add ${NODE_KIND_LABELS[node.kind].toLowerCase()}`,
    check: (map) => {
      if (lookup(map, node.id)) return `The id ${quote(node.id)} is already in use.`;
      return quoteProblem(map, node)?.message ?? nodeProblem(node) ?? (at ? pointProblem(at) : null) ?? sizeAfter(map, 1, 0) ?? savedWith(map, [node]);
    },
    apply: (d) => {
      d.nodes[node.id] = node as Draft<ArgNode>;
      if (at) d.view.positions[node.id] = { x: at.x, y: at.y };
    },
  };
}

export function editNode(id: Id, changes: NodeChanges): Operation {
  return {
    label: changes.text !== undefined ? 'Edit text' : changes.kind ? 'Change kind' : 'Edit node',
    check: (map) => {
      if (!has(map.nodes, id)) return `There is no node ${quote(id)}.`;
      const next = { ...map.nodes[id]! };
      setFields(next, changes);
      return nodeProblem(next) ?? savedWith(map, [next]);
    },
    apply: (d) => {
      const map = original(d) as ArgumentMap;
      setFields(d.nodes[id]!, changes);
      // Evidence is judged by its basis, other statements as such: a judgement made of one
      // becomes the verdict with the same effect (accept ↔ solid, doubt ↔ shaky, reject ↔ none).
      if (changes.kind === undefined || (changes.kind === 'evidence') === (map.nodes[id]!.kind === 'evidence')) return;
      const kind = changes.kind === 'evidence' ? 'evidence' : 'statement';
      const evaluations = map.evaluations ?? {};
      for (const eid of Object.keys(evaluations))
        if (evaluations[eid]!.target === id) d.evaluations![eid]!.verdict = sameEffectVerdict(kind, evaluations[eid]!.verdict);
    },
  };
}

const produceRemoval = (map: ArgumentMap, nodeIds: ReadonlySet<Id>, relationIds: ReadonlySet<Id>) => produce(map, (d) => removeAll(d, nodeIds, relationIds));

/** Deletes nodes and every relation that depended on them; a linked inference loses just that co-premise. */
export function deleteNodes(ids: readonly Id[]): Operation {
  return deleteItems(ids, []);
}

/** Deletes nodes and relations together, as one step (the editor's Delete key). */
export function deleteItems(nodeIds: readonly Id[], relationIds: readonly Id[]): Operation {
  const count = nodeIds.length + relationIds.length;
  return {
    label: nodeIds.length === 0 ? (relationIds.length === 1 ? 'Delete relation' : `Delete ${relationIds.length} relations`) : count === 1 ? 'Delete node' : `Delete ${count} items`,
    check: (map) => {
      if (count === 0) return 'Nothing is selected.';
      const missing = nodeIds.find((id) => !has(map.nodes, id));
      if (missing) return `There is no node ${quote(missing)}.`;
      const missingRel = relationIds.find((id) => !has(map.relations, id));
      if (missingRel) return `There is no relation ${quote(missingRel)}.`;
      // Threads on what goes are kept with a note of what it was: the file may grow by that.
      const nodes = new Set(nodeIds);
      const { removed } = cascade(map, nodes, new Set(relationIds));
      if (!detachesThreads(map, new Set([...nodes, ...removed]))) return null;
      return savedSizeProblem(produceRemoval(map, nodes, new Set(relationIds)), 'Delete some of the comment threads on them first.');
    },
    apply: (d) => removeAll(d, new Set(nodeIds), new Set(relationIds)),
  };
}

/**
 * Above this many moved nodes (an auto-layout, a big selection dragged) the step replaces the
 * positions record whole: one patch instead of one per node, which through immer held the page
 * 65-400 ms for 3,000 nodes. Below it, a step keeps only what moved (small undo records).
 */
export const WHOLE_POSITIONS_ABOVE = 100;

export function moveNodes(positions: Readonly<Record<Id, Point>>): Operation {
  return {
    label: Object.keys(positions).length === 1 ? 'Move node' : 'Move nodes',
    check: (map) => {
      const missing = Object.keys(positions).find((id) => !has(map.nodes, id));
      if (missing) return `There is no node ${quote(missing)}.`;
      // The schema words a refusal; points plainly inside its range skip the parse (a parse per
      // point took 20-130 ms for the 3,000 points of an auto-layout).
      for (const p of Object.values(positions)) {
        if (typeof p.x === 'number' && typeof p.y === 'number' && coordinateProblem(p.x) === null && coordinateProblem(p.y) === null) continue;
        const problem = pointProblem(p);
        if (problem) return problem;
      }
      return null;
    },
    apply: (d) => {
      const before: Readonly<Record<Id, Point>> = isDraft(d.view.positions) ? current(d.view.positions) : d.view.positions;
      const moved: [Id, Point][] = [];
      for (const [id, p] of Object.entries(positions)) {
        const cur = has(before, id) ? before[id] : undefined;
        // +0 avoids writing -0, which JSON cannot keep.
        if (!cur || cur.x !== p.x || cur.y !== p.y) moved.push([id, { x: p.x + 0, y: p.y + 0 }]);
      }
      if (moved.length <= WHOLE_POSITIONS_ABOVE) {
        for (const [id, p] of moved) d.view.positions[id] = p;
        return;
      }
      // Frozen here, so immer does not walk the new record to freeze it (it skips frozen values).
      const next: Record<Id, Point> = { ...before };
      for (const [id, p] of moved) next[id] = Object.freeze(p);
      d.view.positions = Object.freeze(next);
    },
  };
}

export function setCollapsed(id: Id, collapsed: boolean): Operation {
  return {
    label: collapsed ? 'Collapse' : 'Expand',
    check: (map) => (has(map.nodes, id) ? null : `There is no node ${quote(id)}.`),
    apply: (d) => {
      const isCollapsed = d.view.collapsed.includes(id);
      if (collapsed && !isCollapsed) d.view.collapsed.push(id);
      if (!collapsed && isCollapsed) d.view.collapsed.splice(d.view.collapsed.indexOf(id), 1);
    },
  };
}

// ----- relations -----------------------------------------------------------

export function connect(relation: Relation): Operation {
  return {
    label: `Connect (${relation.kind})`,
    check: (map) =>
      lookup(map, relation.id) ? `The id ${quote(relation.id)} is already in use.` : (relationRecordProblem(relation) ?? relationProblem(map, relation) ?? sizeAfter(map, 0, 1) ?? savedWith(map, [], [relation])),
    apply: (d) => {
      d.relations[relation.id] = relation as Draft<Relation>;
    },
  };
}

/** Removes relations, and the undercuts that attacked them. */
export function disconnect(ids: readonly Id[]): Operation {
  return {
    label: ids.length === 1 ? 'Disconnect' : `Disconnect ${ids.length} relations`,
    check: (map) => {
      const missing = ids.find((id) => !has(map.relations, id));
      return ids.length === 0 ? 'Nothing is selected.' : missing ? `There is no relation ${quote(missing)}.` : null;
    },
    apply: (d) => removeAll(d, new Set(), new Set(ids)),
  };
}

export function setRelationKind(id: Id, kind: RelationKind): Operation {
  return {
    label: `Change relation to ${kind}`,
    check: (map) => {
      if (!has(map.relations, id)) return `There is no relation ${quote(id)}.`;
      const r = map.relations[id]!;
      const problem = relationProblem(map, { ...r, kind });
      if (problem || kind !== 'qualifies') return problem;
      // A qualification never changes a label, so it cannot be judged: judgements are not dropped unasked.
      const judges = Object.values(map.evaluations ?? {}).filter((e) => e.target === id).map((e) => quote(e.by));
      return judges.length === 0
        ? null
        : `This arrow has been judged (by ${judges.join(', ')}), and a qualification cannot be judged: clear ${judges.length === 1 ? 'that evaluation' : 'those evaluations'} first.`;
    },
    apply: (d) => {
      d.relations[id]!.kind = kind;
    },
  };
}

export function setRelationVoice(id: Id, voice: string | undefined): Operation {
  return {
    label: 'Change voice',
    check: (map) => {
      if (!has(map.relations, id)) return `There is no relation ${quote(id)}.`;
      const next = { ...map.relations[id]! };
      setFields(next, { voice });
      return relationRecordProblem(next) ?? savedWith(map, [], [next]);
    },
    apply: (d) => setFields(d.relations[id]!, { voice }),
  };
}

/** What linking gives: the first relation with every premise, the others gone, their undercuts re-aimed. */
function linked(map: ArgumentMap, ids: readonly Id[]): { keep: Relation; merged: Id[]; repointed: Relation[] } {
  const [keepId, ...merged] = ids;
  const first = map.relations[keepId!]!;
  const from = [...first.from];
  for (const id of merged) for (const f of map.relations[id]!.from) if (!from.includes(f)) from.push(f);
  const gone = new Set(merged);
  const repointed = Object.values(map.relations)
    .filter((r) => r.kind === 'undercuts' && gone.has(r.to) && !gone.has(r.id))
    .map((r) => ({ ...r, to: keepId! }));
  return { keep: { ...first, from }, merged, repointed };
}

/**
 * Links separate inferences into one: premises that support (or attack) the same node
 * only together. The first relation keeps its id and collects every premise; undercuts
 * of the merged ones now attack it, and comment threads on them move to it. Evaluations of
 * the merged inferences go (the linked inference is another one); undo brings them back.
 */
export function groupPremises(ids: readonly Id[]): Operation {
  const chosen = [...new Set(ids)];
  return {
    label: 'Link co-premises',
    check: (map) => {
      const rels = chosen.map((id) => (has(map.relations, id) ? map.relations[id] : undefined));
      if (rels.length < 2) return 'Choose at least two arrows into the same claim to link their premises.';
      if (rels.some((r) => !r)) return 'One of the chosen relations no longer exists.';
      const [first] = rels as Relation[];
      if (!(rels as Relation[]).every((r) => r.to === first!.to && r.kind === first!.kind))
        return 'Only arrows of the same kind into the same claim can be linked.';
      if (first!.kind === 'undercuts') return 'Undercuts cannot be linked.';
      // The linked map must keep the rules: no relation twice (the linked one may repeat another, and so may re-aimed undercuts).
      const { keep, merged, repointed } = linked(map, chosen);
      const relations = { ...map.relations, [keep.id]: keep };
      for (const id of merged) delete relations[id];
      for (const u of repointed) relations[u.id] = u;
      for (const r of [keep, ...repointed]) {
        const problem = relationProblem({ ...map, relations }, r);
        if (problem) return `These premises cannot be linked: ${problem}`;
      }
      return savedWith(map, [], [keep]);
    },
    apply: (d) => {
      const map = original(d) as ArgumentMap;
      const { keep, merged, repointed } = linked(map, chosen);
      const target = d.relations[keep.id]!;
      for (const f of keep.from) if (!target.from.includes(f)) target.from.push(f);
      const gone = new Set(merged);
      const evaluations = map.evaluations ?? {};
      for (const id of Object.keys(evaluations)) if (gone.has(evaluations[id]!.target)) delete d.evaluations![id];
      const threads = map.comments ?? {};
      for (const id of Object.keys(threads)) if (!threads[id]!.detached && gone.has(threads[id]!.target)) d.comments![id]!.target = keep.id;
      for (const id of merged) delete d.relations[id];
      for (const u of repointed) d.relations[u.id]!.to = keep.id;
    },
  };
}

/** The copies unlinking makes: one relation per premise after the first, with fresh ids. */
function unlinked(map: ArgumentMap, r: Relation): Relation[] {
  const taken = new Set<Id>();
  return r.from.slice(1).map((f) => {
    const fresh = freshId(map, 'r', taken);
    taken.add(fresh);
    return { ...r, id: fresh, from: [f] };
  });
}

/** Splits a linked inference into one relation per premise (the first keeps the id, its evaluations and its threads). */
export function ungroupPremises(id: Id): Operation {
  return {
    label: 'Unlink co-premises',
    check: (map) => {
      if (!has(map.relations, id)) return `There is no relation ${quote(id)}.`;
      const r = map.relations[id]!;
      if (r.from.length < 2) return 'This inference has a single premise; there is nothing to unlink.';
      const copies = unlinked(map, r);
      const kept = { ...r, from: [r.from[0]!] };
      const relations = { ...map.relations, [id]: kept, ...Object.fromEntries(copies.map((c) => [c.id, c])) };
      for (const c of [kept, ...copies]) {
        const problem = relationProblem({ ...map, relations }, c);
        if (problem) return `These premises cannot be unlinked: ${problem}`;
      }
      return sizeAfter(map, 0, copies.length) ?? savedWith(map, [], copies);
    },
    apply: (d) => {
      const map = original(d) as ArgumentMap;
      const r = d.relations[id]!;
      for (const c of unlinked(map, map.relations[id]!)) d.relations[c.id] = c as Draft<Relation>;
      r.from = [r.from[0]!];
    },
  };
}

// ----- the map ----------------------------------------------------------

export function setMeta(changes: Partial<MapMeta>): Operation {
  return {
    label: 'Edit map details',
    check: (map) => {
      const next = { ...map.meta };
      setFields(next, changes);
      return recordProblem(schemas().meta, next, AT.meta) ?? savedSizeProblem({ ...map, meta: next });
    },
    apply: (d) => setFields(d.meta, changes),
  };
}

// ----- several at once -----------------------------------------------------

export interface Fragment {
  nodes: ArgNode[];
  relations: Relation[];
  positions: Record<Id, Point>;
}

/**
 * Adds nodes and the relations among them (and to nodes already in the map) as one
 * step: paste, "make evidence" with its arrow, a new claim connected to its parent.
 */
export function insertFragment(fragment: Fragment, label = 'Paste'): Operation {
  return {
    label,
    check: (map) => {
      const ids = [...fragment.nodes.map((n) => n.id), ...fragment.relations.map((r) => r.id)];
      if (new Set(ids).size !== ids.length) return 'The pasted items repeat an id.';
      const used = ids.find((id) => lookup(map, id));
      if (used) return `The id ${quote(used)} is already in use.`;
      for (const n of fragment.nodes) {
        const problem = quoteProblem(map, n)?.message ?? nodeProblem(n);
        if (problem) return problem;
      }
      for (const r of fragment.relations) {
        const problem = relationRecordProblem(r);
        if (problem) return problem;
      }
      for (const p of Object.values(fragment.positions)) {
        const problem = pointProblem(p);
        if (problem) return problem;
      }
      const tooMany = sizeAfter(map, fragment.nodes.length, fragment.relations.length) ?? savedWith(map, fragment.nodes, fragment.relations);
      if (tooMany) return tooMany;
      // Check each relation against the map as it will be once the nodes are in.
      let next: ArgumentMap = { ...map, nodes: { ...map.nodes }, relations: { ...map.relations } };
      for (const n of fragment.nodes) next.nodes[n.id] = n;
      for (const r of fragment.relations.filter((r) => r.kind !== 'undercuts').concat(fragment.relations.filter((r) => r.kind === 'undercuts'))) {
        const problem = relationProblem(next, r);
        if (problem) return problem;
        next = { ...next, relations: { ...next.relations, [r.id]: r } };
      }
      return null;
    },
    apply: (d) => {
      for (const n of fragment.nodes) d.nodes[n.id] = n as Draft<ArgNode>;
      for (const r of fragment.relations) d.relations[r.id] = r as Draft<Relation>;
      for (const [id, p] of Object.entries(fragment.positions)) d.view.positions[id] = { x: p.x + 0, y: p.y + 0 };
    },
  };
}

/**
 * A copy of some nodes, the relations among them, and their positions, with fresh ids
 * for `map`, shifted by `offset`: what paste inserts. `makeId` makes the ids (a live seminar's
 * page makes its own peer's, so the copy keeps the ids the caller selects afterwards).
 */
export function cloneFragment(
  source: ArgumentMap,
  nodeIds: readonly Id[],
  map: ArgumentMap,
  offset: Point,
  makeId: (prefix: string, taken: ReadonlySet<Id>) => Id = (prefix, taken) => freshId(map, prefix, taken),
): Fragment {
  const taken = new Set<Id>();
  const rename = new Map<Id, Id>();
  const fresh = (prefix: string) => {
    const id = makeId(prefix, taken);
    taken.add(id);
    return id;
  };
  const nodes = nodeIds.flatMap((id) => {
    if (!has(source.nodes, id)) return [];
    const n = source.nodes[id]!;
    const copy = { ...n, id: fresh('n') };
    rename.set(id, copy.id);
    return [copy];
  });
  // Relations wholly inside the copy, undercuts last so their targets are renamed first.
  const inner = Object.values(source.relations).filter((r) => r.from.every((f) => rename.has(f)));
  const relations: Relation[] = [];
  for (const r of [...inner.filter((r) => r.kind !== 'undercuts'), ...inner.filter((r) => r.kind === 'undercuts')]) {
    const to = rename.get(r.to);
    if (!to) continue;
    const id = fresh('r');
    rename.set(r.id, id);
    relations.push({ ...r, id, from: r.from.map((f) => rename.get(f)!), to });
  }
  const positions: Record<Id, Point> = {};
  for (const id of nodeIds) {
    const p = has(source.view.positions, id) ? source.view.positions[id] : undefined;
    const copy = rename.get(id);
    if (p && copy) positions[copy] = { x: p.x + offset.x, y: p.y + offset.y };
  }
  return { nodes, relations, positions };
}
