// ELK run in the calling thread, each layout answered at once. elkjs's bundled build runs its
// engine through a "fake worker" in the same thread, but hops through two `setTimeout(0)`s a
// layout (one to post the request, one to receive the answer): in Node each is at least a
// millisecond and often more, which for the small graphs of page-ready figures (a claim of a
// dozen cards lays out in ~5 ms) is a third to a half of the time: a handout of a page per claim
// of a 1,000-node map runs 287 layouts. Here the same engine (elkjs's worker build) is handed each
// request through its own dispatcher, the message protocol elk-api.js speaks, so the layout and
// its errors are elkjs's own; only the timers are gone. The caller's thread is busy for the
// layout either way (the fake worker never left it).
/// <reference path="../vendor.d.ts" />
import type { ElkNode } from 'elkjs/lib/elk-api';

/** What runs ELK: the same shape as elkjs's `ELK.layout` for a graph without per-call options. */
export interface LayoutEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}

interface Message {
  id?: number;
  data?: unknown;
  error?: unknown;
}
/** elk-worker.js's FakeWorker: its dispatcher answers each request synchronously through `onmessage`. */
interface FakeWorker {
  dispatcher: { saveDispatch(event: { data: Record<string, unknown> }): void };
  onmessage: ((event: { data: Message }) => void) | null;
}
type FakeWorkerClass = new (url?: string) => FakeWorker;

/** The algorithms elk-api.js registers by default (ELK's constructor does so before any layout). */
const ALGORITHMS = ['layered', 'stress', 'mrtree', 'radial', 'force', 'disco', 'sporeOverlap', 'sporeCompaction', 'rectpacking'];

/** ELK's GWT exceptions nest their cause; elk-api.js flattens them so, and so do we (the messages users see). */
function plainError(err: unknown): Error {
  if (err instanceof Error) {
    const e = err as Error & { __java$exception?: unknown };
    delete e.__java$exception;
    return e;
  }
  return new Error(typeof err === 'string' ? err : 'ELK could not lay out the graph.');
}

/** An engine over a FakeWorker class (elk-worker.js's export); the worker is made and its algorithms registered here. */
export function engineOf(Worker: FakeWorkerClass): LayoutEngine {
  const worker = new Worker();
  let answer: Message | null = null;
  worker.onmessage = (event) => {
    answer = event.data;
  };
  const send = (data: Record<string, unknown>): unknown => {
    answer = null;
    worker.dispatcher.saveDispatch({ data: { id: 0, ...data } });
    const a = answer as Message | null;
    answer = null;
    if (!a) throw new Error('ELK gave no answer.');
    if (a.error !== undefined) throw plainError(a.error);
    return a.data;
  };
  send({ cmd: 'register', algorithms: ALGORITHMS });
  return {
    layout(graph) {
      try {
        return Promise.resolve(send({ cmd: 'layout', graph, layoutOptions: {}, options: {} }) as ElkNode);
      } catch (err) {
        return Promise.reject(err);
      }
    },
  };
}

/** The FakeWorker class of an imported elk-worker module, however the importer wrapped its CommonJS exports. */
export function fakeWorkerOf(mod: unknown): FakeWorkerClass {
  const m = mod as { Worker?: unknown; default?: { Worker?: unknown } | unknown };
  const found = m.Worker ?? (m.default as { Worker?: unknown } | undefined)?.Worker ?? m.default;
  if (typeof found !== 'function') throw new Error('elkjs/lib/elk-worker.min.js exports no worker.');
  return found as FakeWorkerClass;
}

/** ELK in this thread, loaded on first use (its engine is ~2 MB of script). */
export async function elkInThread(): Promise<LayoutEngine> {
  return engineOf(fakeWorkerOf(await import('elkjs/lib/elk-worker.min.js')));
}
