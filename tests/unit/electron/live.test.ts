// The app's live seminars (electron/main/live.ts) with a stand-in for host.ts's startLiveHost
// that really listens (node:net), so a taken port is a real EADDRINUSE.
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveSeminars, type HostOptions, type RunningHost } from '../../../electron/main/live';
import { listLiveAddresses } from '../../../electron/main/liveChoices';
import type { LivePeer } from '../../../renderer/platform/live';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const listen = (host: string, port: number) =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, host, () => {
      servers.push(server);
      resolve(server);
    });
  });

function setup({ failSave = false, samePath }: { failSave?: boolean; samePath?: (a: string, b: string) => boolean } = {}) {
  const started: HostOptions[] = [];
  const closed: string[] = [];
  const pushed: [number, LivePeer[]][] = [];
  const ended: [number, string | null, boolean][] = [];
  const problems: [number, string][] = [];
  let peers: LivePeer[] = [];
  const startHost = vi.fn(async (o: HostOptions): Promise<RunningHost> => {
    started.push(o);
    const server = await listen(o.host, o.port);
    const port = (server.address() as { port: number }).port;
    return {
      code: 'ABC234',
      key: 'k'.repeat(32),
      address: o.host,
      port,
      joinUrl: `http://${o.host}:${port}/#ABC234`,
      peers: () => peers,
      roomInfo: () => ({ ok: false, status: 404, message: 'not in this test' }),
      drafts: () => [],
      draft: () => ({ ok: false, status: 404, message: 'not in this test' }),
      save: async () => undefined,
      close: async () => {
        closed.push(o.mapPath);
        await new Promise((r) => server.close(r));
        // As host.ts's close: it stops listening whatever happens, then says the final save failed.
        if (failSave) throw new Error('ENOSPC: no space left on device, open ‘/maps/a.argmap.json’');
      },
    };
  });
  const seminars = new LiveSeminars({
    startHost,
    addresses: () => listLiveAddresses({}),
    webRoot: '/app/renderer',
    peers: (id, p) => void pushed.push([id, p]),
    ended: (id, reason, saved) => void ended.push([id, reason, saved]),
    problem: (id, m) => void problems.push([id, m]),
    ...(samePath ? { samePath } : {}),
  });
  return { seminars, startHost, started, closed, pushed, ended, problems, setPeers: (p: LivePeer[]) => (peers = p) };
}

const request = { address: '127.0.0.1', port: 0, mode: 'students-own-voice' as const };

describe('starting a seminar', () => {
  it('hosts the window’s map on the chosen address and mode, serving the web build; the key comes back, not in the join URL', async () => {
    const t = setup();
    const out = await t.seminars.start(7, '/maps/letter.argmap.json', request);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(t.started[0]).toMatchObject({ mapPath: '/maps/letter.argmap.json', host: '127.0.0.1', port: 0, mode: 'students-own-voice', webRoot: '/app/renderer' });
    expect(out.value).toMatchObject({ code: 'ABC234', address: '127.0.0.1', mode: 'students-own-voice', mapName: 'letter.argmap.json', key: 'k'.repeat(32) });
    expect(out.value.port).toBeGreaterThan(0);
    expect(out.value.joinUrl).not.toContain(out.value.key);
    expect(t.seminars.current(7)).toEqual(out.value);
    expect(t.seminars.hosting(7)).toBe(true);
    expect(t.seminars.hosting(8)).toBe(false);
    await t.seminars.stopAll();
  });

  it('says so when the port is taken, and hosts nothing', async () => {
    const t = setup();
    const taken = await listen('127.0.0.1', 0);
    const port = (taken.address() as { port: number }).port;
    const out = await t.seminars.start(7, '/maps/a.argmap.json', { ...request, port });
    expect(out).toEqual({ ok: false, message: `Port ${port} is already in use on 127.0.0.1 (another seminar or program has it). Choose another port, or “any free port”.` });
    expect(t.seminars.hosting(7)).toBe(false);
  });

  it('refuses an address that is not this computer’s before starting anything', async () => {
    const t = setup();
    const out = await t.seminars.start(7, '/maps/a.argmap.json', { ...request, address: '192.0.2.99' });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.message).toMatch(/not an address of this computer/);
    expect(t.startHost).not.toHaveBeenCalled();
  });

  it('one seminar per window, and a map hosted once', async () => {
    const t = setup();
    expect((await t.seminars.start(7, '/maps/a.argmap.json', request)).ok).toBe(true);
    expect(await t.seminars.start(7, '/maps/b.argmap.json', request)).toEqual({ ok: false, message: 'This window already hosts a live seminar; stop it first.' });
    expect(await t.seminars.start(8, '/maps/a.argmap.json', request)).toEqual({ ok: false, message: '“a.argmap.json” is already hosted in another window.' });
    expect((await t.seminars.start(8, '/maps/b.argmap.json', request)).ok).toBe(true);
    expect(t.seminars.count).toBe(2);
    await t.seminars.stopAll();
    expect(t.closed.sort()).toEqual(['/maps/a.argmap.json', '/maps/b.argmap.json']);
    expect(t.seminars.count).toBe(0);
  });

  it('a map is the same file however its path is spelt where the system ignores case (macOS, Windows)', async () => {
    const { samePath } = await import('../../../electron/main/tokens');
    const t = setup({ samePath: (a, b) => samePath(a, b, 'darwin') });
    expect((await t.seminars.start(7, '/maps/Letter.argmap.json', request)).ok).toBe(true);
    expect(await t.seminars.start(8, '/maps/letter.argmap.json', request)).toEqual({ ok: false, message: '“letter.argmap.json” is already hosted in another window.' });
    expect(t.seminars.saveRefusal(8, '/MAPS/letter.argmap.json')).toMatch(/is being edited in a live seminar/);
    expect(t.startHost).toHaveBeenCalledTimes(1);
    await t.seminars.stopAll();
  });

  it('two Starts at once start one host', async () => {
    const t = setup();
    const [a, b] = await Promise.all([t.seminars.start(7, '/maps/a.argmap.json', request), t.seminars.start(7, '/maps/a.argmap.json', request)]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect(t.startHost).toHaveBeenCalledTimes(1);
    await t.seminars.stopAll();
  });
});

