// The status benchmark's dense map: valid, of the size asked for, the same for the same seed.
import { describe, expect, it } from 'vitest';
import { denseMap } from '../../../bench/status';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';

describe('the status benchmark map', () => {
  it('loads, has the relations asked for in three voices, and is deterministic', () => {
    const map = denseMap(200, 600);
    const text = serializeMap(map);
    const r = loadMap(text);
    expect(r.ok).toBe(true);
    expect(Object.keys(map.relations)).toHaveLength(600);
    expect(new Set(Object.values(map.relations).filter((x) => x.id.startsWith('x')).map((x) => x.voice))).toEqual(new Set(['analyst', 'critic', 'student']));
    expect(serializeMap(denseMap(200, 600))).toBe(text);
  });
});
