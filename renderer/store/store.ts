// The document store: the open map's history, its file, what is selected, and transient
// UI state. Every change to the map goes through `run` (one undoable step) or `previewOp`
// (a gesture frame); components subscribe with selectors, never to the whole map.
import { createStore, useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import {
  cancelGesture,
  canRedo,
  canUndo,
  commit,
  createHistory,
  preview,
  redo,
  savePoint,
  squashLast,
  undo,
  undoLabel,
  redoLabel,
  type Change,
  type History,
  type Operation,
} from '../../arguments/history';
import type { Draft } from 'immer';
import type { ArgumentMap, Id, Point } from '../../arguments/model';
import { editNode, freshId, moveNodes } from '../../arguments/operations';
import { changesOnlyTheLock } from '../../arguments/operations/reading';

export interface Selection {
  nodes: readonly Id[];
  relations: readonly Id[];
}

export interface Notice {
  kind: 'error' | 'info';
  title: string;
  lines: string[];
  /** A button offered with the notice (e.g. "Add as a source" for a document opened as a map). */
  action?: { label: string; run: () => void };
}

export interface OpenDocument {
  history: History;
  /** The file's name ("Untitled.argmap.json" before the first save). */
  name: string;
  /** Opaque reference the platform uses to save back to the same file; null until saved. */
  fileRef: unknown;
  /** The change the file on disk corresponds to; dirty when history's top differs. */
  saved: Change | null;
  /** A new, never-saved document with no edits is not dirty, though it has no file. */
}

export interface EditorState extends OpenDocument {
  selection: Selection;
  /** The node whose text is being edited in place. */
  editing: Id | null;
  /** A node just added and being written for the first time (Esc on it takes its creation back). */
  creation: Creation | null;
  /** The node whose quote the sources pane shows. */
  focusQuote: Id | null;
  notice: Notice | null;
  /** Bumped by commands that want the canvas to move the view: fit everything, or the opening view of a document. */
  fitRequest: number;
  fitMode: 'all' | 'opening';
  /**
   * During a presentation the window's document is the part of the map shown so far (so the
   * canvas, the status, the DOM and exports hold nothing hidden); the real one waits here.
   */
  presentation: PresentationStash | null;
  /** The nodes the next view move frames (a presentation's step); null: fitMode decides. */
  fitNodes: readonly Id[] | null;
  /** While in a live seminar: the room, what this page may edit, and its own undo (renderer/live). */
  live: LiveMarker | null;
}

/** What the store knows of a live seminar; the document itself is the LiveDocument's. */
export interface LiveMarker {
  code: string;
  name: string;
  mayEdit: 'everything' | 'own-voice' | 'nothing';
  canUndo: boolean;
  canRedo: boolean;
  undoLabel?: string;
  redoLabel?: string;
}

/**
 * The open map while live: a shared document (renderer/live/binding.ts over LiveSession). Every
 * operation runs through it as one transaction and one undo step of this person's own.
 */
export interface LiveDocument {
  apply(op: Operation): { ok: true; map: ArgumentMap; marker: LiveMarker; renamed?: ReadonlyMap<Id, Id> } | { ok: false; reason: string };
  preview(op: Operation): void;
  cancelGesture(): void;
  undo(): void;
  redo(): void;
  /** Why node `id` may not be edited here (own voice: another's node); null when it may. */
  refuseNodeEdit(id: Id): string | null;
  newId(prefix: string, taken?: ReadonlySet<Id>): Id;
  /** This person's last step, by identity (a creation is joined only while it is the last). */
  lastStep(): object | undefined;
  /** Runs `op` as part of `step` while it is this person's last (a new node's first text joins its creation). */
  applyToLast(step: object, op: Operation): string | null;
  /** Takes back `step` while it is this person's last, and forgets it (Esc on a node just added: no redo of it). */
  dropLast(step: object): void;
  /** Disconnects: the store already holds another document. */
  leave(): void;
}

let liveDocument: LiveDocument | null = null;

/** A history with only a present: while live, undo is the shared document's, not the store's. */
export const liveHistory = (map: ArgumentMap): History => ({ present: map, past: [], future: [] });

/**
 * The saved mark of a seminar's copy: the save point of no history, so the copy is unsaved (opening
 * another file or closing the window asks first) until it is saved as a file.
 */
const SEMINAR_COPY: Change = { label: 'Seminar copy', patches: [], inverse: [] };

/** The name "Save as" offers for the seminar's map, or for a student's draft of it. */
const seminarCopyName = (map: ArgumentMap, draftOf: string | null): string =>
  `${map.meta.title.trim() || 'Seminar map'} (${draftOf === null ? 'seminar copy' : `draft of ${draftOf}`}).argmap.json`;

/**
 * Opens (or, with null, closes) a live document; the store's map is then `map`. Closed with a
 * `map`, the live map stays open as an ordinary document, unsaved.
 */
export function setLiveDocument(doc: LiveDocument | null, marker: LiveMarker | null, map?: ArgumentMap): void {
  if (doc && marker && map) replaceDocument({ history: liveHistory(map), name: seminarCopyName(map, null), fileRef: null, saved: SEMINAR_COPY });
  liveDocument = doc;
  if (!doc && map) editor.setState({ live: null, history: liveHistory(map), saved: SEMINAR_COPY });
  else editor.setState({ live: marker });
}

/**
 * Shows `doc`, another live document of the same seminar (a student's draft, or the class map
 * again), in place of the one shown: the seminar goes on (nothing leaves), the view keeps its
 * place (a draft is a fork of the class map), and the selection, an edit in progress and the
 * undo buttons are the new document's. The caller ends a presentation first.
 */
export function switchLiveDocument(doc: LiveDocument, marker: LiveMarker, map: ArgumentMap, draftOf: string | null): void {
  if (!liveDocument || liveDocument === doc) return;
  liveDocument.cancelGesture();
  liveDocument = doc;
  editor.setState({ history: liveHistory(map), name: seminarCopyName(map, draftOf), live: marker, selection: EMPTY, editing: null, creation: null, focusQuote: null, notice: null, fitNodes: null });
}

/** Whether `doc` is the live document the store shows. */
export const showsLiveDocument = (doc: LiveDocument): boolean => liveDocument === doc;

/** A live document's change (a peer's, an undo): the view shows `map`, the selection kept on what still exists; a change of a document not shown is not the view's. */
export function showLiveMap(doc: LiveDocument, map: ArgumentMap, marker: LiveMarker): void {
  const s = editor.getState();
  if (!liveDocument || liveDocument !== doc) return;
  // A presentation shows its part; the whole map it gives back at the end is kept current.
  if (s.presentation) editor.setState({ live: marker, presentation: { ...s.presentation, document: { ...s.presentation.document, history: liveHistory(map) } } });
  else editor.setState({ ...prune(s, liveHistory(map)), live: marker });
}

/** A new id for a record the caller is about to add: the live peer's own while in a seminar. */
export const newId = (prefix: string, taken?: ReadonlySet<Id>): Id => liveDocument?.newId(prefix, taken) ?? freshId(getMap(), prefix, taken);

/**
 * `id`, a readable id the caller made for the open map (a source's "bloch-1949"), as this page
 * may add it: while in a seminar, in this peer's own namespace ("bloch-1949.2f9k1c.1"), so the
 * step does not rename it and the caller can open what it added.
 */
export const ownId = (id: Id): Id => (liveDocument ? liveDocument.newId(id) : id);

export interface PresentationStash {
  document: OpenDocument;
  selection: Selection;
}

/** The document as it was before a node was added, and the step that added it. */
export interface Creation {
  id: Id;
  before: { history: History; selection: Selection };
  /** The step that added it: history's last change, or while live the session's (LiveDocument.lastStep). */
  added: Change | object;
}

const EMPTY: Selection = { nodes: [], relations: [] };

export function documentState(map: ArgumentMap, name: string, fileRef: unknown): OpenDocument {
  const history = createHistory(map);
  return { history, name, fileRef, saved: savePoint(history) };
}

export const editor = createStore<EditorState>(() => ({
  ...documentState({ meta: { title: '', authors: [], created: '', modified: '' }, sources: {}, nodes: {}, relations: {}, view: { positions: {}, collapsed: [] } }, 'Untitled.argmap.json', null),
  selection: EMPTY,
  editing: null,
  creation: null,
  focusQuote: null,
  notice: null,
  fitRequest: 0,
  fitMode: 'opening',
  presentation: null,
  fitNodes: null,
  live: null,
}));

export const getMap = (): ArgumentMap => editor.getState().history.present;
/** Unsaved changes of the document, also while a presentation shows part of it. */
export const isDirty = (s: EditorState = editor.getState()): boolean => {
  const doc = s.presentation?.document ?? s;
  return savePoint(doc.history) !== doc.saved;
};
export const isPresenting = (s: EditorState = editor.getState()): boolean => s.presentation !== null;
/** The whole document while a presentation shows part of it (kept aside in the stash); else null. */
export const presentedDocument = (s: EditorState = editor.getState()): ArgumentMap | null => s.presentation?.document.history.present ?? null;

export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(editor, selector);
}
export function useEditorShallow<T>(selector: (s: EditorState) => T): T {
  return useStore(editor, useShallow(selector));
}
export const useMap = <T,>(selector: (m: ArgumentMap) => T): T => useStore(editor, (s) => selector(s.history.present));

