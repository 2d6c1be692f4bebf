// The Add Source dialog's state: which way in (pasted text or a file), where reading the
// file is, and the fields filled in before adding. Light on purpose: the toolbar, the
// keyboard, the host's menu and drops open the dialog through it on the first-paint path;
// reading and adding are in addSourceFlow.ts, loaded with the dialog.
// No DOM here, so Node tests drive it.
import { createStore, useStore } from 'zustand';
import type { SourceRole } from '../../arguments/model';
import type { OpenedDocument } from '../platform/types';
import { abortReading, type ReadingState, type SourceWay } from './reading';

export type { FileStage, SourceWay } from './reading';

export interface SourceFields {
  title: string;
  role: SourceRole;
  /** EDTF, checked as it is typed. */
  date: string;
  author: string;
}

export interface AddSourceState extends ReadingState {
  pasted: string;
  fields: SourceFields;
  /** The user typed the title: a new paste or file no longer replaces it. */
  titleEdited: boolean;
}

export const EMPTY_FIELDS: SourceFields = { title: '', role: 'primary', date: '', author: '' };

const closed = (session: number): AddSourceState => ({
  open: false,
  session,
  way: 'paste',
  pasted: '',
  file: { stage: 'none' },
  fields: EMPTY_FIELDS,
  titleEdited: false,
  problem: null,
});

export const addSourceDialog = createStore<AddSourceState>(() => closed(0));
export const useAddSourceDialog = <T,>(sel: (s: AddSourceState) => T): T => useStore(addSourceDialog, sel);

export interface AddSourceStart {
  way?: SourceWay;
  /** Text for the paste tab (pasted on the canvas). */
  text?: string;
  /** A file to read (dropped on the window, or opened as a map when it is a document). */
  document?: OpenedDocument;
}

/** Opens the dialog afresh (one already open is replaced: the newest request wins). */
export function openAddSource(start: AddSourceStart = {}): void {
  abortReading(addSourceDialog);
  const session = addSourceDialog.getState().session + 1;
  addSourceDialog.setState({
    ...closed(session),
    open: true,
    way: start.way ?? (start.document ? 'file' : 'paste'),
    pasted: start.text ?? '',
    file: start.document ? { stage: 'pending', document: start.document } : { stage: 'none' },
  });
}

export function closeAddSource(): void {
  abortReading(addSourceDialog);
  addSourceDialog.setState((s) => closed(s.session));
}
