// The renderer's side of the desktop host: menu commands run the editor's functions, and the
// document's state flows out to the shell.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as ops from '../../../arguments/operations';
import { outlineExportDialog } from '../../../renderer/export/outlineExportState';
import { handoutExportDialog } from '../../../renderer/handout/handoutState';
import { exportDialog } from '../../../renderer/export/exportState';
import { fileDialogs } from '../../../renderer/files/dialogState';
import { setFilePlatform, showDocument, UNTITLED_NAME } from '../../../renderer/files/fileCommands';
import { connectHost, runHostCommand as runWith, type HostUi } from '../../../renderer/platform/hostCommands';
import { HOST_COMMANDS, themeCommand, type DocumentState, type HostCommand, type Platform } from '../../../renderer/platform/types';
import { editor, getMap, isDirty, notify, run, undoChange } from '../../../renderer/store/store';
import { setThemeChoice, storedThemeChoice, THEME_CHOICES, THEME_STORAGE_KEY, themeChoice, type ThemeChoice } from '../../../renderer/theme/themeState';
import { addSourceDialog, closeAddSource } from '../../../renderer/sources/addSourceState';
import { closeImport, importDialog } from '../../../renderer/sources/importState';
import { fakePlatform, sampleBytes, sampleMap } from '../renderer/fakes';
import { closeComparison, closeMergeDialog, compareStore } from '../../../renderer/compare/compareState';
import { seminarHost } from '../../../renderer/seminar-host/seminarHostState';
import type { LiveHostBridge } from '../../../renderer/platform/live';

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
  outlineExportDialog.setState({ open: false });
  handoutExportDialog.setState({ open: false });
  showDocument(sampleMap(), 'open.argmap.json', 'ref-open', null);
  panes = { sources: true, inspector: true };
  notify(null);
  setThemeChoice('system');
});
afterEach(() => vi.unstubAllGlobals());

const edit = () => expect(run(ops.editNode('c1', { text: 'Moscow ordered the boycott.' }))).toBe(true);

/**
 * A platform whose files answer only after a timer, as disks and dialogs do: a command that
 * does not wait for them is seen not to have done its work when its promise resolves.
 */
function slowPlatform(files: Parameters<typeof fakePlatform>[0] = {}) {
  const fake = fakePlatform(files);
  const later = () => new Promise((resolve) => setTimeout(resolve, 5));
  for (const name of ['openFile', 'saveFile', 'reread', 'openDocument'] as const) {
    const fn = fake.platform[name] as unknown as { getMockImplementation(): (...args: unknown[]) => Promise<unknown>; mockImplementation(f: (...args: unknown[]) => Promise<unknown>): void };
    const answer = fn.getMockImplementation();
    fn.mockImplementation(async (...args) => {
      await later();
      return answer(...args);
    });
  }
  setFilePlatform(fake.platform);
  return fake;
}

