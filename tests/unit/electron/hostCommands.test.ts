// The renderer's side of the desktop host: menu commands run the editor's functions, and the
// document's state flows out to the shell.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as ops from '../../../arguments/operations';
import { exportDialog } from '../../../renderer/export/exportState';
import { fileDialogs } from '../../../renderer/files/dialogState';
import { setFilePlatform, showDocument } from '../../../renderer/files/fileCommands';
import { connectHost, runHostCommand as runWith, type HostUi } from '../../../renderer/platform/hostCommands';
import { HOST_COMMANDS, type DocumentState, type HostCommand, type Platform } from '../../../renderer/platform/types';
import { editor, getMap, isDirty, notify, run } from '../../../renderer/store/store';
import { addSourceDialog, closeAddSource } from '../../../renderer/sources/addSourceState';
import { closeImport, importDialog } from '../../../renderer/sources/importState';
import { fakePlatform, sampleMap } from '../renderer/fakes';

// The UI bits startup.ts hands in (uiState and the keyboard table), in memory.
let panes = { sources: true, inspector: true };
const paneListeners = new Set<() => void>();
const setPanes = (next: typeof panes) => {
  panes = next;
  for (const l of paneListeners) l();
};
const hostUi: HostUi = {
  panes: () => panes,
  togglePane: (pane) => setPanes({ ...panes, [pane]: !panes[pane] }),
  onPanesChange: (listener) => {
    paneListeners.add(listener);
    return () => paneListeners.delete(listener);
  },
  shortcuts: [['Ctrl+Z / Ctrl+Shift+Z', 'Undo / redo']],
};
const runHostCommand = (c: HostCommand) => runWith(c, hostUi);

const fakeDocument = { activeElement: null as unknown, querySelector: vi.fn((): unknown => null), execCommand: vi.fn() };

beforeEach(() => {
  vi.stubGlobal('document', fakeDocument);
  fakeDocument.activeElement = null;
  fakeDocument.querySelector.mockReturnValue(null);
  fakeDocument.execCommand.mockClear();
  fileDialogs.setState({ saveQuestion: null, recovery: null });
  exportDialog.setState({ open: false });
  showDocument(sampleMap(), 'open.argmap.json', 'ref-open', null);
  panes = { sources: true, inspector: true };
  notify(null);
});
afterEach(() => vi.unstubAllGlobals());

const edit = () => expect(run(ops.editNode('c1', { text: 'Moscow ordered the boycott.' }))).toBe(true);

