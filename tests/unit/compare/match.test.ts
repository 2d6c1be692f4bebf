// The matching: by statement, by quote, refined by structure; never by id; deterministic.
import { describe, expect, it } from 'vitest';
import { matchNodes } from '../../../arguments/compare/match';
import { emptyMap, type ArgumentMap } from '../../../arguments/model';

/** Two claims, each with a premise worded the same: only structure tells which is which. */
function twins(ids: { a: string; b: string; pa: string; pb: string }, textA = 'The boycott was deliberate.'): ArgumentMap {
  const m = emptyMap('2024-01-01T00:00:00.000Z');
  m.nodes[ids.a] = { id: ids.a, kind: 'claim', text: textA };
  m.nodes[ids.b] = { id: ids.b, kind: 'claim', text: 'China was pulled into the war by America.' };
  m.nodes[ids.pa] = { id: ids.pa, kind: 'premise', text: 'Stalin wrote so to Gottwald.' };
  m.nodes[ids.pb] = { id: ids.pb, kind: 'premise', text: 'Stalin wrote so to Gottwald.' };
  m.relations[`r${ids.pa}`] = { id: `r${ids.pa}`, kind: 'supports', from: [ids.pa], to: ids.a };
  m.relations[`r${ids.pb}`] = { id: `r${ids.pb}`, kind: 'supports', from: [ids.pb], to: ids.b };
  return m;
}

describe('matchNodes', () => {
  it('tells two premises worded alike apart by what they support, whatever their ids', () => {
    const instructor = twins({ a: 'A', b: 'B', pa: 'P1', pb: 'P2' });
    // The student's ids run the other way: P1 is under B here.
    const student = twins({ a: 'x9', b: 'x1', pa: 'P2', pb: 'P1' });
    const m = matchNodes(student, instructor);
    expect(Object.fromEntries(m.toStudent)).toEqual({ A: 'x9', B: 'x1', P1: 'P2', P2: 'P1' });
    expect(m.pairs.find((p) => p.id === 'P1')!.structure).toBe(1);
  });

  it('leaves a node unmatched when nothing is alike enough, and never pairs by id', () => {
    const instructor = twins({ a: 'A', b: 'B', pa: 'P1', pb: 'P2' });
    const student = twins({ a: 'A', b: 'B', pa: 'P1', pb: 'P2' }, 'Grain deliveries doubled in the winter.');
    const m = matchNodes(student, instructor);
    expect(m.toStudent.has('A')).toBe(false);
    expect(m.toInstructor.has('A')).toBe(false);
    expect(m.pairs).toHaveLength(3);
  });

  it('matches evidence quoting the same passage though described otherwise', () => {
    const base = emptyMap('2024-01-01T00:00:00.000Z');
    const text = 'We left the Council to give America a free hand. It was a mistake to think otherwise.';
    const make = (sourceId: string, description: string): ArgumentMap => ({
      ...base,
      sources: { [sourceId]: { id: sourceId, title: 'Letter', role: 'primary', text } },
      nodes: { E: { id: 'E', kind: 'evidence', text: description, quote: { source: sourceId, exact: 'to give America a free hand', start: 20 } } },
    });
    const m = matchNodes(make('s1', 'A free hand.'), make('letter', 'Why the delegation left.'));
    expect(m.pairs).toEqual([{ id: 'E', studentId: 'E', confidence: expect.any(Number), text: 0, quote: 1, structure: 0 }]);
    expect(Object.fromEntries(m.sources)).toEqual({ s1: 'letter' });
  });
});
