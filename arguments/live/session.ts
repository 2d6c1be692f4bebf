// One person's side of a live document: their operations, their undo, their ids, and the repairs
// after what others sent. Design:
// - Undo is a Y.UndoManager over every part of the document that tracks only this session's
//   origin: undo takes back this person's own changes and never a co-author's (Yjs does not let an
//   undo overwrite a later remote change of the same field), and a remote edit never lands on
//   anyone's undo stack. Its steps cost what the change cost, not the size of the map.
// - One operation is one undo step: steps are captured without a time limit and closed after each
//   `apply`. A drag's frames (`preview`, each shown to the others at once) stay open until the
//   drop's `apply`, so the whole drag is one step, as the store's gesture is today (history.ts).
// - After a remote transaction or an undo that added, removed or re-aimed a record, the
//   normaliser (normalize.ts) restores the loader's invariants in its own transaction.
// - New ids come from the peer's own namespace (ids.ts).
import * as Y from 'yjs';
import type { Operation } from '../history';
import type { ArgumentMap, Id } from '../model';
import { applyOperation, type ApplyResult, type Vet } from './apply';
import { livePeerId } from './ids';
import { SECTIONS } from './mirror';
import { normalize, NORMALIZE_ORIGIN } from './normalize';
import { snapshotOf, touchedBy, type Snapshot, type Touched } from './snapshot';
import type { MergeRepair } from '../compare/normalize';

export interface LiveSessionOptions {
  /** The origin of this person's transactions (default: a new object, one per session). */
  origin?: object;
  /** Called with the repairs the normaliser made after a remote update or an undo. */
  onRepair?: (repairs: MergeRepair[]) => void;
}

export class LiveSession {
  readonly origin: object;
  readonly undoManager: Y.UndoManager;
  private readonly snapshot: Snapshot;
  private gestureOpen = false;
  private label = '';
  private readonly listeners = new Set<(touched: Touched, origin: unknown) => void>();
  private readonly afterTransaction = (tr: Y.Transaction) => {
    // The map before this transaction (not yet refreshed): where a repair finds a deleted source.
    const before = this.snapshot.lastRead;
    const foreign = !(tr.origin === NORMALIZE_ORIGIN || (tr.local && tr.origin !== this.undoManager));
    const touched = this.listeners.size > 0 || foreign ? touchedBy(this.doc, tr) : null;
    if (foreign && touched?.structural) {
      const repairs = normalize(this.doc, [before]);
      if (repairs.length > 0) this.options.onRepair?.(repairs);
    }
    if (touched) for (const l of this.listeners) l(touched, tr.origin);
  };

  constructor(readonly doc: Y.Doc, private readonly options: LiveSessionOptions = {}) {
    this.origin = options.origin ?? { session: doc.clientID };
    this.snapshot = snapshotOf(doc);
    this.undoManager = new Y.UndoManager(
      SECTIONS.map((s) => doc.getMap(s)),
      { trackedOrigins: new Set([this.origin]), captureTimeout: Number.POSITIVE_INFINITY },
    );
    const name = (e: { stackItem: { meta: Map<string, unknown> }; type: 'undo' | 'redo'; origin: unknown }) => {
      // An undo makes a new redo item (and a redo a new undo item): it keeps the step's label.
      if (e.origin === this.origin || e.origin === this.undoManager) e.stackItem.meta.set('label', this.label);
    };
    this.undoManager.on('stack-item-added', name);
    this.undoManager.on('stack-item-updated', name);
    doc.on('afterTransaction', this.afterTransaction);
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.afterTransaction);
    this.undoManager.destroy();
  }

  /** The map as the document holds it now (a plain, immutable-by-convention ArgumentMap). */
  get map(): ArgumentMap {
    return this.snapshot.current;
  }

  /**
   * Calls `listener` after every transaction (this person's, a peer's, an undo, a repair) with the
   * records it touched: a view can redraw those without comparing whole maps. Returns the unsubscriber.
   */
  onChange(listener: (touched: Touched, origin: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One undoable step (a drag in progress ends with it, as one step). */
  apply(op: Operation, vet?: Vet): ApplyResult {
    if (!this.gestureOpen) this.undoManager.stopCapturing();
    const result = this.run(op, vet);
    this.gestureOpen = false;
    this.undoManager.stopCapturing();
    return result;
  }

  /** A frame of a gesture (a drag): shared at once, undone together with the `apply` that ends it. */
  preview(op: Operation, vet?: Vet): ApplyResult {
    if (!this.gestureOpen) this.undoManager.stopCapturing();
    this.gestureOpen = true;
    return this.run(op, vet);
  }

  /** Takes back the frames of an unfinished gesture. */
  cancelGesture(): void {
    if (!this.gestureOpen) return;
    this.gestureOpen = false;
    this.takeBackLast();
  }

  /**
   * This person's last step, to compare by identity: while `lastStep()` returns the same object, no
   * step of theirs came after it (amending it keeps it the same object).
   */
  lastStep(): object | undefined {
    return this.undoManager.undoStack.at(-1);
  }

  /**
   * Runs `op` as part of `step`, this person's last step, under that step's label (a new node's
   * first text joins its creation). Refused when `step` is not the last step any more.
   */
  amendLast(step: object, op: Operation, vet?: Vet): ApplyResult {
    this.cancelGesture();
    if (this.lastStep() !== step) return { ok: false, reason: 'That step is no longer your last one: it can only be changed by a step of its own.' };
    this.label = this.undoLabel() ?? op.label;
    // Capturing was closed after the step: reopened for this one transaction, it joins the step.
    this.undoManager.lastChange = Date.now();
    const result = applyOperation(this.doc, op, this.origin, vet);
    this.undoManager.stopCapturing();
    return result;
  }

  /** Takes back `step`, this person's last step, and forgets it (no redo of it); false when it is not the last. */
  dropLast(step: object): boolean {
    this.cancelGesture();
    if (this.lastStep() !== step) return false;
    this.takeBackLast();
    return true;
  }

  /** Undoes the last undo item and drops the redo item that undo made (only when there was one to undo). */
  private takeBackLast(): void {
    if (this.undoManager.undo()) this.undoManager.redoStack.pop();
    this.undoManager.stopCapturing();
  }

  undo(): boolean {
    this.cancelGesture();
    this.label = this.undoLabel() ?? '';
    return this.undoManager.undo() !== null;
  }

  redo(): boolean {
    this.cancelGesture();
    this.label = this.redoLabel() ?? '';
    return this.undoManager.redo() !== null;
  }

  canUndo = () => this.undoManager.canUndo();
  canRedo = () => this.undoManager.canRedo();
  undoLabel = (): string | undefined => this.undoManager.undoStack.at(-1)?.meta.get('label') as string | undefined;
  redoLabel = (): string | undefined => this.undoManager.redoStack.at(-1)?.meta.get('label') as string | undefined;

  /** An id no other peer of the document can make (for the caller's addNode, connect, …). */
  freshId(prefix: string, taken?: ReadonlySet<Id>): Id {
    return livePeerId(this.doc, this.map, prefix, taken);
  }

  private run(op: Operation, vet?: Vet): ApplyResult {
    this.label = op.label;
    return applyOperation(this.doc, op, this.origin, vet);
  }
}
