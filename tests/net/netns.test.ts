// A seminar over real interfaces: the host (`argmap serve … --open`) in a namespace of its own,
// two students in theirs, joined by veth pairs on a bridge. Both edit; one student's link is cut
// for 30 s, as a wifi drop would, and that student edits offline while the other goes on; the link
// comes back → both see everything, and after SIGTERM the host's file holds every edit.
// Needs root and `ip netns` (CI runs as root with iproute2); elsewhere it is skipped, saying why.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { loadMap } from '../../arguments/format/load';
import { serializeMap } from '../../arguments/format/serialize';
import { buildCli, type Cli } from '../unit/cli/helpers';
import { HOST_ADDRESS, makeSeminar, whyNoNamespaces, type Seminar } from './netns';
import { seminarMap } from './operations';
import { start, type Proc } from './proc';
import { sleep } from './state';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PORT = 4455;
const CUT_MS = 30_000;
const why = whyNoNamespaces();
if (why) console.log(`tests/net/netns.test.ts skipped: ${why}`);

// The CLI as `npm run build:cli` makes it (what bin/argmap.cjs runs), built from this tree.
let cli: Cli | null = null;
beforeAll(() => {
  if (!why) cli = buildCli('netns', 60_000);
}, 90_000);
afterAll(() => cli?.remove());

let seminar: Seminar | null = null;
let dir = '';
const procs: Proc[] = [];
afterEach(async () => {
  for (const p of procs.splice(0)) {
    p.kill('SIGKILL');
    await Promise.race([p.exited, sleep(3000)]);
  }
  seminar?.remove();
  seminar = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const textsOf = (p: Proc) => p.ask<{ texts: string[] }>({ cmd: 'texts' }, (e) => e.event === 'texts').then((e) => e.texts);
async function until(what: string, ms: number, ok: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`${what} within ${ms} ms`);
    await sleep(250);
  }
}

it.skipIf(why !== null)('two students in their own network namespaces: one is cut off for 30 s and edits offline; back online, nothing is lost', async () => {
  seminar = makeSeminar(2);
  dir = mkdtempSync(join(tmpdir(), 'aa-netns-'));
  const mapPath = join(dir, 'seminar.argmap.json');
  writeFileSync(mapPath, serializeMap(seminarMap()));
  const code = 'NETS23';
  // The students here are Node clients: the page the host serves only has to be there.
  const web = join(dir, 'web');
  mkdirSync(web);
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Argument Atlas</title>');
  const serve = [process.execPath, cli!.bundle, 'serve', mapPath, '--host', HOST_ADDRESS, '--port', String(PORT), '--code', code, '--web', web, '--open'];
  const [hc, ha] = seminar.exec(seminar.host, serve);
  const host = start('the host', hc, ha, ROOT);
  procs.push(host);
  const students = seminar.students.map((ns, i) => {
    const [c, a] = seminar!.exec(ns, [process.execPath, '--import', 'tsx', join(ROOT, 'tests/net/student.ts'), `ws://${HOST_ADDRESS}:${PORT}/live`, code, `Student ${'AB'[i]}`]);
    const p = start(`student ${'AB'[i]}`, c, a, ROOT);
    procs.push(p);
    return p;
  });
  const [a, b] = students as [Proc, Proc];
  // The students keep trying until the host listens.
  await Promise.all(students.map((s) => s.waitFor('a sync with the host', (e) => e.event === 'synced', 30_000))).catch((e: Error) => {
    throw new Error(`${e.message}\nthe host said:\n${host.log.join('\n')}`);
  });
  for (const s of students) expect(await textsOf(s)).toContain('Statement 1.');

  const added = (e: Record<string, unknown>) => e.event === 'added' || e.event === 'refused';
  expect(await a.ask({ cmd: 'add', text: 'A, before the cut' }, added)).toMatchObject({ event: 'added' });
  expect(await b.ask({ cmd: 'add', text: 'B, before the cut' }, added)).toMatchObject({ event: 'added' });
  const both = ['A, before the cut', 'B, before the cut'];
  await until('both students see both edits', 15_000, async () => (await Promise.all(students.map(textsOf))).every((t) => both.every((x) => t.includes(x))));

  seminar.cut(0);
  const cutAt = Date.now();
  expect(await a.ask({ cmd: 'add', text: 'A, offline' }, added)).toMatchObject({ event: 'added' });
  expect(await b.ask({ cmd: 'add', text: 'B, while A was away' }, added)).toMatchObject({ event: 'added' });
  await sleep(CUT_MS - 2000 - (Date.now() - cutAt));
  // The cut held: neither side has seen the other's edit since.
  expect(await textsOf(a)).not.toContain('B, while A was away');
  expect(await textsOf(b)).not.toContain('A, offline');
  await sleep(Math.max(0, CUT_MS - (Date.now() - cutAt)));
  seminar.restore(0);
  const restoredAt = Date.now();

  const all = [...both, 'A, offline', 'B, while A was away'];
  await until('both students see every edit after the link came back', 60_000, async () => (await Promise.all(students.map(textsOf))).every((t) => all.every((x) => t.includes(x))));
  const statuses = a.events.filter((e) => e.event === 'status').map((e) => e.status);
  console.log(`netns: student A's connection ${statuses.join(' → ')}; merged ${((Date.now() - restoredAt) / 1000).toFixed(1)} s after the link came back`);
  // The file after SIGTERM: the host saves before it exits.
  host.kill('SIGTERM');
  const exit = await Promise.race([host.exited, sleep(15_000).then(() => 'timeout' as const)]);
  expect(exit, host.log.join('\n')).toBe(0);
  const loaded = loadMap(readFileSync(mapPath));
  if (!loaded.ok) throw new Error(`the host's file does not open: ${loaded.errors.map((e) => e.message).join('; ')}`);
  const texts = Object.values(loaded.map.nodes).map((n) => n.text);
  for (const t of [...all, 'Statement 1.']) expect(texts).toContain(t);
  expect(texts).toHaveLength(6 + all.length);
}, 150_000);
