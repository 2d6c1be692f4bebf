// PNG figures (the CLI's resvg path): pixel size follows the DPI, the resolution is recorded,
// and the map rides in an iTXt chunk and comes back out unchanged.
import { describe, expect, it } from 'vitest';
import { renderPng } from '../../../arguments/cli/figures';
import { addPngMetadata, crc32, importFigure, mapJsonOfPng, PNG_MAP_KEYWORD, pngDpi, pngSize, readPngChunks, writePngChunks } from '../../../arguments/export/embed';
import { DEFAULT_FIGURE_OPTIONS, pixelSize, rasterTooLarge, renderFigure } from '../../../arguments/export/figure';
import { serializeMap } from '../../../arguments/format/serialize';
import { HOSTILE, shippedMap } from './helpers';

const map = shippedMap();
const subtree = renderFigure(map, { ...DEFAULT_FIGURE_OPTIONS, scope: { kind: 'subtree', root: 'C2' } });

describe('PNG figures', () => {
  for (const dpi of [72, 96, 150, 300])
    it(`at ${dpi} DPI: ${dpi}/96 pixels per CSS pixel of the figure, and says so in pHYs`, async () => {
      const png = await renderPng(subtree, dpi);
      const expected = { width: Math.round((subtree.width * dpi) / 96), height: Math.round((subtree.height * dpi) / 96) };
      expect(pngSize(png)).toEqual(expected);
      expect(pixelSize(subtree, dpi)).toMatchObject(expected);
      expect(pngDpi(png)).toBeCloseTo(dpi, 0);
    });

  it('exports the whole shipped map at the default 300 DPI and the map round-trips', async () => {
    const fig = renderFigure(map, DEFAULT_FIGURE_OPTIONS);
    const png = await renderPng(fig, 300);
    expect(pngSize(png)).toEqual({ width: Math.round((fig.width * 300) / 96), height: Math.round((fig.height * 300) / 96) });
    const chunks = readPngChunks(png);
    expect(chunks.map((c) => c.type).slice(0, 2)).toEqual(['IHDR', 'pHYs']);
    expect(chunks.filter((c) => c.type === 'iTXt')).toHaveLength(3); // Software, Title, the map
    const back = await importFigure(png);
    expect(back.ok && back.map).toEqual(map);
  });

  it('carries a map of hostile strings byte for byte', async () => {
    const m = structuredClone(map);
    Object.values(m.nodes).forEach((n, i) => (n.text = HOSTILE[i % HOSTILE.length]!));
    const json = serializeMap(m);
    const tiny = await renderPng(renderFigure(m, { ...DEFAULT_FIGURE_OPTIONS, scope: { kind: 'subtree', root: 'C1' } }), 36);
    const withMap = await addPngMetadata(tiny, { mapJson: json });
    expect(await mapJsonOfPng(withMap)).toBe(json);
  });

  it('replaces its own chunks when given metadata again, keeping the picture', async () => {
    const png = await renderPng(subtree, 72);
    const again = await addPngMetadata(png, { mapJson: '{"x":1}', dpi: 144, title: 'Второй' });
    const chunks = readPngChunks(again);
    expect(chunks.filter((c) => c.type === 'pHYs')).toHaveLength(1);
    expect(chunks.filter((c) => c.type === 'iTXt')).toHaveLength(3);
    expect(await mapJsonOfPng(again)).toBe('{"x":1}');
    expect(pngDpi(again)).toBeCloseTo(144, 0);
    const idat = (p: Uint8Array) => readPngChunks(p).filter((c) => c.type === 'IDAT').map((c) => [...c.data].join());
    expect(idat(again)).toEqual(idat(png));
  });

  it('reads plain tEXt chunks too, and rejects a damaged PNG', async () => {
    const png = await renderPng(subtree, 36);
    const chunks = readPngChunks(png);
    const text = new TextEncoder().encode(`${PNG_MAP_KEYWORD}\0{"ascii":true}`);
    const withText = writePngChunks([chunks[0]!, { type: 'tEXt', data: text }, ...chunks.slice(1).filter((c) => c.type !== 'iTXt')]);
    expect(await mapJsonOfPng(withText)).toBe('{"ascii":true}');
    const damaged = withText.slice();
    damaged[40] = damaged[40]! ^ 0xff;
    expect(() => readPngChunks(damaged)).toThrow(/damaged|cut off/);
    const back = await importFigure(damaged);
    expect(back.ok).toBe(false);
  });

  it('computes CRC-32 as PNG does', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('refuses a raster larger than it can draw, naming a DPI that fits', () => {
    expect(rasterTooLarge({ width: 6000, height: 1000 }, 300)).toBeNull();
    expect(rasterTooLarge({ width: 60000, height: 1000 }, 300)).toMatch(/choose \d+ DPI or less/);
  });
});
