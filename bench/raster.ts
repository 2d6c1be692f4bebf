// PNG figures from the CLI as a user runs it (a fresh process each time): time and peak memory
// (the whole process's maximum resident set size, getrusage via bench/maxrss.cjs) of the whole
// shipped map at 300 DPI and of a page-ready 175 mm figure (claim C2) at its 600 DPI, each beside the same
// figure exported as SVG in the same run (the memory the figure takes before any raster).
// `npx tsx bench/raster.ts [reps]` prints the figures (the CLI must be built: npm run build:cli).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { atMost, stats, type Figure } from './results';

export interface RasterBenchOptions {
  root: string;
  reps?: number;
  /** A smoke run: one run each, the whole map at 96 DPI only (it checks the harness). */
  smoke?: boolean;
  log?: (line: string) => void;
}

/** The goal of issue 14: no PNG figure needs more than this (MB). */
export const RASTER_PEAK_GOAL_MB = 150;

interface Run {
  ms: number;
  mb: number;
  out: string;
}

function runCli(root: string, args: string[], dir: string): Run {
  const rssFile = join(dir, 'maxrss');
  rmSync(rssFile, { force: true });
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', join(root, 'bench/maxrss.cjs'), join(root, 'bin/argmap.cjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, AA_MAXRSS_FILE: rssFile },
  });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`argmap ${args.join(' ')}: exit ${r.status}: ${(r.stderr || r.stdout).trim().split('\n')[0]}`);
  return { ms, mb: Number(readFileSync(rssFile, 'utf8')) / 1024, out: r.stdout.trim() };
}

export function benchRaster(options: RasterBenchOptions): Figure[] {
  const { root } = options;
  const log = options.log ?? (() => {});
  const reps = options.smoke ? 1 : (options.reps ?? 3);
  const shipped = join(root, 'arguments/maps/stalin-gottwald-1950.argmap.json');
  const dir = mkdtempSync(join(tmpdir(), 'argmap-raster-bench-'));
  const dpi = options.smoke ? '96' : '300';
  // A smoke run leaves out the page-ready figure (its fitting runs ELK many times: slow).
  const cases = [
    { key: 'whole', what: `the whole shipped map at ${dpi} DPI`, png: ['--dpi', dpi], svg: [] as string[] },
    ...(options.smoke ? [] : [{ key: 'page-175mm', what: 'a page-ready figure (claim C2 of the shipped map, 175 mm wide at 600 DPI)', png: ['--width', '175mm', '--scope', 'claim:C2'], svg: ['--width', '175mm', '--scope', 'claim:C2'] }]),
  ];
  const figures: Figure[] = [];
  try {
    for (const c of cases) {
      const png: Run[] = [];
      const svg: Run[] = [];
      // Alternating, so the load of the machine falls on both alike.
      for (let i = 0; i < reps; i++) {
        png.push(runCli(root, ['export', shipped, '--out', join(dir, `${c.key}.png`), ...c.png], dir));
        svg.push(runCli(root, ['export', shipped, '--out', join(dir, `${c.key}.svg`), ...c.svg], dir));
      }
      const pixels = /(\d+ × \d+) pixels/.exec(png[0]!.out)?.[1];
      const note = `(baseline: the same figure as SVG${pixels ? `; ${pixels} px` : ''})`;
      figures.push(
        {
          key: `cli.png.${c.key}.peak`,
          label: `PNG of ${c.what}: peak memory (whole CLI process)`,
          size: null,
          unit: 'MB',
          app: png.map((r) => r.mb),
          baseline: svg.map((r) => r.mb),
          goal: atMost(RASTER_PEAK_GOAL_MB, `≤ ${RASTER_PEAK_GOAL_MB} MB peak`),
          note,
        },
        { key: `cli.png.${c.key}.time`, label: `PNG of ${c.what}: time (whole CLI process)`, size: null, unit: 'ms', app: png.map((r) => r.ms), baseline: svg.map((r) => r.ms), note },
      );
      const med = (xs: Run[], k: 'ms' | 'mb') => stats(xs.map((r) => r[k]))!.median.toFixed(0);
      log(`PNG of ${c.what}${pixels ? ` (${pixels} px)` : ''}: ${med(png, 'mb')} MB peak, ${med(png, 'ms')} ms; as SVG ${med(svg, 'mb')} MB, ${med(svg, 'ms')} ms`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  benchRaster({ root, reps: process.argv[2] ? Number(process.argv[2]) : 3, log: (line) => process.stdout.write(`${line}\n`) });
}
