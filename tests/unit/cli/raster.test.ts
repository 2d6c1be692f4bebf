// PNG figures drawn by resvg band by band: the pixels are those of the same drawing made in
// one piece (seams included), the bands stay small, and a raster too large is refused with its
// size before anything is drawn.
import { describe, expect, it } from 'vitest';
import { startFigureRouting } from '../../../arguments/cli/avoid';
import { resvgFontOptions } from '../../../arguments/cli/figures';
import { BAND_BYTES, demultiply, drawBands, pixelDocument, pngStream, renderUntiled } from '../../../arguments/cli/raster';
import { importFigure } from '../../../arguments/export/embed';
import { DEFAULT_FIGURE_OPTIONS, RasterTooLargeError, renderFigure, type Figure } from '../../../arguments/export/figure';
import { bandRows, joinBytes } from '../../../arguments/export/pngStream';
import { resizeSvg } from '../../../arguments/export/svg';
import { decodePng, shippedMap } from '../export/helpers';

await startFigureRouting();
const map = shippedMap();
const subtree = renderFigure(map, { ...DEFAULT_FIGURE_OPTIONS, scope: { kind: 'subtree', root: 'C2' } });

async function resvg(svg: string, figure: Figure) {
  const { Resvg } = await import('@resvg/resvg-js');
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: resvgFontOptions(figure.layout), shapeRendering: 2, textRendering: 1, imageRendering: 0 } as never);
}

async function banded(figure: Figure, dpi: number, rows: number, overlap?: number): Promise<Uint8Array> {
  const doc = pixelDocument(figure, dpi);
  const parts: Uint8Array[] = [];
  for await (const band of drawBands(await resvg(doc.svg, figure), doc, { rows, overlap })) parts.push(band.slice());
  return joinBytes(parts);
}

/** Rows of `a` and `b` (RGBA, `width` wide) that differ. */
function differingRows(a: Uint8Array, b: Uint8Array, width: number): number[] {
  const rows = new Set<number>();
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) rows.add(Math.floor(i / 4 / width));
  return [...rows];
}

describe('PNG drawn in bands', () => {
  it('gives byte for byte the pixels of the same figure drawn in one piece, for bands of 11, 37 and 250 rows', async () => {
    const whole = decodePng(await renderUntiled(subtree, 96));
    expect(whole.height).toBeGreaterThan(700);
    for (const rows of [11, 37, 250]) {
      const pixels = await banded(subtree, 96, rows);
      expect(pixels.length).toBe(whole.rgba.length);
      expect(differingRows(pixels, whole.rgba, whole.width), `bands of ${rows} rows`).toEqual([]);
    }
  });

  it('draws the same pixels as resvg given the figure itself, at 96 DPI (one figure px, one pixel)', async () => {
    const direct = (await resvg(resizeSvg(subtree.variant({ embedMap: false }), subtree.width, subtree.height), subtree)).render().asPng();
    const pixels = await banded(subtree, 96, 37);
    expect(differingRows(pixels, decodePng(direct).rgba, subtree.width)).toEqual([]);
  });

  it('needs its overlap: without it the rows beside each seam come out differently', async () => {
    // The evidence for BAND_OVERLAP: resvg clips paths that cross a pixmap's edge, and the
    // clipped edges are anti-aliased differently next to the cut.
    const whole = decodePng(await renderUntiled(subtree, 96));
    const rows = differingRows(await banded(subtree, 96, 37, 0), whole.rgba, whole.width);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r % 37 <= 4 || r % 37 >= 36)).toBe(true);
  });

  it('turns premultiplied pixels into straight alpha exactly as resvg’s own PNG writer does', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="3"><rect width="256" height="3" fill="rgb(200,100,50)" fill-opacity="0.3"/>${Array.from({ length: 256 }, (_, i) => `<rect x="${i}" y="1" width="1" height="2" fill="rgb(${i},${255 - i},77)" fill-opacity="${(i / 255).toFixed(3)}"/>`).join('')}</svg>`;
    const { Resvg } = await import('@resvg/resvg-js');
    const image = new Resvg(svg).render();
    const pixels = new Uint8Array(image.pixels);
    demultiply(pixels);
    expect(Buffer.from(pixels).equals(Buffer.from(decodePng(image.asPng()).rgba))).toBe(true);
  });

  it('writes a PNG of the whole map that opens again as the map, drawn in bands of at most BAND_BYTES', async () => {
    const figure = renderFigure(map, DEFAULT_FIGURE_OPTIONS);
    const png = await pngStream(figure, 150);
    const parts: Uint8Array[] = [];
    for await (const p of png.bytes) parts.push(p);
    const file = joinBytes(parts);
    const back = decodePng(file);
    expect([back.width, back.height]).toEqual([png.width, png.height]);
    const rows = bandRows(png.width, png.height, BAND_BYTES);
    expect(rows * png.width * 4).toBeLessThanOrEqual(BAND_BYTES);
    expect(png.height).toBeGreaterThan(rows * 4); // really several bands
    // Ink on every part of the page the cards are on: no band came out blank.
    const inked = (y: number) => back.rgba.subarray(y * png.width * 4, (y + 1) * png.width * 4).some((v, i) => i % 4 !== 3 && v < 128);
    const quarter = Math.floor(png.height / 4);
    for (let q = 0; q < 4; q++) expect(Array.from({ length: quarter }, (_, k) => q * quarter + k).some(inked)).toBe(true);
    const opened = await importFigure(file);
    expect(opened.ok && opened.map).toEqual(map);
  });

  it('refuses a raster too large before drawing anything, naming its size in pixels', async () => {
    const err = await pngStream(subtree, 2400).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(RasterTooLargeError);
    const e = err as RasterTooLargeError;
    expect(e.code).toBe('raster-too-large');
    expect(e.pixels.width).toBe(Math.round((subtree.width * 2400) / 96));
    expect(e.message).toContain(`${e.pixels.width} × ${e.pixels.height} pixels`);
    expect(e.message).toMatch(/choose \d+ DPI or less/);
  });
});
