// Where the instructor's page reads the students' drafts (issue 16: pulling a draft into the class
// map). The desktop app's window asks its main process, which asks the host in its own process (the
// key stays there: platform/live.ts drafts, draft); a browser joined with the key asks the host
// over HTTP (protocol.ts draftsUrl, draftUrl). Every way it fails is an Error in words the
// instructor can act on. No DOM here: Node tests run it.
import { draftsUrl, draftUrl, readStudentName, type DraftSummary } from '../../../arguments/live/protocol';
import type { LiveHostBridge } from '../../platform/live';

export interface DraftsSource {
  list(): Promise<DraftSummary[]>;
  /** The draft as a map file's bytes (the loader reads them: compareState.ts readMapFile). */
  read(name: string): Promise<Uint8Array>;
}

/** The host's list, checked: anything but drafts of students' names is a bad answer. */
export function readDraftList(value: unknown): DraftSummary[] {
  const drafts = (value as { drafts?: unknown } | null)?.drafts;
  const ok = (d: Partial<DraftSummary> | null) =>
    d !== null && typeof d === 'object' && typeof d.name === 'string' && readStudentName(d.name) === d.name && typeof d.open === 'boolean' && typeof d.changedAt === 'string' && !Number.isNaN(Date.parse(d.changedAt)) && (d.nodes === null || (Number.isSafeInteger(d.nodes) && d.nodes! >= 0));
  if (!Array.isArray(drafts) || !drafts.every(ok)) throw new Error('The seminar’s host answered with something that is not a list of drafts; nothing was changed.');
  return drafts as DraftSummary[];
}

/** The desktop app's window: its main process asks the host it runs. */
export function bridgeDraftsSource(live: Pick<LiveHostBridge, 'drafts' | 'draft'>): DraftsSource {
  return {
    list: async () => readDraftList({ drafts: await live.drafts() }),
    read: async (name) => new TextEncoder().encode(await live.draft(name)),
  };
}

/** A browser joined with the key: the host at `origin` ("http://HOST:PORT") over HTTP. */
export function httpDraftsSource(origin: string, code: string, key: string, fetcher: typeof fetch = fetch): DraftsSource {
  const ask = async (url: string): Promise<Response> => {
    let response: Response;
    try {
      // The host answers with Cache-Control: no-store: a draft changes as its student writes.
      response = await fetcher(url);
    } catch {
      throw new Error(`The seminar’s host (${new URL(origin).host}) does not answer. Check that the seminar is still running, then try again.`);
    }
    if (response.ok) return response;
    if (response.status === 403) throw new Error('The host did not take this page’s instructor key. Open the instructor link the host shows again.');
    let said: unknown = null;
    try {
      said = ((await response.json()) as { error?: unknown } | null)?.error;
    } catch {
      said = null;
    }
    throw new Error(typeof said === 'string' && said !== '' ? said : `The seminar’s host answered with an error (${response.status}). Try again in a moment.`);
  };
  return {
    async list() {
      const response = await ask(draftsUrl(origin, code, key));
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = null;
      }
      return readDraftList(body);
    },
    read: async (name) => new Uint8Array(await (await ask(draftUrl(origin, code, name, key))).arrayBuffer()),
  };
}

/** "just now", "12 min ago", else the day and time: when a draft last changed, as the list says it. */
export function changedWords(iso: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const d = new Date(at);
  const sameDay = new Date(now).toDateString() === d.toDateString();
  return sameDay ? `at ${d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}` : `on ${d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`;
}
