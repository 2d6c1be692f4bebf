// compare(student, instructor) on the shipped map and maps made from it: the same map has nothing
// to say; random deletions, rewordings, moves and re-links are named exactly, nothing more; the
// result does not depend on ids or the order of records; split and joined premises, reversed
// arrows and undercuts drawn as objections are named.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { compare, isSame, type Comparison } from '../../../arguments/compare/compare';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import { commit, createHistory, type Operation } from '../../../arguments/history';
import type { ArgumentMap, Id } from '../../../arguments/model';
import { groupPremises, ungroupPremises } from '../../../arguments/operations';
import { applyEdits, editsOf, renameIds, reword, type Edit } from './edits';

const SHIPPED = new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url);

function shipped(): ArgumentMap {
  const r = loadMap(readFileSync(SHIPPED));
  if (!r.ok) throw new Error('the shipped map does not load');
  return r.map;
}

const model = shipped();

function run(map: ArgumentMap, op: Operation): ArgumentMap {
  const r = commit(createHistory(map), op);
  if (!r.ok) throw new Error(r.reason);
  return r.history.present;
}

/** What the edits imply, in the comparison's terms (instructor's ids; the student's through `to`). */
function expected(edits: readonly Edit[], to: (id: Id) => Id) {
  const out = { missing: [] as Id[], reworded: [] as Id[], misplaced: [] as object[], wrongRelation: [] as object[] };
  for (const e of edits) {
    if (e.type === 'delete') out.missing.push(e.node);
    else if (e.type === 'reword') out.reworded.push(e.node);
    else {
      const r = model.relations[e.relation]!;
      const p = e.premise!;
      if (e.type === 'move') out.misplaced.push({ id: p, studentId: to(p), expected: r.to, found: to(e.to), foundInInstructor: e.to, relation: r.id, studentRelation: to(r.id) });
      else out.wrongRelation.push({ id: r.id, studentId: to(r.id), from: p, expected: r.kind, found: e.kind, reversed: false });
    }
  }
  return out;
}

