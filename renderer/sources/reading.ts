// Reading a document for a dialog (Add Source, Replace Text): the platform's Open dialog, the
// intake with progress and Cancel, and what the dialog shows at each stage. Each dialog keeps
// its own store; a read belongs to one opening of it (its session), and what a read finds
// after the dialog was closed or reopened is dropped. No DOM, and only types of the intake:
// the stores that import this stay light.
import type { StoreApi } from 'zustand';
import type { Intake, IntakeOptions, IntakeResult } from '../../arguments/intake/types';
import type { OpenedDocument, Platform } from '../platform/types';

export type SourceWay = 'paste' | 'file';

export type FileStage =
  | { stage: 'none' }
  /** The platform's Open dialog is showing. */
  | { stage: 'choosing' }
  /** A document to read as soon as the dialog is up (a dropped file, a map-less Open). */
  | { stage: 'pending'; document: OpenedDocument }
  | { stage: 'reading'; name: string; done: number; total: number }
  | { stage: 'ready'; name: string; intake: Intake }
  /** The message is the intake's (or the platform's) sentence, with nothing added. */
  | { stage: 'failed'; name: string | null; message: string };

/** What a dialog that reads documents keeps. */
export interface ReadingState {
  open: boolean;
  session: number;
  way: SourceWay;
  file: FileStage;
  problem: string | null;
}

/** Reads a document as a source text: the intake, with the platform's pdf.js. */
export type DocumentReader = (name: string, bytes: Uint8Array, options: Pick<IntakeOptions, 'onProgress' | 'signal'>) => Promise<IntakeResult>;

const reads = new WeakMap<object, AbortController>();

/** A signal for one read of `store`'s dialog; a new read, Cancel or closing aborts it. */
function beginReading(store: object): AbortSignal {
  reads.get(store)?.abort();
  const controller = new AbortController();
  reads.set(store, controller);
  return controller.signal;
}

export function abortReading(store: object): void {
  reads.get(store)?.abort();
  reads.delete(store);
}

/**
 * Reads `document` in the dialog's current session. A cancelled read goes back to choosing a
 * file; a refusal is the intake's sentence. `onReady` adds what the dialog offers from the
 * document (a title).
 */
export async function readDocumentInto<S extends ReadingState>(store: StoreApi<S>, document: OpenedDocument, reader: DocumentReader, onReady?: (s: S, intake: Intake) => Partial<S>): Promise<void> {
  const { session } = store.getState();
  const current = () => store.getState().open && store.getState().session === session;
  const signal = beginReading(store);
  const patch = (p: Partial<ReadingState>) => store.setState(p as Partial<S>);
  patch({ way: 'file', problem: null, file: { stage: 'reading', name: document.name, done: 0, total: 0 } });
  let result: IntakeResult;
  try {
    result = await reader(document.name, document.bytes, {
      signal,
      onProgress: (done, total) => {
        if (current() && !signal.aborted) patch({ file: { stage: 'reading', name: document.name, done, total } });
      },
    });
  } catch (err) {
    // The intake never throws; a failed lazy load of pdf.js does.
    result = { ok: false, error: { code: 'damaged', message: `“${document.name}” could not be read (${err instanceof Error ? err.message : String(err)}).` } };
  }
  if (!current() || signal.aborted) return;
  reads.delete(store);
  if (!result.ok) {
    patch({ file: result.error.code === 'cancelled' ? { stage: 'none' } : { stage: 'failed', name: document.name, message: result.error.message } });
    return;
  }
  const intake = result.intake;
  store.setState((s) => ({ ...(onReady?.(s, intake) ?? {}), file: { stage: 'ready', name: document.name, intake } }) as Partial<S>);
}

/** Reads the document a drop or an Open left pending, once. */
export function readPendingInto<S extends ReadingState>(store: StoreApi<S>, reader: DocumentReader, onReady?: (s: S, intake: Intake) => Partial<S>): void {
  const file = store.getState().file;
  if (file.stage === 'pending') void readDocumentInto(store, file.document, reader, onReady);
}

/** The platform's Open dialog for a source document, then reading it; the platform's refusal is shown as it words it. */
export async function chooseFileInto<S extends ReadingState>(store: StoreApi<S>, platform: Pick<Platform, 'openDocument'>, reader: DocumentReader, onReady?: (s: S, intake: Intake) => Partial<S>): Promise<void> {
  const { session, file: before } = store.getState();
  const patch = (p: Partial<ReadingState>) => store.setState(p as Partial<S>);
  patch({ file: { stage: 'choosing' }, problem: null });
  let document: OpenedDocument | null;
  try {
    document = await platform.openDocument('source');
  } catch (err) {
    if (store.getState().session === session) patch({ file: { stage: 'failed', name: null, message: err instanceof Error && err.message ? err.message : 'The file could not be read.' } });
    return;
  }
  if (store.getState().session !== session || !store.getState().open) return;
  if (!document) {
    patch({ file: before.stage === 'choosing' ? { stage: 'none' } : before });
    return;
  }
  await readDocumentInto(store, document, reader, onReady);
}

/** Cancel during a read: the read stops, the dialog stays open to choose another file. */
export function cancelReadingIn(store: StoreApi<ReadingState>): void {
  if (store.getState().file.stage !== 'reading') return;
  abortReading(store);
  store.setState({ file: { stage: 'none' } });
}
