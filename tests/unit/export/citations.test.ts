// The list of sources under a figure: the full Chicago citation of every source the figure
// quotes (the app's own CSL processor), first quoted first, wrapped inside the figure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCiteProcessor } from '../../../arguments/cli/citeproc-node';
import type { CiteProcessor } from '../../../arguments/cite/processor';
import { CITATIONS_HEADING, fullCitations, quotedSources } from '../../../arguments/export/citations';
import { DEFAULT_FIGURE_OPTIONS, FigureCitationError, renderFigure } from '../../../arguments/export/figure';
import { shippedMap } from './helpers';

let cite: CiteProcessor;
beforeAll(async () => {
  cite = await nodeCiteProcessor();
});
afterAll(() => cite.dispose());

const linesOf = (blocks: { lines: { text: string }[] }[] | undefined) => (blocks ?? []).map((b) => b.lines.map((l) => l.text).join(' ')).join('\n');

describe('the list of sources under a figure', () => {
  it('lists the letter and the 1949 cable in full for the shipped map, with the map\u2019s other quoted sources', () => {
    const map = shippedMap();
    const fig = renderFigure(map, { ...DEFAULT_FIGURE_OPTIONS, citations: true }, { citeProcessor: cite });
    const text = linesOf(fig.layout.citations);
    expect(text.split('\n')[0]).toBe(CITATIONS_HEADING);
    expect(text).toContain('Stalin, I. V. Letter to Klement Gottwald, August 27, 1950. F. 558, op. 11, d. 62, ll. 71–72. RGASPI.');
    expect(text).toContain('Stalin, I. V. “Stalin to Mao Zedong, 26 October 1949 (Cable Drafted by Molotov),” October 26, 1949. F. 45, op. 1, d. 332, ll. 47–48. APRF.');
    // Each entry in full: no "———." standing for an author repeated from the entry before.
    expect(text).not.toContain('———');
    expect(fig.svg).toContain('<g id="citations">');
  });

  it('lists sources in the order first quoted, top row first', () => {
    const map = shippedMap();
    const fig = renderFigure(map, { ...DEFAULT_FIGURE_OPTIONS, citations: true, scope: { kind: 'selection', ids: ['E0a', 'E5'] } }, { citeProcessor: cite });
    const top = [...fig.layout.nodes].sort((a, b) => a.y - b.y)[0]!.id;
    const [heading, ...entries] = linesOf(fig.layout.citations).split('\n');
    expect(heading).toBe(CITATIONS_HEADING);
    const first = map.nodes[top]!.quote!.source;
    const second = first === 'letter' ? 'cable1949' : 'letter';
    const both = fullCitations(map, [first, second], cite);
    expect(entries.join(' ')).toBe(`${both.get(first)} ${both.get(second)}`);
  });

  it('stays inside the figure and below everything else', () => {
    const fig = renderFigure(shippedMap(), { ...DEFAULT_FIGURE_OPTIONS, citations: true, theme: 'compact' }, { citeProcessor: cite });
    for (const b of fig.layout.citations!) {
      for (const l of b.lines) expect(b.x + l.width).toBeLessThanOrEqual(fig.width);
      expect(b.y + b.lines.length * b.lineHeight).toBeLessThanOrEqual(fig.height);
    }
  });

  it('a figure quoting nothing lists nothing; asking without a processor is a worded error', () => {
    const map = shippedMap();
    expect(quotedSources(map, ['T', 'no-such-node'])).toEqual(map.nodes.T!.quote ? [map.nodes.T!.quote.source] : []);
    const fig = renderFigure(map, { ...DEFAULT_FIGURE_OPTIONS, citations: true, scope: { kind: 'selection', ids: ['P4a'] } }, { citeProcessor: cite });
    if (!map.nodes.P4a!.quote) expect(fig.layout.citations).toBeUndefined();
    expect(() => renderFigure(map, { ...DEFAULT_FIGURE_OPTIONS, citations: true })).toThrow(FigureCitationError);
    expect(renderFigure(map, DEFAULT_FIGURE_OPTIONS).layout.citations).toBeUndefined();
  });
});
