// The Replace Text dialog's state (a corrected transcription, or the text of a source
// imported without one): the source, the new text pasted or read from a file. The report of
// what happens to the quotes is computed by the dialog (replaceFlow.ts). No DOM here.
import { createStore, useStore } from 'zustand';
import type { Id } from '../../arguments/model';
import { abortReading, type ReadingState } from './reading';

export interface ReplaceState extends ReadingState {
  sourceId: Id | null;
  pasted: string;
}

const closed = (session: number): ReplaceState => ({ open: false, session, sourceId: null, way: 'paste', pasted: '', file: { stage: 'none' }, problem: null });

export const replaceDialog = createStore<ReplaceState>(() => closed(0));
export const useReplaceDialog = <T,>(sel: (s: ReplaceState) => T): T => useStore(replaceDialog, sel);

export function openReplaceText(sourceId: Id): void {
  abortReading(replaceDialog);
  replaceDialog.setState((s) => ({ ...closed(s.session + 1), open: true, sourceId }));
}

export function closeReplaceText(): void {
  abortReading(replaceDialog);
  replaceDialog.setState((s) => closed(s.session));
}
