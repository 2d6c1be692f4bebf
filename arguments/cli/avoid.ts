// libavoid's Node build for the CLI (and the tests, bench and scripts): it reads its .wasm beside
// itself. Loaded once, then handed to the pure router (arguments/layout/routing.ts).
import { setFlagsFromString } from 'node:v8';
import type { AvoidLibrary } from '../layout/routing';
import { setFigureRouting } from '../export/routes';
import { BEFORE_FLAGS_CHANGE } from './launch';

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

/** Loads libavoid and registers it for figures; a library that will not load is said in the figure's notes, not hidden. */
export async function startFigureRouting(arrows?: number): Promise<void> {
  try {
    setFigureRouting(await loadAvoid(arrows));
  } catch (err) {
    setFigureRouting(null, `libavoid did not load (${err instanceof Error ? err.message : String(err)})`);
  }
}
