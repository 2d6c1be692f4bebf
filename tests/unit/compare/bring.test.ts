// Bringing a student's nodes into the class map: one undo step, attached through the comparison's
// matching (not ids), fresh ids where they clash, sources brought when a quote needs them, and
// refused in the editor's own words when the map cannot take them.
import { readFileSync } from 'node:fs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { bringNodes, matchingOf, planBring } from '../../../arguments/compare/bring';
import { compare } from '../../../arguments/compare/compare';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import { commit, createHistory, undo } from '../../../arguments/history';
import { emptyMap, type ArgumentMap } from '../../../arguments/model';
import { renameIds } from './edits';

const r = loadMap(readFileSync(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url)));
if (!r.ok) throw new Error('the shipped map does not load');
const classMap = r.map;

/** A student's copy of the class map (own ids) with a new objection to Claim 4 and its own evidence, undercut by a reply. */
function studentMap(): ArgumentMap {
  const { map } = renameIds(classMap, 'st');
  const claim4 = Object.values(map.nodes).find((n) => n.title === 'Claim 4')!.id;
  const cable = Object.values(map.sources).find((s) => s.title === classMap.sources.cable1949!.title)!.id;
  return produce(map, (d) => {
    d.nodes.O1 = { id: 'O1', kind: 'counter', voice: 'student', text: 'The letter is tactical: it answers Gottwald, it does not set out a doctrine of war.' };
    d.nodes.E9 = { id: 'E9', kind: 'evidence', voice: 'student', text: 'The cable is cautious.', quote: { source: cable, exact: classMap.nodes.E5!.quote!.exact } };
    d.relations.q1 = { id: 'q1', kind: 'opposes', from: ['O1'], to: claim4 };
    d.relations.q2 = { id: 'q2', kind: 'supports', from: ['E9'], to: 'O1' };
    d.view.positions.O1 = { x: 10, y: 10 };
    d.view.positions.E9 = { x: 10, y: 200 };
  });
}

describe('bring nodes from another map', () => {
  it('brings a student’s objection and its evidence as one step, attached to the class map’s Claim 4 by the matching', () => {
    const student = studentMap();
    const plan = planBring(classMap, student, ['O1', 'E9'], matchingOf(compare(student, classMap)));
    // O1 and E9 are ids the class map uses: fresh ones.
    expect(plan.renamed.O1).not.toBe('O1');
    expect(Object.hasOwn(classMap.nodes, plan.renamed.O1!)).toBe(false);
    expect(plan.fragment.relations.map((x) => [x.kind, x.from, x.to])).toEqual([
      ['opposes', [plan.renamed.O1], 'C4'],
      ['supports', [plan.renamed.E9], plan.renamed.O1],
    ]);
    // The cable has the same text as the class map's: no source brought, the quote re-pointed.
    expect(plan.sources).toEqual([]);
    expect(plan.fragment.nodes.find((n) => n.id === plan.renamed.E9)!.quote!.source).toBe('cable1949');
    const done = commit(createHistory(classMap), bringNodes(plan));
    if (!done.ok) throw new Error(done.reason);
    expect(done.history.past).toHaveLength(1);
    const merged = done.history.present;
    expect(loadMap(serializeMap(merged)).ok).toBe(true);
    expect(merged.nodes[plan.renamed.O1!]!.text).toMatch(/^The letter is tactical/);
    // Beside the map, not on it.
    expect(merged.view.positions[plan.renamed.O1!]!.x).toBeGreaterThan(Math.max(...Object.values(classMap.view.positions).map((p) => p.x)));
    expect(serializeMap(undo(done.history).present)).toBe(serializeMap(classMap));
  });

  it('brings the source a quote needs, and does not copy a chosen node the map already has', () => {
    const student = produce(studentMap(), (d) => {
      d.sources.diary = { id: 'diary', title: 'A diary', role: 'primary', text: 'Nothing happened today.' };
      d.nodes.E9!.quote = { source: 'diary', exact: 'Nothing happened' };
    });
    const matching = matchingOf(compare(student, classMap));
    const claim1 = [...matching].find(([, to]) => to === 'C1')![0];
    const plan = planBring(classMap, student, ['E9', claim1], matching);
    expect(plan.alreadyThere).toEqual({ [claim1]: 'C1' });
    expect(plan.sources.map((s) => [s.id, s.text])).toEqual([['diary', 'Nothing happened today.']]);
    // Its relation to O1 (not brought, not in the class map) stays behind, said so.
    expect(plan.left.map((x) => x.id)).toEqual(['q2']);
    const done = commit(createHistory(classMap), bringNodes(plan));
    if (!done.ok) throw new Error(done.reason);
    expect(loadMap(serializeMap(done.history.present)).ok).toBe(true);
  });

  it('is refused, changing nothing, when the map cannot take it, in the editor’s own words', () => {
    const student = studentMap();
    const plan = planBring(classMap, student, ['O1'], matchingOf(compare(student, classMap)));
    // Planned for the class map, committed on a map that meanwhile took the id.
    const busy = produce(classMap, (d) => {
      d.nodes[plan.renamed.O1!] = { id: plan.renamed.O1!, kind: 'note', text: 'Taken.' };
    });
    const refused = commit(createHistory(busy), bringNodes(plan));
    expect(refused).toEqual({ ok: false, reason: `The id "${plan.renamed.O1}" is already in use.` });
    const nothing = planBring(classMap, classMap, ['C1'], matchingOf(compare(classMap, classMap)));
    expect(commit(createHistory(classMap), bringNodes(nothing))).toEqual({ ok: false, reason: 'Nothing to bring: the chosen nodes are already in this map.' });
    const empty = emptyMap('2024-01-01T00:00:00.000Z');
    const into = planBring(empty, student, ['O1', 'E9'], new Map());
    expect(into.fragment.nodes.map((n) => n.id)).toEqual(['E9', 'O1']);
    expect(into.sources).toHaveLength(1);
    const ok = commit(createHistory(empty), bringNodes(into));
    expect(ok.ok && loadMap(serializeMap(ok.history.present)).ok).toBe(true);
  });
});
