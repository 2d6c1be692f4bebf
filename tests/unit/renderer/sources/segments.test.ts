import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitionByRange, segmentAt, segmentText, type TextRange } from '../../../../renderer/sources/segments';

interface R extends TextRange {
  id: string;
}
const r = (id: string, start: number, end: number): R => ({ id, start, end });
const view = (segs: ReturnType<typeof segmentText<R>>) => segs.map((s) => [s.text, s.covers.map((c) => c.id).join('+')]);

describe('segmentText', () => {
  it('returns no segments for an empty text', () => {
    expect(segmentText('', [r('a', 0, 0)])).toEqual([]);
  });

  it('returns the whole text as one uncovered segment without ranges', () => {
    expect(segmentText('abc', [])).toEqual([{ start: 0, end: 3, text: 'abc', covers: [] }]);
  });

  it('cuts at both ends of a range', () => {
    expect(view(segmentText('hello world', [r('a', 6, 11)]))).toEqual([
      ['hello ', ''],
      ['world', 'a'],
    ]);
  });

  it('splits overlapping ranges at every boundary', () => {
    //        0123456789
    const t = 'abcdefghij';
    expect(view(segmentText(t, [r('a', 1, 6), r('b', 4, 9)]))).toEqual([
      ['a', ''],
      ['bcd', 'a'],
      ['ef', 'a+b'],
      ['ghi', 'b'],
      ['j', ''],
    ]);
  });

  it('handles a range nested in another and identical ranges', () => {
    expect(view(segmentText('abcdefgh', [r('outer', 0, 8), r('inner', 2, 4), r('twin', 2, 4)]))).toEqual([
      ['ab', 'outer'],
      ['cd', 'outer+inner+twin'],
      ['efgh', 'outer'],
    ]);
  });

  it('keeps adjacent ranges apart (no segment is covered by both)', () => {
    expect(view(segmentText('aaabbb', [r('b', 3, 6), r('a', 0, 3)]))).toEqual([
      ['aaa', 'a'],
      ['bbb', 'b'],
    ]);
  });

  it('lists the covering ranges in the order given, not by position', () => {
    const segs = segmentText('abcdef', [r('late', 2, 6), r('early', 0, 4)]);
    expect(view(segs)).toEqual([
      ['ab', 'early'],
      ['cd', 'late+early'],
      ['ef', 'late'],
    ]);
  });

  it('ignores empty, reversed and non-finite ranges and clamps the rest', () => {
    expect(view(segmentText('abcdef', [r('empty', 2, 2), r('rev', 4, 1), r('nan', Number.NaN, 3), r('wide', -5, 99)]))).toEqual([['abcdef', 'wide']]);
    expect(view(segmentText('abcdef', [r('tail', 4, 99)]))).toEqual([
      ['abcd', ''],
      ['ef', 'tail'],
    ]);
  });

  it('cuts at extra boundaries too', () => {
    expect(view(segmentText('abcdef', [], [3, 3, 0, 6, 10]))).toEqual([
      ['abc', ''],
      ['def', ''],
    ]);
  });

  it('keeps U+FFFD, surrogate pairs and line breaks byte for byte', () => {
    const t = '\uFFFD Translator’s note:\n\n\n\uFFFD 😀 end';
    const segs = segmentText(t, [r('a', 0, 3), r('b', 20, 26)]);
    expect(segs.map((s) => s.text).join('')).toBe(t);
    expect(segs[0]?.text).toBe('\uFFFD T');
    expect(segs.find((s) => s.covers.length && s.covers[0]?.id === 'b')?.text).toBe(t.slice(20, 26));
  });

  it('property: segments tile the text and each lists exactly the ranges covering it', () => {
    const textArb = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\uFFFD', '’', 'é', '\uD83D', '\uDE00'), maxLength: 60 });
    fc.assert(
      fc.property(
        textArb,
        fc.array(fc.tuple(fc.integer({ min: -3, max: 65 }), fc.integer({ min: -3, max: 65 })), { maxLength: 8 }),
        (text, pairs) => {
          const ranges = pairs.map(([s, e], i) => r(String(i), s, e));
          const segs = segmentText(text, ranges);
          expect(segs.map((s) => s.text).join('')).toBe(text);
          let at = 0;
          for (const s of segs) {
            expect(s.start).toBe(at);
            expect(s.end).toBeGreaterThan(s.start);
            expect(s.text).toBe(text.slice(s.start, s.end));
            at = s.end;
            const expected = ranges.filter((x) => Math.max(0, x.start) <= s.start && Math.min(text.length, x.end) >= s.end && x.end > x.start);
            expect(s.covers).toEqual(expected);
          }
          expect(at).toBe(text.length);
          // Every in-text boundary of a non-empty range is a cut.
          const cuts = new Set(segs.map((s) => s.start));
          for (const x of ranges) {
            const s = Math.max(0, Math.min(text.length, x.start));
            const e = Math.max(0, Math.min(text.length, x.end));
            if (e > s && s < text.length) expect(cuts.has(s)).toBe(true);
            if (e > s && e < text.length) expect(cuts.has(e)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('partitionByRange', () => {
  const segs = segmentText('0123456789', [r('a', 2, 5), r('cur', 4, 8)]);
  it('splits segments before, inside and after the range', () => {
    const { before, inside, after } = partitionByRange(segs, { start: 4, end: 8 });
    expect(before.map((s) => s.text)).toEqual(['01', '23']);
    expect(inside.map((s) => s.text)).toEqual(['4', '567']);
    expect(after.map((s) => s.text)).toEqual(['89']);
  });
  it('puts everything before without a range', () => {
    expect(partitionByRange(segs, null).before).toHaveLength(segs.length);
    expect(partitionByRange(segs, { start: 3, end: 3 }).inside).toEqual([]);
  });
});

describe('segmentAt', () => {
  const segs = segmentText('0123456789', [r('a', 2, 5)]);
  it('finds the segment containing an offset, the later one at a boundary', () => {
    expect(segmentAt(segs, 0)).toBe(0);
    expect(segmentAt(segs, 2)).toBe(1);
    expect(segmentAt(segs, 4)).toBe(1);
    expect(segmentAt(segs, 5)).toBe(2);
    expect(segmentAt(segs, 9)).toBe(2);
    expect(segmentAt(segs, 10)).toBe(-1);
  });
});
