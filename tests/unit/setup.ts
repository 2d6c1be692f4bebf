import fc from 'fast-check';
import { startFigureRouting } from '../../arguments/cli/avoid';

// One seed per test run, printed so a failing property can be replayed: FC_SEED=<seed> npm test.
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() ^ (Math.random() * 0x100000000);
fc.configureGlobal({ seed, numRuns: Number(process.env.FC_RUNS ?? 1000) });
if (!process.env.FC_SEED_PRINTED) {
  process.env.FC_SEED_PRINTED = '1';
  console.log(`fast-check seed ${seed} (replay with FC_SEED=${seed})`);
}

// Figures route their arrows with libavoid (WASM), loaded once per test file as the CLI loads it.
await startFigureRouting();
