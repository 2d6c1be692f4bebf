// `npm run bench`: builds the two benchmark pages (bench/vite.config.ts -> dist/bench; a smoke
// run uses dist/bench-smoke), generates the maps (dist/bench/maps), serves them, measures the browser figures (app and
// baseline in the same run) and the Node figures, prints the table and writes it to
// bench/results/latest.md (raw samples: bench/results/latest.json, not committed).
//
//   npm run bench                          the full run (~10-15 min on 2 cores)
//   npm run bench -- --smoke               100 nodes, one repetition, every figure: checks the
//                                          harness works (bench/results/smoke.md)
//   npm run bench -- --reps 3              browser repetitions (default 5); --node-reps (default 5)
//   npm run bench -- --sizes 100,1000      first-render and Node figures at these sizes only
//   npm run bench -- --skip-browser | --skip-node | --no-build
//   npm run bench -- --only layers,drag    only these drag-size interactions (drag, zoom, layers,
//                                          pan) in the browser: no first render, typing, layout or heap
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { serializeMap } from '../arguments/format/serialize';
import { NODE_KINDS } from '../arguments/model';
import { launchBrowser, runBrowserFigures, type Interaction } from './browser';
import { renderChart } from './chart';
import { DEFAULT_SEED, describeMap, generateMap } from './generate';
import { runLayoutFigures } from './layout';
import { runLiveFigures } from './live';
import { runLiveNetFigures } from './live-net';
import { runFeatureFigures, runNodeFigures } from './node';
import { PEER_SIZES, runPeerFigures } from './peer';
import { markdownTable, ratios, row, type Figure } from './results';
import { serveStatic } from './serve';
import { whyNotMet } from './why';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Options {
  smoke: boolean;
  reps: number;
  nodeReps: number;
  sizes: number[];
  build: boolean;
  browser: boolean;
  node: boolean;
  /** --only: just these interactions at the drag sizes, and no other browser figure. */
  only?: Interaction[];
}

const INTERACTIONS: readonly Interaction[] = ['drag', 'zoom', 'layers', 'pan'];

function parseArgs(argv: string[]): Options {
  const o: Options = { smoke: false, reps: 5, nodeReps: 5, sizes: [100, 1000, 3000, 10000], build: true, browser: true, node: true };
  let repsGiven = false;
  let nodeRepsGiven = false;
  let sizesGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const count = (v: string) => {
      const x = Number(v);
      if (!Number.isInteger(x) || x < 1) throw new Error(`${a}: a whole number of at least 1, not "${v}"`);
      return x;
    };
    if (a === '--smoke') o.smoke = true;
    else if (a === '--reps') (o.reps = count(value())), (repsGiven = true);
    else if (a === '--node-reps') (o.nodeReps = count(value())), (nodeRepsGiven = true);
    else if (a === '--sizes') {
      o.sizes = value().split(',').map((s) => count(s.trim()));
      sizesGiven = true;
    } else if (a === '--no-build') o.build = false;
    else if (a === '--skip-browser') o.browser = false;
    else if (a === '--skip-node') o.node = false;
    else if (a === '--only') {
      o.only = value().split(',').map((s) => s.trim() as Interaction);
      const bad = o.only.find((x) => !INTERACTIONS.includes(x));
      if (bad !== undefined) throw new Error(`--only: one of ${INTERACTIONS.join(', ')}, not "${bad}"`);
    }
    else throw new Error(`unknown option ${a} (see the top of bench/run.ts)`);
  }
  if (o.smoke) {
    if (!repsGiven) o.reps = 1;
    if (!nodeRepsGiven) o.nodeReps = 1;
    if (!sizesGiven) o.sizes = [100];
  }
  return o;
}

/** Where the table goes: a partial run (--only) never replaces the full run's. */
const resultsName = (o: Options): string => (o.smoke ? 'smoke' : o.only ? 'only' : 'latest');

const log = (line: string) => process.stdout.write(`${line}\n`);

const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');

