// The renderer's side of a desktop host (the Electron shell): its native menu's commands run
// the same functions as the toolbar and the keyboard, and the document's name, dirtiness and
// file flow back to it for the window title, the close prompt and the menu's state.
// The browser has no host: connectHost does nothing there (web.ts has none of these members).
// The panes and the shortcut table are handed in by startup.ts (HostUi), so this module and
// its tests need no DOM library.
import { openExportDialog } from '../export/exportState';
import { canRevert, newMap, openMap, revertMap, saveMap, saveMapAs } from '../files/fileCommands';
import { openAddSource } from '../sources/addSourceState';
import { importBibliography } from '../sources/importState';
import { editor, isDirty, notify, redoChange, requestFit, undoChange } from '../store/store';
import type { DocumentState, HostCommand, Platform } from './types';

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

export function runHostCommand(command: HostCommand, ui: HostUi): void {
  // A question on screen (Save changes?) has the keyboard and the mouse; the menu waits too.
  if (modalOpen() && command !== 'showShortcuts') return;
  switch (command) {
    case 'new':
      void newMap();
      return;
    case 'open':
      void openMap();
      return;
    case 'save':
      void saveMap();
      return;
    case 'saveAs':
      void saveMapAs();
      return;
    case 'revert':
      void revertMap();
      return;
    case 'export':
      // The same dialog as the toolbar's Export… and Ctrl+E (renderer/keyboard.ts).
      openExportDialog();
      return;
    case 'addSource':
      // The same dialog as the sources pane's Add source… and Ctrl+Shift+O.
      openAddSource();
      return;
    case 'importBibliography':
      void importBibliography();
      return;
    case 'undo':
    case 'redo':
      undoOrFieldUndo(command);
      return;
    case 'fit':
      requestFit();
      return;
    case 'toggleSources':
      ui.togglePane('sources');
      return;
    case 'toggleInspector':
      ui.togglePane('inspector');
      return;
    case 'showShortcuts':
      notify({ kind: 'info', title: 'Keyboard shortcuts', lines: ui.shortcuts.map(([keys, what]) => `${keys}: ${what}`) });
      return;
  }
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
  platform.onMenuCommand?.((command) => runHostCommand(command, ui));
  platform.onSaveRequest?.(() => saveMap());
  const setState = platform.setDocumentState?.bind(platform);
  if (!setState) return () => undefined;
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
  };
}
