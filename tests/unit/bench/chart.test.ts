import { describe, expect, it } from 'vitest';
import { chartPoints, renderChart } from '../../../bench/chart';
import type { Figure } from '../../../bench/results';

const fig = (key: string, label: string, size: number | null, app: number[], baseline: number[] | null): Figure => ({ key, label, size, unit: 'ms', app, baseline });
const FIGURES: Figure[] = [
  fig('browser.first.100', 'First render', 100, [300, 320, 340], [100, 110, 120]),
  fig('browser.first.10000', 'First render', 10_000, [900, 950], [1_000, 1_100]),
  fig('cli.export.svg.40', 'Export to SVG', 40, [300], [2_000]),
  fig('cli.export.svg.1000', 'Export to SVG', 1_000, [600], [5_000]),
  fig('node.save.10000', 'Save', 10_000, [60], null),
  fig('cli.help', 'Start-up', null, [80], null),
  { ...fig('browser.drag.1000', 'Drag', 1_000, [], null), error: 'timed out' },
];

describe('the benchmark chart (bench/results/latest.svg)', () => {
  it('draws each figure measured at two sizes or more, the app beside its baseline or peer, at the medians', () => {
    const points = chartPoints(FIGURES);
    expect([...new Set(points.map((p) => p.figure))]).toEqual(['First render', 'Export to SVG']);
    expect(points.filter((p) => p.figure === 'First render').map((p) => [p.series, p.size, p.median])).toEqual([
      ['Argument Atlas', 100, 320],
      ['bare React Flow', 100, 110],
      ['Argument Atlas', 10_000, 925],
      ['bare React Flow', 10_000, 1_050],
    ]);
    expect(points.filter((p) => p.figure === 'Export to SVG').map((p) => p.series)).toEqual(['Argument Atlas', "Argdown's CLI", 'Argument Atlas', "Argdown's CLI"]);
  });

  it('renders an SVG with the panels’ titles and the legend, offline and without script', async () => {
    const svg = await renderChart(FIGURES, 'Benchmark of a test run');
    expect(svg.startsWith('<svg')).toBe(true);
    for (const text of ['Benchmark of a test run', 'First render', 'Export to SVG', 'Argument Atlas', 'bare React Flow', "Argdown&#39;s CLI", 'nodes in the map'])
      expect(svg.includes(text) || svg.includes(text.replace('&#39;', "'"))).toBe(true);
    expect(svg).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it('says so when nothing was measured at two sizes', async () => {
    expect(await renderChart(FIGURES.slice(4), 'x')).toContain('No figure of this run was measured at more than one map size');
  });
});
