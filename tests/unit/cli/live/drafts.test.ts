// Students' drafts on the host: opened beside the class room only, closed (their log kept) when
// the last peer leaves, at most so many forked, and an earlier seminar's draft set aside.
import { readdirSync, readlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { draftRoom, studentVoice, type RoomInfo } from '../../../../arguments/live/protocol';
import { editNode } from '../../../../arguments/operations';
import { readLog } from '../../../../arguments/cli/live/store';
import { setup, until } from './fixture';

let t = setup();
afterEach(async () => {
  await t.cleanup();
  t = setup();
});

const nodeText = (doc: Y.Doc, id: string) => String((doc.getMap('nodes').get(id) as Y.Map<unknown> | undefined)?.get('text'));
const analystNode = (doc: Y.Doc) => [...doc.getMap('nodes').keys()].sort().find((id) => (doc.getMap('nodes').get(id) as Y.Map<unknown>).get('voice') !== studentVoice('Ada'))!;
/** The files this process holds open (Linux). */
const openFiles = () => readdirSync('/proc/self/fd').flatMap((fd) => {
  try {
    return [readlinkSync(`/proc/self/fd/${fd}`)];
  } catch {
    return [];
  }
});
/** A node's text as the log at `path` holds it. */
const logText = (path: string, id: string) => {
  const doc = new Y.Doc();
  for (const u of readLog(path)?.updates ?? []) Y.applyUpdate(doc, u);
  return nodeText(doc, id);
};
const tokenOf = async (host: { port: number; code: string }, name: string) => ((await (await fetch(`http://127.0.0.1:${host.port}/live/${host.code}/info?name=${encodeURIComponent(name)}`)).json()) as RoomInfo).token!;

describe('a student’s draft on the host', () => {
  it('opens only beside the class room, and closes when its last peer leaves, its log kept for the next time', async () => {
    const { dir, mapPath } = t.tempMap();
    const host = await t.host({ mapPath, storeDir: join(dir, 'store') });
    const room = draftRoom(host.code, 'Ada');
    const token = await tokenOf(host, 'Ada');
    await expect(t.socket(host, `name=Ada&token=${token}`, room)).rejects.toThrow(/403/);
    expect(readdirSync(join(dir, 'store')).filter((f) => f.startsWith('draft-'))).toEqual([]);

    const inClass = await t.client(host, 'Ada', undefined, host.code, token);
    const ada = await t.client(host, 'Ada', undefined, room, token);
    const id = analystNode(ada.doc);
    expect(ada.session.apply(editNode(id, { text: 'My reading, kept.' })).ok).toBe(true);
    const logPath = join(dir, 'store', `draft-${Buffer.from('Ada').toString('hex')}.ylog`);
    await until(() => logText(logPath, id) === 'My reading, kept.', 'the edit in the draft’s log');
    expect(openFiles()).toContain(logPath);

    ada.provider.destroy();
    await until(() => !openFiles().includes(logPath), 'the draft to close when Ada left it');
    // Back in her draft: the fork she left, from its log.
    const again = await t.client(host, 'Ada', undefined, room, token);
    expect(nodeText(again.doc, id)).toBe('My reading, kept.');
    expect(nodeText(inClass.doc, id)).not.toBe('My reading, kept.');
    expect(openFiles()).toContain(logPath);
  }, 20_000);

  it('forks at most so many drafts, then says so', async () => {
    const { mapPath } = t.tempMap();
    const host = await t.host({ mapPath, maxDrafts: 2 });
    for (const name of ['Ada', 'Bea', 'Cy']) {
      const token = await tokenOf(host, name);
      await t.client(host, name, undefined, host.code, token);
      const draft = t.socket(host, `name=${name}&token=${token}`, draftRoom(host.code, name));
      if (name === 'Cy') await expect(draft).rejects.toThrow(/503/);
      else await draft;
    }
    // An existing draft still opens to the instructor.
    const prof = await t.client(host, 'Prof', host.key, draftRoom(host.code, 'Ada'));
    expect(prof.doc.getMap('nodes').size).toBeGreaterThan(0);
  }, 20_000);

  it('sets an earlier seminar’s draft aside, never overwriting it, when the room starts from a changed file', async () => {
    const { dir, mapPath } = t.tempMap();
    const storeDir = join(dir, 'store');
    const first = await t.host({ mapPath, storeDir, code: 'KQ7RT3' });
    let token = await tokenOf(first, 'Ada');
    await t.client(first, 'Ada', undefined, first.code, token);
    const ada = await t.client(first, 'Ada', undefined, draftRoom(first.code, 'Ada'), token);
    const id = analystNode(ada.doc);
    ada.session.apply(editNode(id, { text: 'Last week’s draft.' }));
    const logPath = join(storeDir, `draft-${Buffer.from('Ada').toString('hex')}.ylog`);
    await until(() => logText(logPath, id) === 'Last week’s draft.', 'the edit in the draft’s log');
    await first.close();

    writeFileSync(mapPath, readFileSync(mapPath, 'utf8').replace(/\}\s*$/, '}\n\n'));
    const second = await t.host({ mapPath, storeDir, code: 'KQ7RT3' });
    expect(second.startedFrom).toBe('file');
    token = await tokenOf(second, 'Ada');
    await t.client(second, 'Ada', undefined, second.code, token);
    const fresh = await t.client(second, 'Ada', undefined, draftRoom(second.code, 'Ada'), token);
    expect(nodeText(fresh.doc, id)).not.toBe('Last week’s draft.');
    const aside = readdirSync(storeDir).filter((f) => f.startsWith(`draft-${Buffer.from('Ada').toString('hex')}.ylog.replaced-`));
    expect(aside).toHaveLength(1);
    expect(logText(join(storeDir, aside[0]!), id)).toBe('Last week’s draft.');
  }, 20_000);
});
