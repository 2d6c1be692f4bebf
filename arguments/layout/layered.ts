// Auto-layout, the pure half: the map as an ELK graph for a layered layout, and the positions
// read back from ELK's answer. ELK itself runs elsewhere (a Web Worker in the renderer,
// directly in tests); this file only imports elkjs's types.
//
// Reading direction: left to right, like an outline. The thesis is at the left; what bears on
// it stands in the next column, in numbered order from the top (Claim 1, Claim 2, …), and so on
// to the right, so arrows point left to what they bear on. Cards are wider than tall and argument
// maps are broad (a thesis, a few claims, many reasons and sources), so a map laid out in columns
// stays far more compact than one in rows (the shipped map: 1,370 x 4,300 px instead of
// 6,000 x 1,100): its thesis and claims fit a laptop's window at a legible size.
//
// ELK lays edges out along its direction (RIGHT), so every ELK edge runs from a relation's target
// to its premises, the reverse of the argument's arrows:
//   - supports / opposes / qualifies: target -> each premise. All premises of one (linked)
//     inference share that source, so co-premises land in the same column, one above the other
//     (unless another relation pulls one of them further: ELK has no same-layer constraint).
//   - undercuts attack an inference, not a node: the undercutter hangs from the attacked
//     inference's target, so it lands in the column of that inference's premises, beside them.
//     An undercut of an undercut hangs from the same node as the undercut it attacks.
//
// Order: siblings keep the argument's order (SIBLING_ORDER below): reasons before objections,
// claims before premises before evidence, then by title and id in numbered order ("Claim 2"
// before "Claim 10"). The children are handed to ELK in a depth-first walk in that order and
// crossing minimisation keeps it (forceNodeModelOrder): a reader finds Claim 1 above Claim 2.
//
// Placement: the arrows from a thesis to its claims (all its arrows, if it has no claims) weigh
// THESIS_STRAIGHTNESS times the others in ELK's network-simplex placement, so the claims stand
// together beside the thesis, which is centred on them (the opening view shows them all), and
// their reasons fan out to the right, each near its claim as far as room allows.
//
// Scale (3,000-10,000 nodes): every phase chosen below is linear or near-linear in the graph:
//   - cycle breaking DEPTH_FIRST: one DFS from the sources (theses first, in model order), so a
//     cyclic map still lays out and the edges reversed are the ones pointing back,  O(V+E);
//   - layering NETWORK_SIMPLEX (ELK's default): not linear in theory but fast on argument maps,
//     which are trees with a few cross links; it keeps edges short, so evidence stays next to
//     what it supports (longest-path layering would push every leaf to the last column);
//   - crossing minimisation LAYER_SWEEP at the default thoroughness; the greedy-switch pass,
//     quadratic in layer size, keeps ELK's default activation threshold (off above 40 nodes);
//   - model order (considered and forced) and network-simplex node placement only up to
//     MODEL_ORDER_MAX_NODES nodes: both grow much faster than the graph (model order x3.5 the
//     whole layout at 1,000 nodes, x10 at 3,000), so bigger maps use ELK's crossing minimisation
//     alone and BRANDES_KOEPF placement (linear);
//   - edge routing ORTHOGONAL (ELK's default): the canvas draws its own edges and ignores ELK's
//     routes, but the router decides the gaps between layers, and polyline and spline routing
//     stretch them with the slope of long fan-outs;
//   - separate connected components (ELK's default): unconnected nodes and islands are laid
//     out on their own and packed; components in model order, so the thesis's tree comes first
//     (each component costs a small fixed overhead: thousands of unconnected notes add seconds).
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { ArgNode, Id, NodeKind, Point, Relation, RelationKind } from '../model';

export interface Size {
  width: number;
  height: number;
}

/** What the layout reads of a map: each node's kind and title, and the relations. */
export interface LayoutSubject {
  nodes: Readonly<Record<Id, LaidOutNode>>;
  relations: Readonly<Record<Id, LaidOutRelation>>;
}
export type LaidOutNode = Pick<ArgNode, 'id' | 'kind' | 'title'>;
export type LaidOutRelation = Pick<Relation, 'id' | 'kind' | 'from' | 'to'>;

/** A node box the canvas has not measured: the card's width and a few lines of text. */
export const DEFAULT_NODE_SIZE: Readonly<Size> = { width: 260, height: 110 };

export const LAYOUT_ROOT_ID = 'argument-map';

/** The root's options; see the note at the top of the file for why each was chosen. */
export const LAYERED_OPTIONS: Readonly<LayoutOptions> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '24',
  'elk.layered.spacing.nodeNodeBetweenLayers': '120',
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
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.separateConnectedComponents': 'true',
  'elk.layered.considerModelOrder.components': 'MODEL_ORDER',
  'elk.randomSeed': '1',
};

/** What bigger maps use instead (see the note at the top). */
const BIG_MAP_OPTIONS: Readonly<LayoutOptions> = {
  'elk.layered.considerModelOrder.strategy': 'NONE',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
};

/** Above this many nodes model order is not considered (see the note at the top). */
export const MODEL_ORDER_MAX_NODES = 500;

/** How much more a thesis's arrows to its claims weigh than the others when ELK places the nodes of a column. */
export const THESIS_STRAIGHTNESS = 50;

/** A thesis goes in its component's first layer, whatever points at it (ELK reverses such edges). */
const THESIS_OPTIONS: Readonly<LayoutOptions> = { 'elk.layered.layering.layerConstraint': 'FIRST' };
const THESIS_EDGE_OPTIONS: Readonly<LayoutOptions> = { 'elk.layered.priority.straightness': String(THESIS_STRAIGHTNESS) };