describe('a running seminar', () => {
  it('pushes who is connected to its own window, and counts the students', async () => {
    const t = setup();
    await t.seminars.start(7, '/maps/a.argmap.json', request);
    const peers: LivePeer[] = [
      { name: 'Ada', role: 'student', connected: true },
      { name: 'Instructor', role: 'instructor', connected: true },
      { name: 'Bo', role: 'student', connected: false },
    ];
    t.setPeers(peers);
    t.started[0]!.onPeers!(peers);
    expect(t.pushed).toEqual([[7, peers]]);
    expect(t.seminars.connectedCount(7)).toBe(1);
    t.started[0]!.onError!(new Error('The map could not be written: disk full'));
    expect(t.problems).toEqual([[7, 'The map could not be written: disk full']]);
    expect(t.seminars.hosting(7)).toBe(true);
    await t.seminars.stopAll();
  });

  it('stop saves and closes once (a second stop waits for the first), and the port is free again', async () => {
    const t = setup();
    const out = await t.seminars.start(7, '/maps/a.argmap.json', request);
    const port = out.ok ? out.value.port : 0;
    await Promise.all([t.seminars.stop(7), t.seminars.stop(7)]);
    expect(t.closed).toEqual(['/maps/a.argmap.json']);
    expect(t.seminars.hosting(7)).toBe(false);
    await expect(listen('127.0.0.1', port)).resolves.toBeDefined();
    await t.seminars.stop(7);
    expect(t.closed).toHaveLength(1);
  });

  it('Stop in the menu tells the window why', async () => {
    const t = setup();
    await t.seminars.start(7, '/maps/a.argmap.json', request);
    await t.seminars.stopAndTell(7, 'stopped from the menu');
    expect(t.ended).toEqual([[7, 'stopped from the menu', true]]);
    await t.seminars.stopAndTell(7, 'again');
    expect(t.ended).toHaveLength(1);
  });

  it('a Stop whose last save failed does not say the map was saved: the window hears why, and nothing rejects', async () => {
    const t = setup({ failSave: true });
    await t.seminars.start(7, '/maps/a.argmap.json', request);
    const failure = await t.seminars.stopAndTell(7, 'The live seminar was stopped from the menu; the map was saved.');
    expect(failure).toBe('The live seminar stopped, but the map could not be saved (ENOSPC: no space left on device, open ‘/maps/a.argmap.json’). The file keeps its last saved state.');
    expect(t.ended).toEqual([[7, failure, false]]);
    // The host stopped all the same: the window hosts nothing, and may not save over the file unread.
    expect(t.seminars.hosting(7)).toBe(false);
    expect(t.seminars.saveRefusal(7, '/maps/a.argmap.json')).toMatch(/Revert to Saved/);
    // A plain stop still rejects (live:stop answers with it).
    await t.seminars.start(7, '/maps/a.argmap.json', request);
    await expect(t.seminars.stop(7)).rejects.toThrow(/ENOSPC/);
  });
});

