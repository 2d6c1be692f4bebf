// The ELK thread (elkThread.ts): ELK in this thread (layout/elkInThread.ts), answering each
// { id, graph } on the parent port with the laid-out graph, or ELK's message when it refused it.
import { parentPort } from 'node:worker_threads';
import { elkInThread } from '../layout/elkInThread';
import type { ElkAnswer, ElkRequest } from './elkThread';

const ready = elkInThread();

parentPort?.on('message', (r: ElkRequest) => {
  void ready
    .then((elk) => elk.layout(r.graph))
    .then(
      (graph): ElkAnswer => ({ id: r.id, graph }),
      (err: unknown): ElkAnswer => ({ id: r.id, error: err instanceof Error ? err.message : String(err) }),
    )
    .then((a) => parentPort!.postMessage(a));
});
