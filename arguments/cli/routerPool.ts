// libavoid in threads, for figures of many arrows: each relation's first routing problem is
// independent of the others (arguments/layout/routing.ts gathers them), so threads of their own
// solve them alongside the main thread, each with solveRouterJob, the one function the main
// thread uses too: the answers are the same numbers whichever thread gives them. Routing is 60 %
// of a 1,000-node export (bench/why.ts, cli.export.svg.1000).
//
// The figure is drawn synchronously (renderFigure), so the main thread waits for the threads
// with Atomics.wait and reads their answers with receiveMessageOnPort. Jobs are taken one at a
// time from a shared counter, so a thread still loading libavoid, or a slow one, takes fewer; a
// thread that stops answering (it crashed) costs a pause, never the figure: what it did not
// answer, the main thread solves itself.
import { availableParallelism } from 'node:os';
import { threadScript } from './threadScript';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { solveRouterJob, type AvoidLibrary, type RouterJob, type RouterParameters, type SolveMany } from '../layout/routing';

/** The shared counters of a batch (indexes in its Int32Array, here and in routerWorker.ts): the next job to take, and how many are answered. */
export const NEXT = 0;
export const DONE = 1;
/** How long the main thread waits without an answer before it solves the rest itself. */
const STALL_MS = 10_000;

export interface RouterBatch {
  batch: number;
  control: SharedArrayBuffer;
  jobs: readonly RouterJob[];
  /** The order in which the jobs are taken (the shared counter counts through it). */
  order: readonly number[];
  parameters: RouterParameters;
}
export type RouterAnswer = { batch: number; index: number; routes: { x: number; y: number }[][] } | { batch: number; index: number; error: string };

export interface RouterThreads {
  /** How many threads were started. */
  readonly threads: number;
  /** How many jobs the threads have answered so far (the rest the main thread solved). */
  answered(): number;
  /**
   * A SolveMany that shares the jobs between the threads and the main thread (with `avoid`, the
   * main thread's libavoid). `threadsOnly`: the main thread takes no jobs, it only waits and
   * solves what the threads did not answer (so the tests see the threads' own answers); with no
   * threads started, the main thread takes them all anyway.
   */
  solver(avoid: AvoidLibrary, options?: { threadsOnly?: boolean }): SolveMany;
  /** Stops the threads. */
  close(): Promise<void>;
}

/** The threads worth starting besides the main one: one per other core, at most `max`. */
export function routerThreadCount(max = 3, cores = availableParallelism()): number {
  return Math.max(0, Math.min(max, cores - 1));
}

const workerScript = () => threadScript(import.meta.url, 'routers.cjs', 'routerWorker.ts');

/** Starts `threads` threads, each loading libavoid at once (while the main thread lays out the figure). */
export function startRouterThreads(threads = routerThreadCount()): RouterThreads {
  const script = workerScript();
  const workers: { worker: Worker; answers: MessagePort }[] = [];
  for (let i = 0; i < threads; i++) {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(script.script, { eval: script.eval, workerData: { answers: port2 }, transferList: [port2] });
    // A thread that fails to start only leaves the main thread to do the work.
    worker.on('error', () => {});
    worker.unref();
    port1.unref();
    workers.push({ worker, answers: port1 });
  }
  let batches = 0;
  let answered = 0;
  return {
    threads,
    answered: () => answered,
    solver: (avoid, { threadsOnly = false } = {}) => (jobs, parameters) => {
      const batch = ++batches;
      const control = new SharedArrayBuffer(8);
      const counters = new Int32Array(control);
      // The largest first (a router's cost grows steeply with its cards), so no thread is left with a long one at the end.
      const order = jobs.map((_, i) => i).sort((a, b) => jobs[b]!.cards.length - jobs[a]!.cards.length || a - b);
      for (const { worker } of workers) worker.postMessage({ batch, control, jobs, order, parameters } satisfies RouterBatch);
      const answers: ({ x: number; y: number }[][] | null)[] = jobs.map(() => null);
      const collect = () => {
        for (const { answers: port } of workers)
          for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
            const a = m.message as RouterAnswer;
            if (a.batch === batch && 'routes' in a) {
              answers[a.index] = a.routes;
              answered++;
            }
          }
      };
      // The main thread takes jobs as the threads do.
      if (!threadsOnly || workers.length === 0)
        for (let k = Atomics.add(counters, NEXT, 1); k < jobs.length; k = Atomics.add(counters, NEXT, 1)) {
          const i = order[k]!;
          answers[i] = solveRouterJob(avoid, jobs[i]!, parameters);
          Atomics.add(counters, DONE, 1);
        }
      let last = Date.now();
      for (let done = Atomics.load(counters, DONE); done < jobs.length; done = Atomics.load(counters, DONE)) {
        if (Atomics.wait(counters, DONE, done, 200) !== 'timed-out') last = Date.now();
        else if (Date.now() - last > STALL_MS) break;
      }
      collect();
      // What a thread answered with an error, or never answered, is solved here.
      return answers.map((a, i) => a ?? solveRouterJob(avoid, jobs[i]!, parameters));
    },
    close: async () => {
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}
