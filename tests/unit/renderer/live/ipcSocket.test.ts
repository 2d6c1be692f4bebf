// IpcWebSocket (renderer/live/ipcSocket.ts) over a fake preload bridge: what y-websocket 3.1
// expects of a WebSocket (readyState and its constants, onopen → onmessage with an ArrayBuffer →
// onclose with the code and reason, send only when open), whatever order main's answers come in.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ipcWebSocketClass, opensOnlyTheClassRoom, type SocketCloseEvent } from '../../../../renderer/live/ipcSocket';
import type { LiveSocketBridge, LiveSocketEvent } from '../../../../renderer/platform/live';

function fakeBridge() {
  let listener: ((e: LiveSocketEvent) => void) | null = null;
  const opens: { name: string; resolve(id: number): void; reject(err: Error): void }[] = [];
  const sent: [number, number[]][] = [];
  const closed: number[] = [];
  const bridge: LiveSocketBridge = {
    roomInfo: () => Promise.reject(new Error('not in this test')),
    open: (name) => new Promise<number>((resolve, reject) => opens.push({ name, resolve, reject })),
    send: (id, bytes) => void sent.push([id, [...bytes]]),
    close: (id) => void closed.push(id),
    onEvent: (l) => void (listener = l),
  };
  return { bridge, opens, sent, closed, emit: (e: LiveSocketEvent) => listener!(e) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const URL_OF_ROOM = 'ws://192.168.1.20:4780/live/HK7M3Q?name=Instructor';

describe('IpcWebSocket', () => {
  it('is known as the relay that opens only the class room (a draft may not be opened through it)', () => {
    expect(opensOnlyTheClassRoom(ipcWebSocketClass(fakeBridge().bridge))).toBe(true);
    expect(opensOnlyTheClassRoom(WebSocket)).toBe(false);
    expect(opensOnlyTheClassRoom(undefined)).toBe(false);
  });

  it('opens through the bridge with the URL’s name, delivers frames as ArrayBuffers and closes as y-websocket expects', async () => {
    const f = fakeBridge();
    const WS = ipcWebSocketClass(f.bridge);
    expect([WS.CONNECTING, WS.OPEN, WS.CLOSING, WS.CLOSED]).toEqual([0, 1, 2, 3]);
    const ws = new WS(URL_OF_ROOM);
    ws.binaryType = 'arraybuffer';
    expect([ws.readyState, ws.OPEN]).toEqual([ws.CONNECTING, 1]);
    expect(f.opens.map((o) => o.name)).toEqual(['Instructor']);
    const seen: string[] = [];
    const frames: number[][] = [];
    let closeEvent: SocketCloseEvent | null = null;
    ws.onopen = () => seen.push('open');
    ws.onmessage = (e) => {
      expect(e.data).toBeInstanceOf(ArrayBuffer);
      frames.push([...new Uint8Array(e.data)]);
    };
    ws.onclose = (e) => {
      seen.push('close');
      closeEvent = e;
    };
    // Sending before open is an error, as in a browser.
    expect(() => ws.send(new Uint8Array([1]))).toThrow(/not open yet/);

    f.opens[0]!.resolve(7);
    await tick();
    f.emit({ kind: 'open', id: 7 });
    expect(ws.readyState).toBe(ws.OPEN);
    // A frame that is a view into a larger buffer arrives as exactly its own bytes.
    const big = new Uint8Array([9, 9, 0, 1, 2, 9]);
    f.emit({ kind: 'message', id: 7, bytes: big.subarray(2, 5) });
    // Another socket's frames are not this one's.
    f.emit({ kind: 'message', id: 8, bytes: new Uint8Array([5]) });
    expect(frames).toEqual([[0, 1, 2]]);
    ws.send(new Uint8Array([0, 0, 1]));
    ws.send(new Uint8Array([4, 5, 6]).buffer);
    expect(f.sent).toEqual([
      [7, [0, 0, 1]],
      [7, [4, 5, 6]],
    ]);

    ws.close();
    expect(ws.readyState).toBe(ws.CLOSING);
    expect(f.closed).toEqual([7]);
    f.emit({ kind: 'close', id: 7, code: 1000, reason: '' });
    expect(ws.readyState).toBe(ws.CLOSED);
    expect(seen).toEqual(['open', 'close']);
    expect(closeEvent).toMatchObject({ code: 1000, reason: '', wasClean: true });
    // Closed: frames after it are dropped, sending is a no-op, a second close does nothing.
    f.emit({ kind: 'message', id: 7, bytes: new Uint8Array([3]) });
    ws.send(new Uint8Array([1]));
    ws.close();
    expect(frames).toHaveLength(1);
    expect(f.sent).toHaveLength(2);
    expect(f.closed).toEqual([7]);
  });

  it('keeps events that overtake main’s answer and replays them in order', async () => {
    const f = fakeBridge();
    const ws = new (ipcWebSocketClass(f.bridge))(URL_OF_ROOM);
    const seen: string[] = [];
    ws.onopen = () => seen.push('open');
    ws.onmessage = (e) => seen.push(`message ${[...new Uint8Array(e.data)].join(',')}`);
    f.emit({ kind: 'open', id: 3 });
    f.emit({ kind: 'message', id: 3, bytes: new Uint8Array([0, 1]) });
    expect(seen).toEqual([]);
    f.opens[0]!.resolve(3);
    await tick();
    expect(seen).toEqual(['open', 'message 0,1']);
  });

  it('a refused open is an error and an abnormal close (y-websocket then tries again)', async () => {
    const f = fakeBridge();
    const ws = new (ipcWebSocketClass(f.bridge))(URL_OF_ROOM);
    const seen: string[] = [];
    ws.onerror = (e) => seen.push(`error: ${e.message}`);
    ws.onclose = (e) => seen.push(`close ${e.code} ${e.reason}`);
    f.opens[0]!.reject(new Error('This window hosts no live seminar now.'));
    await tick();
    expect(seen).toEqual(['error: This window hosts no live seminar now.', 'close 1006 This window hosts no live seminar now.']);
    expect(ws.readyState).toBe(ws.CLOSED);
  });

  it('closed before main answered: closes at once, and the socket main opened is closed when its id comes', async () => {
    const f = fakeBridge();
    const ws = new (ipcWebSocketClass(f.bridge))(URL_OF_ROOM);
    const seen: string[] = [];
    ws.onopen = () => seen.push('open');
    ws.onclose = (e) => seen.push(`close ${e.code}`);
    ws.close();
    expect(seen).toEqual(['close 1006']);
    f.opens[0]!.resolve(11);
    await tick();
    expect(f.closed).toEqual([11]);
    f.emit({ kind: 'open', id: 11 });
    expect(seen).toEqual(['close 1006']);
  });

  it('sockets closed before main answered, and the close events of closed sockets, do not use up the room for early events: a later socket still opens', async () => {
    const f = fakeBridge();
    const WS = ipcWebSocketClass(f.bridge);
    // Many reconnects: each socket gets events before main's answer, is closed before the answer,
    // or is closed and then hears main's close; none of it may crowd out a later socket's open.
    for (let id = 1; id <= 300; id++) {
      const ws = new WS(URL_OF_ROOM);
      f.emit({ kind: 'open', id });
      f.emit({ kind: 'message', id, bytes: new Uint8Array([1]) });
      if (id % 2 === 0) {
        ws.close();
        f.opens[id - 1]!.resolve(id);
        await tick();
      } else {
        f.opens[id - 1]!.resolve(id);
        await tick();
        ws.close();
      }
      f.emit({ kind: 'close', id, code: 1000, reason: '' });
      f.emit({ kind: 'message', id, bytes: new Uint8Array([2]) });
    }
    const last = new WS(URL_OF_ROOM);
    const seen: string[] = [];
    last.onopen = () => seen.push('open');
    f.emit({ kind: 'open', id: 301 });
    f.opens[300]!.resolve(301);
    await tick();
    expect(seen).toEqual(['open']);
    expect(last.readyState).toBe(last.OPEN);
  });

  it('one class per bridge (it owns the bridge’s listener)', () => {
    const f = fakeBridge();
    expect(ipcWebSocketClass(f.bridge)).toBe(ipcWebSocketClass(f.bridge));
    expect(ipcWebSocketClass(fakeBridge().bridge)).not.toBe(ipcWebSocketClass(f.bridge));
  });
});
