import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, flattenMenu, type MenuContext } from '../../../electron/main/menu';
import { HOST_COMMANDS } from '../../../renderer/platform/types';

function menu(over: Partial<MenuContext> = {}) {
  const actions = { command: vi.fn(), newWindow: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn(), about: vi.fn(), print: vi.fn(), stopLiveSeminar: vi.fn() };
  const ctx: MenuContext = {
    platform: 'linux',
    appName: 'Argument Atlas',
    packaged: true,
    recent: [{ path: '/maps/a.argmap.json', label: 'a.argmap.json — /maps' }],
    document: { canRevert: true, panes: { sources: true, inspector: false } },
    theme: 'system',
    ...over,
  };
  const template = buildMenuTemplate(ctx, actions);
  const items = flattenMenu(template);
  const byId = (id: string) => items.find((i) => i.id === id)!;
  const byRole = (role: string) => items.find((i) => i.role === role);
  const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();
  return { template, items, byId, byRole, actions, click };
}

describe('the native menu', () => {
  it('has File, Edit, View and Help (and the app and Window menus on macOS)', () => {
    expect(menu().template.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(menu({ platform: 'darwin' }).template.map((m) => m.label ?? m.role)).toEqual(['Argument Atlas', 'File', 'Edit', 'View', 'windowMenu', 'Help']);
  });

  it('File: New, Open…, Open Recent, Save, Save As…, Revert, Export…, Close with the standard keys', () => {
    const { byId, byRole } = menu();
    expect(byId('new').accelerator).toBe('CmdOrCtrl+N');
    expect(byId('newWindow').accelerator).toBe('CmdOrCtrl+Shift+N');
    expect(byId('open').accelerator).toBe('CmdOrCtrl+O');
    expect(byId('save').accelerator).toBe('CmdOrCtrl+S');
    expect(byId('saveAs').accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(byId('revert').label).toBe('Revert to Saved');
    expect(byId('export').label).toBe('Export…');
    expect(byId('export').enabled).toBe(true);
    expect(byId('export').accelerator).toBe('CmdOrCtrl+E');
    expect(byRole('close')?.accelerator).toBe('CmdOrCtrl+W');
    expect(byRole('quit')).toBeDefined();
  });

  it('has an item for every host command, which sends it to the renderer', () => {
    const { items, actions, click } = menu();
    for (const command of HOST_COMMANDS) {
      const item = items.find((i) => i.id === command);
      expect(item, command).toBeDefined();
      actions.command.mockClear();
      click(item!);
      expect(actions.command, command).toHaveBeenCalledExactlyOnceWith(command);
    }
    click(items.find((i) => i.id === 'newWindow')!);
    expect(actions.newWindow).toHaveBeenCalled();
  });

  it('Undo and Redo are the document’s history, not the text field’s role', () => {
    const { byId, byRole } = menu();
    expect(byId('undo').role).toBeUndefined();
    expect(byId('redo').role).toBeUndefined();
    expect(byRole('undo')).toBeUndefined();
    expect(byRole('redo')).toBeUndefined();
    expect(byId('undo').accelerator).toBe('CmdOrCtrl+Z');
    expect(byId('redo').accelerator).toBe('Shift+CmdOrCtrl+Z');
    expect(menu({ platform: 'win32' }).byId('redo').accelerator).toBe('Ctrl+Y');
    expect(menu({ platform: 'darwin' }).byId('redo').accelerator).toBe('Shift+CmdOrCtrl+Z');
  });

  it('leaves the keys the page handles to the page on Windows and Linux (one action per key press)', () => {
    const { byId, byRole } = menu();
    for (const id of ['open', 'save', 'saveAs', 'addSource', 'export', 'undo', 'redo']) expect(byId(id).registerAccelerator, id).toBe(false);
    for (const role of ['cut', 'copy', 'paste', 'selectAll']) expect(byRole(role)?.registerAccelerator, role).toBe(false);
    // Keys the page does not handle stay registered.
    expect(byId('new').registerAccelerator).toBeUndefined();
    expect(byRole('close')?.registerAccelerator).toBeUndefined();
  });

  it('Edit has the clipboard roles for text fields', () => {
    const { byRole } = menu();
    for (const role of ['cut', 'copy', 'paste', 'delete', 'selectAll']) expect(byRole(role), role).toBeDefined();
  });

  it('View: fit, the panes as checkboxes showing their state, zoom roles, full screen; no dev tools when packaged', () => {
    const { byId, byRole } = menu();
    expect(byId('fit').label).toBe('Fit Map to Window');
    expect(byId('toggleSources')).toMatchObject({ type: 'checkbox', checked: true });
    expect(byId('toggleInspector')).toMatchObject({ type: 'checkbox', checked: false });
    for (const role of ['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']) expect(byRole(role), role).toBeDefined();
    expect(byRole('toggleDevTools')).toBeUndefined();
    expect(byRole('reload')).toBeUndefined();
    expect(menu({ packaged: false }).byRole('toggleDevTools')).toBeDefined();
  });

  it('Help: keyboard shortcuts and about', () => {
    const { byId, actions, click } = menu();
    expect(byId('showShortcuts').accelerator).toBe('CmdOrCtrl+/');
    click(byId('about'));
    expect(actions.about).toHaveBeenCalled();
    expect(menu({ platform: 'darwin' }).byRole('about')).toBeDefined();
  });

  it('Open Recent lists the files and can be cleared; empty, it says so', () => {
    const { byId, actions, click } = menu();
    expect(byId('recent-0').label).toBe('a.argmap.json — /maps');
    click(byId('recent-0'));
    expect(actions.openRecent).toHaveBeenCalledWith('/maps/a.argmap.json');
    click(byId('clearRecent'));
    expect(actions.clearRecent).toHaveBeenCalled();
    const empty = menu({ recent: [] });
    expect(empty.byId('clearRecent').enabled).toBe(false);
    expect(empty.items.some((i) => i.label === 'No Recent Maps' && i.enabled === false)).toBe(true);
  });

  it('with no window (macOS), only New, Open and what needs no document are enabled', () => {
    const { byId } = menu({ platform: 'darwin', document: null });
    expect(byId('new').enabled).toBe(true);
    expect(byId('open').enabled).toBe(true);
    for (const id of ['save', 'saveAs', 'revert', 'addSource', 'importBibliography', 'export', 'print', 'undo', 'redo', 'fit', 'theme:system', 'theme:light', 'theme:dark']) expect(byId(id).enabled, id).toBe(false);
  });

  it('View > Theme: System, Light and Dark as radio items, the chosen one checked, each sending its choice', () => {
    for (const theme of ['system', 'light', 'dark'] as const) {
      const { template, byId, actions, click } = menu({ theme });
      const view = template.find((m) => m.id === 'view')!.submenu as MenuItemConstructorOptions[];
      const submenu = view.find((i) => i.id === 'theme')!.submenu as MenuItemConstructorOptions[];
      expect(submenu.map((i) => [i.label, i.type, i.checked])).toEqual([
        ['System', 'radio', theme === 'system'],
        ['Light', 'radio', theme === 'light'],
        ['Dark', 'radio', theme === 'dark'],
      ]);
      click(byId('theme:dark'));
      expect(actions.command).toHaveBeenLastCalledWith('theme:dark');
      click(byId('theme:system'));
      expect(actions.command).toHaveBeenLastCalledWith('theme:system');
    }
  });

  it('File > Print… (Ctrl+P, the shell’s own key: the page has none) prints the window in front', () => {
    const { template, byId, actions, click } = menu();
    const file = template.find((m) => m.id === 'file')!.submenu as MenuItemConstructorOptions[];
    const labels = file.map((i) => i.label ?? i.role ?? i.type);
    expect(labels.indexOf('Print…')).toBe(labels.indexOf('Export Handout…') + 1);
    expect(byId('print')).toMatchObject({ accelerator: 'CmdOrCtrl+P', enabled: true });
    expect(byId('print').registerAccelerator).toBeUndefined();
    click(byId('print'));
    expect(actions.print).toHaveBeenCalledTimes(1);
    expect(actions.command).not.toHaveBeenCalled();
  });

  it('Export… is enabled with a document and sends the export command to the renderer', () => {
    const { byId, actions, click } = menu({ platform: 'darwin' });
    const item = byId('export');
    expect(item.enabled).toBe(true);
    expect(item.role).toBeUndefined();
    click(item);
    expect(actions.command).toHaveBeenCalledTimes(1);
    expect(actions.command).toHaveBeenCalledWith('export');
  });

  it('File > Export Outline… follows Export…, is enabled with a document and sends exportOutline to the renderer', () => {
    const { byId, actions, click } = menu();
    const item = byId('exportOutline');
    expect(item.label).toBe('Export Outline…');
    expect(item.enabled).toBe(true);
    click(item);
    expect(actions.command).toHaveBeenCalledWith('exportOutline');
    expect(menu({ document: null }).byId('exportOutline').enabled).toBe(false);
  });

  it('File > Compare with a Student’s Map… and Merge Edits from… are enabled with a document and send compare and merge to the renderer', () => {
    const { byId, actions, click } = menu();
    expect(byId('compare').label).toBe('Compare with a Student’s Map…');
    expect(byId('merge').label).toBe('Merge Edits from…');
    click(byId('compare'));
    click(byId('merge'));
    expect(actions.command.mock.calls).toEqual([['compare'], ['merge']]);
    expect(menu({ document: null }).byId('compare').enabled).toBe(false);
    expect(menu({ document: null }).byId('merge').enabled).toBe(false);
    });

  it('File > Export Handout… follows Export Outline…, is enabled with a document and sends exportHandout to the renderer', () => {
    const { template, byId, actions, click } = menu();
    const file = template.find((m) => m.id === 'file')!.submenu as MenuItemConstructorOptions[];
    const labels = file.map((i) => i.label ?? i.role ?? i.type);
    expect(labels.indexOf('Export Handout…')).toBe(labels.indexOf('Export Outline…') + 1);
    const item = byId('exportHandout');
    expect(item.enabled).toBe(true);
    click(item);
    expect(actions.command).toHaveBeenCalledWith('exportHandout');
    expect(menu({ document: null }).byId('exportHandout').enabled).toBe(false);
  });

  it('File: Add Source… (Ctrl+Shift+O) and Import Bibliography… between Revert and Export, each sending its command to the window in front', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const { template, byId, actions, click } = menu({ platform });
      const file = template.find((m) => m.id === 'file')!.submenu as MenuItemConstructorOptions[];
      const labels = file.map((i) => i.label ?? i.role ?? i.type);
      expect(labels.slice(labels.indexOf('Revert to Saved'), labels.indexOf('Export…') + 1), platform).toEqual(['Revert to Saved', 'separator', 'Add Source…', 'Import Bibliography…', 'separator', 'Export…']);
      expect(byId('addSource')).toMatchObject({ label: 'Add Source…', accelerator: 'CmdOrCtrl+Shift+O', enabled: true });
      expect(byId('addSource').role).toBeUndefined();
      expect(byId('importBibliography')).toMatchObject({ label: 'Import Bibliography…', enabled: true });
      expect(byId('importBibliography').accelerator).toBeUndefined();
      click(byId('addSource'));
      expect(actions.command).toHaveBeenLastCalledWith('addSource');
      click(byId('importBibliography'));
      expect(actions.command).toHaveBeenLastCalledWith('importBibliography');
      expect(actions.command).toHaveBeenCalledTimes(2);
    }
    // Its key is not Open's, nor any other item's.
    const accelerators = menu().items.map((i) => i.accelerator).filter(Boolean);
    expect(accelerators.filter((a) => a === 'CmdOrCtrl+Shift+O')).toHaveLength(1);
  });

  it('Revert is enabled only when there is something to revert to', () => {
    expect(menu({ document: { canRevert: false, panes: { sources: true, inspector: true } } }).byId('revert').enabled).toBe(false);
  });

  it('File: Start Live Seminar… when the window hosts none, Stop Live Seminar when it does', () => {
    const idle = menu({ hosting: false });
    expect(idle.byId('startLiveSeminar')).toMatchObject({ label: 'Start Live Seminar…', enabled: true });
    expect(idle.byId('stopLiveSeminar')).toMatchObject({ label: 'Stop Live Seminar', enabled: false });
    idle.click(idle.byId('startLiveSeminar'));
    expect(idle.actions.command).toHaveBeenCalledExactlyOnceWith('startLiveSeminar');
    const hosting = menu({ hosting: true });
    expect(hosting.byId('startLiveSeminar').enabled).toBe(false);
    expect(hosting.byId('stopLiveSeminar').enabled).toBe(true);
    hosting.click(hosting.byId('stopLiveSeminar'));
    expect(hosting.actions.stopLiveSeminar).toHaveBeenCalledTimes(1);
    expect(menu({ hosting: undefined, document: null }).byId('startLiveSeminar').enabled).toBe(false);
  });
});
