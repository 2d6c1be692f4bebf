// Comparing live documents: their state vectors (what each has seen of every peer) and the map
// each one shows, as the saved file would hold it.
import * as Y from 'yjs';
import { loadMap } from '../../arguments/format/load';
import { serializeMap } from '../../arguments/format/serialize';
import { fromYDoc } from '../../arguments/live/mirror';
import type { ArgumentMap } from '../../arguments/model';

export const stateVector = (doc: Y.Doc): Map<number, number> => Y.decodeStateVector(Y.encodeStateVector(doc));

export function sameVector(a: Map<number, number>, b: Map<number, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

export const fileOf = (doc: Y.Doc): string => serializeMap(fromYDoc(doc));

/** Why the map does not open (the loader's messages), or null when it does. */
export function whyNotLoadable(map: ArgumentMap | string): string | null {
  const r = loadMap(typeof map === 'string' ? map : serializeMap(map));
  return r.ok ? null : r.errors.map((e) => e.message).join('; ');
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `done` until it holds twice in a row (nothing more in flight), or throws after `ms`. */
export async function settle(done: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  let streak = 0;
  while (streak < 2) {
    if (Date.now() > until) throw new Error(`${what} did not happen within ${ms} ms`);
    await sleep(150);
    streak = done() ? streak + 1 : 0;
  }
}