// ----- the order of siblings ------------------------------------------------------------------

/** Reasons first, then what limits, opposes or undercuts them. */
const RELATION_RANK = { supports: 0, qualifies: 1, opposes: 2, undercuts: 3 } satisfies Record<RelationKind, number>;
/** Sub-arguments before their parts: claims, premises, evidence, then answers and notes. */
const KIND_RANK = { thesis: 0, claim: 1, premise: 2, evidence: 3, rebuttal: 4, counter: 5, note: 6 } satisfies Record<NodeKind, number>;

/** Numbered order: "Claim 2" before "Claim 10", "n9" before "n10". Locale-independent. */
export function compareNumbered(a: string, b: string): number {
  const chunks = /(\d+|\D+)/g;
  const as = a.match(chunks) ?? [];
  const bs = b.match(chunks) ?? [];
  // A difference of case or of leading zeros only decides when nothing else does.
  let tie = 0;
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const x = as[i]!;
    const y = bs[i]!;
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const nx = x.replace(/^0+/, '');
      const ny = y.replace(/^0+/, '');
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
    } else {
      const lx = x.toLowerCase();
      const ly = y.toLowerCase();
      if (lx !== ly) return lx < ly ? -1 : 1;
    }
    tie ||= x < y ? -1 : 1;
  }
  return as.length - bs.length || tie;
}

export interface Sibling {
  node: LaidOutNode;
  /** The relation by which it bears on the parent. */
  kind: RelationKind;
}

/**
 * The order in which what bears on one node is laid out (top to bottom): by relation (supports,
 * qualifies, opposes, undercuts), by kind (claim, premise, evidence, rebuttal, counter, note),
 * then titled before untitled, by title and by id in numbered order.
 */
export function compareSiblings(a: Sibling, b: Sibling): number {
  return (
    RELATION_RANK[a.kind] - RELATION_RANK[b.kind] ||
    KIND_RANK[a.node.kind] - KIND_RANK[b.node.kind] ||
    (a.node.title === undefined ? 1 : 0) - (b.node.title === undefined ? 1 : 0) ||
    compareNumbered(a.node.title ?? '', b.node.title ?? '') ||
    compareNumbered(a.node.id, b.node.id)
  );
}

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
export function anchorOf(map: LayoutSubject, relation: LaidOutRelation): Id | undefined {
  let r: LaidOutRelation | undefined = relation;
  const seen = new Set<Id>();
  while (r && r.kind === 'undercuts') {
    if (seen.has(r.id)) return undefined;
    seen.add(r.id);
    r = Object.hasOwn(map.relations, r.to) ? map.relations[r.to] : undefined;
  }
  return r && Object.hasOwn(map.nodes, r.to) ? r.to : undefined;
}

/**
 * The ELK graph of the map: one child per node (sized from `sizes`, else DEFAULT_NODE_SIZE), in
 * the argument's order, and one edge per (anchor, premise) pair, from the anchor to the premise.
 */
export function buildLayoutGraph(map: LayoutSubject, sizes: Readonly<Record<Id, Size>>): ElkNode {
  const edges: ElkExtendedEdge[] = [];
  const below = new Map<Id, Sibling[]>();
  const pairs = new Set<string>();
  const isThesis = (id: Id) => map.nodes[id]!.kind === 'thesis';
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
      const sibling = { node: map.nodes[premise]!, kind: r.kind };
      const list = below.get(anchor);
      if (list) list.push(sibling);
      else below.set(anchor, [sibling]);
    });
  }
  for (const list of below.values()) list.sort(compareSiblings);
  // A thesis's claims (or, without claims, all that bears on it) weigh more: they stand together.
  for (const e of edges) {
    const from = e.sources[0]!;
    if (!isThesis(from)) continue;
    const hasClaims = below.get(from)!.some((s) => s.node.kind === 'claim');
    if (!hasClaims || map.nodes[e.targets[0]!]!.kind === 'claim') e.layoutOptions = { ...THESIS_EDGE_OPTIONS };
  }

  // Model order: a depth-first walk from the theses (then from every node not yet reached),
  // siblings in their order, so cycle breaking starts at the thesis and each column keeps it.
  const order: Id[] = [];
  const placed = new Set<Id>();
  const all = Object.values(map.nodes).sort((a, b) => compareSiblings({ node: a, kind: 'supports' }, { node: b, kind: 'supports' }));
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
      if (next) for (let i = next.length - 1; i >= 0; i--) if (!placed.has(next[i]!.node.id)) stack.push(next[i]!.node.id);
    }
  }

  // ELK refuses an edge between two nodes that must both be in the first layer: a thesis
  // that is a premise of another thesis is laid out after it instead.
  const underThesis = new Set<Id>();
  for (const e of edges) if (isThesis(e.sources[0]!) && isThesis(e.targets[0]!)) underThesis.add(e.targets[0]!);

  const children: ElkNode[] = order.map((id) => {
    const { width, height } = usable(Object.hasOwn(sizes, id) ? sizes[id] : undefined);
    const first = isThesis(id) && !underThesis.has(id);
    return first ? { id, width, height, layoutOptions: { ...THESIS_OPTIONS } } : { id, width, height };
  });
  const layoutOptions: LayoutOptions = { ...LAYERED_OPTIONS, ...(children.length > MODEL_ORDER_MAX_NODES ? BIG_MAP_OPTIONS : {}) };
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
