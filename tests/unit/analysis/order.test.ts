import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { naturalCompare } from '../../../arguments/analysis/order';

describe('naturalCompare', () => {
  it('orders ids as a reader does', () => {
    expect(['O10', 'O2', 'C2a', 'C2', 'C10', 'C1', 'E0b', 'E0a', 'T'].sort(naturalCompare)).toEqual(['C1', 'C2', 'C2a', 'C10', 'E0a', 'E0b', 'O2', 'O10', 'T']);
    expect(['10', '9', '100', '09', '1'].sort(naturalCompare)).toEqual(['1', '09', '9', '10', '100']);
    expect(['r.P1.C1', 'r.P0b.T', 'r.P0.T'].sort(naturalCompare)).toEqual(['r.P0.T', 'r.P0b.T', 'r.P1.C1']);
  });

  it('is a total order: antisymmetric, transitive, and zero only for equal strings', () => {
    const s = fc.stringMatching(/^[A-Za-z0-9._:-]{0,6}$/);
    fc.assert(
      fc.property(s, s, s, (a, b, c) => {
        expect(Math.sign(naturalCompare(a, b)) + Math.sign(naturalCompare(b, a))).toBe(0);
        expect(naturalCompare(a, b) === 0).toBe(a === b);
        if (naturalCompare(a, b) < 0 && naturalCompare(b, c) < 0) expect(naturalCompare(a, c)).toBeLessThan(0);
      }),
    );
  });
});
