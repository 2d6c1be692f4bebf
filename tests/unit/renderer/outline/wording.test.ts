import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outlineOf } from '../../../../arguments/analysis/outline';
import { loadMap } from '../../../../arguments/format/load';
import type { ArgumentMap } from '../../../../arguments/model';
import { itemLabel, itemWords, relationWord, typeAheadName } from '../../../../renderer/outline/wording';

function seed(): ArgumentMap {
  const r = loadMap(readFileSync(new URL('../../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('seed does not load');
  return r.map;
}

describe('how the outline words its items', () => {
  const map = seed();
  const o = outlineOf(map);
  const words = (key: string) => {
    const item = o.byKey.get(key)!;
    return itemWords(map, item, item.node ? o.primary.get(item.node) : undefined);
  };
  it('says what an item does to the one above, then its kind, title, first words and voice', () => {
    const c1 = o.primary.get('C1')!;
    const label = itemLabel(words(c1.key));
    expect(label).toMatch(/^supports: Claim, Claim 1: Stalin not only predicted but actually wanted/);
    expect(label.endsWith(', analyst')).toBe(true);
    expect(itemLabel(words(o.roots[0]!.key))).toMatch(/^Thesis, Thesis: The letter explains/);
  });
  it('names undercuts, linked groups and their premises', () => {
    expect(relationWord(o.primary.get('O2')!)).toBe('undercuts the inference');
    const group = o.primary.get('C1')!.children.find((c) => c.kind === 'linked')!;
    expect(relationWord(group)).toBe('linked premises, together support');
    expect(relationWord(o.primary.get('P1a')!)).toBe('linked premise');
  });
  it('a reference says where the node is shown in full', () => {
    const ref = [...o.byKey.values()].find((i) => i.kind === 'reference' && i.node === 'E2b')!;
    expect(words(ref.key).seeAlso).toMatch(/^shown in full under /);
  });
  it('type-ahead compares with the title, else the text', () => {
    expect(typeAheadName(map, o.primary.get('C3')!)).toBe('Claim 3');
    expect(typeAheadName(map, o.primary.get('E1a')!)).toBe('The fourth reason.');
  });
});
