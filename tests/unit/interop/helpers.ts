// The shipped map, and a map's argument without its presentation: what a round trip must keep.
import { readFileSync } from 'node:fs';
import { loadMap } from '../../../arguments/format/load';
import type { ArgumentMap } from '../../../arguments/model';

export const root = new URL('../../../', import.meta.url).pathname;
export const NOW = '2026-01-01T00:00:00.000Z';

export function shippedMap(): ArgumentMap {
  const loaded = loadMap(readFileSync(`${root}arguments/maps/stalin-gottwald-1950.argmap.json`));
  if (!loaded.ok) throw new Error('the shipped map does not load');
  return loaded.map;
}

/** Statements (id, text, voice) and relations (id, kind, from, to), sorted. */
export function argumentOf(map: ArgumentMap, options: { kinds?: boolean; relationVoices?: boolean } = {}) {
  return {
    statements: Object.values(map.nodes)
      .map((n) => ({ id: n.id, text: n.text, voice: n.voice, ...(options.kinds ? { kind: n.kind } : {}) }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
    relations: Object.values(map.relations)
      .map((r) => ({ id: r.id, kind: r.kind, from: r.from, to: r.to, ...(options.relationVoices ? { voice: r.voice } : {}) }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}
