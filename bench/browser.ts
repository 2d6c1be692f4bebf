// Browser figures: the app page and the bare React Flow baseline page, measured in the same run
// in Debian Chromium (tests/browser.ts finds it; never downloaded), 1440 x 900, headless.
// Each repetition loads each page once per map size, in a fresh browser context, app first on
// even repetitions and baseline first on odd ones; the interactions of a size run on the page
// that was just loaded (after it has settled), so every sample of a figure comes from its own
// page load.
//
// How each figure is taken (all times measured inside the page with performance.now(), where
// the navigation is time 0, except the main-thread time, which Chromium reports over CDP):
//   first render   navigation -> the first frame where every node in the DOM is measured (and,
//                  for the app, its opening view is set): window.__bench.readyAt
//   drag           real mouse events (page.mouse: Input.dispatchMouseEvent) on the first thesis:
//                  press, 60 moves along a loop, release. "cost" = the renderer main thread's
//                  busy time (CDP Performance.getMetrics TaskDuration) over the moves / moves;
//                  "wall" = the moves' elapsed time / moves (each move waits for the page to take
//                  it); "worst frame gap" = the longest gap between requestAnimationFrame callbacks
//   typing         double-click the thesis (app: its inline editor; baseline: a textarea that
//                  updates the node with updateNodeData), 20 keys; each: the key event's time stamp
//                  -> a task queued by the first animation frame after its input event (the frame
//                  that shows it has been painted by then); the sample is a load's median key
//   zoom, pan      wheel events over the canvas (6 in, 12 out, 6 in) / dragging the empty pane
//                  (40 moves): worst frame gap, and main-thread ms per event as for the drag
//   auto-layout    (app only) click "Auto-layout"; time until the button's text is back from
//                  "Laying out…" (positions applied); longest task (PerformanceObserver longtask,
//                  which sees tasks over 50 ms; 0 = none) and worst frame gap from the click until
//                  the page has been quiet for a second (the re-render and the fit included)
//   layer toggle   a voice's layer (LAYER_VOICE) set shown -> dimmed -> hidden -> shown, three
//                  times, through its select (app: the Voices panel; baseline: a select that sets
//                  the voice's nodes `hidden` or dimmed by style with setNodes); per toggle, the
//                  main-thread time (TaskDuration) from the change until the page is quiet again
//   JS heap        performance.memory.usedJSHeapSize after gc() (Chromium runs with
//                  --js-flags=--expose-gc --enable-precise-memory-info), once the map is shown
//
// Bounded time: each interaction stops taking events after INTERACTION_CAP_MS (a page that takes
// seconds per frame, as bare React Flow does at 10,000 nodes, would otherwise hold the run for many
// minutes); its per-event figures are then over the events it took, at least MIN_EVENTS, and the
// figure's note says which sample was capped and after how many events. The layer toggle's select
// is found before its time is taken, so Playwright's role query over the page is not counted.
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser, NO_BROWSER_MESSAGE } from '../tests/browser';
import { FIRST_THESIS } from './generate';
import { atMost, ratioAtMost, worstAtMost, type Figure, type Goal } from './results';

export type PageKind = 'app' | 'baseline';
const KINDS: PageKind[] = ['app', 'baseline'];

export interface BrowserPlan {
  baseUrl: string;
  reps: number;
  /** First render at each of these sizes. */
  firstRenderSizes: number[];
  /** Drag, zoom, pan and the layer toggle at each of these sizes. */
  dragSizes: number[];
  typingSizes: number[];
  /** null: not measured. */
  layoutSize: number | null;
  heapSize: number | null;
  /** Which of drag, zoom, the layer toggle and pan run at the drag sizes (all when not given): a quicker look at one. */
  interactions?: readonly Interaction[];
  log: (line: string) => void;
}

export type Interaction = 'drag' | 'zoom' | 'layers' | 'pan';

const VIEWPORT = { width: 1440, height: 900 };
const LOAD_TIMEOUT_MS = 300_000;
const DRAG_MOVES = 60;
const PAN_MOVES = 40;
const TYPED = 'in the light of it';
/** The voice whose layer is toggled: the generator's most frequent one (about a third of the nodes). */
const LAYER_VOICE = 'analyst';
const LAYER_STEPS = ['dimmed', 'hidden', 'shown', 'dimmed', 'hidden', 'shown', 'dimmed', 'hidden', 'shown'] as const;
/** Time one interaction may take on one page before it stops taking events (see the top). */
export const INTERACTION_CAP_MS = 20_000;
/** Events an interaction takes whatever its time: a capped sample still has this many. */
const MIN_EVENTS = 3;

