// What a figure includes: the whole map, the selection, one claim's subtree; with or without
// counter-considerations and voices.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIGURE_OPTIONS, renderFigure } from '../../../arguments/export/figure';
import { parseScope, scopeMap, ScopeError } from '../../../arguments/export/scope';
import { shippedMap } from './helpers';

const map = shippedMap();
const sorted = (s: Set<string>) => [...s].sort();

describe('figure scope', () => {
  it('all: every node and relation', () => {
    const s = scopeMap(map, { kind: 'all' }, { counters: true });
    expect(s.nodes.size).toBe(39);
    expect(s.relations.size).toBe(40);
  });

  it('a claim\u2019s subtree: its premises and evidence, the attacks on it and on its inferences', () => {
    const s = scopeMap(map, { kind: 'subtree', root: 'C1' }, { counters: true });
    expect(sorted(s.nodes)).toEqual(['C1', 'E0a', 'E1a', 'E1b', 'E1c', 'E1d', 'K1', 'O1', 'O2', 'P1a', 'P1b']);
    expect(sorted(s.relations)).toEqual(['r.E0a.O1', 'r.E1a.P1a', 'r.E1b.P1b', 'r.E1c.P1b', 'r.E1d.O1', 'r.K1.C1', 'r.O1', 'r.O2', 'r.P1.C1'].sort());
  });

  it('without counter-considerations: no counters, and none of what only answered them', () => {
    const s = scopeMap(map, { kind: 'subtree', root: 'C1' }, { counters: false });
    expect(sorted(s.nodes)).toEqual(['C1', 'E1a', 'E1b', 'E1c', 'P1a', 'P1b']);
    expect(sorted(s.relations)).toEqual(['r.E1a.P1a', 'r.E1b.P1b', 'r.E1c.P1b', 'r.P1.C1']);
    const all = scopeMap(map, { kind: 'all' }, { counters: false });
    expect([...all.nodes].filter((id) => map.nodes[id]!.kind === 'counter')).toEqual([]);
    expect(all.nodes.has('E1d')).toBe(false); // the critic's evidence for objection O1
    expect(all.nodes.has('E5')).toBe(false);
    expect(all.nodes.has('E0a')).toBe(true); // also supports P0
    expect(all.nodes.has('TN2')).toBe(true); // a note, not a counter-consideration
    for (const id of all.relations) expect(map.relations[id]!.kind).not.toBe('undercuts');
  });

  it('the selection: the selected nodes and the relations among them', () => {
    const s = scopeMap(map, { kind: 'selection', ids: ['C3', 'P3a', 'O4', 'E3a'] }, { counters: true });
    expect(sorted(s.nodes)).toEqual(['C3', 'E3a', 'O4', 'P3a']);
    expect(sorted(s.relations)).toEqual(['r.E3a.P3a', 'r.O4', 'r.P3a.C3']);
  });

  it('names what it cannot find', () => {
    expect(() => scopeMap(map, { kind: 'subtree', root: 'C9' }, { counters: true })).toThrow(ScopeError);
    expect(() => scopeMap(map, { kind: 'selection', ids: ['C1', 'nope'] }, { counters: true })).toThrow(/no node "nope"/);
    expect(() => scopeMap(map, { kind: 'selection', ids: [] }, { counters: true })).toThrow(/selection is empty/);
  });

  it('parses the CLI\u2019s --scope', () => {
    expect(parseScope('all')).toEqual({ kind: 'all' });
    expect(parseScope('claim:C2')).toEqual({ kind: 'subtree', root: 'C2' });
    expect(parseScope('selection:C1, P1a,P1b')).toEqual({ kind: 'selection', ids: ['C1', 'P1a', 'P1b'] });
    expect(() => parseScope('everything')).toThrow(ScopeError);
  });

  it('closes the gaps left by what the scope leaves out', () => {
    const whole = renderFigure(map, DEFAULT_FIGURE_OPTIONS);
    const part = renderFigure(map, { ...DEFAULT_FIGURE_OPTIONS, scope: { kind: 'subtree', root: 'C3' } });
    // The map's columns run down the page: one claim's subtree is a short stretch of them.
    expect(part.height).toBeLessThan(whole.height / 3);
    expect(part.width).toBeLessThanOrEqual(whole.width);
  });

  it('without voices: no voice badges', () => {
    const fig = renderFigure(map, { ...DEFAULT_FIGURE_OPTIONS, voices: false });
    expect(fig.layout.nodes.every((n) => !n.voice)).toBe(true);
    expect(fig.svg).not.toMatch(/>analyst</);
    expect(renderFigure(map, DEFAULT_FIGURE_OPTIONS).svg).toMatch(/>analyst</);
  });
});
