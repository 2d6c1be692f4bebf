// Presence with a draft open (renderer/live/presenceSync.ts): the selection goes to the room whose
// map is shown, and the outlines come from it; a draft's selection is never the class room's.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import type { Presence } from '../../../../arguments/live/protocol';
import { publishPresence, watchPeers } from '../../../../renderer/live/presenceSync';
import { live } from '../../../../renderer/live/liveState';
import { editor } from '../../../../renderer/store/store';

const user = { name: 'Tomas', role: 'student' as const, color: '#1d4ed8' };
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  live.setState({ draft: null, selectedBy: new Map(), peers: [] });
  editor.setState({ selection: { nodes: [], relations: [] } });
});

const select = (...nodes: string[]) => editor.setState({ selection: { nodes, relations: [] } });
const published = (a: Awareness) => (a.getLocalState() as Presence | null)?.selection;
const showDraft = (shown: boolean) => live.setState({ draft: { of: 'Tomas', link: 'live', shown, peers: [] } });

describe('presence beside a draft', () => {
  it('publishes the selection to the room whose map is shown, and an empty one to the other', () => {
    const classRoom = new Awareness(new Y.Doc());
    const draftRoom = new Awareness(new Y.Doc());
    stops.push(publishPresence(classRoom, user, 'class'), publishPresence(draftRoom, user, 'draft'));
    select('n1');
    expect(published(classRoom)).toEqual(['n1']);
    expect(published(draftRoom)).toEqual([]);
    showDraft(true);
    select('n2');
    expect(published(classRoom)).toEqual([]);
    expect(published(draftRoom)).toEqual(['n2']);
    showDraft(false);
    expect(published(draftRoom)).toEqual([]);
    select('n3');
    expect(published(classRoom)).toEqual(['n3']);
  });

  it('outlines the selections of the room shown; the class room’s People list stays whichever is shown', () => {
    const classDoc = new Y.Doc();
    const draftDoc = new Y.Doc();
    const classRoom = new Awareness(classDoc);
    const draftRoom = new Awareness(draftDoc);
    // Marta's pages: one in the class room, one in the draft (remote states, as the provider applies them).
    const martaClass = new Awareness(new Y.Doc());
    const martaDraft = new Awareness(new Y.Doc());
    const marta = { name: 'Marta', role: 'instructor', color: '#c2410c' };
    martaClass.setLocalState({ user: marta, selection: ['in-class'] });
    martaDraft.setLocalState({ user: marta, selection: ['in-draft'] });
    const relay = (from: Awareness, to: Awareness) => {
      to.states.set(from.clientID, from.getLocalState()!);
      to.emit('change', [{ added: [from.clientID], updated: [], removed: [] }, 'remote']);
    };
    stops.push(watchPeers(classRoom, 'class'), watchPeers(draftRoom, 'draft'));
    showDraft(false);
    relay(martaClass, classRoom);
    relay(martaDraft, draftRoom);
    expect([...live.getState().selectedBy.keys()]).toEqual(['in-class']);
    expect(live.getState().peers.map((p) => p.name)).toEqual(['Marta']);
    showDraft(true);
    expect([...live.getState().selectedBy.keys()]).toEqual(['in-draft']);
    expect(live.getState().draft?.peers.map((p) => p.name)).toEqual(['Marta']);
    expect(live.getState().peers.map((p) => p.name)).toEqual(['Marta']);
    showDraft(false);
    expect([...live.getState().selectedBy.keys()]).toEqual(['in-class']);
  });
});
