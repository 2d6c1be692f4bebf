// The benchmark harness must not rot: a smoke run (100 nodes, one repetition, every figure)
// builds the bench pages, drives Chromium and the CLI, and writes its table. This checks what a
// reader of that table relies on, never a time: every figure of the run has its row with a
// number, each ratio is app ÷ baseline, each goal has its verdict and the verdict is right, the
// worst ratios and the goals are listed, and the report is this run's.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;

/** What bench/results/smoke.json holds of each figure (bench/results.ts: Figure, its goal without the function). */
interface SavedFigure {
  key: string;
  label: string;
  size: number | null;
  unit: string;
  app: number[];
  baseline: number[] | null;
  goal?: { text: string };
  error?: string;
  note?: string;
}

/** Every figure a smoke run measures (the full run measures these at more sizes). */
const SMOKE_FIGURES = [
  'node.handout.time.100',
  'node.handout.size.100',
  'node.handout-pdf.claim.time.40',
  'node.handout-pdf.claim.size.40',
  'browser.first-render.100',
  'browser.drag.cost.100',
  'browser.drag.wall.100',
  'browser.drag.gap.100',
  'browser.typing.median.100',
  'browser.typing.worst.100',
  'browser.zoom.gap.100',
  'browser.zoom.cost.100',
  'browser.pan.gap.100',
  'browser.pan.cost.100',
  'browser.layout.time',
  'browser.layout.longtask',
  'browser.layout.gap',
  // bench/layout.ts: the app's auto-layout against ELK in Node, alternating, warm and cold.
  'browser.layout.ratio',
  'browser.layout.elk',
  'browser.layout.cold',
  'browser.layout.elk.cold',
  'browser.layout.task',
  'browser.heap',
  'browser.layers.toggle.100',
  ...['open', 'save', 'commit', 'undo', 'redo', 'audit', 'layout'].map((f) => `node.${f}.100`),
  'shell.mapCheck.100',
  'shell.svgCheck.100',
  'cli.validate.100',
  'cli.export.100',
  'node.intake.pdf.20',
  'cite.start.cold',
  'cite.notes.100',
  'cite.bibliography.100',
  'node.status.1000',
  'node.status.10000',
  'node.compare.edited.100',
  'node.compare.unrelated.100',
  'node.reanchor.report',
  'node.reanchor.replace',
  'cli.help',
  'cli.cite',
  'cli.source-list',
  // bench/raster.ts: the whole shipped map as a PNG (96 DPI in a smoke run), beside the same as SVG.
  'cli.png.whole.peak',
  'cli.png.whole.time',
  // bench/peer.ts: start-up against bare Node, and the SVG export against Argdown's CLI (tools/argdown).
  'cli.validate.startup',
  'cli.export.svg.40',
];

