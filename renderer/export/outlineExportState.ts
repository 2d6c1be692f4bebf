// The Export Outline dialog's open state and the format it remembers.
import { createStore, useStore } from 'zustand';
import { isOutlineFormat, type OutlineFormat } from './outlineFormats';

const KEY = 'argument-atlas.outlineExport';
const storage = () => (globalThis as { localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void } }).localStorage;

export interface OutlineChoices {
  format: OutlineFormat;
  /** Say for each thesis and claim whether it stands (outlines only). */
  status: boolean;
}

export function readOutlineChoices(): OutlineChoices {
  let raw: unknown = null;
  try {
    raw = JSON.parse(storage()?.getItem(KEY) ?? 'null');
  } catch {
    raw = null;
  }
  const c = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return { format: typeof c.format === 'string' && isOutlineFormat(c.format) ? c.format : 'docx', status: c.status === true };
}

export function rememberOutlineChoices(c: OutlineChoices): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(c));
  } catch {
    // Storage full or disabled: not remembered.
  }
}

export const outlineExportDialog = createStore<{ open: boolean }>(() => ({ open: false }));
export const useOutlineExportDialog = <T,>(sel: (s: { open: boolean }) => T) => useStore(outlineExportDialog, sel);
export const openOutlineExport = () => outlineExportDialog.setState({ open: true });
export const closeOutlineExport = () => outlineExportDialog.setState({ open: false });
