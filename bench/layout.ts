// Auto-layout in the app against the same ELK layout in Node, in one run: each repetition loads
// the app page (bench/pages/app.html) on a fresh context, clicks "Auto-layout" and times click →
// positions applied (the button's text back from "Laying out…", bench/pages/probe.js), and, in
// alternating order, times buildLayoutGraph + ELK on the same map in this process (one ELK,
// warmed up first, as bench/node.ts does). ELK's own time inside the app's worker is read from
// the mark the app makes when the answer arrives (renderer/layout/autoLayout.ts LAYOUT_MARK), so
// the table shows how much of the app's time is ELK and how much is the page's.
//
//   npx tsx bench/layout.ts [--size 3000] [--reps 3]   alone: builds nothing; needs dist/bench (npm run bench once)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import ELK from 'elkjs/lib/elk.bundled.js';
import { loadMap } from '../arguments/format/load';
import { buildLayoutGraph } from '../arguments/layout/layered';
import { ratioAtMost, type Figure } from './results';

export interface LayoutPlan {
  baseUrl: string;
  /** The generated map's file (the page fetches maps/<size>.argmap.json from baseUrl). */
  file: string;
  size: number;
  reps: number;
  log: (line: string) => void;
}

const MARK = 'argument-atlas:auto-layout-answer';

interface AppSample {
  ms: number;
  elkMs: number;
  longestTask: number;
}

async function appLayout(browser: Browser, plan: LayoutPlan): Promise<AppSample> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${plan.baseUrl}app.html?map=${plan.size}`);
    await page.waitForFunction(() => (globalThis as unknown as { __bench?: { ready: boolean } }).__bench?.ready === true, null, { timeout: 300_000, polling: 100 });
    const bench = <T>(fn: string, ...args: unknown[]) =>
      page.evaluate(([f, a]) => (globalThis as unknown as { __bench: Record<string, (...x: unknown[]) => unknown> }).__bench[f as string]!(...(a as unknown[])), [fn, args] as const) as Promise<T>;
    await bench('settle', 1000);
    await bench('armLayout');
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    const until = Date.now() + 300_000;
    while (!(await bench<boolean>('layoutDone'))) {
      if (Date.now() > until) throw new Error('auto-layout did not finish within 5 minutes');
      await page.waitForTimeout(50);
    }
    await bench('settle', 1000);
    const r = await bench<{ ms: number; longestTask: number }>('layoutResult');
    const elkMs = await page.evaluate((name) => (performance.getEntriesByName(name)[0] as { detail?: { elkMs?: number } } | undefined)?.detail?.elkMs ?? NaN, MARK);
    return { ms: r.ms, elkMs, longestTask: r.longestTask };
  } finally {
    await context.close();
  }
}

export async function runLayoutFigures(browser: Browser, plan: LayoutPlan): Promise<Figure[]> {
  const r = loadMap(readFileSync(plan.file));
  if (!r.ok) throw new Error(`${plan.file}: ${r.errors.map((e) => e.message).join('; ')}`);
  const map = r.map;
  const elk = new ELK();
  const node = async () => {
    const t = performance.now();
    await elk.layout(buildLayoutGraph(map, {}));
    return performance.now() - t;
  };
  await node(); // warm-up, as bench/node.ts
  const app: AppSample[] = [];
  const inNode: number[] = [];
  for (let i = 0; i < plan.reps; i++) {
    if (i % 2 === 0) (app.push(await appLayout(browser, plan)), inNode.push(await node()));
    else (inNode.push(await node()), app.push(await appLayout(browser, plan)));
    const a = app[app.length - 1]!;
    plan.log(`  auto-layout ${plan.size}: app ${a.ms.toFixed(0)} ms (ELK in its worker ${a.elkMs.toFixed(0)}, longest task ${a.longestTask.toFixed(0)}), Node ${inNode[inNode.length - 1]!.toFixed(0)} ms`);
  }
  const longest = Math.max(...app.map((a) => a.longestTask));
  return [
    {
      key: 'browser.layout.ratio',
      label: 'Auto-layout in the app (click → positions applied) ÷ the same ELK layout in Node (warm), alternating',
      size: plan.size,
      unit: 'ms',
      app: app.map((a) => a.ms),
      baseline: inNode,
      goal: ratioAtMost(1.1, '≤ 1.1×'),
      note: `longest main-thread task in these loads ${longest.toFixed(0)} ms`,
    },
    {
      key: 'browser.layout.elk',
      label: 'Auto-layout: ELK’s own time in the app’s worker (a fresh worker per load) ÷ in Node (warm)',
      size: plan.size,
      unit: 'ms',
      app: app.map((a) => a.elkMs),
      baseline: inNode,
    },
  ];
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
  const root = join(fileURLToPath(new URL('..', import.meta.url)), process.env.BENCH_DIR ?? 'dist/bench');
  const server = await serveStatic(root);
  const browser = await launchBrowser();
  try {
    const figures = await runLayoutFigures(browser, { baseUrl: server.url, file: join(root, 'maps', `${size}.argmap.json`), size, reps: arg('--reps', 3), log: console.log });
    console.log(markdownTable(figures));
  } finally {
    await browser.close();
    await server.close();
  }
}
