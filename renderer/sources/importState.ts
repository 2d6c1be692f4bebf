// The Import Bibliography dialog's state: the file chosen and, once read, its records (each
// with a checkbox) and the problems of those that could not be read. Light, like
// addSourceState.ts: parsing (citation-js) is in importFlow.ts, loaded with the dialog.
// No DOM here.
import { createStore, useStore } from 'zustand';
import type { BibliographyProblem } from '../../arguments/cite/bibliography';
import type { CslItem } from '../../arguments/cite/csl-item';
import { host } from '../files/fileCommands';
import type { OpenedDocument } from '../platform/types';
import { notify } from '../store/store';

export interface ImportRow {
  record: CslItem;
  chosen: boolean;
  title: string;
  authors: string;
  year: string;
  type: string;
}

export type ImportStage =
  | { stage: 'reading'; document: OpenedDocument }
  | { stage: 'ready'; name: string; rows: ImportRow[]; problems: BibliographyProblem[] };

export interface ImportState {
  open: boolean;
  session: number;
  file: ImportStage | null;
  /** Why adding was refused, in the operation's words. */
  problem: string | null;
}

export const importDialog = createStore<ImportState>(() => ({ open: false, session: 0, file: null, problem: null }));
export const useImportDialog = <T,>(sel: (s: ImportState) => T): T => useStore(importDialog, sel);

/** Shows the records of `document` (the dialog parses it when it opens). */
export function openImport(document: OpenedDocument): void {
  importDialog.setState((s) => ({ open: true, session: s.session + 1, file: { stage: 'reading', document }, problem: null }));
}

export function closeImport(): void {
  importDialog.setState((s) => ({ open: false, session: s.session, file: null, problem: null }));
}

/** Import Bibliography…: the platform's Open dialog for a .bib or CSL-JSON file, then its records. */
export async function importBibliography(): Promise<void> {
  let document: OpenedDocument | null;
  try {
    document = await host().openDocument('bibliography');
  } catch (err) {
    notify({ kind: 'error', title: 'Could not import the bibliography', lines: [err instanceof Error && err.message ? err.message : 'The file could not be read.'] });
    return;
  }
  if (document) openImport(document);
}
