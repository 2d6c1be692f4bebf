// Voices as layers on the canvas (renderer/canvas/layers.ts): a hidden voice's cards and arrows
// leave, a dimmed voice's arrows fade, the rest keep their objects; voice names such as
// "constructor" are only names.
import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '../../../../arguments/model';
import { fitTargets, layersRule, voiceClass, voicedEdges, withHiddenVoices } from '../../../../renderer/canvas/layers';
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

  it('Fit frames the cards a hidden voice leaves, not the hidden ones React Flow still holds; React Flow’s own fit when no voice is hidden', () => {
    const collapsed = new Set(['n']);
    expect(fitTargets(nodes, withHiddenVoices(collapsed, nodes, { analyst: 'dimmed' }), collapsed)).toBeUndefined();
    expect(fitTargets(nodes, withHiddenVoices(collapsed, nodes, { critic: 'hidden' }), collapsed)).toEqual([{ id: 'a' }, { id: 'k' }]);
    // Every card hidden: nothing to frame (the canvas stays where it is).
    expect(fitTargets(nodes, withHiddenVoices(new Set(['n']), nodes, { analyst: 'hidden', critic: 'hidden', constructor: 'hidden' as const }), collapsed)).toEqual([]);
  });

  it('arrows carry their voice’s class, and a dimmed or hidden voice is one rule over that class (a voice named "constructor" too)', () => {
    const input = [edge('r1', 'o', 'critic'), edge('r2', 'o'), edge('r3', 'n', 'analyst'), { ...edge('r4', 'n'), target: 'n' }];
    const edges = voicedEdges(input, nodes);
    const critic = voiceClass('critic');
    const analyst = voiceClass('analyst');
    expect(critic).toMatch(/^aa-vl-\d+$/);
    // Its voice's class (its relation's, else its premise's), and its two cards' voices' (s: from, t: to: all end at "a", the analyst's).
    const from = (c: string) => c.replace('aa-vl-', 'aa-vs-');
    const to = (c: string) => c.replace('aa-vl-', 'aa-vt-');
    expect(edges.map((e) => e.className ?? '')).toEqual([`${critic} ${from(critic)} ${to(analyst)}`, `${critic} ${from(critic)} ${to(analyst)}`, `${analyst} ${to(analyst)}`, '']);
    // The same objects while the voices are the same.
    voicedEdges(input, nodes).forEach((e, i) => expect(e).toBe(edges[i]));
    expect(voiceClass('constructor')).not.toBe(critic);
    expect(layersRule({})).toBe('');
    expect(layersRule({ critic: 'shown' })).toBe('');
    const rule = layersRule({ critic: 'dimmed' as const, constructor: 'dimmed' as const });
    expect(rule).toContain(`.aa-node.${critic}:not(.selected)`);
    expect(rule).toContain(`.react-flow__edge.${critic}`);
    expect(rule).toContain(`.aa-node.${voiceClass('constructor')}:not(.selected)`);
    expect(rule).not.toContain('analyst');
    expect(rule).not.toContain('display');
    // Hidden: the cards' wrappers (React Flow's) and all they hold leave view, by visibility (their boxes stay: nothing to re-measure).
    const hide = layersRule({ critic: 'hidden', analyst: 'dimmed' });
    expect(hide).toContain(`.react-flow__node.${critic}`);
    expect(hide).toContain(`.react-flow__node.${critic} *`);
    expect(hide).toMatch(/\{ visibility: hidden !important; \}$/);
    expect(hide).not.toContain('display');
    // Its arrows go, and every arrow from or to its cards, whatever the arrow's own voice.
    expect(hide).toContain(`.react-flow__edge.${critic}`);
    expect(hide).toContain(`.react-flow__edge.${critic.replace('aa-vl-', 'aa-vs-')}`);
    expect(hide).toContain(`.react-flow__edge.${critic.replace('aa-vl-', 'aa-vt-')}`);
    expect(hide).not.toContain(`.react-flow__edge.${analyst.replace('aa-vl-', 'aa-vt-')}`);
    expect(hide).toContain(`.aa-node.${analyst}:not(.selected)`);
    expect(hide).not.toContain(`.react-flow__node.${analyst}`);
  });
});
