// The evaluation layer's operations: one undo step each, refusals in words that change nothing,
// verdicts that fit their target, kept apart from the argument, and read by the status.
import { describe, expect, it } from 'vitest';
import { computeStatus } from '../../../arguments/analysis/status';
import { serializeMap } from '../../../arguments/format/serialize';
import * as ops from '../../../arguments/operations';
import { apply, layered, refused, roundTrip } from './helpers';

const status = (map: ReturnType<typeof layered>) => computeStatus(map, ops.evaluationList(map));

describe('setEvaluation', () => {
  it('a judge gives a statement a verdict with a reason and a time, as one undoable step, apart from the argument', () => {
    const start = layered();
    const map = roundTrip(start, ops.setEvaluation('t', 'critic', 'doubt', 'Too strong for one letter.', '2026-12-01T12:00:00Z'));
    expect(ops.evaluationsOf(map, 't')).toEqual([{ id: 'ev9', target: 't', by: 'critic', verdict: 'doubt', reason: 'Too strong for one letter.', at: '2026-12-01T12:00:00Z' }]);
    // The argument is untouched: nodes, relations and sources are the same objects.
    expect(map.nodes).toBe(start.nodes);
    expect(map.relations).toBe(start.relations);
  });

  it('judging again replaces the judge’s verdict, keeping its id; an empty reason leaves none', () => {
    const map = roundTrip(layered(), ops.setEvaluation('c', 'critic', 'accept', ''));
    expect(ops.evaluationBy(map, 'c', 'critic')).toEqual({ id: 'ev1', target: 'c', by: 'critic', verdict: 'accept' });
    expect(ops.evaluationsOf(map, 'c')).toHaveLength(1);
  });

  it('evidence is judged by its basis and an inference by its strength', () => {
    let map = roundTrip(layered(), ops.setEvaluation('e', 'student', 'none'));
    map = roundTrip(map, ops.setEvaluation('r2', 'student', 'strong'));
    expect(ops.evaluationBy(map, 'e', 'student')?.verdict).toBe('none');
    expect(ops.evaluationBy(map, 'r2', 'student')?.verdict).toBe('strong');
  });

  it('refuses a verdict that does not fit, an unknown id, a source, a qualification, and no judge, in words', () => {
    const map = layered();
    expect(refused(map, ops.setEvaluation('e', 'critic', 'reject'))).toBe('An evaluation by critic says "reject" of "e", which is evidence: evidence is judged solid, shaky or none.');
    expect(refused(map, ops.setEvaluation('r2', 'critic', 'accept'))).toBe('An evaluation by critic says "accept" of "r2", which is an inference: an inference is judged strong, weak or none.');
    expect(refused(map, ops.setEvaluation('toString', 'critic', 'reject'))).toBe('An evaluation by critic judges "toString", which is neither a node nor a relation of this map.');
    expect(refused(map, ops.setEvaluation('letter', 'critic', 'accept'))).toBe('An evaluation by critic judges "letter", which is a source; only nodes and relations can be judged.');
    expect(refused(map, ops.setEvaluation('r4', 'critic', 'weak'))).toMatch(/qualifies another statement: a qualification never changes a label, so it cannot be judged\.$/);
    expect(refused(map, ops.setEvaluation('c', ' ', 'accept'))).toBe('An evaluation needs the voice of who judges (analyst, critic, student, …).');
  });

  it('a hostile reason stays text, byte for byte, through save and load', () => {
    const reason = '<script>alert(1)</script> & "quotes" \u202e';
    const map = roundTrip(layered(), ops.setEvaluation('t', 'critic', 'reject', reason));
    expect(serializeMap(map)).toContain(JSON.stringify(reason));
    expect(ops.evaluationBy(map, 't', 'critic')?.reason).toBe(reason);
  });

  it('the status follows: the critic rejecting the claim makes it fall, with the reason naming the judge', () => {
    const before = status(layered());
    const map = apply(layered(), ops.setEvaluation('c', 'critic', 'reject'));
    const after = computeStatus(map, ops.evaluationList(map));
    expect(after.nodes.get('c')!.label).toBe('falls');
    expect(after.nodes.get('c')!.label).not.toBe(before.nodes.get('c')!.label);
    expect(after.nodes.get('c')!.reason).toMatch(/critic/);
  });
});

describe('clearEvaluation', () => {
  it('takes back one judge’s verdict as one step; the others stay', () => {
    const map = roundTrip(layered(), ops.clearEvaluation('e', 'critic'));
    expect(ops.evaluationsOf(map, 'e').map((e) => e.by)).toEqual(['analyst']);
  });

  it('refuses when that judge has not judged it', () => {
    expect(refused(layered(), ops.clearEvaluation('t', 'critic'))).toBe('"critic" has not judged "Thesis" ("t"); there is no evaluation to clear.');
    expect(refused(layered(), ops.clearEvaluation('constructor', 'critic'))).toBe('"critic" has not judged "constructor"; there is no evaluation to clear.');
  });
});

describe('what the argument’s operations do to evaluations', () => {
  it('deleting a node takes its evaluations and those of its relations with it, in the same undo step', () => {
    const map = roundTrip(layered(), ops.deleteNodes(['o']));
    // ev4 judged "o"; ev6 judged r5, the undercut from "o".
    expect(ops.evaluationList(map).map((e) => e.id)).toEqual(['ev1', 'ev2', 'ev3', 'ev5', 'ev7', 'ev8']);
  });

  it('making a statement evidence turns its verdict into the basis with the same effect', () => {
    const map = roundTrip(layered(), ops.editNode('p2', { kind: 'evidence' }));
    expect(ops.evaluationBy(map, 'p2', 'student')?.verdict).toBe('solid');
    const back = roundTrip(map, ops.editNode('p2', { kind: 'premise' }));
    expect(ops.evaluationBy(back, 'p2', 'student')?.verdict).toBe('accept');
  });

  it('an arrow judged cannot become a qualification until its evaluations are cleared', () => {
    expect(refused(layered(), ops.setRelationKind('r2', 'qualifies'))).toBe('This arrow has been judged (by "critic"), and a qualification cannot be judged: clear that evaluation first.');
  });

  it('linking co-premises drops the merged inferences’ evaluations; undo brings them back', () => {
    let map = apply(layered(), ops.ungroupPremises('r2'));
    const split = Object.values(map.relations).find((r) => r.to === 'c' && r.kind === 'supports' && r.id !== 'r2')!;
    map = apply(map, ops.setEvaluation(split.id, 'student', 'weak'));
    const linked = roundTrip(map, ops.groupPremises(['r2', split.id]));
    expect(ops.evaluationsOf(linked, split.id)).toEqual([]);
    expect(ops.evaluationsOf(linked, 'r2').map((e) => e.by)).toEqual(['critic']);
  });
});
