// State of the file layer's dialogs, so commands can await the user's answer
// (`await askToSave(name)`) while FileDialogs.tsx renders the question.
import { createStore, useStore } from 'zustand';
import type { Backup } from '../platform/types';

export type SaveChoice = 'save' | 'discard' | 'cancel';

interface SaveQuestion {
  /** Distinguishes successive questions (a new one gets a fresh dialog). */
  id: number;
  /** 'save': Save / Don't Save / Cancel before the document is replaced. 'revert': Revert / Cancel. */
  kind: 'save' | 'revert';
  /** The document's name, as shown in the question. */
  name: string;
  answer: (choice: SaveChoice) => void;
}

export interface FileDialogState {
  /** The open Save / Don't Save / Cancel question. */
  saveQuestion: SaveQuestion | null;
  /** A backup found at startup, offered for restoring until the user decides. */
  recovery: Backup | null;
}

export const fileDialogs = createStore<FileDialogState>(() => ({ saveQuestion: null, recovery: null }));
export const useFileDialogs = <T,>(sel: (s: FileDialogState) => T): T => useStore(fileDialogs, sel);

/** Asks whether to save the changes to `name`; a question still open is answered "cancel". */
let asked = 0;

export function askToSave(name: string, kind: SaveQuestion['kind'] = 'save'): Promise<SaveChoice> {
  fileDialogs.getState().saveQuestion?.answer('cancel');
  return new Promise((resolve) => {
    const question: SaveQuestion = {
      id: ++asked,
      kind,
      name,
      answer: (choice) => {
        if (fileDialogs.getState().saveQuestion === question) fileDialogs.setState({ saveQuestion: null });
        resolve(choice);
      },
    };
    fileDialogs.setState({ saveQuestion: question });
  });
}

/** Asks whether to throw away the changes and go back to the saved file: 'discard' (Revert) or 'cancel'. */
export function askToRevert(name: string): Promise<SaveChoice> {
  return askToSave(name, 'revert');
}

/** Answers the open question (the dialog's buttons; Esc is "cancel"). */
export function answerSaveQuestion(choice: SaveChoice): void {
  fileDialogs.getState().saveQuestion?.answer(choice);
}

export function offerRecovery(backup: Backup | null): void {
  fileDialogs.setState({ recovery: backup });
}