/**
 * Whether nothing may be edited: the map is locked for reading (its saved view says so, so the
 * lock travels with the file and with undo), or this window is. The one rule every write below
 * obeys: selection, reading, following quotes and the status still work.
 */
export const isReadOnly = (s: EditorState = editor.getState()): boolean => s.presentation !== null || s.history.present.view.readOnly === true || s.live?.mayEdit === 'nothing';
export const useReadOnly = (): boolean => useStore(editor, (s) => isReadOnly(s));

export const READ_ONLY_REASON = 'The map is locked for reading. Unlock it (the “Read-only” marker in the toolbar) to edit.';
export const LIVE_READ_ONLY_REASON = 'You follow this seminar read-only: the instructor edits the map. You can still select, read and follow the quotes.';
const readOnlyReason = (s: EditorState) => (s.live?.mayEdit === 'nothing' && s.presentation === null ? LIVE_READ_ONLY_REASON : READ_ONLY_REASON);

/** Keeps selection and the node being edited pointing at things that still exist. */
function prune(s: EditorState, history: History): Partial<EditorState> {
  const map = history.present;
  const nodes = s.selection.nodes.filter((id) => Object.hasOwn(map.nodes, id));
  const relations = s.selection.relations.filter((id) => Object.hasOwn(map.relations, id));
  const selection = nodes.length === s.selection.nodes.length && relations.length === s.selection.relations.length ? s.selection : { nodes, relations };
  return {
    history,
    selection,
    editing: s.editing && Object.hasOwn(map.nodes, s.editing) ? s.editing : null,
    focusQuote: s.focusQuote && Object.hasOwn(map.nodes, s.focusQuote) ? s.focusQuote : null,
  };
}

