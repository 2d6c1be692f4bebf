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

/** Save As where the platform cannot ask (a browser download): the name to save under. */
interface NameQuestion {
  id: number;
  /** The name offered, to be edited. */
  name: string;
  answer: (name: string | null) => void;
}

export interface FileDialogState {
  /** The open "Save as what name?" question. */
  nameQuestion: NameQuestion | null;
  /** The open Save / Don't Save / Cancel question. */
  saveQuestion: SaveQuestion | null;
  /** A backup found at startup, offered for restoring until the user decides. */
  recovery: Backup | null;
}

export const fileDialogs = createStore<FileDialogState>(() => ({ saveQuestion: null, nameQuestion: null, recovery: null }));
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

/** Asks for the name to save under, offering `name`; null when the user cancels. */
export function askForFileName(name: string): Promise<string | null> {
  fileDialogs.getState().nameQuestion?.answer(null);
  return new Promise((resolve) => {
    const question: NameQuestion = {
      id: ++asked,
      name,
      answer: (chosen) => {
        if (fileDialogs.getState().nameQuestion === question) fileDialogs.setState({ nameQuestion: null });
        resolve(chosen);
      },
    };
    fileDialogs.setState({ nameQuestion: question });
  });
}

export function answerNameQuestion(name: string | null): void {
  fileDialogs.getState().nameQuestion?.answer(name);
}

export function offerRecovery(backup: Backup | null): void {
  fileDialogs.setState({ recovery: backup });
}
