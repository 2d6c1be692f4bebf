import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignGlobal, alignWords, isSimilarWord } from '../../../arguments/text/align';
import type { WordOp } from '../../../arguments/text/align';
import { words } from '../../../arguments/text/normalize';

const raw = readFileSync(new URL('../../../arguments/sources/stalin-gottwald-1950.txt', import.meta.url), 'utf8');
const letter = raw.slice(raw.indexOf('Document\n\nTop Secret'), raw.indexOf('Listy. 71-72') + 'Listy. 71-72'.length);
const letterWords = words(letter).map((w) => w.norm);
const w = (s: string): string[] => words(s).map((x) => x.norm);

/** Plain Levenshtein distance over words, for checking the optimum. */
function editDistance(a: string[], b: string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1), (prev[j] as number) + 1, (cur[j - 1] as number) + 1);
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/** Replaying the ops must give back the quote and the source window. */
function replay(ops: WordOp[]): { quote: string[]; source: string[] } {
  const quote: string[] = [];
  const source: string[] = [];
  for (const o of ops) {
    if (o.op !== 'delete') quote.push(o.quote as string);
    if (o.op !== 'insert') source.push(o.source as string);
    if (o.op === 'equal') expect(o.quote).toBe(o.source);
    if (o.op === 'replace') expect(o.quote).not.toBe(o.source);
  }
  return { quote, source };
}

describe('alignWords', () => {
  it('finds a verbatim quote inside the source with distance 0', () => {
    const quote = w('it is clear that the United States of America is presently diverted');
    const r = alignWords(quote, letterWords);
    expect(r.distance).toBe(0);
    expect(letterWords.slice(r.sourceStart, r.sourceEnd)).toEqual(quote);
    expect(r.ops.every((o) => o.op === 'equal')).toBe(true);
  });

  it('shows the analyst’s "the American government … a majority vote" against the letter', () => {
    const quote = w('to give the American government a free hand to gain a majority vote in the Security Council');
    const r = alignWords(quote, letterWords);
    expect(r.distance).toBe(2);
    expect(letterWords.slice(r.sourceStart, r.sourceEnd).join(' ')).toBe(
      'to give american government a free hand to gain the majority vote in the security council',
    );
    expect(r.ops.filter((o) => o.op !== 'equal')).toEqual([
      { op: 'insert', quote: 'the' },
      { op: 'replace', quote: 'a', source: 'the' },
    ]);
    // The insertion stands right before "american".
    const at = r.ops.findIndex((o) => o.op === 'insert');
    expect(r.ops[at + 1]).toEqual({ op: 'equal', quote: 'american', source: 'american' });
  });

  it('reports a source word the quote leaves out as a delete', () => {
    const r = alignWords(w('give American government a hand'), letterWords);
    expect(r.distance).toBe(1);
    expect(r.ops.filter((o) => o.op !== 'equal')).toEqual([{ op: 'delete', source: 'free' }]);
  });

  it('treats the whole quote as required and the source ends as free', () => {
    // "pulled" has no partner in the letter ("pull China into …"): one edit, whichever
    // way it is paired, and the window runs to "Korea" but no further.
    const r = alignWords(w('pulled into the struggle for the liberation of Korea'), letterWords);
    expect(r.distance).toBe(1);
    expect(r.ops[0]?.quote).toBe('pulled');
    expect(r.ops[0]?.op).not.toBe('equal');
    expect(r.ops.slice(1).every((o) => o.op === 'equal')).toBe(true);
    expect(letterWords.slice(r.sourceStart, r.sourceEnd).join(' ')).toMatch(/into the struggle for the liberation of korea$/);
  });

  it('rather gives a quote word a partner than leaves it out at the edge', () => {
    // "… come back again" against "… come back once again": dropping "once" beats an unmatched "again".
    const r = alignWords(w('leave the Security Council again and come back again'), letterWords);
    expect(r.distance).toBe(1);
    expect(r.ops.filter((o) => o.op !== 'equal')).toEqual([{ op: 'delete', source: 'once' }]);
    expect(letterWords[r.sourceEnd - 1]).toBe('again');
  });

  it('handles empty input', () => {
    expect(alignWords([], letterWords)).toEqual({ sourceStart: 0, sourceEnd: 0, distance: 0, ops: [] });
    expect(alignWords(['a', 'b'], [])).toEqual({
      sourceStart: 0,
      sourceEnd: 0,
      distance: 2,
      ops: [
        { op: 'insert', quote: 'a' },
        { op: 'insert', quote: 'b' },
      ],
    });
  });

  it('finds a planted, slightly altered quote in a 100k-word source in reasonable time', () => {
    const filler = Array.from({ length: 100_000 }, (_, i) => `w${i % 5000}`);
    const planted = w('we might leave the security council again and come back once again');
    filler.splice(73_000, 0, ...planted);
    const quote = w('we might leave the council again and come back again');
    const t0 = performance.now();
    const r = alignWords(quote, filler);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(r.sourceStart).toBe(73_000);
    expect(r.sourceEnd).toBe(73_000 + planted.length);
    expect(r.distance).toBe(2);
    expect(r.ops.filter((o) => o.op !== 'equal')).toEqual([
      { op: 'delete', source: 'security' },
      { op: 'delete', source: 'once' },
    ]);
  });
});

