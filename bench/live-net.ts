// The live seminar over real sockets on loopback (issue 16), the host against its peer, the stock
// @y/websocket-server, with the same clients, the same map and the same edits in the same run:
// - an edit → visible in every other client, 30 clients: median and p95 over the edits (goal:
//   p95 ≤ 100 ms). "Visible" is the client's LiveSession map showing the new text, as a page reads
//   it; the time of an edit is until the last of the 29 others shows it. Twice more, with fewer
//   edits: on a 1,000-node map, and in a students-own-voice room (the instructor editing, as the
//   stock server's clients do: every update is judged on the host's scratch replica there).
// - 100 clients joining and making 200 edits between them, twice per server: the server's CPU
//   time (process.cpuUsage over the run: every thread, so the store's fsyncs count) and its
//   resident memory after it.
// - the first sync of a 1,000-node map: from a new provider's connect to its LiveSession map
//   holding every node (goal ≤ 1 s).
// Each server runs in a child process of its own (`--serve app|stock MAP`), so its CPU and memory
// are its own; all clients share this process, so the latency includes up to 29 clients applying
// the update one after the other on one core (on a real network each has its own machine).
// The two servers alternate, one repetition of each at a time, so both see the same machine load.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { loadMap } from '../arguments/format/load';
import { startLiveHost } from '../arguments/cli/live/host';
import { serializeMap } from '../arguments/format/serialize';
import { toYDoc } from '../arguments/live/mirror';
import { LIVE_PATH, type RoomMode } from '../arguments/live/protocol';
import { editNode } from '../arguments/operations';
import { joinRoom, type NetClient } from '../tests/net/client';
import { FIRST_THESIS, generateMap } from './generate';
import { atMost, type Figure } from './results';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STOCK_CODE = 'STOCK2';
type Kind = 'app' | 'stock';
const KINDS: readonly Kind[] = ['app', 'stock'];

export interface LiveNetPlan {
  /** Clients for the edit → visible figure (30). */
  clients: number;
  /** Edits per server for it. */
  edits: number;
  /** Clients for the host's CPU and memory (100), and the edits they make between them. */
  crowd: number;
  crowdEdits: number;
  /** The map of the first-sync figure (1,000 nodes), and its repetitions per server. */
  syncSize: number;
  syncReps: number;
  log: (line: string) => void;
}

// ----- the server, in a child process -----------------------------------------------------

interface Usage {
  cpuMs: number;
  rssMB: number;
}

/** The stock y-websocket server on one room preloaded with the map, as a department would run it. */
async function startStock(mapPath: string): Promise<{ port: number; code: string; close(): Promise<void> }> {
  const { getYDoc, setupWSConnection } = await import('@y/websocket-server/utils');
  const { WebSocketServer } = await import('ws');
  const loaded = loadMap(readFileSync(mapPath));
  if (!loaded.ok) throw new Error(`${mapPath} does not open`);
  const doc = getYDoc(`${LIVE_PATH.slice(1)}/${STOCK_CODE}`);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(toYDoc(loaded.map)));
  const wss = new WebSocketServer({ noServer: true });
  const http = createServer((_q, r) => r.end());
  http.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req)));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  return {
    port: (http.address() as AddressInfo).port,
    code: STOCK_CODE,
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}

async function serveChild(kind: Kind, mapPath: string, mode: RoomMode): Promise<void> {
  const server =
    kind === 'stock'
      ? await startStock(mapPath)
      : await startLiveHost({ mapPath, host: '127.0.0.1', port: 0, mode, storeDir: join(mapPath, '..', 'store') });
  let base = process.cpuUsage();
  const say = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);
  say({ port: server.port, code: server.code, key: 'key' in server ? server.key : null });
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line === 'reset') {
      base = process.cpuUsage();
      say({ reset: true });
    } else if (line === 'usage') {
      const u = process.cpuUsage(base);
      say({ cpuMs: (u.user + u.system) / 1000, rssMB: process.memoryUsage().rss / 2 ** 20 } satisfies Usage);
    } else void server.close().then(() => process.exit(0));
  });
}

