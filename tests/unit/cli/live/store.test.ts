import * as fs from 'node:fs';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hashBytes, lockStore, readLog, UpdateLog, type StoreHeader } from '../../../../arguments/cli/live/store';
import type { RoomInfo } from '../../../../arguments/live/protocol';
import { editNode } from '../../../../arguments/operations';
import { setup, until } from './fixture';

let t = setup();
afterEach(async () => {
  await t.cleanup();
  t = setup();
});

const header = (mapHash: string): StoreHeader => ({ version: 1, mapHash, epoch: 'e1' });
const textOf = (doc: Y.Doc, id: string) => String((doc.getMap('nodes').get(id) as Y.Map<unknown>).get('text'));
const firstNode = (doc: Y.Doc) => [...doc.getMap('nodes').keys()].sort()[0]!;

describe('the update log', () => {
  it('reads back what was appended, and cuts off a record a crash left half-written', () => {
    const { dir } = t.tempMap();
    const path = join(dir, 'class.ylog');
    expect(readLog(path)).toBeNull();
    const log = UpdateLog.create(path, header('h'), new Uint8Array([1, 2]));
    log.append([new Uint8Array([3]), new Uint8Array([4, 5, 6])]);
    log.close();
    appendFileSync(path, new Uint8Array([0, 0, 0, 9, 1, 7]));
    const cut = readLog(path)!;
    expect(cut.updates.map((u) => [...u])).toEqual([[1, 2], [3], [4, 5, 6]]);
    const again = UpdateLog.open(path, cut);
    again.append([new Uint8Array([8])]);
    expect(readLog(path)!.updates.map((u) => [...u])).toEqual([[1, 2], [3], [4, 5, 6], [8]]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    again.compact(header('h2'), new Uint8Array([9]));
    again.append([new Uint8Array([10])]);
    again.mark(header('h3'));
    again.append([new Uint8Array([11])]);
    again.close();
    const read = readLog(path)!;
    // The last header counts: the hash of the file written last.
    expect(read.header.mapHash).toBe('h3');
    expect(read.updates.map((u) => [...u])).toEqual([[9], [10], [11]]);
  });

  it('is no log when its header cannot be read', () => {
    const { dir } = t.tempMap();
    const path = join(dir, 'bad.ylog');
    writeFileSync(path, 'not a log at all');
    expect(readLog(path)).toBeNull();
  });
});

describe('a host started again on the same map', () => {
  it('resumes the room’s Yjs state (the same structs and epoch), which a page that kept its copy syncs with', async () => {
    const { mapPath } = t.tempMap();
    const first = await t.host({ mapPath, mode: 'open', code: 'KQ7RT3' });
    expect(first.startedFrom).toBe('file');
    const ada = await t.client(first, 'Ada');
    const id = firstNode(ada.doc);
    ada.session.apply(editNode(id, { text: 'Kept across a restart.' }));
    const bea = await t.client(first, 'Bea');
    await until(() => textOf(bea.doc, id) === 'Kept across a restart.', 'the edit at Bea');
    const epoch = ((await (await fetch(`http://127.0.0.1:${first.port}/live/KQ7RT3/info?name=Zed`)).json()) as RoomInfo).epoch;
    await first.close();
    ada.provider.destroy();

    const second = await t.host({ mapPath, mode: 'open', code: 'KQ7RT3' });
    expect(second.startedFrom).toBe('store');
    expect(second.notice).toBeUndefined();
    expect(((await (await fetch(`http://127.0.0.1:${second.port}/live/KQ7RT3/info?name=Zed`)).json()) as RoomInfo).epoch).toBe(epoch);
    // Ada's page comes back with the copy it kept (as its IndexedDB would hold it): a doc rebuilt
    // from the file would bring structs of a writer it never saw.
    const writers = Y.decodeStateVector(Y.encodeStateVector(ada.doc)).size;
    const { WebsocketProvider } = await import('y-websocket');
    const WebSocket = (await import('ws')).default;
    const back = new WebsocketProvider(`ws://127.0.0.1:${second.port}/live`, 'KQ7RT3', ada.doc, { params: { name: 'Ada' }, disableBc: true, WebSocketPolyfill: WebSocket as never });
    try {
      await until(() => back.synced, 'Ada to sync again');
      const cara = await t.client(second, 'Cara');
      expect(textOf(cara.doc, id)).toBe('Kept across a restart.');
      expect(cara.doc.getMap('nodes').size).toBe(ada.doc.getMap('nodes').size);
      expect(textOf(ada.doc, id)).toBe('Kept across a restart.');
      expect(Y.decodeStateVector(Y.encodeStateVector(ada.doc)).size).toBe(writers);
    } finally {
      back.destroy();
    }
  }, 20_000);

  it('refuses a second host on the same map while the first runs', async () => {
    const { mapPath } = t.tempMap();
    const first = await t.host({ mapPath });
    await expect(t.host({ mapPath })).rejects.toMatchObject({ code: 'store-failed', message: expect.stringMatching(new RegExp(`process ${process.pid}\\) is hosting seminar\\.argmap\\.json`)) });
    await first.close();
    const second = await t.host({ mapPath });
    expect(second.startedFrom).toBe('store');
  }, 20_000);

  it('takes over a lock its holder left (killed), and never the fresh lock of a starter that took it over first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aa-lock-'));
    try {
      const lock = join(dir, 'host.lock');
      // A pid no process has (above the largest Linux allows).
      const dead = 2 ** 22 + 1;
      writeFileSync(lock, String(dead));
      const taken = lockStore(dir);
      expect(taken).toHaveProperty('release');
      expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
      (taken as { release: () => void }).release();

      // Two starters find the same stale lock; the other one (our parent process, alive) moves it
      // aside and locks between our read of it and our move.
      writeFileSync(lock, String(dead));
      const other = process.ppid;
      let raced = false;
      const racing = {
        ...fs,
        renameSync: (from: fs.PathLike, to: fs.PathLike) => {
          if (!raced && from === lock) {
            raced = true;
            fs.renameSync(lock, `${lock}.other.stale`);
            rmSync(`${lock}.other.stale`);
            writeFileSync(lock, String(other));
          }
          fs.renameSync(from, to);
        },
      };
      expect(lockStore(dir, racing)).toEqual({ heldBy: other });
      expect(raced).toBe(true);
      expect(readFileSync(lock, 'utf8')).toBe(String(other));
      expect(readdirSync(dir)).toEqual(['host.lock']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts from the file, in a new epoch, when the file was changed since the store was written', async () => {
    const { mapPath } = t.tempMap();
    const first = await t.host({ mapPath, mode: 'open', code: 'KQ7RT3' });
    const epoch = ((await (await fetch(`http://127.0.0.1:${first.port}/live/KQ7RT3/info?name=Zed`)).json()) as RoomInfo).epoch;
    await first.close();
    const changed = JSON.parse(readFileSync(mapPath, 'utf8')) as { meta: { title: string } };
    changed.meta.title = 'Changed by another program';
    writeFileSync(mapPath, JSON.stringify(changed, null, 2));
    const second = await t.host({ mapPath, mode: 'open', code: 'KQ7RT3' });
    expect(second.startedFrom).toBe('file');
    expect(second.notice).toMatch(/was changed since the last live seminar on it; the seminar starts from the file/);
    const info = (await (await fetch(`http://127.0.0.1:${second.port}/live/KQ7RT3/info?name=Zed`)).json()) as RoomInfo;
    expect(info.title).toBe('Changed by another program');
    expect(info.epoch).not.toBe(epoch);
  }, 20_000);

  it('resumes its store after a crash between the store’s write and the file’s', async () => {
    const { dir, mapPath } = t.tempMap();
    const first = await t.host({ mapPath, mode: 'open', code: 'KQ7RT3', storeDir: join(dir, 'store') });
    const ada = await t.client(first, 'Ada');
    const id = firstNode(ada.doc);
    ada.session.apply(editNode(id, { text: 'In the store, not yet in the file.' }));
    const bea = await t.client(first, 'Bea');
    await until(() => textOf(bea.doc, id) === 'In the store, not yet in the file.', 'the edit at Bea');
    const before = readFileSync(mapPath);
    await first.close();
    // As if the host died after compacting the store for a write that never reached the file.
    writeFileSync(mapPath, before);
    const path = join(dir, 'store', 'class.ylog');
    const log = readLog(path)!;
    const state = Y.mergeUpdates(log.updates);
    const reopened = UpdateLog.open(path, log);
    reopened.compact({ ...log.header, mapHash: 'the-file-never-written', previousHash: hashBytes(before) }, state);
    reopened.close();
    const second = await t.host({ mapPath, mode: 'open', code: 'KQ7RT3', storeDir: join(dir, 'store') });
    expect(second.startedFrom).toBe('store');
    const cara = await t.client(second, 'Cara');
    expect(textOf(cara.doc, id)).toBe('In the store, not yet in the file.');
  }, 20_000);
});
