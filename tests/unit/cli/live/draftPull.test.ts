// The instructor reads the students' drafts on the host (issue 16, pulling a draft into the class
// map): the list and one draft as a map, in process (the app) and over HTTP with the key (a
// browser), from an open draft's doc or a closed one's log, without opening its room.
import { readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadMap } from '../../../../arguments/format/load';
import { addNode, editNode } from '../../../../arguments/operations';
import { draftRoom, draftsUrl, draftUrl, studentVoice, type DraftSummary, type RoomInfo } from '../../../../arguments/live/protocol';
import { readLog, UpdateLog } from '../../../../arguments/cli/live/store';
import { setup, until } from './fixture';

let t = setup();
afterEach(async () => {
  await t.cleanup();
  t = setup();
});

const tokenOf = async (host: { port: number; code: string }, name: string) => ((await (await fetch(`http://127.0.0.1:${host.port}/live/${host.code}/info?name=${encodeURIComponent(name)}`)).json()) as RoomInfo).token!;
const firstNode = (doc: Y.Doc) => [...doc.getMap('nodes').keys()].sort()[0]!;
const openFiles = () =>
  readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/self/fd/${fd}`)];
    } catch {
      return [];
    }
  });

/** A host where Ada has written in her draft: one node's text changed and one node of her own added. */
async function adaWrote(options: { storeDir?: string } = {}) {
  const { dir, mapPath } = t.tempMap();
  const storeDir = options.storeDir ?? join(dir, 'store');
  const host = await t.host({ mapPath, storeDir, mode: 'students-read-only' });
  const token = await tokenOf(host, 'Ada');
  const inClass = await t.client(host, 'Ada', undefined, host.code, token);
  const draft = await t.client(host, 'Ada', undefined, draftRoom(host.code, 'Ada'), token);
  const edited = firstNode(draft.doc);
  expect(draft.session.apply(editNode(edited, { text: 'Gottwald read this as an order, not advice.' })).ok).toBe(true);
  const added = draft.session.freshId('n');
  expect(draft.session.apply(addNode({ id: added, kind: 'claim', text: 'The letter was meant to be shown to the Politburo.', voice: studentVoice('Ada') }, { x: 40, y: 900 })).ok).toBe(true);
  const classNodes = inClass.doc.getMap('nodes').size;
  const origin = `http://127.0.0.1:${host.port}`;
  await until(() => host.drafts().some((d) => d.name === 'Ada' && d.nodes === classNodes + 1), 'Ada’s node in her draft on the host');
  return { host, token, inClass, draft, edited, added, classNodes, origin, storeDir, logPath: join(storeDir, `draft-${Buffer.from('Ada').toString('hex')}.ylog`) };
}

