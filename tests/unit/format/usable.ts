// What "the loader accepts it" must mean for a user: the map saves and reloads unchanged, every
// figure of it exports and carries it back, and the canvas can lay it out. Shared by the
// hostile-map corpus, the property test over generated maps and the loader's fuzz test.
import { expect } from 'vitest';
import { renderPdf, renderPng } from '../../../arguments/cli/figures';
import { importFigure } from '../../../arguments/export/embed';
import { renderFigure, type FigureOptions } from '../../../arguments/export/figure';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import type { ArgumentMap } from '../../../arguments/model';
import { hiddenByCollapse, toFlowEdges, toFlowNodes } from '../../../renderer/canvas/toFlow';
import { dataDifference } from '../arbitraries';

export const FIGURE: FigureOptions = { theme: 'print', scope: { kind: 'all' }, counters: true, voices: true, legend: true, comments: true };

/** The map loaded from `text`, or a failed expectation listing the loader's errors. */
export function loaded(text: string | Uint8Array): ArgumentMap {
  const r = loadMap(text);
  if (!r.ok) throw new Error(`the loader refused it: ${JSON.stringify(r.errors).slice(0, 2000)}`);
  return r.map;
}

/** Saving and reloading gives the same map and the same bytes. */
export function expectSavesAndReloads(map: ArgumentMap): string {
  const text = serializeMap(map);
  const again = loaded(text);
  expect(dataDifference(again, map)).toBeNull();
  expect(serializeMap(again)).toBe(text);
  return text;
}

/** The canvas's derivation: a node per node at finite coordinates, an edge per drawable relation, every edge between nodes it has. */
export function expectShown(map: ArgumentMap): void {
  const hidden = hiddenByCollapse(map.relations, map.view.collapsed);
  const nodes = toFlowNodes(map, new Set(), new Map(), hidden);
  expect(nodes.map((n) => n.id).sort()).toEqual(Object.keys(map.nodes).sort());
  for (const n of nodes) expect(Number.isFinite(n.position.x) && Number.isFinite(n.position.y), `position of ${n.id}`).toBe(true);
  const ids = new Set(nodes.map((n) => n.id));
  for (const e of toFlowEdges(map, new Set())) expect(ids.has(e.source) && ids.has(e.target), `edge ${e.id}`).toBe(true);
}

/** The path to the first number in `value` that is NaN or infinite, or null. */
function nonFinite(value: unknown, path = 'layout'): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} = ${value}`;
  // Of the strings, only the edges' path data are numbers.
  if (typeof value === 'string') return path.includes('.paths.') && /NaN|Infinity/.test(value) ? `${path} = ${value.slice(0, 80)}` : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const found = nonFinite(v, `${path}.${k}`);
    if (found) return found;
  }
  return null;
}

/** The SVG figure exports, has only finite numbers, and carries the map back. */
export async function expectSvg(map: ArgumentMap, options: FigureOptions = FIGURE): Promise<void> {
  const fig = renderFigure(map, options);
  expect(nonFinite(fig.layout), 'a number of the figure').toBeNull();
  const back = await importFigure(new TextEncoder().encode(fig.svg));
  expect(back.ok && dataDifference(back.map, map)).toBeNull();
}

/** PNG (at a small resolution) and PDF export, and each carries the map back. */
export async function expectPngAndPdf(map: ArgumentMap, options: FigureOptions = FIGURE, dpi = 12): Promise<void> {
  const fig = renderFigure(map, options);
  const png = await renderPng(fig, dpi);
  const fromPng = await importFigure(png);
  expect(fromPng.ok && dataDifference(fromPng.map, map)).toBeNull();
  const pdf = await renderPdf(fig, renderFigure(map, options, { embedMap: false }).svg, 'fit', map.meta.modified);
  const fromPdf = await importFigure(pdf);
  expect(fromPdf.ok && dataDifference(fromPdf.map, map)).toBeNull();
}

/** Everything above. */
export async function expectUsable(map: ArgumentMap, raster = true): Promise<void> {
  expectSavesAndReloads(map);
  expectShown(map);
  await expectSvg(map);
  if (raster) await expectPngAndPdf(map);
}
