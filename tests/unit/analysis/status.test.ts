// The dialectical status: every reason text, exactly; evaluations; voices; bad input.
import { describe, expect, it } from 'vitest';
import { computeStatus, whyChain, type Evaluation } from '../../../arguments/analysis/status';
import { inferenceLabels, labels, mapOf, reason, type RelationSpec } from './helpers';

const ev = (target: string, verdict: Evaluation['verdict'], by = 'critic', why?: string): Evaluation => ({ target, verdict, by, ...(why ? { reason: why } : {}) });

describe('reasons of what stands', () => {
  it('a statement nothing bears on is taken as stated', () => {
    const s = computeStatus(mapOf(['A']));
    expect(s.nodes.get('A')).toEqual({ label: 'stands', reason: 'stands: taken as stated', because: [] });
  });

  it('a supported statement names its supporter, its kind and why that stands', () => {
    const s = computeStatus(mapOf([['E1', 'evidence'], ['P1', 'premise'], 'C1'], [['r1', 'supports', 'E1', 'P1'], ['r2', 'supports', 'P1', 'C1']]));
    expect(s.nodes.get('P1')).toEqual({ label: 'stands', reason: 'stands: supported by E1 (evidence, taken as stated)', because: ['E1'] });
    expect(s.nodes.get('C1')).toEqual({ label: 'stands', reason: 'stands: supported by P1 (premise, which stands)', because: ['P1'] });
  });

  it('a granted supporter is named with its judge', () => {
    const s = computeStatus(mapOf([['P1', 'premise'], 'C1'], [['r', 'supports', 'P1', 'C1']]), [ev('P1', 'accept', 'analyst')]);
    expect(reason(s, 'C1')).toBe('stands: supported by P1 (premise, accepted by analyst)');
    expect(reason(s, 'P1')).toBe('stands: accepted by analyst');
  });

  it('linked premises are one support; several supports are all named, in the order of their relations', () => {
    const m = mapOf(['A', 'B', ['E10', 'evidence'], ['E2', 'evidence'], 'C', 'D'], [
      ['r1', 'supports', ['A', 'B'], 'C'],
      ['r2', 'supports', 'E10', 'D'],
      ['r3', 'supports', 'E2', 'D'],
      ['r4', 'supports', 'E2', 'C'],
    ]);
    const s = computeStatus(m);
    expect(s.nodes.get('D')).toEqual({ label: 'stands', reason: 'stands: supported by E10 (evidence, taken as stated) and E2 (evidence, taken as stated)', because: ['E10', 'E2'] });
    expect(s.nodes.get('C')).toEqual({ label: 'stands', reason: 'stands: supported by A and B together and by E2 (evidence, taken as stated)', because: ['A', 'B', 'E2'] });
    expect(s.inferences.get('r1')).toEqual({ label: 'stands', reason: 'in play: A and B stand', because: ['A', 'B'] });
  });

  it('an objection that fails is named with why it fails', () => {
    const s = computeStatus(mapOf(['C', 'O', 'R'], [['o', 'opposes', 'O', 'C'], ['x', 'opposes', 'R', 'O']]));
    expect(s.nodes.get('C')).toEqual({ label: 'stands', reason: 'stands: taken as stated; the objection from O fails because O falls', because: ['O'] });
    expect(s.nodes.get('O')).toEqual({ label: 'falls', reason: 'falls: opposed by R, which stands', because: ['R'] });
    expect(reason(s, 'o')).toBe('out of play: O falls');
  });

  it('an undercut that is itself undercut is named, and the support stands', () => {
    const s = computeStatus(mapOf([['E', 'evidence'], 'C', 'U', 'V'], [['r', 'supports', 'E', 'C'], ['u', 'undercuts', 'U', 'r'], ['v', 'undercuts', 'V', 'u']]));
    expect(labels(s)).toEqual({ C: 'stands', E: 'stands', U: 'stands', V: 'stands' });
    expect(inferenceLabels(s)).toEqual({ r: 'stands', u: 'falls', v: 'stands' });
    expect(s.nodes.get('C')).toEqual({ label: 'stands', reason: 'stands: supported by E (evidence, taken as stated); the undercut by U is undercut by V, which stands', because: ['E', 'V'] });
    expect(reason(s, 'r')).toBe('in play: E stands; the undercut by U is undercut by V, which stands');
    expect(reason(s, 'u')).toBe('out of play: undercut by V, which stands');
  });

  it('a granted statement stands even when its support fails', () => {
    const s = computeStatus(mapOf(['P', 'C', 'X'], [['r', 'supports', 'P', 'C'], ['x', 'opposes', 'X', 'P']]), [ev('C', 'accept', 'analyst', 'the date is in the file')]);
    expect(s.nodes.get('C')).toEqual({ label: 'stands', reason: 'stands: accepted by analyst ("the date is in the file")', because: [] });
  });

  it('a strong inference says so; an accepted statement with a holding support says both', () => {
    const s = computeStatus(mapOf([['E', 'evidence'], 'C'], [['r', 'supports', 'E', 'C']]), [ev('r', 'strong', 'analyst'), ev('C', 'accept', 'analyst'), ev('E', 'solid', 'analyst')]);
    expect(reason(s, 'r')).toBe('in play: E stands; judged strong by analyst');
    expect(reason(s, 'C')).toBe('stands: supported by E (evidence, its basis judged solid by analyst); accepted by analyst');
    expect(reason(s, 'E')).toBe('stands: its basis judged solid by analyst');
  });
});

