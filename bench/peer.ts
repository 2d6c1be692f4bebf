// The CLI against its peer and against bare Node, whole processes as a user runs them:
//   - `argmap export MAP --format svg` against Argdown's CLI `argdown map --format svg FILE DIR`
//     (tools/argdown, @argdown/cli 1.7.5, its own install) on the same generated maps, written as
//     .argmap.json and as Argdown by this project's own exporter (arguments/interop/argdown);
//   - `argmap validate` of the shipped map against `node -e 0` (what start-up costs above Node's).
// The two commands of a pair alternate run by run, so load on the machine falls on both.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serializeMap } from '../arguments/format/serialize';
import { exportArgdown } from '../arguments/interop/argdown/export';
import { generateMap } from './generate';
import { ratioAtMost, stats, type Figure } from './results';

export const PEER_SIZES = [40, 1000, 3000] as const;

export interface PeerPlan {
  root: string;
  /** Where the maps and figures go (emptied first). */
  dir: string;
  sizes: readonly number[];
  reps: number;
  /** One unmeasured run of each command first (disk cache, Argdown's own first start). */
  warmup: boolean;
  log: (line: string) => void;
}

/** Argdown's CLI as installed by `npm ci --prefix tools/argdown`, or null when it is not. */
export function argdownCli(root: string): string | null {
  const cli = join(root, 'tools/argdown/node_modules/@argdown/cli/dist/cli.js');
  return existsSync(cli) ? cli : null;
}

interface Run {
  ms: number;
  status: number | null;
  said: string;
}

function run(args: string[], cwd: string): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const ms = performance.now() - t0;
  return { ms, status: r.status, said: `${r.stderr ?? ''}${r.stdout ?? ''}`.trim().split('\n')[0] ?? '' };
}

/** Runs `a` and `b` alternately `reps` times (after one warm-up each); their times, or the first failure. */
function alternate(reps: number, warmup: boolean, a: () => Run, b: () => Run): { a: number[]; b: number[]; error?: string } {
  const out = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < reps + (warmup ? 1 : 0); i++) {
    for (const [which, cmd] of [['a', a], ['b', b]] as const) {
      const r = cmd();
      if (r.status !== 0) return { ...out, error: `exit ${r.status}: ${r.said}` };
      if (!warmup || i > 0) out[which].push(r.ms);
    }
  }
  return out;
}

const times = (peer: number[], app: number[]) => {
  const p = stats(peer);
  const a = stats(app);
  return p && a && a.median > 0 ? `${(p.median / a.median).toFixed(1)}×` : '?';
};

export async function runPeerFigures(plan: PeerPlan): Promise<Figure[]> {
  const figures: Figure[] = [];
  // The CommonJS launcher, as the package's bin (bin/argmap.cjs) runs it.
  const argmap = join(plan.root, 'dist/argmap.cjs');
  const dir = resolve(plan.dir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  // Start-up: validate the shipped map against Node doing nothing.
  const shipped = join(plan.root, 'arguments/maps/stalin-gottwald-1950.argmap.json');
  const start = alternate(plan.reps, plan.warmup, () => run([argmap, 'validate', shipped], dir), () => run(['-e', '0'], dir));
  figures.push({
    key: 'cli.validate.startup',
    label: 'CLI `argmap validate` of the shipped map (whole process) ÷ bare `node -e 0`',
    size: null,
    unit: 'ms',
    app: start.a,
    baseline: start.b,
    goal: ratioAtMost(1.5, '≤ 1.5× `node -e 0`'),
    ...(start.error ? { error: start.error } : {}),
  });
  plan.log(`  validate ${stats(start.a)?.median.toFixed(0)} ms, node -e 0 ${stats(start.b)?.median.toFixed(0)} ms`);

  const argdown = argdownCli(plan.root);
  if (!argdown) plan.log('  Argdown rows skipped: tools/argdown is not installed (npm ci --prefix tools/argdown)');
  for (const size of plan.sizes) {
    const map = generateMap(size);
    const mapFile = join(dir, `${size}.argmap.json`);
    const argdownFile = join(dir, `${size}.argdown`);
    writeFileSync(mapFile, serializeMap(map));
    writeFileSync(argdownFile, exportArgdown(map).text);
    const svg = join(dir, `${size}.svg`);
    const ours = () => run([argmap, 'export', mapFile, '--format', 'svg', '--out', svg], dir);
    const key = `cli.export.svg.${size}`;
    const label = 'CLI `argmap export --format svg` (whole process); baseline: Argdown `argdown map --format svg`';
    if (!argdown) {
      const r = alternate(plan.reps, plan.warmup, ours, ours);
      figures.push({ key, label, size, unit: 'ms', app: [...r.a, ...r.b], baseline: null, note: '(Argdown not installed: no peer)', ...(r.error ? { error: r.error } : {}) });
      continue;
    }
    const outDir = join(dir, `argdown-${size}`);
    const theirs = () => {
      rmSync(outDir, { recursive: true, force: true });
      const r = run([argdown, 'map', '--format', 'svg', argdownFile, outDir], dir);
      // Argdown exits 0 even when it could not read its input: a figure must be there.
      if (r.status === 0 && !(existsSync(outDir) && readdirSync(outDir).some((f) => f.endsWith('.svg')))) return { ...r, status: -1, said: `argdown wrote no SVG into ${outDir}` };
      return r;
    };
    const r = alternate(plan.reps, plan.warmup, ours, theirs);
    figures.push({
      key,
      label,
      size,
      unit: 'ms',
      app: r.a,
      baseline: r.b,
      note: `(Argdown ÷ argmap = ${times(r.b, r.a)})`,
      goal: ratioAtMost(1 / 8, '≤ 0.125× Argdown (Argdown ÷ argmap ≥ 8×)'),
      ...(r.error ? { error: r.error } : {}),
    });
    plan.log(`  export svg ${size}: argmap ${stats(r.a)?.median.toFixed(0)} ms, argdown ${stats(r.b)?.median.toFixed(0)} ms (${times(r.b, r.a)})`);
  }
  return figures;
}

// Alone: `npx tsx bench/peer.ts [REPS] [SIZE...]` (the CLI built first: npm run build:cli).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [reps, ...sizes] = process.argv.slice(2).map(Number);
  const root = resolve(new URL('..', import.meta.url).pathname);
  const figures = await runPeerFigures({
    root,
    dir: join(root, 'dist/bench-peer'),
    sizes: sizes.length ? sizes : PEER_SIZES,
    reps: reps || 5,
    warmup: true,
    log: (l) => console.log(l),
  });
  for (const f of figures) if (f.error) console.log(`${f.key}: ${f.error}`);
}
