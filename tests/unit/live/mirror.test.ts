import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import { fromYDoc, toYDoc } from '../../../arguments/live/mirror';
import type { ArgumentMap } from '../../../arguments/model';
import { mapArb, mapArbitrary } from '../arbitraries';

const SHIPPED = readFileSync(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url));

function load(bytes: Uint8Array | string): ArgumentMap {
  const r = loadMap(bytes);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.map;
}

/** The doc as another peer gets it: encoded, sent, applied to a fresh doc. */
function overTheWire(doc: Y.Doc): Y.Doc {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  return other;
}

describe('the map as a Y.Doc', () => {
  it('gives back the very bytes of the shipped map, locally and on another peer', () => {
    const map = load(SHIPPED);
    const doc = toYDoc(map);
    expect(serializeMap(fromYDoc(doc))).toBe(serializeMap(map));
    expect(serializeMap(fromYDoc(overTheWire(doc)))).toBe(serializeMap(map));
  });

  it('keeps records as Y.Maps, typed text as Y.Text and premises as a set of ids', () => {
    const map = load(SHIPPED);
    const doc = toYDoc(map);
    const [id] = Object.keys(map.nodes);
    const node = doc.getMap('nodes').get(id!) as Y.Map<unknown>;
    expect(node).toBeInstanceOf(Y.Map);
    expect(node.get('text')).toBeInstanceOf(Y.Text);
    expect(node.get('kind')).toBe(map.nodes[id!]!.kind);
    const linked = Object.values(map.relations).find((r) => r.from.length > 1) ?? Object.values(map.relations)[0]!;
    const from = (doc.getMap('relations').get(linked.id) as Y.Map<unknown>).get('from');
    expect(from).toBeInstanceOf(Y.Map);
    expect([...(from as Y.Map<number>).keys()].sort()).toEqual([...linked.from].sort());
  });

  it('gives back the bytes of random maps, over the wire too', () => {
    fc.assert(
      fc.property(mapArb, (generated) => {
        const map = load(serializeMap(generated));
        const bytes = serializeMap(map);
        const doc = toYDoc(map);
        expect(serializeMap(fromYDoc(doc))).toBe(bytes);
        expect(serializeMap(fromYDoc(overTheWire(doc)))).toBe(bytes);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 100) },
    );
  });

  it('gives back the bytes of maps with texts up to the limits (lone surrogates at the cuts), over the wire', () => {
    fc.assert(
      fc.property(mapArbitrary({ long: true }), (generated) => {
        const map = load(serializeMap(generated));
        expect(serializeMap(fromYDoc(overTheWire(toYDoc(map))))).toBe(serializeMap(map));
      }),
      { numRuns: 3 },
    );
  }, 60_000);

  it('keeps a lone surrogate of a source text (byte-exact) over the wire, where Yjs would send U+FFFD', () => {
    const map = load(SHIPPED);
    const [id] = Object.keys(map.sources);
    const odd = { ...map, sources: { ...map.sources, [id!]: { ...map.sources[id!]!, text: 'before \uD800 after \uDC00', bib: { note: 'x\uDBFFy' } } } };
    const bytes = serializeMap(odd);
    expect(serializeMap(fromYDoc(overTheWire(toYDoc(odd))))).toBe(bytes);
  });

  it('writing a map into a doc that holds it changes nothing', () => {
    const map = load(SHIPPED);
    const doc = toYDoc(map);
    const before = Y.encodeStateVector(doc);
    toYDoc(fromYDoc(doc), doc);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
