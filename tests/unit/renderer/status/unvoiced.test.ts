// The Voices panel's count of cards in no voice (renderer/status/unvoiced.ts): right for the
// map as it is, and counted again when the map's cards change.
import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '../../../../arguments/model';
import { unvoicedCount } from '../../../../renderer/status/unvoiced';

const nodes = {
  a: { id: 'a', kind: 'claim', text: 'A', voice: 'analyst' },
  o: { id: 'o', kind: 'counter', text: 'O', voice: 'critic' },
  n: { id: 'n', kind: 'premise', text: 'N' },
  e: { id: 'e', kind: 'premise', text: 'E', voice: '' },
} as ArgumentMap['nodes'];

describe('unvoicedCount', () => {
  it('counts the cards with no voice (an empty one is none)', () => {
    expect(unvoicedCount(nodes)).toBe(2);
    expect(unvoicedCount({} as ArgumentMap['nodes'])).toBe(0);
  });

  it('counts again when a card is added or given a voice (a new node record)', () => {
    expect(unvoicedCount(nodes)).toBe(2);
    const added = { ...nodes, m: { id: 'm', kind: 'note', text: 'M' } } as ArgumentMap['nodes'];
    expect(unvoicedCount(added)).toBe(3);
    const voiced = { ...nodes, n: { ...nodes.n!, voice: 'critic' } } as ArgumentMap['nodes'];
    expect(unvoicedCount(voiced)).toBe(1);
    expect(unvoicedCount(nodes)).toBe(2);
  });
});
