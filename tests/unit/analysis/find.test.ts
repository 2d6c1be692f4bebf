import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInMap, findInText, fold, foldQuery, type NodeMatch, type PassageMatch } from '../../../arguments/analysis/find';
import { outlineOf, readingOrder } from '../../../arguments/analysis/outline';
import { loadMap } from '../../../arguments/format/load';
import { emptyMap, type ArgumentMap } from '../../../arguments/model';

function seed(): ArgumentMap {
  const r = loadMap(readFileSync(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('seed does not load');
  return r.map;
}

describe('folding for find', () => {
  it('ignores case, accents and typographic variants; offsets point into the original', () => {
    const text = 'Élan: “Stalin’s  DECISION” — Ёлка';
    const f = fold(text);
    expect(f.text).toBe('elan: "stalin\'s decision" - елка');
    // Every folded character maps back to characters of the original.
    for (let k = 0; k < f.text.length; k++) expect(f.starts[k]!).toBeLessThan(f.ends[k]!);
    expect(foldQuery('  STALIN’S  decision ')).toBe("stalin's decision");
  });

  it('finds a phrase across a line break and gives the original range, byte for byte', () => {
    const text = 'the Soviet\n  absence from the Council';
    const [hit] = findInText(text, 'soviet absence');
    expect(text.slice(hit!.start, hit!.end)).toBe('Soviet\n  absence');
  });

  it('keeps astral characters whole', () => {
    const text = 'a 𝐒talin b';
    const [hit] = findInText(text, '𝐒talin');
    expect(text.slice(hit!.start, hit!.end)).toBe('𝐒talin');
  });

  it('property: a piece of any text is found where it is, and the range folds to the query', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80, unit: 'grapheme' }), fc.nat(), fc.nat(), (text, a, b) => {
        const i = Math.min(a, b) % (text.length + 1);
        const j = Math.max(a, b) % (text.length + 1);
        const piece = text.slice(i, j);
        const q = foldQuery(piece);
        if (q === '' || /[\uD800-\uDFFF]/.test(piece)) return;
        const hits = findInText(text, piece);
        expect(hits.length).toBeGreaterThan(0);
        for (const h of hits) expect(foldQuery(text.slice(h.start, h.end))).toBe(q);
      }),
    );
  });
});

describe('find in the shipped map', () => {
  const map = seed();

  it('finds a node by a word in its text, whatever its case', () => {
    const r = findInMap(map, 'BOYCOTT');
    const nodes = r.matches.filter((m): m is NodeMatch => m.kind === 'node').map((m) => m.node);
    expect(nodes).toContain('P1b'); // "Stalin says the boycott achieved all its goals"
    expect(r.nodeCount).toBe(nodes.length);
  });

  it('finds a node by its title and by its voice, and says which field matched', () => {
    const byTitle = findInMap(map, 'translator’s note 2').matches.find((m) => m.kind === 'node' && m.node === 'TN2') as NodeMatch;
    expect(byTitle.field).toBe('title');
    const byVoice = findInMap(map, 'translator').matches.filter((m): m is NodeMatch => m.kind === 'node' && m.field === 'voice').map((m) => m.node);
    // TN1's title says "Translator's note" too: the title is reported first; both are found.
    const all = findInMap(map, 'translator').matches.filter((m): m is NodeMatch => m.kind === 'node').map((m) => m.node);
    expect(all).toEqual(expect.arrayContaining(['TN1', 'TN2']));
    expect(byVoice.every((id) => map.nodes[id]!.voice === 'translator')).toBe(true);
    const critics = findInMap(map, 'critic').matches.filter((m): m is NodeMatch => m.kind === 'node');
    expect(critics.some((m) => m.node === 'O1' && m.field === 'voice')).toBe(true);
  });

  it('finds source passages with their context, offsets exact in the byte-exact text', () => {
    const r = findInMap(map, 'free hand');
    const passages = r.matches.filter((m): m is PassageMatch => m.kind === 'passage');
    expect(passages.length).toBeGreaterThan(0);
    expect(r.passageCount).toBe(passages.length);
    for (const p of passages) {
      const text = map.sources[p.source]!.text;
      expect(text.slice(p.start, p.end).toLowerCase()).toBe('free hand');
      expect(p.before.length + p.after.length).toBeGreaterThan(0);
    }
  });

  it('lists nodes in the outline’s reading order, the thesis first', () => {
    const r = findInMap(map, 'stalin', { order: readingOrder(outlineOf(map)) });
    const nodes = r.matches.filter((m): m is NodeMatch => m.kind === 'node').map((m) => m.node);
    expect(nodes[0]).toBe('T');
    const order = readingOrder(outlineOf(map));
    expect([...nodes].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(nodes);
    // Nodes first, then passages.
    const firstPassage = r.matches.findIndex((m) => m.kind === 'passage');
    expect(r.matches.slice(firstPassage).every((m) => m.kind === 'passage')).toBe(true);
  });

  it('lists at most the passage limit but counts them all', () => {
    const r = findInMap(map, 'the', { passageLimit: 5 });
    expect(r.matches.filter((m) => m.kind === 'passage').length).toBe(5);
    expect(r.passageCount).toBeGreaterThan(5);
  });

  it('an empty query, or spaces, finds nothing', () => {
    expect(findInMap(map, '   ').matches).toEqual([]);
    expect(findInText('some text', '')).toEqual([]);
  });

  it('sees a node’s new text at once (the fold is cached per node object, not per id)', () => {
    const before = findInMap(map, 'zanzibar').nodeCount;
    const edited: ArgumentMap = { ...map, nodes: { ...map.nodes, K1: { ...map.nodes.K1!, text: 'Zanzibar' } } };
    expect(before).toBe(0);
    expect(findInMap(edited, 'zanzibar').nodeCount).toBe(1);
  });

  it('finds nodes whose ids are "constructor" or "__proto__"-like names', () => {
    const m = emptyMap('2026-01-01T00:00:00Z');
    const id: string = 'constructor';
    m.nodes[id] = { id, kind: 'claim', text: 'A claim about Korea' };
    expect(findInMap(m, 'korea').matches.map((x) => x.kind === 'node' && x.node)).toEqual(['constructor']);
  });
});
