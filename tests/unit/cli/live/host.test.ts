import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMap } from '../../../../arguments/format/load';
import { editNode } from '../../../../arguments/operations';
import type { RoomInfo } from '../../../../arguments/live/protocol';
import { LiveHostError } from '../../../../arguments/cli/live/host';
import { setup, until } from './fixture';

let t = setup();
afterEach(async () => {
  await t.cleanup();
  t = setup();
});

const firstNode = (doc: import('yjs').Doc) => [...doc.getMap('nodes').keys()].sort()[0]!;
const textOf = (doc: import('yjs').Doc, id: string) => String((doc.getMap('nodes').get(id) as import('yjs').Map<unknown>).get('text'));

describe('the live host', () => {
  it('syncs one room between two stock y-websocket clients and writes the map file within a second', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath, mode: 'open' });
    const a = await t.client(host, 'Ada');
    const b = await t.client(host, 'Bea');
    const id = firstNode(a.doc);
    expect(textOf(b.doc, id)).toBe(textOf(a.doc, id));
    const r = a.session.apply(editNode(id, { text: 'Edited live by Ada.' }));
    expect(r.ok).toBe(true);
    const edited = Date.now();
    await until(() => textOf(b.doc, id) === 'Edited live by Ada.', "Ada's edit at Bea");
    await until(() => {
      const loaded = loadMap(readFileSync(mapPath));
      return loaded.ok && loaded.map.nodes[id]?.text === 'Edited live by Ada.';
    }, 'the file to hold the edit', 3000);
    expect(Date.now() - edited).toBeLessThan(1500);
    b.session.apply(editNode(id, { text: 'And Bea answered.' }));
    await until(() => textOf(a.doc, id) === 'And Bea answered.', "Bea's edit at Ada");
  }, 15_000);

  it('answers a room’s info, and refuses a wrong code, a bad name and a taken name', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath });
    const base = `http://127.0.0.1:${host.port}/live`;
    const res = await fetch(`${base}/${host.code}/info?name=Ada`);
    expect(res.status).toBe(200);
    const info = (await res.json()) as RoomInfo;
    expect(info).toMatchObject({ code: host.code, mode: 'students-read-only', role: 'student', name: 'Ada', mayEdit: 'nothing' });
    expect(info.title.length).toBeGreaterThan(0);
    const teacher = (await (await fetch(`${base}/${host.code}/info?name=Prof&key=${host.key}`)).json()) as RoomInfo;
    expect(teacher).toMatchObject({ role: 'instructor', mayEdit: 'everything' });
    expect(res.headers.get('cache-control')).toBe('no-store');
    // Before a name is typed, the join page gets the title and nothing about who is there.
    const preview = await (await fetch(`${base}/${host.code}/info`)).json();
    expect(preview).toEqual({ code: host.code, mode: 'students-read-only', title: info.title });
    expect((await fetch(`${base}/ZZZZZZ/info`)).status).toBe(404);
    expect((await fetch(`${base}/ZZZZZZ/info?name=Ada`)).status).toBe(404);
    expect((await fetch(`${base}/${host.code}/info?name=%3Cb%3E`)).status).toBe(400);
    await t.client(host, 'Ada');
    expect((await fetch(`${base}/${host.code}/info?name=Ada`)).status).toBe(409);
    await expect(t.socket(host, 'name=Ada')).rejects.toThrow(/409/);
    await expect(t.socket(host, 'name=Ada', 'ZZZZZZ')).rejects.toThrow(/404/);
    await expect(t.socket(host, 'name=')).rejects.toThrow(/400/);
    await expect(t.socket(host, 'name=Eve&key=notthekeynotthekey')).rejects.toThrow(/403/);
    // A page of another site, in a student's browser, is refused; the instructor's app (its own origin, the key) is not.
    const WebSocket = (await import('ws')).default;
    const opened = (query: string, origin: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${host.port}/live/${host.code}?${query}`, { origin });
        ws.once('open', () => {
          ws.terminate();
          resolve(101);
        });
        ws.once('unexpected-response', (_req, res) => {
          resolve(res.statusCode ?? 0);
          ws.terminate();
        });
        ws.once('error', () => resolve(-1));
      });
    expect(await opened('name=Zoe', 'http://evil.example')).toBe(403);
    expect(await opened('name=Zoe', `http://127.0.0.1:${host.port}`)).toBe(101);
    expect(await opened(`name=Prof&key=${host.key}`, 'file://')).toBe(101);
  }, 15_000);
});

describe('who is in the seminar', () => {
  it('answers the info in process as over HTTP, and names the cause when it cannot listen', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath });
    const base = `http://127.0.0.1:${host.port}/live`;
    const teacher = host.roomInfo('Prof', host.key);
    expect(teacher).toEqual({ ok: true, info: await (await fetch(`${base}/${host.code}/info?name=Prof&key=${host.key}`)).json() });
    expect(teacher.ok && teacher.info).toMatchObject({ role: 'instructor', mayEdit: 'everything', name: 'Prof' });
    expect(host.roomInfo('Prof', 'notthekeynotthekey')).toMatchObject({ ok: false, status: 403 });
    expect(host.roomInfo('<b>')).toMatchObject({ ok: false, status: 400 });
    const err = await t.host({ mapPath: t.tempMap().mapPath, port: host.port }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LiveHostError);
    expect(err).toMatchObject({ code: 'listen-failed', message: expect.stringMatching(/in use/) });
    expect((err as Error).cause).toMatchObject({ code: 'EADDRINUSE' });
  }, 15_000);

  it('tells the app who joined and left, with their roles', async () => {
    const { mapPath } = t.tempMap();
    const seen: string[] = [];
    const host = await t.host({ mapPath, onPeers: (peers) => seen.push(peers.map((p) => `${p.name}:${p.role}:${p.connected ? 'in' : 'out'}`).join(',')) });
    await t.client(host, 'Prof', host.key);
    const ada = await t.client(host, 'Ada');
    await until(() => seen.at(-1) === 'Prof:instructor:in,Ada:student:in', 'both to be listed');
    ada.provider.destroy();
    await until(() => seen.at(-1) === 'Prof:instructor:in,Ada:student:out', 'Ada to be listed as gone');
    expect(host.peers()).toEqual([
      { name: 'Prof', role: 'instructor', connected: true },
      { name: 'Ada', role: 'student', connected: false },
    ]);
  }, 15_000);
});

describe('the pages the host serves', () => {
  it('serves the web build with its policy, and nothing outside it, hidden or listed', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { dir, mapPath } = t.tempMap();
    const web = join(dir, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Argument Atlas</title>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(web, '.env'), 'secret');
    writeFileSync(join(dir, 'outside.txt'), 'outside');
    const host = await t.host({ mapPath, webRoot: web });
    const at = (p: string) => fetch(`http://127.0.0.1:${host.port}${p}`);
    const index = await at('/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('Argument Atlas');
    expect(index.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await at('/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    for (const p of ['/assets/', '/assets', '/.env', '/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt', '/..%5coutside.txt', '/seminar.argmap.json']) expect((await at(p)).status, p).toBe(404);
    expect((await fetch(`http://127.0.0.1:${host.port}/`, { method: 'POST' })).status).toBe(405);
  }, 15_000);
});
