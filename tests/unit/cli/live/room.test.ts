import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import type WebSocket from 'ws';
import { loadMap } from '../../../../arguments/format/load';
import { LIVE_CLOSE, studentVoice, type Presence } from '../../../../arguments/live/protocol';
import { addNode, editNode } from '../../../../arguments/operations';
import { MAX_STUDENT_MESSAGE_BYTES } from '../../../../arguments/cli/live/host';
import { setup, until } from './fixture';

let t = setup();
afterEach(async () => {
  await t.cleanup();
  t = setup();
});

const nodeText = (doc: Y.Doc, id: string) => String((doc.getMap('nodes').get(id) as Y.Map<unknown> | undefined)?.get('text'));
const analystNode = (doc: Y.Doc) => [...doc.getMap('nodes').keys()].sort().find((id) => (doc.getMap('nodes').get(id) as Y.Map<unknown>).get('voice') !== studentVoice('Mallory'))!;
const fileMap = (path: string) => {
  const r = loadMap(readFileSync(path));
  if (!r.ok) throw new Error('the file does not load');
  return r.map;
};

/** A hand-made peer on a bare socket: it syncs a bare Y.Doc and can send any update or awareness state. */
async function rawPeer(socket: WebSocket) {
  const doc = new Y.Doc();
  const received: { type: number; reason?: string }[] = [];
  let closeCode: number | null = null;
  socket.on('close', (code) => (closeCode = code));
  socket.on('message', (data: ArrayBuffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(decoder);
    if (type === 0) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.readSyncMessage(decoder, e, doc, 'host');
      received.push({ type });
    } else if (type === 2) {
      decoding.readVarUint(decoder);
      received.push({ type, reason: decoding.readVarString(decoder) });
    } else received.push({ type });
  });
  const send = (write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    write(e);
    socket.send(encoding.toUint8Array(e));
  };
  send((e) => {
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep1(e, doc);
  });
  await until(() => doc.getMap('nodes').size > 0, 'the raw peer to sync');
  return {
    doc,
    received,
    closeCode: () => closeCode,
    sendUpdate(update: Uint8Array) {
      send((e) => {
        encoding.writeVarUint(e, 0);
        syncProtocol.writeUpdate(e, update);
      });
    },
    sendAwareness(entries: [clientId: number, clock: number, state: unknown][]) {
      send((e) => {
        encoding.writeVarUint(e, 1);
        const inner = encoding.createEncoder();
        encoding.writeVarUint(inner, entries.length);
        for (const [id, clock, state] of entries) {
          encoding.writeVarUint(inner, id);
          encoding.writeVarUint(inner, clock);
          encoding.writeVarString(inner, JSON.stringify(state));
        }
        encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      });
    },
  };
}

