// Random operations for the network tests: the simulated-network test's own (seminarOperations.ts),
// drawn from a seeded generator (bench/generate.ts's mulberry32) instead of fast-check steps.
import type { Operation } from '../../arguments/history';
import type { LiveSession } from '../../arguments/live/session';
import { prng } from '../../bench/generate';
import { seminarOperation } from '../unit/live/seminarOperations';

export { seminarMap } from '../unit/live/seminarOperations';
/** A fixed seed gives the same choices on every run. */
export const seeded = prng;

const WORDS = ['Stalin', 'Gottwald', 'letter', 'Korea', ' UN', 'veto', '1950', 'Prague', ''];

export function randomOperation(s: LiveSession, rnd: () => number): Operation | null {
  const nat = () => Math.floor(rnd() * 1e9);
  const [which, a, b, c] = [Math.floor(rnd() * 12), nat(), nat(), nat()];
  return seminarOperation(s, { which, a, b, c, text: WORDS[nat() % WORDS.length]! });
}