describe('reasons of what falls', () => {
  it('opposed by an objection in play', () => {
    const s = computeStatus(mapOf(['C2a', 'O3'], [['r.O3', 'opposes', 'O3', 'C2a']]));
    expect(s.nodes.get('C2a')).toEqual({ label: 'falls', reason: 'falls: opposed by O3, which stands', because: ['O3'] });
    expect(s.inferences.get('r.O3')).toEqual({ label: 'stands', reason: 'in play: O3 stands', because: ['O3'] });
  });

  it('opposed by several objections, or by linked ones', () => {
    const s = computeStatus(mapOf(['C', 'D', 'O1', 'O2', 'A', 'B'], [['o1', 'opposes', 'O1', 'C'], ['o2', 'opposes', 'O2', 'C'], ['o3', 'opposes', ['A', 'B'], 'D']]));
    expect(reason(s, 'C')).toBe('falls: opposed by O1 and O2, which stand');
    expect(reason(s, 'D')).toBe('falls: opposed by A and B together, which stand');
    expect(s.nodes.get('D')!.because).toEqual(['A', 'B']);
  });

  it('no basis: the only support is undercut, or its premise falls, or it is judged to have no force', () => {
    const m = mapOf([['E', 'evidence'], 'C', 'U', 'P', 'X', 'D', ['F', 'evidence'], 'G'], [
      ['r', 'supports', 'E', 'C'],
      ['u', 'undercuts', 'U', 'r'],
      ['p', 'supports', 'P', 'D'],
      ['x', 'opposes', 'X', 'P'],
      ['f', 'supports', 'F', 'G'],
    ]);
    const s = computeStatus(m, [ev('f', 'none')]);
    expect(s.nodes.get('C')).toEqual({ label: 'falls', reason: 'falls: no basis: the support from E is undercut by U, which stands', because: ['U'] });
    expect(s.nodes.get('D')).toEqual({ label: 'falls', reason: 'falls: no basis: the support from P fails because P falls', because: ['P'] });
    expect(s.nodes.get('G')).toEqual({ label: 'falls', reason: 'falls: no basis: the support from F is judged to have no force by critic', because: [] });
    expect(reason(s, 'r')).toBe('out of play: undercut by U, which stands');
    expect(reason(s, 'p')).toBe('out of play: P falls');
    expect(reason(s, 'f')).toBe('out of play: judged to have no force by critic');
  });

  it('a support both undercut and without its premise names both', () => {
    const s = computeStatus(mapOf(['A', 'B', 'C', 'U', 'X'], [['r', 'supports', ['A', 'B'], 'C'], ['u', 'undercuts', 'U', 'r'], ['x', 'opposes', 'X', 'A']]));
    expect(s.nodes.get('C')).toEqual({
      label: 'falls',
      reason: 'falls: no basis: the support from A and B together is undercut by U, which stands, and fails because A falls',
      because: ['U', 'A'],
    });
    expect(reason(s, 'r')).toBe('out of play: undercut by U, which stands; A falls');
  });

  it('rejected by a judge, with the judge and the reason; evidence judged to have no basis', () => {
    const s = computeStatus(mapOf(['C', ['E', 'evidence']]), [ev('C', 'reject', 'critic', 'not   in\nthe letter'), ev('E', 'none', 'student')]);
    expect(s.nodes.get('C')).toEqual({ label: 'falls', reason: 'falls: rejected by critic ("not in the letter")', because: [] });
    expect(reason(s, 'E')).toBe('falls: judged to have no basis by student');
  });

  it('several supports out of play are each told', () => {
    const s = computeStatus(mapOf(['A', 'B', 'C', 'X'], [['a', 'supports', 'A', 'C'], ['b', 'supports', 'B', 'C'], ['x1', 'opposes', 'X', 'A'], ['x2', 'opposes', 'X', 'B']]));
    expect(reason(s, 'C')).toBe('falls: no basis: the support from A fails because A falls; the support from B fails because B falls');
  });
});

