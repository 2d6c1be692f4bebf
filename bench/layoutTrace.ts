// Where the page's time goes when an auto-layout's answer is applied: a V8 CPU profile of the
// app page from the click on "Auto-layout" until the view is quiet, cut into the busy stretches
// of the main thread (consecutive non-idle samples); the longest stretches are printed as a
// top-down tree. Not part of `npm run bench` (a profile slows the page); a tool for finding what
// to cut (bench/trace.ts does the same for the first render and drags):
//
//   npx tsx bench/layoutTrace.ts [size] [--no-build] [--again] [--depth 14] [--min 2]
//   npx tsx bench/layoutTrace.ts [size] --tasks [--no-build] [--reps 2] [DIR ...]
// --again profiles a second layout in the same page (the worker warm), after undoing the first.
// --tasks instead records a Chromium trace of a first and a second layout and prints the main
// thread's longest tasks by wall time and by the thread's CPU time (on a shared machine a task
// descheduled by the OS is long by the clock but not by its CPU time), for this build and for
// each other build DIR named (e.g. main's, built with bench/layout.ts --build), alternating.
//
// Builds the pages unminified into dist/bench-trace-layout (readable function names).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { serializeMap } from '../arguments/format/serialize';
import { launchBrowser } from './browser';
import { generateMap } from './generate';
import { serveStatic } from './serve';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist/bench-trace-layout');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

type Bench = Record<string, (...x: unknown[]) => unknown>;

async function main() {
  const args = process.argv.slice(2);
  const size = Number(args.find((a) => /^\d+$/.test(a)) ?? '3000');
  const opt = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  if (args.includes('--tasks')) return tasks(args, size);
  if (!args.includes('--no-build')) await build({ configFile: join(ROOT, 'bench/vite.config.ts'), logLevel: 'warn', build: { outDir: OUT, minify: false } });
  mkdirSync(join(OUT, 'maps'), { recursive: true });
  writeFileSync(join(OUT, 'maps', `${size}.argmap.json`), serializeMap(generateMap(size)));
  const server = await serveStatic(OUT);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}app.html?map=${size}`);
    await page.waitForFunction(() => (globalThis as unknown as { __bench?: { ready: boolean } }).__bench?.ready === true, null, { timeout: 300_000, polling: 100 });
    const bench = <T>(fn: string, ...a: unknown[]) => page.evaluate(([f, x]) => (globalThis as unknown as { __bench: Bench }).__bench[f as string]!(...(x as unknown[])), [fn, a] as const) as Promise<T>;
    const layout = async () => {
      await bench('armLayout');
      await page.getByRole('button', { name: 'Auto-layout' }).click();
      while (!(await bench<boolean>('layoutDone'))) await page.waitForTimeout(50);
      await bench('settle', 1000);
      return bench<{ ms: number; longestTask: number }>('layoutResult');
    };
    await bench('settle', 1000);
    if (args.includes('--again')) {
      console.log('first layout', await layout());
      await page.keyboard.press('Control+z');
      await bench('settle', 1500);
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    console.log('profiled layout', await layout());
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    await context.close();
    report(profile, opt('--depth', 14), opt('--min', 2));
  } finally {
    await browser.close();
    await server.close();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** The renderer main thread's tasks in a trace: wall and CPU milliseconds. */
function mainThreadTasks(events: TraceEvent[]): { wall: number; cpu: number }[] {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || !mains.has(`${e.pid}:${e.tid}`)) continue;
    const k = `${e.pid}:${e.tid}`;
    byThread.set(k, [...(byThread.get(k) ?? []), e]);
  }
  const busiest = [...byThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return busiest.map((e) => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? NaN) / 1000 }));
}

async function tasks(args: string[], size: number) {
  const dirs = ['dist/bench-trace-tasks', ...args.filter((a) => a.startsWith('dist/'))];
  const reps = args.includes('--reps') ? Number(args[args.indexOf('--reps') + 1]) : 2;
  if (!args.includes('--no-build')) await build({ configFile: join(ROOT, 'bench/vite.config.ts'), logLevel: 'warn', build: { outDir: join(ROOT, dirs[0]!) } });
  for (const d of dirs) {
    mkdirSync(join(ROOT, d, 'maps'), { recursive: true });
    writeFileSync(join(ROOT, d, 'maps', `${size}.argmap.json`), serializeMap(generateMap(size)));
  }
  const servers = await Promise.all(dirs.map((d) => serveStatic(join(ROOT, d))));
  const browser = await launchBrowser();
  try {
    for (let rep = 0; rep < reps; rep++)
      for (const [i, server] of servers.entries()) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${server.url}app.html?map=${size}`);
        await page.waitForFunction(() => (globalThis as unknown as { __bench?: { ready: boolean } }).__bench?.ready === true, null, { timeout: 300_000, polling: 100 });
        const bench = <T>(fn: string, ...a: unknown[]) => page.evaluate(([f, x]) => (globalThis as unknown as { __bench: Bench }).__bench[f as string]!(...(x as unknown[])), [fn, a] as const) as Promise<T>;
        const traced = async (label: string) => {
          await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
          await bench('armLayout');
          await page.getByRole('button', { name: 'Auto-layout' }).click();
          while (!(await bench<boolean>('layoutDone'))) await page.waitForTimeout(50);
          await bench('settle', 1000);
          const r = await bench<{ ms: number; longestTask: number }>('layoutResult');
          const buffer = await browser.stopTracing();
          const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
          const t = mainThreadTasks(events);
          const byWall = [...t].sort((a, b) => b.wall - a.wall).slice(0, 6);
          const byCpu = [...t].sort((a, b) => b.cpu - a.cpu).slice(0, 6);
          const f = (x: { wall: number; cpu: number }) => `${x.wall.toFixed(0)}/${x.cpu.toFixed(0)}`;
          console.log(
            `${dirs[i]} ${label}: ${r.ms.toFixed(0)} ms; tasks over 50 ms CPU: ${t.filter((x) => x.cpu > 50).length}; longest by wall (wall/CPU ms) ${byWall.map(f).join(', ')}; by CPU ${byCpu.map(f).join(', ')}`,
          );
        };
        await bench('settle', 3000);
        await traced('first layout');
        await page.getByRole('button', { name: 'Undo Move nodes' }).click();
        await bench('settle', 2000);
        await traced('second layout');
        await context.close();
      }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
}