const sortBy = <T extends { id: Id }>(xs: T[]) => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe('compare', () => {
  it('finds nothing to say about a map compared with itself, with a score of 1', () => {
    const c = compare(model, model);
    expect(isSame(c)).toBe(true);
    expect(c.reworded).toEqual([]);
    expect(c.score).toBe(1);
    expect(c.matches.map((m) => [m.id, m.studentId])).toEqual(Object.keys(model.nodes).sort().map((id) => [id, id]));
  });

  it('names exactly the changes of random edits of the shipped map, whatever the student’s ids', () => {
    fc.assert(
      fc.property(editsOf(model), fc.boolean(), (wanted, renamed) => {
        const { map: edited, edits } = applyEdits(model, wanted);
        // The edited map is one the app would open.
        expect(loadMap(serializeMap(edited)).ok).toBe(true);
        const student = renamed ? renameIds(edited) : { map: edited, rename: new Map<Id, Id>() };
        const to = (id: Id) => student.rename.get(id) ?? id;
        const c = compare(student.map, model);
        const want = expected(edits, to);
        expect(c.missing).toEqual([...want.missing].sort());
        expect(c.extra).toEqual([]);
        expect(c.reworded.map((r) => r.id).sort()).toEqual([...want.reworded].sort());
        for (const r of c.reworded) expect(r.studentId).toBe(to(r.id));
        expect(sortBy(c.misplaced)).toEqual(sortBy(want.misplaced as Comparison['misplaced']));
        expect(sortBy(c.wrongRelation)).toEqual(sortBy(want.wrongRelation as Comparison['wrongRelation']));
        expect([c.split, c.joined, c.missingRelations, c.extraRelations, c.kindChanged]).toEqual([[], [], [], [], []]);
        // Every node left is found, under its own (renamed) id.
        for (const m of c.matches) expect(m.studentId).toBe(to(m.id));
        expect(c.matches).toHaveLength(Object.keys(edited.nodes).length);
        expect(c.score).toBeLessThanOrEqual(1);
        if (edits.some((e) => e.type !== 'reword')) expect(c.score).toBeLessThan(1);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('gives the same comparison whatever the order of the records', () => {
    const { map: edited } = applyEdits(model, [{ type: 'delete', node: 'O3' }, { type: 'reword', node: 'P1b' }, { type: 'move', relation: 'r.E2a.C2', to: 'C3' }]);
    const shuffled = (m: ArgumentMap): ArgumentMap => ({
      ...m,
      nodes: Object.fromEntries(Object.entries(m.nodes).reverse()),
      relations: Object.fromEntries(Object.entries(m.relations).reverse()),
      sources: Object.fromEntries(Object.entries(m.sources).reverse()),
    });
    expect(compare(shuffled(edited), shuffled(model))).toEqual(compare(edited, model));
  });

  it('matches a reworded piece of evidence by its quote, and a missing one is named', () => {
    const student = produce(model, (d) => {
      d.nodes.E1a!.text = 'Gottwald is told something else entirely.';
      delete d.nodes.E1b;
      delete d.relations['r.E1b.P1b'];
    });
    const c = compare(student, model);
    expect(c.missing).toEqual(['E1b']);
    const e1a = c.matches.find((m) => m.id === 'E1a')!;
    expect(e1a.studentId).toBe('E1a');
    expect(e1a.quote).toBe(1);
    expect(c.reworded.map((r) => r.id)).toEqual(['E1a']);
  });

  it('names a student’s own node as extra, and its relations are not counted twice', () => {
    const student = produce(model, (d) => {
      d.nodes.X = { id: 'X', kind: 'premise', text: 'Grain deliveries to Leningrad doubled in the winter of 1949.' };
      d.relations['r.X'] = { id: 'r.X', kind: 'supports', from: ['X'], to: 'C2' };
    });
    const c = compare(student, model);
    expect(c.extra).toEqual(['X']);
    expect(c.extraRelations).toEqual([]);
    expect(c.missing).toEqual([]);
    expect(c.scoreParts.focus).toBeCloseTo(39 / 40, 3);
  });

  it('names linked premises split apart, and separate ones linked', () => {
    const split = run(model, ungroupPremises('r.P1.C1'));
    const c = compare(split, model);
    expect(c.split).toEqual([{ id: 'r.P1.C1', studentIds: Object.keys(split.relations).filter((id) => split.relations[id]!.to === 'C1' && split.relations[id]!.kind === 'supports').sort(), premises: ['P1a', 'P1b'] }]);
    expect(c.wrongRelation).toEqual([]);
    const joined = run(model, groupPremises(['r.E1b.P1b', 'r.E1c.P1b']));
    expect(compare(joined, model).joined).toEqual([{ id: 'r.E1b.P1b', instructorIds: ['r.E1b.P1b', 'r.E1c.P1b'] }]);
  });

  it('names an arrow drawn the other way round, and an undercut drawn as an objection to the claim', () => {
    const student = produce(model, (d) => {
      d.relations['r.E4a.C4'] = { ...d.relations['r.E4a.C4']!, from: ['C4'], to: 'E4a' };
      d.relations['r.O1'] = { id: 'r.O1', kind: 'opposes', from: ['O1'], to: 'C1', voice: 'critic' };
    });
    const c = compare(student, model);
    expect(sortBy(c.wrongRelation)).toEqual([
      { id: 'r.E4a.C4', studentId: 'r.E4a.C4', from: 'E4a', expected: 'supports', found: 'supports', reversed: true },
      { id: 'r.O1', studentId: 'r.O1', from: 'O1', expected: 'undercuts', found: 'opposes', reversed: false },
    ]);
    // The undercut of the reversed inference (TN1) is passed over: the reversal says it.
    expect([c.misplaced, c.extraRelations, c.missingRelations]).toEqual([[], [], []]);
  });

  it('names a link the student leaves out, and one the student adds between the model’s nodes', () => {
    const student = produce(model, (d) => {
      delete d.relations['r.E0a.O8'];
      d.relations['r.new'] = { id: 'r.new', kind: 'supports', from: ['E3c'], to: 'C3' };
    });
    const c = compare(student, model);
    expect(c.missingRelations).toEqual([{ id: 'r.E0a.O8', from: 'E0a', to: 'O8' }]);
    expect(c.extraRelations).toEqual([{ id: 'r.new', from: 'E3c', to: 'C3' }]);
    expect(c.misplaced).toEqual([]);
    expect(c.scoreParts.links).toBeLessThan(1);
  });

  it('matches sources by their text, then by their title, and compares an empty student map', () => {
    const renamed = renameIds(model, 'q');
    expect(compare(renamed.map, model).sources).toEqual(Object.fromEntries([...Object.keys(model.sources)].map((id) => [renamed.rename.get(id)!, id]).sort()));
    const empty = { ...model, nodes: {}, relations: {}, sources: {} };
    const c = compare(empty, model);
    expect(c.missing).toHaveLength(39);
    expect(c.matches).toEqual([]);
    expect(c.score).toBeCloseTo(0.2, 3);
    expect(compare(model, empty).extra).toHaveLength(39);
  });

  it('rewording keeps two thirds of the words', () => {
    expect(reword('one two three four five six')).toBe('one two zq3x four five zq6x');
  });
});
