// File > Start Live Seminar…: whether its dialog is open, and the seminar this window hosts
// (kept while the dialog is closed: the seminar goes on). The desktop host pushes who is
// connected and when the seminar ended (Stop Live Seminar in the menu); the browser has no host.
// Loaded with the app (the menu command opens the dialog); the dialog itself is a lazy chunk.
import { createStore, useStore } from 'zustand';
import type { LiveHostBridge, LiveNow, LivePeer, LiveSeminar } from '../platform/live';
import { host, openBytes, revertMap } from '../files/fileCommands';
import { isDirty, notify } from '../store/store';

export interface SeminarHostState {
  open: boolean;
  seminar: LiveSeminar | null;
  peers: LivePeer[];
  /** Why the last seminar ended, when it ended without the dialog asking. */
  ended: string | null;
  /** The running host's last problem (a save that failed), until the next start. */
  problem: string | null;
  /** Why this window did not join its room, in a sentence for the running view (joinAsInstructor.ts). */
  joinNote: string | null;
  /** While this window is in its room as the instructor (its map is the room's): how it leaves (joinAsInstructor.ts). */
  leave: ((saved: boolean) => boolean) | null;
}

export const seminarHost = createStore<SeminarHostState>(() => ({ open: false, seminar: null, peers: [], ended: null, problem: null, joinNote: null, leave: null }));
export const useSeminarHost = <T,>(sel: (s: SeminarHostState) => T) => useStore(seminarHost, sel);
export const openSeminarHost = () => seminarHost.setState({ open: true });
export const closeSeminarHost = () => seminarHost.setState({ open: false });

export function seminarStarted(seminar: LiveSeminar): void {
  seminarHost.setState({ seminar, peers: [], ended: null, problem: null, joinNote: null, leave: null });
}

/**
 * The file now holds the class's map: a window without changes of its own shows it (Revert);
 * one with changes is told (main refuses to save them over the class's map). `saved` false: the
 * host's last save failed, so the file is behind the room; the window in the room keeps the
 * room's map, unsaved, instead of reading the older file.
 */
export function seminarStopped(reason: string | null, saved = true): void {
  const leave = seminarHost.getState().leave;
  seminarHost.setState({ seminar: null, peers: [], ended: reason, joinNote: null, leave: null });
  // The window was the room's map: it leaves the room and reads the file the host wrote. One that
  // left the room already holds another map or its own copy: as a window that never joined.
  if (leave?.(saved)) {
    if (saved) return void revertMap();
    return notify({ kind: 'error', title: 'The class’s map was not saved', lines: [reason ?? 'The seminar’s last save failed.', 'This window keeps the class’s map as it was when the seminar stopped, unsaved: Save or Save As… to keep it.'] });
  }
  if (!isDirty()) void revertMap();
  else notify({ kind: 'info', title: 'The live seminar ended', lines: ['The file holds the class’s map. Revert to Saved to see it, or Save As to keep this window’s copy.'] });
}

/** Listens to the desktop host (once, at start) and picks up a seminar still running after a reload. */
export function connectSeminarHost(live: LiveHostBridge): void {
  live.onPeers((peers) => seminarHost.setState({ peers }));
  live.onEnded((reason, saved) => seminarStopped(reason, saved));
  live.onProblem((problem) => seminarHost.setState({ problem }));
  void live
    .current()
    .then((now) => (now ? rejoin(live, now) : undefined))
    .catch((err: unknown) => console.warn('Argument Atlas could not pick up its live seminar:', err));
}

/**
 * A reloaded window (its renderer crashed or hung) shows the hosted file again and rejoins its
 * room as the instructor, as after Start (main kept the key, and closed the old page's socket).
 */
async function rejoin(live: LiveHostBridge, now: LiveNow): Promise<void> {
  seminarHost.setState({ seminar: now.seminar, peers: now.peers, joinNote: null, leave: null });
  let why: string | null = null;
  try {
    const file = await host().reread(now.ref);
    if (!(await openBytes(file.name, file.bytes, file.ref))) why = 'the map did not open';
  } catch (err) {
    why = err instanceof Error ? err.message : String(err);
  }
  // The live connection is a lazy chunk, as the dialog is.
  const { joinAsInstructor, leaveAsInstructor } = await import('./joinAsInstructor');
  const note = why === null ? await joinAsInstructor(now.seminar, live) : `This window could not read “${now.seminar.mapName}” again (${why}), so it does not follow the class’s edits; the host writes them to the file, and this window shows them when the seminar stops.`;
  if (seminarHost.getState().seminar === now.seminar) seminarHost.setState({ joinNote: note, leave: note === null ? leaveAsInstructor : null });
}
