// The page fitter on the shipped map: which arrangement it chooses at one column, one and a
// half columns and the full width, that what it chooses is legible at final size and no
// taller than the page, and that it says so, in words, when nothing fits.
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIGURE_OPTIONS, renderFigure, type FigureOptions } from '../../../arguments/export/figure';
import { CARD_SCALES, fitFigure, MAX_LAYOUTS, pageLayoutGraph, renderAttempt, scopedMapOf } from '../../../arguments/export/fit';
import { pageTarget, printedSize } from '../../../arguments/export/page';
import { scopeMap, ScopeError } from '../../../arguments/export/scope';
import type { ArgumentMap } from '../../../arguments/model';
import { shippedMap } from './helpers';

const elk = new ELK();
const map = shippedMap();
const claim = (root: string): FigureOptions => ({ ...DEFAULT_FIGURE_OPTIONS, scope: { kind: 'subtree', root } });

describe('fitFigure on the shipped map', () => {
  it('at the full width (175 mm) every claim fits at 7 pt or more, each at the most detail that fits', async () => {
    const target = pageTarget({ width: 'full-width' });
    const chosen: Record<string, string> = {};
    for (const c of ['C1', 'C2', 'C3', 'C4']) {
      const out = await fitFigure(map, claim(c), target, elk);
      if (!out.fits) throw new Error(out.message);
      const { printed, choice, figure } = out.fitted;
      chosen[c] = `${choice.detail} ${choice.direction}`;
      expect(printed.smallestPt!).toBeGreaterThanOrEqual(7);
      expect(printed.heightMm).toBeLessThanOrEqual(230);
      expect(printed.widthMm).toBe(175);
      // What the figure draws is what was measured: the same layout, printed again.
      expect(printedSize(figure.layout, 175)).toEqual(printed);
      // The claim, and all that bears on it, is drawn.
      expect(figure.layout.nodes.map((n) => n.id).sort()).toEqual([...scopeMap(map, claim(c).scope, { counters: true }).nodes].sort());
    }
    // Claim 2's figure keeps its quotations; the objections' long texts leave Claims 1 and 3 at titles.
    expect(chosen).toEqual({ C1: 'titles right', C2: 'full right', C3: 'titles right', C4: 'statements right' });
  }, 60_000);

  it('at 1.5 columns (120 mm) only Claim 2 fits, top down; at one column (85 mm) none does, and the whole map fits nowhere', async () => {
    const mid = pageTarget({ width: 'column-and-half' });
    const c2 = await fitFigure(map, claim('C2'), mid, elk);
    expect(c2.fits && `${c2.fitted.choice.detail} ${c2.fitted.choice.direction}`).toBe('full down');
    if (c2.fits) expect(c2.fitted.printed.smallestPt!).toBeGreaterThanOrEqual(7);
    expect((await fitFigure(map, claim('C1'), mid, elk)).fits).toBe(false);
    const column = await fitFigure(map, claim('C4'), pageTarget({ width: 'column' }), elk);
    expect(column.fits).toBe(false);
    if (!column.fits) {
      expect(column.code).toBe('does-not-fit');
      expect(column.message).toMatch(/^Claim 4 with what bears on it does not fit 85 mm wide, at most 230 mm tall, with type of 7 pt or more, at any level of detail: the closest .* has type of \d+(\.\d)? pt\.$/);
      expect(column.closest!.printed.smallestPt!).toBeLessThan(7);
      // Drawn anyway (a forced export), it is what the message says.
      expect(renderAttempt(map, claim('C4'), pageTarget({ width: 'column' }), column.closest!).printed.smallestPt).toBeCloseTo(column.closest!.printed.smallestPt!, 6);
    }
    const all = await fitFigure(map, DEFAULT_FIGURE_OPTIONS, pageTarget({ width: 'full-width' }), elk);
    expect(all.fits).toBe(false);
    if (!all.fits) expect(all.message).toMatch(/^The whole map does not fit 175 mm wide/);
  }, 60_000);

  it('keeps to the detail asked for, and chooses the same figure every time', async () => {
    const target = pageTarget({ width: 'full-width' });
    const a = await fitFigure(map, claim('C1'), target, elk, { detail: 'full' });
    expect(a.fits).toBe(false);
    if (!a.fits) expect(a.attempts.every((t) => t.detail === 'full')).toBe(true);
    const one = await fitFigure(map, claim('C2'), target, elk);
    const two = await fitFigure(map, claim('C2'), target, elk);
    expect(one.fits && two.fits && one.fitted.figure.svg === two.fitted.figure.svg).toBe(true);
  }, 60_000);

  it('draws the chosen and the closest arrangement with the layout it measured: the same figure as laid out afresh, its arrows not routed again', async () => {
    const target = pageTarget({ width: 'full-width' });
    const fresh = (o: FigureOptions, a: { detail: FigureOptions['detail']; cardWidth: number; positions: ReadonlyMap<string, { x: number; y: number }> }) =>
      renderFigure(map, { ...o, detail: a.detail, arrangement: { cardWidth: a.cardWidth, positions: a.positions } });
    const o = claim('C2');
    const out = await fitFigure(map, o, target, elk);
    if (!out.fits) throw new Error(out.message);
    const chosen = out.fitted.attempts.at(-1)!;
    expect(out.fitted.figure.svg).toBe(fresh(o, chosen).svg);
    // Drawn again from the attempt: the very layout it measured.
    expect(renderAttempt(map, o, target, chosen).figure.layout).toBe(out.fitted.figure.layout);
    const narrow = await fitFigure(map, claim('C1'), pageTarget({ width: 'column' }), elk);
    if (narrow.fits || !narrow.closest) throw new Error('Claim 1 was expected not to fit one column');
    expect(renderAttempt(map, claim('C1'), target, narrow.closest).figure.svg).toBe(fresh(claim('C1'), narrow.closest).svg);
    // Other options than those it was fitted with are laid out again, not taken from the attempt.
    const other = renderAttempt(map, { ...o, voices: false }, target, chosen);
    expect(other.figure.layout).not.toBe(out.fitted.figure.layout);
    expect(other.figure.svg).toBe(fresh({ ...o, voices: false }, chosen).svg);
  }, 60_000);

  it('lays a one-card scope out without ELK, drawing exactly what ELK’s placement would', async () => {
    const target = pageTarget({ width: 'full-width' });
    const one: FigureOptions = { ...DEFAULT_FIGURE_OPTIONS, scope: { kind: 'selection', ids: ['C2'] } };
    const refusing = { layout: async () => Promise.reject(new Error('no layout for one card')) };
    const fitted = await fitFigure(map, one, target, refusing);
    expect(fitted.fits).toBe(true);
    if (!fitted.fits) return;
    // ELK puts a lone card where the shortcut does, and the attempt placed by ELK draws the same figure.
    const a = fitted.fitted.attempts.at(-1)!;
    const scoped = scopeMap(map, one.scope, { counters: one.counters });
    const sizes = new Map([['C2', { width: 10, height: 10 }]]);
    const placedByElk = (await elk.layout(pageLayoutGraph(scopedMapOf(map, scoped), sizes, a.direction, a.compaction, 1))).children![0]!;
    expect(a.positions.get('C2')).toEqual({ x: placedByElk.x, y: placedByElk.y });
    const again = renderAttempt(map, one, target, { ...a, positions: new Map([['C2', { x: placedByElk.x!, y: placedByElk.y! }]]) });
    expect(again.figure.svg).toBe(fitted.fitted.figure.svg);
  });

  it('draws less at lower detail: titles only leaves out statements and quotations, never the source', async () => {
    const out = await fitFigure(map, claim('C1'), pageTarget({ width: 'full-width' }), elk, { detail: 'titles' });
    if (!out.fits) throw new Error(out.message);
    const nodes = out.fitted.figure.layout.nodes;
    expect(nodes.some((n) => n.quote)).toBe(false);
    const evidence = nodes.find((n) => n.id === 'E1a')!;
    expect(evidence.attribution?.lines.map((l) => l.text).join(' ')).toContain('RGASPI');
    expect(nodes.find((n) => n.id === 'O1')!.text).toBeUndefined();
  }, 60_000);

  it('lays out afresh in the direction asked, spaced by the compaction', () => {
    const scoped = scopeMap(map, claim('C1').scope, { counters: true });
    const g = pageLayoutGraph(scopedMapOf(map, scoped), new Map([...scoped.nodes].map((id) => [id, { width: 150, height: 80 }])), 'down', 'tight', 0.76);
    expect(g.layoutOptions).toMatchObject({ 'elk.direction': 'DOWN', 'elk.spacing.nodeNode': '12', 'elk.aspectRatio': '0.76' });
    expect(g.children!.map((c) => c.id).sort()).toEqual([...scoped.nodes].sort());
    expect(g.children!.every((c) => c.width === 150)).toBe(true);
  });
});