describe('roles in a live room', () => {
  it('drops a read-only student’s edits: no other peer and not the file gets them, and the page is told', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath });
    const prof = await t.client(host, 'Prof', host.key);
    const ada = await t.client(host, 'Ada');
    const id = analystNode(ada.doc);
    const original = nodeText(prof.doc, id);
    expect(ada.session.apply(editNode(id, { text: 'A student rewrote this.' })).ok).toBe(true);
    expect(await ada.closed).toBe(LIVE_CLOSE.refused);
    // The instructor's next edit arrives; the student's, sent before it, never does.
    prof.session.apply(editNode(id, { title: 'Checked' }));
    const bea = await t.client(host, 'Bea');
    await until(() => (bea.doc.getMap('nodes').get(id) as Y.Map<unknown>).get('title')?.toString() === 'Checked', 'the instructor’s edit at Bea');
    expect(nodeText(prof.doc, id)).toBe(original);
    expect(nodeText(bea.doc, id)).toBe(original);
    await host.save();
    expect(fileMap(mapPath).nodes[id]?.text).toBe(original);
    expect(fileMap(mapPath).nodes[id]?.title).toBe('Checked');
  }, 20_000);

  it('refuses an own-voice student’s hand-crafted update to an analyst’s node, and takes their own node', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath, mode: 'students-own-voice' });
    const prof = await t.client(host, 'Prof', host.key);
    const mallory = await rawPeer(await t.socket(host, 'name=Mallory'));
    const id = analystNode(mallory.doc);
    const original = nodeText(prof.doc, id);
    const before = Y.encodeStateVector(mallory.doc);
    ((mallory.doc.getMap('nodes').get(id) as Y.Map<unknown>).get('text') as Y.Text).insert(0, 'FORGED ');
    mallory.sendUpdate(Y.encodeStateAsUpdate(mallory.doc, before));
    await until(() => mallory.closeCode() !== null, 'the host to close the forger');
    expect(mallory.closeCode()).toBe(LIVE_CLOSE.refused);
    expect(mallory.received.find((m) => m.type === 2)?.reason).toMatch(/not in your voice/);
    await host.save();
    expect(nodeText(prof.doc, id)).toBe(original);
    expect(fileMap(mapPath).nodes[id]?.text).toBe(original);
    // The same student's own node goes through, to the instructor and the file.
    const ada = await t.client(host, 'Ada');
    const mine = `n.${ada.doc.clientID.toString(36)}.1`;
    expect(ada.session.apply(addNode({ id: mine, kind: 'claim', text: 'My own claim.', voice: studentVoice('Ada') }, { x: 1, y: 2 })).ok).toBe(true);
    await until(() => nodeText(prof.doc, mine) === 'My own claim.', 'the own node at the instructor');
    await host.save();
    expect(fileMap(mapPath).nodes[mine]?.voice).toBe(studentVoice('Ada'));
  }, 20_000);

  it('refuses a student’s write outside the map in an open room, and turns away a name refused three times in a minute', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath, mode: 'open' });
    const prof = await t.client(host, 'Prof', host.key);
    for (let i = 0; i < 3; i++) {
      const mallory = await rawPeer(await t.socket(host, 'name=Mallory'));
      const before = Y.encodeStateVector(mallory.doc);
      mallory.doc.getMap('junk').set('x', 'y'.repeat(100_000));
      mallory.sendUpdate(Y.encodeStateAsUpdate(mallory.doc, before));
      await until(() => mallory.closeCode() !== null, 'the host to close the sender');
      expect(mallory.closeCode()).toBe(LIVE_CLOSE.refused);
      expect(mallory.received.find((m) => m.type === 2)?.reason).toMatch(/outside the map/);
    }
    await expect(t.socket(host, 'name=Mallory')).rejects.toThrow(/429/);
    expect((await fetch(`http://127.0.0.1:${host.port}/live/${host.code}/info?name=Mallory`)).status).toBe(429);
    const bea = await t.client(host, 'Bea');
    expect(bea.doc.share.has('junk') ? bea.doc.getMap('junk').size : 0).toBe(0);
    expect(prof.doc.share.has('junk') ? prof.doc.getMap('junk').size : 0).toBe(0);
    // Bea's edits are still judged (on a replica made anew) and go through.
    const id = analystNode(bea.doc);
    expect(bea.session.apply(editNode(id, { text: 'Bea edits after the refusals.' })).ok).toBe(true);
    await until(() => nodeText(prof.doc, id) === 'Bea edits after the refusals.', 'Bea’s edit at the instructor');
  }, 20_000);

  it('closes a student’s message larger than MAX_STUDENT_MESSAGE_BYTES unread, and takes the instructor’s', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath, mode: 'open' });
    const bea = await t.client(host, 'Bea');
    const big = (peer: Awaited<ReturnType<typeof rawPeer>>, root: string) => {
      const before = Y.encodeStateVector(peer.doc);
      peer.doc.getMap(root).set('x', 'y'.repeat(MAX_STUDENT_MESSAGE_BYTES + 1024));
      peer.sendUpdate(Y.encodeStateAsUpdate(peer.doc, before));
    };
    const mallory = await rawPeer(await t.socket(host, 'name=Mallory'));
    big(mallory, 'nodes');
    await until(() => mallory.closeCode() !== null, 'the host to close the sender');
    expect(mallory.closeCode()).toBe(1009);
    const prof = await rawPeer(await t.socket(host, `name=Prof&key=${host.key}`));
    big(prof, 'scratch');
    await until(() => bea.doc.share.has('scratch') && bea.doc.getMap('scratch').has('x'), 'the instructor’s large update at Bea');
    expect(bea.doc.getMap('nodes').has('x')).toBe(false);
    expect(prof.closeCode()).toBeNull();
  }, 20_000);

  it('takes a read-only student’s sync step 2 that brings nothing new, and refuses one that deletes', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath });
    const prof = await t.client(host, 'Prof', host.key);
    const ana = await rawPeer(await t.socket(host, 'name=Ana'));
    // Its whole state (every struct and deletion the host has) is nothing new.
    ana.sendUpdate(Y.encodeStateAsUpdate(ana.doc));
    const id = analystNode(prof.doc);
    prof.session.apply(editNode(id, { text: 'The instructor, after Ana’s resend.' }));
    await until(() => nodeText(ana.doc, id) === 'The instructor, after Ana’s resend.', 'the instructor’s edit at Ana');
    expect(ana.closeCode()).toBeNull();
    const before = Y.encodeStateVector(ana.doc);
    ana.doc.getMap('nodes').delete(id);
    ana.sendUpdate(Y.encodeStateAsUpdate(ana.doc, before));
    await until(() => ana.closeCode() !== null, 'the host to close Ana');
    expect(ana.closeCode()).toBe(LIVE_CLOSE.refused);
    expect(ana.received.find((m) => m.type === 2)?.reason).toMatch(/only the instructor edits/);
    expect(prof.doc.getMap('nodes').has(id)).toBe(true);
  }, 20_000);

  it('shows every peer under the name it joined with, whatever its awareness claims, and drops states for other ids', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath, mode: 'open' });
    const ada = await t.client(host, 'Ada');
    const presence: Presence = { user: { name: 'Ada', role: 'student', color: '#000000' }, selection: [] };
    ada.provider.awareness.setLocalState(presence);
    const bea = await t.client(host, 'Bea');
    const mallory = await rawPeer(await t.socket(host, 'name=Mallory'));
    const states = () => bea.provider.awareness.getStates() as Map<number, Presence>;
    await until(() => states().get(ada.doc.clientID)?.user.name === 'Ada', "Ada's presence at Bea");
    mallory.sendAwareness([[mallory.doc.clientID, 1, { user: { name: 'Prof', role: 'instructor', color: '#fff' }, selection: ['x'] }]]);
    await until(() => states().has(mallory.doc.clientID), "Mallory's presence at Bea");
    expect(states().get(mallory.doc.clientID)!.user).toMatchObject({ name: 'Mallory', role: 'student' });
    expect(states().get(mallory.doc.clientID)!.selection).toEqual(['x']);
    // A state for Ada's client id, with a higher clock, from Mallory's socket: dropped.
    const adaClock = bea.provider.awareness.meta.get(ada.doc.clientID)!.clock;
    mallory.sendAwareness([[ada.doc.clientID, adaClock + 5, { user: { name: 'Ada', role: 'instructor', color: '#fff' }, selection: ['forged'] }]]);
    mallory.sendAwareness([[mallory.doc.clientID, 2, { user: { name: 'Prof', role: 'instructor', color: '#fff' }, selection: ['y'] }]]);
    await until(() => states().get(mallory.doc.clientID)?.selection[0] === 'y', "Mallory's second state");
    expect(states().get(ada.doc.clientID)!.selection).toEqual([]);
  }, 20_000);
});