function report(profile: Profile, depth: number, min: number) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (id: number) => {
    const n = byId.get(id)!;
    return `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() || ''}:${n.callFrame.lineNumber + 1}`;
  };
  const idle = (id: number) => byId.get(id)!.callFrame.functionName === '(idle)';
  // Busy stretches: runs of non-idle samples.
  const stretches: { from: number; to: number; ms: number }[] = [];
  let start = -1;
  let ms = 0;
  profile.samples.forEach((id, i) => {
    const d = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (!idle(id)) {
      if (start < 0) ((start = i), (ms = 0));
      ms += d;
    } else if (start >= 0) (stretches.push({ from: start, to: i, ms }), (start = -1));
  });
  if (start >= 0) stretches.push({ from: start, to: profile.samples.length, ms });
  const longest = [...stretches].sort((a, b) => b.ms - a.ms).slice(0, 4);
  console.log(`busy stretches over 20 ms: ${stretches.filter((s) => s.ms > 20).map((s) => s.ms.toFixed(0)).join(', ')}`);
  for (const s of longest) {
    console.log(`\n=== a busy stretch of ${s.ms.toFixed(1)} ms`);
    const total = new Map<string, number>();
    for (let i = s.from; i < s.to; i++) {
      const chain: number[] = [];
      for (let at: number | undefined = profile.samples[i]; at !== undefined; at = parent.get(at)) chain.unshift(at);
      const d = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      let key = '';
      chain.slice(1, depth + 1).forEach((id) => {
        key += (key ? '\u0000' : '') + name(id);
        total.set(key, (total.get(key) ?? 0) + d);
      });
    }
    const keys = [...total.keys()].filter((k) => total.get(k)! >= min).sort();
    for (const k of keys) {
      const parts = k.split('\u0000');
      console.log(`${total.get(k)!.toFixed(1).padStart(7)} ms ${'  '.repeat(parts.length - 1)}${parts[parts.length - 1]}`);
    }
  }
}

await main();
