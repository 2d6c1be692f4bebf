import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { loadMap } from '../../../arguments/format/load';
import { buildLayoutGraph, DEFAULT_NODE_SIZE, positionsFromLayout, type Size } from '../../../arguments/layout/layered';
import { graphOfInput, layoutInput, layoutInputProblem, packPositions, unpackPositions } from '../../../arguments/layout/packed';
import type { ArgumentMap, Id } from '../../../arguments/model';

function shippedMap(): ArgumentMap {
  const r = loadMap(readFileSync(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url)));
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.map;
}

/** Some nodes measured, some not (the canvas has not seen them). */
function someSizes(map: ArgumentMap): Map<Id, Size> {
  const out = new Map<Id, Size>();
  Object.keys(map.nodes).forEach((id, i) => {
    if (i % 3 !== 0) out.set(id, { width: 260, height: 60 + i });
  });
  return out;
}

describe('layoutInput and graphOfInput', () => {
  it('give the worker the very graph buildLayoutGraph makes of the map, after a structured clone', () => {
    const map = shippedMap();
    const sizes = someSizes(map);
    const sent = structuredClone(layoutInput(map, sizes));
    expect(graphOfInput(sent)).toEqual(buildLayoutGraph(map, Object.fromEntries(sizes)));
    // Sizes from a record serve as well as from a Map; none at all gives every node the default.
    expect(graphOfInput(layoutInput(map, Object.fromEntries(sizes)))).toEqual(buildLayoutGraph(map, Object.fromEntries(sizes)));
    const unmeasured = graphOfInput(layoutInput(map, {}));
    expect(unmeasured.children!.every((c) => c.width === DEFAULT_NODE_SIZE.width && c.height === DEFAULT_NODE_SIZE.height)).toBe(true);
  });

  it('carries only what the layout reads: no text, quotes, sources or positions', () => {
    const map = shippedMap();
    const input = layoutInput(map, new Map());
    expect(input.nodes).toHaveLength(Object.keys(map.nodes).length);
    expect(input.sizes).toHaveLength(2 * input.nodes.length);
    for (const n of input.nodes) expect(Object.keys(n).sort()).toEqual(n.title === undefined ? ['id', 'kind'] : ['id', 'kind', 'title']);
    const text = JSON.stringify({ nodes: input.nodes, relations: input.relations });
    expect(text.length).toBeLessThan(JSON.stringify(map).length / 5);
  });

  it('keeps ids such as "constructor" and "toString" apart from object keys', () => {
    const map: ArgumentMap = {
      meta: { title: 't', authors: [], created: '', modified: '' },
      sources: {},
      nodes: { constructor: { id: 'constructor', kind: 'thesis' as const, text: 'T' }, toString: { id: 'toString', kind: 'claim' as const, text: 'C' } },
      relations: { hasOwnProperty: { id: 'hasOwnProperty', kind: 'supports' as const, from: ['toString'], to: 'constructor' } },
      view: { positions: {}, collapsed: [] },
    };
    const graph = graphOfInput(layoutInput(map, new Map([['toString', { width: 300, height: 90 }]])));
    expect(graph.children!.map((c) => [c.id, c.width, c.height])).toEqual([
      ['constructor', DEFAULT_NODE_SIZE.width, DEFAULT_NODE_SIZE.height],
      ['toString', 300, 90],
    ]);
    expect(graph.edges!.map((e) => [e.sources[0], e.targets[0]])).toEqual([['constructor', 'toString']]);
  });

  it('refuses, in words, what is not a layout input', () => {
    const good = layoutInput(shippedMap(), new Map());
    expect(layoutInputProblem(good)).toBeNull();
    expect(layoutInputProblem(null)).toBe('The layout request carries no map.');
    expect(layoutInputProblem({ ...good, sizes: [...good.sizes] })).toBe('The layout request carries no map.');
    expect(layoutInputProblem({ ...good, sizes: new Float64Array(4) })).toMatch(/^The layout request has sizes for 2 nodes but \d+ nodes\.$/);
    expect(layoutInputProblem({ ...good, nodes: [...good.nodes.slice(1), { kind: 'claim' }] })).toBe('The layout request has a node without an id or kind.');
    expect(layoutInputProblem({ ...good, relations: [{ id: 'r', kind: 'supports', from: [1], to: 'a' }] })).toBe('The layout request has a relation without an id, premises or target.');
  });
});

describe('packPositions and unpackPositions', () => {
  it('bring ELK’s positions back exactly as positionsFromLayout reads them', async () => {
    const map = shippedMap();
    const input = layoutInput(map, someSizes(map));
    const result = await new ELK().layout(graphOfInput(input));
    const ids = input.nodes.map((n) => n.id);
    const packed = structuredClone(packPositions(result, ids));
    expect(packed).toBeInstanceOf(Float64Array);
    expect(unpackPositions(ids, packed)).toEqual(positionsFromLayout(result));
  });

  it('leave out nodes the layout did not place and nodes no longer in the map', () => {
    const result = { id: 'root', children: [{ id: 'a', x: 10.4, y: -0.2 }, { id: 'c', x: 5, y: 6 }] };
    const packed = packPositions(result, ['a', 'b', 'c']);
    expect([...packed]).toEqual([10, 0, NaN, NaN, 5, 6]);
    const back = unpackPositions(['a', 'b', 'c'], packed);
    expect(back).toEqual({ a: { x: 10, y: 0 }, c: { x: 5, y: 6 } });
    expect(Object.is(back.a!.y, -0)).toBe(false);
    expect(unpackPositions(['a', 'b', 'c'], packed, (id) => id !== 'c')).toEqual({ a: { x: 10, y: 0 } });
    // A short or odd-length answer places what it covers.
    expect(unpackPositions(['a', 'b', 'c'], new Float64Array([1, 2, 3]))).toEqual({ a: { x: 1, y: 2 } });
  });
});
