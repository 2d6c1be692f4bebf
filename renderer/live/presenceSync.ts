// Presence through the provider's awareness: this page publishes its selection (and, for the
// instructor while presenting, the step), and reads everyone else's into the live store, where
// the canvas finds who has what selected. "Follow the instructor": a student's presentation goes
// to the instructor's step, and ends when the instructor's does.
import type { Awareness } from 'y-protocols/awareness';
import type { Presence } from '../../arguments/live/protocol';
import { DEFAULT_PRESENT_OPTIONS, goToStep, present, startPresentation, stopPresentation } from '../present/presentState';
import { editor, isPresenting } from '../store/store';
import { live } from './liveState';
import { instructorStep, keepUnchanged, readPeers, selectedBy } from './presence';

/** Publishes this page's presence; returns the unsubscriber. */
export function publishPresence(awareness: Awareness, user: Presence['user']): () => void {
  let last: Presence | null = null;
  const same = (a: Presence, b: Presence) => a.step === b.step && a.selection.length === b.selection.length && a.selection.every((id, i) => id === b.selection[i]);
  const publish = () => {
    const p = record();
    if (last && same(last, p)) return;
    last = p;
    awareness.setLocalState(p);
  };
  const record = (): Presence => {
    const s = editor.getState();
    const p: Presence = { user, selection: [...s.selection.nodes, ...s.selection.relations] };
    // While presenting, the selection is of the part shown; the step is what others follow.
    const presenting = user.role === 'instructor' && isPresenting(s);
    if (presenting) p.step = present.getState().at;
    return p;
  };
  publish();
  // Only what the record holds: a peer's update, a drag frame or a step's marker publish nothing.
  const stops = [
    editor.subscribe((s, prev) => {
      if (s.selection !== prev.selection || s.presentation !== prev.presentation) publish();
    }),
    present.subscribe((s, prev) => {
      if (s.at !== prev.at) publish();
    }),
  ];
  return () => {
    for (const stop of stops) stop();
    awareness.setLocalState(null);
  };
}

/** Keeps the live store's peers and `selectedBy` current; follows the instructor's steps. */
export function watchPeers(awareness: Awareness): () => void {
  // Whether this page's presentation was started by following (only then does following end it).
  let following = false;
  const onChange = () => {
    const peers = readPeers(awareness.getStates(), awareness.clientID);
    const s = live.getState();
    live.setState({ peers, selectedBy: keepUnchanged(s.selectedBy, selectedBy(peers)) });
    if (s.room?.role !== 'student') return;
    const step = s.follow ? instructorStep(peers) : undefined;
    following = followStep(step, following);
  };
  awareness.on('change', onChange);
  const unfollow = live.subscribe((s, before) => {
    if (s.follow !== before.follow) onChange();
  });
  onChange();
  return () => {
    awareness.off('change', onChange);
    unfollow();
  };
}

/** Shows the instructor's `step` (undefined: not presenting); returns whether the page now follows. */
export function followStep(step: number | undefined, following: boolean): boolean {
  if (step === undefined) {
    if (following && isPresenting()) stopPresentation();
    return false;
  }
  if (!isPresenting()) {
    startPresentation({ ...DEFAULT_PRESENT_OPTIONS, fullScreen: false });
    following = true;
  } else if (!following) return false; // a presentation of the student's own stays theirs
  const at = present.getState().at;
  if (step !== at) goToStep(step - at);
  return following;
}
