// The comments panel's state: open or not, resolved threads shown or not (both remembered), the
// name comments are signed with (asked once, then remembered), and a thread to focus once the
// inspector shows it. Presentation only: the threads themselves live in the map (ArgumentMap.comments).
import { createStore, useStore } from 'zustand';
import type { Id } from '../../arguments/model';

const PANEL_KEY = 'argument-atlas.comments-panel';
const AUTHOR_KEY = 'argument-atlas.comment-author';

/** localStorage where there is one (typed without the DOM library, so Node tests can import this). */
const storage = () => (globalThis as { localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void } }).localStorage;

interface CommentsUi {
  open: boolean;
  showResolved: boolean;
  /** Who writes the comments; '' until asked. */
  author: string;
  /** A thread the inspector focuses when it shows it (then cleared). */
  focusThread: Id | null;
}

function read(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}
function write(key: string, value: string): void {
  try {
    storage()?.setItem(key, value);
  } catch {
    // Storage full or disabled: the choice is simply not remembered.
  }
}

function initialPanel(): Pick<CommentsUi, 'open' | 'showResolved'> {
  try {
    const saved = JSON.parse(read(PANEL_KEY) ?? 'null') as Partial<CommentsUi> | null;
    return { open: saved?.open === true, showResolved: saved?.showResolved === true };
  } catch {
    return { open: false, showResolved: false };
  }
}

const NAME_LENGTH = 80;

export const commentsUi = createStore<CommentsUi>(() => ({ ...initialPanel(), author: (read(AUTHOR_KEY) ?? '').trim().slice(0, NAME_LENGTH), focusThread: null }));
export const useCommentsUi = <T,>(sel: (s: CommentsUi) => T) => useStore(commentsUi, sel);

const savePanel = () => write(PANEL_KEY, JSON.stringify({ open: commentsUi.getState().open, showResolved: commentsUi.getState().showResolved }));

export function toggleCommentsPanel(): void {
  commentsUi.setState((s) => ({ open: !s.open }));
  savePanel();
}
export function setShowResolved(showResolved: boolean): void {
  commentsUi.setState({ showResolved });
  savePanel();
}

/** Remembers the name comments are signed with; returns it as kept (trimmed), or '' for none. */
export function rememberAuthor(name: string): string {
  const author = name.replace(/\s+/g, ' ').trim().slice(0, NAME_LENGTH);
  commentsUi.setState({ author });
  write(AUTHOR_KEY, author);
  return author;
}

export const requestThreadFocus = (id: Id | null) => commentsUi.setState({ focusThread: id });
