// The layout worker (a module worker): runs ELK off the main thread. It answers each
// { requestId, graph } with the laid-out boxes, each { requestId, map } with the map's positions
// (it builds the ELK graph itself), or an error message (see layoutProtocol.ts).
import ELK from 'elkjs/lib/elk.bundled.js';
import { handleLayoutRequest } from './layoutProtocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

// The bundled ELK runs its engine through an in-process fake worker. Loading that engine (which
// happens inside this constructor) sees a worker global and installs ELK's own dispatcher as
// `self.onmessage`; ours is installed afterwards, so it replaces that one.
const elk = new ELK();

scope.onmessage = (event) => {
  void handleLayoutRequest(elk, event.data).then((answer) => {
    if (answer) scope.postMessage(answer.response, answer.transfer);
  });
};
