import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import { fromYDoc, toYDoc } from '../../../arguments/live/mirror';
import { normalize, NORMALIZE_ORIGIN } from '../../../arguments/live/normalize';
import type { ArgumentMap } from '../../../arguments/model';

const SHIPPED = readFileSync(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url));
const r = loadMap(SHIPPED);
if (!r.ok) throw new Error('the shipped map does not load');
const shipped: ArgumentMap = r.map;

describe('the normaliser of a live document', () => {
  it('leaves a map that keeps the rules alone, writing nothing', () => {
    const doc = toYDoc(shipped);
    const before = Y.encodeStateVector(doc);
    expect(normalize(doc)).toEqual([]);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('mends what a hand-crafted update breaks (a relation to a deleted node, a quote of a deleted source) in one transaction of its own', () => {
    const doc = toYDoc(shipped);
    const [target] = Object.values(shipped.relations).filter((rel) => rel.kind !== 'undercuts').map((rel) => rel.to);
    const quoting = Object.values(shipped.nodes).find((n) => n.quote)!;
    // Another peer's raw update: a node and a quoted source removed with nothing else adjusted.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.transact(() => {
      other.getMap('nodes').delete(target!);
      other.getMap('sources').delete(quoting.quote!.source);
    });
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), 'wire');
    expect(loadMap(serializeMap(fromYDoc(doc))).ok).toBe(false);
    const repairs = normalize(doc, [shipped]);
    expect(repairs.map((x) => x.code)).toEqual(expect.arrayContaining(['dangling-reference', 'restored-source']));
    expect(origins).toEqual(['wire', NORMALIZE_ORIGIN]);
    const fixed = fromYDoc(doc);
    expect(loadMap(serializeMap(fixed)).ok).toBe(true);
    expect(Object.values(fixed.relations).some((rel) => rel.to === target)).toBe(false);
    expect(fixed.sources[quoting.quote!.source]!.text).toBe(shipped.sources[quoting.quote!.source]!.text);
  });
});
