import { describe, expect, it } from 'vitest';
import { farTitleEm } from '../../../../renderer/canvas/farTitle';

// canvas.css sets a far-zoomed card's title at most 250 px / farTitleEm: the widest early word
// must decide it, or a long word is broken across lines again (or a short title set needlessly small).
describe('farTitleEm', () => {
  it('is the widest of the first words, the first one counted with the kind glyph before it', () => {
    const short = farTitleEm('Claim 1');
    expect(short).toBeGreaterThan(farTitleEm('Claim'.slice(0, 4)));
    // "rapprochement" is wider than "Claim 3a:" with its glyph: it decides the size.
    expect(farTitleEm('Claim 3a: no rapprochement')).toBeGreaterThan(farTitleEm('Claim 3a: no'));
    expect(farTitleEm('Claim 3a: no rapprochement')).toBe(farTitleEm('x rapprochement'));
  });

  it('leaves a short title at the full 11 px (250 px over its em is at least 11 px × the zoom-out scale of 5.5)', () => {
    for (const t of ['Claim 1', 'Claim 2', 'Note 3']) expect(250 / farTitleEm(t), t).toBeGreaterThanOrEqual(60);
    // "◆Thesis" is ~4.4 em in DejaVu Sans Bold: at 60 px it would not fit 250 px.
    expect(250 / farTitleEm('Thesis')).toBeLessThan(60);
  });

  it('counts wide and capital letters wider than narrow ones, and only the first six words', () => {
    expect(farTitleEm('x MMMMMM')).toBeGreaterThan(farTitleEm('x iiiiii') * 2);
    expect(farTitleEm('a b c d e f Incomprehensibilities')).toBe(farTitleEm('a b c d e f'));
    expect(farTitleEm('')).toBe(1);
  });
});
