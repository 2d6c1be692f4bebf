// The shipped map (Stalin to Gottwald, 27 August 1950) under each choice of voices, worked out
// by hand from the map and written down here before asking the engine.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeStatus } from '../../../arguments/analysis/status';
import { loadMap } from '../../../arguments/format/load';
import type { ArgumentMap } from '../../../arguments/model';
import { inferenceLabels, labels } from './helpers';

function shipped(): ArgumentMap {
  const r = loadMap(readFileSync(new URL('../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url)));
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.map;
}

const of = (status: ReturnType<typeof computeStatus>, ids: string[]) => Object.fromEntries(ids.map((id) => [id, status.nodes.get(id)?.label]));
const THESIS_AND_CLAIMS = ['T', 'C1', 'C2', 'C3', 'C4'];

describe('the shipped map, analyst only', () => {
  // "Analyst only" is the analyst's voice alone: the translator's notes (TN1, TN2) are the
  // translator's layer, hidden with the critic's. Nothing in the analyst's layer attacks anything
  // (K1 only qualifies C1), so every statement stands on its evidence.
  const status = computeStatus(shipped(), [], { voices: new Set(['analyst']) });

  it('the thesis and the four claims stand', () => {
    expect(of(status, THESIS_AND_CLAIMS)).toEqual({ T: 'stands', C1: 'stands', C2: 'stands', C3: 'stands', C4: 'stands' });
    expect(status.nodes.get('T')!.reason).toBe(
      'stands: supported by C1 (claim, which stands), C2 (claim, which stands), C3 (claim, which stands), C4 (claim, which stands), P0 (premise, which stands) and P0b (premise, which stands)',
    );
    expect(status.nodes.get('C1')).toEqual({ label: 'stands', reason: 'stands: supported by P1a and P1b together', because: ['P1a', 'P1b'], caveats: ['K1'] });
  });

  it('everything the analyst says stands, and no critic or translator node counts', () => {
    expect(new Set(Object.values(labels(status)))).toEqual(new Set(['stands']));
    expect([...status.nodes.keys()].filter((id) => /^(O|TN)/.test(id) || id === 'E1d' || id === 'E5')).toEqual([]);
    expect(status.problems).toEqual([]);
  });
});

describe('the shipped map, analyst and translator', () => {
  const status = computeStatus(shipped(), [], { voices: new Set(['analyst', 'translator']) });
  it('TN1 takes E4a’s support of C4 out of play, but C4 still stands on P4a', () => {
    // TN1 (the sentence is ambiguous) undercuts r.E4a.C4; C4 keeps r.P4a.C4 (P4a ← E2b).
    expect(of(status, THESIS_AND_CLAIMS)).toEqual({ T: 'stands', C1: 'stands', C2: 'stands', C3: 'stands', C4: 'stands' });
    expect(inferenceLabels(status)['r.E4a.C4']).toBe('falls');
    expect(status.inferences.get('r.E4a.C4')!.reason).toBe('out of play: undercut by TN1, which stands');
    expect(status.nodes.get('C4')!.reason).toBe('stands: supported by P4a (premise, which stands)');
    expect(status.nodes.get('E0c')!.caveats).toEqual(['TN2']);
  });
});

describe('the shipped map, analyst and critic', () => {
  const status = computeStatus(shipped(), [], { voices: new Set(['analyst', 'critic']) });

  it('each objection does what it says', () => {
    // No critic node is attacked by anything, so every objection stands (O1 on E0a and E1d,
    // O5 on E5, O8 on E0a; the others are taken as stated). What each then does:
    const expected = {
      // O1 (when and to whom: written after the event) undercuts r.P1.C1, C1's only support.
      C1: 'falls',
      // O2 (the wording) undercuts r.E1a.P1a, P1a's only support: P1a falls (r.P1.C1 is out twice over).
      P1a: 'falls',
      P1b: 'stands',
      // O3 (no ranking) opposes C2a: C2a falls, but C2 stands on E2a.
      C2a: 'falls',
      C2: 'stands',
      // O4 (who pulls China in) undercuts r.P3a.C3; P3a itself still stands.
      P3a: 'stands',
      // O5 (the 1949 cable, on E5) opposes C3: C3 falls (its support from C3a is gone too, by O6).
      C3: 'falls',
      // O6 (rapprochement unmentioned) opposes C3a: C3a falls.
      C3a: 'falls',
      // O7 (a supposition) opposes C4: C4 falls, although E4a and P4a still support it.
      C4: 'falls',
      P4a: 'stands',
      // O8 (which absence?) undercuts r.P0.T; P0 still stands.
      P0: 'stands',
      // T keeps two supports in play, from C2 and P0b: it stands.
      T: 'stands',
      P0b: 'stands',
    };
    expect(of(status, Object.keys(expected))).toEqual(expected);
    for (const o of ['O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7', 'O8']) expect(status.nodes.get(o)!.label, o).toBe('stands');
    expect(inferenceLabels(status)).toMatchObject({ 'r.P1.C1': 'falls', 'r.E1a.P1a': 'falls', 'r.P3a.C3': 'falls', 'r.P0.T': 'falls', 'r.E4a.C4': 'stands', 'r.P4a.C4': 'stands' });
  });

  it('says why, in words', () => {
    const why = (id: string) => status.nodes.get(id)!.reason;
    expect(why('T')).toBe('stands: supported by C2 (claim, which stands) and P0b (premise, which stands)');
    expect(why('C1')).toBe('falls: no basis: the support from P1a and P1b together is undercut by O1, which stands, and fails because P1a falls');
    expect(why('C2')).toBe('stands: supported by E2a (evidence, taken as stated)');
    expect(why('C3')).toBe('falls: opposed by O5, which stands; no basis: the support from C3a fails because C3a falls; the support from P3a is undercut by O4, which stands');
    expect(why('C4')).toBe('falls: opposed by O7, which stands');
    expect(why('P1a')).toBe('falls: no basis: the support from E1a is undercut by O2, which stands');
    expect(why('O1')).toBe('stands: supported by E0a (evidence, taken as stated) and E1d (evidence, taken as stated)');
    expect(status.inferences.get('r.P0.T')!.reason).toBe('out of play: undercut by O8, which stands');
  });

  it('counting the translator too changes nothing of the thesis and claims (C4 already falls by O7)', () => {
    const all = computeStatus(shipped());
    expect(of(all, THESIS_AND_CLAIMS)).toEqual({ T: 'stands', C1: 'falls', C2: 'stands', C3: 'falls', C4: 'falls' });
    expect(of(all, ['TN1', 'TN2'])).toEqual({ TN1: 'stands', TN2: 'stands' });
  });
});