describe('reasons of what is open', () => {
  it('two statements attacking each other', () => {
    const s = computeStatus(mapOf(['A', 'B'], [['ab', 'opposes', 'A', 'B'], ['ba', 'opposes', 'B', 'A']]));
    expect(s.nodes.get('A')).toEqual({ label: 'open', reason: 'open: opposed by B, which is itself open', because: ['B'] });
    expect(s.inferences.get('ab')).toEqual({ label: 'open', reason: 'open: A is open', because: ['A'] });
  });

  it('a self-attack is open, unless something else decides it', () => {
    const alone = computeStatus(mapOf(['A'], [['aa', 'opposes', 'A', 'A']]));
    expect(alone.nodes.get('A')).toEqual({ label: 'open', reason: 'open: opposed by itself', because: [] });
    const decided = computeStatus(mapOf(['A', 'B'], [['aa', 'opposes', 'A', 'A'], ['ba', 'opposes', 'B', 'A']]));
    expect(labels(decided)).toEqual({ A: 'falls', B: 'stands' });
    expect(reason(decided, 'A')).toBe('falls: opposed by B, which stands');
    expect(reason(decided, 'aa')).toBe('out of play: A falls');
  });

  it('supported only by an open statement', () => {
    const s = computeStatus(mapOf(['A', 'B', 'C'], [['ab', 'opposes', 'A', 'B'], ['ba', 'opposes', 'B', 'A'], ['r', 'supports', 'A', 'C']]));
    expect(s.nodes.get('C')).toEqual({ label: 'open', reason: 'open: supported by A, which is itself open', because: ['A'] });
  });

  it('doubted by a judge (shaky evidence); a weak support', () => {
    const s = computeStatus(mapOf(['C', ['E', 'evidence'], 'D'], [['r', 'supports', 'E', 'D']]), [ev('C', 'doubt'), ev('E', 'shaky', 'student'), ev('r', 'weak')]);
    expect(reason(s, 'C')).toBe('open: doubted by critic');
    expect(reason(s, 'E')).toBe('open: its basis judged shaky by student');
    expect(s.nodes.get('D')).toEqual({ label: 'open', reason: 'open: the support from E is judged weak by critic, and is open because E is open', because: ['E'] });
    expect(reason(s, 'r')).toBe('open: judged weak by critic; E is open');
  });

  it('a support that may be undercut', () => {
    const s = computeStatus(mapOf([['E', 'evidence'], 'C', 'U', 'V'], [['r', 'supports', 'E', 'C'], ['u', 'undercuts', 'U', 'r'], ['uv', 'opposes', 'U', 'V'], ['vu', 'opposes', 'V', 'U']]));
    expect(s.nodes.get('C')).toEqual({ label: 'open', reason: 'open: the support from E may be undercut by U', because: ['U'] });
    expect(reason(s, 'r')).toBe('open: the undercut by U is open because U is open');
  });

  it('a linked objection that is open names what is open', () => {
    const s = computeStatus(mapOf(['C', 'A', 'B', 'X'], [['o', 'opposes', ['A', 'B'], 'C'], ['bx', 'opposes', 'B', 'X'], ['xb', 'opposes', 'X', 'B']]));
    expect(s.nodes.get('C')).toEqual({ label: 'open', reason: 'open: the objection from A and B together is open because B is open', because: ['B'] });
  });
});

