// Joining a live seminar (renderer/live/connection.ts) against the real host over a copy of the
// shipped map, with ws as the page's WebSocket and fake-indexeddb as its IndexedDB: the room's map
// becomes the open document; an offline copy holding a change the host refuses (4403) is dropped
// and the page joins again from the host's state; Leave keeps the map as an unsaved copy.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { LiveSession } from '../../../../arguments/live/session';
import { addSource, editNode } from '../../../../arguments/operations';
import { draftRoom } from '../../../../arguments/live/protocol';
import { inLiveSeminar, joinLiveSeminar, leaveLiveSeminar, offlineCopyName, openLiveDraft, showClassMap } from '../../../../renderer/live/connection';
import { live } from '../../../../renderer/live/liveState';
import { fetchRoomInfo } from '../../../../renderer/live/roomInfo';
import { attempt, editor, getMap, isDirty, isReadOnly, newId, run, undoChange } from '../../../../renderer/store/store';
import { setup, until } from '../../cli/live/fixture';

const t = setup();
afterEach(async () => {
  leaveLiveSeminar();
  await t.cleanup();
});

const Socket = WebSocket as never;

/**
 * Every notice title the page shows from now on: a notice can be replaced (the page joining again
 * takes the host's map) between two polls of a loaded machine, so the test records them all.
 */
function noticesSeen(): string[] {
  const seen: string[] = [];
  const off = editor.subscribe((s) => {
    const title = s.notice?.title;
    if (title && seen[seen.length - 1] !== title) seen.push(title);
  });
  onTestFinished(off);
  return seen;
}

describe('joining a live seminar', () => {
  it('shows the room’s map, read-only for a reader, and Leave keeps it as an unsaved copy', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath, mode: 'students-read-only' });
    const url = `http://127.0.0.1:${host.port}`;
    const teacher = await t.client(host, 'Marta', host.key);
    const info = await joinLiveSeminar({ url, code: host.code, name: 'Tomas', WebSocketPolyfill: Socket });
    expect(info).toMatchObject({ role: 'student', mayEdit: 'nothing', name: 'Tomas' });
    expect(inLiveSeminar()).toBe(true);
    expect(editor.getState().live?.mayEdit).toBe('nothing');
    const id = Object.keys(getMap().nodes).sort()[0]!;
    // The instructor's edit reaches the page.
    teacher.session.apply(editNode(id, { text: 'From the instructor.' }));
    await until(() => getMap().nodes[id]?.text === 'From the instructor.', 'the instructor’s edit');
    await until(() => live.getState().link === 'live', 'the chip to say live');
    leaveLiveSeminar();
    expect(inLiveSeminar()).toBe(false);
    expect(live.getState().room).toBeNull();
    expect(getMap().nodes[id]!.text).toBe('From the instructor.');
    expect(isDirty()).toBe(true);
  });

  it('an offline copy with a change the host refuses: the page drops the copy and joins again from the host’s map', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath, mode: 'students-read-only' });
    const url = `http://127.0.0.1:${host.port}`;
    const teacher = await t.client(host, 'Marta', host.key);
    const id = Object.keys(teacher.session.map.nodes).sort()[0]!;
    const original = teacher.session.map.nodes[id]!.text;
    // The page's copy from an earlier visit, with a change a reader may not make.
    const epoch = (await fetchRoomInfo(url, host.code, 'Tomas')).epoch ?? '';
    const stale = new Y.Doc();
    Y.applyUpdate(stale, Y.encodeStateAsUpdate(teacher.doc));
    const staleSession = new LiveSession(stale);
    expect(staleSession.apply(editNode(id, { text: 'Not a reader’s to write.' })).ok).toBe(true);
    staleSession.destroy();
    const copy = new IndexeddbPersistence(`argument-atlas-live:${host.code}:${epoch}:Tomas`, stale);
    await copy.whenSynced;
    await copy.destroy();

    const notices = noticesSeen();
    await joinLiveSeminar({ url, code: host.code, name: 'Tomas', WebSocketPolyfill: Socket });
    await until(() => notices.includes('The seminar’s host refused a change'), 'the refusal to be told', 15_000);
    await until(() => inLiveSeminar() && getMap().nodes[id]?.text === original && live.getState().link === 'live', 'the page to join again from the host’s map', 10_000);
    expect(teacher.session.map.nodes[id]!.text).toBe(original);
    // The copy now is the host's: a second visit brings no refused change.
    const again = new Y.Doc();
    const reread = new IndexeddbPersistence(`argument-atlas-live:${host.code}:${epoch}:Tomas`, again);
    await reread.whenSynced;
    expect(new LiveSession(again).map.nodes[id]?.text ?? original).toBe(original);
    await reread.destroy();
  });

  it('a change over the host’s limit for a student (1009): the page says so and joins again from the host’s map instead of resending it for ever', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath, mode: 'open' });
    const url = `http://127.0.0.1:${host.port}`;
    await joinLiveSeminar({ url, code: host.code, name: 'Tomas', WebSocketPolyfill: Socket });
    await until(() => live.getState().link === 'live', 'the chip to say live');
    // A 5 MB source: the map may hold it (8 MB), a student's message may not (4 MB).
    const id = newId('s');
    const notices = noticesSeen();
    expect(run(addSource({ id, title: 'A long transcript', role: 'primary', text: 'x'.repeat(5 * 1024 * 1024) }))).toBe(true);
    await until(() => notices.includes('A change was too large for the seminar'), 'the page to say the change was too large', 15_000);
    await until(() => inLiveSeminar() && !Object.hasOwn(getMap().sources, id) && live.getState().link === 'live', 'the page to join again from the host’s map', 10_000);
  });

  it('deletes this room’s offline copies of other epochs (the host started the room anew), keeping the current one and other rooms’', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath, mode: 'students-read-only' });
    const url = `http://127.0.0.1:${host.port}`;
    const names = [`argument-atlas-live:${host.code}:an-earlier-epoch:Tomas`, 'argument-atlas-live:OTHER1:e:Tomas'];
    for (const name of names) {
      const p = new IndexeddbPersistence(name, new Y.Doc());
      await p.whenSynced;
      await p.destroy();
    }
    const info = await joinLiveSeminar({ url, code: host.code, name: 'Tomas', WebSocketPolyfill: Socket });
    const left = (await indexedDB.databases()).map((d) => d.name);
    expect(left).not.toContain(names[0]);
    expect(left).toContain(names[1]);
    expect(left).toContain(`argument-atlas-live:${host.code}:${info.epoch ?? ''}:Tomas`);
  });
});

