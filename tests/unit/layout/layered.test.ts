import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { loadMap } from '../../../arguments/format/load';
import { anchorOf, buildLayoutGraph, compareNumbered, compareSiblings, DEFAULT_NODE_SIZE, MODEL_ORDER_MAX_NODES, positionsFromLayout, THESIS_STRAIGHTNESS, type Size } from '../../../arguments/layout/layered';
import type { ArgNode, ArgumentMap, Id, NodeKind, Point, Relation } from '../../../arguments/model';

const elk = new ELK();

function shippedMap(): ArgumentMap {
  const r = loadMap(readFileSync(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url)));
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.map;
}

/** Roughly what the canvas measures: 260 px wide, taller with more text. */
function textSizes(map: ArgumentMap): Record<Id, Size> {
  const out: Record<Id, Size> = {};
  for (const n of Object.values(map.nodes)) out[n.id] = { width: 260, height: 50 + 18 * Math.ceil(n.text.length / 34) + (n.title ? 20 : 0) };
  return out;
}

function mapOf(nodes: [Id, NodeKind][], relations: [Id, Relation['kind'], Id[], Id][]): ArgumentMap {
  return {
    meta: { title: 't', authors: [], created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z' },
    sources: {},
    nodes: Object.fromEntries(nodes.map(([id, kind]) => [id, { id, kind, text: id }])),
    relations: Object.fromEntries(relations.map(([id, kind, from, to]) => [id, { id, kind, from, to }])),
    view: { positions: {}, collapsed: [] },
  };
}

/** A map of about `count` nodes shaped like real ones: a tree under one thesis, with linked premises, undercuts, objections, cross links (some closing cycles) and loose notes. */
function generatedMap(count: number, seed = 7): ArgumentMap {
  let s = seed >>> 0;
  const rnd = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const nodes: Record<Id, ArgNode> = {};
  const relations: Record<Id, Relation> = {};
  const ids: Id[] = [];
  const inferences: Id[] = [];
  const node = (kind: NodeKind): Id => {
    const id = `n${ids.length}`;
    nodes[id] = { id, kind, text: 'w'.repeat(20 + Math.floor(rnd() * 300)) };
    ids.push(id);
    return id;
  };
  const relation = (kind: Relation['kind'], from: Id[], to: Id): Id => {
    const id = `r${Object.keys(relations).length}`;
    relations[id] = { id, kind, from, to };
    return id;
  };
  node('thesis');
  while (ids.length < count) {
    const roll = rnd();
    const target = pick(ids);
    if (roll < 0.1 && ids.length + 2 <= count) inferences.push(relation('supports', [node('premise'), node('premise')], target));
    else if (roll < 0.15 && inferences.length > 0) relation('undercuts', [node('counter')], pick(inferences));
    else if (roll < 0.2) relation('opposes', [node('counter')], target);
    else if (roll < 0.23) node('note');
    else if (roll < 0.26 && ids.length > 2) {
      const from = pick(ids);
      if (from !== target) relation('supports', [from], target);
    } else inferences.push(relation('supports', [node(rnd() < 0.5 ? 'evidence' : 'claim')], target));
  }
  return { meta: { title: 'generated', authors: [], created: '', modified: '' }, sources: {}, nodes, relations, view: { positions: {}, collapsed: [] } };
}

interface Laid {
  pos: Record<Id, Point>;
  size: Record<Id, Size>;
  ms: number;
}

async function layOut(map: ArgumentMap, sizes: Record<Id, Size>): Promise<Laid> {
  const graph = buildLayoutGraph(map, sizes);
  const size: Record<Id, Size> = {};
  for (const c of graph.children ?? []) size[c.id] = { width: c.width!, height: c.height! };
  const t = performance.now();
  const result: ElkNode = await elk.layout(graph);
  return { pos: positionsFromLayout(result), size, ms: performance.now() - t };
}

/** Pairs of boxes that overlap (sweep over x, so big maps stay cheap). */
function overlaps({ pos, size }: Laid): string[] {
  const boxes = Object.entries(pos)
    .map(([id, p]) => ({ id, x0: p.x, y0: p.y, x1: p.x + size[id]!.width, y1: p.y + size[id]!.height }))
    .sort((a, b) => a.x0 - b.x0);
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    for (let j = i + 1; j < boxes.length && boxes[j]!.x0 < a.x1; j++) {
      const b = boxes[j]!;
      if (a.y0 < b.y1 && b.y0 < a.y1) out.push(`${a.id} overlaps ${b.id}`);
    }
  }
  return out;
}

