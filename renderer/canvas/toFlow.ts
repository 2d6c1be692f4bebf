// Map -> React Flow nodes and edges. Objects are reused while their inputs are unchanged
// (same domain node, same position object, same selection), so React Flow's diff and the
// memoized node components do work only for what changed: one node per drag frame.
import type { ArgumentMap, ArgNode, Id, Point, Relation } from '../../arguments/model';
import { visibleControls } from '../../arguments/text/controls';
import { estimatedHandles, estimatedSize } from './estimate';
import { voiceClass } from './layers';

/** Added to an estimated size: see `measured` below. */
const UNMEASURED = 0.5;
import type { ArgumentFlowNode, FlowEdge } from './types';

const ORIGIN: Point = { x: 0, y: 0 };

export type Size = { width: number; height: number };

/**
 * Nodes hidden because what they bear on is collapsed: a node is hidden when every
 * relation it starts from ends at a collapsed or hidden node (an undercut ends at the
 * target of the inference it attacks). A node that also bears on something visible stays.
 */
export function hiddenByCollapse(relations: ArgumentMap['relations'], collapsedIds: readonly Id[]): ReadonlySet<Id> {
  const hidden = new Set<Id>();
  if (collapsedIds.length === 0) return hidden;
  const collapsed = new Set(collapsedIds);
  const targets = new Map<Id, Id[]>();
  for (const r of Object.values(relations)) {
    const target = r.kind === 'undercuts' ? undercutAnchor(relations, r) : r.to;
    if (target === undefined) continue;
    for (const f of r.from) targets.set(f, [...(targets.get(f) ?? []), target]);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, ts] of targets) {
      if (hidden.has(id) || collapsed.has(id)) continue;
      if (ts.every((t) => collapsed.has(t) || hidden.has(t))) {
        hidden.add(id);
        changed = true;
      }
    }
  }
  return hidden;
}

/** The node an undercut (of an undercut…) finally bears on; undefined for a broken or circular chain. */
function undercutAnchor(relations: ArgumentMap['relations'], r: Relation): Id | undefined {
  const seen = new Set<Id>();
  let at: Relation | undefined = r;
  while (at && at.kind === 'undercuts') {
    if (seen.has(at.id)) return undefined;
    seen.add(at.id);
    at = Object.hasOwn(relations, at.to) ? relations[at.to] : undefined;
  }
  return at?.to;
}

interface NodeKey {
  node: ArgNode;
  position: Point;
  size: Size | undefined;
  hidden: boolean;
  selected: boolean;
  collapsed: boolean;
  flow: ArgumentFlowNode;
}
const nodeCache = new WeakMap<ArgNode, NodeKey>();

/**
 * `sizes` are React Flow's measurements, handed back so it never has to measure a node twice. A
 * card not measured yet gets its estimated size and handles, so React Flow can cull it without
 * mounting it first; its quote is checked by the card itself, once it is shown.
 */
export function toFlowNodes(map: ArgumentMap, selected: ReadonlySet<Id>, sizes: ReadonlyMap<Id, Size>, hidden: ReadonlySet<Id> = new Set()): ArgumentFlowNode[] {
  const moved = positionsOnly(map, selected, sizes, hidden);
  const out = (moved && movedNodes(moved, map.view.positions)) ?? allNodes(map, selected, sizes, hidden);
  last = { nodes: map.nodes, sources: map.sources, collapsed: map.view.collapsed, positions: map.view.positions, selected, sizes, hidden, out, index: moved?.index ?? indexOf(out) };
  return out;
}

interface LastNodes {
  nodes: ArgumentMap['nodes'];
  sources: ArgumentMap['sources'];
  collapsed: readonly Id[];
  positions: ArgumentMap['view']['positions'];
  selected: ReadonlySet<Id>;
  sizes: ReadonlyMap<Id, Size>;
  hidden: ReadonlySet<Id>;
  out: ArgumentFlowNode[];
  index: ReadonlyMap<Id, number>;
}
/** The last call's inputs and nodes: a drag frame changes positions alone, so it redoes only the moved nodes. */
let last: LastNodes | null = null;

function positionsOnly(map: ArgumentMap, selected: ReadonlySet<Id>, sizes: ReadonlyMap<Id, Size>, hidden: ReadonlySet<Id>): LastNodes | null {
  const l = last;
  return l && l.nodes === map.nodes && l.sources === map.sources && l.collapsed === map.view.collapsed && l.selected === selected && l.sizes === sizes && l.hidden === hidden ? l : null;
}

function indexOf(out: readonly ArgumentFlowNode[]): Map<Id, number> {
  const index = new Map<Id, number>();
  out.forEach((n, i) => index.set(n.id, i));
  return index;
}

/** The last nodes with the moved ones' positions changed; null when a position was removed (rare: redo them all). */
function movedNodes(l: LastNodes, positions: ArgumentMap['view']['positions']): ArgumentFlowNode[] | null {
  if (l.positions === positions) return l.out;
  let out: ArgumentFlowNode[] | null = null;
  let count = 0;
  for (const id of Object.keys(positions)) {
    count++;
    const p = positions[id]!;
    if (Object.hasOwn(l.positions, id) && l.positions[id] === p) continue;
    const i = l.index.get(id);
    if (i === undefined) continue;
    out ??= l.out.slice();
    const flow: ArgumentFlowNode = { ...out[i]!, position: p };
    const key = nodeCache.get(flow.data.node);
    if (key) nodeCache.set(flow.data.node, { ...key, position: p, flow });
    out[i] = flow;
  }
  if (count < Object.keys(l.positions).length) return null;
  return out ?? l.out;
}