describe('fitFigure on bad input', () => {
  it('refuses a scope that selects nothing', async () => {
    await expect(fitFigure(map, { ...DEFAULT_FIGURE_OPTIONS, counters: false, scope: { kind: 'selection', ids: ['O1'] } }, pageTarget({ width: 'full-width' }), elk)).rejects.toThrow(ScopeError);
    await expect(fitFigure(map, { ...DEFAULT_FIGURE_OPTIONS, counters: false, scope: { kind: 'selection', ids: ['O1'] } }, pageTarget({ width: 'full-width' }), elk)).rejects.toThrow(/selects no node/);
  });

  it('a map whose every node is 5,000 characters is answered within its bounded layouts, without laying out what cannot fit', async () => {
    const long: ArgumentMap = structuredClone(map);
    const words = 'the delegation proposed the draft resolution on grain deliveries without further delay ';
    for (const n of Object.values(long.nodes)) n.text = words.repeat(60).slice(0, 5000);
    const layouts: number[] = [];
    const counting = { layout: (g: Parameters<typeof elk.layout>[0]) => (layouts.push(g.children!.length), elk.layout(g)) };
    const started = Date.now();
    const all = await fitFigure(long, DEFAULT_FIGURE_OPTIONS, pageTarget({ width: 'full-width' }), counting);
    expect(all.fits).toBe(false);
    // Its cards alone cover more than the page: not one layout was run.
    expect(layouts).toEqual([]);
    const c2 = await fitFigure(long, claim('C2'), pageTarget({ width: 'full-width' }), counting);
    expect(layouts.length).toBeLessThanOrEqual(MAX_LAYOUTS);
    // Titles only: the 5,000 characters become their first words.
    if (c2.fits) expect(c2.fitted.choice.detail).toBe('titles');
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(CARD_SCALES.length).toBeGreaterThan(4);
  }, 90_000);
});
