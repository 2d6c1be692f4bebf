// The Export Handout dialog's open state and the choices it remembers between exports.
import { createStore, useStore } from 'zustand';
import { DEFAULT_HANDOUT_PAGING, isHandoutPaging, type HandoutPaging } from '../../arguments/export/handout/paging';
import { readRemembered, remember } from '../export/remembered';

const KEY = 'argument-atlas.handoutExport';

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
  const c = readRemembered(KEY);
  return {
    format: oneOf(HANDOUT_FORMATS, c.format, 'html'),
    paging: typeof c.paging === 'string' && isHandoutPaging(c.paging) ? c.paging : DEFAULT_HANDOUT_PAGING,
    blanks: oneOf(BLANK_CHOICES, c.blanks, 'none'),
  };
}

export function rememberHandoutChoices(c: HandoutChoices): void {
  remember(KEY, c);
}

export const handoutExportDialog = createStore<{ open: boolean }>(() => ({ open: false }));
export const useHandoutExportDialog = <T,>(sel: (s: { open: boolean }) => T) => useStore(handoutExportDialog, sel);
export const openHandoutExport = () => handoutExportDialog.setState({ open: true });
export const closeHandoutExport = () => handoutExportDialog.setState({ open: false });
