// The native menu as a pure template builder: the unit tests check every accelerator and
// role, and that Undo/Redo go to the document's history (a host command to the renderer),
// not to the text field's undo role. windows.ts builds the Menu from it.
//
// Keys the page itself handles (renderer/keyboard.ts: Ctrl+S, Ctrl+Shift+S, Ctrl+O, Ctrl+Shift+O,
// Ctrl+E, Ctrl+Z, Ctrl+Shift+Z/Ctrl+Y, and Ctrl+C/X/V/A for nodes or text) are shown on the items but not
// registered on Windows and Linux (registerAccelerator: false), so each key press acts once,
// in the page, where it knows whether a text field has the focus. On macOS the page also
// sees command keys first, and the menu acts only on the ones it leaves (Cmd+Z in a field).
import type { MenuItemConstructorOptions } from 'electron';
import { themeCommand, type HostCommand } from '../../renderer/platform/types';
import { THEME_CHOICE_LABELS, THEME_CHOICES, type ThemeChoice } from '../../renderer/theme/choices';

export interface RecentEntry {
  path: string;
  label: string;
}

export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  packaged: boolean;
  recent: readonly RecentEntry[];
  /** The document in the window in front; null when no window is open (macOS). */
  document: { canRevert: boolean; panes: { sources: boolean; inspector: boolean } } | null;
  /** The theme the app last said was chosen (View > Theme shows it). */
  theme: ThemeChoice;
  /** The window in front hosts a live seminar (File > Stop Live Seminar is then enabled, Start is not). */
  hosting?: boolean;
}

