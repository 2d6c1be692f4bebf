// The live seminar as the page's UI sees it: the join screen, the connection's state for the
// status chip, who is connected, and who has what selected. One store slice `selectedBy` (node or
// relation id → peers) is what the canvas reads: each card subscribes to its own entry only.
import { createStore, useStore } from 'zustand';
import type { Id } from '../../arguments/model';
import type { RoomInfo } from '../../arguments/live/protocol';
import type { Peer } from './presence';

/** The connection: `reconnecting` for the first seconds after a drop, then `offline`. */
export type LinkState = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** A student's private draft this page has open beside the class room (connection.ts openLiveDraft). */
export interface DraftView {
  /** Whose draft: the student's name (this page's own, or, for the instructor, a student's). */
  of: string;
  /** The draft room's own connection. */
  link: LinkState;
  /** Whether the page shows the draft now (else the class map, the draft kept open behind it). */
  shown: boolean;
  /** Who else is in the draft room (the instructor looking in, or the student). */
  peers: Peer[];
}

export interface LiveState {
  /** The join screen, when the page was opened at a join address and has not joined yet. */
  join: { code: string; key?: string } | null;
  /** The room this page is in; null when not in a seminar. */
  room: RoomInfo | null;
  link: LinkState;
  peers: Peer[];
  selectedBy: ReadonlyMap<Id, Peer[]>;
  /** Students' presentation follows the instructor's step (on by default for students). */
  follow: boolean;
  /** The draft open beside the class room, if any. */
  draft: DraftView | null;
  /** Whose draft is being opened (the host not answered yet), if one is. */
  draftOpening: string | null;
  /** Why a draft could not be opened or was dropped, in words for the bar; null when nothing went wrong. */
  draftProblem: string | null;
  /** Whether this page's connection can open a draft's room (the desktop app's relay opens only the class room). */
  draftsOpenHere: boolean;
}

export const live = createStore<LiveState>(() => ({ join: null, room: null, link: 'connecting', peers: [], selectedBy: new Map(), follow: true, draft: null, draftOpening: null, draftProblem: null, draftsOpenHere: true }));
export const useLive = <T,>(selector: (s: LiveState) => T): T => useStore(live, selector);

const NOBODY: Peer[] = [];
/** The peers who have `id` selected (the same empty list for every unselected id). */
export const useSelectedBy = (id: Id): readonly Peer[] => useStore(live, (s) => s.selectedBy.get(id) ?? NOBODY);

/** "Live · CODE · 24 connected", "Reconnecting…", "Offline: …": the chip's words. */
export function linkWords(s: Pick<LiveState, 'room' | 'link' | 'peers'>): string {
  if (!s.room) return '';
  if (s.link === 'live') return `Live · ${s.room.code} · ${s.peers.length + 1} connected`;
  if (s.link === 'connecting') return `Joining ${s.room.code}…`;
  if (s.link === 'reconnecting') return 'Reconnecting…';
  return s.room.mayEdit === 'nothing' ? 'Offline: the map is shown as it was; it updates when the host is back' : 'Offline: your edits are kept and sent when the host is back';
}

/** Whether the page shows a draft (else the class map). */
export const showsDraft = (s: Pick<LiveState, 'draft'>): boolean => s.draft?.shown === true;

/** Whether this page may open a draft in its room: a display room ('read-only', no one edits) has none. */
export const draftsOffered = (room: RoomInfo): boolean => room.mode !== 'read-only';

/**
 * What the marker says about the map shown: the class map, or whose draft and who sees it, and
 * the draft's connection when it is not live.
 */
export function draftWords(s: Pick<LiveState, 'room' | 'draft'>): { title: string; detail: string } {
  if (!s.room) return { title: '', detail: '' };
  const d = s.draft;
  if (!d?.shown) return { title: 'Class map', detail: 'everyone in the seminar sees it' };
  const mine = d.of === s.room.name;
  const title = mine ? 'Your draft' : `${d.of}’s draft`;
  const who = mine ? 'only you and the instructor see it' : `only ${d.of} and the instructor see it`;
  if (d.link === 'offline') return { title, detail: `${who}; offline: your edits are kept in this browser and sent when the host is back` };
  if (d.link === 'reconnecting') return { title, detail: `${who}; reconnecting…` };
  if (d.link === 'connecting') return { title, detail: `${who}; connecting…` };
  const here = d.peers.filter((p) => p.name !== s.room!.name).map((p) => p.name);
  return { title, detail: here.length > 0 ? `${who}; ${here.join(' and ')} ${here.length === 1 ? 'is' : 'are'} looking at it now` : who };
}

/**
 * Why a draft did not open when the host closed its connection before sending it: the browser is
 * told no reason for a refused connection, so the words name what the host refuses for (its info
 * answer, asked first, has said the rest): the page not in the class room, or no room for more drafts.
 */
export function draftRefusedWords(of: string, mine: boolean, classLive: boolean): string {
  const whose = mine ? 'your draft' : `${of}’s draft`;
  if (!classLive) return `A draft opens beside the seminar’s room, and this page is not connected to it now (${whose} is not in this browser yet). Wait until the bar says Live, then open it again.`;
  return `The host did not open ${whose}: it keeps a limited number of drafts per seminar and may have no room for another, or it is not taking connections just now. Try again in a moment; if it is refused again, ask the instructor.`;
}
