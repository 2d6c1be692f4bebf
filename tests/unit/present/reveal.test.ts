import { describe, expect, it } from 'vitest';
import { computeStatus } from '../../../arguments/analysis/status';
import { renderFigure } from '../../../arguments/export/figure';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import fc from 'fast-check';
import type { ArgumentMap, Id, Relation } from '../../../arguments/model';
import { presentedMap, relationsFirstShown, shownAt, shownRelations } from '../../../arguments/present/reveal';
import { defaultSteps, type PresentationStep } from '../../../arguments/present/steps';
import { generateMap } from '../../../bench/generate';
import { FIGURE } from '../format/usable';
import { shipped } from '../operations/helpers';

describe('what a presentation shows', () => {
  const map = shipped();
  const steps = defaultSteps(map);
  const last = steps.length - 1;

  it('grows step by step, and the last step shows the whole map', () => {
    expect([...shownAt(map, steps, 0)]).toEqual(['T']);
    expect(shownAt(map, steps, 1).size).toBe(1 + steps[1]!.nodes.length);
    expect(shownAt(map, steps, last).size).toBe(Object.keys(map.nodes).length);
  });

  it('keeps counter-considerations hidden until revealed by hand, and a hidden voice out altogether', () => {
    const hidden = shownAt(map, steps, last, { hideCounters: true });
    expect(hidden.has('K1')).toBe(false);
    expect(hidden.has('O1')).toBe(false);
    expect(hidden.has('E1a')).toBe(true);
    expect(shownAt(map, steps, last, { hideCounters: true, revealed: new Set(['K1']) }).has('K1')).toBe(true);
    const noCritic = shownAt(map, steps, last, { hiddenVoices: new Set(['critic']) });
    expect([...noCritic].filter((id) => map.nodes[id]!.voice === 'critic')).toEqual([]);
  });

  it('presents a map without what is hidden: no relation, status, figure word or position of a hidden node, and the map still loads', () => {
    const shown = shownAt(map, steps, last, { hideCounters: true });
    const p = presentedMap(map, shown);
    expect(Object.keys(p.nodes).sort()).toEqual([...shown].sort());
    for (const r of Object.values(p.relations)) for (const f of r.from) expect(shown.has(f)).toBe(true);
    // The undercuts are made by counters: with them hidden, none is left.
    expect(Object.values(p.relations).filter((r) => r.kind === 'undercuts')).toEqual([]);
    const status = computeStatus(p);
    expect([...status.nodes.keys()].every((id) => shown.has(id))).toBe(true);
    const svg = renderFigure(p, FIGURE).svg;
    expect(svg).not.toContain('Anti-war mood');
    expect(svg).toContain('Thesis');
    expect(Object.keys(p.view.positions).every((id) => shown.has(id))).toBe(true);
    expect(loadMap(serializeMap(p)).ok).toBe(true);
  });

  it('keeps an undercut only while the inference it attacks is shown', () => {
    const all = shownAt(map, steps, last);
    expect(Object.hasOwn(presentedMap(map, all).relations, 'r.O1')).toBe(true);
    // r.O1 undercuts the linked inference from P1a and P1b to Claim 1: without P1a, neither is shown.
    all.delete('P1a');
    const p = presentedMap(map, all);
    expect([Object.hasOwn(p.relations, 'r.P1.C1'), Object.hasOwn(p.relations, 'r.O1')]).toEqual([false, false]);
    expect(Object.hasOwn(p.nodes, 'O1')).toBe(true);
  });
});

describe('the step each relation is first shown at (relationsFirstShown)', () => {
  /**
   * The rule read literally, as a reference: the relations whose premises are all shown and whose
   * target is (a card shown, or for an undercut a relation already kept), level by level.
   */
  const reference = (map: ArgumentMap, shown: ReadonlySet<Id>): Set<Id> => {
    const kept = new Set<Id>();
    const pending = Object.values(map.relations).filter((r) => r.from.every((f) => shown.has(f)));
    for (const r of pending) if (r.kind !== 'undercuts' && shown.has(r.to)) kept.add(r.id);
    for (let added = true; added; ) {
      added = false;
      for (const r of pending) if (r.kind === 'undercuts' && !kept.has(r.id) && kept.has(r.to)) (kept.add(r.id), (added = true));
    }
    return kept;
  };
  /** What the reference says at each step, as the first step each relation is in it; shownRelations says the same at each step. */
  const stepByStep = (map: ArgumentMap, steps: PresentationStep[]) => {
    const first = new Map<Id, number>();
    steps.forEach((_, k) => {
      const shown = shownAt(map, steps, k);
      const kept = reference(map, shown);
      expect(new Set(Object.keys(shownRelations(map, shown)))).toEqual(kept);
      for (const id of kept) if (!first.has(id)) first.set(id, k);
    });
    return first;
  };
  const firstShownOf = (map: ArgumentMap, steps: PresentationStep[]) => {
    const out = new Map<Id, number>();
    steps.forEach((s, k) => s.nodes.forEach((id) => Object.hasOwn(map.nodes, id) && !out.has(id) && out.set(id, k)));
    return out;
  };

  it('agrees with the rule (and shownRelations with it) at every step of the shipped map and of a generated one', () => {
    for (const map of [shipped(), generateMap(300)]) {
      const steps = defaultSteps(map);
      const expected = stepByStep(map, steps);
      expect(expected.size).toBeGreaterThan(20);
      expect(relationsFirstShown(map, firstShownOf(map, steps))).toEqual(expected);
    }
  });

  it('agrees on any order of steps, undercuts of undercuts, circles of undercuts and arrows to nothing', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const relation = fc.record({
      kind: fc.constantFrom('supports', 'opposes', 'undercuts'),
      from: fc.uniqueArray(fc.constantFrom(...ids, 'missing'), { minLength: 1, maxLength: 3 }),
      to: fc.constantFrom(...ids, 'r0', 'r1', 'r2', 'r3', 'r4', 'gone'),
    });
    fc.assert(
      fc.property(fc.array(relation, { maxLength: 8 }), fc.array(fc.array(fc.constantFrom(...ids), { maxLength: 3 }), { minLength: 1, maxLength: 6 }), (rels, stepNodes) => {
        const map = shipped();
        map.nodes = Object.fromEntries(ids.map((id) => [id, { ...map.nodes.T!, id, kind: 'claim' as const }]));
        map.relations = Object.fromEntries(rels.map((r, i) => [`r${i}`, { id: `r${i}`, ...r } as Relation]));
        const steps: PresentationStep[] = stepNodes.map((nodes) => ({ nodes }));
        expect(relationsFirstShown(map, firstShownOf(map, steps))).toEqual(stepByStep(map, steps));
      }),
      { numRuns: 400 },
    );
  });
});
