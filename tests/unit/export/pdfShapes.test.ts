// A figure part's shapes in the PDF handout are drawn by pdfShapes.ts, not by svg-to-pdfkit, with
// the calls svg-to-pdfkit would make. What a reader would notice if that went wrong: a card's
// frame, an arrow, its head or a label's backing drawn differently (a corner, a dash, a colour,
// a missing shape). So each part of several figures (every theme and level of detail, the
// shipped map and a generated one, with counters, voices and status badges) is drawn both ways
// into PDFKit, uncompressed, and the two content streams must be the same bytes.
import { describe, expect, it } from 'vitest';
import { startFigureRouting } from '../../../arguments/cli/avoid';
import { pdfLibraries } from '../../../arguments/cli/figures';
import { renderFigure, type FigureOptions } from '../../../arguments/export/figure';
import { drawShapes, pathCommands, readShapes, type ShapesDocument } from '../../../arguments/export/pdfShapes';
import { takeSvgText } from '../../../arguments/export/pdfText';
import { figureParts } from '../../../arguments/export/svg';
import { generateMap } from '../../../bench/generate';
import { shippedMap } from './helpers';

await startFigureRouting();
const libs = await pdfLibraries();

interface Doc extends ShapesDocument {
  page: { write(chunk: string): void };
  addPage(): Doc;
}

/** What `draw` writes into the page's content, and the state PDFKit is left in. */
function written(draw: (doc: Doc) => void): string {
  const doc = new libs.PDFDocument({ compress: false, autoFirstPage: false }) as unknown as Doc;
  doc.addPage();
  let out = '';
  const page = doc.page;
  const write = page.write.bind(page);
  page.write = (chunk: string) => {
    out += chunk + '\n';
  };
  draw(doc);
  page.write = write;
  return out;
}

const svgAround = (shapes: string, w: number, h: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" overflow="visible">${shapes}</svg>`;

const figures: [string, ReturnType<typeof shippedMap>, FigureOptions][] = [
  ['the shipped map, print', shippedMap(), { theme: 'print', scope: { kind: 'all' }, counters: true, voices: true, legend: false }],
  ['the shipped map, screen, status badges', shippedMap(), { theme: 'screen', scope: { kind: 'all' }, counters: true, voices: true, legend: false, statusBadges: true }],
  ['the shipped map, compact, titles only', shippedMap(), { theme: 'compact', scope: { kind: 'all' }, counters: true, voices: false, legend: false, detail: 'titles' } as FigureOptions],
  ['a generated map of 150 nodes, print', generateMap(150), { theme: 'print', scope: { kind: 'all' }, counters: true, voices: true, legend: false }],
];

describe.each(figures)('%s: each part drawn as svg-to-pdfkit draws it', (_, map, options) => {
  const figure = renderFigure(map, options, { embedMap: false });
  const parts = figureParts(figure.layout, figure.theme);
  const box = { w: figure.layout.width + 300, h: figure.layout.height + 300 };

  it('writes the same content stream, part by part', () => {
    expect(parts.length).toBeGreaterThan(20);
    const kinds = new Set<string>();
    for (const part of parts) {
      const { shapes } = takeSvgText(part.svg());
      let drawn = false;
      const fast = written((doc) => void (drawn = drawShapes(doc, shapes)));
      expect(drawn, `${part.kind} drawn without svg-to-pdfkit: ${shapes.slice(0, 200)}`).toBe(true);
      const slow = written((doc) => libs.SVGtoPDF(doc as never, svgAround(shapes, box.w, box.h), 0, 0, { assumePt: true, width: box.w, height: box.h }));
      expect(fast, `${part.kind}: ${shapes.slice(0, 200)}`).toBe(slow);
      expect(fast).toMatch(/^(f|S|B)$/m);
      kinds.add(part.kind);
    }
    expect(kinds.size).toBeGreaterThan(2);
  });
});

describe('what it leaves to svg-to-pdfkit', () => {
  it.each([
    ['a transform', '<g transform="translate(3,4)"><rect x="0" y="0" width="5" height="5"/></g>'],
    ['a style attribute', '<rect x="0" y="0" width="5" height="5" style="fill:red"/>'],
    ['a length with a unit', '<rect x="0" y="0" width="5mm" height="5"/>'],
    ['a named colour', '<rect x="0" y="0" width="5" height="5" fill="red"/>'],
    ['an element it does not know', '<circle cx="3" cy="3" r="2"/>'],
    ['a smooth curve', '<path d="M0,0 S5,5 6,6"/>'],
    ['a path command repeated without its letter', '<path d="M0,0 L5,5 6,6"/>'],
    ['an unclosed group', '<g id="a"><rect x="0" y="0" width="5" height="5"/>'],
    ['text', '<text x="0" y="0">a</text>'],
    ['a rounded corner on an empty rectangle', '<rect x="0" y="0" width="0" height="5" rx="2"/>'],
  ])('%s: nothing drawn, false', (_, svg) => {
    let drawn = true;
    const out = written((doc) => void (drawn = drawShapes(doc, svg)));
    expect(drawn).toBe(false);
    expect(out).toBe('');
    expect(readShapes(svg)).toBeNull();
  });

  it('reads the absolute commands the writer writes, arcs and quadratics as cubic curves', () => {
    expect(pathCommands('M0,0 L10,0 H20 V5 Q20,10 15,10 Z')).toEqual([
      ['move', 0, 0],
      ['line', 10, 0],
      ['line', 20, 0],
      ['line', 20, 5],
      ['curve', 20, 5 + (2 / 3) * 5, 15 + (2 / 3) * 5, 10, 15, 10],
      ['close'],
    ]);
    expect(pathCommands(' M0,0 L1 1 Z ')).toEqual([['move', 0, 0], ['line', 1, 1], ['close']]);
    for (const bad of ['M0,0 Z x', 'M0,,0', 'M0,0 L1', '', '0,0', 'M0,0 A1,1 0 2,0 3,3']) expect(pathCommands(bad), bad).toBeNull();
    // A circle as two half arcs: three quarter-ish curves each at svg-to-pdfkit's precision.
    expect(pathCommands('M0,0 A3.5,3.5 0 1,0 7,0 A3.5,3.5 0 1,0 0,0 Z')!.filter((c) => c[0] === 'curve')).toHaveLength(6);
  });
});

describe('what svg-to-pdfkit says while drawing a figure', () => {
  it('is kept with the drawing, not printed to the console', async () => {
    const { FigureParts, mapBoxOf } = await import('../../../arguments/export/pdfParts');
    const figure = renderFigure(shippedMap(), { theme: 'print', scope: { kind: 'all' }, counters: true, voices: true, legend: true });
    const doc = new libs.PDFDocument({ size: [figure.width, figure.height], margin: 0 });
    const parts = new FigureParts(doc as never, libs, () => 'Helvetica');
    const printed: unknown[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => void printed.push(a);
    try {
      // A legend makes the figure go to svg-to-pdfkit whole; a repeated attribute makes it warn.
      parts.draw({ layout: figure.layout, theme: figure.theme, svg: figure.svg.replace('<svg ', '<svg width="1" '), recurs: false, mapBox: mapBoxOf(figure.layout) });
    } finally {
      console.warn = warn;
    }
    expect(parts.warnings.join('\n')).toMatch(/duplicate attribute/);
    expect(printed).toEqual([]);
  });
});