describe('a student’s private draft', () => {
  it('opens beside the class room: its edits reach the host’s draft room and the instructor there, never the class map; back and forth keeps both', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath, mode: 'students-read-only' });
    const url = `http://127.0.0.1:${host.port}`;
    const teacher = await t.client(host, 'Marta', host.key);
    teacher.provider.awareness.setLocalState({ user: { name: 'Marta', role: 'instructor', color: '#1d4ed8' }, selection: [] });
    const info = await joinLiveSeminar({ url, code: host.code, name: 'Tomas', WebSocketPolyfill: Socket });
    await until(() => live.getState().link === 'live', 'the chip to say live');
    const id = Object.keys(getMap().nodes).sort()[0]!;
    const original = getMap().nodes[id]!.text;
    expect(isReadOnly()).toBe(true);

    await openLiveDraft();
    expect(live.getState().draftProblem).toBeNull();
    expect(live.getState().draft).toMatchObject({ of: 'Tomas', shown: true });
    // A reader of the class map edits everything in their draft.
    expect(isReadOnly()).toBe(false);
    expect(editor.getState().live?.mayEdit).toBe('everything');
    expect(attempt(editNode(id, { text: 'Only in Tomas’s draft.' }))).toBeNull();
    // The instructor opens the same draft room and sees it; the class map does not have it.
    const inDraft = await t.client(host, 'Marta', host.key, draftRoom(host.code, 'Tomas'));
    await until(() => inDraft.session.map.nodes[id]?.text === 'Only in Tomas’s draft.', 'the instructor to see the draft’s edit');
    inDraft.provider.awareness.setLocalState({ user: { name: 'Marta', role: 'instructor', color: '#1d4ed8' }, selection: [] });
    await until(() => live.getState().draft?.peers.some((p) => p.name === 'Marta') === true, 'the draft’s marker to know the instructor is there');
    // The student is still in the class room (the People list, following the instructor).
    await until(() => live.getState().peers.some((p) => p.name === 'Marta'), 'the class room’s People list to keep the instructor');
    await new Promise((r) => setTimeout(r, 200));
    expect(teacher.session.map.nodes[id]!.text).toBe(original);

    // The instructor's class edit while the draft is shown: in the class map, not in the view.
    const other = Object.keys(getMap().nodes).sort()[1]!;
    teacher.session.apply(editNode(other, { text: 'The class’s own.' }));
    await new Promise((r) => setTimeout(r, 200));
    expect(getMap().nodes[other]!.text).not.toBe('The class’s own.');

    showClassMap();
    expect(live.getState().draft?.shown).toBe(false);
    expect(getMap().nodes[id]!.text).toBe(original);
    await until(() => getMap().nodes[other]?.text === 'The class’s own.', 'the class map to show the instructor’s edit');
    expect(isReadOnly()).toBe(true);
    // The draft stayed open behind: showing it again is immediate, with its own undo.
    await openLiveDraft();
    expect(getMap().nodes[id]!.text).toBe('Only in Tomas’s draft.');
    undoChange();
    await until(() => inDraft.session.map.nodes[id]?.text === original, 'the draft’s undo to reach the host');

    // Its offline copy is its own, beside the class room's.
    const dbs = (await indexedDB.databases()).map((d) => d.name);
    expect(dbs).toContain(offlineCopyName(info, 'Tomas'));
    expect(dbs).toContain(offlineCopyName(info));

    // Leave while in the draft: the draft stays open as an unsaved copy.
    attempt(editNode(id, { text: 'Kept as my copy.' }));
    leaveLiveSeminar();
    expect(live.getState().draft).toBeNull();
    expect(getMap().nodes[id]!.text).toBe('Kept as my copy.');
    expect(editor.getState().name).toContain('(draft of Tomas)');
    expect(isDirty()).toBe(true);
  });

  it('the instructor’s page opens a student’s draft by name; a student’s page may not open another’s (said in the bar, the class map kept)', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath, mode: 'students-own-voice' });
    const url = `http://127.0.0.1:${host.port}`;
    const tomasInfo = await fetchRoomInfo(url, host.code, 'Tomas');
    const tomas = await t.client(host, 'Tomas', undefined, host.code, tomasInfo.token);
    const tomasDraft = await t.client(host, 'Tomas', undefined, draftRoom(host.code, 'Tomas'), tomasInfo.token);
    const id = Object.keys(tomasDraft.session.map.nodes).sort()[0]!;
    tomasDraft.session.apply(editNode(id, { text: 'Tomas tried this.' }));
    await joinLiveSeminar({ url, code: host.code, name: 'Marta', key: host.key, WebSocketPolyfill: Socket });
    await openLiveDraft('Tomas');
    expect(live.getState().draft).toMatchObject({ of: 'Tomas', shown: true });
    await until(() => getMap().nodes[id]?.text === 'Tomas tried this.', 'the instructor’s page to show Tomas’s draft');
    expect(tomas.session.map.nodes[id]!.text).not.toBe('Tomas tried this.');
    leaveLiveSeminar();

    await joinLiveSeminar({ url, code: host.code, name: 'Ana', WebSocketPolyfill: Socket });
    const classText = getMap().nodes[id]!.text;
    await openLiveDraft('Tomas');
    expect(live.getState().draftProblem).toBe('A draft is open only to its student and the instructor.');
    expect(live.getState().draft).toBeNull();
    expect(inLiveSeminar()).toBe(true);
    expect(getMap().nodes[id]!.text).toBe(classText);
  });

  it('a change too large for the draft (1009): said in the bar, and the draft taken again from the host without it', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath, mode: 'students-read-only' });
    const url = `http://127.0.0.1:${host.port}`;
    await joinLiveSeminar({ url, code: host.code, name: 'Tomas', WebSocketPolyfill: Socket });
    await until(() => live.getState().link === 'live', 'the chip to say live');
    await openLiveDraft();
    const id = Object.keys(getMap().nodes).sort()[0]!;
    expect(attempt(editNode(id, { text: 'Kept in the draft.' }))).toBeNull();
    const source = newId('s');
    expect(run(addSource({ id: source, title: 'A long transcript', role: 'primary', text: 'x'.repeat(5 * 1024 * 1024) }))).toBe(true);
    await until(() => live.getState().draftProblem?.startsWith('A change was too large for the draft.') === true, 'the bar to say the change was too large', 10_000);
    await until(() => live.getState().draft?.shown === true && live.getState().draft?.link === 'live' && !Object.hasOwn(getMap().sources, source), 'the draft to be taken again from the host', 10_000);
    // What the host had taken before stays; the class map never had any of it.
    expect(getMap().nodes[id]!.text).toBe('Kept in the draft.');
    expect(inLiveSeminar()).toBe(true);
    showClassMap();
    expect(getMap().nodes[id]!.text).not.toBe('Kept in the draft.');
  });

  it('a host with no room for another draft: the bar says so, the page stays in the class map', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath, mode: 'open', maxDrafts: 0 });
    const url = `http://127.0.0.1:${host.port}`;
    await joinLiveSeminar({ url, code: host.code, name: 'Tomas', WebSocketPolyfill: Socket });
    await until(() => live.getState().link === 'live', 'the chip to say live');
    const shown = getMap();
    await openLiveDraft();
    expect(live.getState().draftProblem).toMatch(/^The host did not open your draft: it keeps a limited number of drafts/);
    expect(live.getState().draft).toBeNull();
    expect(live.getState().draftOpening).toBeNull();
    expect(inLiveSeminar()).toBe(true);
    expect(getMap()).toBe(shown);
    expect(editor.getState().live?.mayEdit).toBe('everything');
  });
});
