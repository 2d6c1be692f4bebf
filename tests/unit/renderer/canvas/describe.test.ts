import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../../arguments/format/load';
import type { ArgumentMap } from '../../../../arguments/model';
import { describeRelationForReader, nodeWords, withEdgeLabels } from '../../../../renderer/canvas/describe';
import { toFlowEdges } from '../../../../renderer/canvas/toFlow';

function seed(): ArgumentMap {
  const r = loadMap(readFileSync(new URL('../../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('seed does not load');
  return r.map;
}

describe('how arrows are named to a screen reader', () => {
  const map = seed();
  it('by the relation and the two ends’ titles, or first words, never ids', () => {
    expect(describeRelationForReader(map, map.relations['r.C1.T']!)).toBe('Claim 1 supports Thesis');
    // E1a has no title: its first words, cut between words.
    const e1a = describeRelationForReader(map, map.relations['r.E1a.P1a']!);
    expect(e1a).toMatch(/^The fourth reason\. supports Stalin names giving the American/);
    expect(e1a).not.toMatch(/\bE1a\b|\bP1a\b/);
  });
  it('linked co-premises together; an undercut by the inference it attacks', () => {
    expect(describeRelationForReader(map, map.relations['r.P1.C1']!)).toMatch(/^Stalin names .* and Stalin says .*, linked, support Claim 1$/);
    expect(describeRelationForReader(map, map.relations['r.O1']!)).toMatch(/^Objection: when and to whom undercuts the inference “Stalin names .*, linked, support Claim 1”$/);
  });
  it('a node without words is named by its kind', () => {
    const m: ArgumentMap = { ...map, nodes: { ...map.nodes, K1: { ...map.nodes.K1!, title: undefined, text: '', quote: undefined } } };
    expect(nodeWords(m, 'K1')).toBe('an empty counter');
  });
  it('every edge of the shipped map gets a label; unchanged edges keep their labelled object', () => {
    const edges = toFlowEdges(map, new Set());
    const first = withEdgeLabels(edges, map);
    expect(first.every((e) => typeof e.ariaLabel === 'string' && e.ariaLabel.length > 0 && !e.ariaLabel.startsWith('Edge from'))).toBe(true);
    expect(withEdgeLabels(edges, map)).toEqual(first);
    expect(withEdgeLabels(edges, map).every((e, i) => e === first[i])).toBe(true);
    // Renaming a node relabels the arrows that touch it.
    const renamed: ArgumentMap = { ...map, nodes: { ...map.nodes, C1: { ...map.nodes.C1!, title: 'First claim' } } };
    const again = withEdgeLabels(edges, renamed);
    expect(again.find((e) => e.id === 'r.C1.T')!.ariaLabel).toBe('First claim supports Thesis');
  });
});
