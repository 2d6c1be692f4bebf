// The live seminars the app hosts: at most one per window, for that window's saved map, run by
// the host the CLI's `argmap serve` shares (arguments/cli/live/host.ts: startLiveHost), on the
// address and port the instructor chose, serving the app's own web build to the students.
// Who is connected is pushed to the hosting window; its key stays here (the relay uses it: liveRelay.ts).
// No Electron import: windows.ts wires it to IPC and dialogs, and the unit tests drive it
// with a stand-in host (tests/unit/electron/live.test.ts).
import { basename } from 'node:path';
import type { RoomInfoAnswer } from '../../arguments/cli/live/host';
import type { DraftAnswer } from '../../arguments/cli/live/drafts';
import type { DraftSummary, RoomMode } from '../../arguments/live/protocol';
import type { LiveAddress, LivePeer, LiveSeminar, LiveStartRequest } from '../../renderer/platform/live';
import type { Outcome } from '../ipc-contract';
import { hostStartMessage, LiveRequestError, readLiveStartRequest } from './liveChoices';
import { samePath } from './tokens';

/** The part of host.ts's LiveHostOptions the app sets (the API in arguments/cli/live/host.ts). */
export interface HostOptions {
  mapPath: string;
  host: string;
  port: number;
  mode?: RoomMode;
  webRoot?: string;
  onPeers?: (peers: LivePeer[]) => void;
  onError?: (e: Error) => void;
}

/** The part of host.ts's LiveHost the app uses. */
export interface RunningHost {
  code: string;
  key: string;
  address: string;
  port: number;
  joinUrl: string;
  notice?: string;
  peers(): LivePeer[];
  /** The room's info as GET /live/CODE/info answers it, in process. */
  roomInfo(name: string, key?: string): RoomInfoAnswer;
  /** The students' drafts, and one of them as a map file's text (host.ts: LiveHost.drafts, draft). */
  drafts(): DraftSummary[];
  draft(name: string): DraftAnswer;
  save(): Promise<void>;
  close(): Promise<void>;
}

export interface LiveDeps {
  /** startLiveHost, loaded when the first seminar starts. */
  startHost(options: HostOptions): Promise<RunningHost>;
  /** The machine's addresses now (os.networkInterfaces through listLiveAddresses). */
  addresses(): LiveAddress[];
  /** The web build students are served (the app's renderer folder). */
  webRoot: string;
  /** Pushes to one window; a window that is gone is skipped. */
  peers(windowId: number, peers: LivePeer[]): void;
  /** The seminar ended; `saved`: its last save reached the file. */
  ended(windowId: number, reason: string | null, saved: boolean): void;
  /** The host hit a problem it goes on after (a save that failed): the window says so. */
  problem(windowId: number, message: string): void;
  /** Whether two paths name one file, as the OS compares them (tokens.ts: samePath, the default). */
  samePath?: (a: string, b: string) => boolean;
}

/** A seminar as main knows it: with the instructor's key, which no window is sent. */
export interface HostedSeminar extends LiveSeminar {
  key: string;
}

/** What a window is told of its seminar: everything but the key. */
export function seminarForWindow({ key: _key, ...seminar }: HostedSeminar): LiveSeminar {
  return seminar;
}

const peerForWindow = (p: LivePeer): LivePeer => ({ name: p.name, role: p.role, connected: p.connected });

interface Hosted {
  host: RunningHost;
  seminar: HostedSeminar;
  mapPath: string;
  stopping: Promise<void> | null;
}

/** What the instructor is told when the host stopped but its last save failed. */
export function stopFailure(err: unknown): string {
  const why = err instanceof Error && err.message ? err.message : String(err);
  return `The live seminar stopped, but the map could not be saved (${why.replace(/\.$/, '')}). The file keeps its last saved state.`;
}

const NO_SEMINAR = 'This window hosts no live seminar now.';

export class LiveSeminars {
  private readonly hosted = new Map<number, Hosted>();
  /** Windows whose start is under way: a second Start waits for no one and is refused. */
  private readonly starting = new Set<number>();
  /**
   * The file each window hosted, after its seminar: the file holds the class's map, which the
   * window's copy may not be (it did not join the room, or left it with its own), so the window
   * may not save over it until it reads it again (Revert, Open).
   */
  private readonly written = new Map<number, string>();
  private readonly same: (a: string, b: string) => boolean;

  constructor(private readonly deps: LiveDeps) {
    this.same = deps.samePath ?? ((a, b) => samePath(a, b));
  }

  addresses(): LiveAddress[] {
    return this.deps.addresses();
  }

  current(windowId: number): HostedSeminar | null {
    return this.hosted.get(windowId)?.seminar ?? null;
  }

  hosting(windowId: number): boolean {
    return this.hosted.has(windowId);
  }

  /**
   * Why `windowId` may not write `path` now, or null: a seminar hosts it (the host writes it), or
   * this window hosted it and has not read it since (paths compared as the OS does).
   */
  saveRefusal(windowId: number, path: string): string | null {
    const same = this.same;
    for (const h of this.hosted.values()) if (same(h.mapPath, path)) return `“${basename(path)}” is being edited in a live seminar, and the host saves it. Stop the seminar first, or use Save As for a copy of your own.`;
    const written = this.written.get(windowId);
    if (written !== undefined && same(written, path)) return `The live seminar wrote the class’s map to “${basename(path)}”. Revert to Saved to see it, or use Save As to keep this window’s copy.`;
    return null;
  }

