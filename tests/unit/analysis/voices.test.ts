import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { voiceCounts, voiceOf, voicesInMap } from '../../../arguments/analysis/voices';
import { loadMap } from '../../../arguments/format/load';
import { mapOf } from './helpers';

describe('voices', () => {
  it('lists the shipped map’s voices with their counts', () => {
    const r = loadMap(readFileSync(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url)));
    if (!r.ok) throw new Error('the shipped map does not load');
    expect(voicesInMap(r.map)).toEqual([
      { voice: 'analyst', nodes: 27, relations: 26 },
      { voice: 'critic', nodes: 10, relations: 12 },
      { voice: 'translator', nodes: 2, relations: 2 },
    ]);
  });

  it('what has no voice (or an empty one) is the author’s and always counts', () => {
    expect(voicesInMap(mapOf(['A', ['B', 'claim', 'critic']]))).toEqual([{ voice: 'critic', nodes: 1, relations: 0 }]);
    expect(voiceOf({ voice: '' })).toBeUndefined();
    expect(voiceCounts(undefined, new Set())).toBe(true);
    expect(voiceCounts('critic', new Set(['analyst']))).toBe(false);
    expect(voiceCounts('critic', null)).toBe(true);
  });
});
