// The hosting window reads its students' drafts through the main process (electron/main/live.ts,
// on the real host as main starts it): the list and one draft as the map its student wrote, each
// only for the window that hosts the seminar, and a refusal in the host's words.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startLiveHost } from '../../../arguments/cli/live/host';
import { loadMap } from '../../../arguments/format/load';
import { addNode } from '../../../arguments/operations';
import { draftRoom, type RoomInfo } from '../../../arguments/live/protocol';
import { LiveSeminars } from '../../../electron/main/live';
import { listLiveAddresses } from '../../../electron/main/liveChoices';
import { SHIPPED, setup, until } from '../cli/live/fixture';

let t = setup();
const dirs: string[] = [];
let seminars: LiveSeminars | null = null;
afterEach(async () => {
  await seminars?.stopAll();
  seminars = null;
  await t.cleanup();
  t = setup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the hosting window reading its students’ drafts', () => {
  it('lists them and hands over one as a map the loader opens, to the hosting window only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aa-live-drafts-'));
    dirs.push(dir);
    const mapPath = join(dir, 'seminar.argmap.json');
    copyFileSync(SHIPPED, mapPath);
    seminars = new LiveSeminars({ startHost: (o) => startLiveHost(o), addresses: () => listLiveAddresses({}), webRoot: join(dir, 'no-web'), peers: () => undefined, ended: () => undefined, problem: () => undefined });
    expect(seminars.drafts(7)).toEqual({ ok: false, message: 'This window hosts no live seminar now.' });
    const started = await seminars.start(7, mapPath, { address: '127.0.0.1', port: 0, mode: 'students-read-only' });
    if (!started.ok) throw new Error(started.message);
    const host = { port: started.value.port, code: started.value.code };
    expect(seminars.drafts(7)).toEqual({ ok: true, value: [] });

    const info = (await (await fetch(`http://127.0.0.1:${host.port}/live/${host.code}/info?name=Ada`)).json()) as RoomInfo;
    await t.client(host, 'Ada', undefined, host.code, info.token);
    const draft = await t.client(host, 'Ada', undefined, draftRoom(host.code, 'Ada'), info.token);
    const id = draft.session.freshId('n');
    expect(draft.session.apply(addNode({ id, kind: 'claim', text: 'Gottwald answered within the week.' }, { x: 0, y: 800 })).ok).toBe(true);
    await until(() => {
      const r = seminars!.draft(7, 'Ada');
      return r.ok && r.value.includes('Gottwald answered within the week.');
    }, 'Ada’s node in the draft main reads');

    const listed = seminars.drafts(7);
    expect(listed).toEqual({ ok: true, value: [expect.objectContaining({ name: 'Ada', open: true, nodes: draft.doc.getMap('nodes').size })] });
    const read = seminars.draft(7, 'Ada');
    if (!read.ok) throw new Error(read.message);
    const loaded = loadMap(new TextEncoder().encode(read.value));
    expect(loaded.ok && loaded.map.nodes[id]?.text).toBe('Gottwald answered within the week.');

    // Another window hosts nothing; a draft no one made is said so.
    expect(seminars.draft(8, 'Ada')).toEqual({ ok: false, message: 'This window hosts no live seminar now.' });
    expect(seminars.draft(7, 'Bea')).toEqual({ ok: false, message: expect.stringMatching(/^Bea has no draft in this seminar/) });
    await seminars.stop(7);
    expect(seminars.draft(7, 'Ada')).toEqual({ ok: false, message: 'This window hosts no live seminar now.' });
  }, 20_000);
});
