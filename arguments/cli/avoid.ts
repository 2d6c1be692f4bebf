// libavoid's Node build for the CLI (and the tests, bench and scripts): it reads its .wasm beside
// itself. Loaded once, then handed to the pure router (arguments/layout/routing.ts).
import type { AvoidLibrary } from '../layout/routing';
import { setFigureRouting } from '../export/routes';

let loading: Promise<AvoidLibrary> | null = null;

export function loadAvoid(): Promise<AvoidLibrary> {
  loading ??= (async () => {
    const { AvoidLib } = (await import('libavoid-js')) as unknown as { AvoidLib: { load(path?: string): Promise<void>; getInstance(): AvoidLibrary } };
    await AvoidLib.load();
    return AvoidLib.getInstance();
  })();
  return loading;
}

/** Loads libavoid and registers it for figures; a library that will not load is said in the figure's notes, not hidden. */
export async function startFigureRouting(): Promise<void> {
  try {
    setFigureRouting(await loadAvoid());
  } catch (err) {
    setFigureRouting(null, `libavoid did not load (${err instanceof Error ? err.message : String(err)})`);
  }
}
