// Presence through the provider's awareness: this page publishes its selection (and, for the
// instructor while presenting, the step), and reads everyone else's into the live store, where
// the canvas finds who has what selected. "Follow the instructor": a student's presentation goes
// to the instructor's step, and ends when the instructor's does. A page with a draft open has two
// awarenesses, the class room's and the draft room's: the selection is published to, and the
// outlines read from, the room whose map is shown (a draft's selection is not the class's).
import type { Awareness } from 'y-protocols/awareness';
import type { Presence } from '../../arguments/live/protocol';
import { DEFAULT_PRESENT_OPTIONS, goToStep, present, startPresentation, stopPresentation } from '../present/presentState';
import { editor, isPresenting } from '../store/store';
import { live, showsDraft, type LiveState } from './liveState';
import { instructorStep, keepUnchanged, readPeers, selectedBy } from './presence';

/** The two rooms a page can be in: the class room, and the draft open beside it. */
export type RoomPart = 'class' | 'draft';

const shows = (part: RoomPart, s: Pick<LiveState, 'draft'> = live.getState()) => showsDraft(s) === (part === 'draft');

/** Publishes this page's presence in `part`'s room (its selection only while that map is shown); returns the unsubscriber. */
export function publishPresence(awareness: Awareness, user: Presence['user'], part: RoomPart = 'class'): () => void {
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
    const p: Presence = { user, selection: shows(part) ? [...s.selection.nodes, ...s.selection.relations] : [] };
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
    live.subscribe((s, prev) => {
      if (showsDraft(s) !== showsDraft(prev)) publish();
    }),
  ];
  return () => {
    for (const stop of stops) stop();
    awareness.setLocalState(null);
  };
}

/**
 * Keeps the live store's peers (the class room's; a draft's in `draft.peers`) and, while `part`'s
 * map is shown, `selectedBy` current; the class room's follows the instructor's steps.
 */
export function watchPeers(awareness: Awareness, part: RoomPart = 'class'): () => void {
  // Whether this page's presentation was started by following (only then does following end it).
  let following = false;
  const onChange = () => {
    const peers = readPeers(awareness.getStates(), awareness.clientID);
    const s = live.getState();
    if (shows(part, s)) live.setState({ selectedBy: keepUnchanged(s.selectedBy, selectedBy(peers)) });
    if (part === 'draft') {
      if (s.draft) live.setState({ draft: { ...s.draft, peers } });
      return;
    }
    live.setState({ peers });
    if (s.room?.role !== 'student') return;
    const step = s.follow ? instructorStep(peers) : undefined;
    following = followStep(step, following);
  };
  awareness.on('change', onChange);
  // Following turned on or off, or the other map shown: the outlines and the step are read again.
  const unfollow = live.subscribe((s, before) => {
    if (s.follow !== before.follow || showsDraft(s) !== showsDraft(before)) onChange();
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
