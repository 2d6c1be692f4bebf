// Node figures: the domain's costs on the generated maps, measured in this process (after one
// warm-up run, so the JIT has seen the code: a figure of steady use), and the CLI's
// whole-process time (a fresh `node bin/argmap.cjs …` each run: cold, as a user runs it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ELK from 'elkjs/lib/elk.bundled.js';
import { auditMap } from '../arguments/analysis/audit';
import { startFigureRouting } from '../arguments/cli/avoid';
import { DEFAULT_FIGURE_OPTIONS, renderFigure } from '../arguments/export/figure';
import { loadMap } from '../arguments/format/load';
import { serializeMap } from '../arguments/format/serialize';
import { commit, createHistory, redo, undo, type History } from '../arguments/history';
import { buildLayoutGraph } from '../arguments/layout/layered';
import type { ArgumentMap } from '../arguments/model';
import { editNode } from '../arguments/operations';
import { exportRefusal, mapRefusal } from '../electron/main/writeChecks';
import { benchCite } from './cite';
import { benchCompare } from './compare';
import { benchFind } from './find';
import { FIRST_THESIS } from './generate';
import { benchIntake } from './intake';
import { benchReanchor } from './reanchor';
import { atMost, ratioAtMost, type Figure } from './results';
import { benchStatus } from './status';
import { benchRouting } from './routing';
import { benchRaster } from './raster';
import { benchHandout } from './handout';
import { benchHandoutPdf } from './handoutPdf';

export interface NodePlan {
  /** Map files by size (dist/bench/maps/N.argmap.json). */
  files: Map<number, string>;
  sizes: number[];
  layoutSizes: number[];
  reps: number;
  warmup: boolean;
  root: string;
  log: (line: string) => void;
}

const LARGEST_GOALS = {
  open: atMost(200, '≤ 200 ms (10,000 nodes)'),
  step: atMost(1, '≤ 1 ms per step (10,000 nodes)'),
};

function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
}

async function timedAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

