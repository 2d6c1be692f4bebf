// A routing thread (routerPool.ts): loads libavoid, then takes jobs of each batch from the shared
// counter until none are left, answering each on its port (an error in words, for the main
// thread to solve that job itself).
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { solveRouterJob } from '../layout/routing';
import { loadAvoid } from './avoid';
import { DONE, NEXT, type RouterAnswer, type RouterBatch } from './routerPool';

const answers = (workerData as { answers: MessagePort }).answers;
const ready = loadAvoid();

parentPort?.on('message', (b: RouterBatch) => {
  void ready.then((avoid) => {
    const counters = new Int32Array(b.control);
    for (let k = Atomics.add(counters, NEXT, 1); k < b.jobs.length; k = Atomics.add(counters, NEXT, 1)) {
      const i = b.order[k]!;
      let answer: RouterAnswer;
      try {
        answer = { batch: b.batch, index: i, routes: solveRouterJob(avoid, b.jobs[i]!, b.parameters) };
      } catch (err) {
        answer = { batch: b.batch, index: i, error: err instanceof Error ? err.message : String(err) };
      }
      answers.postMessage(answer);
      Atomics.add(counters, DONE, 1);
      Atomics.notify(counters, DONE);
    }
  });
});
