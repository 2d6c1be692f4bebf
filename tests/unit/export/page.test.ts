// The page a figure is made for: widths and presets as a user types them, the bounds that
// refuse a figure no one could read, and what a figure's px become once printed.
import { describe, expect, it } from 'vitest';
import { renderFigure, DEFAULT_FIGURE_OPTIONS } from '../../../arguments/export/figure';
import { checkMinType, MM_PER_PT, PageError, pageTarget, parseMinType, parseWidth, printedSize, ptPerPx, smallestTextPx, textBlocks, textBox } from '../../../arguments/export/page';
import { shippedMap } from './helpers';

const refusal = (f: () => unknown): PageError => {
  try {
    f();
  } catch (err) {
    if (err instanceof PageError) return err;
    throw err;
  }
  throw new Error('no refusal');
};

describe('page targets', () => {
  it('reads the presets and lengths in mm, cm and in', () => {
    expect(parseWidth('column')).toEqual({ widthMm: 85, maxHeightMm: 230, preset: 'column' });
    expect(parseWidth('column-and-half').widthMm).toBe(120);
    expect(parseWidth('full-width').widthMm).toBe(175);
    expect(parseWidth('A4')).toEqual({ widthMm: 160, maxHeightMm: 247, preset: 'a4' });
    expect(parseWidth('a4-landscape')).toMatchObject({ widthMm: 247, maxHeightMm: 160 });
    expect(parseWidth('letter').widthMm).toBeCloseTo(165.1);
    expect(parseWidth('letter-landscape').maxHeightMm).toBeCloseTo(165.1);
    expect(parseWidth('175mm').widthMm).toBe(175);
    expect(parseWidth('8.5cm').widthMm).toBe(85);
    expect(parseWidth('3.5 in').widthMm).toBeCloseTo(88.9);
    expect(pageTarget({ width: '120mm', minType: '6pt', maxHeight: '9in' })).toEqual({ widthMm: 120, maxHeightMm: 228.6, minTypePt: 6 });
    expect(pageTarget({ width: 'column' }).minTypePt).toBe(7);
    expect(parseMinType('7')).toBe(7);
  });

  it('refuses a width of 10 mm, a type of 0 or 200 pt and what is not a length, each in words', () => {
    const narrow = refusal(() => parseWidth('10mm'));
    expect(narrow.code).toBe('width-too-small');
    expect(narrow.message).toMatch(/10 mm .*too narrow.*at least 40 mm/);
    expect(refusal(() => parseWidth('2000mm')).code).toBe('width-too-large');
    expect(refusal(() => parseWidth('wide')).message).toMatch(/not a length.*column, column-and-half, full-width/);
    expect(refusal(() => parseWidth('175')).code).toBe('width-unreadable');
    for (const t of ['0', '0pt', '200pt']) expect(refusal(() => parseMinType(t)).message).toMatch(/from 4 to 24 pt/);
    expect(refusal(() => checkMinType(Number.NaN)).code).toBe('min-type-out-of-range');
    expect(refusal(() => parseMinType('seven')).code).toBe('min-type-unreadable');
    expect(refusal(() => pageTarget({ width: '175mm', maxHeight: '1mm' })).code).toBe('height-out-of-range');
  });

  it('computes type at final size as s × (T / 25.4 × 72) / W', () => {
    // A 10 px font in a figure 1,000 px wide printed 175 mm wide: 10 × 496.06 / 1000 pt.
    expect(10 * ptPerPx(1000, 175)).toBeCloseTo((175 / 25.4) * 72 / 100, 6);
    const figure = renderFigure(shippedMap(), { ...DEFAULT_FIGURE_OPTIONS, scope: { kind: 'subtree', root: 'C2' } });
    const printed = printedSize(figure.layout, 175);
    const least = smallestTextPx(figure.layout)!;
    expect(printed.smallestPt).toBeCloseTo((least * 175) / 25.4 * 72 / figure.width, 6);
    expect(printed.heightMm).toBeCloseTo((figure.height * 175) / figure.width, 6);
    expect(MM_PER_PT).toBeCloseTo(0.3528, 4);
  });

  it('lists every drawn text block, and their boxes lie within their node', () => {
    const figure = renderFigure(shippedMap(), { ...DEFAULT_FIGURE_OPTIONS, scope: { kind: 'subtree', root: 'C1' } });
    const blocks = textBlocks(figure.layout);
    const nodes = new Map(figure.layout.nodes.map((n) => [n.id, n]));
    expect(blocks.filter((b) => nodes.has(b.of)).length).toBeGreaterThan(2 * nodes.size);
    for (const { block, of } of blocks) {
      const n = nodes.get(of);
      if (!n) continue;
      const box = textBox(block);
      expect(box.x).toBeGreaterThanOrEqual(n.x - 0.5);
      expect(box.x + box.w).toBeLessThanOrEqual(n.x + n.w + 0.5);
      expect(box.y).toBeGreaterThanOrEqual(n.y - 0.5);
      expect(box.y + box.h).toBeLessThanOrEqual(n.y + n.h + 0.5);
    }
  });
});
