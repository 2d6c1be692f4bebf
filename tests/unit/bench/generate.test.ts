// The benchmark's map generator: deterministic, valid maps of exactly the size asked for, with
// every feature of a real map, quotes anchored in their sources and a layout without overlaps.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeMap, FIRST_THESIS, generateMap, prng } from '../../../bench/generate';
import { auditEvidence } from '../../../arguments/analysis/audit';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import { anchorQuote } from '../../../arguments/text/anchor';
import { NODE_KINDS, RELATION_KINDS, type ArgumentMap } from '../../../arguments/model';

function reload(map: ArgumentMap): ArgumentMap {
  const r = loadMap(serializeMap(map));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  expect(r.warnings).toEqual([]);
  return r.map;
}

describe('the benchmark map generator', () => {
  it('gives the same bytes for the same size and seed, and other maps for other seeds', () => {
    expect(serializeMap(generateMap(300))).toBe(serializeMap(generateMap(300)));
    expect(serializeMap(generateMap(300, 7))).not.toBe(serializeMap(generateMap(300)));
  });

  it('never uses Math.random', () => {
    const random = Math.random;
    Math.random = () => {
      throw new Error('Math.random called');
    };
    try {
      expect(() => generateMap(200)).not.toThrow();
    } finally {
      Math.random = random;
    }
    expect(readFileSync(new URL('../../../bench/generate.ts', import.meta.url), 'utf8')).not.toMatch(/Math\.random\(/);
  });

  it('has a seeded PRNG in [0, 1)', () => {
    const next = prng(1);
    const xs = Array.from({ length: 1000 }, next);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
  });

  for (const size of [2, 100, 1000]) {
    it(`makes a valid map of exactly ${size} nodes that saves and loads back unchanged`, () => {
      const map = generateMap(size);
      const text = serializeMap(map);
      const back = reload(map);
      expect(Object.keys(back.nodes)).toHaveLength(size);
      expect(serializeMap(back)).toBe(text);
      expect(back.nodes[FIRST_THESIS]?.kind).toBe('thesis');
      for (const id of Object.keys(back.nodes)) expect(back.view.positions[id], id).toBeDefined();
    });
  }

  it('has every kind of node and relation, linked co-premises, undercuts, and a secondary source quoting primaries', () => {
    const map = generateMap(1000);
    const d = describeMap(map);
    for (const kind of NODE_KINDS) expect(d[kind], kind).toBeGreaterThan(0);
    for (const kind of RELATION_KINDS) expect(d[`rel:${kind}`], kind).toBeGreaterThan(0);
    expect(d.linked).toBeGreaterThan(10);
    const secondary = Object.values(map.sources).filter((s) => s.role === 'secondary');
    expect(secondary.length).toBeGreaterThan(0);
    expect(secondary[0]!.quotes?.length).toBeGreaterThan(0);
    expect(map.sources.protocols!.text.length).toBeGreaterThan(250_000);
    // Every undercut attacks a relation; cross-links make some node a premise of two relations.
    for (const r of Object.values(map.relations)) if (r.kind === 'undercuts') expect(map.relations[r.to]).toBeDefined();
    const premiseOf = new Map<string, number>();
    for (const r of Object.values(map.relations)) for (const f of r.from) premiseOf.set(f, (premiseOf.get(f) ?? 0) + 1);
    expect([...premiseOf.values()].some((n) => n > 1)).toBe(true);
  });

  it('anchors evidence quotes in their sources: almost all verbatim, a few only after normalising, a few not found', () => {
    const map = generateMap(1000);
    const quoted = Object.values(map.nodes).filter((n) => n.quote);
    const exact = quoted.filter((n) => anchorQuote(map.sources[n.quote!.source]!.text, n.quote!)?.match === 'exact').length;
    expect(exact / quoted.length).toBeGreaterThan(0.95);
    const statuses = new Set(auditEvidence(map).map((f) => f.status));
    expect([...statuses].sort()).toEqual(['normalized', 'not-found', 'verbatim']);
  });

  it('lays the nodes out without overlaps (cards 260 px wide, at least 200 px apart vertically)', () => {
    const map = generateMap(1000);
    const cells = new Map<string, string[]>();
    const points = Object.entries(map.view.positions);
    for (const [id, p] of points) {
      const key = `${Math.floor(p.x / 300)}:${Math.floor(p.y / 200)}`;
      cells.set(key, [...(cells.get(key) ?? []), id]);
    }
    const clashes: string[] = [];
    for (const [id, p] of points)
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++)
          for (const other of cells.get(`${Math.floor(p.x / 300) + dx}:${Math.floor(p.y / 200) + dy}`) ?? []) {
            const q = map.view.positions[other]!;
            if (other !== id && Math.abs(q.x - p.x) < 280 && Math.abs(q.y - p.y) < 200) clashes.push(`${id}/${other}`);
          }
    expect(clashes).toEqual([]);
  });
});
