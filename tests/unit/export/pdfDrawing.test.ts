// A figure's PDF drawn part by part (writePdf with `drawing`: pdfParts.ts, the shapes with
// svg-to-pdfkit's own calls, the text by PDFKit's text API) must be the page svg-to-pdfkit draws
// from the figure's SVG whole: what a reader would notice otherwise is a card, arrow, word or
// colour that moved or went missing. So both are rendered (pdftoppm, 50 dpi, the page the
// figure's own size) and compared, for every theme, status badges, titles only, a legend and
// caption (those drawn by svg-to-pdfkit), CJK and Greek text (fallback faces) and a generated
// map. The shapes' content is the same bytes (pdfShapes.test.ts); PDFKit places a few glyphs a
// fraction of a pixel apart from svg-to-pdfkit (its text API applies the font's kerning), which
// shifts the anti-aliasing of ~130 pixels of a 1.8-million-pixel page: the pages may differ in at
// most 1 byte in 5,000, far below a word (thousands) or a card.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFigureRouting } from '../../../arguments/cli/avoid';
import { fallbackFontBytes, fontBytes, pdfLibraries } from '../../../arguments/cli/figures';
import { DEFAULT_FIGURE_OPTIONS, renderFigure, type FigureOptions } from '../../../arguments/export/figure';
import { facesUsed } from '../../../arguments/export/glyphs';
import { writePdf } from '../../../arguments/export/pdf';
import { generateMap } from '../../../bench/generate';
import { shippedMap, tmp, tool } from './helpers';

await startFigureRouting();
const dir = tmp('pdf-drawing');

const greek = () => {
  const m = shippedMap();
  m.nodes.C1!.title = 'Mao Zedong 毛澤東';
  m.nodes.E5!.quote = { ...m.nodes.E5!.quote!, exact: 'ἀρχὴ 中国' };
  return m;
};

const cases: [string, ReturnType<typeof shippedMap>, FigureOptions][] = [
  ['print', shippedMap(), DEFAULT_FIGURE_OPTIONS],
  ['screen, status badges', shippedMap(), { ...DEFAULT_FIGURE_OPTIONS, theme: 'screen', statusBadges: true }],
  ['compact, titles only', shippedMap(), { ...DEFAULT_FIGURE_OPTIONS, theme: 'compact', detail: 'titles' }],
  ['legend and caption', shippedMap(), { ...DEFAULT_FIGURE_OPTIONS, legend: true, caption: 'Figure 1. Stalin’s letter to Gottwald, 27 August 1950.' }],
  ['CJK and Greek', greek(), DEFAULT_FIGURE_OPTIONS],
  ['a generated map of 120 nodes', generateMap(120), DEFAULT_FIGURE_OPTIONS],
];

async function pages(name: string, map: ReturnType<typeof shippedMap>, options: FigureOptions, drawn: boolean): Promise<Buffer[]> {
  const figure = renderFigure(map, options, { embedMap: false });
  const bytes = await writePdf(await pdfLibraries(), fontBytes(), { svg: figure.svg, width: figure.width, height: figure.height, mapJson: figure.mapJson, title: figure.title, date: map.meta.modified, ...(drawn ? { drawing: figure } : {}) }, 'fit', fallbackFontBytes(facesUsed(figure.layout)));
  const file = `${name.replace(/\W+/g, '-')}-${drawn ? 'parts' : 'whole'}`;
  writeFileSync(join(dir, `${file}.pdf`), bytes);
  tool('pdftoppm', ['-r', '50', join(dir, `${file}.pdf`), join(dir, file)]);
  return readdirSync(dir).filter((f) => f.startsWith(`${file}-`) && f.endsWith('.ppm')).sort().map((f) => readFileSync(join(dir, f)));
}

describe.each(cases)('a PDF figure drawn part by part: %s', (name, map, options) => {
  it('is the page svg-to-pdfkit draws from its SVG, but for the anti-aliasing of a few glyphs', async () => {
    const [parts, whole] = [await pages(name, map, options, true), await pages(name, map, options, false)];
    expect(parts.length).toBe(1);
    expect(whole.length).toBe(1);
    const [a, b] = [parts[0]!, whole[0]!];
    expect(a.length).toBe(b.length);
    let differing = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
    expect(differing, `${differing} of ${a.length} bytes differ`).toBeLessThanOrEqual(a.length / 5000);
  }, 60_000);
});
