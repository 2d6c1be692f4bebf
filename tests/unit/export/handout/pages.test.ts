// What the PDF handout's pages hold, before any drawing: the map as revealed at each step, the
// quotes of what each step reveals with their notes numbered through the handout, the claim
// pages' sections, and the refusal of a map with nothing to present.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCiteProcessor } from '../../../../arguments/cli/citeproc-node';
import type { CiteProcessor } from '../../../../arguments/cite/processor';
import { HandoutError } from '../../../../arguments/export/handout';
import { isHandoutPaging, planHandout } from '../../../../arguments/export/handout/pages';
import { presentationSteps } from '../../../../arguments/present/steps';
import { shippedMap } from '../helpers';

const map = shippedMap();
let cite: CiteProcessor;
beforeAll(async () => {
  cite = await nodeCiteProcessor();
});
afterAll(() => cite.dispose());

describe('planHandout', () => {
  it('reveals the stored order step by step: page k has the nodes of steps 1..k and quotes those step k reveals', () => {
    const steps = presentationSteps(map);
    const plan = planHandout(map, cite);
    expect(plan.pages.length).toBe(steps.length);
    const seen = new Set<string>();
    plan.pages.forEach((p, k) => {
      steps[k]!.nodes.forEach((id) => seen.add(id));
      expect(new Set(Object.keys(p.shown.nodes))).toEqual(seen);
      expect(p.quotes.map((q) => q.node)).toEqual(steps[k]!.nodes.filter((id) => map.nodes[id]!.quote));
    });
    const numbers = plan.pages.flatMap((p) => p.quotes.map((q) => q.note));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(plan.notes.length).toBe(numbers.length);
  });

  it('follows an order the instructor stored', () => {
    const own = structuredClone(map);
    own.view.presentation = { steps: [{ nodes: ['C4', 'O7'], title: 'Start with the war' }, { nodes: ['T'] }] };
    const plan = planHandout(own, cite);
    expect(plan.pages[0]!.heading).toBe('Start with the war');
    expect(Object.keys(plan.pages[0]!.shown.nodes).sort()).toEqual(['C4', 'O7']);
    expect(plan.pages[1]!.heading).toBe('Step 2');
  });

  it('gives a claim page its statement, premises, evidence and objections', () => {
    const plan = planHandout(map, cite, { paging: 'claim' });
    const c4 = plan.pages.find((p) => p.heading === 'Claim 4')!;
    expect(Object.keys(c4.shown.nodes)).toEqual(expect.arrayContaining(['C4', 'P4a', 'E4a', 'O7']));
    expect(Object.hasOwn(c4.shown.nodes, 'C1')).toBe(false);
    expect(plan.pages[0]!.kicker).toBe(`Section 1 of ${plan.pages.length}`);
  });

  it('refuses a map with no thesis or claim, in words', () => {
    const bare = structuredClone(map);
    for (const n of Object.values(bare.nodes)) if (n.kind === 'thesis' || n.kind === 'claim') n.kind = 'premise';
    for (const paging of ['step', 'claim'] as const) {
      const run = () => planHandout(bare, cite, { paging });
      expect(run).toThrow(HandoutError);
      expect(run).toThrow(/has no thesis or claim.*add a thesis or a claim/);
    }
  });

  it('knows its two pagings and nothing else', () => {
    expect(['step', 'claim', 'toString', 'page'].map(isHandoutPaging)).toEqual([true, true, false, false]);
  });
});
