// bench/results/latest.svg: every figure measured at more than one map size, drawn against the
// size, the app beside its baseline or peer (bare React Flow, JSON.parse, Argdown's CLI) —
// a Vega-Lite spec compiled and rendered to SVG in Node (no browser, no canvas: Vega estimates
// text widths). `npx tsx bench/chart.ts [latest.json]` redraws it from a run's raw samples.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { stats, type Figure } from './results';

export interface Point {
  figure: string;
  size: number;
  series: string;
  median: number;
  min: number;
  max: number;
  unit: string;
}

/** What the baseline column of a figure is, in a legend's words. */
export function baselineName(f: Pick<Figure, 'key' | 'label'>): string {
  if (f.key.startsWith('browser.')) return 'bare React Flow';
  if (f.key.startsWith('cli.export.svg')) return "Argdown's CLI";
  if (f.key.startsWith('node.open')) return 'JSON.parse';
  if (f.label.includes('node -e 0')) return 'node -e 0';
  return 'baseline';
}

/** The points to draw: figures whose label was measured at two sizes or more, app and baseline. */
export function chartPoints(figures: readonly Figure[]): Point[] {
  const bySize = new Map<string, Figure[]>();
  for (const f of figures) {
    if (f.error || f.size === null) continue;
    const list = bySize.get(f.label) ?? [];
    list.push(f);
    bySize.set(f.label, list);
  }
  const points: Point[] = [];
  for (const [label, list] of bySize) {
    if (new Set(list.map((f) => f.size)).size < 2) continue;
    for (const f of list) {
      const unit = f.unit === 'MB' ? 'MB' : 'ms';
      const add = (series: string, xs: number[] | null) => {
        const s = xs ? stats(xs) : null;
        if (s && s.median > 0) points.push({ figure: label, size: f.size!, series, median: s.median, min: Math.max(s.min, s.median / 1e3), max: s.max, unit });
      };
      add('Argument Atlas', f.app);
      add(baselineName(f), f.baseline);
    }
  }
  return points;
}

/** Wraps a long label into lines of at most `width` characters, for a panel's title. */
function lines(label: string, width = 48): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) (out.push(line), (line = word));
    else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.slice(0, 4);
}

export function chartSpec(points: readonly Point[], title: string): TopLevelSpec {
  const figures = [...new Set(points.map((p) => p.figure))];
  const series = [...new Set(points.map((p) => p.series))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, anchor: 'start', fontSize: 15 },
    config: { font: 'sans-serif', view: { stroke: '#ccc' }, axis: { labelFontSize: 10, titleFontSize: 10 } },
    columns: 3,
    concat: figures.map((figure) => {
      const unit = points.find((p) => p.figure === figure)!.unit;
      return {
        title: { text: lines(figure), fontSize: 10, fontWeight: 'normal', anchor: 'start' },
        width: 260,
        height: 150,
        data: { values: points.filter((p) => p.figure === figure) },
        encoding: {
          x: { field: 'size', type: 'quantitative', scale: { type: 'log' }, title: 'nodes in the map', axis: { format: ',d', tickCount: 4 } },
          color: { field: 'series', type: 'nominal', title: null, scale: { domain: series, scheme: 'tableau10' }, legend: { orient: 'bottom' } },
        },
        layer: [
          { mark: { type: 'rule', opacity: 0.5 }, encoding: { y: { field: 'min', type: 'quantitative', scale: { type: 'log' }, title: unit }, y2: { field: 'max' } } },
          { mark: { type: 'line', point: true }, encoding: { y: { field: 'median', type: 'quantitative', scale: { type: 'log' }, title: unit } } },
        ],
      };
    }),
  } as TopLevelSpec;
}

/** The chart as an SVG document; an empty run gives a figure that says so. */
export async function renderChart(figures: readonly Figure[], title: string): Promise<string> {
  const points = chartPoints(figures);
  if (points.length === 0)
    return '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="40"><text x="8" y="24" font-family="sans-serif" font-size="13">No figure of this run was measured at more than one map size.</text></svg>\n';
  const view = new vega.View(vega.parse(compile(chartSpec(points, title)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const input = process.argv[2] ?? fileURLToPath(new URL('./results/latest.json', import.meta.url));
  const run = JSON.parse(readFileSync(input, 'utf8')) as { date: string; figures: Figure[] };
  const out = fileURLToPath(new URL('./results/latest.svg', import.meta.url));
  writeFileSync(out, await renderChart(run.figures, `Argument Atlas benchmark, ${run.date.slice(0, 10)}: median and min–max, log scales`));
  process.stdout.write(`written: ${out}\n`);
}