describe('alignGlobal and similar words', () => {
  it('pairs related word forms when two alignments cost the same', () => {
    expect(isSimilarWord('pulled', 'pull')).toBe(true);
    expect(isSimilarWord('pulled', 'china')).toBe(false);
    expect(isSimilarWord('a', 'the')).toBe(false);
    expect(alignGlobal(['pulled', 'into'], ['pull', 'china', 'into'])).toEqual([
      { op: 'replace', quote: 'pulled', source: 'pull' },
      { op: 'delete', source: 'china' },
      { op: 'equal', quote: 'into', source: 'into' },
    ]);
  });
});

const smallWords = fc.array(fc.constantFrom('a', 'b', 'c', 'the', 'they', 'pull', 'pulled'), { maxLength: 8 });

describe('alignWords properties', () => {
  it('distance is the minimum edit distance of the quote to any source window', () => {
    fc.assert(
      fc.property(smallWords, fc.array(fc.constantFrom('a', 'b', 'c', 'the', 'they', 'pull', 'pulled'), { maxLength: 14 }), (quote, source) => {
        const r = alignWords(quote, source);
        let best = Infinity;
        for (let i = 0; i <= source.length; i++) {
          for (let j = i; j <= source.length; j++) best = Math.min(best, editDistance(quote, source.slice(i, j)));
        }
        expect(r.distance).toBe(best);
        expect(editDistance(quote, source.slice(r.sourceStart, r.sourceEnd))).toBe(best);
      }),
    );
  });

  it('ops replay to the whole quote and exactly the chosen window, and count the distance', () => {
    fc.assert(
      fc.property(smallWords, fc.array(fc.constantFrom('a', 'b', 'c', 'the', 'pull', 'pulled'), { maxLength: 14 }), (quote, source) => {
        const r = alignWords(quote, source);
        const { quote: q, source: s } = replay(r.ops);
        expect(q).toEqual(quote);
        expect(s).toEqual(source.slice(r.sourceStart, r.sourceEnd));
        expect(r.ops.filter((o) => o.op !== 'equal').length).toBe(r.distance);
      }),
    );
  });

  it('a quote copied out of the letter aligns with distance 0', () => {
    fc.assert(
      fc.property(fc.nat({ max: letterWords.length - 1 }), fc.integer({ min: 1, max: 30 }), (start, len) => {
        const quote = letterWords.slice(start, start + len);
        const r = alignWords(quote, letterWords);
        expect(r.distance).toBe(0);
        expect(letterWords.slice(r.sourceStart, r.sourceEnd)).toEqual(quote);
      }),
      { numRuns: 200 },
    );
  });
});