export interface MenuActions {
  /** A command for the document in the window in front (opening one first for New and Open when there is none). */
  command(command: HostCommand): void;
  newWindow(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  about(): void;
  /** Prints the map in the window in front (the page's print stylesheet decides what). */
  print(): void;
  /** Saves the map and ends the live seminar of the window in front (electron/main/live.ts). */
  stopLiveSeminar?(): void;
}

/** File > Export… opens the figure Export dialog (a host command; the figure is saved through the preload's saveBinary). */
export const EXPORT_AVAILABLE = true;

export function buildMenuTemplate(ctx: MenuContext, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  const hasDoc = ctx.document !== null;
  /** Shown, and on Windows/Linux left to the page (see above). */
  const pageKey = (accelerator: string): Pick<MenuItemConstructorOptions, 'accelerator' | 'registerAccelerator'> => ({ accelerator, registerAccelerator: false });
  const cmd = (label: string, command: HostCommand, extra: MenuItemConstructorOptions = {}): MenuItemConstructorOptions => ({
    label,
    id: command,
    enabled: hasDoc,
    click: () => actions.command(command),
    ...extra,
  });
  const menuLabel = (label: string) => (mac ? label : `&${label}`);

  const recentItems: MenuItemConstructorOptions[] =
    ctx.recent.length === 0
      ? [{ label: 'No Recent Maps', enabled: false }]
      : ctx.recent.map((r, i) => ({ label: r.label, id: `recent-${i}`, click: () => actions.openRecent(r.path) }));

  const file: MenuItemConstructorOptions = {
    label: menuLabel('File'),
    id: 'file',
    submenu: [
      // New and Open work with no window too (macOS): they open one.
      cmd('New', 'new', { accelerator: 'CmdOrCtrl+N', enabled: true }),
      { label: 'New Window', id: 'newWindow', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newWindow() },
      cmd('Open…', 'open', { ...pageKey('CmdOrCtrl+O'), enabled: true }),
      { label: 'Open Recent', id: 'openRecent', submenu: [...recentItems, { type: 'separator' }, { label: 'Clear Menu', id: 'clearRecent', enabled: ctx.recent.length > 0, click: () => actions.clearRecent() }] },
      { type: 'separator' },
      cmd('Save', 'save', pageKey('CmdOrCtrl+S')),
      cmd('Save As…', 'saveAs', pageKey('CmdOrCtrl+Shift+S')),
      cmd('Revert to Saved', 'revert', { enabled: ctx.document?.canRevert === true }),
      { type: 'separator' },
      // The renderer's dialogs (paste or choose a file; records to import) ask main for the file (file:open-document).
      cmd('Add Source…', 'addSource', pageKey('CmdOrCtrl+Shift+O')),
      cmd('Import Bibliography…', 'importBibliography'),
      { type: 'separator' },
      cmd('Export…', 'export', { ...pageKey('CmdOrCtrl+E'), enabled: hasDoc && EXPORT_AVAILABLE }),
      // Word, Markdown, LaTeX, Argdown or AIF (renderer/export/OutlineExportDialog.tsx), saved through saveBinary.
      cmd('Export Outline…', 'exportOutline', { enabled: hasDoc && EXPORT_AVAILABLE }),
      // HTML or PDF, a page per step or claim, worksheet blanks (renderer/handout/HandoutDialog.tsx), saved through saveBinary.
      cmd('Export Handout…', 'exportHandout', { enabled: hasDoc && EXPORT_AVAILABLE }),
      // The page has no Ctrl+P of its own in the shell: the menu prints (webContents.print).
      { label: 'Print…', id: 'print', accelerator: 'CmdOrCtrl+P', enabled: hasDoc, click: () => actions.print() },
      { type: 'separator' },
      // The open map is the model; the student's file is read beside it (renderer/compare).
      cmd('Compare with a Student’s Map…', 'compare'),
      cmd('Merge Edits from…', 'merge'),
      { type: 'separator' },
      // The dialog (renderer/seminar-host) asks for the address, port and mode; main hosts the saved map.
      cmd('Start Live Seminar…', 'startLiveSeminar', { enabled: hasDoc && ctx.hosting !== true }),
      { label: 'Stop Live Seminar', id: 'stopLiveSeminar', enabled: ctx.hosting === true, click: () => actions.stopLiveSeminar?.() },
      { type: 'separator' },
      { role: 'close', label: 'Close Window', accelerator: 'CmdOrCtrl+W' },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: menuLabel('Edit'),
    id: 'edit',
    submenu: [
      // The document's history, not the role: see renderer/platform/hostCommands.ts.
      cmd('Undo', 'undo', pageKey('CmdOrCtrl+Z')),
      cmd('Redo', 'redo', pageKey(ctx.platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z')),
      { type: 'separator' },
      // Text in fields and the sources pane; nodes are copied by the page's own Ctrl+C.
      { role: 'cut', registerAccelerator: false },
      { role: 'copy', registerAccelerator: false },
      { role: 'paste', registerAccelerator: false },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll', registerAccelerator: false },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: menuLabel('View'),
    id: 'view',
    submenu: [
      cmd('Fit Map to Window', 'fit'),
      { type: 'separator' },
      cmd('Sources Pane', 'toggleSources', { type: 'checkbox', checked: ctx.document?.panes.sources ?? true }),
      cmd('Inspector Pane', 'toggleInspector', { type: 'checkbox', checked: ctx.document?.panes.inspector ?? true }),
      { type: 'separator' },
      // The same choice as the title bar's Theme; the renderer remembers it and tells main (theme:set).
      { label: 'Theme', id: 'theme', submenu: THEME_CHOICES.map((c) => cmd(THEME_CHOICE_LABELS[c], themeCommand(c), { type: 'radio', checked: ctx.theme === c })) },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(ctx.packaged ? [] : [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const]),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: menuLabel('Help'),
    id: 'help',
    submenu: [
      cmd('Keyboard Shortcuts', 'showShortcuts', { accelerator: 'CmdOrCtrl+/' }),
      ...(mac ? [] : [{ type: 'separator' } as const, { label: `About ${ctx.appName}`, id: 'about', click: () => actions.about() }]),
    ],
  };

  const appMenu: MenuItemConstructorOptions = {
    label: ctx.appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  return mac ? [appMenu, file, edit, view, { role: 'windowMenu' }, help] : [file, edit, view, help];
}

/** Every item of a template, depth first (for the tests and for finding items by id). */
export function flattenMenu(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flattenMenu(item.submenu) : [])]);
}
