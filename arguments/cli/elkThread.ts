// ELK in a thread of its own, for the CLI's large PDF handouts a page per claim: each claim's
// figure is fitted by laying it out again and again (export/fit.ts), and while ELK lays out one
// claim here, the main thread draws and routes the claims ELK already answered (handoutPdf.ts
// fits several at once). A 1,000-node map's 113 claims take 287 layouts; with ELK beside the
// main thread the figures take ~25 % less time on two cores (bench/handoutPdf.ts). Small
// handouts, or one core, keep ELK in the main thread: starting the thread and loading ELK
// there costs ~0.15 s. The layouts are ELK's own either way (the same engine, same graphs).
// A thread that fails or stops leaves the main thread to lay out what it had not answered.
import { availableParallelism } from 'node:os';
import { threadScript } from './threadScript';
import { Worker } from 'node:worker_threads';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { elkInThread, type LayoutEngine } from '../layout/elkInThread';

export interface ElkRequest {
  id: number;
  graph: ElkNode;
}
export type ElkAnswer = { id: number; graph: ElkNode } | { id: number; error: string };

/** From this many figures to fit on, a handout's ELK runs in a thread of its own (when there is another core). */
export const THREADED_FIGURES = 24;

export interface ClosableEngine extends LayoutEngine {
  /** Whether ELK runs in a thread of its own. */
  readonly threaded: boolean;
  /** Stops the thread, if one was started. */
  close(): Promise<void>;
}

const workerScript = () => threadScript(import.meta.url, 'elk.cjs', 'elkWorker.ts');

/** ELK in a thread; what the thread does not answer (it failed to start, or crashed) is laid out in this one. */
export function startElkThread(): ClosableEngine {
  const pending = new Map<number, { graph: ElkNode; resolve: (g: ElkNode) => void; reject: (e: Error) => void }>();
  let next = 0;
  let broken = false;
  let local: Promise<LayoutEngine> | null = null;
  const here = () => (local ??= elkInThread());
  const script = workerScript();
  const worker = new Worker(script.script, { eval: script.eval });
  const takeOver = () => {
    if (broken) return;
    broken = true;
    const left = [...pending.values()];
    pending.clear();
    worker.unref();
    for (const p of left) void here().then((e) => e.layout(p.graph)).then(p.resolve, p.reject);
  };
  // Referenced only while it owes an answer: the process waits for those, and for nothing else of it.
  worker.unref();
  const settle = (id: number) => {
    pending.delete(id);
    if (pending.size === 0) worker.unref();
  };
  worker.on('message', (a: ElkAnswer) => {
    const p = pending.get(a.id);
    if (!p) return;
    settle(a.id);
    if ('graph' in a) p.resolve(a.graph);
    else p.reject(new Error(a.error));
  });
  worker.on('error', takeOver);
  worker.on('exit', takeOver);
  return {
    threaded: true,
    layout(graph) {
      if (broken) return here().then((e) => e.layout(graph));
      return new Promise<ElkNode>((resolve, reject) => {
        const id = next++;
        if (pending.size === 0) worker.ref();
        pending.set(id, { graph, resolve, reject });
        worker.postMessage({ id, graph } satisfies ElkRequest);
      });
    },
    async close() {
      broken = true;
      await worker.terminate();
    },
  };
}

/** The engine for fitting `figures` page-ready figures: ELK in a thread of its own for many, with another core; in this thread otherwise. */
export function figuresEngine(figures: number, cores = availableParallelism()): ClosableEngine {
  if (figures >= THREADED_FIGURES && cores > 1) return startElkThread();
  // Loaded at the first layout: a handout a page per step, or of one-card claims, never needs it.
  let elk: Promise<LayoutEngine> | null = null;
  return { threaded: false, layout: (g) => (elk ??= elkInThread()).then((e) => e.layout(g)), close: async () => {} };
}
