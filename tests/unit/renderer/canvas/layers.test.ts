// Voices as layers on the canvas (renderer/canvas/layers.ts): a hidden voice's cards and arrows
// leave, a dimmed voice's arrows fade, the rest keep their objects; voice names such as
// "constructor" are only names.
import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '../../../../arguments/model';
import { dimmedRule, layeredEdges, voiceClass, voicedEdges, withHiddenVoices } from '../../../../renderer/canvas/layers';
import type { FlowEdge } from '../../../../renderer/canvas/types';

const nodes = {
  a: { id: 'a', kind: 'claim', text: 'A', voice: 'analyst' },
  o: { id: 'o', kind: 'counter', text: 'O', voice: 'critic' },
  k: { id: 'k', kind: 'note', text: 'K', voice: 'constructor' },
  n: { id: 'n', kind: 'premise', text: 'N' },
} as ArgumentMap['nodes'];
const edge = (id: string, source: string, voice?: string): FlowEdge =>
  ({ id, type: 'relation', source, target: 'a', data: { relationId: id, kind: 'opposes', premises: [source], index: 0, ...(voice ? { voice } : {}) } }) as FlowEdge;

describe('voices as layers on the canvas', () => {
  it('hides the cards of a hidden voice, with those collapsed away, and only them', () => {
    const collapsed = new Set(['n']);
    expect(withHiddenVoices(collapsed, nodes, {})).toBe(collapsed);
    expect([...withHiddenVoices(collapsed, nodes, { critic: 'hidden', analyst: 'dimmed' })].sort()).toEqual(['n', 'o']);
    expect([...withHiddenVoices(new Set(), nodes, { toString: 'hidden' as const })]).toEqual([]);
    expect([...withHiddenVoices(new Set(), nodes, { constructor: 'hidden' as const })]).toEqual(['k']);
  });

  it('hides the arrows of a hidden voice (its relation’s, else its premise’s) and keeps the others; dimming changes no arrow', () => {
    const edges = [edge('r1', 'o', 'critic'), edge('r2', 'o'), edge('r3', 'n', 'analyst')];
    expect(layeredEdges(edges, nodes, {})).toBe(edges);
    const hidden = layeredEdges(edges, nodes, { critic: 'hidden' });
    expect(hidden.map((e) => e.hidden ?? false)).toEqual([true, true, false]);
    expect(hidden[2]).toBe(edges[2]);
    expect(layeredEdges(edges, nodes, { critic: 'hidden' })[0]).toBe(hidden[0]);
    expect(layeredEdges(edges, nodes, { critic: 'dimmed' })).toBe(edges);
  });

  it('arrows carry their voice’s class, and a dimmed voice is one rule over that class (a voice named "constructor" too)', () => {
    const edges = voicedEdges([edge('r1', 'o', 'critic'), edge('r2', 'o'), edge('r3', 'n', 'analyst'), edge('r4', 'n')], nodes);
    const critic = voiceClass('critic');
    expect(critic).toMatch(/^aa-vl-\d+$/);
    expect(edges.map((e) => e.className ?? '')).toEqual([critic, critic, voiceClass('analyst'), '']);
    expect(voiceClass('constructor')).not.toBe(critic);
    expect(dimmedRule({})).toBe('');
    expect(dimmedRule({ critic: 'shown', analyst: 'hidden' })).toBe('');
    const rule = dimmedRule({ critic: 'dimmed' as const, constructor: 'dimmed' as const });
    expect(rule).toContain(`.aa-node.${critic}:not(.selected)`);
    expect(rule).toContain(`.react-flow__edge.${critic}`);
    expect(rule).toContain(`.aa-node.${voiceClass('constructor')}:not(.selected)`);
    expect(rule).not.toContain('analyst');
  });
});
