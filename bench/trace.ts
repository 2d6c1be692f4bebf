// Where a page's first render goes: a V8 CPU profile (CDP Profiler) from navigation to the
// page's `__bench.ready`, summarised as the top self-time functions and the time per chunk.
// Not part of `npm run bench` (a profile slows the page); a tool for finding what to cut:
//
//   npx tsx bench/trace.ts [app|baseline] [size] [--no-build] [--top 30] [--drag | --toggle]
//     [--callers NAME] [--inclusive NAME,NAME]
// --drag profiles 60 moves of a node drag instead of the first render; --toggle, a voice's layer
// set dimmed, hidden and shown three times.
//
// Builds the pages unminified into dist/bench-trace (readable function names), writes the map.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { serializeMap } from '../arguments/format/serialize';
import { launchBrowser } from './browser';
import { FIRST_THESIS, generateMap } from './generate';
import { serveStatic } from './serve';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist/bench-trace');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

async function main() {
  const args = process.argv.slice(2);
  const kind = args.find((a) => a === 'app' || a === 'baseline') ?? 'app';
  const size = Number(args.find((a) => /^\d+$/.test(a)) ?? '1000');
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 30;
  if (!args.includes('--no-build')) await build({ configFile: join(ROOT, 'bench/vite.config.ts'), logLevel: 'warn', build: { outDir: OUT, minify: false } });
  mkdirSync(join(OUT, 'maps'), { recursive: true });
  writeFileSync(join(OUT, 'maps', `${size}.argmap.json`), serializeMap(generateMap(size)));
  const server = await serveStatic(OUT);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    // Same origin first, so the profiled navigation stays in this renderer process.
    await page.goto(`${server.url}maps/${size}.argmap.json`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const drag = args.includes('--drag');
    const toggle = args.includes('--toggle');
    if (!drag && !toggle) await cdp.send('Profiler.start');
    await page.goto(`${server.url}${kind}.html?map=${size}`);
    await page.waitForFunction(() => (globalThis as unknown as { __bench?: { ready: boolean } }).__bench?.ready === true, null, { timeout: 300_000, polling: 50 });
    const readyAt = await page.evaluate(() => (globalThis as unknown as { __bench: { readyAt: number } }).__bench.readyAt);
    if (drag) {
      // --drag: the profile covers 60 moves of a drag of the first thesis instead.
      await page.waitForTimeout(3000);
      const rect = await page.evaluate((id) => (globalThis as unknown as { __bench: { nodeRect(id: string): { x: number; y: number; width: number; height: number } } }).__bench.nodeRect(id), FIRST_THESIS);
      const x0 = rect.x + rect.width * 0.3;
      const y0 = rect.y + rect.height * 0.5;
      await page.mouse.move(x0, y0);
      await page.mouse.down();
      await page.mouse.move(x0 + 3, y0 + 3);
      await page.waitForTimeout(300);
      await cdp.send('Profiler.start');
      for (let i = 1; i <= 60; i++) await page.mouse.move(x0 + 3 + 160 * Math.sin((2 * Math.PI * i) / 60), y0 + 3 + 70 * (1 - Math.cos((2 * Math.PI * i) / 60)));
    }
    if (toggle) {
      // --toggle: the profile covers the analyst's layer set dimmed, hidden and shown again, three times.
      if (kind === 'app') await page.getByRole('button', { name: 'Voices', exact: true }).click();
      const select = page.getByRole('combobox', { name: 'analyst on the map' });
      await select.waitFor();
      await page.waitForTimeout(3000);
      await cdp.send('Profiler.start');
      for (let i = 0; i < 3; i++)
        for (const how of ['dimmed', 'hidden', 'shown']) {
          await select.selectOption(how);
          await page.waitForTimeout(300);
        }
    }
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    await context.close();
    report(profile, kind, size, readyAt, top);
    const callersAt = args.indexOf('--callers');
    if (callersAt >= 0) callers(profile, args[callersAt + 1] ?? '');
    const inclusiveAt = args.indexOf('--inclusive');
    if (inclusiveAt >= 0) inclusive(profile, (args[inclusiveAt + 1] ?? '').split(','));
  } finally {
    await browser.close();
    await server.close();
  }
}

function report(profile: Profile, kind: string, size: number, readyAt: number, top: number) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const fn = new Map<string, number>();
  const chunk = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    const file = n.callFrame.url.split('/').pop() || '(native)';
    const name = `${n.callFrame.functionName || '(anonymous)'}  ${file}:${n.callFrame.lineNumber + 1}`;
    fn.set(name, (fn.get(name) ?? 0) + ms);
    chunk.set(file, (chunk.get(file) ?? 0) + ms);
    total += ms;
  }
  const idle = fn.get('(idle)  (native):0') ?? 0;
  console.log(`${kind} ${size} nodes: ready at ${readyAt.toFixed(0)} ms; profile ${total.toFixed(0)} ms sampled, ${(total - idle).toFixed(0)} ms busy`);
  console.log('\nself time by function:');
  for (const [name, ms] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${name}`);
  console.log('\nself time by file:');
  for (const [name, ms] of [...chunk].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${name}`);
}

/** Total (inclusive) time of each named function, counted once per sample however deep it recurses. */
function inclusive(profile: Profile, names: string[]) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map<string, number>(names.map((n) => [n, 0]));
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)!.callFrame.functionName;
      if (total.has(name) && !seen.has(name)) {
        seen.add(name);
        total.set(name, total.get(name)! + (profile.timeDeltas[i] ?? 0) / 1000);
      }
    }
  });
  console.log('\ninclusive time:');
  for (const [name, ms] of total) console.log(`${ms.toFixed(1).padStart(9)} ms  ${name}`);
}

/** The stacks (up to 8 frames) under which `name` spends its self time, heaviest first. */
function callers(profile: Profile, name: string) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const stacks = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    if (byId.get(id)?.callFrame.functionName !== name) return;
    const frames: string[] = [];
    for (let at: number | undefined = parent.get(id); at !== undefined && frames.length < 8; at = parent.get(at)) frames.push(byId.get(at)!.callFrame.functionName || '(anonymous)');
    const key = frames.join(' < ');
    stacks.set(key, (stacks.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.log(`\nwhere ${name} runs:`);
  for (const [key, ms] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${key}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`trace: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
