// Keyboard shortcuts. In a text field only the file shortcuts apply; Ctrl+Z there is the
// field's own undo. Everywhere else Ctrl/Cmd+Z is the document's history.
import { ADD_KIND_SHORTCUT, kindOfAddKey } from './kinds';
import { addNodeOfKind, copySelection, cutSelection, deleteSelection, hasCopiedNodes, linkSelectedPremises, paste, pasteSystemText, selectAll, unlinkSelectedPremises } from './commands';
import { openAddSource } from './sources/addSourceState';
import { newMap, openMap, saveMap, saveMapAs } from './files/fileCommands';
import { runAutoLayout } from './layout/autoLayout';
import { openConnectDialog } from './panels/connectDialogState';
import { openExportDialog } from './export/exportState';
import { presentationKey } from './present/presentState';
import { clearSelection, editor, isReadOnly, notify, READ_ONLY_REASON, redoChange, requestFit, startEditing, undoChange } from './store/store';
import { findNext, openFind } from './find/findState';
import { focusArea, focusNodeSoon } from './canvas/navigation';
import { zoomToSelection } from './canvas/zoom';
import { openWhy } from './status/whyState';

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
  find: `${MOD}F`,
};

/** The table shown in the README and Help: [keys, what]. */
export const SHORTCUTS: [string, string][] = [
  [`${MOD}Z / ${SHORTCUT_HINT.redo} (or ${MOD}Y)`, 'Undo / redo'],
  [`${MOD}S / ${SHORTCUT_HINT.saveAs}`, 'Save / Save As'],
  [`${MOD}O`, 'Open a map'],
  [SHORTCUT_HINT.addSource, 'Add a source: paste a text or bring a file (text, PDF, Word, HTML)'],
  [`${MOD}E`, 'Export a figure (SVG, PNG or PDF)'],
  [`${MOD}Alt+N`, 'New map'],
  ADD_KIND_SHORTCUT,
  ['Enter or F2', 'Edit the selected node’s text (Enter again to finish, Shift+Enter for a new line, Esc to cancel)'],
  ['C', 'Connect the selected node to another: the relation is proposed from its kind; type part of the target’s text, Enter (with nothing selected, first choose the node to connect from)'],
  ['G / Shift+G', 'Link the selected arrows’ premises as co-premises / unlink'],
  ['Delete or Backspace', 'Delete the selection'],
  [`${MOD}C / ${MOD}X / ${MOD}V`, 'Copy / cut / paste nodes'],
  [`${MOD}A`, 'Select everything'],
  [`${MOD}F, then Enter or F3 / Shift+F3`, 'Find in the nodes’ text, titles and voices and in the sources; next / previous match; Esc closes'],
  ['Tab', 'One stop for each part: the toolbar (← → along its buttons), the map (the node last visited, else the thesis; Enter selects the node), the outline'],
  ['Arrow keys', 'Along the argument: ↑ to what the node supports or attacks, ↓ to what bears on it, ← → to its neighbours'],
  ['Alt+arrow keys', 'Move the selected nodes (with Shift: farther)'],
  ['Shift+L', 'Auto-layout'],
  ['F', 'Fit the map to the window'],
  ['Shift+F', 'Zoom to the selection'],
  ['W', 'Why? The selected node’s status (stands, falls, open), its reason and what causes it'],
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
  // A presentation takes its keys first (a clicker's Page Down, Space, the arrows, Esc).
  if (!document.querySelector('[aria-modal="true"]') && presentationKey(e)) return;
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
  // Find, from a text field too (not the browser's own find), but not over a dialog.
  if (mod && key === 'f' && !e.shiftKey && !e.altKey) return done(() => !document.querySelector('[aria-modal="true"]') && openFind());
  if (key === 'F3' && !mod && !e.altKey) return done(() => !document.querySelector('[aria-modal="true"]') && findNext(e.shiftKey ? -1 : 1));
  if (inTextField(e.target) || document.querySelector('[aria-modal="true"]')) return;

  if (mod && key === 'z') return done(e.shiftKey ? redoChange : undoChange);
  if (mod && key === 'y') return done(redoChange);
  if (mod && key === 'c') return void (copySelection() && e.preventDefault());
  if (mod && key === 'x') return done(cutSelection);
  // With nothing copied in the app, the browser's paste event brings the system clipboard's text (handlePaste).
  if (mod && key === 'v') return hasCopiedNodes() ? done(paste) : undefined;
  if (mod && key === 'a') return done(selectAll);
  if (mod || e.metaKey) return;

  if (e.altKey && kindOfAddKey(e.code)) return done(() => addNodeOfKind(kindOfAddKey(e.code)!));
  if (e.altKey) return;
  const { selection } = editor.getState();
  if (key === 'Delete' || key === 'Backspace') return done(deleteSelection);
  // Enter on a node that was not selected only selects it (React Flow does that); Enter again edits.
  const wasSelected = key === 'F2' || selectedBeforeKey.includes(selection.nodes[0] ?? '');
  if ((key === 'Enter' || key === 'F2') && selection.nodes.length === 1 && selection.relations.length === 0 && wasSelected) return done(() => startEditing(selection.nodes[0]!));
  if (key === 'Escape') return done(clearSelection);
  if (key === 'c' && !e.shiftKey) return done(() => openConnectDialog(selection.nodes[0] ?? null));
  if (key === 'g') return done(() => keepFocus(e.shiftKey ? unlinkSelectedPremises : linkSelectedPremises));
  if (key === 'l' && e.shiftKey) return done(runAutoLayout);
  if (key === 'f') return done(e.shiftKey ? zoomToSelection : requestFit);
  // Why? for the one selected node or inference (the badge's popover from the keyboard).
  const one = selection.nodes.length + selection.relations.length === 1 ? (selection.nodes[0] ?? selection.relations[0]!) : null;
  if (key === 'w' && !e.shiftKey && one !== null) return done(() => openWhy(one));
}

/** Runs a command that may redraw the focused node or arrow away; focus stays on the node acted on. */
function keepFocus(command: () => void): void {
  const el = document.activeElement as HTMLElement | null;
  const area = focusArea();
  const node = el?.closest('[data-id], [data-node-id]');
  const id = node?.getAttribute('data-id') ?? node?.getAttribute('data-node-id') ?? editor.getState().selection.nodes[0] ?? null;
  command();
  requestAnimationFrame(() => {
    const now = document.activeElement;
    if (!now || now === document.body || !now.isConnected) focusNodeSoon(id !== null && Object.hasOwn(editor.getState().history.present.nodes, id) ? id : null, area);
  });
}

/**
 * A paste outside text fields and dialogs: nodes copied in the app, else the system
 * clipboard's text, offered as a new source (the Add Source dialog's paste tab).
 */
export function handlePaste(e: ClipboardEvent): void {
  if (e.defaultPrevented || inTextField(e.target) || document.querySelector('[aria-modal="true"]')) return;
  e.preventDefault();
  // A read-only map takes no pasted nodes, and no pasted text as a new source.
  if (isReadOnly()) notify({ kind: 'info', title: 'Read-only', lines: [READ_ONLY_REASON] });
  else if (hasCopiedNodes()) paste();
  else pasteSystemText(e.clipboardData?.getData('text/plain') ?? '');
}
