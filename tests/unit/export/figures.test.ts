// The committed figures of the shipped map (docs/figures) are what the exporter draws today,
// and opening a figure in the app gives the map's bytes to the usual load path.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../arguments/cli/figures';
import { renderFigure } from '../../../arguments/export/figure';
import { loadMap } from '../../../arguments/format/load';
import { figureToMapBytes, mapNameForFigure } from '../../../renderer/export/openFigure';
import { DEFAULT_CHOICES, readChoices } from '../../../renderer/export/exportState';
import { root, shippedMap } from './helpers';

const map = shippedMap();
const PRINT = { theme: 'print', scope: { kind: 'all' }, counters: true, voices: true, legend: true } as const;
const REGENERATE = 'docs/figures is out of date: run `npx tsx scripts/figures.ts` and commit the result';

describe('docs/figures', () => {
  it('stalin-gottwald-1950.print.svg is the current print figure of the shipped map', () => {
    expect(readFileSync(join(root, 'docs/figures/stalin-gottwald-1950.print.svg'), 'utf8'), REGENERATE).toBe(renderFigure(map, PRINT).svg);
  });

  it('stalin-gottwald-1950.print.pdf is the current print PDF of the shipped map', async () => {
    const fig = renderFigure(map, PRINT);
    const pdf = await renderPdf(fig, renderFigure(map, PRINT, { embedMap: false }).svg, 'fit', map.meta.modified);
    const committed = readFileSync(join(root, 'docs/figures/stalin-gottwald-1950.print.pdf'));
    expect(Buffer.from(pdf).equals(committed), REGENERATE).toBe(true);
  });
});

describe('opening a figure in the app (renderer/export/openFigure.ts)', () => {
  it('gives the embedded map as the bytes of an .argmap.json', async () => {
    const svg = new TextEncoder().encode(renderFigure(map, PRINT).svg);
    const bytes = await figureToMapBytes('figure.svg', svg);
    const loaded = loadMap(bytes!);
    expect(loaded.ok && loaded.map).toEqual(map);
    const pdfBytes = await figureToMapBytes('figure.pdf', new Uint8Array(readFileSync(join(root, 'docs/figures/stalin-gottwald-1950.print.pdf'))));
    expect(new TextDecoder().decode(pdfBytes!)).toBe(readFileSync(join(root, 'arguments/maps/stalin-gottwald-1950.argmap.json'), 'utf8'));
  });

  it('leaves a map file alone (null) and says so for a figure without a map', async () => {
    expect(await figureToMapBytes('map.argmap.json', readFileSync(join(root, 'arguments/maps/stalin-gottwald-1950.argmap.json')))).toBeNull();
    expect(await figureToMapBytes('x.json', new TextEncoder().encode('{"title": "%PDF-1.7 <svg>"}'))).toBeNull();
    await expect(figureToMapBytes('plain.svg', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).rejects.toThrow(/“plain.svg” is an SVG without an argument map in it/);
  });

  it('names the opened map after the figure', () => {
    expect(mapNameForFigure('stalin-gottwald-1950.print.pdf')).toBe('stalin-gottwald-1950.argmap.json');
    expect(mapNameForFigure('Figure 1.PNG')).toBe('Figure 1.argmap.json');
  });

  it('starts the Export dialog from the defaults when nothing is remembered', () => {
    expect(readChoices()).toEqual(DEFAULT_CHOICES);
  });
});
