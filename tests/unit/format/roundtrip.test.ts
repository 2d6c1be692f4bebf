import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import type { ArgumentMap } from '../../../arguments/model';
import { dataDifference, mapArb } from '../arbitraries';

function reversedRecords(map: ArgumentMap): ArgumentMap {
  const rev = <T>(r: Record<string, T>) => Object.fromEntries(Object.entries(r).reverse());
  return {
    ...map,
    sources: rev(map.sources),
    nodes: rev(map.nodes),
    relations: rev(map.relations),
    view: { ...map.view, positions: rev(map.view.positions) },
  };
}

describe('save and load', () => {
  it('load(save(map)) equals the map, unknown fields included', () => {
    fc.assert(
      fc.property(mapArb, (map) => {
        const loaded = loadMap(serializeMap(map));
        if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
        expect(dataDifference(loaded.map, map)).toBeNull();
        expect(loaded.warnings).toEqual([]);
      }),
    );
  });

  it('saving is byte-stable: the same map gives the same bytes, whatever order it was built in', () => {
    fc.assert(
      fc.property(mapArb, (map) => {
        const bytes = serializeMap(map);
        expect(serializeMap(reversedRecords(map))).toBe(bytes);
        const loaded = loadMap(bytes);
        expect(loaded.ok && serializeMap(loaded.map)).toBe(bytes);
      }),
    );
  });
});
