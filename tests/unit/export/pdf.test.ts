// PDF figures (PDFKit + svg-to-pdfkit): vector only, fonts embedded, the text findable, the
// map attached and restored; checked with poppler's own tools.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../../arguments/cli/figures';
import { embeddedFilesOfPdf, importFigure } from '../../../arguments/export/embed';
import { DEFAULT_FIGURE_OPTIONS, renderFigure, type PageSize } from '../../../arguments/export/figure';
import { pdfPlacement } from '../../../arguments/export/pdf';
import { shippedMap, tmp, tool } from './helpers';

const map = shippedMap();
const dir = tmp('pdf');

async function pdfOf(page: PageSize, theme: 'print' | 'screen' | 'compact' = 'print'): Promise<{ path: string; bytes: Uint8Array }> {
  const options = { ...DEFAULT_FIGURE_OPTIONS, theme, legend: true, caption: 'Figure 1. Stalin’s letter to Gottwald, 27 August 1950.' };
  const fig = renderFigure(map, options);
  const plain = renderFigure(map, options, { embedMap: false });
  const bytes = await renderPdf(fig, plain.svg, page, map.meta.modified);
  const path = join(dir, `${theme}-${page}.pdf`);
  writeFileSync(path, bytes);
  return { path, bytes };
}

const normal = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('PDF figure of the shipped map', () => {
  let fit: { path: string; bytes: Uint8Array };
  beforeAll(async () => {
    fit = await pdfOf('fit');
  });

  it('embeds its fonts (pdffonts)', () => {
    const rows = tool('pdffonts', [fit.path]).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row).toMatch(/SourceSerif4-\w+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('has the four claims\u2019 text (pdftotext)', () => {
    const text = normal(tool('pdftotext', [fit.path, '-']));
    for (const id of ['C1', 'C2', 'C3', 'C4']) expect(text).toContain(normal(map.nodes[id]!.text));
    expect(text).toContain(normal(map.nodes.T!.text));
    expect(text).toContain('Figure 1. Stalin’s letter to Gottwald, 27 August 1950.');
  });

  it('is vectors only: no raster images (pdfimages -list)', () => {
    const rows = tool('pdfimages', ['-list', fit.path]).trim().split('\n').slice(2);
    expect(rows).toEqual([]);
  });

  it('is one page the size of the figure (pdfinfo)', () => {
    const fig = renderFigure(map, { ...DEFAULT_FIGURE_OPTIONS, legend: true, caption: 'Figure 1. Stalin’s letter to Gottwald, 27 August 1950.' });
    const info = tool('pdfinfo', [fit.path]);
    expect(info).toMatch(/Pages:\s+1\n/);
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect(Number(w)).toBeCloseTo(fig.width * 0.75, 0);
    expect(Number(h)).toBeCloseTo(fig.height * 0.75, 0);
    expect(info).toMatch(/Title:\s+Stalin's letter to Gottwald/);
  });

  it('attaches the map, which imports back to the original', async () => {
    expect(tool('pdfdetach', ['-list', fit.path])).toMatch(/1: map\.argmap\.json/);
    expect(await embeddedFilesOfPdf(fit.bytes)).toHaveLength(1);
    const back = await importFigure(fit.bytes);
    expect(back.ok && back.map).toEqual(map);
  });

  it('is the same bytes every time for the same map', async () => {
    const again = await pdfOf('fit');
    expect(Buffer.from(again.bytes).equals(Buffer.from(fit.bytes))).toBe(true);
  });

  // The shipped map reads left to right in columns, taller than wide: upright pages.
  for (const [page, size] of [['a4', '595.28 x 841.89'], ['letter', '612 x 792']] as const)
    it(`fits the figure on ${page} paper (portrait for the tall shipped map)`, async () => {
      const { path } = await pdfOf(page, 'compact');
      expect(tool('pdfinfo', [path])).toContain(`Page size:       ${size} pts`);
      expect(normal(tool('pdftotext', [path, '-']))).toContain(normal(map.nodes.C1!.text));
    });

  it('places a tall figure on portrait paper, centred inside the margins', () => {
    const p = pdfPlacement(400, 1200, 'a4');
    expect(p.page).toEqual([595.28, 841.89]);
    expect(p.y).toBeCloseTo(36, 5);
    expect(p.x).toBeGreaterThan(36);
    expect(pdfPlacement(100000, 100, 'fit').page[0]).toBeLessThanOrEqual(14400);
    expect(pdfPlacement(1200, 400, 'a4').page).toEqual([841.89, 595.28]);
    expect(pdfPlacement(1200, 400, 'letter').page).toEqual([792, 612]);
  });
});
