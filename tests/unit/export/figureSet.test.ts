// Figure sets: the shipped map as an overview and one figure per claim, numbered to match and
// each fitting the full width at 7 pt; the ways out a scope that does not fit is offered; and
// the geometry of every page-fit figure (the shipped map and generated maps of 30, 100 and 300
// nodes): every label inside the figure, the smallest type at the target width at least the
// minimum. (No arrow through a card is route13's test.)
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { generateMap } from '../../../bench/generate';
import { DEFAULT_FIGURE_OPTIONS } from '../../../arguments/export/figure';
import type { FitOutcome } from '../../../arguments/export/fit';
import { figureLetter, FigureSetError, makeFigureSet, setFigureFileName, setRangeLabel, thesesAndClaims, waysOut, waysOutWords, type FigureSet } from '../../../arguments/export/figureSet';
import { pageTarget, printedSize, textBlocks, textBox, type PageTarget } from '../../../arguments/export/page';
import type { ArgumentMap } from '../../../arguments/model';
import { shippedMap } from './helpers';

const elk = new ELK();
const map = shippedMap();

/** Every label inside the figure; the smallest type at the target width at least the minimum. */
function checkGeometry(outcome: FitOutcome, target: PageTarget) {
  if (!outcome.fits) throw new Error(outcome.message);
  const { layout } = outcome.fitted.figure;
  const { offset } = layout;
  for (const { block, of } of textBlocks(layout)) {
    const b = textBox(block);
    const inside = b.x + offset.x >= -0.5 && b.y + offset.y >= -0.5 && b.x + b.w + offset.x <= layout.width + 0.5 && b.y + b.h + offset.y <= layout.height + 0.5;
    expect(inside, `a text of ${of} (“${block.lines[0]?.text}”) leaves the figure`).toBe(true);
  }
  const printed = printedSize(layout, target.widthMm);
  expect(printed.smallestPt!).toBeGreaterThanOrEqual(target.minTypePt);
  expect(printed.heightMm).toBeLessThanOrEqual(target.maxHeightMm);
}

describe('makeFigureSet', () => {
  it('makes the shipped map an overview and Figures 2a–2d, one per claim, each fitting 175 mm at 7 pt', async () => {
    const target = pageTarget({ width: 'full-width' });
    const set = await makeFigureSet(map, DEFAULT_FIGURE_OPTIONS, target, elk, { baseNumber: 2 });
    expect(set.figures.map((f) => [f.label, f.role, f.claim ?? null])).toEqual([
      ['Figure 2', 'overview', null],
      ['Figure 2a', 'claim', 'C1'],
      ['Figure 2b', 'claim', 'C2'],
      ['Figure 2c', 'claim', 'C3'],
      ['Figure 2d', 'claim', 'C4'],
    ]);
    expect(setRangeLabel(set)).toBe('Figure 2a–2d');
    expect(set.fits).toBe(true);
    for (const f of set.figures) checkGeometry(f.outcome, target);
    // The overview is the thesis and its claims only.
    const overview = set.figures[0]!.outcome;
    expect(overview.fits && overview.fitted.figure.layout.nodes.map((n) => n.id).sort()).toEqual(['C1', 'C2', 'C3', 'C4', 'T']);
    // What bears on the thesis directly, not through a claim, is named, not dropped silently.
    expect(set.left).toEqual(['E0b', 'E0c', 'E0d', 'O8', 'P0', 'P0b', 'TN2']);
    expect(setFigureFileName('stalin-gottwald-1950.argmap.json', map, set.figures[1]!, 'print', 'pdf')).toBe('stalin-gottwald-1950.figure-2a.claim-1.print.pdf');
    expect(setFigureFileName('stalin-gottwald-1950.argmap.json', map, set.figures[0]!, 'print', 'svg')).toBe('stalin-gottwald-1950.figure-2.overview.print.svg');
  }, 120_000);

  it('refuses what has no set: a scope, a map without a thesis or without claims', async () => {
    const target = pageTarget({ width: 'full-width' });
    await expect(makeFigureSet(map, { ...DEFAULT_FIGURE_OPTIONS, scope: { kind: 'subtree', root: 'C1' } }, target, elk)).rejects.toThrow(/made of the whole map/);
    const noThesis: ArgumentMap = structuredClone(map);
    noThesis.nodes.T!.kind = 'claim';
    await expect(makeFigureSet(noThesis, DEFAULT_FIGURE_OPTIONS, target, elk)).rejects.toMatchObject({ code: 'no-thesis' });
    const noClaims: ArgumentMap = structuredClone(map);
    for (const n of Object.values(noClaims.nodes)) if (n.kind === 'claim') n.kind = 'premise';
    await expect(makeFigureSet(noClaims, DEFAULT_FIGURE_OPTIONS, target, elk)).rejects.toBeInstanceOf(FigureSetError);
  });

  it('letters past z go on as aa, ab, …; claims in the argument’s order', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(figureLetter)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba']);
    expect(thesesAndClaims(map)).toEqual({ theses: ['T'], claims: ['C1', 'C2', 'C3', 'C4'] });
  });
});

describe('waysOut', () => {
  it('for the whole map at 175 mm: which claims fit alone, and the set', async () => {
    const w = await waysOut(map, DEFAULT_FIGURE_OPTIONS, pageTarget({ width: 'full-width' }), elk);
    expect(w.smallerScopes.filter((s) => s.fits).map((s) => s.claim)).toEqual(['C1', 'C2', 'C2a', 'C3', 'C3a', 'C4']);
    expect(w.lowerDetail).toBeNull();
    expect(w.set?.fits).toBe(true);
    const words = waysOutWords(w);
    expect(words[0]).toMatch(/^A smaller scope fits: Claim 1 \(--scope claim:C1\)/);
    expect(words[1]).toBe('A figure set fits: Figure 1a–1d with an overview, 5 figures (--set).');
  }, 120_000);

  it('for Claim 1 at full detail: a lower detail that fits', async () => {
    const w = await waysOut(map, { ...DEFAULT_FIGURE_OPTIONS, scope: { kind: 'subtree', root: 'C1' } }, pageTarget({ width: 'full-width' }), elk, { detail: 'full' });
    expect(w.lowerDetail).toBe('titles');
    expect(w.set).toBeNull();
    expect(waysOutWords(w)).toContain('A lower detail fits: --detail titles.');
  }, 60_000);
});

describe('page-fit geometry on generated maps', () => {
  for (const size of [30, 100, 300]) {
    it(`${size} nodes: every figure of the set that fits has its labels inside and type of 7 pt or more; the rest say why`, async () => {
      const generated = generateMap(size, 7, 20_000);
      const target = pageTarget({ width: 'full-width' });
      const set: FigureSet = await makeFigureSet(generated, DEFAULT_FIGURE_OPTIONS, target, elk);
      const fitting = set.figures.filter((f) => f.outcome.fits);
      expect(fitting.length).toBeGreaterThan(0);
      for (const f of fitting) checkGeometry(f.outcome, target);
      for (const f of set.figures) if (!f.outcome.fits) expect(f.outcome.message).toMatch(/does not fit 175 mm wide/);
    }, 120_000);
  }
});
