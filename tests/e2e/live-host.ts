// The host a live-seminar browser test talks to: host16's `startLiveHost` (arguments/cli/live/host.ts)
// when this checkout has it, else a stand-in on @y/websocket-server with the same addresses
// (protocol.ts): the web build at `/`, the room's info at `/live/CODE/info`, y-websocket at
// `/live/CODE`. The stand-in keeps no file and enforces no roles (the pages' refusals are tested).
import { existsSync, readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { WebSocketServer } from 'ws';
import { toYDoc } from '../../arguments/live/mirror';
import { loadMap } from '../../arguments/format/load';
import { instructorUrl, joinUrl, readStudentName, type RoomMode } from '../../arguments/live/protocol';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_ROOT = join(root, 'dist/renderer');
export const SEED_PATH = join(root, 'arguments/maps/stalin-gottwald-1950.argmap.json');

export interface TestHost {
  code: string;
  key: string;
  joinUrl: string;
  instructorUrl: string;
  origin: string;
  close(): Promise<void>;
}

/** A host on 127.0.0.1 (any free port) serving the web build and one room on a copy of the seed map. */
export async function startTestHost(mode: RoomMode): Promise<TestHost> {
  const dir = mkdtempSync(join(tmpdir(), 'aa-live-e2e-'));
  const mapPath = join(dir, 'seminar.argmap.json');
  writeFileSync(mapPath, readFileSync(SEED_PATH));
  const real = join(root, 'arguments/cli/live/host.ts');
  if (existsSync(real)) {
    // The contract's shape (the lead's task text), so this file type-checks before host16 is merged.
    type Start = (o: { mapPath: string; host: string; port: number; mode?: RoomMode; webRoot?: string }) => Promise<{ code: string; key: string; port: number; joinUrl: string; instructorUrl: string; close(): Promise<void> }>;
    const { startLiveHost } = (await import(real)) as { startLiveHost: Start };
    const host = await startLiveHost({ mapPath, host: '127.0.0.1', port: 0, mode, webRoot: WEB_ROOT });
    return {
      code: host.code,
      key: host.key,
      joinUrl: host.joinUrl,
      instructorUrl: host.instructorUrl,
      origin: `http://127.0.0.1:${host.port}`,
      close: async () => {
        await host.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  return standIn(mapPath, mode, () => rmSync(dir, { recursive: true, force: true }));
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.otf': 'font/otf' };

async function standIn(mapPath: string, mode: RoomMode, cleanUp: () => void): Promise<TestHost> {
  const utils = await import('@y/websocket-server/utils');
  const code = 'K7QM4P';
  const key = 'test-instructor-key-0123456789';
  const loaded = loadMap(readFileSync(mapPath, 'utf8'));
  if (!loaded.ok) throw new Error('seed map does not load');
  const doc = utils.getYDoc(code);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(toYDoc(loaded.map)));
  const names = new Map<object, string>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const info = /^\/live\/([A-Z0-9]{6})\/info$/.exec(url.pathname);
    if (info) {
      res.setHeader('content-type', 'application/json');
      if (info[1] !== code) return void res.writeHead(404).end('{}');
      const typed = url.searchParams.get('name');
      if (typed === null) return void res.end(JSON.stringify({ code, mode, title: loaded.map.meta.title }));
      const name = readStudentName(typed);
      if (!name) return void res.writeHead(400).end('{}');
      if ([...names.values()].includes(name)) return void res.writeHead(409).end('{}');
      const instructor = url.searchParams.get('key') === key;
      const mayEdit = instructor ? (mode === 'read-only' ? 'nothing' : 'everything') : mode === 'open' ? 'everything' : mode === 'students-own-voice' ? 'own-voice' : 'nothing';
      return void res.end(JSON.stringify({ code, mode, role: instructor ? 'instructor' : 'student', name, title: loaded.map.meta.title, mayEdit }));
    }
    const path = normalize(url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname));
    const file = join(WEB_ROOT, path);
    if (!file.startsWith(WEB_ROOT) || !existsSync(file)) return void res.writeHead(404).end();
    res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.end(readFileSync(file));
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== `/live/${code}`) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      const name = readStudentName(url.searchParams.get('name') ?? '') ?? '?';
      names.set(ws, name);
      ws.on('close', () => names.delete(ws));
      utils.setupWSConnection(ws, req, { docName: code });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    code,
    key,
    joinUrl: joinUrl('127.0.0.1', port, code),
    instructorUrl: instructorUrl('127.0.0.1', port, code, key),
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      utils.docs.delete(code);
      doc.destroy();
      cleanUp();
    },
  };
}
