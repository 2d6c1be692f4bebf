// How the inspector names nodes and relations in its lists ("E1c + E1d supports Claim 2").
import type { ArgumentMap, Id, Relation } from '../../../arguments/model';

export function nodeName(map: ArgumentMap, id: Id): string {
  const n = Object.hasOwn(map.nodes, id) ? map.nodes[id] : undefined;
  if (!n) return id;
  const t = n.title ?? (n.text || n.quote?.exact || '(empty)');
  return t.length > 50 ? t.slice(0, 49) + '…' : t;
}

export function describeRelation(map: ArgumentMap, r: Relation): string {
  const attacked = r.kind === 'undercuts' && Object.hasOwn(map.relations, r.to) ? map.relations[r.to] : undefined;
  const target = r.kind === 'undercuts' ? `the inference ${attacked ? describeRelation(map, attacked) : r.to}` : nodeName(map, r.to);
  return `${r.from.map((id) => nodeName(map, id)).join(' + ')} ${r.kind} ${target}`;
}