describe('with the shared host (arguments/cli/live/host.ts)', () => {
  it('serves the web build and the room on 127.0.0.1, gives the instructor role to the key only, refuses a taken port in words, and stop writes the file', async () => {
    const { startLiveHost } = await import('../../../arguments/cli/live/host');
    const { tempMap } = await import('../cli/live/fixture');
    const { mkdtempSync, writeFileSync, readFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const web = mkdtempSync(join(tmpdir(), 'aa-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Argument Atlas</title>');
    const { dir, mapPath } = tempMap();
    const before = readFileSync(mapPath, 'utf8');
    const pushed: LivePeer[][] = [];
    const seminars = new LiveSeminars({ startHost: startLiveHost, addresses: () => listLiveAddresses({}), webRoot: web, peers: (_id, p) => void pushed.push(p), ended: () => undefined, problem: () => undefined });
    try {
      const out = await seminars.start(1, mapPath, { address: '127.0.0.1', port: 0, mode: 'students-read-only' });
      if (!out.ok) throw new Error(out.message);
      const s = out.value;
      expect(s.joinUrl).toBe(`http://127.0.0.1:${s.port}/#${s.code}`);
      expect(s.joinUrl).not.toContain(s.key);
      const page = await fetch(`http://127.0.0.1:${s.port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Argument Atlas</title>');
      const student = await (await fetch(`http://127.0.0.1:${s.port}/live/${s.code}/info?name=Ada`)).json();
      expect(student).toMatchObject({ role: 'student', mode: 'students-read-only', mayEdit: 'nothing' });
      const instructor = await (await fetch(`http://127.0.0.1:${s.port}/live/${s.code}/info?name=Instructor&key=${encodeURIComponent(s.key)}`)).json();
      expect(instructor).toMatchObject({ role: 'instructor', mayEdit: 'everything' });

      const again = await new LiveSeminars({ startHost: startLiveHost, addresses: () => listLiveAddresses({}), webRoot: web, peers: () => undefined, ended: () => undefined, problem: () => undefined }).start(2, mapPath.replace('seminar', 'other'), {
        address: '127.0.0.1',
        port: s.port,
        mode: 'open',
      });
      // The other map does not exist: the host says so before it listens.
      expect(again.ok).toBe(false);
      const second = tempMap();
      const taken = await new LiveSeminars({ startHost: startLiveHost, addresses: () => listLiveAddresses({}), webRoot: web, peers: () => undefined, ended: () => undefined, problem: () => undefined }).start(2, second.mapPath, {
        address: '127.0.0.1',
        port: s.port,
        mode: 'open',
      });
      expect(taken).toEqual({ ok: false, message: `Port ${s.port} is already in use on 127.0.0.1 (another seminar or program has it). Choose another port, or “any free port”.` });
      rmSync(second.dir, { recursive: true, force: true });

      await seminars.stop(1);
      await expect(fetch(`http://127.0.0.1:${s.port}/`)).rejects.toThrow();
      // Saved on stop: the file is still a map (the room made no change, so the same map).
      expect(JSON.parse(readFileSync(mapPath, 'utf8'))).toEqual(JSON.parse(before));
    } finally {
      await seminars.stopAll();
      rmSync(web, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);
});

describe('saving over a hosted map', () => {
  it('is refused while a seminar hosts it, and from the hosting window until it reads the file again', async () => {
    const t = setup();
    await t.seminars.start(7, '/maps/a.argmap.json', request);
    expect(t.seminars.saveRefusal(7, '/maps/a.argmap.json')).toMatch(/is being edited in a live seminar/);
    expect(t.seminars.saveRefusal(8, '/maps/a.argmap.json')).toMatch(/is being edited in a live seminar/);
    expect(t.seminars.saveRefusal(7, '/maps/other.argmap.json')).toBeNull();
    await t.seminars.stop(7);
    expect(t.seminars.saveRefusal(8, '/maps/a.argmap.json')).toBeNull();
    expect(t.seminars.saveRefusal(7, '/maps/a.argmap.json')).toMatch(/wrote the class’s map.*Revert to Saved/);
    t.seminars.reread(7);
    expect(t.seminars.saveRefusal(7, '/maps/a.argmap.json')).toBeNull();
  });
});
