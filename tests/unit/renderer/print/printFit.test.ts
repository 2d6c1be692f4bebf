// Where the map goes on paper (renderer/print/printFit.ts): the orientation that prints it
// largest, a box of the page's shape inside the canvas, enlarged to the page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPrint, beforePrint, PRINT_AREA, printLayout, setPrintFitter } from '../../../../renderer/print/printFit';

const aspect = (b: { width: number; height: number }) => b.width / b.height;

describe('printLayout', () => {
  it('prints a wide map landscape and a tall one portrait', () => {
    expect(printLayout({ width: 6000, height: 1200 }, { width: 900, height: 700 }).orientation).toBe('landscape');
    expect(printLayout({ width: 800, height: 3000 }, { width: 900, height: 700 }).orientation).toBe('portrait');
  });

  it('fits a box of the page’s shape inside the canvas on screen, and enlarges it to the page', () => {
    for (const screen of [{ width: 717, height: 815 }, { width: 1440, height: 860 }, { width: 300, height: 200 }]) {
      for (const map of [{ width: 6000, height: 1200 }, { width: 800, height: 3000 }]) {
        const l = printLayout(map, screen);
        const page = l.orientation === 'landscape' ? PRINT_AREA : { width: PRINT_AREA.height, height: PRINT_AREA.width };
        expect(l.box.width).toBeLessThanOrEqual(screen.width);
        expect(l.box.height).toBeLessThanOrEqual(screen.height);
        expect(aspect(l.box)).toBeCloseTo(aspect(page), 1);
        // Enlarged to the page, within it both ways, filling it within a pixel's rounding.
        expect(l.box.width * l.zoom).toBeLessThanOrEqual(page.width + 1e-9);
        expect(l.box.height * l.zoom).toBeLessThanOrEqual(page.height + 1e-9);
        expect(Math.max(page.width - l.box.width * l.zoom, page.height - l.box.height * l.zoom)).toBeLessThan(3 * l.zoom);
      }
    }
  });

  it('never prints a card larger than 1.5 times its size on screen', () => {
    const l = printLayout({ width: 260, height: 110 }, { width: 700, height: 500 });
    expect(l.maxZoom * l.zoom).toBeCloseTo(1.5, 6);
  });

  it('A4 and US Letter, landscape with 10 mm margins, both hold the printable area', () => {
    const px = (mm: number) => (mm / 25.4) * 96;
    for (const [w, h] of [[297, 210], [279.4, 215.9]]) {
      expect(PRINT_AREA.width).toBeLessThanOrEqual(px(w! - 20));
      expect(PRINT_AREA.height).toBeLessThanOrEqual(px(h! - 20));
    }
  });
});

describe('before and after printing', () => {
  afterEach(() => setPrintFitter(null));

  it('fits before and puts the view back after, once', () => {
    const restore = vi.fn();
    const fitter = { fitForPrint: vi.fn(() => restore) };
    setPrintFitter(fitter);
    beforePrint();
    expect(fitter.fitForPrint).toHaveBeenCalledTimes(1);
    expect(restore).not.toHaveBeenCalled();
    afterPrint();
    afterPrint();
    expect(restore).toHaveBeenCalledTimes(1);
  });

  it('prints the view as it is when fitting fails, and has nothing to put back', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    setPrintFitter({
      fitForPrint: () => {
        throw new Error('no canvas');
      },
    });
    expect(() => beforePrint()).not.toThrow();
    expect(() => afterPrint()).not.toThrow();
    expect(warn).toHaveBeenCalledWith('Argument Atlas could not fit the map to the page:', expect.any(Error));
    warn.mockRestore();
  });
});
