// The routing worker (a module worker): libavoid's WASM build and one EdgeRouter, so routing the
// canvas's arrows never holds the page's thread (the first routing of 500 cards took seconds
// there). Its router keeps its routes between requests and reroutes only what moved. Messages:
// routingProtocol.ts. The .wasm is fetched from the app itself ('self' in the CSP's connect-src;
// compiling it needs 'wasm-unsafe-eval', which script-src allows).
import { AvoidLib } from 'libavoid-js';
// Not exported by the package ("exports" names only its entry), so reached by its path.
import wasmUrl from '../../node_modules/libavoid-js/dist/libavoid.wasm?url';
import { EdgeRouter, type AvoidLibrary } from '../../arguments/layout/routing';
import { handleRoutingRequest } from './routingProtocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown): void;
}
const scope = self as unknown as WorkerScope;

const ready: Promise<EdgeRouter | string> = (async () => {
  try {
    const lib = AvoidLib as unknown as { load(path?: string): Promise<void>; getInstance(): AvoidLibrary };
    await lib.load(wasmUrl);
    return new EdgeRouter(lib.getInstance());
  } catch (err) {
    return `libavoid did not load in the routing worker (${err instanceof Error ? err.message : String(err)})`;
  }
})();

scope.onmessage = (event) => {
  void ready.then((router) => {
    const response = handleRoutingRequest(router, event.data);
    if (response) scope.postMessage(response);
  });
};
