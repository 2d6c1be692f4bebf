// Documents a historian brings in: a letter or an article to add as a source, a Zotero export
// to import records from. The Open dialog for each purpose, and the guarded read: regular
// files only (a named pipe is refused at once, never waited on), refused over the intake size
// limit with its sentence before anything is read. The bytes are copied into the map, so
// neither a path nor a token goes back to the window: only the file's name.
// No Electron at run time (the dialog is handed in): unit-tested directly.
import type { OpenDialogOptions } from 'electron';
import { basename } from 'node:path';
import { checkFileSize, MAX_SOURCE_FILE_BYTES } from '../../arguments/intake/limits';
import { DOCUMENT_EXTENSIONS, type DocumentPurpose } from '../../renderer/platform/types';
import type { Outcome, WireDocument } from '../ipc-contract';
import { FileServiceError, readFileGuarded, type ServiceFs } from './fileService';

/** The dialog's title and its filter's name (the browser's picker says the same, renderer/platform/web.ts). */
const DIALOGS = {
  source: { title: 'Add Source', filter: 'Documents (text, Markdown, PDF, Word, HTML)' },
  bibliography: { title: 'Import Bibliography', filter: 'Bibliographies (BibTeX, BibLaTeX, CSL-JSON)' },
} satisfies Record<DocumentPurpose, { title: string; filter: string }>;

/** The Open dialog for `purpose`, starting in `folder` when there is one. */
export function documentDialogOptions(purpose: DocumentPurpose, folder: string | null): OpenDialogOptions {
  const { title, filter } = DIALOGS[purpose];
  return {
    title,
    properties: ['openFile'],
    filters: [
      { name: filter, extensions: DOCUMENT_EXTENSIONS[purpose].map((ext) => ext.slice(1)) },
      // The content decides in the end (a letter saved as .text, a Zotero export as .csljson).
      { name: 'All files', extensions: ['*'] },
    ],
    ...(folder ? { defaultPath: folder } : {}),
  };
}

/** The intake's own refusal (arguments/intake/limits.ts), so the app, the browser and the CLI say the same. */
function tooLarge(name: string, size: number): string {
  return checkFileSize(name, size)?.message ?? `“${name}” is larger than a source file can be.`;
}

/** Reads a chosen document: its name without folders and its bytes. Throws FileServiceError with a sentence. */
export async function readDocument(path: string, fs?: ServiceFs): Promise<WireDocument> {
  const bytes = await readFileGuarded(path, MAX_SOURCE_FILE_BYTES, { tooLarge, ...(fs ? { fs } : {}) });
  return { name: basename(path), bytes };
}

/** A native Open dialog, for the window asking (dialog.showOpenDialog bound to it). */
export type ShowOpenDialog = (options: OpenDialogOptions) => Promise<{ canceled: boolean; filePaths: string[] }>;

export interface OpenedDocumentOutcome {
  outcome: Outcome<WireDocument | null>;
  /** The path the user chose (to start the next dialog in its folder); null when cancelled. Never sent to the window. */
  chosen: string | null;
}

/**
 * Asks for a document and reads it. Cancelling answers null; a file that cannot be read, or
 * a dialog that cannot be shown, answers with a sentence for the user.
 */
export async function openDocument(purpose: DocumentPurpose, show: ShowOpenDialog, folder: string | null, fs?: ServiceFs): Promise<OpenedDocumentOutcome> {
  let chosen: string | undefined;
  try {
    const answer = await show(documentDialogOptions(purpose, folder));
    chosen = answer.canceled ? undefined : answer.filePaths[0];
  } catch (err) {
    console.error('Argument Atlas could not show the Open dialog:', err);
    return { outcome: { ok: false, message: 'The Open dialog could not be shown.' }, chosen: null };
  }
  if (!chosen) return { outcome: { ok: true, value: null }, chosen: null };
  try {
    return { outcome: { ok: true, value: await readDocument(chosen, fs) }, chosen };
  } catch (err) {
    const message = err instanceof FileServiceError && err.message ? err.message : `“${basename(chosen)}” could not be read.`;
    return { outcome: { ok: false, message }, chosen };
  }
}
