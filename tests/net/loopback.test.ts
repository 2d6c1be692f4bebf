// 30 students in one open room over real sockets on loopback: stock y-websocket clients against
// the live host, each running random operations (and undos) with random pauses, dropping off and
// coming back. All of them and the host end in one state, the one a reference merge of what each
// did gives, every state a client showed on the way opens, and the host's file holds the result.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { serializeMap } from '../../arguments/format/serialize';
import { normalize } from '../../arguments/live/normalize';
import { joinRoom, type NetClient } from './client';
import { randomOperation, seeded, seminarMap } from './operations';
import { start, type Proc } from './proc';
import { fileOf, sameVector, settle, sleep, stateVector, whyNotLoadable } from './state';

const CLIENTS = 30;
const ACTIONS = 25;
const SEED = 1950_08_27;
// Each y-websocket provider listens for the process's exit (to say goodbye to its room).
process.setMaxListeners(CLIENTS + 10);

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir = '';
let host: Proc | null = null;
const clients: NetClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  host?.kill('SIGKILL');
  await host?.exited;
  host = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it(`${CLIENTS} clients editing at once over loopback reach one state, the reference merge, and the host's file holds it`, async () => {
  const started = Date.now();
  dir = mkdtempSync(join(tmpdir(), 'aa-net-'));
  const mapPath = join(dir, 'seminar.argmap.json');
  writeFileSync(mapPath, serializeMap(seminarMap()));
  host = start('the host', process.execPath, ['--import', 'tsx', join(ROOT, 'tests/net/host-process.ts'), mapPath, join(dir, 'store')], ROOT);
  const { port, code } = await host.waitFor<{ port: number; code: string }>('the host listening', (e) => typeof e.port === 'number', 20_000);
  const url = `ws://127.0.0.1:${port}/live`;
  for (let i = 0; i < CLIENTS; i++) clients.push(joinRoom(url, code, `Student ${i + 1}`));
  await Promise.all(clients.map((c) => c.synced()));
  for (const c of clients) expect(Object.keys(c.session.map.nodes).sort()).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
  // What everyone started from, as the host sent it.
  const initial = Y.encodeStateAsUpdate(clients[0]!.doc);

  const counts = { applied: 0, offlineApplied: 0, undone: 0, dropped: 0, checked: 0 };
  const problems: string[] = [];
  const run = async (c: NetClient, i: number) => {
    const rnd = seeded(SEED + i);
    // Offline for a number of this client's actions (not a time: the same choices however loaded the machine is).
    let offlineFor = 0;
    for (let k = 0; k < ACTIONS; k++) {
      await sleep(20 + rnd() * 250);
      if (offlineFor > 0 && --offlineFor === 0) c.provider.connect();
      const roll = rnd();
      if (roll < 0.08) c.session.undo() && counts.undone++;
      else if (roll < 0.11) c.session.redo();
      else if (roll < 0.17 && offlineFor === 0) {
        c.provider.disconnect();
        counts.dropped++;
        offlineFor = 2 + Math.floor(rnd() * 7);
      } else {
        const op = randomOperation(c.session, rnd);
        if (op && c.session.apply(op).ok) {
          counts.applied++;
          if (offlineFor > 0) counts.offlineApplied++;
        }
      }
      if (k % 5 === 4) {
        counts.checked++;
        const why = whyNotLoadable(c.session.map);
        if (why) problems.push(`${c.name}: ${why}`);
      }
    }
    if (offlineFor > 0) c.provider.connect();
  };
  const editing = Date.now();
  await Promise.all(clients.map(run));
  const edited = Date.now();

  // Everyone back, everything delivered: the same state vector everywhere, a newcomer's included
  // (a newcomer holds exactly what the host holds once it has synced).
  await settle(() => clients.every((c) => c.provider.wsconnected && c.provider.synced), 20_000, 'every client reconnecting');
  const newcomer = joinRoom(url, code, 'Latecomer');
  clients.push(newcomer);
  await newcomer.synced();
  await settle(() => {
    const v = stateVector(newcomer.doc);
    return clients.every((c) => sameVector(stateVector(c.doc), v));
  }, 20_000, 'convergence of every client with the host');

  expect(problems).toEqual([]);
  const expected = fileOf(newcomer.doc);
  expect(whyNotLoadable(expected)).toBeNull();
  for (const c of clients) {
    expect(fileOf(c.doc), c.name).toBe(expected);
    expect(serializeMap(c.session.map), `${c.name}'s view`).toBe(expected);
  }

  // The reference merge: the map as the host sent it, and every update each client made itself.
  const reference = new Y.Doc();
  Y.applyUpdate(reference, initial);
  for (const c of clients) for (const u of c.own) Y.applyUpdate(reference, u);
  const ref = stateVector(reference);
  const final = stateVector(newcomer.doc);
  // Nothing a client did is missing from the room, and the room holds nothing of a client it did not do.
  for (const c of clients) expect(final.get(c.doc.clientID), c.name).toBe(ref.get(c.doc.clientID));
  const rest = Y.decodeUpdate(Y.encodeStateAsUpdate(newcomer.doc, Y.encodeStateVector(reference)));
  const ids = new Set(clients.map((c) => c.doc.clientID));
  expect(rest.structs.filter((s) => ids.has(s.id.client))).toEqual([]);
  // What the host added itself (its repairs after a merge) is not in the reference: it repairs the
  // merge of what the clients did by the same rules, and must show the map the room shows.
  normalize(reference);
  expect(whyNotLoadable(fileOf(reference))).toBeNull();
  expect(fileOf(reference)).toBe(expected);

  // The host's file after it closes (SIGTERM: it saves and exits) holds it, and opens.
  host.kill('SIGTERM');
  expect(await host.exited, host.log.join('\n')).toBe(0);
  host = null;
  const saved = readFileSync(mapPath, 'utf8');
  expect(whyNotLoadable(saved)).toBeNull();
  expect(saved).toBe(expected);

  // The run did what it claims: many edits, some made offline, connections dropped and resumed.
  expect(counts.applied).toBeGreaterThan(300);
  expect(counts.offlineApplied).toBeGreaterThan(20);
  expect(counts.dropped).toBeGreaterThan(20);
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `loopback: ${counts.applied} operations (${counts.offlineApplied} offline), ${counts.undone} undos, ${counts.dropped} dropped connections, ${clients.reduce((n, c) => n + c.repairs, 0)} repairs, ${counts.checked} states checked, ${Object.keys(JSON.parse(expected).nodes).length} nodes at the end, ${seconds.toFixed(1)} s (joining ${((editing - started) / 1000).toFixed(1)} s, editing ${((edited - editing) / 1000).toFixed(1)} s, settling and checking ${((Date.now() - edited) / 1000).toFixed(1)} s)`,
  );
}, 60_000);
