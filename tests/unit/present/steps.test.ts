import { describe, expect, it } from 'vitest';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import { setPresentationSteps } from '../../../arguments/operations/presentation';
import { defaultSteps, normalizeSteps, presentationSteps } from '../../../arguments/present/steps';
import { apply, refused, shipped } from '../operations/helpers';

const all = (steps: { nodes: string[] }[]) => steps.flatMap((s) => s.nodes);

describe('the default order of a presentation (the outline’s reading order)', () => {
  it('starts with the thesis, then its grounds, then each claim after it; every node exactly once', () => {
    const map = shipped();
    const steps = defaultSteps(map);
    expect(steps[0]).toEqual({ nodes: ['T'], title: 'Thesis' });
    expect(steps[1]!.title).toBe('Thesis: its grounds');
    expect(steps[1]!.nodes).toContain('P0');
    const ids = all(steps);
    expect(ids.length).toBe(Object.keys(map.nodes).length);
    expect(new Set(ids).size).toBe(ids.length);
    // Claim 1 before Claim 2, each before its own grounds and objections.
    const at = (id: string) => steps.findIndex((s) => s.nodes.includes(id));
    expect(at('C1')).toBeLessThan(at('C2'));
    expect(at('C1')).toBeLessThan(at('P1a'));
    expect(at('P1a')).toBeLessThan(at('O1'));
    expect(steps[at('O1')]!.title).toBe('Claim 1: objections and replies');
  });
});

describe('a stored order', () => {
  it('is saved with the file as one step and read back; resetting returns to the derived order', () => {
    const map = shipped();
    const mine = [{ nodes: ['C4'], title: 'Start with the last claim' }, { nodes: ['T'] }];
    const arranged = apply(map, setPresentationSteps(mine));
    const r = loadMap(serializeMap(arranged));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const steps = presentationSteps(r.map);
    expect(steps.slice(0, 2)).toEqual(mine);
    // Nodes the arranged order left out are revealed last, so none is out of reach.
    expect(steps[2]!.title).toBe('Not yet in the order');
    expect(all(steps).length).toBe(Object.keys(map.nodes).length);
    const reset = apply(arranged, setPresentationSteps(null));
    expect(presentationSteps(reset)).toEqual(defaultSteps(map));
    expect(refused(map, setPresentationSteps(null))).toBe('The presentation already follows the map’s own order.');
  });

  it('made stale by later edits is normalised: deleted nodes dropped, repeats kept at their first step, empty steps gone', () => {
    const map = shipped();
    const steps = normalizeSteps(map, [{ nodes: ['gone', 'T'] }, { nodes: ['T'] }, { nodes: ['C1', 'C1'], title: 'One' }]);
    expect(steps.slice(0, 2)).toEqual([{ nodes: ['T'] }, { nodes: ['C1'], title: 'One' }]);
  });
});
