// A room's connection as the bar says it: the provider's first sync (a page with an offline copy
// goes on without it), its drops ("Reconnecting…", then "Offline"), and the host's close codes
// (a refused change, the page joined again elsewhere, a change too large) in words. Used for the
// class room (said in a notice) and for a draft open beside it (said in the bar).
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { LIVE_CLOSE } from '../../arguments/live/protocol';
import { notify } from '../store/store';
import { LiveJoinError } from './roomInfo';
import { live, type LinkState } from './liveState';
import type { RoomPart } from './presenceSync';

/** WebSocket's close code for a message over the receiver's limit (the host's for students: 4 MB). */
const TOO_LARGE = 1009;
/** After a drop, "Reconnecting…" for this long, then "Offline". */
const RECONNECTING_MS = 4000;
/** The first sync of a page with no offline copy: longer than this and the host is unreachable. */
const FIRST_SYNC_MS = 15_000;

/**
 * Waits for the host's first sync; a page with an offline copy of the room may go on without it.
 * With `refusedWords`, a connection closed before it (a refused upgrade: the browser learns no
 * status, the host's reasons are in its info answers) ends the wait with those words.
 */
export function firstSync(provider: WebsocketProvider, doc: Y.Doc, refusedWords?: () => string): Promise<void> {
  if (provider.synced) return Promise.resolve();
  const hasCopy = doc.getMap('nodes').size > 0 || doc.getMap('meta').size > 0;
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = () => {
      clearTimeout(timer);
      provider.off('sync', done);
      provider.off('closed', closed);
      provider.off('connection-close', dropped);
    };
    const done = (synced: boolean) => {
      if (!synced) return;
      off();
      resolve();
    };
    const closed = (event: { code: number; reason: string }) => {
      off();
      reject(new LiveJoinError('unreachable', `The host refused the connection${event.reason ? `: ${event.reason}` : ''}.`));
    };
    const dropped = (event: { code: number } | null) => {
      if (!refusedWords || event === null || (event.code >= 4400 && event.code < 4500)) return;
      off();
      reject(new LiveJoinError('refused', refusedWords()));
    };
    provider.on('sync', done);
    provider.on('closed', closed);
    provider.on('connection-close', dropped);
    if (hasCopy) return done(true);
    timer = setTimeout(() => {
      off();
      reject(new LiveJoinError('unreachable', 'The seminar’s host accepted the name but sent no map. Check the network and try again.'));
    }, FIRST_SYNC_MS);
  });
}

const linkOf = (part: RoomPart): LinkState | undefined => (part === 'class' ? live.getState().link : live.getState().draft?.link);

function setLink(part: RoomPart, link: LinkState): void {
  if (part === 'class') return live.setState({ link });
  const draft = live.getState().draft;
  if (draft) live.setState({ draft: { ...draft, link } });
}

/** A problem of the class room is a notice; a draft's is said in the bar, beside the draft's marker. */
function tell(part: RoomPart, title: string, lines: string[]): void {
  if (part === 'class') return notify({ kind: 'error', title, lines });
  live.setState({ draftProblem: `${title}. ${lines.join(' ')}` });
}

/**
 * The chip's (or the draft marker's) state from the provider's: a drop shows "Reconnecting…", then
 * "Offline". `refused` runs when the page must take the room's map again from the host.
 */
export function watchLink(provider: WebsocketProvider, part: RoomPart, refused: () => void): () => void {
  const map = part === 'class' ? 'the seminar’s map' : 'the draft';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
    if (status === 'connected') {
      clearTimeout(timer);
      timer = undefined;
      setLink(part, 'live');
    } else if (linkOf(part) === 'live' || linkOf(part) === 'connecting') {
      setLink(part, 'reconnecting');
      clearTimeout(timer);
      timer = setTimeout(() => setLink(part, 'offline'), RECONNECTING_MS);
    }
  };
  const onClosed = (event: { code: number; reason: string }) => {
    setLink(part, 'offline');
    if (event.code === LIVE_CLOSE.refused) {
      tell(part, part === 'class' ? 'The seminar’s host refused a change' : 'The host refused a change in the draft', [event.reason || 'A change of yours was not yours to make in this seminar.', `The page takes ${map} again from the host; the refused change is not in it.`]);
      return refused();
    }
    if (event.code === LIVE_CLOSE.replaced) {
      if (part === 'draft') return tell(part, 'This draft is open in another page', ['You opened it again elsewhere (another tab or browser), so this page stopped following it.', 'What you see here stays as it was; the other page has it all.']);
      notify({ kind: 'error', title: 'This seminar is open in another page', lines: ['You joined again under this name elsewhere (another tab or browser), so this page stopped following the seminar.', 'Your copy of the map stays open here; save a copy to keep it.'] });
      return;
    }
    tell(part, part === 'class' ? 'The seminar’s host closed the connection' : 'The host closed the draft’s connection', [event.reason || 'The host does not take this page back. Your copy of the map stays open; save a copy to keep it.']);
  };
  // A message over the host's limit (1009): sent again on every reconnect, it would be refused for
  // ever; like a refused change, the page takes the host's map again without it.
  const onDrop = (event: { code: number } | null) => {
    if (event?.code !== TOO_LARGE) return;
    tell(part, part === 'class' ? 'A change was too large for the seminar' : 'A change was too large for the draft', ['The host takes changes of up to 4 MB from a student (a very long source text pasted whole is more).', `The page takes ${map} again from the host; that change is not in it.`]);
    refused();
  };
  provider.on('connection-close', onDrop);
  provider.on('status', onStatus);
  provider.on('closed', onClosed);
  if (provider.wsconnected) setLink(part, 'live');
  return () => {
    clearTimeout(timer);
    provider.off('status', onStatus);
    provider.off('closed', onClosed);
    provider.off('connection-close', onDrop);
  };
}