describe('the instructor reading a student’s draft', () => {
  it('lists the drafts and answers one as the map its student wrote, over HTTP with the key only, never cached', async () => {
    const { host, edited, added, classNodes, origin } = await adaWrote();

    for (const url of [`${origin}/live/${host.code}/drafts`, `${origin}/live/${host.code}/drafts/Ada`, draftsUrl(origin, host.code, 'notthekeynotthekeynotthekeynott'), draftUrl(origin, host.code, 'Ada', host.key.slice(1))]) {
      const refused = await fetch(url);
      expect(refused.status, url).toBe(403);
      expect(((await refused.json()) as { error: string }).error).toMatch(/Only the instructor/);
    }

    const listed = await fetch(draftsUrl(origin, host.code, host.key));
    expect(listed.status).toBe(200);
    expect(listed.headers.get('cache-control')).toBe('no-store');
    expect(listed.headers.get('content-type')).toMatch(/application\/json/);
    // A page of another site may not read the drafts, even in the instructor's browser.
    expect(listed.headers.get('access-control-allow-origin')).toBeNull();
    const { drafts } = (await listed.json()) as { drafts: DraftSummary[] };
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ name: 'Ada', open: true, nodes: classNodes + 1 });
    expect(Date.now() - Date.parse(drafts[0]!.changedAt)).toBeLessThan(60_000);
    expect(host.drafts()).toEqual(drafts);

    const read = await fetch(draftUrl(origin, host.code, 'Ada', host.key));
    expect(read.status).toBe(200);
    expect(read.headers.get('cache-control')).toBe('no-store');
    const loaded = loadMap(new Uint8Array(await read.arrayBuffer()));
    if (!loaded.ok) throw new Error('the draft is not a map the loader opens');
    expect(loaded.map.nodes[edited]!.text).toBe('Gottwald read this as an order, not advice.');
    expect(loaded.map.nodes[added]).toMatchObject({ kind: 'claim', text: 'The letter was meant to be shown to the Politburo.', voice: studentVoice('Ada') });
    expect(loaded.map.view.positions[added]).toEqual({ x: 40, y: 900 });
    expect(Object.keys(loaded.map.nodes)).toHaveLength(classNodes + 1);
    // In process (the instructor's app) the same text.
    const inProcess = host.draft('Ada');
    expect(inProcess.ok && inProcess.text).toBe(await (await fetch(draftUrl(origin, host.code, 'Ada', host.key))).text());
  }, 20_000);

  it('answers 404 for a draft the seminar has not, a name that cannot be one and another seminar’s code', async () => {
    const { host, origin } = await adaWrote();
    for (const url of [draftUrl(origin, host.code, 'Bea', host.key), `${origin}/live/${host.code}/drafts/%3Cb%3E?key=${host.key}`, `${origin}/live/${host.code}/drafts/%E0%A4?key=${host.key}`, `${origin}/live/${host.code}/drafts/?key=${host.key}`, draftsUrl(origin, 'ZZZZZZ', host.key), draftUrl(origin, 'ZZZZZZ', 'Ada', host.key)]) {
      const r = await fetch(url);
      expect(r.status, url).toBe(404);
      expect(typeof ((await r.json()) as { error: string }).error).toBe('string');
    }
    expect(host.draft('Bea')).toMatchObject({ ok: false, status: 404, message: expect.stringMatching(/Bea has no draft in this seminar/) });
    expect(host.draft('<b>')).toMatchObject({ ok: false, status: 404 });
  }, 20_000);

  it('reads a closed draft from its log without opening its room again', async () => {
    const { host, draft, edited, added, classNodes, logPath } = await adaWrote();
    draft.provider.destroy();
    await until(() => !openFiles().includes(logPath), 'Ada’s draft to close when she left it');
    expect(host.drafts()).toEqual([expect.objectContaining({ name: 'Ada', open: false, nodes: classNodes + 1 })]);
    const read = host.draft('Ada');
    if (!read.ok) throw new Error(read.message);
    const loaded = loadMap(new TextEncoder().encode(read.text));
    expect(loaded.ok && loaded.map.nodes[edited]!.text).toBe('Gottwald read this as an order, not advice.');
    expect(loaded.ok && loaded.map.nodes[added]?.text).toBe('The letter was meant to be shown to the Politburo.');
    // Reading it opened nothing: no room, no log held open.
    expect(openFiles()).not.toContain(logPath);
    expect(host.drafts()[0]!.open).toBe(false);
  }, 20_000);

  it('says why a draft holding what a map may not cannot be read, instead of handing it on', async () => {
    const { host, draft, origin, logPath } = await adaWrote();
    draft.provider.destroy();
    await until(() => !openFiles().includes(logPath), 'Ada’s draft to close when she left it');
    // The host refuses such a record from a peer; a log written by hand (or by an older version) can hold one.
    const log = readLog(logPath)!;
    const doc = new Y.Doc();
    for (const u of log.updates) Y.applyUpdate(doc, u);
    (doc.getMap('nodes').get(firstNode(doc)) as Y.Map<unknown>).set('kind', 'prophecy');
    UpdateLog.create(logPath, log.header, Y.encodeStateAsUpdate(doc)).close();
    expect(host.draft('Ada')).toMatchObject({ ok: false, status: 422, message: expect.stringMatching(/Ada’s draft holds what a map may not/) });
    const r = await fetch(draftUrl(origin, host.code, 'Ada', host.key));
    expect(r.status).toBe(422);
    expect(((await r.json()) as { error: string }).error).toMatch(/cannot be compared until that is put right/);
  }, 20_000);

  it('lists only this seminar’s drafts: a log of an earlier epoch is not one of them', async () => {
    const { dir, mapPath } = t.tempMap();
    const storeDir = join(dir, 'store');
    const first = await t.host({ mapPath, storeDir, code: 'KQ7RT3' });
    const token = await tokenOf(first, 'Ada');
    await t.client(first, 'Ada', undefined, first.code, token);
    await t.client(first, 'Ada', undefined, draftRoom(first.code, 'Ada'), token);
    expect(first.drafts().map((d) => d.name)).toEqual(['Ada']);
    await first.close();
    const { writeFileSync, readFileSync } = await import('node:fs');
    writeFileSync(mapPath, readFileSync(mapPath, 'utf8').replace(/\}\s*$/, '}\n\n'));
    const second = await t.host({ mapPath, storeDir, code: 'KQ7RT3' });
    expect(second.startedFrom).toBe('file');
    expect(second.drafts()).toEqual([]);
    expect(second.draft('Ada')).toMatchObject({ ok: false, status: 404 });
  }, 20_000);
});
