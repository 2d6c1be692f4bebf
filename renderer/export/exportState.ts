// The Export dialog's open state and the choices it remembers between exports (in
// localStorage: format, theme, what to include, DPI, page, legend, caption).
import { createStore, useStore } from 'zustand';
import { DEFAULT_DPI, DEFAULT_FIGURE_OPTIONS, isFigureFormat, isPageSize, MAX_DPI, MIN_DPI, type FigureFormat, type PageSize } from '../../arguments/export/figure';
import { isThemeName, type ThemeName } from '../../arguments/export/themes';
import { isDetail, type Detail } from '../../arguments/export/detail';
import { DEFAULT_MIN_TYPE_PT, isPagePreset, MAX_WIDTH_MM, MIN_TYPE_RANGE_PT, MIN_WIDTH_MM, type PagePreset } from '../../arguments/export/page';
import { readRemembered, remember } from './remembered';

export const EXPORT_CHOICES_KEY = 'argument-atlas.export';

export type ScopeChoice = 'all' | 'selection' | 'subtree';

export interface ExportChoices {
  format: FigureFormat;
  theme: ThemeName;
  scope: ScopeChoice;
  /** The node whose subtree is exported (scope "subtree"). */
  root: string | null;
  counters: boolean;
  voices: boolean;
  legend: boolean;
  /** Draw what stands, falls or is open on each node (with the status legend). */
  statusBadges: boolean;
  /** List the full citation of each quoted source under the figure. */
  citations: boolean;
  dpi: number;
  page: PageSize;
  caption: string;
  /** Page-ready: the printed width (a preset, or 'custom' for widthMm); 'none' draws the map's own arrangement. */
  width: 'none' | PagePreset | 'custom';
  widthMm: number;
  minTypePt: number;
  /** 'auto': the most detail that fits. */
  detail: 'auto' | Detail;
  /** An overview and a figure per claim instead of one figure. */
  set: boolean;
  /** A set as separate files, or (PDF) as the pages of one file. */
  pages: 'each' | 'one';
}

export const DEFAULT_CHOICES: ExportChoices = {
  format: 'pdf',
  theme: DEFAULT_FIGURE_OPTIONS.theme,
  scope: 'all',
  root: null,
  counters: true,
  voices: true,
  legend: false,
  statusBadges: false,
  citations: false,
  dpi: DEFAULT_DPI,
  page: 'fit',
  caption: '',
  width: 'none',
  widthMm: 175,
  minTypePt: DEFAULT_MIN_TYPE_PT,
  detail: 'auto',
  set: false,
  pages: 'each',
};

/** Stored choices, each checked: a stale or edited entry falls back to the default. */
export function readChoices(): ExportChoices {
  const c = readRemembered(EXPORT_CHOICES_KEY);
  const bool = (k: keyof ExportChoices) => (typeof c[k] === 'boolean' ? (c[k] as boolean) : (DEFAULT_CHOICES[k] as boolean));
  const dpi = typeof c.dpi === 'number' && c.dpi >= MIN_DPI && c.dpi <= MAX_DPI ? c.dpi : DEFAULT_CHOICES.dpi;
  return {
    format: typeof c.format === 'string' && isFigureFormat(c.format) ? c.format : DEFAULT_CHOICES.format,
    theme: typeof c.theme === 'string' && isThemeName(c.theme) ? c.theme : DEFAULT_CHOICES.theme,
    scope: c.scope === 'all' || c.scope === 'selection' || c.scope === 'subtree' ? c.scope : 'all',
    root: typeof c.root === 'string' ? c.root : null,
    counters: bool('counters'),
    voices: bool('voices'),
    legend: bool('legend'),
    statusBadges: bool('statusBadges'),
    citations: bool('citations'),
    dpi,
    page: typeof c.page === 'string' && isPageSize(c.page) ? c.page : DEFAULT_CHOICES.page,
    caption: typeof c.caption === 'string' ? c.caption.slice(0, 2000) : '',
    width: c.width === 'none' || c.width === 'custom' || (typeof c.width === 'string' && isPagePreset(c.width)) ? (c.width as ExportChoices['width']) : DEFAULT_CHOICES.width,
    widthMm: typeof c.widthMm === 'number' && c.widthMm >= MIN_WIDTH_MM && c.widthMm <= MAX_WIDTH_MM ? c.widthMm : DEFAULT_CHOICES.widthMm,
    minTypePt: typeof c.minTypePt === 'number' && c.minTypePt >= MIN_TYPE_RANGE_PT[0] && c.minTypePt <= MIN_TYPE_RANGE_PT[1] ? c.minTypePt : DEFAULT_CHOICES.minTypePt,
    detail: c.detail === 'auto' || (typeof c.detail === 'string' && isDetail(c.detail)) ? (c.detail as ExportChoices['detail']) : DEFAULT_CHOICES.detail,
    set: bool('set'),
    pages: c.pages === 'one' ? 'one' : 'each',
  };
}

export function rememberChoices(choices: ExportChoices): void {
  remember(EXPORT_CHOICES_KEY, choices);
}

interface ExportDialogState {
  open: boolean;
}

export const exportDialog = createStore<ExportDialogState>(() => ({ open: false }));
export const useExportDialog = <T,>(sel: (s: ExportDialogState) => T) => useStore(exportDialog, sel);
export const openExportDialog = () => exportDialog.setState({ open: true });
export const closeExportDialog = () => exportDialog.setState({ open: false });