describe('menu commands', () => {
  it('Undo and Redo act on the document’s history', async () => {
    edit();
    await runHostCommand('undo');
    expect(getMap().nodes.c1?.text).toBe('Moscow approved the boycott.');
    await runHostCommand('redo');
    expect(getMap().nodes.c1?.text).toBe('Moscow ordered the boycott.');
    expect(fakeDocument.execCommand).not.toHaveBeenCalled();
  });

  it('in a text field, Undo is the field’s own (as Ctrl+Z is there)', async () => {
    edit();
    fakeDocument.activeElement = { tagName: 'TEXTAREA', isContentEditable: false };
    await runHostCommand('undo');
    expect(fakeDocument.execCommand).toHaveBeenCalledWith('undo');
    expect(getMap().nodes.c1?.text).toBe('Moscow ordered the boycott.');
  });

  it('wait while a question is on screen; the shortcuts and the theme do not', async () => {
    edit();
    fakeDocument.querySelector.mockReturnValue({});
    await runHostCommand('undo');
    expect(getMap().nodes.c1?.text).toBe('Moscow ordered the boycott.');
    await runHostCommand('toggleSources');
    expect(panes.sources).toBe(true);
    await runHostCommand('showShortcuts');
    expect(editor.getState().notice?.title).toBe('Keyboard shortcuts');
    await runHostCommand('theme:dark');
    expect(themeChoice()).toBe('dark');
  });

  it('Export… opens the figure Export dialog (as the toolbar and Ctrl+E do), and not over another question', async () => {
    fakeDocument.querySelector.mockReturnValue({});
    await runHostCommand('export');
    expect(exportDialog.getState().open).toBe(false);
    fakeDocument.querySelector.mockReturnValue(null);
    await runHostCommand('export');
    expect(exportDialog.getState().open).toBe(true);
    expect(editor.getState().notice).toBeNull(); // no placeholder notice any more
  });

  it('Export Outline… opens the outline Export dialog (as the toolbar does), and not over another question', async () => {
    fakeDocument.querySelector.mockReturnValue({});
    await runHostCommand('exportOutline');
    expect(outlineExportDialog.getState().open).toBe(false);
    fakeDocument.querySelector.mockReturnValue(null);
    await runHostCommand('exportOutline');
    expect(outlineExportDialog.getState().open).toBe(true);
  });

  it('Save writes the map through the platform to its file, and resolves once written', async () => {
    const fake = slowPlatform();
    edit();
    await runHostCommand('save');
    expect(isDirty()).toBe(false);
    expect(fake.platform.saveFile).toHaveBeenCalledWith(expect.any(String), 'open.argmap.json', 'ref-open');
    expect(fake.state.disk.get('ref-open')).toContain('Moscow ordered the boycott.');
  });

  it('Save As asks where (no file reference) and the document takes the new name', async () => {
    const fake = slowPlatform();
    edit();
    await runHostCommand('saveAs');
    expect(fake.platform.saveFile).toHaveBeenCalledWith(expect.any(String), 'open.argmap.json', null);
    expect(editor.getState()).toMatchObject({ name: 'chosen.argmap.json', fileRef: 'ref-chosen' });
    expect(isDirty()).toBe(false);
    expect(fake.state.disk.get('ref-chosen')).toContain('Moscow ordered the boycott.');
  });

  it('Open shows the chosen map once it is read', async () => {
    const fake = slowPlatform({ next: { name: 'gottwald.argmap.json', bytes: sampleBytes('The Gottwald letter'), ref: 'ref-gottwald' } });
    await runHostCommand('open');
    expect(fake.platform.openFile).toHaveBeenCalledTimes(1);
    expect(editor.getState()).toMatchObject({ name: 'gottwald.argmap.json', fileRef: 'ref-gottwald' });
    expect(getMap().meta.title).toBe('The Gottwald letter');
  });

  it('New replaces the map with an empty one; Revert reads the file again', async () => {
    const fake = slowPlatform();
    fake.state.disk.set('ref-open', new TextDecoder().decode(sampleBytes('As saved on disk')));
    await runHostCommand('revert');
    expect(fake.platform.reread).toHaveBeenCalledWith('ref-open');
    expect(getMap().meta.title).toBe('As saved on disk');
    await runHostCommand('new');
    expect(editor.getState().name).toBe(UNTITLED_NAME);
    expect(Object.keys(getMap().nodes)).toEqual([]);
  });

  it('Add Source… opens the Add Source dialog and Import Bibliography… asks for a bibliography, as the sources pane does', async () => {
    closeAddSource();
    await runHostCommand('addSource');
    expect(addSourceDialog.getState()).toMatchObject({ open: true, way: 'paste' });
    closeAddSource();
    const fake = slowPlatform({ nextDocument: { name: 'refs.bib', bytes: new TextEncoder().encode('@book{b, title = {T}}') } });
    await runHostCommand('importBibliography');
    expect(importDialog.getState().open).toBe(true);
    expect(fake.platform.openDocument).toHaveBeenCalledWith('bibliography');
    closeImport();
  });

  it('View > Theme chooses the theme and remembers it', async () => {
    const stored = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) });
    for (const choice of THEME_CHOICES) {
      await runHostCommand(themeCommand(choice));
      expect(themeChoice()).toBe(choice);
      expect(stored.get(THEME_STORAGE_KEY)).toBe(choice);
      expect(storedThemeChoice()).toBe(choice);
    }
  });

  /** Each command's effect, as a user would see it: a command whose handler did nothing fails here. */
  const EFFECTS = {
    new: async () => {
      await runHostCommand('new');
      expect(editor.getState().name).toBe(UNTITLED_NAME);
    },
    open: async () => {
      slowPlatform({ next: { name: 'b.argmap.json', bytes: sampleBytes('B'), ref: 'ref-b' } });
      await runHostCommand('open');
      expect(editor.getState().name).toBe('b.argmap.json');
    },
    save: async () => {
      slowPlatform();
      edit();
      await runHostCommand('save');
      expect(isDirty()).toBe(false);
    },
    saveAs: async () => {
      slowPlatform();
      await runHostCommand('saveAs');
      expect(editor.getState().name).toBe('chosen.argmap.json');
    },
    revert: async () => {
      const fake = slowPlatform();
      fake.state.disk.set('ref-open', new TextDecoder().decode(sampleBytes('Reverted')));
      await runHostCommand('revert');
      expect(getMap().meta.title).toBe('Reverted');
    },
    export: async () => {
      await runHostCommand('export');
      expect(exportDialog.getState().open).toBe(true);
    },
    exportOutline: async () => {
      await runHostCommand('exportOutline');
      expect(outlineExportDialog.getState().open).toBe(true);
    },
    compare: async () => {
      slowPlatform({ next: { name: 'student.argmap.json', bytes: sampleBytes('Student'), ref: 'ref-student' } });
      await runHostCommand('compare');
      expect(compareStore.getState().session?.studentName).toBe('student.argmap.json');
      expect(editor.getState().name).not.toBe('student.argmap.json');
      closeComparison();
    },
    merge: async () => {
      await runHostCommand('merge');
      expect(compareStore.getState().mergeDialog).toBe(true);
      closeMergeDialog();
      },
    exportHandout: async () => {
      await runHostCommand('exportHandout');
      expect(handoutExportDialog.getState().open).toBe(true);
    },
    addSource: async () => {
      closeAddSource();
      await runHostCommand('addSource');
      expect(addSourceDialog.getState().open).toBe(true);
      closeAddSource();
    },
    importBibliography: async () => {
      const fake = slowPlatform({ nextDocument: { name: 'refs.bib', bytes: new TextEncoder().encode('@book{b, title = {T}}') } });
      await runHostCommand('importBibliography');
      expect(importDialog.getState().open).toBe(true);
      closeImport();
    },
    undo: async () => {
      edit();
      await runHostCommand('undo');
      expect(getMap().nodes.c1?.text).toBe('Moscow approved the boycott.');
    },
    redo: async () => {
      edit();
      undoChange();
      await runHostCommand('redo');
      expect(getMap().nodes.c1?.text).toBe('Moscow ordered the boycott.');
    },
    fit: async () => {
      const fit = editor.getState().fitRequest;
      await runHostCommand('fit');
      expect(editor.getState()).toMatchObject({ fitRequest: fit + 1, fitMode: 'all' });
    },
    toggleSources: async () => {
      await runHostCommand('toggleSources');
      expect(panes).toEqual({ sources: false, inspector: true });
    },
    toggleInspector: async () => {
      await runHostCommand('toggleInspector');
      expect(panes).toEqual({ sources: true, inspector: false });
    },
    showShortcuts: async () => {
      await runHostCommand('showShortcuts');
      expect(editor.getState().notice?.title).toBe('Keyboard shortcuts');
      expect(editor.getState().notice?.lines.some((l) => l.includes('Undo / redo'))).toBe(true);
    },
    startLiveSeminar: async () => {
      seminarHost.setState({ open: false });
      await runHostCommand('startLiveSeminar');
      expect(seminarHost.getState().open).toBe(true);
    },
    'theme:system': async () => {
      setThemeChoice('dark');
      await runHostCommand('theme:system');
      expect(themeChoice()).toBe('system');
    },
    'theme:light': async () => {
      await runHostCommand('theme:light');
      expect(themeChoice()).toBe('light');
    },
    'theme:dark': async () => {
      await runHostCommand('theme:dark');
      expect(themeChoice()).toBe('dark');
    },
  } satisfies Record<HostCommand, () => Promise<void>>;

  it.each(HOST_COMMANDS)('%s does what its menu item says', async (command) => {
    await EFFECTS[command]();
  });

  it('a name that is not a command does nothing', async () => {
    const before = editor.getState();
    await runHostCommand('toString' as HostCommand);
    await runHostCommand('print' as HostCommand);
    expect(editor.getState()).toBe(before);
  });
});

