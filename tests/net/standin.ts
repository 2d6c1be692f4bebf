// A stand-in for the live host (arguments/cli/live/host.ts, built by host16) with the same Node
// API, on the stock @y/websocket-server: it serves `/live/CODE` in one room, loads the map file
// into it and writes the file back (atomically) at most 1 s after changes and on close. It has no
// roles and no update log: the network tests only need an 'open' room to run before the real host
// lands, and they switch to the real one as soon as it exists (tests/net/host.ts).
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { docs, getYDoc, setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { loadMap } from '../../arguments/format/load';
import { serializeMap } from '../../arguments/format/serialize';
import { fromYDoc, toYDoc } from '../../arguments/live/mirror';
import { instructorUrl, joinUrl, LIVE_PATH, makeJoinCode } from '../../arguments/live/protocol';
import type { LiveHost, LiveHostOptions, PeerInfo } from './host';

export async function startStandInHost(options: LiveHostOptions): Promise<LiveHost> {
  const loaded = loadMap(readFileSync(options.mapPath));
  if (!loaded.ok) throw new Error(`the map ${options.mapPath} does not open: ${loaded.errors.map((e) => e.message).join('; ')}`);
  const code = options.code ?? makeJoinCode(randomBytes(6));
  const key = randomBytes(18).toString('base64url');
  const room = `${LIVE_PATH.slice(1)}/${code}`;
  docs.get(room)?.destroy();
  docs.delete(room);
  const doc = getYDoc(room, false);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(toYDoc(loaded.map)));
  const peers = new Map<object, PeerInfo>();

  let timer: NodeJS.Timeout | null = null;
  const save = async () => {
    if (timer) clearTimeout(timer), (timer = null);
    const tmp = `${options.mapPath}.${process.pid}.tmp`;
    writeFileSync(tmp, serializeMap(fromYDoc(doc)));
    renameSync(tmp, options.mapPath);
  };
  doc.on('update', () => {
    timer ??= setTimeout(() => void save().catch((e: Error) => options.onError?.(e)), 1000);
  });

  const wss = new WebSocketServer({ noServer: true });
  const http = createServer((_req, res) => {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  http.on('upgrade', (req: IncomingMessage, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== `${LIVE_PATH}/${code}`) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      const info: PeerInfo = { name: url.searchParams.get('name') ?? '', role: 'student', connected: true };
      peers.set(ws, info);
      ws.on('close', () => {
        info.connected = false;
        options.onPeers?.([...peers.values()]);
      });
      options.onPeers?.([...peers.values()]);
      setupWSConnection(ws, req, { docName: room, gc: false });
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  return {
    code,
    key,
    address: options.host,
    port,
    joinUrl: joinUrl(options.host, port, code),
    instructorUrl: instructorUrl(options.host, port, code, key),
    peers: () => [...peers.values()],
    save,
    async close() {
      await save();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      docs.delete(room);
      doc.destroy();
    },
  };
}
