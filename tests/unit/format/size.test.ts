// The saved size the operations check against the loader's file limit: an upper bound of the
// real size, close to it, and exact where it refuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeMap } from '../../../arguments/format/serialize';
import { savedBytesBound, savedSizeProblem, utf8Length } from '../../../arguments/format/size';
import { MAX_FILE_BYTES, MAX_TEXT_LENGTH } from '../../../arguments/limits';
import { emptyMap, RELATION_KINDS } from '../../../arguments/model';
import { mapArb } from '../arbitraries';

describe('savedBytesBound', () => {
  it('is at least the saved size, and stays so after moving or collapsing any node or changing a relation\u2019s kind', () => {
    fc.assert(
      fc.property(mapArb, fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.constantFrom(...RELATION_KINDS), (map, x, kind) => {
        const bound = savedBytesBound(map);
        expect(bound).toBeGreaterThanOrEqual(utf8Length(serializeMap(map)));
        // The edits not checked for size: every node at a long coordinate, collapsed; every relation of another kind.
        const moved = structuredClone(map);
        for (const id of Object.keys(moved.nodes)) moved.view.positions[id] = { x: x + 1e-9, y: -x - 1e-9 };
        moved.view.collapsed = Object.keys(moved.nodes);
        for (const r of Object.values(moved.relations)) r.kind = kind;
        expect(bound).toBeGreaterThanOrEqual(utf8Length(serializeMap(moved)));
        // And not far above: a few hundred bytes a node.
        expect(bound - utf8Length(serializeMap(map))).toBeLessThan(1024 + 400 * Object.keys(map.nodes).length + 8 * Object.keys(map.relations).length);
      }),
    );
  });

  it('counts characters as UTF-8 bytes, and lone surrogates as JSON escapes them', () => {
    expect(utf8Length('aé漢😀')).toBe(1 + 2 + 3 + 4);
    const map = emptyMap('2026-01-01T00:00:00Z');
    map.nodes.n = { id: 'n', kind: 'note', text: '\ud800'.repeat(1000) };
    expect(savedBytesBound(map)).toBeGreaterThanOrEqual(utf8Length(serializeMap(map)));
  });
});

describe('savedSizeProblem', () => {
  it('refuses a map larger than the loader opens, with its exact size', () => {
    const map = emptyMap('2026-01-01T00:00:00Z');
    for (let i = 0; i < 112; i++) map.nodes[`n${i}`] = { id: `n${i}`, kind: 'note', text: '漢'.repeat(MAX_TEXT_LENGTH) };
    const bytes = utf8Length(serializeMap(map));
    expect(bytes).toBeGreaterThan(MAX_FILE_BYTES);
    expect(savedSizeProblem(map)).toBe(
      `With this change the map would be ${(bytes / 1024 / 1024).toFixed(1)} MB when saved, and Argument Atlas opens maps of up to 32.0 MB. Shorten the longest texts, or split the map.`,
    );
    delete map.nodes.n0;
    delete map.nodes.n1;
    expect(savedSizeProblem(map)).toBeNull();
  });
});
