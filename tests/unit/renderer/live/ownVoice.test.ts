// What an own-voice student may change (renderer/live/ownVoice.ts): their nodes, their arrows and
// places, comments; new nodes take their voice; everything else is refused in words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { loadMap } from '../../../../arguments/format/load';
import { connect, deleteNodes, editNode, insertFragment, moveNodes, startThread } from '../../../../arguments/operations';
import type { ArgumentMap } from '../../../../arguments/model';
import { ownVoiceOperation } from '../../../../renderer/live/ownVoice';

const r = loadMap(readFileSync(new URL('../../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url)));
if (!r.ok) throw new Error('seed');
const seed = r.map;
const analyst = Object.keys(seed.nodes).sort()[0]!;
const withMine: ArgumentMap = produce(seed, (d) => {
  d.nodes['mine'] = { id: 'mine', kind: 'claim', text: 'Mine.', voice: 'student:Tomas' };
  d.view.positions['mine'] = { x: 0, y: 0 };
});
const run = (op: ReturnType<typeof editNode>, map = withMine) => {
  const checked = ownVoiceOperation(op, map, 'Tomas');
  return typeof checked === 'string' ? checked : produce(map, checked.apply);
};

describe('own voice', () => {
  it('refuses another voice’s node, naming it and the rule', () => {
    const out = run(editNode(analyst, { text: 'Changed.' }));
    expect(out).toMatch(/^“.+” is in (the voice “.+”|the analyst’s voice)\. In this seminar you may edit only your own nodes \(voice “student:Tomas”\) and comments\.$/);
    expect(run(deleteNodes([analyst]))).toEqual(expect.stringContaining('you may edit only your own nodes'));
    expect(run(moveNodes({ [analyst]: { x: 1, y: 1 } }))).toEqual(expect.stringContaining('you may edit only your own nodes'));
  });

  it('lets the student edit, move and delete their own node, but not give it away', () => {
    expect((run(editNode('mine', { text: 'Better.' })) as ArgumentMap).nodes['mine']!.text).toBe('Better.');
    expect((run(moveNodes({ mine: { x: 5, y: 5 } })) as ArgumentMap).view.positions['mine']).toEqual({ x: 5, y: 5 });
    expect(Object.hasOwn((run(deleteNodes(['mine'])) as ArgumentMap).nodes, 'mine')).toBe(false);
    expect(run(editNode('mine', { voice: 'analyst' }))).toBe('In this seminar node mine must be in your voice (student:Tomas).');
  });

  it('gives new nodes the student’s voice', () => {
    const out = run(insertFragment({ nodes: [{ id: 'n.x.1', kind: 'claim', text: 'New.' }], relations: [], positions: { 'n.x.1': { x: 0, y: 0 } } }, 'Add claim')) as ArgumentMap;
    expect(out.nodes['n.x.1']!.voice).toBe('student:Tomas');
  });

  it('allows an arrow from their node to the analyst’s claim, not one from the analyst’s node', () => {
    expect(typeof run(connect({ id: 'r.x.1', kind: 'supports', from: ['mine'], to: analyst }))).toBe('object');
    expect(run(connect({ id: 'r.x.2', kind: 'opposes', from: [analyst], to: 'mine' }))).toMatch(/^In this seminar relation r\.x\.2 does not start from your own nodes/);
  });

  it('allows their comments on any node; refuses a comment in another’s name, the map’s title, a source (the host’s rule)', () => {
    expect(typeof run(startThread('t.x.1', analyst, { author: 'Tomas', text: 'Why?', at: '2026-12-02T00:00:00Z' }))).toBe('object');
    expect(run(startThread('t.x.2', analyst, { author: 'Marta', text: 'Forged.', at: '2026-12-02T00:00:00Z' }))).toMatch(/^In this seminar message .+ is not yours/);
    expect(run({ label: 'Retitle', apply: (d) => void (d.meta.title = 'Mine') })).toBe('In this seminar only the instructor changes the map\'s meta.');
    const source = Object.keys(seed.sources)[0]!;
    expect(run({ label: 'Retitle source', apply: (d) => void (d.sources[source]!.title = 'Mine') })).toBe('In this seminar only the instructor changes the sources.');
  });

  it('keeps the operation’s own refusal', () => {
    expect(run(editNode('no-such-node', { text: 'x' }))).toEqual(expect.any(String));
  });
});
