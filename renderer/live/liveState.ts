// The live seminar as the page's UI sees it: the join screen, the connection's state for the
// status chip, who is connected, and who has what selected. One store slice `selectedBy` (node or
// relation id → peers) is what the canvas reads: each card subscribes to its own entry only.
import { createStore, useStore } from 'zustand';
import type { Id } from '../../arguments/model';
import type { RoomInfo } from '../../arguments/live/protocol';
import type { Peer } from './presence';

/** The connection: `reconnecting` for the first seconds after a drop, then `offline`. */
export type LinkState = 'connecting' | 'live' | 'reconnecting' | 'offline';

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
}

export const live = createStore<LiveState>(() => ({ join: null, room: null, link: 'connecting', peers: [], selectedBy: new Map(), follow: true }));
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
