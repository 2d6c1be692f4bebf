// Producing a figure in the app: the format chosen is the format made, or a refusal in words;
// never a PDF in place of a format it does not know.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FIGURE_OPTIONS, type FigureFormat } from '../../../../arguments/export/figure';
import { mapJsonOfFigure } from '../../../../arguments/export/embed';
import { produceFigure, type ProduceOptions } from '../../../../renderer/export/produce';
import { shippedMap } from '../../export/helpers';

const options = (format: string): ProduceOptions => ({ ...DEFAULT_FIGURE_OPTIONS, format: format as FigureFormat, dpi: 96, page: 'fit' });

beforeEach(() => vi.stubGlobal('requestAnimationFrame', (fn: () => void) => setTimeout(fn, 0)));
afterEach(() => vi.unstubAllGlobals());

describe('produceFigure', () => {
  it('refuses a format it does not write, in words, before doing anything', async () => {
    const progress = vi.fn();
    for (const format of ['docx', 'PDF', 'toString', '']) {
      await expect(produceFigure(shippedMap(), options(format), progress), format).rejects.toThrow(`Argument Atlas cannot export a figure as “${format}”; choose SVG, PNG, PDF.`);
    }
    expect(progress).not.toHaveBeenCalled();
  });

  it('makes an SVG when SVG is chosen, carrying the map', async () => {
    const steps: string[] = [];
    const { bytes, figure } = await produceFigure(shippedMap(), options('svg'), (s) => steps.push(s));
    const text = new TextDecoder().decode(bytes);
    expect(text).toBe(figure.svg);
    expect(text.startsWith('<?xml') || text.startsWith('<svg')).toBe(true);
    expect((await mapJsonOfFigure(bytes))?.kind).toBe('svg');
    expect(steps).toEqual(['Laying out 39 nodes…']);
  });
});