export function notify(notice: Notice | null): void {
  editor.setState({ notice });
}

/**
 * Runs an operation as one undoable step; a refusal is returned in its words and shown
 * nowhere (forms show it next to their field). Null when the step was taken.
 */
export function attempt(op: Operation): string | null {
  const r = attemptStep(op);
  return r.ok ? null : r.reason;
}

const NOT_RENAMED: ReadonlyMap<Id, Id> = new Map();

/**
 * `attempt`, telling the caller which records the step added under another id than the one it
 * made (in a seminar: an id another peer could make takes this peer's, arguments/live/ids.ts).
 */
export function attemptStep(op: Operation): { ok: true; renamed: ReadonlyMap<Id, Id> } | { ok: false; reason: string } {
  const s = editor.getState();
  // A presenting window takes not even the unlock: only its file's lock is the instructor's to lift.
  if (isReadOnly(s) && !(changesOnlyTheLock(op) && s.presentation === null && s.live?.mayEdit !== 'nothing')) return { ok: false, reason: readOnlyReason(s) };
  if (liveDocument) {
    const r = liveDocument.apply(op);
    if (!r.ok) return r;
    const now = editor.getState();
    const shown = { ...prune(now, liveHistory(r.map)), live: r.marker };
    editor.setState(r.map.view.readOnly ? { ...shown, editing: null, creation: null } : shown);
    return { ok: true, renamed: r.renamed ?? NOT_RENAMED };
  }
  const r = commit(s.history, op);
  if (!r.ok) return r;
  // Locking ends an edit in place: its text could no longer be saved.
  editor.setState(r.history.present.view.readOnly ? { ...prune(s, r.history), editing: null, creation: null } : prune(s, r.history));
  return { ok: true, renamed: NOT_RENAMED };
}

/** Runs an operation as one undoable step; a refusal is shown, not thrown. */
export function run(op: Operation): boolean {
  const reason = attempt(op);
  if (reason !== null) notify({ kind: 'error', title: `Cannot ${op.label.toLowerCase()}`, lines: [reason] });
  return reason === null;
}

