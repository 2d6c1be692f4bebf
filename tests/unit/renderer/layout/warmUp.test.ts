// The layout worker's warm-up lays out a sample of the map (renderer/layout/warmUp.ts): a valid
// layout input in itself (ELK refuses an edge to a node it was not given), so the warm-up runs the
// same code the analyst's layout will.
import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { graphOfInput, layoutInputProblem, type LayoutInput } from '../../../../arguments/layout/packed';
import { sampleOfInput } from '../../../../renderer/layout/warmUp';

const input: LayoutInput = {
  nodes: [
    { id: 'a', kind: 'claim' },
    { id: 'b', kind: 'evidence' },
    { id: 'c', kind: 'counter' },
    { id: 'd', kind: 'evidence' },
  ],
  relations: [
    // The undercut comes before the relation it attacks.
    { id: 'u', kind: 'undercuts', from: ['c'], to: 'r1' },
    { id: 'r1', kind: 'supports', from: ['b'], to: 'a' },
    { id: 'r2', kind: 'supports', from: ['d'], to: 'a' },
    { id: 'r3', kind: 'supports', from: ['b', 'd'], to: 'a' },
  ],
  sizes: new Float64Array([260, 110, 200, 90, 180, 80, 100, 50]),
};

describe('the warm-up sample', () => {
  it('keeps the first nodes, the relations among them (an undercut with what it attacks) and their sizes', () => {
    const s = sampleOfInput(input, 3);
    expect(s.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(s.relations.map((r) => r.id).sort()).toEqual(['r1', 'u']);
    expect([...s.sizes]).toEqual([260, 110, 200, 90, 180, 80]);
    expect(layoutInputProblem(s)).toBeNull();
  });

  it('is a graph ELK lays out (no edge to a node left out)', async () => {
    const s = sampleOfInput(input, 2);
    expect(s.relations.map((r) => r.id)).toEqual(['r1']);
    const laid = await new ELK().layout(graphOfInput(s));
    expect(laid.children?.map((c) => c.id).sort()).toEqual(['a', 'b']);
  });

  it('the whole input when it is no larger than the sample', () => {
    const s = sampleOfInput(input, 10);
    expect(s.nodes).toHaveLength(4);
    expect(s.relations).toHaveLength(4);
  });
});