describe('connecting to the host', () => {
  function host() {
    const states: DocumentState[] = [];
    let command: ((c: HostCommand) => void) | null = null;
    let save: (() => Promise<boolean>) | null = null;
    const themes: ThemeChoice[] = [];
    const platform = {
      ...fakePlatform().platform,
      kind: 'electron' as const,
      setDocumentState: (s: DocumentState) => void states.push(s),
      onMenuCommand: (fn: (c: HostCommand) => void) => void (command = fn),
      onSaveRequest: (fn: () => Promise<boolean>) => void (save = fn),
      setTheme: (choice: ThemeChoice) => void themes.push(choice),
    } satisfies Platform;
    return { platform, states, themes, command: () => command!, save: () => save! };
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

  it('tells the host the theme at start and at each change, once each, until disconnected', async () => {
    setThemeChoice('light');
    const h = host();
    const stop = connectHost(h.platform, hostUi);
    expect(h.themes).toEqual(['light']);
    setThemeChoice('dark');
    setThemeChoice('dark');
    expect(h.themes).toEqual(['light', 'dark']);
    h.command()('theme:system');
    await vi.waitFor(() => expect(h.themes).toEqual(['light', 'dark', 'system']));
    stop();
    setThemeChoice('light');
    expect(h.themes).toEqual(['light', 'dark', 'system']);
  });

  it('a reloaded window hosting a seminar reads its hosted file again, shows who is connected, and rejoins its room as the instructor', async () => {
    const files = fakePlatform();
    files.state.disk.set('ref-hosted', new TextDecoder().decode(sampleBytes('The class’s map')));
    const seminar = { code: 'ABC234', joinUrl: 'http://127.0.0.1:4780/#ABC234', address: '127.0.0.1', port: 4780, mode: 'open' as const, mapName: 'hosted.argmap.json' };
    const peers = [{ name: 'Ada', role: 'student' as const, connected: true }];
    // The room refuses this time (as a host might): the window says why in the running view.
    const roomInfo = vi.fn(async (_name: string): Promise<never> => {
      throw new Error('the room is not answering');
    });
    const live: LiveHostBridge = {
      addresses: async () => [],
      start: async () => seminar,
      stop: async () => undefined,
      current: async () => ({ seminar, peers, ref: 'ref-hosted' }),
      onPeers: () => undefined,
      onEnded: () => undefined,
      onProblem: () => undefined,
      socket: { roomInfo, open: async () => 1, send: () => undefined, close: () => undefined, onEvent: () => undefined },
      drafts: async () => [],
      draft: async () => Promise.reject(new Error('not in this test')),
    };
    const platform = { ...files.platform, kind: 'electron' as const, live } satisfies Platform;
    setFilePlatform(platform);
    seminarHost.setState({ seminar: null, peers: [], joinNote: null, leave: null });
    const stop = connectHost(platform, hostUi);
    await vi.waitFor(() => expect(String(seminarHost.getState().joinNote)).toMatch(/^This window could not join the seminar \(the room is not answering\)/));
    expect(files.platform.reread).toHaveBeenCalledWith('ref-hosted');
    expect(editor.getState()).toMatchObject({ name: 'reread.argmap.json', fileRef: 'ref-hosted' });
    expect(getMap().meta.title).toBe('The class’s map');
    expect(roomInfo).toHaveBeenCalledWith('Instructor');
    expect(seminarHost.getState()).toMatchObject({ seminar, peers, leave: null });
    stop();
    seminarHost.setState({ seminar: null, peers: [], joinNote: null });
  });

  it('for the browser (no host), connects nothing and asks nothing of the platform', () => {
    const { platform } = fakePlatform();
    const before = editor.getState();
    const stop = connectHost(platform, hostUi);
    edit();
    setThemeChoice('dark');
    stop();
    expect(editor.getState().history.present).not.toBe(before.history.present);
    for (const [name, fn] of Object.entries({ openFile: platform.openFile, saveFile: platform.saveFile, reread: platform.reread, openDocument: platform.openDocument, write: platform.backups.write, clear: platform.backups.clear }))
      expect(fn, name).not.toHaveBeenCalled();
  });
});