/** How many of an interaction's events were taken; `capped` when its time ran out first. */
interface Taken {
  done: number;
  of: number;
  capped: boolean;
}

/** Runs `event(i)` for i = 1..count, stopping after INTERACTION_CAP_MS (but not before `min` events). */
async function takeEvents(count: number, event: (i: number) => Promise<void>, min = MIN_EVENTS): Promise<Taken> {
  const until = performance.now() + INTERACTION_CAP_MS;
  let done = 0;
  for (let i = 1; i <= count; i++) {
    if (done >= min && performance.now() > until) return { done, of: count, capped: true };
    await event(i);
    done++;
  }
  return { done, of: count, capped: false };
}

export function chromiumVersion(browser: Browser): string {
  return browser.version();
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'] });
}

// ----- one page ------------------------------------------------------------------------

interface Loaded {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  readyAt: number;
}

type Bench = {
  ready: boolean;
  readyAt: number | null;
  errors: string[];
  startFrames(): void;
  stopFrames(): { frames: number; maxGap: number; meanGap: number; over17: number; over33: number };
  startLongTasks(): void;
  stopLongTasks(): { count: number; max: number; total: number };
  startTyping(): void;
  stopTyping(): number[];
  nodeRect(id: string): { x: number; y: number; width: number; height: number } | null;
  canvasRect(): { x: number; y: number; width: number; height: number } | null;
  panePoint(): { x: number; y: number } | null;
  renderedNodes(): number;
  settle(quietMs?: number, maxMs?: number): Promise<number>;
  heap(): Promise<{ used: number | null; gc: boolean }>;
  activeTag(): string | null;
  blur(): void;
  armLayout(): void;
  layoutDone(): boolean;
  layoutResult(): { ms: number; longestTask: number; maxGap: number };
};
type Method = { [K in keyof Bench]: Bench[K] extends (...args: never[]) => unknown ? K : never }[keyof Bench];

/** Calls a method of the page's `window.__bench` (bench/pages/probe.js). */
function call<K extends Method>(page: Page, method: K, ...args: Parameters<Bench[K]>): Promise<Awaited<ReturnType<Bench[K]>>> {
  return page.evaluate(
    ([m, a]) => {
      const b = (globalThis as unknown as { __bench: Record<string, (...xs: unknown[]) => unknown> }).__bench;
      return b[m]!(...a);
    },
    [method, args] as [string, unknown[]],
  ) as Promise<Awaited<ReturnType<Bench[K]>>>;
}

