// How the canvas names its arrows to a screen reader: the relation and the two ends' titles or
// first words ("Premise 1a supports Claim 1"), never ids. Pure wording, plus the labelled
// edge objects, reused while an edge and its words are unchanged.
import type { ArgumentMap, Id, Relation, RelationKind } from '../../arguments/model';
import { excerpt } from '../../arguments/text/excerpt';
import type { FlowEdge } from './types';

/** A node as an arrow's label names it: its title, else the first words of its text or quote. */
export function nodeWords(map: ArgumentMap, id: Id): string {
  const n = Object.hasOwn(map.nodes, id) ? map.nodes[id] : undefined;
  if (!n) return 'a missing node';
  const words = n.title?.trim() || excerpt(n.text || n.quote?.exact || '', 48);
  return words || `an empty ${n.kind}`;
}

/** The verb for linked co-premises, which act together. */
const TOGETHER = { supports: 'support', opposes: 'oppose', qualifies: 'qualify' } as const satisfies Record<Exclude<RelationKind, 'undercuts'>, string>;

const listed = (names: readonly string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/** "Premise 1a and Premise 1b, linked, support Claim 1"; for an undercut, the inference it attacks. */
export function describeRelationForReader(map: ArgumentMap, r: Relation, depth = 0): string {
  const from = listed(r.from.map((id) => nodeWords(map, id)));
  if (r.kind === 'undercuts') {
    const attacked = Object.hasOwn(map.relations, r.to) ? map.relations[r.to] : undefined;
    // An undercut of an undercut of …: name two levels, then stop.
    const what = !attacked ? 'a missing inference' : depth >= 1 ? 'an inference' : `the inference “${describeRelationForReader(map, attacked, depth + 1)}”`;
    return `${from} undercuts ${what}`;
  }
  const verb = r.from.length > 1 ? `, linked, ${TOGETHER[r.kind]}` : ` ${r.kind}`;
  return `${from}${verb} ${nodeWords(map, r.to)}`;
}

const labelled = new WeakMap<FlowEdge, { label: string; edge: FlowEdge; nodes: ArgumentMap['nodes']; relations: ArgumentMap['relations'] }>();

/**
 * The edges with their aria-label; an edge object is recreated only when its words change. The
 * words are worked out again only when the nodes or relations changed (a layer shown, dimmed or
 * hidden changes neither: its thousands of arrows keep their labels without rewording them).
 */
export function withEdgeLabels(edges: readonly FlowEdge[], map: ArgumentMap): FlowEdge[] {
  return edges.map((edge) => {
    const id = edge.data?.relationId;
    const r = id !== undefined && Object.hasOwn(map.relations, id) ? map.relations[id]! : undefined;
    if (!r) return edge;
    const hit = labelled.get(edge);
    if (hit && hit.nodes === map.nodes && hit.relations === map.relations) return hit.edge;
    const label = describeRelationForReader(map, r);
    const out = hit && hit.label === label ? hit.edge : ({ ...edge, ariaLabel: label } as FlowEdge);
    labelled.set(edge, { label, edge: out, nodes: map.nodes, relations: map.relations });
    return out;
  });
}