describe('buildLayoutGraph', () => {
  const map = shippedMap();
  const graph = buildLayoutGraph(map, { T: { width: 300, height: 150 } });
  const edges = graph.edges ?? [];
  const edge = (source: Id, target: Id) => edges.filter((e) => e.sources[0] === source && e.targets[0] === target);

  it('has one child per node, measured or at the default size', () => {
    expect(graph.children?.map((c) => c.id).sort()).toEqual(Object.keys(map.nodes).sort());
    const byId = new Map(graph.children!.map((c) => [c.id, c]));
    expect(byId.get('T')).toMatchObject({ width: 300, height: 150 });
    expect(byId.get('C1')).toMatchObject(DEFAULT_NODE_SIZE);
    expect(graph.children![0]!.id).toBe('T');
    expect(graph.layoutOptions).toMatchObject({ 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT' });
  });

  it('runs edges from each target to its premises; co-premises share the source', () => {
    expect(edge('T', 'C1')).toHaveLength(1);
    expect(edge('C1', 'P1a')).toHaveLength(1);
    expect(edge('C1', 'P1b')).toHaveLength(1);
    expect(edge('C2a', 'O3')).toHaveLength(1); // opposes
    expect(edge('E0c', 'TN2')).toHaveLength(1); // qualifies
    expect(edges.every((e) => e.sources.length === 1 && e.targets.length === 1)).toBe(true);
  });

  it("hangs an undercutter from the attacked inference's target", () => {
    expect(edge('C1', 'O1')).toHaveLength(1); // O1 undercuts r.P1.C1
    expect(edge('P1a', 'O2')).toHaveLength(1); // O2 undercuts r.E1a.P1a
    expect(edge('T', 'O8')).toHaveLength(1); // O8 undercuts r.P0.T
  });

  it('uses edge ids that are unique and never node ids, and only known endpoints', () => {
    const ids = edges.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.some((id) => Object.hasOwn(map.nodes, id))).toBe(false);
    for (const e of edges) for (const end of [...e.sources, ...e.targets]) expect(map.nodes[end]).toBeDefined();
  });

  it('follows undercuts of undercuts and survives broken or circular chains', () => {
    const m = mapOf(
      [['T', 'thesis'], ['A', 'claim'], ['X', 'counter'], ['Y', 'counter'], ['U', 'counter'], ['V', 'counter']],
      [['r1', 'supports', ['A'], 'T'], ['u1', 'undercuts', ['X'], 'r1'], ['u2', 'undercuts', ['Y'], 'u1'], ['c1', 'undercuts', ['U'], 'c2'], ['c2', 'undercuts', ['V'], 'c1']],
    );
    expect(anchorOf(m, m.relations.u2!)).toBe('T');
    expect(anchorOf(m, m.relations.c1!)).toBeUndefined();
    const g = buildLayoutGraph(m, {});
    expect(g.edges!.map((e) => `${e.sources[0]}>${e.targets[0]}`).sort()).toEqual(['T>A', 'T>X', 'T>Y']);
  });

  it('ignores bad sizes, and stops considering model order for big maps', () => {
    const g = buildLayoutGraph(mapOf([['N', 'note']], []), { N: { width: Number.NaN, height: -3 } });
    expect(g.children![0]).toMatchObject(DEFAULT_NODE_SIZE);
    expect(g.layoutOptions!['elk.layered.considerModelOrder.strategy']).toBe('NODES_AND_EDGES');
    expect(g.layoutOptions!['elk.layered.crossingMinimization.forceNodeModelOrder']).toBe('true');
    const big = buildLayoutGraph(generatedMap(MODEL_ORDER_MAX_NODES + 1), {});
    expect(big.layoutOptions!['elk.layered.considerModelOrder.strategy']).toBe('NONE');
    expect(big.layoutOptions!['elk.layered.crossingMinimization.forceNodeModelOrder']).toBe('false');
    expect(big.layoutOptions!['elk.layered.nodePlacement.strategy']).toBe('BRANDES_KOEPF');
  });

  it("hands ELK the nodes in the argument's order: the thesis, then Claim 1 and its reasons before Claim 2", () => {
    const order = graph.children!.map((c) => c.id);
    const at = (id: Id) => order.indexOf(id);
    expect(at('C1')).toBeLessThan(at('C2'));
    expect(at('C2')).toBeLessThan(at('C3'));
    expect(at('C3')).toBeLessThan(at('C4'));
    expect(at('P1a')).toBeLessThan(at('C2'));
  });

  it("weighs the thesis's arrows to its claims more, so the claims stand together beside it", () => {
    const heavy = edges.filter((e) => e.layoutOptions?.['elk.layered.priority.straightness'] === String(THESIS_STRAIGHTNESS));
    expect(heavy.map((e) => e.targets[0]).sort()).toEqual(['C1', 'C2', 'C3', 'C4']);
  });
});

describe('positionsFromLayout', () => {
  it('reads rounded top-left corners, adding up nested offsets', () => {
    const result: ElkNode = {
      id: 'root',
      children: [
        { id: 'a', x: 10.4, y: 20.6 },
        { id: 'group', x: 100, y: 200, children: [{ id: 'b', x: 1.5, y: -0.2 }] },
        { id: 'c' },
      ],
    };
    expect(positionsFromLayout(result)).toEqual({ a: { x: 10, y: 21 }, b: { x: 102, y: 200 }, c: { x: 0, y: 0 } });
    expect(Object.is(positionsFromLayout({ id: 'r', children: [{ id: 'z', x: -0.2, y: 0 }] }).z!.x, -0)).toBe(false);
  });
});

describe.each([
  ['text-sized boxes', (m: ArgumentMap) => textSizes(m)],
  ['default-sized boxes', () => ({})],
])('layout of the shipped map (%s)', (_name, sizesOf) => {
  const map = shippedMap();
  let laid: Laid;
  const x = (id: Id) => laid.pos[id]!.x;
  const y = (id: Id) => laid.pos[id]!.y;
  const right = (id: Id) => laid.pos[id]!.x + laid.size[id]!.width;

  it('lays out every node', async () => {
    laid = await layOut(map, sizesOf(map));
    console.log(`shipped map (${_name}): ${Object.keys(map.nodes).length} nodes laid out in ${laid.ms.toFixed(0)} ms`);
    expect(Object.keys(laid.pos).sort()).toEqual(Object.keys(map.nodes).sort());
    for (const p of Object.values(laid.pos)) expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
  });

  it('puts the thesis at the left and its claims in the next column, in numbered order from the top', () => {
    for (const id of Object.keys(map.nodes)) if (id !== 'T') expect(x(id), id).toBeGreaterThan(x('T'));
    const claims = ['C1', 'C2', 'C3', 'C4'];
    for (const c of claims) expect(x(c), c).toBeGreaterThanOrEqual(right('T'));
    expect(new Set(claims.map(x)).size).toBe(1);
    expect([...claims].sort((a, b) => y(a) - y(b))).toEqual(claims);
  });

  it('puts the thesis level with its claims, so one view holds them all', () => {
    const top = Math.min(...['C1', 'C2', 'C3', 'C4'].map(y));
    const bottom = Math.max(...['C1', 'C2', 'C3', 'C4'].map((c) => y(c) + laid.size[c]!.height));
    const middle = y('T') + laid.size.T!.height / 2;
    expect(middle).toBeGreaterThan(top);
    expect(middle).toBeLessThan(bottom);
  });

  it('puts every premise to the right of what it supports', () => {
    for (const r of Object.values(map.relations)) {
      if (r.kind !== 'supports') continue;
      for (const p of r.from) expect(x(p), `${p} right of ${r.to}`).toBeGreaterThanOrEqual(right(r.to));
    }
  });

  it('overlaps no two boxes', () => {
    expect(overlaps(laid)).toEqual([]);
  });

  it('puts linked co-premises in one column', () => {
    expect(x('P1a')).toBe(x('P1b'));
  });

  it('puts an undercutter in the column of the premises of the inference it attacks, not before its target', () => {
    const undercuts = Object.values(map.relations).filter((r) => r.kind === 'undercuts');
    expect(undercuts.length).toBeGreaterThan(0);
    for (const u of undercuts) {
      const attacked = map.relations[u.to]!;
      const anchor = anchorOf(map, u)!;
      expect(x(u.from[0]!), u.id).toBeGreaterThanOrEqual(right(anchor));
      expect(attacked.from.map(x), u.id).toContain(x(u.from[0]!));
    }
  });
});

describe('layout of awkward maps', () => {
  it('lays out cycles, theses under theses, loose nodes and an empty map', async () => {
    const maps = [
      mapOf([['T', 'thesis'], ['A', 'claim'], ['B', 'claim']], [['r1', 'supports', ['A'], 'T'], ['r2', 'supports', ['B'], 'A'], ['r3', 'supports', ['A'], 'B']]),
      mapOf([['T', 'thesis'], ['A', 'claim']], [['r1', 'supports', ['T'], 'A'], ['r2', 'supports', ['A'], 'T']]),
      mapOf([['T', 'thesis'], ['U', 'thesis'], ['A', 'claim']], [['r1', 'supports', ['U'], 'T'], ['r2', 'supports', ['A'], 'U'], ['r3', 'supports', ['T'], 'U']]),
      mapOf([['N1', 'note'], ['T', 'thesis'], ['N2', 'note'], ['A', 'claim']], [['r1', 'supports', ['A'], 'T']]),
      mapOf([], []),
    ];
    for (const m of maps) {
      const laid = await layOut(m, {});
      expect(Object.keys(laid.pos).sort()).toEqual(Object.keys(m.nodes).sort());
      expect(overlaps(laid)).toEqual([]);
    }
    const loose = await layOut(maps[3]!, {});
    expect(loose.pos.A!.x).toBeGreaterThan(loose.pos.T!.x);
    for (const id of ['N1', 'N2', 'A']) expect(loose.pos[id]!.x).toBeGreaterThanOrEqual(loose.pos.T!.x);
  });
});

describe('layout of a generated map of 1,000 nodes', () => {
  it('lays out every node without overlap', async () => {
    const map = generatedMap(1000);
    const laid = await layOut(map, textSizes(map));
    console.log(`generated map: ${Object.keys(map.nodes).length} nodes, ${Object.keys(map.relations).length} relations laid out in ${laid.ms.toFixed(0)} ms`);
    expect(Object.keys(laid.pos)).toHaveLength(Object.keys(map.nodes).length);
    expect(overlaps(laid)).toEqual([]);
    const left = Math.min(...Object.values(laid.pos).map((p) => p.x));
    expect(laid.pos.n0!.x).toBe(left);
  });
});

describe('the order of siblings', () => {
  it('compares titles and ids in numbered order: Claim 2 before Claim 10, n9 before n10', () => {
    expect(['Claim 10', 'Claim 2', 'claim 1', 'Claim 1'].sort(compareNumbered)).toEqual(['Claim 1', 'claim 1', 'Claim 2', 'Claim 10']);
    expect(['n10', 'n9', 'n09a', 'n1'].sort(compareNumbered)).toEqual(['n1', 'n9', 'n09a', 'n10']);
    expect(compareNumbered('toString', 'toString')).toBe(0);
  });

  it('puts reasons before objections, claims before evidence, titled before untitled', () => {
    const n = (id: Id, kind: NodeKind, title?: string): ArgNode => ({ id, kind, text: id, ...(title ? { title } : {}) });
    const list = [
      { node: n('a', 'counter', 'Objection 1'), kind: 'opposes' as const },
      { node: n('b', 'evidence'), kind: 'supports' as const },
      { node: n('c', 'claim', 'Claim 2'), kind: 'supports' as const },
      { node: n('d', 'claim'), kind: 'supports' as const },
      { node: n('e', 'claim', 'Claim 1'), kind: 'supports' as const },
      { node: n('f', 'counter'), kind: 'undercuts' as const },
    ];
    expect(list.sort(compareSiblings).map((s) => s.node.id)).toEqual(['e', 'c', 'd', 'b', 'a', 'f']);
  });
});
