// Keyboard shortcuts. In a text field only the file shortcuts apply; Ctrl+Z there is the
// field's own undo. Everywhere else Ctrl/Cmd+Z is the document's history.
import { NODE_KINDS } from '../arguments/model';
import { addNodeOfKind, copySelection, cutSelection, deleteSelection, hasCopiedNodes, linkSelectedPremises, paste, pasteSystemText, selectAll, unlinkSelectedPremises } from './commands';
import { openAddSource } from './sources/addSourceState';
import { newMap, openMap, saveMap, saveMapAs } from './files/fileCommands';
import { runAutoLayout } from './layout/autoLayout';
import { openConnectDialog } from './panels/connectDialogState';
import { openExportDialog } from './export/exportState';
import { clearSelection, editor, redoChange, requestFit, startEditing, undoChange } from './store/store';
import { zoomToSelection } from './canvas/zoom';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

export const SHORTCUT_HINT = {
  open: `${MOD}O`,
  addSource: `${isMac ? '⇧⌘' : 'Ctrl+Shift+'}O`,
  save: `${MOD}S`,
  saveAs: `${isMac ? '⇧⌘' : 'Ctrl+Shift+'}S`,
  undo: `${MOD}Z`,
  redo: `${isMac ? '⇧⌘' : 'Ctrl+Shift+'}Z`,
  export: `${MOD}E`,
};

/** The table shown in the README and Help: [keys, what]. */
export const SHORTCUTS: [string, string][] = [
  [`${MOD}Z / ${SHORTCUT_HINT.redo} (or ${MOD}Y)`, 'Undo / redo'],
  [`${MOD}S / ${SHORTCUT_HINT.saveAs}`, 'Save / Save As'],
  [`${MOD}O`, 'Open a map'],
  [SHORTCUT_HINT.addSource, 'Add a source: paste a text or bring a file (text, PDF, Word, HTML)'],
  [`${MOD}E`, 'Export a figure (SVG, PNG or PDF)'],
  [`${MOD}Alt+N`, 'New map'],
  ['Alt+1 … Alt+7', 'Add thesis, claim, premise, evidence, counter-consideration, rebuttal, note'],
  ['Enter or F2', 'Edit the selected node’s text (Enter again to finish, Shift+Enter for a new line, Esc to cancel)'],
  ['C', 'Connect the selected node to another (type to find it, Enter)'],
  ['G / Shift+G', 'Link the selected arrows’ premises as co-premises / unlink'],
  ['Delete or Backspace', 'Delete the selection'],
  [`${MOD}C / ${MOD}X / ${MOD}V`, 'Copy / cut / paste nodes'],
  [`${MOD}A`, 'Select everything'],
  ['Tab, then Enter', 'Move between nodes, select one'],
  ['Arrow keys', 'Move the selected nodes'],
  ['Shift+L', 'Auto-layout'],
  ['F', 'Fit the map to the window'],
  ['Shift+F', 'Zoom to the selection'],
  ['Esc', 'Clear the selection'],
];

function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}

/** The selection as it was before React Flow handled the key (recorded in the capture phase). */
let selectedBeforeKey: readonly string[] = [];
export function noteSelectionBeforeKey(): void {
  selectedBeforeKey = editor.getState().selection.nodes;
}

export function handleShortcut(e: KeyboardEvent): void {
  const mod = isMac ? e.metaKey : e.ctrlKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const done = (fn: () => unknown) => {
    e.preventDefault();
    void fn();
  };

  if (mod && key === 's') return done(e.shiftKey ? saveMapAs : saveMap);
  if (mod && key === 'o' && e.shiftKey) return done(() => !document.querySelector('[aria-modal="true"]') && openAddSource());
  if (mod && key === 'o') return done(openMap);
  if (mod && e.altKey && key === 'n') return done(newMap);
  // Export works from a text field too, but not over another dialog.
  if (mod && key === 'e' && !e.shiftKey && !e.altKey) return done(() => !document.querySelector('[aria-modal="true"]') && openExportDialog());
  if (inTextField(e.target) || document.querySelector('[aria-modal="true"]')) return;

  if (mod && key === 'z') return done(e.shiftKey ? redoChange : undoChange);
  if (mod && key === 'y') return done(redoChange);
  if (mod && key === 'c') return void (copySelection() && e.preventDefault());
  if (mod && key === 'x') return done(cutSelection);
  // With nothing copied in the app, the browser's paste event brings the system clipboard's text (handlePaste).
  if (mod && key === 'v') return hasCopiedNodes() ? done(paste) : undefined;
  if (mod && key === 'a') return done(selectAll);
  if (mod || e.metaKey) return;

  if (e.altKey && /^Digit[1-7]$/.test(e.code)) return done(() => addNodeOfKind(NODE_KINDS[Number(e.code.slice(5)) - 1]!));
  if (e.altKey) return;
  const { selection } = editor.getState();
  if (key === 'Delete' || key === 'Backspace') return done(deleteSelection);
  // Enter on a node that was not selected only selects it (React Flow does that); Enter again edits.
  const wasSelected = key === 'F2' || selectedBeforeKey.includes(selection.nodes[0] ?? '');
  if ((key === 'Enter' || key === 'F2') && selection.nodes.length === 1 && selection.relations.length === 0 && wasSelected) return done(() => startEditing(selection.nodes[0]!));
  if (key === 'Escape') return done(clearSelection);
  if (key === 'c' && !e.shiftKey) return done(() => openConnectDialog(selection.nodes[0] ?? null));
  if (key === 'g') return done(e.shiftKey ? unlinkSelectedPremises : linkSelectedPremises);
  if (key === 'l' && e.shiftKey) return done(runAutoLayout);
  if (key === 'f') return done(e.shiftKey ? zoomToSelection : requestFit);
}

/**
 * A paste outside text fields and dialogs: nodes copied in the app, else the system
 * clipboard's text, offered as a new source (the Add Source dialog's paste tab).
 */
export function handlePaste(e: ClipboardEvent): void {
  if (e.defaultPrevented || inTextField(e.target) || document.querySelector('[aria-modal="true"]')) return;
  e.preventDefault();
  if (hasCopiedNodes()) paste();
  else pasteSystemText(e.clipboardData?.getData('text/plain') ?? '');
}
