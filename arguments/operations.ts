// Every undoable change to a map, as an Operation (see history.ts). Each checks that it
// makes sense on the map first and says why not in words; its recipe then only mutates.
// Nodes, relations and fragments are here; sources and quotes in operations/.
import { original, type Draft } from 'immer';
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
import { AT, recordProblem } from './format/rules';
import { metaSchema, nodeSchema, pointSchema, relationSchema } from './format/schema';
import { savedSizeProblem } from './format/size';
import type { Operation } from './history';
import { countProblem } from './limits';
import { freshId, setFields } from './operations/common';

export { freshId } from './operations/common';
export { addSource, deleteSource, editSource, freshSourceId, quotingNodes, sourceProblem, type SourceChanges } from './operations/sources';
export { anchorQuote, attachQuote, locatePassage, type LocatedPassage } from './operations/quotes';
export { reanchorReport, replaceSourceText, type QuoteReanchor, type QuotationChange, type ReanchorReport, type ReanchorStatus, type TextRange } from './operations/reanchor';

/** Editable fields of a node; `undefined` removes an optional field. */
export type NodeChanges = Partial<Pick<ArgNode, 'kind' | 'text' | 'title' | 'voice'>>;

const has = (record: object, id: Id): boolean => Object.hasOwn(record, id);

// The loader's rules for each record an operation puts into the map (format/rules.ts).
const nodeProblem = (node: unknown) => recordProblem(nodeSchema, node, AT.node);
const relationRecordProblem = (relation: unknown) => recordProblem(relationSchema, relation, AT.relation);
/** NaN and infinities first, in words of their own: the schema would call them numbers "in the file". */
const pointProblem = (p: Point) => (Number.isFinite(p.x) && Number.isFinite(p.y) ? recordProblem(pointSchema, p, AT.position) : 'A position must be a finite number.');
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
      if (node.quote && !has(map.sources, node.quote.source)) return `The quoted source ${quote(node.quote.source)} is not in this map.`;
      return nodeProblem(node) ?? (at ? pointProblem(at) : null) ?? sizeAfter(map, 1, 0) ?? savedWith(map, [node]);
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
    apply: (d) => setFields(d.nodes[id]!, changes),
  };
}

/** Relations that must go when these nodes and relations go: those that lose all premises or their target, transitively (undercuts of removed relations). */
function cascade(map: ArgumentMap, nodeIds: ReadonlySet<Id>, relationIds: ReadonlySet<Id>): { removed: Set<Id>; trimmed: Map<Id, Id[]> } {
  const removed = new Set(relationIds);
  const trimmed = new Map<Id, Id[]>();
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
  return { removed, trimmed };
}

function removeAll(d: Draft<ArgumentMap>, nodeIds: ReadonlySet<Id>, relationIds: ReadonlySet<Id>): void {
  // Read from the original: walking drafts would create proxies for every relation.
  const map = original(d) as ArgumentMap;
  const { removed, trimmed } = cascade(map, nodeIds, relationIds);
  for (const id of removed) delete d.relations[id];
  for (const [id, from] of trimmed) d.relations[id]!.from = from;
  for (const id of nodeIds) {
    delete d.nodes[id];
    delete d.view.positions[id];
  }
  if (map.view.collapsed.some((id) => nodeIds.has(id))) d.view.collapsed = map.view.collapsed.filter((id) => !nodeIds.has(id));
}

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
      return missingRel ? `There is no relation ${quote(missingRel)}.` : null;
    },
    apply: (d) => removeAll(d, new Set(nodeIds), new Set(relationIds)),
  };
}

