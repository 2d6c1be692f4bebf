// Auto-layout, the pure half: the map as an ELK graph for a top-down layered layout, and the
// positions read back from ELK's answer. ELK itself runs elsewhere (a Web Worker in the
// renderer, directly in tests); this file only imports elkjs's types.
//
// Reading direction: the thesis is at the top and arrows point up, so each premise sits below
// the claim it bears on. ELK lays edges out along its direction (DOWN), so every ELK edge runs
// from a relation's target to its premises, the reverse of the argument's arrows:
//   - supports / opposes / qualifies: target -> each premise. All premises of one (linked)
//     inference share that source, so co-premises land in the same layer, side by side (unless
//     another relation pulls one of them lower: ELK has no same-layer constraint).
//   - undercuts attack an inference, not a node: the undercutter hangs from the attacked
//     inference's target, so it lands in the layer of that inference's premises, beside them.
//     An undercut of an undercut hangs from the same node as the undercut it attacks.
//
// Scale (3,000-10,000 nodes): every phase chosen below is linear or near-linear in the graph
// (measured on generated maps in Node: ~0.6-0.9 s for 1,000 nodes, ~1.6 s for 3,000, ~8-14 s for
// 10,000 with many long cross links):
//   - cycle breaking DEPTH_FIRST: one DFS from the sources (theses first, in model order), so a
//     cyclic map still lays out and the edges reversed are the ones pointing back up, O(V+E);
//   - layering NETWORK_SIMPLEX (ELK's default): not linear in theory but fast on argument maps,
//     which are trees with a few cross links; it keeps edges short, so evidence stays next to
//     what it supports (longest-path layering would sink every leaf to the bottom layer);
//   - crossing minimisation LAYER_SWEEP at the default thoroughness; the greedy-switch pass,
//     quadratic in layer size, keeps ELK's default activation threshold (off above 40 nodes);
//   - considerModelOrder NODES_AND_EDGES only up to MODEL_ORDER_MAX_NODES nodes: it grows much
//     faster than the graph (x3.5 the whole layout at 1,000 nodes, x10 at 3,000), so bigger
//     maps use NONE and ELK's crossing minimisation alone;
//   - node placement BRANDES_KOEPF (linear), not NETWORK_SIMPLEX placement (slow on big graphs);
//   - edge routing ORTHOGONAL (ELK's default): the canvas draws its own edges and ignores ELK's
//     routes, but the router decides the gaps between layers, and polyline and spline routing
//     stretch them with the slope of long fan-outs (3-10x taller maps for the same speed);
//   - separate connected components (ELK's default): unconnected nodes and islands are laid
//     out on their own and packed in rows; components in model order, so the thesis's tree comes
//     first and its thesis is the topmost node (each component costs a small fixed overhead:
//     thousands of unconnected notes add a few seconds).
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { ArgumentMap, Id, Point, Relation } from '../model';

export interface Size {
  width: number;
  height: number;
}

/** A node box the canvas has not measured: the card's width and a few lines of text. */
export const DEFAULT_NODE_SIZE: Readonly<Size> = { width: 260, height: 110 };

export const LAYOUT_ROOT_ID = 'argument-map';

/** The root's options; see the note at the top of the file for why each was chosen. */
export const LAYERED_OPTIONS: Readonly<LayoutOptions> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.componentComponent': '80',
  'elk.spacing.edgeNode': '20',
  'elk.spacing.edgeEdge': '10',
  'elk.layered.spacing.edgeNodeBetweenLayers': '20',
  'elk.padding': '[top=40,left=40,bottom=40,right=40]',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  'elk.layered.layering.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.separateConnectedComponents': 'true',
  'elk.layered.considerModelOrder.components': 'MODEL_ORDER',
  'elk.randomSeed': '1',
};

/** Above this many nodes model order is not considered (see the note at the top). */
export const MODEL_ORDER_MAX_NODES = 500;

/** Node options: boxes of one layer share their top edge (cards differ in height). */
const NODE_OPTIONS: Readonly<LayoutOptions> = { 'elk.alignment': 'TOP' };
/** A thesis also goes in its component's first layer, whatever points at it (ELK reverses such edges). */
const THESIS_OPTIONS: Readonly<LayoutOptions> = { ...NODE_OPTIONS, 'elk.layered.layering.layerConstraint': 'FIRST' };