interface Server {
  kind: Kind;
  port: number;
  code: string;
  /** The instructor's key (the app's host; the stock server has none). */
  key: string | null;
  ask(line: string): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

async function spawnServer(kind: Kind, mapPath: string, mode: RoomMode = 'open'): Promise<Server> {
  // AA_LIVE_NET_PROFILE=DIR: a CPU profile of each server (node --cpu-prof), to see where its time goes.
  const prof = process.env.AA_LIVE_NET_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.AA_LIVE_NET_PROFILE] : [];
  const child: ChildProcess = spawn(process.execPath, [...prof, '--import', 'tsx', fileURLToPath(import.meta.url), '--serve', kind, mapPath, mode], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: ((o: Record<string, unknown>) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => lines.shift()?.(JSON.parse(l) as Record<string, unknown>));
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`the ${kind} server did not answer within 30 s`)), 30_000);
      lines.push((o) => (clearTimeout(t), resolve(o)));
    });
  const hello = await next();
  return {
    kind,
    port: hello.port as number,
    code: hello.code as string,
    key: hello.key as string | null,
    ask: (line) => {
      const answer = next();
      child.stdin!.write(`${line}\n`);
      return answer;
    },
    stop: async () => {
      const gone = new Promise((r) => child.once('exit', r));
      child.stdin!.write('quit\n');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
      child.kill('SIGKILL');
    },
  };
}

// ----- the clients, here ------------------------------------------------------------------

/** n clients; with `instructorFirst`, the first one joins with the instructor's key (where there is one). */
async function crowd(server: Server, n: number, name: string, instructorFirst = false): Promise<NetClient[]> {
  const url = `ws://127.0.0.1:${server.port}${LIVE_PATH}`;
  const clients = Array.from({ length: n }, (_, i) => joinRoom(url, server.code, `${name} ${i + 1}`, instructorFirst && i === 0 && server.key !== null ? { key: server.key } : {}));
  await Promise.all(clients.map((c) => c.synced(60_000)));
  return clients;
}

