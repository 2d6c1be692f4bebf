// The Export Outline dialog's open state and the format it remembers.
import { createStore, useStore } from 'zustand';
import { isOutlineFormat, type OutlineFormat } from './outlineFormats';
import { readRemembered, remember } from './remembered';

const KEY = 'argument-atlas.outlineExport';

export interface OutlineChoices {
  format: OutlineFormat;
  /** Say for each thesis and claim whether it stands (outlines only). */
  status: boolean;
}

export function readOutlineChoices(): OutlineChoices {
  const c = readRemembered(KEY);
  return { format: typeof c.format === 'string' && isOutlineFormat(c.format) ? c.format : 'docx', status: c.status === true };
}

export function rememberOutlineChoices(c: OutlineChoices): void {
  remember(KEY, c);
}

export const outlineExportDialog = createStore<{ open: boolean }>(() => ({ open: false }));
export const useOutlineExportDialog = <T,>(sel: (s: { open: boolean }) => T) => useStore(outlineExportDialog, sel);
export const openOutlineExport = () => outlineExportDialog.setState({ open: true });
export const closeOutlineExport = () => outlineExportDialog.setState({ open: false });
