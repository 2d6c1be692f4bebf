// Joining a live seminar (renderer/live/connection.ts) against the real host over a copy of the
// shipped map, with ws as the page's WebSocket and fake-indexeddb as its IndexedDB: the room's map
// becomes the open document; an offline copy holding a change the host refuses (4403) is dropped
// and the page joins again from the host's state; Leave keeps the map as an unsaved copy.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { LiveSession } from '../../../../arguments/live/session';
import { addSource, editNode } from '../../../../arguments/operations';
import { inLiveSeminar, joinLiveSeminar, leaveLiveSeminar } from '../../../../renderer/live/connection';
import { live } from '../../../../renderer/live/liveState';
import { fetchRoomInfo } from '../../../../renderer/live/roomInfo';
import { editor, getMap, isDirty, newId, run } from '../../../../renderer/store/store';
import { setup, until } from '../../cli/live/fixture';

const t = setup();
afterEach(async () => {
  leaveLiveSeminar();
  await t.cleanup();
});

const Socket = WebSocket as never;

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

    await joinLiveSeminar({ url, code: host.code, name: 'Tomas', WebSocketPolyfill: Socket });
    await until(() => editor.getState().notice?.title === 'The seminar’s host refused a change', 'the refusal to be told');
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
    expect(run(addSource({ id, title: 'A long transcript', role: 'primary', text: 'x'.repeat(5 * 1024 * 1024) }))).toBe(true);
    await until(() => editor.getState().notice?.title === 'A change was too large for the seminar', 'the page to say the change was too large', 10_000);
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