const until = async (ok: () => boolean, ms: number, what: string) => {
  const end = performance.now() + ms;
  while (!ok()) {
    if (performance.now() > end) throw new Error(`${what} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

interface Seen {
  /** Until every other client's map showed the edit. */
  last: number;
  /** Until the first other client's did (the network and the server, without the other clients' turns). */
  first: number;
  /** The CPU time of this process (every client's share) until the last one showed it. */
  cpu: number;
}

/** Times each edit until every other client's map shows it (made by each client in turn, or by the first one alone). */
async function visibleTimes(clients: NetClient[], edits: number, tag: string, from = 0, firstSends = false): Promise<Seen[]> {
  const times: Seen[] = [];
  for (let e = 0; e < edits; e++) {
    const sender = clients[firstSends ? 0 : (from + e) % clients.length]!;
    const text = `${tag} edit ${e}`;
    let waiting = clients.length - 1;
    let last = 0;
    let first = 0;
    const offs = clients
      .filter((c) => c !== sender)
      .map((c) => {
        const off = c.session.onChange((touched) => {
          if (touched.records.get('nodes')?.has(FIRST_THESIS) && c.session.map.nodes[FIRST_THESIS]?.text === text) {
            off();
            last = performance.now();
            if (waiting === clients.length - 1) first = last;
            waiting--;
          }
        });
        return off;
      });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    if (!sender.session.apply(editNode(FIRST_THESIS, { text })).ok) throw new Error('the edit was refused');
    await until(() => waiting === 0, 10_000, `${text} reaching every client`);
    offs.forEach((off) => off());
    const cpu = process.cpuUsage(cpu0);
    times.push({ last: last - t0, first: first - t0, cpu: (cpu.user + cpu.system) / 1000 });
    await new Promise((r) => setTimeout(r, 20));
  }
  return times;
}

const sameVectors = (clients: NetClient[]) => clients.every((c) => sameDecoded(c.doc, clients[0]!.doc));
const sameDecoded = (a: Y.Doc, b: Y.Doc) => {
  const x = Y.decodeStateVector(Y.encodeStateVector(a));
  const y = Y.decodeStateVector(Y.encodeStateVector(b));
  return x.size === y.size && [...x].every(([k, v]) => y.get(k) === v);
};

/** n clients join, make `edits` edits between them (one every 20 ms) and settle: the server's usage. */
async function crowdRun(server: Server, n: number, edits: number): Promise<Usage> {
  // The host writes the map file up to a second after a change: the previous phase's write falls
  // before the window, this run's own inside it.
  await new Promise((r) => setTimeout(r, 1500));
  await server.ask('reset');
  const clients = await crowd(server, n, 'Crowd');
  try {
    for (let e = 0; e < edits; e++) {
      const c = clients[(e * 7) % n]!;
      c.session.apply(editNode(FIRST_THESIS, { text: `crowd edit ${e}` }));
      await new Promise((r) => setTimeout(r, 20));
    }
    await until(() => sameVectors(clients), 60_000, `${n} clients converging`);
    await new Promise((r) => setTimeout(r, 1500));
    return (await server.ask('usage')) as unknown as Usage;
  } finally {
    for (const c of clients) c.destroy();
  }
}

async function firstSync(server: Server, nodes: number, rep: number): Promise<number> {
  const t0 = performance.now();
  const [c] = await crowd(server, 1, `Newcomer ${rep}`);
  try {
    await until(() => Object.keys(c!.session.map.nodes).length === nodes, 30_000, `the ${nodes}-node map arriving`);
    return performance.now() - t0;
  } finally {
    c!.destroy();
  }
}

/** Edit → visible on `mapPath(kind)` in room mode `mode`, the two servers alternating edit by edit; in a mode where students may not edit the thesis, the instructor makes every edit. */
async function visibleRun(plan: LiveNetPlan, mapPath: (kind: Kind) => string, mode: RoomMode, edits: number): Promise<Map<Kind, Seen[]>> {
  const seen = new Map<Kind, Seen[]>(KINDS.map((k) => [k, []]));
  const byInstructor = mode !== 'open';
  const rooms = await Promise.all(KINDS.map(async (k) => [k, await spawnServer(k, mapPath(k), mode)] as const));
  try {
    const crowds = await Promise.all(rooms.map(async ([k, s]) => [k, await crowd(s, plan.clients, 'Student', byInstructor)] as const));
    try {
      for (const [, clients] of crowds) await visibleTimes(clients, 3, 'warm-up', 0, byInstructor);
      for (let e = 0; e < edits; e++) for (const [kind, clients] of crowds) seen.get(kind)!.push(...(await visibleTimes(clients, 1, `${kind} ${mode} ${e}`, e, byInstructor)));
    } finally {
      for (const [, clients] of crowds) for (const c of clients) c.destroy();
    }
  } finally {
    await Promise.all(rooms.map(([, s]) => s.stop()));
  }
  return seen;
}

const p95 = (xs: readonly number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.ceil(0.95 * v.length) - 1)]!;
};
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

export async function runLiveNetFigures(plan: LiveNetPlan): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'aa-live-net-'));
  process.setMaxListeners(plan.crowd + 20);
  const mapFile = (name: string, nodes: number) => {
    const path = join(dir, name, 'map.argmap.json');
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(path, serializeMap(generateMap(nodes)));
    return path;
  };
  const visible = new Map<Kind, Seen[]>();
  const fewer = Math.max(5, Math.ceil(plan.edits / 2));
  let large = new Map<Kind, Seen[]>();
  let ownVoice = new Map<Kind, Seen[]>();
  const usage = new Map<Kind, Usage[]>();
  const sync = new Map<Kind, number[]>();
  try {
    // Both rooms open at once, their edits alternating: the two servers see the same load.
    const rooms = await Promise.all(KINDS.map(async (k) => [k, await spawnServer(k, mapFile(`edits-${k}`, 100))] as const));
    try {
      const crowds = await Promise.all(rooms.map(async ([k, s]) => [k, await crowd(s, plan.clients, 'Student')] as const));
      try {
        for (const [, clients] of crowds) await visibleTimes(clients, 3, 'warm-up');
        for (let e = 0; e < plan.edits; e++)
          for (const [kind, clients] of crowds) (visible.get(kind) ?? visible.set(kind, []).get(kind)!).push(...(await visibleTimes(clients, 1, `${kind} ${e}`, e)));
      } finally {
        for (const [, clients] of crowds) for (const c of clients) c.destroy();
      }
      // Twice each, in the order app, stock, stock, app: a drift of the machine's load falls on both alike.
      for (const i of [0, 1, 1, 0]) {
        const [kind, server] = rooms[i]!;
        (usage.get(kind) ?? usage.set(kind, []).get(kind)!).push(await crowdRun(server, plan.crowd, plan.crowdEdits));
      }
    } finally {
      await Promise.all(rooms.map(([, s]) => s.stop()));
    }
    large = await visibleRun(plan, (k) => mapFile(`large-${k}`, plan.syncSize), 'open', fewer);
    ownVoice = await visibleRun(plan, (k) => mapFile(`own-voice-${k}`, 100), 'students-own-voice', fewer);
    const servers = await Promise.all(KINDS.map(async (k) => [k, await spawnServer(k, mapFile(`sync-${k}`, plan.syncSize))] as const));
    try {
      for (let r = 0; r < plan.syncReps + 1; r++)
        for (const [kind, server] of servers) {
          const t = await firstSync(server, plan.syncSize, r);
          if (r > 0) (sync.get(kind) ?? sync.set(kind, []).get(kind)!).push(t);
        }
    } finally {
      await Promise.all(servers.map(([, s]) => s.stop()));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const host = 'the live host, arguments/cli/live/host.ts, in mode open';
  const v = (k: Kind) => visible.get(k)!.map((x) => x.last);
  const v1 = (k: Kind) => visible.get(k)!.map((x) => x.first);
  const vc = (k: Kind) => visible.get(k)!.map((x) => x.cpu);
  const u = (k: Kind, f: keyof Usage) => usage.get(k)!.map((x) => x[f]);
  const vl = (k: Kind) => large.get(k)!.map((x) => x.last);
  const vo = (k: Kind) => ownVoice.get(k)!.map((x) => x.last);
  plan.log(
    `  live over loopback (${host}): edit → visible in ${plan.clients - 1} others median ${median(v('app')).toFixed(1)} ms, p95 ${p95(v('app')).toFixed(1)} ms (stock server ${median(v('stock')).toFixed(1)} / ${p95(v('stock')).toFixed(1)}), in the first other client median ${median(v1('app')).toFixed(1)}, p95 ${p95(v1('app')).toFixed(1)} ms (stock ${median(v1('stock')).toFixed(1)} / ${p95(v1('stock')).toFixed(1)}), the clients' CPU per edit median ${median(vc('app')).toFixed(1)} ms (stock ${median(vc('stock')).toFixed(1)}), load average ${loadavg()[0]!.toFixed(1)}; ` +
      `at ${plan.syncSize} nodes median ${median(vl('app')).toFixed(1)}, p95 ${p95(vl('app')).toFixed(1)} ms (stock ${median(vl('stock')).toFixed(1)} / ${p95(vl('stock')).toFixed(1)}), in students-own-voice median ${median(vo('app')).toFixed(1)}, p95 ${p95(vo('app')).toFixed(1)} ms (stock ${median(vo('stock')).toFixed(1)} / ${p95(vo('stock')).toFixed(1)}); ` +
      `${plan.crowd} clients: CPU ${u('app', 'cpuMs').map((x) => x.toFixed(0)).join(', ')} ms, RSS ${u('app', 'rssMB').map((x) => x.toFixed(0)).join(', ')} MB (stock ${u('stock', 'cpuMs').map((x) => x.toFixed(0)).join(', ')} ms, ${u('stock', 'rssMB').map((x) => x.toFixed(0)).join(', ')} MB); ` +
      `first sync of ${plan.syncSize} nodes ${median(sync.get('app')!).toFixed(0)} ms (stock ${median(sync.get('stock')!).toFixed(0)})`,
  );
  const peer = 'baseline: the stock @y/websocket-server, same clients and map';
  return [
    { key: `live-net.visible.median.${plan.clients}`, label: `Live over loopback: an edit → visible in every other client, ${plan.clients} clients, per edit (${host}; ${peer})`, size: 100, unit: 'ms', app: v('app'), baseline: v('stock') },
    { key: `live-net.visible.p95.${plan.clients}`, label: `Live over loopback: an edit → visible in every other client, ${plan.clients} clients, p95 of ${plan.edits} edits (${peer})`, size: 100, unit: 'ms', app: [p95(v('app'))], baseline: [p95(v('stock'))], goal: atMost(100, '≤ 100 ms (p95)') },
    { key: `live-net.visible.large.${plan.clients}`, label: `Live over loopback: an edit → visible in every other client, ${plan.clients} clients, on a ${plan.syncSize}-node map, per edit (${host}; ${peer})`, size: plan.syncSize, unit: 'ms', app: vl('app'), baseline: vl('stock') },
    { key: `live-net.visible.own-voice.${plan.clients}`, label: `Live over loopback: an edit by the instructor → visible in every other client, ${plan.clients} clients, in students-own-voice (every update judged on the host's scratch replica), per edit (the live host in mode students-own-voice; ${peer})`, size: 100, unit: 'ms', app: vo('app'), baseline: vo('stock') },
    { key: `live-net.visible.first.${plan.clients}`, label: `Live over loopback: an edit → visible in the first other client, ${plan.clients} clients, per edit: the network and the server without the other clients’ turns in this process (${peer})`, size: 100, unit: 'ms', app: v1('app'), baseline: v1('stock') },
    { key: `live-net.visible.clients-cpu.${plan.clients}`, label: `Live over loopback: CPU time of the ${plan.clients} clients (one process) per edit, until every other one showed it (${peer})`, size: 100, unit: 'ms', app: vc('app'), baseline: vc('stock') },
    { key: `live-net.host.cpu.${plan.crowd}`, label: `Live over loopback: the server's CPU time while ${plan.crowd} clients join and make ${plan.crowdEdits} edits (${peer})`, size: 100, unit: 'ms', app: u('app', 'cpuMs'), baseline: u('stock', 'cpuMs') },
    { key: `live-net.host.rss.${plan.crowd}`, label: `Live over loopback: the server's resident memory after ${plan.crowd} clients joined and edited (${peer})`, size: 100, unit: 'MB', app: u('app', 'rssMB'), baseline: u('stock', 'rssMB') },
    { key: `live-net.sync.${plan.syncSize}`, label: `Live over loopback: a new client's first sync, connect → the whole map readable (${peer})`, size: plan.syncSize, unit: 'ms', app: sync.get('app')!, baseline: sync.get('stock')!, goal: atMost(1000, '≤ 1 s') },
  ];
}

if (process.argv[2] === '--serve' && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const kind = process.argv[3];
  if (kind !== 'app' && kind !== 'stock') throw new Error('--serve app|stock MAP MODE');
  void serveChild(kind, process.argv[4]!, (process.argv[5] ?? 'open') as RoomMode);
}
