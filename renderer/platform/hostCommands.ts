// The renderer's side of a desktop host (the Electron shell): its native menu's commands run
// the same functions as the toolbar and the keyboard, and the document's name, dirtiness and
// file flow back to it for the window title, the close prompt and the menu's state.
// The browser has no host: connectHost does nothing there (web.ts has none of these members).
// The panes and the shortcut table are handed in by startup.ts (HostUi), so this module and
// its tests need no DOM library.
import { openExportDialog } from '../export/exportState';
import { openOutlineExport } from '../export/outlineExportState';
import { openHandoutExport } from '../handout/handoutState';
import { canRevert, newMap, openMap, revertMap, saveMap, saveMapAs } from '../files/fileCommands';
import { compareWithStudentMap, openMergeDialog } from '../compare/commands';
import { openAddSource } from '../sources/addSourceState';
import { importBibliography } from '../sources/importState';
import { connectSeminarHost, openSeminarHost } from '../seminar-host/seminarHostState';
import { editor, isDirty, notify, redoChange, requestFit, undoChange } from '../store/store';
import { setThemeChoice, THEME_CHOICES, themeChoice, themeState } from '../theme/themeState';
import { themeCommand, type DocumentState, type HostCommand, type Platform } from './types';

type Pane = 'sources' | 'inspector';

/** The parts of the UI the host's menu reaches besides the document. */
export interface HostUi {
  panes(): { sources: boolean; inspector: boolean };
  togglePane(pane: Pane): void;
  onPanesChange(listener: () => void): () => void;
  /** The table Help > Keyboard Shortcuts shows: [keys, what]. */
  shortcuts: readonly (readonly [string, string])[];
}

/** What is used of the page: the focused element, whether a modal question is open, a field's own undo. */
interface Page {
  activeElement: { tagName?: string; isContentEditable?: boolean } | null;
  querySelector(selector: string): unknown;
  execCommand(command: string): boolean;
}
const page = (): Page | undefined => (globalThis as { document?: Page }).document;

function textFieldFocused(): boolean {
  const el = page()?.activeElement;
  if (!el || !el.tagName) return false;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable === true;
}

const modalOpen = () => (page()?.querySelector('[aria-modal="true"]') ?? null) !== null;

/**
 * Edit > Undo acts on the document's history. In a text field it is the field's own undo,
 * as Ctrl+Z is there (README): on macOS the menu item, not the page, receives Cmd+Z in a field.
 */
function undoOrFieldUndo(which: 'undo' | 'redo'): void {
  if (textFieldFocused()) {
    // The field's own history; execCommand is the only way a page reaches it.
    page()?.execCommand(which);
    return;
  }
  if (which === 'undo') undoChange();
  else redoChange();
}

type Handler = (ui: HostUi) => unknown;

/**
 * What each menu command does: the same function as the toolbar, the keyboard or the pane
 * that offers it. A table by command, so a command cannot be added without its handler.
 */
const HANDLERS = {
  new: () => newMap(),
  open: () => openMap(),
  save: () => saveMap(),
  saveAs: () => saveMapAs(),
  revert: () => revertMap(),
  // The same dialog as the toolbar's Export… and Ctrl+E (renderer/keyboard.ts).
  export: () => openExportDialog(),
  // The same dialog as the toolbar's Export Outline….
  exportOutline: () => openOutlineExport(),
  // The same dialog as the toolbar's Handout….
  exportHandout: () => openHandoutExport(),
  // The same as the toolbar's Compare… and Merge….
  compare: () => compareWithStudentMap(),
  merge: () => openMergeDialog(),
  // The same dialog as the sources pane's Add source… and Ctrl+Shift+O.
  addSource: () => openAddSource(),
  importBibliography: () => importBibliography(),
  // File > Start Live Seminar…: the dialog asks for the address, port and mode (renderer/seminar-host).
  startLiveSeminar: () => openSeminarHost(),
  undo: () => undoOrFieldUndo('undo'),
  redo: () => undoOrFieldUndo('redo'),
  fit: () => requestFit(),
  toggleSources: (ui) => ui.togglePane('sources'),
  toggleInspector: (ui) => ui.togglePane('inspector'),
  showShortcuts: (ui) => notify({ kind: 'info', title: 'Keyboard shortcuts', lines: ui.shortcuts.map(([keys, what]) => `${keys}: ${what}`) }),
  // The same choice as the toolbar's Theme (renderer/theme/ThemeChoice.tsx).
  'theme:system': () => setThemeChoice('system'),
  'theme:light': () => setThemeChoice('light'),
  'theme:dark': () => setThemeChoice('dark'),
} satisfies Record<HostCommand, Handler>;

/** Commands that act while a question is on screen: they change nothing the question is about. */
const ALWAYS = new Set<HostCommand>(['showShortcuts', ...THEME_CHOICES.map(themeCommand)]);

/**
 * Runs a menu command; resolves once it is done (a Save once written or refused, an Open once
 * the map is shown). A name that is not a command does nothing (the preload filters them too).
 */
export async function runHostCommand(command: HostCommand, ui: HostUi): Promise<void> {
  if (!Object.hasOwn(HANDLERS, command)) return;
  // A question on screen (Save changes?) has the keyboard and the mouse; the menu waits too.
  if (modalOpen() && !ALWAYS.has(command)) return;
  await HANDLERS[command](ui);
}

/** The state the host shows; recomputed on every store change, sent only when it differs. */
export function currentDocumentState(ui: HostUi): DocumentState {
  const s = editor.getState();
  const panes = ui.panes();
  return { name: s.name, dirty: isDirty(s), ref: s.fileRef ?? null, canRevert: canRevert(s), panes: { sources: panes.sources, inspector: panes.inspector } };
}

const sameState = (a: DocumentState | null, b: DocumentState) =>
  a !== null && a.name === b.name && a.dirty === b.dirty && a.ref === b.ref && a.canRevert === b.canRevert && a.panes.sources === b.panes.sources && a.panes.inspector === b.panes.inspector;

/** Wires a desktop host's menu, save requests and document state; a no-op for the browser. */
export function connectHost(platform: Platform, ui: HostUi): () => void {
  platform.onMenuCommand?.((command) => void runHostCommand(command, ui));
  platform.onSaveRequest?.(() => saveMap());
  if (platform.live) connectSeminarHost(platform.live);
  const stopTheme = connectTheme(platform);
  const setState = platform.setDocumentState?.bind(platform);
  if (!setState) return stopTheme;
  let sent: DocumentState | null = null;
  const push = () => {
    const next = currentDocumentState(ui);
    if (sameState(sent, next)) return;
    sent = next;
    setState(next);
  };
  const stopEditor = editor.subscribe(push);
  const stopUi = ui.onPanesChange(push);
  push();
  return () => {
    stopEditor();
    stopUi();
    stopTheme();
  };
}

/** The host hears the theme at start and at each change (the window frame and the menu follow it). */
function connectTheme(platform: Platform): () => void {
  const setTheme = platform.setTheme?.bind(platform);
  if (!setTheme) return () => undefined;
  setTheme(themeChoice());
  return themeState.subscribe((s, before) => {
    if (s.choice !== before.choice) setTheme(s.choice);
  });
}
