import { describe, expect, it } from 'vitest';
import { matchSources, quoteOverlap } from '../../../arguments/compare/quotes';
import { emptyMap, type Source } from '../../../arguments/model';

const map = (...sources: Source[]) => ({ ...emptyMap('2024-01-01T00:00:00.000Z'), sources: Object.fromEntries(sources.map((s) => [s.id, s])) });

describe('quotes across two maps', () => {
  it('takes a student’s source as the instructor’s by its text, else by a title only one source has', () => {
    const instructor = map({ id: 'letter', title: 'Stalin to Gottwald', role: 'primary', text: 'Text A' }, { id: 'cable', title: 'Cable', role: 'primary', text: 'Text B' }, { id: 'c2', title: 'Cable', role: 'primary', text: 'Text C' });
    const student = map({ id: 's1', title: 'My letter', role: 'primary', text: 'Text A' }, { id: 's2', title: 'stalin  to gottwald', role: 'primary', text: 'other' }, { id: 's3', title: 'Cable', role: 'primary', text: 'other' });
    expect(Object.fromEntries(matchSources(student, instructor))).toEqual({ s1: 'letter', s2: 'letter' });
  });

  it('measures overlap as the shared share of the two passages, and by exact text when a quote is not found', () => {
    const at = (start: number | null, end: number | null, exact = 'x') => ({ source: 'letter', start, end, exact });
    expect(quoteOverlap(at(0, 10), at(5, 15))).toBeCloseTo(5 / 15);
    expect(quoteOverlap(at(0, 10), at(10, 20))).toBe(0);
    expect(quoteOverlap(at(0, 10), { ...at(0, 10), source: 'cable' })).toBe(0);
    expect(quoteOverlap(at(null, null, 'a free hand'), at(3, 14, 'a free hand'))).toBe(1);
    expect(quoteOverlap(at(null, null, 'a free hand'), at(3, 14, 'another'))).toBe(0);
  });
});