const median = (xs: readonly number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[v.length >> 1]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
};
/** "3,614 ms", "0.666 ms (0.5–0.7)", "14.1 MB" -> the median shown, and its unit. */
function shown(cell: string): { value: number; unit: string } {
  const m = /^([\d,.]+) (ms|MB)( \(|$)/.exec(cell);
  if (!m) throw new Error(`not a number with its unit: “${cell}”`);
  return { value: Number(m[1]!.replace(/,/g, '')), unit: m[2]! };
}
/** How far the table's rounding (bench/results.ts: num) may move a value. */
const rounding = (x: number) => (x >= 100 ? 0.5 : x >= 10 ? 0.05 : x >= 1 ? 0.005 : 0.0005) + 1e-9;

/** The verdict a goal's words promise, from the samples (null: a goal this test cannot read). */
function verdict(text: string, app: number[], baseline: number[] | null): boolean | null {
  const n = (s: string) => Number(s);
  let m: RegExpExecArray | null;
  if (/within one frame/.test(text)) return median(app) <= 1000 / 60;
  if ((m = /^no (?:gap|task) > ([\d.]+) ms/.exec(text))) return Math.max(...app) <= n(m[1]!);
  if ((m = /^≤ ([\d.]+)×(?: |$)/.exec(text))) return baseline ? median(app) <= n(m[1]!) * median(baseline) : null;
  if (/^no worse than the baseline's worst/.test(text)) return baseline ? Math.max(...app) <= Math.max(...baseline) : null;
  if ((m = /^[≤<] ([\d.]+) (ms|s|MB)\b/.exec(text))) return median(app) <= n(m[1]!) * (m[2] === 's' ? 1000 : 1);
  return null;
}

function section(report: string, heading: string): string[] {
  const lines = report.split('\n');
  const at = lines.indexOf(heading);
  expect(at, `${heading} in the report`).toBeGreaterThan(-1);
  const rest = lines.slice(at + 2);
  return rest.slice(0, rest.findIndex((l) => l === '')).filter((l) => l.startsWith('- '));
}

it('npm run bench -- --smoke measures every figure and writes a table a reader can trust', () => {
  const started = Date.now();
  const r = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'bench/run.ts', '--smoke'], { cwd: root, encoding: 'utf8', timeout: 420_000 });
  const seconds = (Date.now() - started) / 1000;
  expect(r.status, `exit ${r.status} after ${seconds.toFixed(0)} s\n${r.stdout}\n${r.stderr}`).toBe(0);

  const saved = JSON.parse(readFileSync(join(root, 'bench/results/smoke.json'), 'utf8')) as { date: string; figures: SavedFigure[] };
  const report = readFileSync(join(root, 'bench/results/smoke.md'), 'utf8');
  // This run's report, not one left by an earlier run.
  const ran = /^Run (\S+) with `npm run bench -- --smoke`/m.exec(report);
  expect(ran, 'the report says when it ran').not.toBeNull();
  for (const date of [saved.date, ran![1]!]) expect(Date.parse(date)).toBeGreaterThanOrEqual(started - 1000);

  // Every figure measured, none failed.
  const figures = saved.figures;
  expect(figures.filter((f) => f.error).map((f) => `${f.key}: ${f.error}`)).toEqual([]);
  expect(figures.map((f) => f.key)).toEqual(expect.arrayContaining(SMOKE_FIGURES));

  // The table: one row per figure, in order, each with its number.
  const lines = report.split('\n');
  const head = lines.indexOf('| figure | size (nodes) | app | baseline | ratio | goal | met? |');
  expect(head).toBeGreaterThan(-1);
  const body = lines.slice(head + 2);
  const rows = body.slice(0, body.findIndex((l) => !l.startsWith('|'))).map((l) => l.slice(2, -2).split(/ (?<!\\)\| /));
  expect(rows).toHaveLength(figures.length);
  figures.forEach((f, i) => {
    const [figure, size, app, baseline, ratio, goal, met] = rows[i]!;
    const what = `${f.key}: ${rows[i]!.join(' | ')}`;
    expect(figure, what).toBe(f.note ? `${f.label} ${f.note}` : f.label);
    expect(size, what).toBe(f.size === null ? '—' : f.size.toLocaleString('en-US'));
    expect(f.app.length, what).toBeGreaterThan(0);
    for (const x of f.app) expect(Number.isFinite(x) && x >= 0, what).toBe(true);
    const a = shown(app!);
    expect(a.unit, what).toBe(f.unit === 'MB' ? 'MB' : 'ms');
    expect(Math.abs(a.value - median(f.app)), what).toBeLessThanOrEqual(rounding(median(f.app)));
    if (f.baseline === null) {
      expect([baseline, ratio], what).toEqual(['n/a', 'n/a']);
    } else {
      // The peer, measured in this run beside the app: samples of its own, and a ratio that means something.
      expect(f.baseline.length, what).toBeGreaterThan(0);
      for (const x of f.baseline) expect(Number.isFinite(x) && x >= 0, what).toBe(true);
      const r = median(f.app) / median(f.baseline);
      expect(Number.isFinite(r) && r > 0, `${what}: ratio ${r}`).toBe(true);
      expect(Math.abs(shown(baseline!).value - median(f.baseline)), what).toBeLessThanOrEqual(rounding(median(f.baseline)));
      // The ratio is app ÷ baseline of the medians.
      expect(ratio, what).toBe(`${(median(f.app) / median(f.baseline)).toFixed(2)}×`);
    }
    if (!f.goal) {
      expect([goal, met], what).toEqual(['', '']);
      return;
    }
    expect(goal, what).toBe(f.goal.text);
    expect(['yes', '**no**'], what).toContain(met);
    const promised = verdict(f.goal.text, f.app, f.baseline);
    if (promised !== null) expect(met, what).toBe(promised ? 'yes' : '**no**');
  });

  // The goals of the run, each with its verdict as the table gives it, and most read back here.
  const withGoals = figures.filter((f) => f.goal);
  expect(withGoals.length).toBeGreaterThanOrEqual(6);
  expect(withGoals.filter((f) => verdict(f.goal!.text, f.app, f.baseline) !== null).length).toBeGreaterThanOrEqual(withGoals.length - 1);
  const goalLines = section(report, '## Goals');
  expect(goalLines).toHaveLength(withGoals.length);
  withGoals.forEach((f, i) => {
    const met = rows[figures.indexOf(f)]![6]!.replace(/\*/g, '');
    // The goal, then what was measured; a goal not met says why (bench/why.ts).
    expect(goalLines[i]!.startsWith(`- ${met} — ${f.label}${f.size ? ` (${f.size.toLocaleString('en-US')})` : ''}: ${f.goal!.text}; measured `), goalLines[i]).toBe(true);
    expect(goalLines[i]!.includes(' — why: '), goalLines[i]).toBe(met === 'no');
  });

  // The worst ratios: the five largest app ÷ baseline, largest first.
  const ratios = figures
    .filter((f) => f.baseline)
    .map((f) => ({ f, ratio: median(f.app) / median(f.baseline!) }))
    .sort((x, y) => y.ratio - x.ratio);
  expect(ratios.length).toBeGreaterThanOrEqual(10);
  expect(section(report, '## Worst ratios against the baseline')).toEqual(
    ratios.slice(0, 5).map(({ f, ratio }) => `- ${ratio.toFixed(2)}× — ${f.label}${f.size ? ` (${f.size.toLocaleString('en-US')} nodes)` : ''}`),
  );
}, 480_000);
