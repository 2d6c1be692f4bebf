// Auto-layout in the app against the same ELK layout in Node, in one run, warm against warm and
// cold against cold (alternating app and Node in each repetition):
//   warm  the app's second layout of the map in one page (the first was undone, so the second
//         moves every node again), its worker kept from the first; ÷ ELK in this process, which
//         has laid the same graph out before (as bench/node.ts warms up). The goal's row.
//   cold  the app's first layout on a freshly opened page, as an analyst gets it: the app warms
//         its worker while idle after the map opens (renderer/layout/warmUp.ts, a 150-node
//         sample), then "Auto-layout" is clicked; ÷ the first layout in a fresh Node process
//         (ELK's engine loaded before the clock starts, nothing laid out before).
// The app's time is click → positions applied (the button's text back from "Laying out…",
// bench/pages/probe.js); ELK's own time inside the worker is read from the mark the app makes when
// the answer arrives (renderer/layout/autoLayout.ts LAYOUT_MARK). The longest main-thread task is
// recorded from the click until the page has been quiet for a second (fit and redraws included).
//
//   npx tsx bench/layout.ts [--size 3000] [--reps 3] [--build] [--compare DIR]
// alone: --build builds the pages and the map into BENCH_DIR (default dist/bench) first;
// --compare DIR also measures the app page built in DIR (e.g. main's) in the same run, alternating.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { loadMap } from '../arguments/format/load';
import { buildLayoutGraph } from '../arguments/layout/layered';
import { ratioAtMost, worstAtMost, type Figure } from './results';

export interface LayoutPlan {
  baseUrl: string;
  /** The generated map's file (the page fetches maps/<size>.argmap.json from baseUrl). */
  file: string;
  size: number;
  reps: number;
  log: (line: string) => void;
}

const MARK = 'argument-atlas:auto-layout-answer';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface AppSample {
  ms: number;
  elkMs: number;
  longestTask: number;
}

/** One fresh page: its first layout (cold), then, after undoing it, its second (warm). */
export async function appLayouts(browser: Browser, baseUrl: string, size: number): Promise<{ cold: AppSample; warm: AppSample }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}app.html?map=${size}`);
    await page.waitForFunction(() => (globalThis as unknown as { __bench?: { ready: boolean } }).__bench?.ready === true, null, { timeout: 300_000, polling: 100 });
    const bench = <T>(fn: string, ...args: unknown[]) =>
      page.evaluate(([f, a]) => (globalThis as unknown as { __bench: Record<string, (...x: unknown[]) => unknown> }).__bench[f as string]!(...(a as unknown[])), [fn, args] as const) as Promise<T>;
    const layout = async (): Promise<AppSample> => {
      await bench('armLayout');
      await page.getByRole('button', { name: 'Auto-layout' }).click();
      const until = Date.now() + 300_000;
      while (!(await bench<boolean>('layoutDone'))) {
        if (Date.now() > until) throw new Error('auto-layout did not finish within 5 minutes');
        await page.waitForTimeout(50);
      }
      await bench('settle', 1000);
      const r = await bench<{ ms: number; longestTask: number }>('layoutResult');
      const elkMs = await page.evaluate((name) => {
        const marks = performance.getEntriesByName(name);
        return (marks[marks.length - 1] as { detail?: { elkMs?: number } } | undefined)?.detail?.elkMs ?? NaN;
      }, MARK);
      return { ms: r.ms, elkMs, longestTask: r.longestTask };
    };
    // As long as an analyst takes to find the button: the page is idle meanwhile.
    await bench('settle', 3000);
    const cold = await layout();
    await page.getByRole('button', { name: 'Undo Move nodes' }).click();
    await bench('settle', 2000);
    const warm = await layout();
    return { cold, warm };
  } finally {
    await context.close();
  }
}

/** ELK's first layout of `graph` in a fresh Node process (its engine loaded before the clock starts). */
function coldNodeLayout(graphFile: string): number {
  const code = `import ELK from 'elkjs/lib/elk.bundled.js';
import { readFileSync } from 'node:fs';
const graph = JSON.parse(readFileSync(${JSON.stringify(graphFile)}, 'utf8'));
const elk = new ELK();
const t = performance.now();
await elk.layout(graph);
console.log(performance.now() - t);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`ELK in a fresh Node process failed: ${r.stderr}`);
  return Number(r.stdout.trim());
}

