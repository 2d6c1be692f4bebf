// A LiveSession as the store's open document (store.ts LiveDocument): the store's operations run
// through the session (one Y transaction, one undo step of this person's), what others change
// reaches the view as the session's snapshot (only the touched records are new objects, so only
// their cards re-render), and the page's role decides what is refused before it is sent. A
// seminar page holds two at most, the class map's and a student's draft's: each has its own
// session (its own undo), and the store shows one; the other's changes wait in its session.
import type { LiveSession } from '../../arguments/live/session';
import type { Operation } from '../../arguments/history';
import type { RoomInfo } from '../../arguments/live/protocol';
import { editor, setLiveDocument, showLiveMap, showsLiveDocument, switchLiveDocument, type LiveDocument, type LiveMarker } from '../store/store';
import { ownVoiceStep, refuseNodeEdit } from './ownVoice';
import type { Vet } from '../../arguments/live/apply';

export interface LiveBinding {
  /** Ends the binding: when the store shows it, it keeps the live map as an ordinary, unsaved document. */
  unbind(): void;
  /** Shows this document in place of the seminar's other one (the class map, a draft). */
  show(): void;
  /** Whether the store shows this document. */
  shown(): boolean;
}

export interface BindOptions {
  /** The student whose draft this document is (null: the class map). */
  draftOf?: string | null;
  /** Bound beside the document the store shows (a draft opened in the background): shown on `show()`. */
  beside?: boolean;
}

/** Binds `session` to the store for a peer with `info`'s role; `onLeave` runs when the store opens another document. */
export function bindLiveDocument(session: LiveSession, info: RoomInfo, onLeave: () => void, options: BindOptions = {}): LiveBinding {
  const draftOf = options.draftOf ?? null;
  const marker = (): LiveMarker => {
    const m: LiveMarker = { code: info.code, name: info.name, mayEdit: info.mayEdit, canUndo: session.canUndo(), canRedo: session.canRedo() };
    const u = session.undoLabel();
    const r = session.redoLabel();
    if (u !== undefined) m.undoLabel = u;
    if (r !== undefined) m.redoLabel = r;
    return m;
  };
  // Own voice: the step gives its new nodes the student's voice and is judged by the host's rule as it is made.
  const step = (op: Operation): { op: Operation; vet?: Vet } => (info.mayEdit === 'own-voice' ? ownVoiceStep(op, info.name) : { op });
  let bound = true;
  const doc: LiveDocument = {
    apply(op) {
      const s = step(op);
      const r = session.apply(s.op, s.vet);
      if (!r.ok) return r;
      // The store shows the step and this marker in one update.
      return r.renamed ? { ok: true, map: r.map, marker: marker(), renamed: r.renamed } : { ok: true, map: r.map, marker: marker() };
    },
    preview(op) {
      const s = step(op);
      if (session.preview(s.op, s.vet).ok) showLiveMap(doc, session.map, marker());
    },
    // An undo's transaction is the undo manager's, so onChange below shows it; taking back a
    // gesture or a creation then also drops the redo item, which only the marker says.
    cancelGesture() {
      session.cancelGesture();
      if (showsLiveDocument(doc)) editor.setState({ live: marker() });
    },
    undo: () => void session.undo(),
    redo: () => void session.redo(),
    refuseNodeEdit: (id) => (info.mayEdit === 'own-voice' ? refuseNodeEdit(session.map, id, info.name) : null),
    newId: (prefix, taken) => session.freshId(prefix, taken),
    lastStep: () => session.lastStep(),
    applyToLast(last, op) {
      const s = step(op);
      const r = session.amendLast(last, s.op, s.vet);
      if (!r.ok) return r.reason;
      showLiveMap(doc, session.map, marker());
      return null;
    },
    dropLast(step) {
      if (session.dropLast(step) && showsLiveDocument(doc)) editor.setState({ live: marker() });
    },
    leave() {
      if (!bound) return;
      bound = false;
      stop();
      onLeave();
    },
  };
  // Our own steps are shown by the store as they are taken; everything else (a peer's update, a
  // repair, an undo, a redo) is shown here, after its transaction.
  const stop = session.onChange((_touched, origin) => {
    if (origin !== session.origin) showLiveMap(doc, session.map, marker());
  });
  if (!options.beside) setLiveDocument(doc, marker(), session.map);
  return {
    unbind() {
      if (!bound) return;
      bound = false;
      stop();
      // The live map shown stays open as an ordinary, unsaved document: it can be saved as a file.
      if (showsLiveDocument(doc)) setLiveDocument(null, null, session.map);
    },
    show() {
      if (bound) switchLiveDocument(doc, marker(), session.map, draftOf);
    },
    shown: () => bound && showsLiveDocument(doc),
  };
}