describe('the file a room writes', () => {
  it('never holds what the loader refuses: a student’s bad value is refused at the door, an instructor’s kept out of the file', async () => {
    const { mapPath } = t.tempMap();
    const errors: string[] = [];
    const host = await t.host({ mapPath, mode: 'open', onError: (e) => errors.push(e.message) });
    const before = readFileSync(mapPath);
    const forge = async (query: string) => {
      const peer = await rawPeer(await t.socket(host, query));
      const id = analystNode(peer.doc);
      const sv = Y.encodeStateVector(peer.doc);
      (peer.doc.getMap('nodes').get(id) as Y.Map<unknown>).set('kind', 'banana');
      peer.sendUpdate(Y.encodeStateAsUpdate(peer.doc, sv));
      return { peer, id };
    };
    const mallory = await forge('name=Mallory');
    await until(() => mallory.peer.closeCode() !== null, 'the host to refuse the student');
    expect(mallory.peer.received.find((m) => m.type === 2)?.reason).toMatch(/node .* would not load/);
    await host.save();
    expect(readFileSync(mapPath).equals(before)).toBe(true);

    const { id } = await forge(`name=Prof&key=${host.key}`);
    const watcher = await t.client(host, 'Watcher');
    await until(() => (watcher.doc.getMap('nodes').get(id) as Y.Map<unknown>).get('kind') === 'banana', 'the instructor’s update to be in the room');
    await until(() => errors.some((m) => /nodes\[\d+\]\.kind.*keeps its last good state/.test(m)), 'the app to be told by the timed save');
    // Told once: later changes that leave the same problem are not said again after every save.
    const dean = await t.client(host, 'Dean', host.key);
    const other = [...dean.doc.getMap('nodes').keys()].find((k) => k !== id)!;
    for (const word of ['Still ', 'again ']) {
      ((dean.doc.getMap('nodes').get(other) as Y.Map<unknown>).get('text') as Y.Text).insert(0, word);
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect(String((watcher.doc.getMap('nodes').get(other) as Y.Map<unknown>).get('text'))).toMatch(/^again Still /);
    expect(errors.filter((m) => /keeps its last good state/.test(m))).toHaveLength(1);
    await expect(host.save()).rejects.toThrow(/keeps its last good state/);
    expect(readFileSync(mapPath).equals(before)).toBe(true);
  }, 20_000);
});

describe('a student’s private draft', () => {
  it('forks the class map for that student and the instructor only, and keeps its edits out of the class room', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath });
    const { draftRoom } = await import('../../../../arguments/live/protocol');
    const room = draftRoom(host.code, 'Ada Lovelace');
    const classPeer = await t.client(host, 'Bea');
    const info = (await (await fetch(`http://127.0.0.1:${host.port}/live/${room}/info?name=Ada%20Lovelace`)).json()) as { token: string };
    expect(info).toMatchObject({ role: 'student', mayEdit: 'everything' });
    expect((await fetch(`http://127.0.0.1:${host.port}/live/${room}/info?name=Bea`)).status).toBe(403);
    await t.client(host, 'Ada Lovelace', undefined, host.code, info.token);
    const ada = await t.client(host, 'Ada Lovelace', undefined, room, info.token);
    const id = analystNode(ada.doc);
    const original = nodeText(classPeer.doc, id);
    expect(nodeText(ada.doc, id)).toBe(original);
    // The fork holds the class map's own structs: the instructor can merge it back.
    expect(Y.decodeStateVector(Y.encodeStateVector(ada.doc)).size).toBeGreaterThanOrEqual(Y.decodeStateVector(Y.encodeStateVector(classPeer.doc)).size);
    expect(ada.session.apply(editNode(id, { text: 'My draft reading.' })).ok).toBe(true);
    const prof = await t.client(host, 'Prof', host.key, room);
    await until(() => nodeText(prof.doc, id) === 'My draft reading.', 'the draft at the instructor');
    await expect(t.socket(host, 'name=Bea', room)).rejects.toThrow(/403/);
    await host.save();
    expect(nodeText(classPeer.doc, id)).toBe(original);
    expect(fileMap(mapPath).nodes[id]?.text).toBe(original);
  }, 20_000);
});