describe('evaluations', () => {
  const m = () => mapOf(['C', ['E', 'evidence'], 'D'], [['r', 'supports', 'E', 'D'], ['q', 'qualifies', 'C', 'D']]);

  it('the most sceptical counted judge counts, and the reason names every judge at that level', () => {
    const s = computeStatus(m(), [ev('C', 'accept', 'analyst'), ev('C', 'doubt', 'student'), ev('C', 'doubt', 'critic')]);
    expect(reason(s, 'C')).toBe('open: doubted by critic and student');
    const t = computeStatus(m(), [ev('C', 'doubt', 'student'), ev('C', 'reject', 'critic'), ev('C', 'accept', 'analyst')]);
    expect(reason(t, 'C')).toBe('falls: rejected by critic');
  });

  it('reports evaluations that do not fit, in words, and ignores them', () => {
    const bad = [
      ev('ghost', 'reject'),
      ev('letter', 'reject'),
      ev('q', 'weak'),
      ev('E', 'reject'),
      ev('C', 'solid'),
      ev('r', 'accept'),
      { target: 'C', verdict: 'reject', by: '' } as Evaluation,
      { target: 'C', verdict: 'maybe', by: 'critic' } as unknown as Evaluation,
      { verdict: 'reject', by: 'critic' } as unknown as Evaluation,
    ];
    const s = computeStatus(m(), bad);
    expect(s.problems).toEqual([
      'An evaluation by critic judges "ghost", which is neither a node nor a relation of this map; it was ignored.',
      'An evaluation by critic judges "letter", which is a source; only nodes and relations can be judged; it was ignored.',
      'An evaluation by critic judges "q", which qualifies another statement: a qualification never changes a label, so it cannot be judged; it was ignored.',
      'An evaluation by critic says "reject" of "E", which is evidence: evidence is judged solid, shaky or none; it was ignored.',
      'An evaluation by critic says "solid" of "C", which is a statement: a statement is judged accept, doubt or reject; it was ignored.',
      'An evaluation by critic says "accept" of "r", which is an inference: an inference is judged strong, weak or none; it was ignored.',
      'An evaluation of "C" does not say who judged it; it was ignored.',
      'An evaluation by critic says "maybe" of "C", which is a statement: a statement is judged accept, doubt or reject; it was ignored.',
      'An evaluation by critic names no node or relation; it was ignored.',
    ]);
    expect(s.nodes).toEqual(computeStatus(m()).nodes);
  });

  it('a qualification is a caveat on its target and never changes a label', () => {
    const s = computeStatus(m());
    expect(s.nodes.get('D')).toEqual({ label: 'stands', reason: 'stands: supported by E (evidence, taken as stated)', because: ['E'], caveats: ['C'] });
    expect(s.inferences.has('q')).toBe(false);
  });
});

describe('voices as layers', () => {
  const m = () =>
    mapOf(['C', ['E', 'evidence', 'analyst'], ['O', 'counter', 'critic'], ['N', 'note', 'translator'], ['S', 'claim', 'student']], [
      ['r', 'supports', 'E', 'C', 'analyst'],
      ['o', 'undercuts', 'O', 'r', 'critic'],
      ['n', 'undercuts', 'N', 'o', 'translator'],
      ['s', 'opposes', 'S', 'C'],
      ['t', 'supports', 'E', 'S', 'critic'],
    ]);

  it('only the counted voices, and what has no voice, count; relations vanish with what they touch', () => {
    const s = computeStatus(m(), [], { voices: new Set(['analyst']) });
    expect([...s.nodes.keys()]).toEqual(['C', 'E']);
    expect([...s.inferences.keys()]).toEqual(['r']);
    expect(labels(s)).toEqual({ C: 'stands', E: 'stands' });
  });

  it('an undercut of a vanished inference vanishes too', () => {
    const s = computeStatus(m(), [], { voices: new Set(['analyst', 'translator']) });
    expect([...s.inferences.keys()]).toEqual(['r']);
    expect(labels(s)).toEqual({ C: 'stands', E: 'stands', N: 'stands' });
  });

  it('switching a layer on changes what stands', () => {
    const critic = computeStatus(m(), [], { voices: new Set(['analyst', 'critic']) });
    expect(labels(critic)).toEqual({ C: 'falls', E: 'stands', O: 'stands' });
    const all = computeStatus(m());
    expect(labels(all)).toEqual({ C: 'falls', E: 'stands', N: 'stands', O: 'stands', S: 'stands' });
    expect(reason(all, 'C')).toBe('falls: opposed by S, which stands');
  });

  it('evaluations by judges not counted are ignored', () => {
    const s = computeStatus(m(), [ev('C', 'reject', 'critic')], { voices: new Set(['analyst']) });
    expect(labels(s)).toEqual({ C: 'stands', E: 'stands' });
    expect(s.problems).toEqual([]);
  });
});

