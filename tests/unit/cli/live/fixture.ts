// A live host on 127.0.0.1 (any free port) over a copy of the shipped map in a temporary folder,
// and stock y-websocket clients in Node (WebSocketPolyfill: ws, no BroadcastChannel), as a
// student's page speaks to it. Every helper is bounded in time; `cleanup` closes every socket.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startLiveHost, type LiveHost, type LiveHostOptions } from '../../../../arguments/cli/live/host';
import { LiveSession } from '../../../../arguments/live/session';

export const SHIPPED = new URL('../../../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url);

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  session: LiveSession;
  closed: Promise<number>;
}

export function tempMap(): { dir: string; mapPath: string } {
  const dir = mkdtempSync(join(tmpdir(), 'aa-live-'));
  const mapPath = join(dir, 'seminar.argmap.json');
  copyFileSync(SHIPPED, mapPath);
  return { dir, mapPath };
}

/** Resolves when `test` holds, polling; rejects with `what` after `ms`. */
export async function until(test: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function setup() {
  const hosts: LiveHost[] = [];
  const clients: Client[] = [];
  const sockets: WebSocket[] = [];
  const dirs: string[] = [];
  return {
    tempMap: () => {
      const t = tempMap();
      dirs.push(t.dir);
      return t;
    },
    async host(options: Partial<LiveHostOptions> & { mapPath: string }): Promise<LiveHost> {
      const h = await startLiveHost({ host: '127.0.0.1', port: 0, ...options });
      hosts.push(h);
      return h;
    },
    /** A stock WebsocketProvider joined as `name` (the instructor with `key`, a student with the `token` the info gave); resolves once synced. */
    async client(host: { port: number; code: string }, name: string, key?: string, room = host.code, token?: string): Promise<Client> {
      const doc = new Y.Doc();
      const params: Record<string, string> = key ? { name, key } : { name };
      if (token !== undefined) params.token = token;
      const provider = new WebsocketProvider(`ws://127.0.0.1:${host.port}/live`, room, doc, { params, disableBc: true, WebSocketPolyfill: WebSocket as never, maxBackoffTime: 200 });
      let closeCode!: (c: number) => void;
      const closed = new Promise<number>((r) => (closeCode = r));
      provider.on('connection-close', (e: { code: number } | null) => closeCode(e?.code ?? 0));
      const client: Client = { doc, provider, session: new LiveSession(doc), closed };
      clients.push(client);
      await until(() => provider.synced, `${name} to sync`);
      return client;
    },
    /** A bare ws socket (for hand-crafted messages). */
    async socket(host: { port: number; code: string }, query: string, room = host.code): Promise<WebSocket> {
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/live/${room}?${query}`);
      ws.binaryType = 'arraybuffer';
      sockets.push(ws);
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
        ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
      });
      return ws;
    },
    async cleanup() {
      for (const c of clients) {
        c.provider.destroy();
        c.session.destroy();
      }
      for (const s of sockets) s.terminate();
      // A host may refuse its last save (a test of that); it still closes.
      await Promise.allSettled(hosts.map((h) => h.close()));
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}
