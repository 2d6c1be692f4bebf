// The Export Handout dialog's open state and the choices it remembers between exports.
import { createStore, useStore } from 'zustand';
import { DEFAULT_HANDOUT_PAGING, isHandoutPaging, type HandoutPaging } from '../../arguments/export/handout/paging';

const KEY = 'argument-atlas.handoutExport';
const storage = () => (globalThis as { localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void } }).localStorage;

export const HANDOUT_FORMATS = ['html', 'pdf'] as const;
export type HandoutFormat = (typeof HANDOUT_FORMATS)[number];
/** What a worksheet blanks: nothing (a handout), every counter-consideration, or the nodes chosen. */
export const BLANK_CHOICES = ['none', 'counters', 'chosen'] as const;
export type BlankChoice = (typeof BLANK_CHOICES)[number];

export interface HandoutChoices {
  format: HandoutFormat;
  paging: HandoutPaging;
  blanks: BlankChoice;
}

const oneOf = <T extends string>(list: readonly T[], value: unknown, fallback: T): T => (typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : fallback);

export function readHandoutChoices(): HandoutChoices {
  let raw: unknown = null;
  try {
    raw = JSON.parse(storage()?.getItem(KEY) ?? 'null');
  } catch {
    raw = null;
  }
  const c = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    format: oneOf(HANDOUT_FORMATS, c.format, 'html'),
    paging: typeof c.paging === 'string' && isHandoutPaging(c.paging) ? c.paging : DEFAULT_HANDOUT_PAGING,
    blanks: oneOf(BLANK_CHOICES, c.blanks, 'none'),
  };
}

export function rememberHandoutChoices(c: HandoutChoices): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(c));
  } catch {
    // Storage full or disabled: not remembered.
  }
}

export const handoutExportDialog = createStore<{ open: boolean }>(() => ({ open: false }));
export const useHandoutExportDialog = <T,>(sel: (s: { open: boolean }) => T) => useStore(handoutExportDialog, sel);
export const openHandoutExport = () => handoutExportDialog.setState({ open: true });
export const closeHandoutExport = () => handoutExportDialog.setState({ open: false });
