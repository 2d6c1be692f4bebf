// Voices as layers: which nodes and relations count when only some voices are counted.
// One rule, used by the status and by everything that lists or filters voices.
import type { ArgumentMap, ArgNode, Relation } from '../model';

/** A voice set, or null/undefined for "every voice counts". */
export type VoiceFilter = ReadonlySet<string> | null | undefined;

/**
 * The voice a node or relation speaks in; none (undefined) when it has no voice or an empty one.
 * What has no voice belongs to the map's author and always counts.
 */
export function voiceOf(item: Pick<ArgNode | Relation, 'voice'>): string | undefined {
  return typeof item.voice === 'string' && item.voice !== '' ? item.voice : undefined;
}

/** Does something in this voice count under the filter? The author's (no voice) always does. */
export function voiceCounts(voice: string | undefined, voices: VoiceFilter): boolean {
  return voice === undefined || voices === null || voices === undefined || voices.has(voice);
}

export interface VoiceCount {
  voice: string;
  nodes: number;
  relations: number;
}

/** The voices of a map with how many nodes and relations speak in each, in name order. */
export function voicesInMap(map: ArgumentMap): VoiceCount[] {
  const counts = new Map<string, VoiceCount>();
  const entry = (voice: string) => {
    let c = counts.get(voice);
    if (!c) counts.set(voice, (c = { voice, nodes: 0, relations: 0 }));
    return c;
  };
  for (const id of Object.keys(map.nodes)) {
    const v = voiceOf(map.nodes[id]!);
    if (v !== undefined) entry(v).nodes++;
  }
  for (const id of Object.keys(map.relations)) {
    const v = voiceOf(map.relations[id]!);
    if (v !== undefined) entry(v).relations++;
  }
  return [...counts.values()].sort((a, b) => (a.voice < b.voice ? -1 : a.voice > b.voice ? 1 : 0));
}