function usable(size: Size | undefined): Size {
  if (!size) return DEFAULT_NODE_SIZE;
  const ok = (v: number) => Number.isFinite(v) && v > 0;
  return {
    width: ok(size.width) ? size.width : DEFAULT_NODE_SIZE.width,
    height: ok(size.height) ? size.height : DEFAULT_NODE_SIZE.height,
  };
}

/**
 * The node a relation's premises hang from: its target, or for an undercut, the target of the
 * inference it attacks (followed through undercuts of undercuts). Undefined when the chain is
 * broken or circular.
 */
export function anchorOf(map: ArgumentMap, relation: Relation): Id | undefined {
  let r: Relation | undefined = relation;
  const seen = new Set<Id>();
  while (r && r.kind === 'undercuts') {
    if (seen.has(r.id)) return undefined;
    seen.add(r.id);
    r = Object.hasOwn(map.relations, r.to) ? map.relations[r.to] : undefined;
  }
  return r && Object.hasOwn(map.nodes, r.to) ? r.to : undefined;
}

/**
 * The ELK graph of the map: one child per node (sized from `sizes`, else DEFAULT_NODE_SIZE)
 * and one edge per (anchor, premise) pair, from the anchor down to the premise.
 */
export function buildLayoutGraph(map: ArgumentMap, sizes: Readonly<Record<Id, Size>>): ElkNode {
  const edges: ElkExtendedEdge[] = [];
  const below = new Map<Id, Id[]>();
  const pairs = new Set<string>();
  for (const r of Object.values(map.relations)) {
    const anchor = anchorOf(map, r);
    if (anchor === undefined) continue;
    r.from.forEach((premise, i) => {
      if (premise === anchor || !Object.hasOwn(map.nodes, premise)) return;
      const pair = `${anchor}\n${premise}`;
      if (pairs.has(pair)) return;
      pairs.add(pair);
      // '#' cannot occur in an id (ID_PATTERN), so edge ids never clash with node ids.
      edges.push({ id: `${r.id}#${i}`, sources: [anchor], targets: [premise] });
      const list = below.get(anchor);
      if (list) list.push(premise);
      else below.set(anchor, [premise]);
    });
  }

  // Model order: a depth-first walk down from the theses (then from every node not yet
  // reached), so siblings keep the map's order and cycle breaking starts at the top.
  const order: Id[] = [];
  const placed = new Set<Id>();
  const all = Object.values(map.nodes);
  const roots = [...all.filter((n) => n.kind === 'thesis'), ...all].map((n) => n.id);
  for (const root of roots) {
    if (placed.has(root)) continue;
    const stack: Id[] = [root];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (placed.has(id)) continue;
      placed.add(id);
      order.push(id);
      const next = below.get(id);
      if (next) for (let i = next.length - 1; i >= 0; i--) if (!placed.has(next[i]!)) stack.push(next[i]!);
    }
  }

  // ELK refuses an edge between two nodes that must both be in the first layer: a thesis
  // that is a premise of another thesis is laid out below it instead.
  const isThesis = (id: Id) => map.nodes[id]!.kind === 'thesis';
  const underThesis = new Set<Id>();
  for (const e of edges) if (isThesis(e.sources[0]!) && isThesis(e.targets[0]!)) underThesis.add(e.targets[0]!);

  const children: ElkNode[] = order.map((id) => {
    const { width, height } = usable(sizes[id]);
    const first = isThesis(id) && !underThesis.has(id);
    return { id, width, height, layoutOptions: { ...(first ? THESIS_OPTIONS : NODE_OPTIONS) } };
  });
  const layoutOptions: LayoutOptions = { ...LAYERED_OPTIONS };
  if (children.length > MODEL_ORDER_MAX_NODES) layoutOptions['elk.layered.considerModelOrder.strategy'] = 'NONE';
  return { id: LAYOUT_ROOT_ID, layoutOptions, children, edges };
}

/** Top-left corners of the laid-out nodes (what React Flow calls a position), rounded. */
export function positionsFromLayout(result: ElkNode): Record<Id, Point> {
  const out: Record<Id, Point> = {};
  const walk = (parent: ElkNode, dx: number, dy: number): void => {
    for (const child of parent.children ?? []) {
      const x = dx + (child.x ?? 0);
      const y = dy + (child.y ?? 0);
      if (child.children && child.children.length > 0) walk(child, x, y);
      else if (Number.isFinite(x) && Number.isFinite(y)) out[child.id] = { x: Math.round(x) + 0, y: Math.round(y) + 0 };
    }
  };
  walk(result, 0, 0);
  return out;
}