/** A frame of a gesture (a drag): shown, not recorded; the gesture ends with `run`. */
export function previewOp(op: Operation): void {
  const s = editor.getState();
  if (isReadOnly(s)) return;
  if (liveDocument) return liveDocument.preview(op);
  editor.setState({ history: preview(s.history, op) });
}

/**
 * A drag frame: `moveNodes` applied to a copy of the map made where positions change only (immer
 * would walk and freeze every position of a 10,000-node map on each frame); the same check and
 * the same writes as the operation, shown at once and not recorded, like `previewOp`.
 */
export function previewMove(positions: Readonly<Record<Id, Point>>): void {
  const s = editor.getState();
  if (isReadOnly(s)) return;
  if (liveDocument) return liveDocument.preview(moveNodes(positions));
  const op = moveNodes(positions);
  const present = s.history.present;
  if (op.check?.(present)) return;
  const next: ArgumentMap = { ...present, view: { ...present.view, positions: { ...present.view.positions } } };
  op.apply(next as Draft<ArgumentMap>);
  // Frozen like every map the store holds (immer freezes its results).
  Object.freeze(next.view.positions);
  Object.freeze(next.view);
  Object.freeze(next);
  editor.setState({ history: { ...s.history, present: next, gestureBase: s.history.gestureBase ?? present } });
}

/** Ends a gesture unrecorded: the map is again as it was when the gesture began. */
export function cancelPreview(): void {
  const s = editor.getState();
  if (liveDocument) return liveDocument.cancelGesture();
  if (s.history.gestureBase) editor.setState({ history: cancelGesture(s.history) });
}

/** Undo and redo change the map too: refused while it is read-only (undoing the lock is unlocking). */
export function undoChange(): void {
  const s = editor.getState();
  if (isReadOnly(s)) return notify({ kind: 'info', title: 'Read-only', lines: [readOnlyReason(s)] });
  if (liveDocument) return liveDocument.undo();
  if (canUndo(s.history)) editor.setState(prune(s, undo(s.history)));
}

export function redoChange(): void {
  const s = editor.getState();
  if (isReadOnly(s)) return notify({ kind: 'info', title: 'Read-only', lines: [readOnlyReason(s)] });
  if (liveDocument) return liveDocument.redo();
  if (canRedo(s.history)) editor.setState(prune(s, redo(s.history)));
}

export const useUndoState = () =>
  useEditorShallow((s) =>
    s.live
      ? { canUndo: !isReadOnly(s) && s.live.canUndo, canRedo: !isReadOnly(s) && s.live.canRedo, undoLabel: s.live.undoLabel, redoLabel: s.live.redoLabel }
      : { canUndo: !isReadOnly(s) && canUndo(s.history), canRedo: !isReadOnly(s) && canRedo(s.history), undoLabel: undoLabel(s.history), redoLabel: redoLabel(s.history) },
  );

