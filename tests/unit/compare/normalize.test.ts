import { readFileSync } from 'node:fs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { normalizeMerged } from '../../../arguments/compare/normalize';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';

const r = loadMap(readFileSync(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url)));
if (!r.ok) throw new Error('the shipped map does not load');
const map = r.map;

describe('normalizeMerged', () => {
  it('leaves a map that opens as it is', () => {
    const n = normalizeMerged(map, [map]);
    expect(serializeMap(n.map)).toBe(serializeMap(map));
    expect(n.repairs).toEqual([]);
  });

  it('trims a deleted co-premise, drops what lost its target and its undercuts, brings back a quoted source, detaches threads, reports each', () => {
    const broken = produce(map, (d) => {
      delete d.nodes.P1a; // a co-premise of r.P1.C1: the inference keeps P1b
      delete d.nodes.P3a; // r.P3a.C3 loses its only premise, and O4 undercut it
      delete d.sources.cable1949; // E5 quotes it
      d.evaluations!.ev = { id: 'ev', target: 'P3a', by: 'critic', verdict: 'reject' };
      d.comments!.th = { id: 'th', target: 'P3a', resolved: false, messages: [{ id: 'm', author: 'a', at: '2024-01-01T00:00:00.000Z', text: 'Hm.' }] };
    });
    const n = normalizeMerged(broken, [map]);
    expect(loadMap(serializeMap(n.map)).ok).toBe(true);
    expect(n.map.relations['r.P1.C1']!.from).toEqual(['P1b']);
    expect(['r.P3a.C3', 'r.O4', 'r.E1a.P1a', 'r.E3a.P3a'].filter((id) => Object.hasOwn(n.map.relations, id))).toEqual([]);
    expect(n.map.sources.cable1949).toEqual(map.sources.cable1949);
    expect(Object.hasOwn(n.map.evaluations!, 'ev')).toBe(false);
    expect(n.map.comments!.th!.detached).toMatchObject({ kind: 'premise' });
    expect(n.repairs.map((x) => x.id).sort()).toEqual(['cable1949', 'ev', 'r.E1a.P1a', 'r.E3a.P3a', 'r.O2', 'r.O4', 'r.P1.C1', 'r.P3a.C3', 'th'].sort());
  });
});