describe('circular support', () => {
  it('two statements resting only on each other fall, named as circular', () => {
    const s = computeStatus(mapOf(['A', 'B'], [['ab', 'supports', 'A', 'B'], ['ba', 'supports', 'B', 'A']]));
    expect(s.nodes.get('A')).toEqual({ label: 'falls', reason: 'falls: circular: rests only on B, which has no basis outside a circle of support', because: ['B'] });
    expect(s.nodes.get('B')).toEqual({ label: 'falls', reason: 'falls: circular: rests only on A, which has no basis outside a circle of support', because: ['A'] });
    expect(reason(s, 'ab')).toBe('out of play: A falls');
  });

  it('a self-support falls; a circle with a basis outside it stands', () => {
    expect(reason(computeStatus(mapOf(['A'], [['aa', 'supports', 'A', 'A']])), 'A')).toBe('falls: circular: rests only on itself');
    const based = computeStatus(mapOf(['A', 'B', ['E', 'evidence']], [['ab', 'supports', 'A', 'B'], ['ba', 'supports', 'B', 'A'], ['ea', 'supports', 'E', 'A']]));
    expect(labels(based)).toEqual({ A: 'stands', B: 'stands', E: 'stands' });
  });

  it('a circle whose outside support fails is circular and says why the outside support fails', () => {
    const s = computeStatus(mapOf(['A', 'B', 'X', 'Y'], [['ab', 'supports', 'A', 'B'], ['ba', 'supports', 'B', 'A'], ['xa', 'supports', 'X', 'A'], ['yx', 'opposes', 'Y', 'X']]));
    expect(reason(s, 'A')).toBe('falls: circular: rests only on B, which has no basis outside a circle of support; the support from X fails because X falls');
  });

  it('a circular objection decides nothing, and what it attacks stands', () => {
    const s = computeStatus(mapOf(['T', 'A', 'B'], [['ab', 'supports', 'A', 'B'], ['ba', 'supports', 'B', 'A'], ['at', 'opposes', 'A', 'T']]));
    expect(labels(s)).toEqual({ A: 'falls', B: 'falls', T: 'stands' });
    expect(reason(s, 'T')).toBe('stands: taken as stated; the objection from A fails because A falls');
  });

  it('a circle kept open by an attack cycle falls once the circle is seen to have no basis', () => {
    // A and B support each other; A is also attacked by X, which is in an odd cycle with itself.
    const s = computeStatus(mapOf(['A', 'B', 'X', 'T'], [['ab', 'supports', 'A', 'B'], ['ba', 'supports', 'B', 'A'], ['xx', 'opposes', 'X', 'X'], ['xa', 'opposes', 'X', 'A'], ['bt', 'opposes', 'B', 'T']]));
    expect(labels(s)).toEqual({ A: 'falls', B: 'falls', T: 'stands', X: 'open' });
  });
  it('a chain of circles, each seen to be circular only once the one before has fallen', () => {
    // Circle k (A_k ⇄ B_k) also rests on S_k. A_k opposes Y_k; Y_k opposes S_(k+1). Z topples S_0.
    // Circle 0 falls; so Y_0 stands, S_1 falls, circle 1 is left with no basis outside it; and so on.
    const k = 60;
    const nodes: string[] = ['Z'];
    const rels: RelationSpec[] = [['zs', 'opposes', 'Z', 'S0']];
    for (let i = 0; i < k; i++) {
      nodes.push(`A${i}`, `B${i}`, `S${i}`, `Y${i}`);
      rels.push([`ab${i}`, 'supports', `A${i}`, `B${i}`], [`ba${i}`, 'supports', `B${i}`, `A${i}`], [`sa${i}`, 'supports', `S${i}`, `A${i}`], [`ay${i}`, 'opposes', `A${i}`, `Y${i}`]);
      if (i + 1 < k) rels.push([`ys${i}`, 'opposes', `Y${i}`, `S${i + 1}`]);
    }
    const s = computeStatus(mapOf(nodes, rels));
    const expected: Record<string, string> = { Z: 'stands' };
    for (let i = 0; i < k; i++) Object.assign(expected, { [`A${i}`]: 'falls', [`B${i}`]: 'falls', [`S${i}`]: 'falls', [`Y${i}`]: 'stands' });
    expect(labels(s)).toEqual(expected);
    expect(reason(s, 'A59')).toBe('falls: circular: rests only on B59, which has no basis outside a circle of support; the support from S59 fails because S59 falls');
    expect(reason(s, 'S59')).toBe('falls: opposed by Y58, which stands');
  });
});

