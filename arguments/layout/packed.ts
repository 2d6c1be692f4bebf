// Auto-layout across a thread boundary, in compact form. The renderer sends the layout worker
// only what the layout reads (each node's id, kind and title, the relations, the measured sizes
// as one Float64Array); the worker builds the ELK graph itself and answers with the positions
// as one Float64Array in the order of the nodes sent, which is transferred, not copied. A
// structured clone of ELK's own graph (an object per node and edge, options on each) and its
// answer held the renderer's thread for hundreds of milliseconds at 3,000 nodes.
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { ArgumentMap, Id, Point } from '../model';
import { buildLayoutGraph, positionsFromLayout, type LaidOutNode, type LaidOutRelation, type LayoutSubject, type Size } from './layered';

export interface LayoutInput {
  nodes: LaidOutNode[];
  relations: LaidOutRelation[];
  /** nodes[i]'s measured width and height at 2i and 2i + 1; NaN where it was not measured. */
  sizes: Float64Array<ArrayBuffer>;
}

/** The map as the layout worker needs it; `sizes` are the canvas's measurements. */
export function layoutInput(map: ArgumentMap, sizes: ReadonlyMap<Id, Size> | Readonly<Record<Id, Size>>): LayoutInput {
  const sizeOf = sizes instanceof Map ? (id: Id) => sizes.get(id) : (id: Id) => (Object.hasOwn(sizes, id) ? (sizes as Readonly<Record<Id, Size>>)[id] : undefined);
  const nodes: LaidOutNode[] = [];
  const packed = new Float64Array(2 * Object.keys(map.nodes).length);
  for (const n of Object.values(map.nodes)) {
    const s = sizeOf(n.id);
    packed[2 * nodes.length] = s ? s.width : NaN;
    packed[2 * nodes.length + 1] = s ? s.height : NaN;
    nodes.push(n.title === undefined ? { id: n.id, kind: n.kind } : { id: n.id, kind: n.kind, title: n.title });
  }
  const relations = Object.values(map.relations).map((r) => ({ id: r.id, kind: r.kind, from: [...r.from], to: r.to }));
  return { nodes, relations, sizes: packed };
}

/** Why a message is not a layout input (it came across a thread boundary), or null. */
export function layoutInputProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return 'The layout request carries no map.';
  const d = data as Partial<Record<keyof LayoutInput, unknown>>;
  if (!Array.isArray(d.nodes) || !Array.isArray(d.relations) || !(d.sizes instanceof Float64Array)) return 'The layout request carries no map.';
  if (d.sizes.length !== 2 * d.nodes.length) return `The layout request has sizes for ${d.sizes.length / 2} nodes but ${d.nodes.length} nodes.`;
  for (const n of d.nodes as unknown[]) if (typeof n !== 'object' || n === null || typeof (n as LaidOutNode).id !== 'string' || typeof (n as LaidOutNode).kind !== 'string') return 'The layout request has a node without an id or kind.';
  for (const r of d.relations as unknown[]) {
    const rel = r as LaidOutRelation;
    if (typeof r !== 'object' || r === null || typeof rel.id !== 'string' || typeof rel.to !== 'string' || !Array.isArray(rel.from) || !rel.from.every((f) => typeof f === 'string'))
      return 'The layout request has a relation without an id, premises or target.';
  }
  return null;
}

/** The ELK graph of a layout input: the same graph buildLayoutGraph makes of the map itself. */
export function graphOfInput(input: LayoutInput): ElkNode {
  const nodes: Record<Id, LaidOutNode> = {};
  const sizes: Record<Id, Size> = {};
  input.nodes.forEach((n, i) => {
    nodes[n.id] = n;
    const width = input.sizes[2 * i]!;
    const height = input.sizes[2 * i + 1]!;
    if (!Number.isNaN(width) || !Number.isNaN(height)) sizes[n.id] = { width, height };
  });
  const relations: Record<Id, LaidOutRelation> = {};
  for (const r of input.relations) relations[r.id] = r;
  const subject: LayoutSubject = { nodes, relations };
  return buildLayoutGraph(subject, sizes);
}

/** A laid-out graph's positions (positionsFromLayout) as x, y at 2i, 2i + 1 for `ids[i]`; NaN for an id it did not place. */
export function packPositions(result: ElkNode, ids: readonly Id[]): Float64Array<ArrayBuffer> {
  const placed = positionsFromLayout(result);
  const out = new Float64Array(2 * ids.length).fill(NaN);
  ids.forEach((id, i) => {
    if (!Object.hasOwn(placed, id)) return;
    out[2 * i] = placed[id]!.x;
    out[2 * i + 1] = placed[id]!.y;
  });
  return out;
}

/**
 * The positions the worker sent, for the nodes `keep` still accepts (nodes deleted meanwhile
 * are dropped; a node the layout did not place keeps where it is).
 */
export function unpackPositions(ids: readonly Id[], packed: Float64Array, keep: (id: Id) => boolean = () => true): Record<Id, Point> {
  const out: Record<Id, Point> = {};
  const n = Math.min(ids.length, Math.floor(packed.length / 2));
  for (let i = 0; i < n; i++) {
    const x = packed[2 * i]!;
    const y = packed[2 * i + 1]!;
    const id = ids[i]!;
    if (Number.isFinite(x) && Number.isFinite(y) && keep(id)) out[id] = { x: x + 0, y: y + 0 };
  }
  return out;
}
