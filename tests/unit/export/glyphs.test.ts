// Which fonts a figure is set in, and which of its characters no bundled font has: read from
// the laid-out figure, so they name exactly what the SVG, PDF and PNG will draw.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIGURE_OPTIONS, renderFigure } from '../../../arguments/export/figure';
import { codePointName, facesUsed, figuresFaces, missingGlyphs, missingGlyphWarnings, uniqueFaces, usesFont } from '../../../arguments/export/glyphs';
import { shippedMap } from './helpers';

const EYE = '\u{1F9FF}'; // nazar amulet: an emoji, in no bundled font
const LINEAR_B = '\u{10000}'; // Linear B syllable A

describe('fonts a figure uses', () => {
  it('a Latin-only figure uses Source Serif 4 alone, so no fallback font is loaded or embedded', () => {
    const fig = renderFigure(shippedMap(), DEFAULT_FIGURE_OPTIONS);
    expect(facesUsed(fig.layout).map((f) => f.font)).toEqual(['Source Serif 4', 'Source Serif 4', 'Source Serif 4']);
    expect(usesFont(fig.layout, 'Noto Serif SC')).toBe(false);
  });

  it('lists the fallback faces the text needs: Noto Serif SC bold for a CJK title, its regular for italic CJK', () => {
    const map = shippedMap();
    map.nodes.C1!.title = 'Mao Zedong 毛澤東';
    map.nodes.E5!.quote = { ...map.nodes.E5!.quote!, exact: 'ἀρχὴ 中国' };
    const used = facesUsed(renderFigure(map, DEFAULT_FIGURE_OPTIONS).layout);
    expect(used).toContainEqual({ font: 'Noto Serif SC', face: 'bold' });
    expect(used).toContainEqual({ font: 'Noto Serif SC', face: 'regular' }); // the italic quote's CJK
    expect(used).toContainEqual({ font: 'Noto Serif', face: 'italic' });
    expect(used.filter((u) => u.font === 'Noto Serif SC')).toHaveLength(2);
  });
});

describe('fonts several figures use (a handout’s pages)', () => {
  it('are those of each figure, each once, cards shared among figures read once', () => {
    const map = shippedMap();
    map.nodes.C1!.title = 'Mao Zedong 毛澤東';
    map.nodes.E5!.quote = { ...map.nodes.E5!.quote!, exact: 'ἀρχὴ 中国' };
    const whole = renderFigure(map, DEFAULT_FIGURE_OPTIONS).layout;
    // Pages that share the whole figure's cards, as a handout's steps do: C1 on one, E5 on another, neither on a third.
    const page = (ids: string[]) => ({ ...whole, nodes: whole.nodes.filter((n) => ids.includes(n.id)), edges: [] });
    const pages = [page(['T', 'C2']), page(['C1', 'C2']), page(['E5']), { ...page([]), caption: whole.nodes.find((n) => n.id === 'C1')!.title! }];
    const key = (u: { font: string; face: string }) => `${u.font} ${u.face}`;
    const expected = uniqueFaces(pages.flatMap(facesUsed));
    expect(figuresFaces(pages).map(key).sort()).toEqual(expected.map(key).sort());
    expect(expected.map(key)).toContain('Noto Serif SC bold');
    expect(expected.map(key)).toContain('Noto Serif italic');
    expect(figuresFaces([page(['T'])]).map(key)).toEqual(facesUsed(page(['T'])).map(key));
    expect(figuresFaces([])).toEqual([]);
  });
});

describe('characters no bundled font has', () => {
  it('names the node, its title and each character once, and nothing for text every font covers', () => {
    const map = shippedMap();
    map.nodes.C2!.title = `Amulet ${EYE} and ${EYE}`;
    map.nodes.C3!.text = `A Linear B sign ${LINEAR_B}; and 中文, ῶ, Ѧ are fine`;
    const missing = missingGlyphs(renderFigure(map, DEFAULT_FIGURE_OPTIONS).layout, map);
    expect(missing).toEqual([
      { node: 'C2', title: `Amulet ${EYE} and ${EYE}`, characters: [EYE] },
      { node: 'C3', title: map.nodes.C3!.title!.trim() || map.nodes.C3!.text, characters: [LINEAR_B] },
    ]);
    const [first] = missingGlyphWarnings(missing);
    expect(first).toBe(`No bundled font has the character U+1F9FF ${EYE} in node C2 (“Amulet ${EYE} and ${EYE}”); it will show as an empty box.`);
  });

  it('reports nothing for the shipped map', () => {
    const map = shippedMap();
    expect(missingGlyphs(renderFigure(map, DEFAULT_FIGURE_OPTIONS).layout, map)).toEqual([]);
  });

  it('checks the caption too, and only what is drawn (a node outside the scope is not reported)', () => {
    const map = shippedMap();
    map.nodes.E5!.title = `Out of scope ${EYE}`;
    const fig = renderFigure(map, { ...DEFAULT_FIGURE_OPTIONS, scope: { kind: 'selection', ids: ['C1'] }, caption: `Figure ${LINEAR_B}` });
    expect(missingGlyphs(fig.layout, map)).toEqual([{ title: 'the caption', characters: [LINEAR_B] }]);
  });

  it('writes a character as its code point too', () => {
    expect(codePointName('\u0301')).toBe('U+0301 \u0301');
    expect(codePointName(EYE)).toBe(`U+1F9FF ${EYE}`);
  });
});
