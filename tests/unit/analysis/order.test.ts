import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { naturalCompare, naturalSort } from '../../../arguments/analysis/order';

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

describe('naturalSort', () => {
  it('sorts as naturalCompare does, for ids of the common shape and any others mixed in', () => {
    const common = fc.tuple(fc.constantFrom('', 'r', 'x', 'C', 'r.', 'Ω'), fc.oneof(fc.nat({ max: 3000 }).map(String), fc.constantFrom('0', '007', '10', '01', '999999999999999', '1000000000000000'))).map(([p, n]) => p + n);
    const any = fc.stringMatching(/^[A-Za-z0-9._:-]{0,6}$/);
    fc.assert(
      fc.property(fc.array(fc.oneof(common, any), { maxLength: 60 }), (ids) => {
        expect(naturalSort([...ids])).toEqual([...ids].sort(naturalCompare));
      }),
    );
  });

  it('sorts maps whose every id has the common shape (prefix, then a number) without naturalCompare, the same way', () => {
    const id = fc.tuple(fc.constantFrom('', 'r', 'x', 'xr', 'r.', 'r-', 'R', 'Ω', 'r/', '0a', 'r1x'), fc.oneof(fc.nat({ max: 40 }), fc.nat({ max: 2 ** 31 }), fc.constant(2 ** 31 + 7), fc.constant(999999999999999))).map(([p, n]) => `${p}${n}`);
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 80 }), (ids) => {
        expect(naturalSort([...ids])).toEqual([...ids].sort(naturalCompare));
      }),
    );
  });

  it('sorts in place and returns the same array, numbers by value within a prefix (a tie broken as naturalCompare breaks it)', () => {
    const ids = ['r10', 'r2', 'r1', 'x3', 'r02', 'r0'];
    expect(naturalSort(ids)).toBe(ids);
    expect(ids).toEqual(['r0', 'r1', 'r02', 'r2', 'r10', 'x3']);
    expect(naturalSort(['1', '0a0', 'b2', 'b10'])).toEqual(['0a0', '1', 'b2', 'b10']);
  });
});
