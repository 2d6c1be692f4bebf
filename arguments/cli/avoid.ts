// libavoid's Node build for the CLI (and the tests, bench and scripts): it reads its .wasm beside
// itself. Loaded once, then handed to the pure router (arguments/layout/routing.ts).
import { setFlagsFromString } from 'node:v8';
import type { AvoidLibrary } from '../layout/routing';
import { MAX_ROUTED_RELATIONS, setFigureRouting } from '../export/routes';
import { BEFORE_FLAGS_CHANGE } from './launch';
import { routerThreadCount, startRouterThreads, type RouterThreads } from './routerPool';

let loading: Promise<AvoidLibrary> | null = null;

/**
 * Up to this many arrows, libavoid runs as V8's baseline (Liftoff) code only: optimising its hot
 * functions costs ~0.4 s of CPU in compiler threads, which a figure of a few hundred arrows
 * never wins back (bench/peer.ts maps, CPU time: 40 relations 1.0 → 0.6 s, 300: 2.1 → 1.8 s,
 * 600: even; at 1,000 the optimised code is faster).
 */
export const BASELINE_WASM_ARROWS = 400;

/** Loads libavoid; `arrows`, when known before the first load, is how many arrows the process will route. */
export function loadAvoid(arrows?: number): Promise<AvoidLibrary> {
  loading ??= (async () => {
    // Read by V8 when the module is compiled, so it must be set before the first load.
    if (arrows !== undefined && arrows <= BASELINE_WASM_ARROWS) {
      // The launcher's code cache is written now: V8 refuses a cache made under other flags.
      ((globalThis as Record<symbol, unknown>)[BEFORE_FLAGS_CHANGE] as (() => void) | undefined)?.();
      setFlagsFromString('--liftoff-only');
    }
    const { AvoidLib } = (await import('libavoid-js')) as unknown as { AvoidLib: { load(path?: string): Promise<void>; getInstance(): AvoidLibrary } };
    await AvoidLib.load();
    return AvoidLib.getInstance();
  })();
  return loading;
}

/**
 * From this many arrows on, figures share their routers among threads (routerPool.ts), when the
 * machine has another core: starting a thread and its libavoid costs ~0.1 s of CPU, which a
 * figure of a few hundred arrows does not win back. Above BASELINE_WASM_ARROWS, so every
 * thread runs libavoid under the same V8 flags.
 */
export const THREADED_ARROWS = 600;

let threads: RouterThreads | null = null;

/**
 * Loads libavoid and registers it for figures; a library that will not load is said in the
 * figure's notes, not hidden. `arrows`: see loadAvoid; `largest`: the most arrows one figure of
 * this process will route, when known (routing threads are started for THREADED_ARROWS or more).
 */
export async function startFigureRouting(arrows?: number, largest = arrows): Promise<void> {
  try {
    // Started first, so the threads load their libavoid while this one loads its own and lays out the figure.
    // Not past MAX_ROUTED_RELATIONS: such a figure is drawn with straight lines, no router at all.
    if (largest !== undefined && largest >= THREADED_ARROWS && largest <= MAX_ROUTED_RELATIONS && !threads && routerThreadCount() > 0) threads = startRouterThreads();
    const avoid = await loadAvoid(arrows);
    setFigureRouting(avoid, undefined, threads?.solver(avoid));
  } catch (err) {
    setFigureRouting(null, `libavoid did not load (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** Stops the routing threads, if any, and routes in this thread from then on (the bench's runs of another command's kind). */
export async function stopFigureRoutingThreads(): Promise<void> {
  const running = threads;
  if (!running) return;
  threads = null;
  setFigureRouting(await loadAvoid());
  await running.close();
}
