// The instructor's window in its own seminar through the main process, on the real host
// (startLiveHost on 127.0.0.1, any free port): the window is a fake IPC sender whose events
// are recorded, and its y-websocket provider runs on IpcWebSocket over that relay.
import { afterEach, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { editNode } from '../../../arguments/operations';
import { LiveSession } from '../../../arguments/live/session';
import type { EventChannels } from '../../../electron/ipc-contract';
import { LiveRelay, RelayRefusal, refusalForInstructor, type RelayEvent, type RelayTarget } from '../../../electron/main/liveRelay';
import { ipcWebSocketClass } from '../../../renderer/live/ipcSocket';
import type { LiveSocketBridge, LiveSocketEvent } from '../../../renderer/platform/live';
import type { LiveHost } from '../../../arguments/cli/live/host';
import { setup, until } from '../cli/live/fixture';

let t = setup();
const providers: WebsocketProvider[] = [];
afterEach(async () => {
  for (const p of providers.splice(0)) p.destroy();
  await t.cleanup();
  t = setup();
});

/** What windows.ts gives the relay for a hosting window: where its host is, its key, and the host's in-process info. */
const targetOf = (host: LiveHost): RelayTarget => ({ address: host.address, port: host.port, code: host.code, key: host.key, roomInfo: (name) => host.roomInfo(name, host.key) });

const firstNode = (doc: Y.Doc) => [...doc.getMap('nodes').keys()].sort()[0]!;
const textOf = (doc: Y.Doc, id: string) => String((doc.getMap('nodes').get(id) as Y.Map<unknown>).get('text'));

/** Main's relay with windows 1 and 2; each window's events as the preload would hand them on. */
function relayFor(targets: Map<number, RelayTarget>) {
  const listeners = new Map<number, (e: LiveSocketEvent) => void>();
  const sent: { windowId: number; channel: RelayEvent; payload: unknown }[] = [];
  const relay = new LiveRelay({
    target: (id) => targets.get(id) ?? null,
    emit<C extends RelayEvent>(windowId: number, channel: C, payload: EventChannels[C]) {
      sent.push({ windowId, channel, payload });
      const listen = listeners.get(windowId);
      if (!listen) return;
      const p = payload as unknown[];
      const id = p[0] as number;
      if (channel === 'host:live-socket-open') listen({ kind: 'open', id });
      else if (channel === 'host:live-socket-message') listen({ kind: 'message', id, bytes: p[1] as Uint8Array });
      else listen({ kind: 'close', id, code: p[1] as number, reason: p[2] as string });
    },
  });
  /** The window's preload bridge: every call names the window, as IPC's sender does. */
  const bridge = (windowId: number): LiveSocketBridge => ({
    async roomInfo(name) {
      const r = relay.roomInfo(windowId, name);
      if (!r.ok) throw new Error(r.message);
      return r.value;
    },
    async open(name) {
      const r = relay.open(windowId, name);
      if (!r.ok) throw new Error(r.message);
      return r.value;
    },
    send: (id, bytes) => relay.send(windowId, id, bytes),
    close: (id) => relay.close(windowId, id),
    onEvent: (listener) => void listeners.set(windowId, listener),
  });
  return { relay, bridge, sent };
}

describe('the live relay (the instructor’s window through the main process)', () => {
  it('a relayed instructor and a stock student see each other’s edits; the instructor’s info comes from main', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath, mode: 'open' });
    const { relay, bridge } = relayFor(new Map([[1, targetOf(host)]]));
    const window1 = bridge(1);

    const info = await window1.roomInfo('Instructor');
    expect(info).toMatchObject({ code: host.code, role: 'instructor', mayEdit: 'everything', mode: 'open' });

    const doc = new Y.Doc();
    // The URL carries the name only: the key is main's (the relay adds it).
    const provider = new WebsocketProvider(`ws://127.0.0.1:${host.port}/live`, host.code, doc, { params: { name: 'Instructor' }, disableBc: true, WebSocketPolyfill: ipcWebSocketClass(window1) as never, maxBackoffTime: 200 });
    providers.push(provider);
    await until(() => provider.synced, 'the relayed instructor to sync');
    expect(relay.countOf(1)).toBe(1);
    await until(() => host.peers().some((p) => p.name === 'Instructor' && p.role === 'instructor' && p.connected), 'the host to list the instructor');

    const student = await t.client(host, 'Ada');
    const id = firstNode(doc);
    const instructor = new LiveSession(doc);
    expect(instructor.apply(editNode(id, { text: 'The instructor frames the question.' })).ok).toBe(true);
    await until(() => textOf(student.doc, id) === 'The instructor frames the question.', 'the instructor’s edit at the student');

    expect(student.session.apply(editNode(id, { text: 'Ada answers from her browser.' })).ok).toBe(true);
    await until(() => textOf(doc, id) === 'Ada answers from her browser.', 'the student’s edit at the relayed instructor');
    instructor.destroy();
  }, 20_000);

  it('refuses a socket of another window, and closing a window closes its sockets (the host sees it leave)', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath, mode: 'open' });
    const target = targetOf(host);
    const { relay, bridge, sent } = relayFor(new Map([[1, target]]));
    // Window 2 hosts nothing: it can neither open a socket nor read the room's info.
    expect(relay.open(2, 'Instructor')).toEqual({ ok: false, message: 'This window hosts no live seminar now.' });
    expect(relay.roomInfo(2, 'Instructor')).toEqual({ ok: false, message: 'This window hosts no live seminar now.' });

    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`ws://127.0.0.1:${host.port}/live`, host.code, doc, { params: { name: 'Instructor' }, disableBc: true, WebSocketPolyfill: ipcWebSocketClass(bridge(1)) as never, maxBackoffTime: 200 });
    providers.push(provider);
    await until(() => provider.synced, 'the relayed instructor to sync');
    const opened = sent.find((s) => s.channel === 'host:live-socket-open')!;
    expect(opened.windowId).toBe(1);
    const socketId = (opened.payload as number[])[0]!;
    // Every event went to window 1 only.
    expect(sent.every((s) => s.windowId === 1)).toBe(true);

    expect(() => relay.send(2, socketId, new Uint8Array([0, 0]))).toThrow(RelayRefusal);
    expect(() => relay.close(2, socketId)).toThrow(/not this window’s/);
    expect(relay.countOf(1)).toBe(1);

    const student = await t.client(host, 'Ada');
    await until(() => host.peers().some((p) => p.name === 'Instructor' && p.connected), 'the instructor connected');
    provider.shouldConnect = false; // as a closed window's page would not reconnect
    relay.closeWindow(1);
    expect(relay.countOf(1)).toBe(0);
    await until(() => host.peers().some((p) => p.name === 'Instructor' && !p.connected), 'the host to see the instructor leave');
    expect(student.provider.wsconnected).toBe(true);
  }, 20_000);

  it('the instructor’s info comes from the host in this process, and a refusal is worded for the instructor, not for a student', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath, mode: 'students-own-voice' });
    const { relay } = relayFor(new Map([[1, targetOf(host)]]));
    // No HTTP: the host's own admission, with the key main keeps.
    expect(relay.roomInfo(1, 'Instructor')).toEqual({ ok: true, value: expect.objectContaining({ role: 'instructor', mayEdit: 'everything', mode: 'students-own-voice', name: 'Instructor' }) });
    // The name is the instructor's now: a student's browser under it is turned away.
    expect(host.roomInfo('Instructor')).toMatchObject({ ok: false, status: 409 });

    // Another seminar, where a student asks under the instructor's name before the window joined:
    // the name is kept for the key holder, in any case, so the instructor's window still gets in.
    const other = await t.host({ mapPath: t.tempMap().mapPath, mode: 'students-own-voice' });
    const second = relayFor(new Map([[1, targetOf(other)]])).relay;
    expect(other.roomInfo('Instructor')).toMatchObject({ ok: false, status: 409, message: 'The name Instructor is kept for the instructor in this seminar; choose another name.' });
    expect(other.roomInfo('instructor')).toMatchObject({ ok: false, status: 409 });
    await expect(t.client(other, 'Instructor')).rejects.toThrow();
    expect(other.peers()).toEqual([]);
    expect(second.roomInfo(1, 'Instructor')).toEqual({ ok: true, value: expect.objectContaining({ role: 'instructor', name: 'Instructor' }) });
    // Should a host answer the window 409 all the same, the relay says it for the instructor, not as a student's “choose another name”.
    expect(refusalForInstructor({ status: 409, message: 'Someone called Instructor is already in this seminar; choose another name.' }, 'Instructor')).toBe('a student is in the room under the name “Instructor”; once they join under their own name, stop and start the seminar again, or open the instructor link');
  });

  it('a window may not open more than a few sockets at once', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath });
    const { relay } = relayFor(new Map([[1, targetOf(host)]]));
    const ids = [1, 2, 3, 4].map(() => relay.open(1, 'Instructor'));
    expect(ids.every((r) => r.ok)).toBe(true);
    expect(relay.open(1, 'Instructor')).toMatchObject({ ok: false, message: expect.stringMatching(/too many connections/) });
    relay.closeWindow(1);
    expect(relay.open(1, 'Instructor').ok).toBe(true);
    relay.closeWindow(1);
  });
});