function allNodes(map: ArgumentMap, selected: ReadonlySet<Id>, sizes: ReadonlyMap<Id, Size>, hidden: ReadonlySet<Id>): ArgumentFlowNode[] {
  const collapsed = new Set(map.view.collapsed);
  const out: ArgumentFlowNode[] = [];
  for (const node of Object.values(map.nodes)) {
    const position = Object.hasOwn(map.view.positions, node.id) ? map.view.positions[node.id]! : ORIGIN;
    const isSelected = selected.has(node.id);
    const isCollapsed = collapsed.has(node.id);
    const size = sizes.get(node.id) ?? estimatedSize(node, map.sources);
    const estimated = !sizes.has(node.id);
    const isHidden = hidden.has(node.id);
    const hit = nodeCache.get(node);
    if (hit && hit.position === position && hit.size === size && hit.hidden === isHidden && hit.selected === isSelected && hit.collapsed === isCollapsed) {
      out.push(hit.flow);
      continue;
    }
    const flow: ArgumentFlowNode = {
      id: node.id,
      type: 'argument',
      position,
      selected: isSelected,
      hidden: isHidden,
      data: { node, collapsed: isCollapsed },
      // Its voice's class on React Flow's wrapper: a hidden layer takes the card away by one style rule (layers.ts).
      ...(node.voice !== undefined ? { className: voiceClass(node.voice) } : {}),
      ariaLabel: visibleControls(`${node.kind}${node.title ? ` ${node.title}` : ''}: ${node.text || node.quote?.exact || 'empty'}`.slice(0, 200)).text,
      // React Flow reports a card's size only when it differs from `measured`, and measures whole
      // pixels (offsetWidth): an estimate off by half a pixel is never taken for a measurement,
      // so every card is reported once shown (the opening view waits for them all).
      measured: estimated ? { width: Math.floor(size.width) + UNMEASURED, height: Math.floor(size.height) + UNMEASURED } : size,
      ...(estimated ? { handles: estimatedHandles(size) } : {}),
    };
    nodeCache.set(node, { node, position, size, hidden: isHidden, selected: isSelected, collapsed: isCollapsed, flow });
    out.push(flow);
  }
  return out;
}

/** Arrows are drawn above every card, selected ones too (React Flow lifts those to 1000). */
export const EDGE_Z_INDEX = 1001;

const edgeCache = new WeakMap<Relation, { selected: boolean; chain: readonly Relation[]; edges: FlowEdge[] }>();

/**
 * What an undercut attacks, outward from the inference at its root: [inference, undercut, …,
 * the relation it attacks directly]. Null when the chain is broken, circular or never reaches
 * an inference between nodes (then nothing can be drawn).
 */
export function attackChain(map: Pick<ArgumentMap, 'relations' | 'nodes'>, undercut: Relation): Relation[] | null {
  const chain: Relation[] = [];
  const seen = new Set<Id>([undercut.id]);
  let at = Object.hasOwn(map.relations, undercut.to) ? map.relations[undercut.to] : undefined;
  while (at) {
    if (seen.has(at.id)) return null;
    seen.add(at.id);
    chain.unshift(at);
    if (at.kind !== 'undercuts') return Object.hasOwn(map.nodes, at.to) ? chain : null;
    at = Object.hasOwn(map.relations, at.to) ? map.relations[at.to] : undefined;
  }
  return null;
}

const sameChain = (a: readonly Relation[], b: readonly Relation[]) => a.length === b.length && a.every((r, i) => r === b[i]);

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
    const chain = r.kind === 'undercuts' ? attackChain(map, r) : [];
    const hit = edgeCache.get(r);
    if (hit && hit.selected === isSelected && chain && sameChain(hit.chain, chain)) {
      out.push(...hit.edges);
      continue;
    }
    let edges: FlowEdge[];
    if (r.kind === 'undercuts') {
      if (!chain) continue;
      const inference = chain[0]!;
      edges = [
        {
          id: r.id,
          type: 'undercut',
          zIndex: EDGE_Z_INDEX,
          source: r.from[0]!,
          target: inference.to,
          selected: isSelected,
          data: {
            relationId: r.id,
            attacks: r.to,
            attackedPremises: inference.from,
            attackedTarget: inference.to,
            through: chain.slice(1).map((u) => u.from[0]!),
            voice: r.voice,
          },
        },
      ];
    } else {
      const ids = edgeIdsOf(r);
      edges = r.from.map((premise, index) => ({
        id: ids[index]!,
        type: 'relation' as const,
        zIndex: EDGE_Z_INDEX,
        source: premise,
        target: r.to,
        selected: isSelected,
        data: { relationId: r.id, kind: r.kind, premises: r.from, index, voice: r.voice },
      }));
    }
    edgeCache.set(r, { selected: isSelected, chain: chain ?? [], edges });
    out.push(...edges);
  }
  return out;
}