export function select(selection: Selection): void {
  const cur = editor.getState().selection;
  const same = (a: readonly Id[], b: readonly Id[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (same(cur.nodes, selection.nodes) && same(cur.relations, selection.relations)) return;
  const only = selection.nodes.length === 1 ? selection.nodes[0]! : null;
  const map = getMap();
  editor.setState({ selection, focusQuote: only && Object.hasOwn(map.nodes, only) && map.nodes[only]!.quote ? only : editor.getState().focusQuote });
}

export const clearSelection = () => select(EMPTY);

/** Replaces the open document (after the caller has asked about unsaved changes). */
export function replaceDocument(doc: OpenDocument): void {
  // Another document (opened, restored) ends the seminar in this page first.
  if (liveDocument) {
    const left = liveDocument;
    liveDocument = null;
    editor.setState({ live: null });
    left.leave();
  }
  editor.setState({ ...doc, selection: EMPTY, editing: null, creation: null, focusQuote: null, notice: null, fitRequest: editor.getState().fitRequest + 1, fitMode: 'opening', fitNodes: null, presentation: null });
}

export function markSaved(name: string, fileRef: unknown): void {
  editor.setState((s) => ({ name, fileRef, saved: savePoint(s.history) }));
}

/**
 * Starts (or, with null, stops) editing a node's text in place. `createdFrom`, given right after
 * the step that added the node, is the document before it: see `finishEditing`.
 */
export function startEditing(id: Id | null, createdFrom?: Creation['before']): void {
  if (id !== null && isReadOnly()) return notify({ kind: 'info', title: 'Read-only', lines: [readOnlyReason(editor.getState())] });
  const refused = id !== null ? (liveDocument?.refuseNodeEdit(id) ?? null) : null;
  if (refused !== null) return notify({ kind: 'info', title: 'Not your node', lines: [refused] });
  const { history } = editor.getState();
  if (liveDocument) {
    const added = liveDocument.lastStep();
    const creation = id !== null && createdFrom && added ? { id, before: createdFrom, added } : null;
    return editor.setState({ editing: id, creation });
  }
  const added = history.past[history.past.length - 1];
  const creation = id !== null && createdFrom && added && history.past.length === createdFrom.history.past.length + 1 ? { id, before: createdFrom, added } : null;
  editor.setState({ editing: id, creation });
}

/**
 * Ends editing `id` in place with its new text, or null for Esc. A node just added and never
 * written is taken back by Esc without a trace (map, undo and redo as before); its first text
 * joins its creation as one undo step. Ignored when `id` is not being edited (a second blur).
 */
export function finishEditing(id: Id, text: string | null): 'saved' | 'unchanged' | 'discarded' | 'ignored' {
  const s = editor.getState();
  if (s.editing !== id) return 'ignored';
  const last = s.creation !== null && s.creation.added === (liveDocument ? liveDocument.lastStep() : s.history.past[s.history.past.length - 1]);
  const c = s.creation?.id === id && last ? s.creation : null;
  editor.setState({ editing: null, creation: null });
  const map = s.history.present;
  const node = Object.hasOwn(map.nodes, id) ? map.nodes[id]! : undefined;
  if (!node) return 'ignored';
  if (text === null) {
    if (!c || node.text !== '') return 'unchanged';
    if (liveDocument) {
      liveDocument.dropLast(c.added);
      editor.setState({ selection: c.before.selection });
      return 'discarded';
    }
    editor.setState(prune({ ...editor.getState(), selection: c.before.selection }, c.before.history));
    return 'discarded';
  }
  if (text === node.text) return 'unchanged';
  if (c && liveDocument) {
    const reason = liveDocument.applyToLast(c.added, editNode(id, { text }));
    if (reason !== null) notify({ kind: 'error', title: 'Cannot edit node', lines: [reason] });
    return reason === null ? 'saved' : 'unchanged';
  }
  if (!run(editNode(id, { text }))) return 'unchanged';
  if (c) editor.setState((now) => ({ history: squashLast(now.history, (c.added as Change).label) }));
  return 'saved';
}

export function requestFit(): void {
  editor.setState((s) => ({ fitRequest: s.fitRequest + 1, fitMode: 'all', fitNodes: null }));
}

/**
 * Shows `part` (a presentation's map so far) in place of the document, read-only, and frames
 * `focus` (unless `frame` is false: the same step again, the view left where it is). The document itself is kept aside, untouched, until `endPresenting` gives it back.
 */
export function showPresented(part: ArgumentMap, focus: readonly Id[], frame = true): void {
  editor.setState((s) => {
    const presentation = s.presentation ?? { document: { history: s.history, name: s.name, fileRef: s.fileRef, saved: s.saved }, selection: s.selection };
    const history = createHistory(part);
    // The same step again keeps what is selected in it (and still shown).
    if (!frame) return { presentation, ...prune(s, history), saved: savePoint(history), editing: null, creation: null };
    return { presentation, history, saved: savePoint(history), editing: null, creation: null, selection: EMPTY, focusQuote: null, fitRequest: s.fitRequest + 1, fitMode: 'all', fitNodes: focus };
  });
}

/** Ends a presentation: the document, its history and its selection as they were. */
export function endPresenting(): void {
  editor.setState((s) => {
    if (!s.presentation) return {};
    const { document, selection } = s.presentation;
    return { ...document, selection, presentation: null, editing: null, creation: null, fitRequest: s.fitRequest + 1, fitMode: 'all', fitNodes: null };
  });
}

/** Asks the canvas for the document's opening view (its thesis and the claims that bear on it, legible). */
export function requestOpeningView(): void {
  editor.setState((s) => ({ fitRequest: s.fitRequest + 1, fitMode: 'opening' }));
}