function machine(chromium: string | null, loadBefore: string): string {
  const cpu = cpus();
  return [
    `CPU: ${cpu[0]?.model.trim() ?? 'unknown'} × ${cpu.length} cores (os.cpus()), ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM`,
    `Node ${process.version}, ${process.platform} ${process.arch}`,
    `Chromium ${chromium ?? '(not run)'}, headless, 1440 × 900, flags: tests/browser.ts CHROMIUM_ARGS + --js-flags=--expose-gc --enable-precise-memory-info`,
    `Load average (1 / 5 / 15 min) before the run: ${loadBefore}; after: ${load()} (other work on the machine adds noise)`,
  ].join('\n');
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const loadBefore = load();
  // A smoke run (the test suite's) builds elsewhere, so it never empties a full run's pages and maps.
  const OUT = join(ROOT, o.smoke ? 'dist/bench-smoke' : 'dist/bench');
  const plan = o.smoke
    ? { drag: [100], typing: [100], layout: 100, heap: 100, layoutNode: [100], firstRender: o.sizes }
    : { drag: [1000, 3000, 10000], typing: [1000, 3000, 10000], layout: 3000, heap: Math.max(...o.sizes), layoutNode: [1000, 3000], firstRender: o.sizes };

  if (o.build) {
    log(`== building the benchmark pages (bench/vite.config.ts -> ${OUT.slice(ROOT.length)})`);
    await build({ configFile: join(ROOT, 'bench/vite.config.ts'), logLevel: 'warn', build: { outDir: OUT } });
  } else if (!existsSync(join(OUT, 'app.html'))) throw new Error(`${OUT} is not built; run without --no-build`);
  if (o.node && !existsSync(join(ROOT, 'dist/argmap.cjs'))) {
    log('== building the CLI (npm run build:cli)');
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('the CLI did not build');
  }

  const sizes = [...new Set([...o.sizes, ...plan.drag, ...plan.typing, plan.layout, plan.heap, ...plan.layoutNode])].sort((a, b) => a - b);
  log(`== generating maps (seed ${DEFAULT_SEED}): ${sizes.join(', ')} nodes`);
  mkdirSync(join(OUT, 'maps'), { recursive: true });
  const files = new Map<number, string>();
  const described: string[] = [];
  for (const size of sizes) {
    const map = generateMap(size);
    const file = join(OUT, 'maps', `${size}.argmap.json`);
    const text = serializeMap(map);
    writeFileSync(file, text);
    files.set(size, file);
    const d = describeMap(map);
    described.push(
      `| ${size.toLocaleString('en-US')} | ${d.relations} | ${NODE_KINDS.map((k) => d[k] ?? 0).join(' / ')} | ${d.linked} | ${d['rel:undercuts'] ?? 0} | ${d.quotes} | ${(text.length / 1e6).toFixed(1)} MB |`,
    );
  }

  const figures: Figure[] = [];
  let chromium: string | null = null;
  if (o.browser) {
    log(`== browser figures (${o.reps} repetition${o.reps === 1 ? '' : 's'}; app and baseline alternate)`);
    const server = await serveStatic(OUT);
    const browser = await launchBrowser();
    chromium = browser.version();
    try {
      figures.push(
        ...(await runBrowserFigures(browser, {
          baseUrl: server.url,
          reps: o.reps,
          firstRenderSizes: o.only ? [] : plan.firstRender,
          dragSizes: plan.drag,
          typingSizes: o.only ? [] : plan.typing,
          layoutSize: o.only ? null : plan.layout,
          heapSize: o.only ? null : plan.heap,
          ...(o.only ? { interactions: o.only } : {}),
          log,
        })),
      );
      if (!o.only) {
        log(`== auto-layout in the app against ELK in Node (${plan.layout} nodes, alternating)`);
        figures.push(...(await runLayoutFigures(browser, { baseUrl: server.url, file: files.get(plan.layout)!, size: plan.layout, reps: Math.min(o.reps, 3), log })));
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }
  if (o.node) {
    log(`== Node figures (${o.nodeReps} run${o.nodeReps === 1 ? '' : 's'} each${o.smoke ? '' : ', after one warm-up'})`);
    figures.push(...(await runNodeFigures({ files, sizes: o.sizes, layoutSizes: plan.layoutNode, reps: o.nodeReps, warmup: !o.smoke, root: ROOT, log })));
    log('== sources and citations: PDF intake, citation processor, status, re-anchoring, CLI commands');
    figures.push(...(await runFeatureFigures({ smoke: o.smoke, reps: o.nodeReps, root: ROOT, log })));
    log(`== the CLI against Argdown's CLI (tools/argdown) and bare Node, whole processes, alternating`);
    figures.push(...(await runPeerFigures({ root: ROOT, dir: join(OUT, 'peer'), sizes: o.smoke ? [PEER_SIZES[0]] : PEER_SIZES, reps: o.nodeReps, warmup: !o.smoke, log })));
    log('== the live document (issue 16): an edit through the Yjs mirror, undo and redo with Y.UndoManager, 100 and 10,000 nodes alternating');
    figures.push(...(await runLiveFigures({ reps: o.smoke ? 2 : Math.max(o.nodeReps, 20), warmup: !o.smoke, ...(o.smoke ? { sizes: [20, 200] as const } : {}), log })));
    log('== the live seminar over loopback (issue 16): the host against the stock @y/websocket-server, same clients, alternating');
    figures.push(...(await runLiveNetFigures(o.smoke ? { clients: 5, edits: 5, crowd: 10, crowdEdits: 10, syncSize: 100, syncReps: 1, log } : { clients: 30, edits: 40, crowd: 100, crowdEdits: 200, syncSize: 1000, syncReps: 5, log })));
  }

  const minutes = (performance.now() - started) / 60000;
  const table = markdownTable(figures);
  const worst = ratios(figures);
  const goals = figures.filter((f) => f.goal).map((f) => ({ f, met: row(f).met }));
  const report = [
    `# Argument Atlas benchmark${o.smoke ? ' (smoke run: not a measurement)' : ''}`,
    '',
    `Run ${new Date().toISOString()} with \`npm run bench${o.smoke ? ' -- --smoke' : o.only ? ` -- --only ${o.only.join(',')}` : ''}\` in ${minutes.toFixed(1)} min; ${o.reps} browser repetition${o.reps === 1 ? '' : 's'}, ${o.nodeReps} Node run${o.nodeReps === 1 ? '' : 's'} per figure.`,
    '',
    '```',
    machine(chromium, loadBefore),
    '```',
    '',
    'Cells: median (min–max) of the repetitions. Browser figures: the app page (the real renderer and store, `bench/pages/app.jsx`) and the baseline page (bare `@xyflow/react` 12 with default settings and plain card nodes, `bench/pages/baseline.jsx`), loaded alternately in the same run; ratio = app ÷ baseline (below 1: the app is faster or smaller). How each figure is taken: `bench/browser.ts` and `bench/node.ts`. Goals are goals, not tests.',
    '',
    table,
    '',
    `The figures measured at several map sizes, drawn against the size: [${resultsName(o)}.svg](${resultsName(o)}.svg).`,
    '',
    `Not measured: the baseline's auto-layout (bare React Flow has none), ELK layout of 10,000 nodes.`,
    '',
    '## Worst ratios against the baseline',
    '',
    ...worst.slice(0, 5).map(({ figure, ratio }) => `- ${ratio.toFixed(2)}× — ${figure.label}${figure.size ? ` (${figure.size.toLocaleString('en-US')} nodes)` : ''}`),
    '',
    '## Goals',
    '',
    ...goals.map(({ f, met }) => {
      const r = row(f);
      const ratio = r.ratio !== 'n/a' && r.ratio !== '' ? `, ratio ${r.ratio}` : '';
      const why = met === '**no**' ? ` — why: ${whyNotMet(f.key) ?? 'not yet explained (bench/why.ts)'}` : '';
      return `- ${met.replace(/\*/g, '') || '?'} — ${f.label}${f.size ? ` (${f.size.toLocaleString('en-US')})` : ''}: ${f.goal!.text}; measured ${r.app}${ratio}${why}`;
    }),
    '',
    '## The generated maps',
    '',
    `\`bench/generate.ts\`, seed ${DEFAULT_SEED}; the same sources at every size (a 300 KB primary source of protocols, 75 KB and 38 KB ones, and a 16 KB monograph quoting them 60 times).`,
    '',
    `| nodes | relations | ${NODE_KINDS.join(' / ')} | linked inferences | undercuts | quotes | file |`,
    '|---:|---:|---|---:|---:|---:|---:|',
    ...described,
    '',
  ].join('\n');

  log('');
  log(table);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const name = resultsName(o);
  writeFileSync(join(ROOT, `bench/results/${name}.md`), report);
  writeFileSync(join(ROOT, `bench/results/${name}.json`), JSON.stringify({ date: new Date().toISOString(), options: o, chromium, figures }, null, 1));
  writeFileSync(join(ROOT, `bench/results/${name}.svg`), await renderChart(figures, `Argument Atlas benchmark, ${new Date().toISOString().slice(0, 10)}: median and min–max of the repetitions, log scales`));
  log(`\nwritten: bench/results/${name}.md and ${name}.svg (${minutes.toFixed(1)} min)`);
  const failed = figures.filter((f) => f.error);
  if (failed.length > 0) {
    log(`${failed.length} figure(s) could not be measured: ${failed.map((f) => f.key).join(', ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(2);
  },
);