function open(file: string): ArgumentMap {
  const r = loadMap(readFileSync(file));
  if (!r.ok) throw new Error(`${file}: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.map;
}

/** `argmap help` lists the commands this build of the CLI has. */
export function cliCommands(root: string, script = join(root, 'bin/argmap.cjs')): string[] {
  const r = spawnSync(process.execPath, [script, 'help'], { encoding: 'utf8' });
  return [...(r.stdout ?? '').matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!);
}

export async function runNodeFigures(plan: NodePlan): Promise<Figure[]> {
  await startFigureRouting();
  const figures: Figure[] = [];
  const n = plan.reps + (plan.warmup ? 1 : 0);
  const keep = (xs: number[]) => (plan.warmup ? xs.slice(1) : xs);
  const tmp = mkdtempSync(join(tmpdir(), 'argmap-bench-'));
  const isLargest = (size: number) => size === Math.max(...plan.sizes) && size >= 10_000;

  try {
    for (const size of plan.sizes) {
      const file = plan.files.get(size);
      if (!file) throw new Error(`no map of ${size} nodes`);
      const bytes = readFileSync(file);
      const openMs: number[] = [];
      const saveMs: number[] = [];
      const auditMs: number[] = [];
      const commitMs: number[] = [];
      const undoMs: number[] = [];
      const redoMs: number[] = [];
      // The floor of opening: JSON.parse of the same bytes, decoded (what any JSON reader pays), alternating with it.
      const parseMs: number[] = [];
      let map: ArgumentMap | null = null;
      for (let i = 0; i < n; i++) {
        const [m, t] = timed(() => open(file));
        openMs.push(t);
        map = m;
        parseMs.push(timed(() => JSON.parse(new TextDecoder().decode(readFileSync(file))))[1]);
      }
      const out = join(tmp, `save-${size}.argmap.json`);
      for (let i = 0; i < n; i++) saveMs.push(timed(() => writeFileSync(out, serializeMap(map!)))[1]);
      if (readFileSync(out).length !== bytes.length) throw new Error(`saving the ${size}-node map did not give back the file it was opened from`);
      for (let i = 0; i < n; i++) auditMs.push(timed(() => auditMap(map!))[1]);

      // What the desktop shell's main process checks before it writes a window's map or SVG figure.
      const text = serializeMap(map!);
      const svg = new TextEncoder().encode(renderFigure(map!, DEFAULT_FIGURE_OPTIONS).svg);
      const mapCheckMs: number[] = [];
      const svgCheckMs: number[] = [];
      for (let i = 0; i < n; i++) {
        const [refused, t] = timed(() => mapRefusal(text, 'bench.argmap.json'));
        if (refused) throw new Error(`the ${size}-node map was refused: ${refused.message}`);
        mapCheckMs.push(t);
        const [svgRefused, ts] = await timedAsync(() => exportRefusal(svg, 'image/svg+xml', 'bench.svg'));
        if (svgRefused) throw new Error(`the ${size}-node figure was refused: ${svgRefused.message}`);
        svgCheckMs.push(ts);
      }

      // One small edit committed, then one undo and one redo, on the open map's history.
      let history: History = createHistory(map!);
      for (let i = 0; i < n; i++) {
        const [r, tc] = timed(() => commit(history, editNode(FIRST_THESIS, { text: `Edited ${i}: ${map!.nodes[FIRST_THESIS]!.text}` })));
        if (!r.ok) throw new Error(r.reason);
        commitMs.push(tc);
        const [undone, tu] = timed(() => undo(r.history));
        undoMs.push(tu);
        const [redone, tr] = timed(() => redo(undone));
        redoMs.push(tr);
        history = redone;
      }
      figures.push(
        { key: `node.open.${size}`, label: 'Open + validate (read file, loadMap); baseline: read file + JSON.parse', size, unit: 'ms', app: keep(openMs), baseline: keep(parseMs), ...(isLargest(size) ? { goal: LARGEST_GOALS.open } : {}) },
        ...(size === 10_000 ? [{ key: `node.open.ratio.${size}`, label: 'Open + validate ÷ JSON.parse of the same bytes (the samples of the row above)', size, unit: 'ms' as const, app: keep(openMs), baseline: keep(parseMs), goal: ratioAtMost(3, '≤ 3× JSON.parse') }] : []),
        { key: `node.save.${size}`, label: 'Save (serializeMap + write file)', size, unit: 'ms', app: keep(saveMs), baseline: null },
        { key: `node.commit.${size}`, label: 'Edit one node’s text (commit one step)', size, unit: 'ms', app: keep(commitMs), baseline: null },
        { key: `node.undo.${size}`, label: 'Undo one step', size, unit: 'ms', app: keep(undoMs), baseline: null, ...(isLargest(size) ? { goal: LARGEST_GOALS.step } : {}) },
        { key: `node.redo.${size}`, label: 'Redo one step', size, unit: 'ms', app: keep(redoMs), baseline: null, ...(isLargest(size) ? { goal: LARGEST_GOALS.step } : {}) },
        { key: `node.audit.${size}`, label: 'Quotation audit (auditMap)', size, unit: 'ms', app: keep(auditMs), baseline: null },
        { key: `shell.mapCheck.${size}`, label: 'Desktop save: main process checks the map text (mapRefusal, blocking)', size, unit: 'ms', app: keep(mapCheckMs), baseline: null },
        { key: `shell.svgCheck.${size}`, label: 'Desktop SVG export: main process checks the figure (exportRefusal, in 1 MB slices)', size, unit: 'ms', app: keep(svgCheckMs), baseline: null },
      );
      plan.log(`  ${String(size).padStart(6)} nodes: open ${med(keep(openMs))} ms (JSON.parse ${med(keep(parseMs))}), save ${med(keep(saveMs))}, undo ${med(keep(undoMs))}, redo ${med(keep(redoMs))}, audit ${med(keep(auditMs))}, save check ${med(keep(mapCheckMs))}, SVG check ${med(keep(svgCheckMs))}`);
    }

    // ELK as the worker runs it, in this process.
    const elk = new ELK();
    for (const size of plan.layoutSizes) {
      const file = plan.files.get(size);
      if (!file) throw new Error(`no map of ${size} nodes`);
      const map = open(file);
      const ms: number[] = [];
      const reps = Math.max(1, Math.min(plan.reps, 3)) + (plan.warmup ? 1 : 0);
      for (let i = 0; i < reps; i++) ms.push((await timedAsync(() => elk.layout(buildLayoutGraph(map, {}))))[1]);
      figures.push({
        key: `node.layout.${size}`,
        label: 'Layout (buildLayoutGraph + ELK layered, in Node)',
        size,
        unit: 'ms',
        app: keep(ms),
        baseline: null,
        ...(size === 3000 ? { goal: atMost(2000, '≤ 2 s (3,000 nodes)') } : {}),
      });
      plan.log(`  layout ${size}: ${med(keep(ms))} ms`);
    }

    // The CLI, as a user runs it: a whole process per run.
    const commands = cliCommands(plan.root);
    for (const size of plan.sizes) {
      const file = plan.files.get(size)!;
      const validate: number[] = [];
      for (let i = 0; i < plan.reps; i++) {
        const [r, t] = timed(() => spawnSync(process.execPath, [join(plan.root, 'bin/argmap.cjs'), 'validate', file], { encoding: 'utf8' }));
        if (r.status !== 0) throw new Error(`argmap validate ${size}: exit ${r.status}: ${r.stderr || r.stdout}`);
        validate.push(t);
      }
      figures.push({ key: `cli.validate.${size}`, label: 'CLI `argmap validate` (whole process)', size, unit: 'ms', app: validate, baseline: null });
      if (commands.includes('export')) {
        const exported: number[] = [];
        let error: string | undefined;
        for (let i = 0; i < plan.reps && !error; i++) {
          const [r, t] = timed(() => spawnSync(process.execPath, [join(plan.root, 'bin/argmap.cjs'), 'export', file, '--out', join(tmp, `export-${size}.svg`)], { encoding: 'utf8', cwd: tmp }));
          if (r.status !== 0) error = `exit ${r.status}: ${(r.stderr || r.stdout).trim().split('\n')[0]}`;
          else exported.push(t);
        }
        figures.push({ key: `cli.export.${size}`, label: 'CLI `argmap export` to SVG (whole process)', size, unit: 'ms', app: exported, baseline: null, ...(error ? { error } : {}) });
      }
      plan.log(`  cli ${size}: validate ${med(validate)} ms`);
    }
    if (!commands.includes('export'))
      figures.push({ key: 'cli.export', label: 'CLI `argmap export` (whole process)', size: null, unit: 'ms', app: [], baseline: null, note: '— not in this build of the CLI yet (measured once `argmap help` lists it)' });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return figures;
}

export interface FeaturePlan {
  /** A smoke run: small inputs, one run each, no warm-up (it checks the harness). */
  smoke: boolean;
  reps: number;
  root: string;
  log: (line: string) => void;
}

/** A figure for a bench that failed: the table shows the error, and the run exits 1. */
function failed(key: string, label: string, err: unknown): Figure {
  return { key, label, size: null, unit: 'ms', app: [], baseline: null, error: err instanceof Error ? err.message : String(err) };
}

/**
 * The sources and citations figures (bench/intake.ts, cite.ts, status.ts, reanchor.ts), each
 * in this process, and the CLI commands that use them as whole processes. A smoke run uses a
 * 20-page PDF and a 100 KB source with 50 quotes; the full run the benches' own sizes.
 */
export async function runFeatureFigures(plan: FeaturePlan): Promise<Figure[]> {
  const figures: Figure[] = [];
  const reps = plan.reps;
  const warmup = !plan.smoke;
  const guard = async (key: string, label: string, work: () => Figure[] | Promise<Figure[]>) => {
    try {
      figures.push(...(await work()));
    } catch (err) {
      figures.push(failed(key, label, err));
    }
  };
  await guard('node.intake', 'Extract the text of a PDF (intakeDocument)', () => benchIntake({ pages: plan.smoke ? 20 : 300, reps, log: plan.log }));
  await guard('cite', 'Chicago notes and bibliography (citation processor)', () => benchCite(reps));
  await guard('node.status', 'Dialectical status (computeStatus)', () => benchStatus({ reps, warmup, log: plan.log }));
  await guard('node.compare', 'Compare two maps (compare)', () => benchCompare({ reps, warmup, nodes: plan.smoke ? 100 : 1000, log: plan.log }));
  await guard('node.routing', 'Route the arrows around the cards (libavoid)', () => benchRouting({ sizes: plan.smoke ? [30] : undefined, log: plan.log }));
  await guard('node.find', 'Find and the outline (findInMap, buildOutline)', () => benchFind({ nodes: plan.smoke ? 1000 : 10_000, reps, log: plan.log }));
  await guard('node.reanchor', 'Re-anchor quotes on a replaced text', () =>
    benchReanchor(plan.smoke ? { reps, warmup, sourceBytes: 100_000, quotes: 50, corrections: 20, log: plan.log } : { reps, warmup, log: plan.log }),
  );

  await guard('node.handout', 'HTML handout (buildHandout)', () => benchHandout({ reps, warmup, nodes: plan.smoke ? 100 : 1000, log: plan.log }));
  // 100 and 1,000 nodes (6-13 s each at 1,000 since each card is drawn once, not once a page: pdfParts.ts).
  for (const nodes of plan.smoke ? [40] : [100, 1000])
    await guard(`node.handout-pdf.${nodes}`, `PDF handout of ${nodes.toLocaleString('en-US')} nodes (planHandout, prepareHandoutPdf, writeHandoutPdf)`, () => benchHandoutPdf({ nodes, pagings: plan.smoke ? ['claim'] : undefined, log: plan.log }));
  await guard('cli.png', 'PNG of the whole shipped map at 300 DPI: time and peak memory (whole CLI process)', () => benchRaster({ root: plan.root, reps, smoke: plan.smoke, log: plan.log }));

  // The commands as a user runs them, on the shipped map: start-up (help) and Chicago notes (cite).
  const shipped = join(plan.root, 'arguments/maps/stalin-gottwald-1950.argmap.json');
  const commands = cliCommands(plan.root);
  for (const [key, label, args] of [
    ['cli.help', 'CLI `argmap help` (whole process: start-up)', ['help']],
    ['cli.cite', 'CLI `argmap cite` of the shipped map, 26 notes (whole process)', ['cite', shipped]],
    ['cli.source-list', 'CLI `argmap source list` of the shipped map (whole process)', ['source', 'list', shipped]],
  ] as const) {
    if (!commands.includes(args[0])) continue;
    const ms: number[] = [];
    let error: string | undefined;
    for (let i = 0; i < reps && !error; i++) {
      const [r, t] = timed(() => spawnSync(process.execPath, [join(plan.root, 'bin/argmap.cjs'), ...args], { encoding: 'utf8' }));
      if (r.status !== 0) error = `exit ${r.status}: ${(r.stderr || r.stdout).trim().split('\n')[0]}`;
      else ms.push(t);
    }
    figures.push({ key, label, size: null, unit: 'ms', app: ms, baseline: null, ...(error ? { error } : {}) });
  }
  return figures;
}

function med(xs: number[]): string {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length % 2 ? v[v.length >> 1]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
  return m < 1 ? m.toFixed(3) : m.toFixed(0);
}