export function moveNodes(positions: Readonly<Record<Id, Point>>): Operation {
  return {
    label: Object.keys(positions).length === 1 ? 'Move node' : 'Move nodes',
    check: (map) => {
      const missing = Object.keys(positions).find((id) => !has(map.nodes, id));
      if (missing) return `There is no node ${quote(missing)}.`;
      for (const p of Object.values(positions)) {
        const problem = pointProblem(p);
        if (problem) return problem;
      }
      return null;
    },
    apply: (d) => {
      for (const [id, p] of Object.entries(positions)) {
        const cur = has(d.view.positions, id) ? d.view.positions[id] : undefined;
        // +0 avoids writing -0, which JSON cannot keep.
        if (!cur || cur.x !== p.x || cur.y !== p.y) d.view.positions[id] = { x: p.x + 0, y: p.y + 0 };
      }
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

function relationProblem(map: ArgumentMap, r: Pick<Relation, 'kind' | 'from' | 'to'>, self?: Id): string | null {
  if (r.from.length === 0) return 'A relation needs at least one premise.';
  const missing = r.from.find((f) => !has(map.nodes, f));
  if (missing) return `There is no node ${quote(missing)}.`;
  if (new Set(r.from).size !== r.from.length) return 'The same premise is listed twice.';
  if (r.kind === 'undercuts') {
    if (!has(map.relations, r.to)) return 'An undercut attacks an inference: connect it to an arrow, not to a node.';
    if (r.to === self) return 'A relation cannot undercut itself.';
  } else {
    if (!has(map.nodes, r.to)) return has(map.relations, r.to) ? `Only an undercut can target an arrow; ${quote(r.kind)} needs a node.` : `There is no node ${quote(r.to)}.`;
    if (r.from.includes(r.to)) return 'A node cannot support or attack itself.';
  }
  const same = Object.values(map.relations).find(
    (o) => o.id !== self && o.kind === r.kind && o.to === r.to && o.from.length === r.from.length && o.from.every((f) => r.from.includes(f)),
  );
  return same ? `That relation already exists (${quote(same.id)}).` : null;
}

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
      return relationProblem(map, { ...r, kind }, id);
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

/**
 * Links separate inferences into one: premises that support (or attack) the same node
 * only together. The first relation keeps its id and collects every premise; undercuts
 * of the merged ones now attack it.
 */
export function groupPremises(ids: readonly Id[]): Operation {
  return {
    label: 'Link co-premises',
    check: (map) => {
      const rels = ids.map((id) => (has(map.relations, id) ? map.relations[id] : undefined));
      if (rels.length < 2) return 'Choose at least two arrows into the same claim to link their premises.';
      if (rels.some((r) => !r)) return 'One of the chosen relations no longer exists.';
      const [first] = rels as Relation[];
      if (!(rels as Relation[]).every((r) => r.to === first!.to && r.kind === first!.kind))
        return 'Only arrows of the same kind into the same claim can be linked.';
      if (first!.kind === 'undercuts') return 'Undercuts cannot be linked.';
      return null;
    },
    apply: (d) => {
      const [keep, ...merge] = ids;
      const target = d.relations[keep!]!;
      for (const id of merge) {
        for (const f of d.relations[id]!.from) if (!target.from.includes(f)) target.from.push(f);
        delete d.relations[id];
        for (const r of Object.values(d.relations)) if (r.kind === 'undercuts' && r.to === id) r.to = keep!;
      }
    },
  };
}

/** Splits a linked inference into one relation per premise (the first keeps the id). */
export function ungroupPremises(id: Id): Operation {
  return {
    label: 'Unlink co-premises',
    check: (map) => {
      if (!has(map.relations, id)) return `There is no relation ${quote(id)}.`;
      const r = map.relations[id]!;
      if (r.from.length < 2) return 'This inference has a single premise; there is nothing to unlink.';
      // Stand-ins for the copies, with ids longer than the fresh ones they will get ("r" and a number).
      const copies = r.from.slice(1).map((f, i) => ({ ...r, id: `r99999999${i}`, from: [f] }));
      return sizeAfter(map, 0, copies.length) ?? savedWith(map, [], copies);
    },
    apply: (d) => {
      const map = original(d) as ArgumentMap;
      const r = d.relations[id]!;
      const [first, ...rest] = r.from;
      const taken = new Set<Id>();
      for (const f of rest) {
        const fresh = freshId(map, 'r', taken);
        taken.add(fresh);
        d.relations[fresh] = { ...r, id: fresh, from: [f] };
      }
      r.from = [first!];
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
      return recordProblem(metaSchema, next, AT.meta) ?? savedSizeProblem({ ...map, meta: next });
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
      const quoteless = fragment.nodes.find((n) => n.quote && !has(map.sources, n.quote.source));
      if (quoteless) return `The quoted source ${quote(quoteless.quote!.source)} is not in this map.`;
      for (const n of fragment.nodes) {
        const problem = nodeProblem(n);
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
 * for `map`, shifted by `offset`: what paste inserts.
 */
export function cloneFragment(source: ArgumentMap, nodeIds: readonly Id[], map: ArgumentMap, offset: Point): Fragment {
  const taken = new Set<Id>();
  const rename = new Map<Id, Id>();
  const fresh = (prefix: string) => {
    const id = freshId(map, prefix, taken);
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