describe('menu commands', () => {
  it('Undo and Redo act on the document’s history', () => {
    edit();
    runHostCommand('undo');
    expect(getMap().nodes.c1?.text).toBe('Moscow approved the boycott.');
    runHostCommand('redo');
    expect(getMap().nodes.c1?.text).toBe('Moscow ordered the boycott.');
    expect(fakeDocument.execCommand).not.toHaveBeenCalled();
  });

  it('in a text field, Undo is the field’s own (as Ctrl+Z is there)', () => {
    edit();
    fakeDocument.activeElement = { tagName: 'TEXTAREA', isContentEditable: false };
    runHostCommand('undo');
    expect(fakeDocument.execCommand).toHaveBeenCalledWith('undo');
    expect(getMap().nodes.c1?.text).toBe('Moscow ordered the boycott.');
  });

  it('wait while a question is on screen', () => {
    edit();
    fakeDocument.querySelector.mockReturnValue({});
    runHostCommand('undo');
    expect(getMap().nodes.c1?.text).toBe('Moscow ordered the boycott.');
  });

  it('toggle the panes, fit the map and show the shortcuts', () => {
    runHostCommand('toggleSources');
    expect(panes).toEqual({ sources: false, inspector: true });
    runHostCommand('toggleInspector');
    expect(panes).toEqual({ sources: false, inspector: false });
    const fit = editor.getState().fitRequest;
    runHostCommand('fit');
    expect(editor.getState()).toMatchObject({ fitRequest: fit + 1, fitMode: 'all' });
    runHostCommand('showShortcuts');
    expect(editor.getState().notice?.title).toBe('Keyboard shortcuts');
    expect(editor.getState().notice?.lines.some((l) => l.includes('Undo / redo'))).toBe(true);
  });

  it('Export… opens the figure Export dialog (as the toolbar and Ctrl+E do), and not over another question', () => {
    fakeDocument.querySelector.mockReturnValue({});
    runHostCommand('export');
    expect(exportDialog.getState().open).toBe(false);
    fakeDocument.querySelector.mockReturnValue(null);
    runHostCommand('export');
    expect(exportDialog.getState().open).toBe(true);
    expect(editor.getState().notice).toBeNull(); // no placeholder notice any more
  });

  it('Add Source… opens the Add Source dialog and Import Bibliography… asks for a bibliography, as the sources pane does', async () => {
    closeAddSource();
    runHostCommand('addSource');
    expect(addSourceDialog.getState()).toMatchObject({ open: true, way: 'paste' });
    closeAddSource();
    const fake = fakePlatform({ nextDocument: { name: 'refs.bib', bytes: new TextEncoder().encode('@book{b, title = {T}}') } });
    setFilePlatform(fake.platform);
    runHostCommand('importBibliography');
    await vi.waitFor(() => expect(importDialog.getState().open).toBe(true));
    expect(fake.platform.openDocument).toHaveBeenCalledWith('bibliography');
    closeImport();
  });

  it('Save writes through the platform', async () => {
    const fake = fakePlatform();
    setFilePlatform(fake.platform);
    edit();
    runHostCommand('save');
    await vi.waitFor(() => expect(isDirty()).toBe(false));
    expect(fake.platform.saveFile).toHaveBeenCalledWith(expect.any(String), 'open.argmap.json', 'ref-open');
  });

  it('every command has a handler', () => {
    for (const c of HOST_COMMANDS) expect(() => runHostCommand(c)).not.toThrow();
  });
});

describe('connecting to the host', () => {
  function host() {
    const states: DocumentState[] = [];
    let command: ((c: HostCommand) => void) | null = null;
    let save: (() => Promise<boolean>) | null = null;
    const platform = {
      ...fakePlatform().platform,
      kind: 'electron' as const,
      setDocumentState: (s: DocumentState) => void states.push(s),
      onMenuCommand: (fn: (c: HostCommand) => void) => void (command = fn),
      onSaveRequest: (fn: () => Promise<boolean>) => void (save = fn),
    } satisfies Platform;
    return { platform, states, command: () => command!, save: () => save! };
  }

  it('reports the name, dirtiness, file and panes when they change, once each', () => {
    const h = host();
    const stop = connectHost(h.platform, hostUi);
    expect(h.states).toEqual([{ name: 'open.argmap.json', dirty: false, ref: 'ref-open', canRevert: true, panes: { sources: true, inspector: true } }]);
    edit();
    expect(h.states.at(-1)).toMatchObject({ dirty: true });
    run(ops.editNode('c1', { text: 'Again.' }));
    expect(h.states).toHaveLength(2); // still dirty: nothing new to say
    setPanes({ sources: false, inspector: true });
    expect(h.states.at(-1)?.panes).toEqual({ sources: false, inspector: true });
    stop();
  });

  it('wires menu commands and save requests', async () => {
    const h = host();
    const stop = connectHost(h.platform, hostUi);
    setFilePlatform(h.platform);
    edit();
    h.command()('undo');
    expect(getMap().nodes.c1?.text).toBe('Moscow approved the boycott.');
    edit();
    await expect(h.save()()).resolves.toBe(true);
    expect(isDirty()).toBe(false);
    stop();
  });

  it('does nothing for the browser', () => {
    const { platform } = fakePlatform();
    expect(() => connectHost(platform, hostUi)()).not.toThrow();
  });
});
