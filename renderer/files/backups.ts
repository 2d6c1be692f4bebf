// Autosave for crash recovery: while the document has unsaved changes, its map is written
// to the platform's backup store shortly after the last edit; once it is clean again
// (saved, reverted, undone to the save point, replaced) the backup is cleared.
import { serializeMap } from '../../arguments/format/serialize';
import type { BackupStore } from '../platform/types';
import { editor, isDirty, type EditorState } from '../store/store';

/** Quiet time after an edit before the backup is written. */
export const BACKUP_DELAY_MS = 500;
/** Under continuous editing (a long drag) a backup is still written this soon after the first unsaved change. */
export const BACKUP_MAX_WAIT_MS = 900;

export interface BackupWriter {
  /** While held nothing is written or cleared (a recovery offer is pending); releasing catches up at once. */
  hold(on: boolean): void;
  /** Writes a pending backup now (the page is being hidden); settles when the store is up to date. */
  flush(): Promise<void>;
  stop(): void;
}

export interface BackupOptions {
  held?: boolean;
  onError?: (err: unknown) => void;
}

export function startBackups(store: BackupStore, options: BackupOptions = {}): BackupWriter {
  const onError = options.onError ?? ((err: unknown) => console.warn('Argument Atlas could not update its backup:', err));
  let held = options.held ?? false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstUnwritten = 0;
  // A backup from an earlier session may exist until the first time the document is clean.
  let stored = true;
  // Writes and clears run in order, so a slow write never lands after the clear that follows it.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (op: () => Promise<void>) => {
    queue = queue.then(op).catch(onError);
  };

  const cancelTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  function writeNow(): void {
    cancelTimer();
    const s = editor.getState();
    if (held || !isDirty(s)) return;
    const backup = { text: serializeMap(s.history.present), name: s.name, savedAt: new Date().toISOString() };
    stored = true;
    enqueue(() => store.write(backup));
  }

  function sync(s: EditorState): void {
    if (held) return;
    if (isDirty(s)) {
      const now = Date.now();
      if (timer === null) firstUnwritten = now;
      else clearTimeout(timer);
      timer = setTimeout(writeNow, Math.max(0, Math.min(BACKUP_DELAY_MS, firstUnwritten + BACKUP_MAX_WAIT_MS - now)));
    } else {
      cancelTimer();
      if (stored) {
        stored = false;
        enqueue(() => store.clear());
      }
    }
  }

  const unsubscribe = editor.subscribe((s, prev) => {
    // A presentation's part of the map is not the document: the backup keeps the whole one.
    if (s.presentation !== null || prev.presentation !== null) return;
    if (s.history !== prev.history || s.saved !== prev.saved || s.name !== prev.name) sync(s);
  });
  if (!held) sync(editor.getState());

  return {
    hold(on) {
      held = on;
      if (on) cancelTimer();
      else sync(editor.getState());
    },
    flush() {
      if (timer !== null) writeNow();
      return queue;
    },
    stop() {
      cancelTimer();
      unsubscribe();
    },
  };
}
