// What an own-voice student may change (renderer/live/ownVoice.ts): their nodes, their arrows and
// places, comments; new nodes take their voice; everything else is refused in words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { loadMap } from '../../../../arguments/format/load';
import { connect, deleteNodes, editNode, insertFragment, moveNodes, startThread } from '../../../../arguments/operations';
import type { ArgumentMap } from '../../../../arguments/model';
import { ownVoiceStep } from '../../../../renderer/live/ownVoice';
import { toYDoc } from '../../../../arguments/live/mirror';
import { LiveSession } from '../../../../arguments/live/session';

const r = loadMap(readFileSync(new URL('../../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url)));
if (!r.ok) throw new Error('seed');
const seed = r.map;
const analyst = Object.keys(seed.nodes).sort()[0]!;
const withMine: ArgumentMap = produce(seed, (d) => {
  d.nodes['mine'] = { id: 'mine', kind: 'claim', text: 'Mine.', voice: 'student:Tomas' };
  d.view.positions['mine'] = { x: 0, y: 0 };
});
/** The step as the page runs it: through a session of `map`, judged as it is made; the map after, or the refusal. */
const run = (op: ReturnType<typeof editNode>, map = withMine): ArgumentMap | string => {
  const doc = toYDoc(map);
  // This page's peer tag, so the ids below are its own (a new record's id is not renamed).
  doc.clientID = 42;
  const session = new LiveSession(doc);
  const step = ownVoiceStep(op, 'Tomas');
  const r = session.apply(step.op, step.vet);
  if (!r.ok) {
    // Refused: nothing was written.
    expect(session.map).toEqual(map);
    return r.reason;
  }
  return session.map;
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
    const out = run(insertFragment({ nodes: [{ id: 'n.16.1', kind: 'claim', text: 'New.' }], relations: [], positions: { 'n.16.1': { x: 0, y: 0 } } }, 'Add claim')) as ArgumentMap;
    expect(out.nodes['n.16.1']!.voice).toBe('student:Tomas');
  });

  it('allows an arrow from their node to the analyst’s claim, not one from the analyst’s node', () => {
    expect(typeof run(connect({ id: 'r.16.1', kind: 'supports', from: ['mine'], to: analyst }))).toBe('object');
    expect(run(connect({ id: 'r.16.2', kind: 'opposes', from: [analyst], to: 'mine' }))).toMatch(/^In this seminar relation r\.16\.2 does not start from your own nodes/);
  });

  it('allows their comments on any node; refuses a comment in another’s name, the map’s title, a source (the host’s rule)', () => {
    expect(typeof run(startThread('t.16.1', analyst, { author: 'Tomas', text: 'Why?', at: '2026-12-02T00:00:00Z' }))).toBe('object');
    expect(run(startThread('t.16.2', analyst, { author: 'Marta', text: 'Forged.', at: '2026-12-02T00:00:00Z' }))).toMatch(/^In this seminar message .+ is not yours/);
    expect(run({ label: 'Retitle', apply: (d) => void (d.meta.title = 'Mine') })).toBe('In this seminar only the instructor changes the map\'s meta.');
    const source = Object.keys(seed.sources)[0]!;
    expect(run({ label: 'Retitle source', apply: (d) => void (d.sources[source]!.title = 'Mine') })).toBe('In this seminar only the instructor changes the sources.');
  });

  it('judges the step it writes: a drag frame or a new node is produced once, not for a dry run and again', () => {
    let produced = 0;
    const counted = (op: ReturnType<typeof editNode>) => ({ ...op, apply: (d: Parameters<typeof op.apply>[0]) => (produced++, op.apply(d)) });
    expect(typeof run(counted(moveNodes({ mine: { x: 9, y: 9 } })))).toBe('object');
    expect(produced).toBe(1);
    produced = 0;
    const out = run(counted(insertFragment({ nodes: [{ id: 'n.16.2', kind: 'claim', text: 'New.' }], relations: [], positions: { 'n.16.2': { x: 0, y: 0 } } }, 'Add claim'))) as ArgumentMap;
    expect(out.nodes['n.16.2']!.voice).toBe('student:Tomas');
    expect(produced).toBe(1);
  });

  it('keeps the operation’s own refusal', () => {
    expect(run(editNode('no-such-node', { text: 'x' }))).toEqual(expect.any(String));
  });
});