async function load(browser: Browser, baseUrl: string, kind: PageKind, size: number): Promise<Loaded> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${baseUrl}${kind}.html?map=${size}`);
    await page.waitForFunction(() => {
      const b = (globalThis as unknown as { __bench?: { ready: boolean; errors: string[] } }).__bench;
      return b !== undefined && (b.ready || b.errors.length > 0);
    }, null, { timeout: LOAD_TIMEOUT_MS, polling: 50 });
    const { readyAt, pageErrors } = await page.evaluate(() => {
      const b = (globalThis as unknown as { __bench: { readyAt: number | null; errors: string[] } }).__bench;
      return { readyAt: b.readyAt, pageErrors: b.errors };
    });
    errors.push(...pageErrors);
    if (errors.length > 0 || readyAt === null) throw new Error(`${kind} page, ${size} nodes: ${errors.join('; ') || 'not ready'}`);
    return { context, page, cdp, readyAt };
  } catch (err) {
    await context.close();
    throw err;
  }
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
}

async function settle(page: Page, quietMs = 500): Promise<void> {
  await call(page, 'settle', quietMs);
}

interface InputResult {
  cost: number;
  wall: number;
  maxGap: number;
  taken: Taken;
}

/** Runs `count` real input events (`event(i)`, capped), recording frames and main-thread time; returns per-event figures. */
async function recordInput(l: Loaded, count: number, event: (i: number) => Promise<void>): Promise<InputResult> {
  await call(l.page, 'startFrames');
  const busy0 = await taskSeconds(l.cdp);
  const t0 = performance.now();
  const taken = await takeEvents(count, event);
  const wall = performance.now() - t0;
  const busy1 = await taskSeconds(l.cdp);
  const frames = await call(l.page, 'stopFrames');
  return { cost: ((busy1 - busy0) * 1000) / taken.done, wall: wall / taken.done, maxGap: frames.maxGap, taken };
}

async function drag(l: Loaded): Promise<InputResult> {
  const { page } = l;
  await settle(page);
  const rect = await call(page, 'nodeRect', FIRST_THESIS);
  if (!rect) throw new Error(`node ${FIRST_THESIS} is not on the canvas`);
  const x0 = rect.x + rect.width * 0.3;
  const y0 = rect.y + rect.height * 0.5;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  // Past React Flow's drag threshold: the drag has started before the measured moves.
  await page.mouse.move(x0 + 3, y0 + 3);
  await settle(page, 200);
  const result = await recordInput(l, DRAG_MOVES, async (i) => {
    const a = (2 * Math.PI * i) / DRAG_MOVES;
    await page.mouse.move(x0 + 3 + 160 * Math.sin(a), y0 + 3 + 70 * (1 - Math.cos(a)));
  });
  await page.mouse.up();
  return result;
}

async function zoom(l: Loaded): Promise<InputResult> {
  const { page } = l;
  await settle(page);
  const canvas = await call(page, 'canvasRect');
  if (!canvas) throw new Error('no canvas');
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 3);
  const steps = [...Array<number>(6).fill(-100), ...Array<number>(12).fill(100), ...Array<number>(6).fill(-100)];
  return recordInput(l, steps.length, (i) => page.mouse.wheel(0, steps[i - 1]!));
}

async function pan(l: Loaded): Promise<InputResult> {
  const { page } = l;
  await settle(page);
  const p = await call(page, 'panePoint');
  if (!p) throw new Error('no empty point on the canvas to drag the pane from');
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.mouse.move(p.x - 3, p.y - 2);
  const r = await recordInput(l, PAN_MOVES, (i) => page.mouse.move(p.x - 3 - 12 * i, p.y - 2 - 6 * i));
  await page.mouse.up();
  return r;
}

async function typing(l: Loaded, kind: PageKind): Promise<{ latencies: number[]; taken: Taken }> {
  const { page } = l;
  await settle(page);
  const rect = await call(page, 'nodeRect', FIRST_THESIS);
  if (!rect) throw new Error(`node ${FIRST_THESIS} is not on the canvas`);
  // The app's node text sits under the head line; double-click on it to edit.
  await page.mouse.dblclick(rect.x + rect.width * 0.4, rect.y + rect.height * 0.55);
  const until = performance.now() + 10_000;
  while ((await call(page, 'activeTag')) !== 'TEXTAREA') {
    if (performance.now() > until) throw new Error(`${kind}: double-clicking the node did not open a text editor`);
    await page.waitForTimeout(20);
  }
  await page.keyboard.press('End');
  await settle(page, 300);
  await call(page, 'startTyping');
  const taken = await takeEvents(TYPED.length, async (i) => {
    const ch = TYPED[i - 1]!;
    await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    // Let the frame that shows the key be painted and measured before the next key.
    await page.waitForTimeout(60);
  });
  await page.waitForTimeout(100);
  const latencies = await call(page, 'stopTyping');
  await call(page, 'blur');
  if (latencies.length < taken.done / 2) throw new Error(`${kind}: only ${latencies.length} of ${taken.done} keys were seen to change the text`);
  return { latencies, taken };
}

async function autoLayout(l: Loaded): Promise<{ ms: number; longestTask: number; maxGap: number }> {
  const { page } = l;
  await settle(page);
  await call(page, 'armLayout');
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  const until = performance.now() + 180_000;
  while (!(await call(page, 'layoutDone'))) {
    if (performance.now() > until) throw new Error('auto-layout did not finish within 3 minutes');
    await page.waitForTimeout(50);
  }
  // The new positions are drawn and the view fits the map after the button is back: wait for quiet.
  await settle(page, 1000);
  return call(page, 'layoutResult');
}

async function toggleLayer(l: Loaded, kind: PageKind): Promise<{ costs: number[]; taken: Taken }> {
  const { page } = l;
  await settle(page);
  if (kind === 'app') await page.getByRole('button', { name: 'Voices', exact: true }).click();
  const found = page.getByRole('combobox', { name: `${LAYER_VOICE} on the map` });
  await found.waitFor({ timeout: 10_000 });
  // The element itself: a locator would run its role query over the whole page inside each toggle's time.
  const select = await found.elementHandle();
  if (!select) throw new Error(`${kind}: the ${LAYER_VOICE} layer's select is gone`);
  await settle(page, 300);
  const costs: number[] = [];
  // A capped run still ends shown (the steps run in threes: dimmed, hidden, shown).
  const taken = await takeEvents(LAYER_STEPS.length / 3, async (i) => {
    for (const how of LAYER_STEPS.slice((i - 1) * 3, i * 3)) {
      const busy0 = await taskSeconds(l.cdp);
      await select.selectOption(how);
      await settle(page, 200);
      costs.push((await taskSeconds(l.cdp)) - busy0);
    }
  }, 1);
  // Back to shown: the map must be on the canvas again.
  if ((await call(page, 'renderedNodes')) === 0) throw new Error(`${kind}: no node is on the canvas after the toggles`);
  return { costs: costs.map((s) => s * 1000), taken: { done: costs.length, of: LAYER_STEPS.length, capped: taken.capped } };
}