describe('bad input', () => {
  it('odd and even attack cycles stay open', () => {
    const odd = computeStatus(mapOf(['A', 'B', 'C'], [['ab', 'opposes', 'A', 'B'], ['bc', 'opposes', 'B', 'C'], ['ca', 'opposes', 'C', 'A']]));
    expect(labels(odd)).toEqual({ A: 'open', B: 'open', C: 'open' });
    const even = computeStatus(mapOf(['A', 'B', 'C', 'D'], [['ab', 'opposes', 'A', 'B'], ['bc', 'opposes', 'B', 'C'], ['cd', 'opposes', 'C', 'D'], ['da', 'opposes', 'D', 'A']]));
    expect(labels(even)).toEqual({ A: 'open', B: 'open', C: 'open', D: 'open' });
  });

  it('undercuts that undercut each other stay open, and so does what they attack', () => {
    const s = computeStatus(mapOf([['E', 'evidence'], 'C', 'U', 'V'], [['r', 'supports', 'E', 'C'], ['u', 'undercuts', 'U', 'v'], ['v', 'undercuts', 'V', 'u'], ['w', 'undercuts', 'U', 'r']]));
    expect(inferenceLabels(s)).toEqual({ r: 'falls', u: 'open', v: 'open', w: 'stands' });
    const t = computeStatus(mapOf([['E', 'evidence'], 'C', 'U', 'V'], [['r', 'supports', 'E', 'C'], ['u', 'undercuts', 'U', 'v'], ['v', 'undercuts', 'V', 'r'], ['x', 'undercuts', 'U', 'x']]));
    // v undercuts r and is undercut by u (which stands): r holds. x undercuts itself: open.
    expect(inferenceLabels(t)).toEqual({ r: 'stands', u: 'stands', v: 'falls', x: 'open' });
    const self = computeStatus(mapOf([['E', 'evidence'], 'C', 'U'], [['r', 'supports', 'E', 'C'], ['u', 'undercuts', 'U', 'u']]));
    expect(inferenceLabels(self)).toEqual({ r: 'stands', u: 'open' });
  });

  it('a relation pointing at nothing is reported and left out; the rest is computed', () => {
    const m = mapOf([['E', 'evidence'], 'C', 'U'], [
      ['r', 'supports', 'E', 'C'],
      ['u', 'undercuts', 'U', 'gone'],
      ['w', 'undercuts', 'U', 'u'],
      ['x', 'supports', 'E', 'r'],
      ['y', 'opposes', 'ghost', 'C'],
      ['z', 'undercuts', 'U', 'C'],
    ]);
    const s = computeStatus(m);
    expect(s.problems).toEqual([
      'Relation "u" undercuts "gone", which is not a relation of this map (was the inference deleted?); it was left out of the status.',
      'Relation "x" supports the relation "r"; only an undercut can bear on a relation; it was left out of the status.',
      'Relation "y" starts from "ghost", which is not a node of this map; it was left out of the status.',
      'Relation "z" undercuts "C", which is not a relation of this map (was the inference deleted?); it was left out of the status.',
    ]);
    expect(labels(s)).toEqual({ C: 'stands', E: 'stands', U: 'stands' });
    expect([...s.inferences.keys()]).toEqual(['r']);
  });

  it('ids that are names of Object.prototype are ordinary ids', () => {
    const m = mapOf(['toString', 'constructor', '__proto__', 'hasOwnProperty'], [
      ['valueOf', 'opposes', 'toString', 'constructor'],
      ['isPrototypeOf', 'supports', '__proto__', 'hasOwnProperty'],
    ]);
    const s = computeStatus(m, [ev('__proto__', 'doubt')]);
    expect(labels(s)).toEqual({ ['__proto__']: 'open', constructor: 'falls', hasOwnProperty: 'open', toString: 'stands' });
    expect(reason(s, '__proto__')).toBe('open: doubted by critic');
    expect(reason(s, 'hasOwnProperty')).toBe('open: supported by __proto__, which is itself open');
  });

  const chain = (n: number, kind: 'opposes' | 'supports') => {
    const nodes = Array.from({ length: n }, (_, k) => `n${k}`);
    const rels: RelationSpec[] = [];
    for (let k = 1; k < n; k++) rels.push([`r${k}`, kind, `n${k}`, `n${k - 1}`]);
    return mapOf(nodes, rels);
  };

  it('a 10,000-node attack chain alternates, without overflowing the stack', () => {
    const s = computeStatus(chain(10_000, 'opposes'));
    // n9999 is unattacked: it stands, n9998 falls, n9997 stands, … n0 falls.
    const got = Array.from({ length: 10_000 }, (_, k) => s.nodes.get(`n${k}`)!.label);
    expect(got).toEqual(Array.from({ length: 10_000 }, (_, k) => (k % 2 === 1 ? 'stands' : 'falls')));
    expect(reason(s, 'n0')).toBe('falls: opposed by n1, which stands');
  });

  it('a 10,000-node support chain stands from its base, falls when the base is rejected, and falls as a circle', () => {
    const m = chain(10_000, 'supports');
    const s = computeStatus(m);
    expect([...s.nodes.values()].every((e) => e.label === 'stands')).toBe(true);
    expect(reason(s, 'n0')).toBe('stands: supported by n1 (claim, which stands)');
    expect(reason(s, 'n9998')).toBe('stands: supported by n9999 (claim, taken as stated)');
    const rejected = computeStatus(m, [ev('n9999', 'reject')]);
    expect([...rejected.nodes.values()].every((e) => e.label === 'falls')).toBe(true);
    expect(reason(rejected, 'n0')).toBe('falls: no basis: the support from n1 fails because n1 falls');
    m.relations.loop = { id: 'loop', kind: 'supports', from: ['n0'], to: 'n9999' };
    const circle = computeStatus(m);
    expect([...circle.nodes.values()].every((e) => e.label === 'falls')).toBe(true);
    expect(reason(circle, 'n5000')).toBe('falls: circular: rests only on n5001, which has no basis outside a circle of support');
  });
});