  /** The window read its file again (Revert, Open): it may save to it. */
  reread(windowId: number): void {
    this.written.delete(windowId);
  }

  /** The room's info for the window's own connection, as its instructor (with the key); null when it hosts none. */
  instructorInfo(windowId: number, name: string): RoomInfoAnswer | null {
    const h = this.hosted.get(windowId);
    return h ? h.host.roomInfo(name, h.host.key) : null;
  }

  /** The students' drafts of the window's seminar, for its instructor's list. */
  drafts(windowId: number): Outcome<DraftSummary[]> {
    const h = this.hosted.get(windowId);
    if (!h) return { ok: false, message: NO_SEMINAR };
    try {
      return { ok: true, value: h.host.drafts() };
    } catch (err) {
      return { ok: false, message: `The seminar’s host could not list the drafts (${err instanceof Error ? err.message : String(err)}).` };
    }
  }

  /** One student's draft of the window's seminar as a map file's text, read by the host without opening its room; the host's sentence when it cannot. */
  draft(windowId: number, name: string): Outcome<string> {
    const h = this.hosted.get(windowId);
    if (!h) return { ok: false, message: NO_SEMINAR };
    let answer: DraftAnswer;
    try {
      answer = h.host.draft(name);
    } catch (err) {
      return { ok: false, message: `The seminar’s host could not read ${name}’s draft (${err instanceof Error ? err.message : String(err)}).` };
    }
    return answer.ok ? { ok: true, value: answer.text } : { ok: false, message: answer.message };
  }

  /** Who is connected to the window's seminar now, and the file it hosts; null when it hosts none. */
  now(windowId: number): { seminar: HostedSeminar; peers: LivePeer[]; mapPath: string } | null {
    const h = this.hosted.get(windowId);
    return h ? { seminar: h.seminar, peers: h.host.peers().map(peerForWindow), mapPath: h.mapPath } : null;
  }

  connectedCount(windowId: number): number {
    const h = this.hosted.get(windowId);
    return h ? h.host.peers().filter((p) => p.connected && p.role === 'student').length : 0;
  }

  /** Hosts the map at `mapPath` for the window; the request is checked against the addresses offered now. */
  async start(windowId: number, mapPath: string, raw: LiveStartRequest): Promise<Outcome<HostedSeminar>> {
    if (this.hosted.has(windowId)) return { ok: false, message: 'This window already hosts a live seminar; stop it first.' };
    if (this.starting.has(windowId)) return { ok: false, message: 'The live seminar is already starting.' };
    for (const h of this.hosted.values()) if (this.same(h.mapPath, mapPath)) return { ok: false, message: `“${basename(mapPath)}” is already hosted in another window.` };
    let request: LiveStartRequest;
    try {
      request = readLiveStartRequest(raw, this.deps.addresses());
    } catch (err) {
      return { ok: false, message: err instanceof LiveRequestError ? err.message : String(err) };
    }
    this.starting.add(windowId);
    try {
      const host = await this.deps.startHost({
        mapPath,
        host: request.address,
        port: request.port,
        mode: request.mode,
        webRoot: this.deps.webRoot,
        onPeers: (peers) => this.deps.peers(windowId, peers.map(peerForWindow)),
        onError: (e) => this.deps.problem(windowId, e.message || String(e)),
      });
      const seminar: HostedSeminar = { code: host.code, joinUrl: host.joinUrl, address: host.address, port: host.port, mode: request.mode, mapName: basename(mapPath), key: host.key, ...(host.notice ? { notice: host.notice } : {}) };
      this.hosted.set(windowId, { host, seminar, mapPath, stopping: null });
      return { ok: true, value: seminar };
    } catch (err) {
      return { ok: false, message: hostStartMessage(err, request) };
    } finally {
      this.starting.delete(windowId);
    }
  }

  /** Saves the map, disconnects everyone, stops listening; resolves when done (a second call waits for the first). */
  stop(windowId: number): Promise<void> {
    const h = this.hosted.get(windowId);
    if (!h) return Promise.resolve();
    h.stopping ??= h.host.close().finally(() => {
      if (this.hosted.get(windowId) === h) this.hosted.delete(windowId);
      this.written.set(windowId, h.mapPath);
    });
    return h.stopping;
  }

  /**
   * Stop Live Seminar in the menu, or Stop Seminar in the close prompt: the window hears that its
   * seminar ended, with `reason` only when the map was saved. A stop that failed (the final save:
   * the host stops all the same) is said to the window instead and answered with its sentence;
   * null once stopped and saved. Never rejects.
   */
  async stopAndTell(windowId: number, reason: string | null): Promise<string | null> {
    if (!this.hosted.has(windowId)) return null;
    try {
      await this.stop(windowId);
    } catch (err) {
      const failure = stopFailure(err);
      this.deps.ended(windowId, failure, false);
      return failure;
    }
    this.deps.ended(windowId, reason, true);
    return null;
  }

  /** Quitting: every seminar saves and stops. */
  async stopAll(): Promise<void> {
    await Promise.allSettled([...this.hosted.keys()].map((id) => this.stop(id)));
  }

  get count(): number {
    return this.hosted.size;
  }
}
