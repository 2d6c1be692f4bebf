// libavoid's browser build, loaded once per page with its .wasm fetched from the app itself
// (the CSP already allows compiling WebAssembly: 'wasm-unsafe-eval', and fetching from 'self').
// Registered for figures too, so the Export dialog's renderFigure routes as the CLI does; a
// library that will not load is logged and registered with its reason (figures then say so).
import { AvoidLib } from 'libavoid-js';
// Not exported by the package ("exports" names only its entry), so reached by its path.
import wasmUrl from '../../node_modules/libavoid-js/dist/libavoid.wasm?url';
import type { AvoidLibrary } from '../../arguments/layout/routing';
import { setFigureRouting } from '../../arguments/export/routes';

let loading: Promise<AvoidLibrary | null> | null = null;

export function loadRouting(): Promise<AvoidLibrary | null> {
  loading ??= (async () => {
    try {
      const lib = AvoidLib as unknown as { load(path?: string): Promise<void>; getInstance(): AvoidLibrary };
      await lib.load(wasmUrl);
      const avoid = lib.getInstance();
      setFigureRouting(avoid);
      return avoid;
    } catch (err) {
      const reason = `libavoid did not load (${err instanceof Error ? err.message : String(err)})`;
      console.warn(`Arrows are drawn without routing around the cards: ${reason}.`);
      setFigureRouting(null, reason);
      return null;
    }
  })();
  return loading;
}
