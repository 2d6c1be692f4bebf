// The order `argmap cite` numbers its notes in: the argument as it reads, thesis first.
import { describe, expect, it } from 'vitest';
import { readingOrder } from '../../../arguments/cli/reading-order';
import { emptyMap, type ArgumentMap, type NodeKind } from '../../../arguments/model';
import { shippedMap } from '../cite/sources';

function map(nodes: [string, NodeKind][], relations: [string, string[], string, 'supports' | 'opposes' | 'undercuts'][]): ArgumentMap {
  const m = emptyMap('2024-01-01T00:00:00.000Z');
  for (const [id, kind] of nodes) m.nodes[id] = { id, kind, text: id };
  for (const [id, from, to, kind] of relations) m.relations[id] = { id, kind, from, to };
  return m;
}

describe('readingOrder', () => {
  it('walks from the thesis down, depth first, each relation’s premises then what undercuts it', () => {
    const m = map(
      [['E2', 'evidence'], ['C10', 'claim'], ['T', 'thesis'], ['C2', 'claim'], ['E1', 'evidence'], ['O1', 'counter'], ['N1', 'note'], ['P1', 'premise']],
      [
        ['r1', ['C2'], 'T', 'supports'],
        ['r2', ['C10'], 'T', 'supports'],
        ['r3', ['E1', 'P1'], 'C2', 'supports'],
        ['r4', ['O1'], 'r3', 'undercuts'],
        ['r5', ['E2'], 'C10', 'supports'],
      ],
    );
    expect(readingOrder(m)).toEqual(['T', 'C2', 'E1', 'P1', 'O1', 'C10', 'E2', 'N1']);
  });

  it('meets every node once, cycles and all, and does not depend on the order of the records', () => {
    const m = map([['A', 'claim'], ['B', 'claim'], ['T', 'thesis']], [['r1', ['A'], 'T', 'supports'], ['r2', ['B'], 'A', 'opposes'], ['r3', ['A'], 'B', 'opposes']]);
    expect(readingOrder(m)).toEqual(['T', 'A', 'B']);
    const reversed = { ...m, nodes: Object.fromEntries(Object.entries(m.nodes).reverse()), relations: Object.fromEntries(Object.entries(m.relations).reverse()) };
    expect(readingOrder(reversed)).toEqual(['T', 'A', 'B']);
  });

  it('a chain of 20,000 premises does not overflow the stack', () => {
    const nodes: [string, NodeKind][] = [['T', 'thesis']];
    const relations: [string, string[], string, 'supports'][] = [];
    for (let i = 0; i < 20_000; i++) {
      nodes.push([`P${i}`, 'premise']);
      relations.push([`r${i}`, [`P${i}`], i === 0 ? 'T' : `P${i - 1}`, 'supports']);
    }
    const order = readingOrder(map(nodes, relations));
    expect(order).toHaveLength(20_001);
    expect(order.slice(0, 3)).toEqual(['T', 'P0', 'P1']);
  });

  it('reads the shipped map from its thesis, every node once', () => {
    const m = shippedMap();
    const order = readingOrder(m);
    expect(order[0]).toBe('T');
    expect(new Set(order).size).toBe(Object.keys(m.nodes).length);
  });
});
