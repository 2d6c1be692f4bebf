import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../../../arguments/format/load';
import type { ArgumentMap } from '../../../../../arguments/model';
import { describeRelation, nodeName } from '../../../../../renderer/panels/inspector/describe';

function seed(): ArgumentMap {
  const r = loadMap(readFileSync(new URL('../../../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('seed does not load');
  return r.map;
}

describe('naming nodes and relations in the inspector', () => {
  it('names linked premises together and an undercut by the inference it attacks', () => {
    const map = seed();
    expect(describeRelation(map, map.relations['r.P1.C1']!)).toBe(`${nodeName(map, 'P1a')} + ${nodeName(map, 'P1b')} supports Claim 1`);
    expect(describeRelation(map, map.relations['r.O1']!)).toMatch(/ undercuts the inference .* \+ .* supports Claim 1$/);
  });

  it('shortens long texts and names an id the map lacks (even "constructor") by the id', () => {
    const map = seed();
    expect(nodeName(map, 'E1c')).toBe('America entangled in Korea after the withdrawal.');
    const long = { ...map, nodes: { ...map.nodes, x: { id: 'x', kind: 'note' as const, text: 'w'.repeat(80) } } };
    expect(nodeName(long, 'x')).toBe(`${'w'.repeat(49)}…`);
    expect(nodeName(map, 'constructor')).toBe('constructor');
  });
});
