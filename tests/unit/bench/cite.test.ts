import { describe, expect, it } from 'vitest';
import { benchCite } from '../../../bench/cite';

describe('the citation bench', () => {
  it('measures every figure (the harness works; the figures themselves are in bench/results)', async () => {
    const figures = await benchCite(1);
    expect(figures.map((f) => f.key)).toEqual(['cite.start.cold', 'cite.note.cold', 'cite.start', 'cite.csl.100', 'cite.notes.100.first', 'cite.notes.100', 'cite.bibliography.100.first', 'cite.bibliography.100']);
    for (const f of figures) expect(f.app.length > 0 && f.app.every((x) => Number.isFinite(x) && x >= 0), f.key).toBe(true);
  });
});
