// Map -> React Flow nodes and edges. Objects are reused while their inputs are unchanged
// (same domain node, same position object, same selection), so React Flow's diff and the
// memoized node components do work only for what changed: one node per drag frame.
import type { ArgumentMap, ArgNode, Id, Point, Relation } from '../../arguments/model';
import { checkQuote } from './quoteStatus';
import type { ArgumentFlowNode, FlowEdge } from './types';

const ORIGIN: Point = { x: 0, y: 0 };

export type Size = { width: number; height: number };

interface NodeKey {
  node: ArgNode;
  position: Point;
  size: Size | undefined;
  selected: boolean;
  collapsed: boolean;
  flow: ArgumentFlowNode;
}
const nodeCache = new WeakMap<ArgNode, NodeKey>();

/** `sizes` are React Flow's measurements, handed back so it never has to measure a node twice. */
export function toFlowNodes(map: ArgumentMap, selected: ReadonlySet<Id>, sizes: ReadonlyMap<Id, Size>): ArgumentFlowNode[] {
  const collapsed = new Set(map.view.collapsed);
  const out: ArgumentFlowNode[] = [];
  for (const node of Object.values(map.nodes)) {
    const position = map.view.positions[node.id] ?? ORIGIN;
    const isSelected = selected.has(node.id);
    const isCollapsed = collapsed.has(node.id);
    const size = sizes.get(node.id);
    const hit = nodeCache.get(node);
    if (hit && hit.position === position && hit.size === size && hit.selected === isSelected && hit.collapsed === isCollapsed && hit.flow.data.quoteCheck === checkQuote(map.sources, node)) {
      out.push(hit.flow);
      continue;
    }
    const flow: ArgumentFlowNode = {
      id: node.id,
      type: 'argument',
      position,
      selected: isSelected,
      data: { node, quoteCheck: checkQuote(map.sources, node), collapsed: isCollapsed },
      ariaLabel: `${node.kind}${node.title ? ` ${node.title}` : ''}: ${node.text || node.quote?.exact || 'empty'}`.slice(0, 200),
      ...(size ? { measured: size } : {}),
    };
    nodeCache.set(node, { node, position, size, selected: isSelected, collapsed: isCollapsed, flow });
    out.push(flow);
  }
  return out;
}

const edgeCache = new WeakMap<Relation, { selected: boolean; targetOf?: Relation; edges: FlowEdge[] }>();

export function edgeIdsOf(relation: Relation): string[] {
  return relation.kind === 'undercuts' || relation.from.length === 1 ? [relation.id] : relation.from.map((_, i) => `${relation.id}::${i}`);
}

export function relationOfEdge(edgeId: string): Id {
  const at = edgeId.indexOf('::');
  return at < 0 ? edgeId : edgeId.slice(0, at);
}

export function toFlowEdges(map: ArgumentMap, selected: ReadonlySet<Id>): FlowEdge[] {
  const out: FlowEdge[] = [];
  for (const r of Object.values(map.relations)) {
    const isSelected = selected.has(r.id);
    const attacked = r.kind === 'undercuts' ? map.relations[r.to] : undefined;
    const hit = edgeCache.get(r);
    if (hit && hit.selected === isSelected && hit.targetOf === attacked) {
      out.push(...hit.edges);
      continue;
    }
    let edges: FlowEdge[];
    if (r.kind === 'undercuts') {
      if (!attacked) continue;
      edges = [
        {
          id: r.id,
          type: 'undercut',
          source: r.from[0]!,
          target: attacked.to in map.nodes ? attacked.to : attacked.from[0]!,
          selected: isSelected,
          data: { relationId: r.id, attacks: attacked.id, attackedPremises: attacked.from, attackedTarget: attacked.to, voice: r.voice },
        },
      ];
    } else {
      edges = r.from.map((premise, index) => ({
        id: r.from.length === 1 ? r.id : `${r.id}::${index}`,
        type: 'relation' as const,
        source: premise,
        target: r.to,
        selected: isSelected,
        data: { relationId: r.id, kind: r.kind, premises: r.from, index, voice: r.voice },
      }));
    }
    edgeCache.set(r, { selected: isSelected, targetOf: attacked, edges });
    out.push(...edges);
  }
  return out;
}
