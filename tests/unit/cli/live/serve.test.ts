// `argmap serve` as a user runs it (the built CLI in a process of its own): it prints where to
// join, saves and exits 0 on SIGTERM, and a host killed with SIGKILL loses no edit it acknowledged
// (relayed: the host relays an update only once it is fsync'd in its store).
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadMap } from '../../../../arguments/format/load';
import { addNode } from '../../../../arguments/operations';
import { buildCli, type Cli } from '../helpers';
import { setup, SHIPPED, until } from './fixture';

let cli: Cli;
beforeAll(() => {
  cli = buildCli('serve');
}, 60_000);
afterAll(() => cli.remove());

interface Served {
  child: ChildProcess;
  out: string[];
  port: number;
  code: string;
  key: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

async function serve(...args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [cli.bundle, 'serve', ...args], { cwd: cli.dir, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const out: string[] = [];
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => out.push(...d.split('\n').filter(Boolean)));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
  await until(() => out.some((l) => l.startsWith('Instructor')) || child.exitCode !== null, `argmap serve to start (${err})`, 15_000);
  const at = /http:\/\/127\.0\.0\.1:(\d+)\/#([A-Z0-9]{6})\?key=([A-Za-z0-9_-]+)/.exec(out.find((l) => l.startsWith('Instructor')) ?? '');
  if (!at) throw new Error(`argmap serve did not start: ${out.join('\n')} ${err}`);
  return { child, out, port: Number(at[1]), code: at[2]!, key: at[3]!, exited };
}

describe('argmap serve', () => {
  it('refuses a wrong command line, and says how to make the web build', () => {
    const map = cli.file('m.argmap.json', readFileSync(SHIPPED));
    expect(cli.argmap('serve', map, '--open', '--read-only').err).toMatch(/give one of --open, --read-only and --own-voice/);
    expect(cli.argmap('serve', map, '--port', 'http').err).toMatch(/is not a port/);
    expect(cli.argmap('serve', map, '--web', cli.dir).err).toMatch(/holds no index\.html/);
    expect(cli.argmap('serve', '--help').out).toMatch(/^Usage: argmap serve MAP \[--host ADDR\]/);
  });

  it('keeps every acknowledged edit through a SIGKILL, and saves on SIGTERM', async () => {
    const t = setup();
    try {
      const web = join(cli.dir, 'web');
      mkdirSync(web, { recursive: true });
      writeFileSync(join(web, 'index.html'), '<!doctype html><title>Argument Atlas</title>');
      const mapPath = join(cli.dir, 'killed.argmap.json');
      copyFileSync(SHIPPED, mapPath);
      const first = await serve(mapPath, '--web', web, '--code', 'KQ7RT3');
      expect(first.out.find((l) => l.startsWith('Students open'))).toBe(`Students open: http://127.0.0.1:${first.port}/#KQ7RT3`);
      const prof = await t.client(first, 'Prof', first.key);
      const watcher = await t.client(first, 'Watcher');
      const ids: string[] = [];
      for (let i = 1; i <= 30; i++) {
        const id = `n.${prof.doc.clientID.toString(36)}.${i}`;
        ids.push(id);
        expect(prof.session.apply(addNode({ id, kind: 'claim', text: `Acknowledged edit ${i}.` }, { x: i * 10, y: 500 })).ok).toBe(true);
        if (i % 10 === 0) await new Promise((r) => setTimeout(r, 20));
      }
      // Acknowledged: relayed to another peer, which the host does only after the fsync.
      await until(() => ids.every((id) => watcher.doc.getMap('nodes').has(id)), 'the watcher to have every edit');
      first.child.kill('SIGKILL');
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      await t.cleanup();

      const second = await serve(mapPath, '--web', web, '--code', 'KQ7RT3');
      const t2 = setup();
      try {
        const reader = await t2.client(second, 'Reader');
        for (const [i, id] of ids.entries()) expect(String((reader.doc.getMap('nodes').get(id) as Y.Map<unknown>)?.get('text'))).toBe(`Acknowledged edit ${i + 1}.`);
      } finally {
        await t2.cleanup();
      }
      second.child.kill('SIGTERM');
      expect(await second.exited).toEqual({ code: 0, signal: null });
      expect(second.out.at(-1)).toMatch(/^Stopped \(SIGTERM\)/);
      const loaded = loadMap(readFileSync(mapPath));
      expect(loaded.ok).toBe(true);
      if (loaded.ok) for (const id of ids) expect(Object.hasOwn(loaded.map.nodes, id), id).toBe(true);
    } finally {
      await t.cleanup();
    }
  }, 60_000);
});
