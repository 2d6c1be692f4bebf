import { describe, expect, it } from 'vitest';
import { checkEvaluation, VERDICT_EFFECTS, VERDICTS } from '../../../arguments/analysis/evaluation';
import { mapOf } from './helpers';

describe('evaluations', () => {
  const map = mapOf(['C', ['E', 'evidence']], [['r', 'supports', 'E', 'C'], ['q', 'qualifies', 'E', 'C']]);

  it('each kind of element takes its own verdicts', () => {
    expect(checkEvaluation(map, { target: 'C', verdict: 'doubt', by: 'critic' })).toEqual({ ok: true, kind: 'statement' });
    expect(checkEvaluation(map, { target: 'E', verdict: 'shaky', by: 'critic' })).toEqual({ ok: true, kind: 'evidence' });
    expect(checkEvaluation(map, { target: 'r', verdict: 'none', by: 'critic' })).toEqual({ ok: true, kind: 'inference' });
    expect(checkEvaluation(map, { target: 'E', verdict: 'doubt', by: 'critic' })).toEqual({
      ok: false,
      problem: 'An evaluation by critic says "doubt" of "E", which is evidence: evidence is judged solid, shaky or none; it was ignored.',
    });
  });

  it('every verdict has an effect; grants, caps and removals line up across kinds', () => {
    for (const kind of Object.keys(VERDICTS) as (keyof typeof VERDICTS)[])
      expect(VERDICTS[kind].map((v) => VERDICT_EFFECTS[v])).toEqual(['grant', 'cap', 'remove']);
  });
});