async function heapMB(l: Loaded): Promise<number> {
  await settle(l.page, 1000);
  const h = await call(l.page, 'heap');
  if (h.used === null) throw new Error('performance.memory is not available');
  if (!h.gc) throw new Error('gc() is not exposed (--js-flags=--expose-gc)');
  return h.used / 1024 / 1024;
}

/** The app's worst sample is no worse than the baseline's worst. */
const worstNoWorse = (text: string): Goal => ({ text, met: (a, b) => (b ? a.max <= b.max : null) });

// ----- the plan --------------------------------------------------------------------------

type Samples = Record<PageKind, number[]>;
const empty = (): Samples => ({ app: [], baseline: [] });

/** Samples of one figure at each map size. */
class BySize {
  private readonly at = new Map<number, Samples>();
  of(size: number): Samples {
    let s = this.at.get(size);
    if (!s) this.at.set(size, (s = empty()));
    return s;
  }
}

export async function runBrowserFigures(browser: Browser, plan: BrowserPlan): Promise<Figure[]> {
  const first = new Map<number, Samples>();
  const heap = empty();
  const dragCost = new BySize();
  const dragWall = new BySize();
  const dragGap = new BySize();
  const zoomGap = new BySize();
  const zoomCost = new BySize();
  const panGap = new BySize();
  const panCost = new BySize();
  const typeLatency = new BySize();
  const typeWorst = new BySize();
  const layerCost = new BySize();
  const layoutMs: number[] = [];
  const layoutTask: number[] = [];
  const layoutGap: number[] = [];
  const errors = new Map<string, string>();
  /** Capped samples, by figure key prefix (drag:1000 …): printed in the figures' notes. */
  const capped = new Map<string, string[]>();
  const noteCap = (key: string, kind: PageKind, t: Taken, parts: string[]) => {
    if (!t.capped) return;
    const text = `${kind} stopped after ${t.done} of ${t.of} events (${INTERACTION_CAP_MS / 1000} s cap)`;
    capped.set(key, [...(capped.get(key) ?? []), text]);
    parts.push(`CAPPED: ${text}`);
  };

  const sizes = [...new Set([...plan.firstRenderSizes, ...plan.dragSizes, ...plan.typingSizes, ...(plan.layoutSize === null ? [] : [plan.layoutSize]), ...(plan.heapSize === null ? [] : [plan.heapSize])])].sort((a, b) => a - b);
  for (const size of sizes) if (plan.firstRenderSizes.includes(size)) first.set(size, empty());

  const wanted = (i: Interaction) => !plan.interactions || plan.interactions.includes(i);
  const attempt = async (key: string, what: string, fn: () => Promise<void>) => {
    const t0 = performance.now();
    try {
      await fn();
      // Where a long run's time goes, as it goes (the page's line comes when the page is done).
      const s = (performance.now() - t0) / 1000;
      if (s > 30) plan.log(`  … ${what} took ${s.toFixed(0)} s`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      plan.log(`  ! ${what}: ${message.split('\n')[0]}`);
      if (!errors.has(key)) errors.set(key, message);
    }
  };

  for (let rep = 0; rep < plan.reps; rep++) {
    const order = rep % 2 === 0 ? KINDS : [...KINDS].reverse();
    for (const size of sizes) {
      for (const kind of order) {
        let l: Loaded | null = null;
        await attempt(`first:${size}`, `${kind} ${size} load`, async () => {
          l = await load(browser, plan.baseUrl, kind, size);
          first.get(size)?.[kind].push(l.readyAt);
        });
        const page = l as Loaded | null;
        if (!page) continue;
        const parts: string[] = [`first render ${page.readyAt.toFixed(0)} ms`];
        try {
          if (size === plan.heapSize)
            await attempt('heap', `${kind} heap`, async () => {
              const mb = await heapMB(page);
              heap[kind].push(mb);
              parts.push(`heap ${mb.toFixed(0)} MB`);
            });
          if (plan.typingSizes.includes(size))
            await attempt(`typing:${size}`, `${kind} typing`, async () => {
              const t = await typing(page, kind);
              noteCap(`typing:${size}`, kind, t.taken, parts);
              const ls = t.latencies.sort((a, b) => a - b);
              typeLatency.of(size)[kind].push(ls[ls.length >> 1]!);
              typeWorst.of(size)[kind].push(ls[ls.length - 1]!);
              parts.push(`typing ${ls[ls.length >> 1]!.toFixed(1)} ms/key (worst ${ls[ls.length - 1]!.toFixed(1)})`);
            });
          if (plan.dragSizes.includes(size)) {
            if (wanted('drag')) await attempt(`drag:${size}`, `${kind} drag`, async () => {
              const d = await drag(page);
              noteCap(`drag:${size}`, kind, d.taken, parts);
              dragCost.of(size)[kind].push(d.cost);
              dragWall.of(size)[kind].push(d.wall);
              dragGap.of(size)[kind].push(d.maxGap);
              parts.push(`drag ${d.cost.toFixed(1)} ms/event (wall ${d.wall.toFixed(1)}), gap ${d.maxGap.toFixed(0)}`);
            });
            if (wanted('zoom')) await attempt(`zoom:${size}`, `${kind} zoom`, async () => {
              const z = await zoom(page);
              noteCap(`zoom:${size}`, kind, z.taken, parts);
              zoomGap.of(size)[kind].push(z.maxGap);
              zoomCost.of(size)[kind].push(z.cost);
              parts.push(`zoom gap ${z.maxGap.toFixed(0)}`);
            });
            if (wanted('layers')) await attempt(`layers:${size}`, `${kind} layer toggle`, async () => {
              const t = await toggleLayer(page, kind);
              noteCap(`layers:${size}`, kind, t.taken, parts);
              const cs = t.costs.sort((a, b) => a - b);
              const of = cs.length === LAYER_STEPS.length ? '' : ` of ${cs.length}`;
              layerCost.of(size)[kind].push(cs[cs.length >> 1]!);
              parts.push(`layer toggle ${cs[cs.length >> 1]!.toFixed(1)} ms${of} (worst ${cs[cs.length - 1]!.toFixed(1)})`);
            });
            if (wanted('pan')) await attempt(`pan:${size}`, `${kind} pan`, async () => {
              const p = await pan(page);
              noteCap(`pan:${size}`, kind, p.taken, parts);
              panGap.of(size)[kind].push(p.maxGap);
              panCost.of(size)[kind].push(p.cost);
              parts.push(`pan gap ${p.maxGap.toFixed(0)}`);
            });
          }
          if (size === plan.layoutSize && kind === 'app')
            await attempt('layout', `${kind} auto-layout`, async () => {
              const a = await autoLayout(page);
              layoutMs.push(a.ms);
              layoutTask.push(a.longestTask);
              layoutGap.push(a.maxGap);
              parts.push(`auto-layout ${a.ms.toFixed(0)} ms, longest task ${a.longestTask.toFixed(0)}, gap ${a.maxGap.toFixed(0)}`);
            });
        } finally {
          await page.context.close();
        }
        plan.log(`  rep ${rep + 1}/${plan.reps} ${kind.padEnd(8)} ${String(size).padStart(6)}: ${parts.join(', ')}`);
      }
    }
  }

  const figures: Figure[] = [];
  const push = (f: Omit<Figure, 'app' | 'baseline'>, s: Samples | number[], errorKey: string) => {
    const pair = Array.isArray(s) ? { app: s, baseline: null } : { app: s.app, baseline: s.baseline };
    const error = errors.get(errorKey);
    const cap = capped.get(errorKey);
    figures.push({ ...f, ...pair, ...(error && pair.app.length === 0 ? { error } : {}), ...(cap ? { note: `(capped: ${cap.join("; ")})` } : {}) });
  };
  // Goals of issue 14, as ratios to bare React Flow in the same run.
  const FIRST_RENDER_GOAL: Record<number, number> = { 100: 1.0, 1000: 0.5, 10000: 0.3 };
  for (const [size, s] of first) {
    const factor = Object.hasOwn(FIRST_RENDER_GOAL, size) ? FIRST_RENDER_GOAL[size]! : undefined;
    push(
      {
        key: `browser.first-render.${size}`,
        label: 'First render: navigation → visible nodes measured',
        size,
        unit: 'ms',
        ...(factor !== undefined ? { goal: ratioAtMost(factor, `≤ ${factor.toFixed(1)}× baseline`) } : {}),
      },
      s,
      `first:${size}`,
    );
  }
  for (const size of plan.dragSizes) {
    push({ key: `browser.drag.cost.${size}`, label: 'Drag one node: main-thread time per mouse move', size, unit: 'ms/event', goal: ratioAtMost(0.35, '≤ 0.35× baseline') }, dragCost.of(size), `drag:${size}`);
    push({ key: `browser.drag.wall.${size}`, label: 'Drag one node: elapsed time per mouse move (as dispatched, each waits for the page)', size, unit: 'ms/event' }, dragWall.of(size), `drag:${size}`);
    push({ key: `browser.drag.gap.${size}`, label: 'Drag one node: worst frame gap', size, unit: 'ms', goal: worstNoWorse("no worse than the baseline's worst") }, dragGap.of(size), `drag:${size}`);
  }
  for (const size of plan.typingSizes) {
    push({ key: `browser.typing.median.${size}`, label: 'Typing into a node: keypress → painted frame (median key)', size, unit: 'ms/key', goal: atMost(1000 / 60, 'within one frame (≤ 16.7 ms)') }, typeLatency.of(size), `typing:${size}`);
    push({ key: `browser.typing.worst.${size}`, label: 'Typing into a node: keypress → painted frame (worst key)', size, unit: 'ms/key' }, typeWorst.of(size), `typing:${size}`);
  }
  for (const size of plan.dragSizes) {
    push({ key: `browser.zoom.gap.${size}`, label: 'Zoom (24 wheel events): worst frame gap', size, unit: 'ms' }, zoomGap.of(size), `zoom:${size}`);
    push({ key: `browser.zoom.cost.${size}`, label: 'Zoom: main-thread time per wheel event', size, unit: 'ms/event' }, zoomCost.of(size), `zoom:${size}`);
    push({ key: `browser.pan.gap.${size}`, label: 'Pan (dragging the pane, 40 moves): worst frame gap', size, unit: 'ms' }, panGap.of(size), `pan:${size}`);
    push({ key: `browser.pan.cost.${size}`, label: 'Pan: main-thread time per mouse move', size, unit: 'ms/event' }, panCost.of(size), `pan:${size}`);
    push(
      { key: `browser.layers.toggle.${size}`, label: `Toggle a voice's layer (shown/dimmed/hidden, “${LAYER_VOICE}”): main-thread time per toggle (median of 9; fewer when capped)`, size, unit: 'ms/event', goal: atMost(1000 / 60, 'within one frame (≤ 16.7 ms)') },
      layerCost.of(size),
      `layers:${size}`,
    );
  }
  if (plan.layoutSize !== null) {
  push({ key: 'browser.layout.time', label: 'Auto-layout (ELK in a worker): click → positions applied', size: plan.layoutSize, unit: 'ms', goal: atMost(2000, '≤ 2 s') }, layoutMs, 'layout');
  push({ key: 'browser.layout.longtask', label: 'Auto-layout: longest main-thread task (0 = none over 50 ms)', size: plan.layoutSize, unit: 'ms', goal: worstAtMost(50, 'no task > 50 ms') }, layoutTask, 'layout');
  push({ key: 'browser.layout.gap', label: 'Auto-layout: worst frame gap, click → quiet', size: plan.layoutSize, unit: 'ms' }, layoutGap, 'layout');
  }
  if (plan.heapSize !== null) push({ key: 'browser.heap', label: 'JS heap after loading the map (after gc)', size: plan.heapSize, unit: 'MB', goal: atMost(400, '< 400 MB') }, heap, 'heap');
  return figures;
}