export async function runLayoutFigures(browser: Browser, plan: LayoutPlan, compare?: { label: string; baseUrl: string }): Promise<Figure[]> {
  const r = loadMap(readFileSync(plan.file));
  if (!r.ok) throw new Error(`${plan.file}: ${r.errors.map((e) => e.message).join('; ')}`);
  const map = r.map;
  const graph: ElkNode = buildLayoutGraph(map, {});
  const dir = join(tmpdir(), `aa-bench-layout-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const graphFile = join(dir, `${plan.size}.elk.json`);
  writeFileSync(graphFile, JSON.stringify(graph));
  const elk = new ELK();
  const warmNode = async () => {
    const t = performance.now();
    await elk.layout(buildLayoutGraph(map, {}));
    return performance.now() - t;
  };
  await warmNode(); // warm-up, as bench/node.ts
  const app: { cold: AppSample; warm: AppSample }[] = [];
  const other: { cold: AppSample; warm: AppSample }[] = [];
  const nodeWarm: number[] = [];
  const nodeCold: number[] = [];
  const fmt = (a: AppSample) => `${a.ms.toFixed(0)} ms (ELK ${a.elkMs.toFixed(0)}, longest task ${a.longestTask.toFixed(0)})`;
  for (let i = 0; i < plan.reps; i++) {
    const inApp = async () => {
      const a = await appLayouts(browser, plan.baseUrl, plan.size);
      app.push(a);
      plan.log(`  auto-layout ${plan.size}: app cold ${fmt(a.cold)}, warm ${fmt(a.warm)}`);
      if (compare) {
        const b = await appLayouts(browser, compare.baseUrl, plan.size);
        other.push(b);
        plan.log(`  auto-layout ${plan.size}: ${compare.label} cold ${fmt(b.cold)}, warm ${fmt(b.warm)}`);
      }
    };
    const inNode = async () => {
      nodeWarm.push(await warmNode());
      nodeCold.push(coldNodeLayout(graphFile));
      plan.log(`  auto-layout ${plan.size}: Node warm ${nodeWarm[nodeWarm.length - 1]!.toFixed(0)} ms, cold (fresh process) ${nodeCold[nodeCold.length - 1]!.toFixed(0)} ms`);
    };
    if (i % 2 === 0) (await inApp(), await inNode());
    else (await inNode(), await inApp());
  }
  const longest = (xs: { cold: AppSample; warm: AppSample }[]) => xs.flatMap((a) => [a.cold.longestTask, a.warm.longestTask]);
  const figures: Figure[] = [
    {
      key: 'browser.layout.ratio',
      label: 'Auto-layout, warm ÷ warm: the app’s second layout in a page (click → positions applied; its worker kept) ÷ the same ELK layout in a Node process that has laid it out before, alternating',
      size: plan.size,
      unit: 'ms',
      app: app.map((a) => a.warm.ms),
      baseline: nodeWarm,
      goal: ratioAtMost(1.1, '≤ 1.1×'),
    },
    {
      key: 'browser.layout.cold',
      label: 'Auto-layout, cold ÷ cold: the app’s first layout on a fresh page (its worker warmed on a 150-node sample while idle) ÷ the first layout in a fresh Node process',
      size: plan.size,
      unit: 'ms',
      app: app.map((a) => a.cold.ms),
      baseline: nodeCold,
      goal: ratioAtMost(1.1, '≤ 1.1×'),
    },
    {
      key: 'browser.layout.elk',
      label: 'Auto-layout: ELK’s own time in the app’s worker, second layout ÷ in Node (warm)',
      size: plan.size,
      unit: 'ms',
      app: app.map((a) => a.warm.elkMs),
      baseline: nodeWarm,
    },
    {
      key: 'browser.layout.elk.cold',
      label: 'Auto-layout: ELK’s own time in the app’s worker, first layout ÷ in a fresh Node process',
      size: plan.size,
      unit: 'ms',
      app: app.map((a) => a.cold.elkMs),
      baseline: nodeCold,
    },
    {
      key: 'browser.layout.task',
      label: 'Auto-layout: longest main-thread task, click → a second of quiet (first and second layouts)',
      size: plan.size,
      unit: 'ms',
      app: longest(app),
      baseline: compare ? longest(other) : null,
      goal: worstAtMost(50, 'no task > 50 ms'),
      ...(compare ? { note: `baseline column: ${compare.label}` } : {}),
    },
  ];
  if (compare)
    figures.push(
      { key: 'browser.layout.compare.warm', label: `Auto-layout, warm: this build ÷ ${compare.label}`, size: plan.size, unit: 'ms', app: app.map((a) => a.warm.ms), baseline: other.map((a) => a.warm.ms) },
      { key: 'browser.layout.compare.cold', label: `Auto-layout, cold: this build ÷ ${compare.label}`, size: plan.size, unit: 'ms', app: app.map((a) => a.cold.ms), baseline: other.map((a) => a.cold.ms) },
    );
  return figures;
}

// Alone: npx tsx bench/layout.ts
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { launchBrowser } = await import('./browser');
  const { serveStatic } = await import('./serve');
  const { markdownTable } = await import('./results');
  const arg = (name: string, fallback: number) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? Number(process.argv[at + 1]) : fallback;
  };
  const size = arg('--size', 3000);
  const root = join(ROOT, process.env.BENCH_DIR ?? 'dist/bench');
  if (process.argv.includes('--build')) {
    const { build } = await import('vite');
    const { generateMap } = await import('./generate');
    const { serializeMap } = await import('../arguments/format/serialize');
    await build({ configFile: join(ROOT, 'bench/vite.config.ts'), logLevel: 'warn', build: { outDir: root } });
    mkdirSync(join(root, 'maps'), { recursive: true });
    writeFileSync(join(root, 'maps', `${size}.argmap.json`), serializeMap(generateMap(size)));
  }
  const compareAt = process.argv.indexOf('--compare');
  const compareDir = compareAt > 0 ? process.argv[compareAt + 1]! : null;
  const server = await serveStatic(root);
  const other = compareDir ? await serveStatic(join(ROOT, compareDir)) : null;
  const browser = await launchBrowser();
  try {
    const figures = await runLayoutFigures(
      browser,
      { baseUrl: server.url, file: join(root, 'maps', `${size}.argmap.json`), size, reps: arg('--reps', 3), log: console.log },
      other && compareDir ? { label: compareDir, baseUrl: other.url } : undefined,
    );
    console.log(markdownTable(figures));
  } finally {
    await browser.close();
    await server.close();
    await other?.close();
  }
}