describe('whyChain', () => {
  const m = () => mapOf([['E', 'evidence'], 'C', 'U', 'V', 'W'], [['r', 'supports', 'E', 'C'], ['u', 'undercuts', 'U', 'r'], ['vu', 'opposes', 'V', 'U'], ['wv', 'opposes', 'W', 'V'], ['vw', 'opposes', 'V', 'W']]);

  it('gives the reason, then the reasons of what it names, breadth first, each once', () => {
    const status = computeStatus(m());
    const chain = whyChain(status, m(), 'C');
    expect(chain.map((s) => [s.id, s.depth, s.label])).toEqual([
      ['C', 0, 'open'],
      ['U', 1, 'open'],
      ['V', 2, 'open'],
      ['W', 3, 'open'],
    ]);
    expect(chain[0]).toEqual({ id: 'C', element: 'node', name: 'Statement C', label: 'open', reason: 'open: the support from E may be undercut by U', depth: 0 });
  });

  it('is bounded by depth and length, and knows nothing of ids the status does not hold', () => {
    const status = computeStatus(m());
    expect(whyChain(status, m(), 'C', 1).map((s) => s.id)).toEqual(['C', 'U']);
    expect(whyChain(status, m(), 'C', 9, 2).map((s) => s.id)).toEqual(['C', 'U']);
    expect(whyChain(status, m(), 'nothing')).toEqual([]);
    expect(whyChain(status, m(), 'u')[0]).toMatchObject({ element: 'inference', name: 'U undercuts r', reason: 'open: U is open' });
  });
});
