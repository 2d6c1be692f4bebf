// The fitter's lower bound for top-down arrangements, against real ELK layouts of generated
// claims: no top-down figure is narrower than the widest row the left-to-right layout's layers
// make, and no card's type in it is larger than one card's. Then, claim by claim, what the
// fitter skips by that bound would neither have fitted nor come closer than what it chose.
import ELK from 'elkjs/lib/elk.bundled.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { startFigureRouting } from '../../../arguments/cli/avoid';
import { DEFAULT_FIGURE_OPTIONS, themeWithCardWidth, type FigureOptions } from '../../../arguments/export/figure';
import { cardWidths, COMPACTIONS, fitFigure, layersOf, nodeGap, pageLayoutGraph, scopedMapOf, widestRowPx, type Compaction, type Direction } from '../../../arguments/export/fit';
import { CLAIM_FIGURE_TARGET } from '../../../arguments/export/handoutPdf';
import { figureNodeSizes, layoutFigure, type LayoutOptions } from '../../../arguments/export/layout';
import { MM_PER_PT, printedSize, smallestTextPx } from '../../../arguments/export/page';
import { scopeMap } from '../../../arguments/export/scope';
import { THEMES } from '../../../arguments/export/themes';
import { positionsFromLayout } from '../../../arguments/layout/layered';
import { generateMap } from '../../../bench/generate';

const elk = new ELK();
const map = generateMap(300);
const claims = Object.values(map.nodes).filter((n) => n.kind === 'claim').map((n) => n.id).sort();
const options = (root: string): FigureOptions => ({ ...DEFAULT_FIGURE_OPTIONS, scope: { kind: 'subtree', root } });
const lo: LayoutOptions = { voices: true, legend: false, detail: 'statements' };
const base = THEMES.print;
const aspect = CLAIM_FIGURE_TARGET.widthMm / CLAIM_FIGURE_TARGET.maxHeightMm;

/** A claim laid out for real as the fitter lays it out: ELK with the figure's card sizes, then the figure. */
async function laidOut(root: string, direction: Direction, compaction: Compaction, cardWidth: number) {
  const scoped = scopeMap(map, options(root).scope, { counters: true });
  const theme = themeWithCardWidth(base, cardWidth);
  const sizes = figureNodeSizes(map, scoped, theme, lo);
  const placed = positionsFromLayout(await elk.layout(pageLayoutGraph(scopedMapOf(map, scoped), sizes, direction, compaction, aspect)));
  const positions = new Map([...sizes.keys()].map((id) => [id, placed[id] ?? { x: 0, y: 0 }]));
  const one = layoutFigure(map, { nodes: new Set([[...scoped.nodes][0]!]), relations: new Set() }, theme, lo);
  return { sizes, layout: layoutFigure(map, scoped, theme, { ...lo, positions }), oneCardPx: smallestTextPx(one)! };
}

beforeAll(() => startFigureRouting());

describe('the top-down lower bound against real layouts of generated claims', () => {
  it('no top-down figure is narrower than its widest row, nor has type larger than one card has', async () => {
    let checked = 0;
    for (const root of claims.slice(0, 8)) {
      const right = await laidOut(root, 'right', 'normal', base.node.width);
      if (right.layout.nodes.length < 3) continue;
      const rows = layersOf(right.layout);
      for (const compaction of COMPACTIONS)
        for (const w of [base.node.width, 160, 105, 90]) {
          const down = await laidOut(root, 'down', compaction, w);
          expect(down.layout.width, `${root} ${compaction} ${w}`).toBeGreaterThanOrEqual(widestRowPx(rows, down.sizes, nodeGap('down', compaction)));
          expect(smallestTextPx(down.layout)!).toBeLessThanOrEqual(down.oneCardPx);
          checked++;
        }
    }
    expect(checked).toBeGreaterThanOrEqual(32);
  }, 120_000);

  it('a claim that fits nothing still gets the closest arrangement: none it skipped top down would fit or come closer', async () => {
    const targetPt = CLAIM_FIGURE_TARGET.widthMm / MM_PER_PT;
    let fitNothing = 0;
    let skipped = 0;
    for (const root of claims) {
      const out = await fitFigure(map, options(root), CLAIM_FIGURE_TARGET, elk, { detail: 'statements' });
      if (out.fits) continue;
      // Cards that alone cover more than the page are not laid out at all (the handout draws the map's own arrangement).
      if (out.closest === null) {
        expect(out.attempts).toEqual([]);
        continue;
      }
      fitNothing++;
      // The fallback: the attempt with the largest type among those short enough.
      const short = out.attempts.filter((a) => a.problem !== 'too-tall');
      expect(out.closest!.printed.smallestPt).toBe(Math.max(...short.map((a) => a.printed.smallestPt ?? 0)));
      for (const compaction of COMPACTIONS) {
        if (out.attempts.some((a) => a.direction === 'down' && a.compaction === compaction)) continue;
        skipped++;
        // Laid out anyway, at the theme's card width and the narrowest tried: too small, and no closer.
        for (const w of [base.node.width, cardWidths(map, scopeMap(map, options(root).scope, { counters: true }), base).at(-1)!]) {
          const { layout } = await laidOut(root, 'down', compaction, w);
          const pt = printedSize(layout, CLAIM_FIGURE_TARGET.widthMm).smallestPt!;
          expect(pt, `${root} down ${compaction} ${w}`).toBeLessThan(CLAIM_FIGURE_TARGET.minTypePt);
          expect(pt).toBeLessThanOrEqual(out.closest!.printed.smallestPt!);
          expect(pt).toBeCloseTo((smallestTextPx(layout)! * targetPt) / layout.width, 6);
        }
      }
    }
    expect(fitNothing).toBeGreaterThan(0);
    expect(skipped).toBeGreaterThan(0);
  }, 240_000);
});
