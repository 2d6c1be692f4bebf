// One person in a live room as a browser would be: a stock y-websocket provider (Node's `ws` as its
// WebSocket, no BroadcastChannel) on a Y.Doc with a LiveSession. Records every update this person
// made (their operations, undos and the normaliser's repairs), so a test can rebuild the merge
// every peer should reach from what each one did.
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { LiveSession } from '../../arguments/live/session';

export interface NetClient {
  name: string;
  doc: Y.Doc;
  session: LiveSession;
  provider: WebsocketProvider;
  /** The updates this client made itself, in order. */
  own: Uint8Array[];
  repairs: number;
  /** Resolves at the next (or current) completed sync with the host. */
  synced(timeoutMs?: number): Promise<void>;
  destroy(): void;
}

/** `serverUrl`: `ws://HOST:PORT/live`; the room is the join code. */
export function joinRoom(serverUrl: string, code: string, name: string, params: Record<string, string> = {}): NetClient {
  const doc = new Y.Doc();
  const own: Uint8Array[] = [];
  const provider = new WebsocketProvider(serverUrl, code, doc, {
    params: { name, ...params },
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    maxBackoffTime: 400,
  });
  const client: NetClient = {
    name,
    doc,
    provider,
    own,
    repairs: 0,
    session: new LiveSession(doc, { onRepair: (r) => (client.repairs += r.length) }),
    synced(timeoutMs = 20_000) {
      if (provider.synced && provider.wsconnected) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          provider.off('sync', on);
          reject(new Error(`${name} did not sync with the host within ${timeoutMs} ms`));
        }, timeoutMs);
        const on = (s: boolean) => {
          if (!s) return;
          clearTimeout(timer);
          provider.off('sync', on);
          resolve();
        };
        provider.on('sync', on);
      });
    },
    destroy() {
      client.session.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
  doc.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== provider) own.push(u);
  });
  return client;
}
