// The document windows: one window per map. Each window is its own renderer with its own
// document, crash-backup slot and file tokens. Files the OS opens go to the window that
// already shows them, else to a window whose document is untouched (the analyst's map or
// an empty one), else to a new window. Open, Save and Revert inside a window act on that
// window's document, as the toolbar and keyboard do.
//
// This is the Electron-facing part of the shell (untestable without the Electron binary:
// the Playwright tests in tests/electron cover it); the decisions it applies are the pure
// modules beside it.
import { app, BrowserWindow, dialog, Menu, nativeTheme, screen, shell, type MessageBoxOptions, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Backup, DocumentPurpose, HostCommand } from '../../renderer/platform/types';
import type { ThemeChoice } from '../../renderer/theme/choices';
import { APP_ENTRY_URL, EXPORT_TYPES, type ExportKind, type ExportMime, type ExportPurpose, type FileToken, type InvokeChannels, type WireDocumentState, type WireFile } from '../ipc-contract';
import type { BackupFolder, LeftBehind } from './backups';
import { openDocument } from './documents';
import { FileServiceError, NotRegularFileError, notRegularPhrase, previousVersionPath, readFileGuarded, writeFileAtomic } from './fileService';
import type { WindowServices } from './ipc';
import { buildMenuTemplate } from './menu';
import { newSlotId } from './backups';
import { recentMenuLabel, type RecentFiles } from './recentFiles';
import { cascade, placeWindow, type SavedWindowState, type WindowStateStore } from './state';
import { removeStaleTemps } from './tempFiles';
import { FileTokens, samePath } from './tokens';
import { LiveSeminars, seminarForWindow, stopFailure, type HostOptions, type RunningHost } from './live';
import { LiveRelay } from './liveRelay';
import { LIVE_STOP_FAILED, liveClosePrompt, liveStopFailedBox } from './liveChoices';
import type { LiveAddress } from '../../renderer/platform/live';
import { closeChoice, closePrompt, displayName, PRODUCT_NAME, safeExportName, safeFileName, windowOptions, windowTitle } from './window';

export interface ShellPaths {
  rendererRoot: string;
  preload: string;
  icon?: string;
  previousVersions: string;
}

export interface ShellDeps {
  paths: ShellPaths;
  backups: BackupFolder;
  recent: RecentFiles;
  windowState: WindowStateStore;
  packaged: boolean;
  /** File > Start Live Seminar…: the shared host (arguments/cli/live/host.ts) and this computer's addresses. */
  live: { startHost(options: HostOptions): Promise<RunningHost>; addresses(): LiveAddress[] };
}

const FILE_FILTERS = [
  { name: 'Argument maps', extensions: ['json'] },
  // Open imports these as new maps (renderer/files/exchange.ts); Save writes maps only.
  { name: 'Argdown and AIF', extensions: ['argdown', 'ad', 'json'] },
  { name: 'All files', extensions: ['*'] },
];

export interface DocWindow {
  win: BrowserWindow;
  /** The webContents id: what IPC events name their sender by. */
  id: number;
  slot: string;
  /** What the renderer last said about its document; null until it has started. */
  state: WireDocumentState | null;
  /** The renderer has connected its host listeners (its first document state arrived). */
  ready: boolean;
  /** Messages for the renderer once it is ready. */
  queue: (() => void)[];
  /** The user answered the close prompt (or the document was clean): close without asking. */
  closeConfirmed: boolean;
  asking: boolean;
  /** After Don't Save the slot is cleared; writes still in flight must not bring it back. */
  backupsClosed: boolean;
  pendingSaves: Map<number, (saved: boolean) => void>;
  /** A file was sent to it and its renderer has not reported a file since: not to be reused for another. */
  receivingFile: boolean;
  /** The shell itself ended a hung renderer to reload it. */
  restarting: boolean;
  /** A close is under way and waits for the page's beforeunload. */
  closeRequested: boolean;
  saveBoundsTimer: ReturnType<typeof setTimeout> | null;
}

/** The Save dialog's filter for each export type (for figures, the Export dialog's labels, renderer/export/save.ts). */
const EXPORT_FILTER_NAMES = {
  'image/svg+xml': 'SVG figure',
  'image/png': 'PNG image',
  'application/pdf': 'PDF document',
  'application/vnd.citationstyles.csl+json': 'CSL-JSON bibliography',
  'application/x-bibtex': 'BibTeX bibliography',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'text/markdown': 'Markdown',
  'application/x-tex': 'LaTeX document',
  'text/x-argdown': 'Argdown',
  'application/x-aif+json': 'AIF (OVA3 JSON)',
  'text/html': 'Web page (HTML)',
} satisfies Record<ExportMime, string>;

const EXPORT_DIALOG_TITLES = { figure: 'Export Figure', bibliography: 'Export Bibliography', outline: 'Export Outline', handout: 'Export Handout', report: 'Export Comparison Report' } satisfies Record<ExportPurpose, string>;
/** The title when the renderer does not say what the export is: from its MIME type's kind. */
const KIND_PURPOSES = { figure: 'figure', bibliography: 'bibliography', outline: 'outline', page: 'handout' } satisfies Record<ExportKind, ExportPurpose>;

/** fileService's sentences speak of maps and Save As; an export is exported again instead. */
function exportWriteMessage(err: unknown, name: string): string {
  if (err instanceof NotRegularFileError) return `${notRegularPhrase(name, err.kind)}; export again and choose another name.`;
  const code = err instanceof FileServiceError ? err.code : undefined;
  if (code === 'EREADONLY') return `“${name}” is read-only; export again and choose another name or folder.`;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `The folder chosen for “${name}” is no longer there (it was moved or deleted).`;
  return err instanceof Error && err.message ? err.message : `“${name}” could not be written.`;
}

/** The checks of what a window writes load the map loader and its schemas: at the first save, not before the first window. */
const writeChecks = () => import('./writeChecks');

const outcomeError = (err: unknown, fallback: string) => ({ ok: false as const, message: err instanceof FileServiceError || err instanceof Error ? err.message || fallback : fallback });

export class WindowManager {
  private readonly windows = new Map<number, DocWindow>();
  private readonly tokens = new FileTokens();
  private lastFocused: DocWindow | null = null;
  private lastFolder: string | null = null;
  /** Where the last figure or bibliography was exported (exports often go elsewhere than maps). */
  private lastExportFolder: string | null = null;
  /** Where the last source or bibliography was added from. */
  private lastDocumentFolder: string | null = null;
  private quitting = false;
  private nextRequest = 1;
  private prompts: Promise<void> = Promise.resolve();
  private savedWindowState: SavedWindowState | null = null;
  private menuKey = '';
  /** As the renderers last said (they remember the choice); the system's until the first says. */
  private theme: ThemeChoice = 'system';
  /** The live seminars, one per hosting window; students are served the app's own web build. */
  readonly live: LiveSeminars;
  /** The hosting window's own connection to its room, through main (liveRelay.ts). */
  readonly relay: LiveRelay;

  constructor(private readonly deps: ShellDeps) {
    const send = (id: number, fn: (entry: DocWindow) => void) => {
      const entry = this.windows.get(id);
      if (entry && !entry.win.isDestroyed()) fn(entry);
    };
    this.live = new LiveSeminars({
      startHost: (o) => deps.live.startHost(o),
      addresses: () => deps.live.addresses(),
      webRoot: deps.paths.rendererRoot,
      peers: (id, peers) => send(id, (e) => e.win.webContents.send('host:live-peers', peers)),
      ended: (id, reason, saved) => {
        send(id, (e) => e.win.webContents.send('host:live-ended', { reason, saved }));
        void this.rebuildMenu();
      },
      problem: (id, message) => send(id, (e) => e.win.webContents.send('host:live-problem', message)),
    });
    this.relay = new LiveRelay({
      target: (id) => {
        const s = this.live.current(id);
        return s ? { address: s.address, port: s.port, code: s.code, key: s.key, roomInfo: (name) => this.live.instructorInfo(id, name) ?? { ok: false, status: 404, message: 'This window hosts no live seminar now.' } } : null;
      },
      emit: (id, channel, payload) => send(id, (e) => e.win.webContents.send(channel, payload)),
    });
  }

  /** The renderer's files, served by the app protocol. */
  get rendererRoot(): string {
    return this.deps.paths.rendererRoot;
  }

  async init(): Promise<void> {
    this.savedWindowState = await this.deps.windowState.load();
    const recent = await this.deps.recent.load();
    // No save runs yet: whatever temporary file is in previous-versions/ was left by a killed one.
    await removeStaleTemps(this.deps.paths.previousVersions, { of: () => true, olderThanMs: 0 });
    for (const path of recent) void this.removeTempsBeside(path);
  }

  /**
   * Temporary files a killed save left beside a map: only of that map's own name, in our exact
   * pattern, and over a minute old (a younger one may be another program's save in progress).
   */
  private removeTempsBeside(path: string): Promise<number> {
    const name = basename(path);
    return removeStaleTemps(dirname(path), { of: (n) => n === name, olderThanMs: 60_000 });
  }

  get count(): number {
    return this.windows.size;
  }

  /** The services the IPC handlers call for a sender; null for anything but a live app window. */
  services = (webContentsId: number): WindowServices | null => {
    const entry = this.windows.get(webContentsId);
    return entry && !entry.win.isDestroyed() ? this.servicesFor(entry) : null;
  };

  // ----- windows ------------------------------------------------------------------------

  private front(): DocWindow | null {
    const focused = BrowserWindow.getFocusedWindow();
    const entry = focused ? [...this.windows.values()].find((e) => e.win === focused) : undefined;
    if (entry) return entry;
    return this.lastFocused && !this.lastFocused.win.isDestroyed() ? this.lastFocused : null;
  }

  private placement() {
    const primary = screen.getPrimaryDisplay().workArea;
    const front = this.front();
    if (front && !front.win.isMaximized() && !front.win.isFullScreen()) {
      const from = front.win.getBounds();
      return { bounds: cascade(from, screen.getDisplayMatching(from).workArea), maximized: false, fullScreen: false };
    }
    return placeWindow(this.savedWindowState, screen.getAllDisplays().map((d) => d.workArea), primary);
  }

  /**
   * Opens a window. `adopt`: an orphaned crash backup it offers back; `then`: what to do once
   * its renderer is ready (open a file, run a command).
   */
  async createWindow(options: { adopt?: string; then?: (entry: DocWindow) => void } = {}): Promise<DocWindow> {
    const place = this.placement();
    const browserOptions = windowOptions({ preloadPath: this.deps.paths.preload, bounds: place.bounds, platform: process.platform, packaged: this.deps.packaged, iconPath: this.deps.paths.icon });
    // electronegativity reads only literal options; these are set in windowOptions() and asserted one by one in tests/unit/electron/window.test.ts.
    const win = new BrowserWindow(browserOptions); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK -- contextIsolation, sandbox and disableBlinkFeatures Auxclick come from windowOptions()
    const entry: DocWindow = {
      win,
      id: win.webContents.id,
      slot: newSlotId(),
      state: null,
      ready: false,
      queue: [],
      closeConfirmed: false,
      asking: false,
      backupsClosed: false,
      pendingSaves: new Map(),
      receivingFile: false,
      restarting: false,
      closeRequested: false,
      saveBoundsTimer: null,
    };
    this.windows.set(entry.id, entry);
    this.lastFocused ??= entry;
    this.wire(entry, place);
    if (options.then) entry.queue.push(() => options.then!(entry));
    if (options.adopt) {
      // Before the page loads, so its first backups.read() finds it.
      await this.deps.backups.adopt(options.adopt, entry.slot).catch((err: unknown) => console.warn('Argument Atlas could not restore a backup slot:', err));
    }
    await win.loadURL(APP_ENTRY_URL).catch((err: unknown) => console.error('Argument Atlas could not load its page:', err));
    return entry;
  }

  private wire(entry: DocWindow, place: { maximized: boolean; fullScreen: boolean }): void {
    const { win } = entry;
    const contents = win.webContents;
    win.once('ready-to-show', () => {
      if (place.maximized) win.maximize();
      if (place.fullScreen) win.setFullScreen(true);
      win.show();
    });
    // The title is the shell's (name, dirty marker), not the page's.
    win.on('page-title-updated', (event) => event.preventDefault());
    win.on('focus', () => {
      this.lastFocused = entry;
      void this.rebuildMenu();
    });
    const saveBoundsSoon = () => {
      if (entry.saveBoundsTimer) clearTimeout(entry.saveBoundsTimer);
      entry.saveBoundsTimer = setTimeout(() => this.rememberBounds(entry), 500);
    };
    win.on('resize', saveBoundsSoon);
    win.on('move', saveBoundsSoon);
    win.on('close', (event) => this.onClose(entry, event));
    win.on('closed', () => this.onClosed(entry));
    contents.on('did-start-loading', () => {
      // A reload: the new page starts over (and will report its document again).
      this.settleSaves(entry, false);
      entry.ready = false;
      entry.state = null;
      this.relay.closeWindow(entry.id);
    });
    // The page's beforeunload refused to unload: it has unsaved changes. When the user already
    // answered, unload anyway; when closing, ask (main had not heard of the changes yet); a
    // reload (developer builds) is simply not done.
    contents.on('will-prevent-unload', (event) => {
      if (entry.closeConfirmed) return event.preventDefault();
      if (entry.closeRequested) {
        entry.closeRequested = false;
        this.askToClose(entry);
      }
    });
    contents.on('render-process-gone', (_event, details) => {
      this.settleSaves(entry, false);
      entry.ready = false;
      if (details.reason === 'clean-exit' || win.isDestroyed()) return;
      if (entry.restarting) {
        entry.restarting = false;
        contents.reload();
        return;
      }
      void this.offerReload(entry, 'stopped unexpectedly');
    });
    win.on('unresponsive', () => void this.offerReload(entry, 'is not responding', true));
  }

  private async offerReload(entry: DocWindow, what: string, canWait = false): Promise<void> {
    if (entry.win.isDestroyed()) return;
    const buttons = canWait ? ['Reopen', 'Wait'] : ['Reopen', 'Close Window'];
    const { response } = await dialog.showMessageBox(entry.win, {
      type: 'error',
      message: `The map in this window ${what}.`,
      detail: 'Unsaved changes are backed up within a second of each edit; reopening the window offers them back.',
      buttons,
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (entry.win.isDestroyed()) return;
    if (response === 0 && canWait) {
      // A hung page cannot reload itself: end its renderer, then reload (render-process-gone).
      entry.restarting = true;
      entry.win.webContents.forcefullyCrashRenderer();
    } else if (response === 0) entry.win.webContents.reload();
    else if (!canWait) {
      // The backup stays: the next start offers it.
      entry.closeConfirmed = true;
      entry.win.destroy();
    }
  }

  private rememberBounds(entry: DocWindow): void {
    const { win } = entry;
    if (entry.saveBoundsTimer) clearTimeout(entry.saveBoundsTimer);
    entry.saveBoundsTimer = null;
    if (win.isDestroyed() || win.isMinimized()) return;
    const b = win.getNormalBounds();
    this.savedWindowState = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized(), fullScreen: win.isFullScreen() };
    void this.deps.windowState.save(this.savedWindowState);
  }

  // ----- closing and quitting ---------------------------------------------------------------

  private onClose(entry: DocWindow, event: Electron.Event): void {
    if (entry.closeConfirmed) {
      this.rememberBounds(entry);
      return;
    }
    // A window hosting a seminar asks to stop it first (stopping saves); then it closes as any other.
    if (this.live.hosting(entry.id)) {
      event.preventDefault();
      this.askToStopLive(entry);
      return;
    }
    if (entry.state?.dirty === true || entry.asking) {
      event.preventDefault();
      this.askToClose(entry);
      return;
    }
    // Clean as far as main knows: the page's beforeunload has the last word (will-prevent-unload).
    entry.closeRequested = true;
    setTimeout(() => (entry.closeRequested = false), 1000);
    this.rememberBounds(entry);
  }

  /** Save / Don't Save / Cancel, one window at a time (quitting with several unsaved maps asks for each in turn). */
  private askToClose(entry: DocWindow): void {
    if (entry.asking) return;
    entry.asking = true;
    const forQuit = this.quitting;
    this.prompts = this.prompts.then(async () => {
      try {
        if ((forQuit && !this.quitting) || entry.win.isDestroyed()) return;
        if (entry.win.isMinimized()) entry.win.restore();
        entry.win.focus();
        const prompt = closePrompt(entry.state?.name ?? 'this map', process.platform);
        const { choices: _choices, ...box } = prompt;
        const { response } = await dialog.showMessageBox(entry.win, box satisfies MessageBoxOptions);
        const choice = closeChoice(prompt, response);
        if (choice === 'cancel') {
          this.quitting = false;
          return;
        }
        if (choice === 'save' && !(await this.requestSave(entry))) {
          this.quitting = false;
          return;
        }
        // Saved or declined: the crash backup is obsolete (cleared here too, in case the renderer's own clear is still on its way).
        entry.backupsClosed = true;
        await this.deps.backups.clear(entry.slot).catch(() => undefined);
        this.rememberBounds(entry);
        entry.closeConfirmed = true;
        if (!entry.win.isDestroyed()) entry.win.destroy();
      } catch (err) {
        console.error('Argument Atlas could not close the window:', err);
        this.quitting = false;
      } finally {
        entry.asking = false;
      }
    });
  }

  /** Stop Seminar / Cancel for a hosting window that is closing (or quitting); on Stop it saves, stops and closes. */
  private askToStopLive(entry: DocWindow): void {
    if (entry.asking) return;
    entry.asking = true;
    const forQuit = this.quitting;
    this.prompts = this.prompts.then(async () => {
      let close = false;
      try {
        if ((forQuit && !this.quitting) || entry.win.isDestroyed()) return;
        if (entry.win.isMinimized()) entry.win.restore();
        entry.win.focus();
        const seminar = this.live.current(entry.id);
        const box = liveClosePrompt(seminar?.mapName ?? entry.state?.name ?? 'this map', this.live.connectedCount(entry.id), forQuit);
        const { response } = await dialog.showMessageBox(entry.win, box satisfies MessageBoxOptions);
        if (response !== 0) {
          this.quitting = false;
          return;
        }
        const failure = await this.live.stopAndTell(entry.id, null);
        // The host stopped, but its last save failed: the window stays open (its copy may be the newest) and says why.
        if (failure !== null) {
          this.quitting = false;
          if (!entry.win.isDestroyed()) await dialog.showMessageBox(entry.win, liveStopFailedBox(failure));
          return;
        }
        close = true;
      } catch (err) {
        console.error('Argument Atlas could not stop the live seminar:', err);
        this.quitting = false;
      } finally {
        entry.asking = false;
      }
      // Now as any window: its own unsaved-changes question, if it has one.
      if (close && !entry.win.isDestroyed()) entry.win.close();
    });
  }

  /** Asks the renderer to save (Save in the close prompt); true once the file is written. */
  private requestSave(entry: DocWindow): Promise<boolean> {
    if (entry.win.isDestroyed() || !entry.ready) return Promise.resolve(false);
    const id = this.nextRequest++;
    return new Promise<boolean>((resolve) => {
      entry.pendingSaves.set(id, resolve);
      entry.win.webContents.send('host:save-request', id);
    });
  }

  private settleSaves(entry: DocWindow, saved: boolean): void {
    for (const resolve of entry.pendingSaves.values()) resolve(saved);
    entry.pendingSaves.clear();
  }

  private onClosed(entry: DocWindow): void {
    this.settleSaves(entry, false);
    if (entry.saveBoundsTimer) clearTimeout(entry.saveBoundsTimer);
    this.windows.delete(entry.id);
    this.tokens.forget(entry.id);
    this.relay.closeWindow(entry.id);
    // A window that went without asking (its renderer crashed and it was closed): its seminar saves and stops (a failed save is said with no window).
    void this.live.stop(entry.id).catch((err: unknown) => dialog.showErrorBox(LIVE_STOP_FAILED, stopFailure(err)));
    if (this.lastFocused === entry) this.lastFocused = [...this.windows.values()].at(-1) ?? null;
    void this.rebuildMenu();
    // Quitting goes on with the windows that are left.
    if (this.quitting) app.quit();
  }

  /** app 'before-quit': from now on, a closing window with unsaved changes asks within the quit. */
  beginQuit(): void {
    this.quitting = true;
  }

  // ----- documents --------------------------------------------------------------------------

  private pathOf(entry: DocWindow): string | null {
    return entry.state?.ref ? this.tokens.resolve(entry.id, entry.state.ref) : null;
  }

  private windowShowing(path: string, except?: DocWindow): DocWindow | null {
    for (const e of this.windows.values()) {
      if (e === except || e.win.isDestroyed()) continue;
      const p = this.pathOf(e);
      if (p && samePath(p, path)) return e;
    }
    return null;
  }

  private pristine(entry: DocWindow): boolean {
    return entry.ready && entry.queue.length === 0 && !entry.receivingFile && entry.state !== null && !entry.state.dirty && entry.state.ref === null && !entry.asking;
  }

  private whenReady(entry: DocWindow, fn: () => void): void {
    if (entry.ready) fn();
    else entry.queue.push(fn);
  }

  private focus(entry: DocWindow): void {
    if (entry.win.isMinimized()) entry.win.restore();
    entry.win.show();
    entry.win.focus();
  }

  private async remember(path: string): Promise<void> {
    this.lastFolder = dirname(path);
    // The OS's own list (Dock menu, Jump List); macOS and Windows only.
    if (process.platform === 'darwin' || process.platform === 'win32') app.addRecentDocument(path);
    await this.deps.recent.add(path);
    void this.rebuildMenu();
  }

  private async readForWindow(entry: DocWindow, path: string): Promise<WireFile> {
    const bytes = await readFileGuarded(path);
    void this.removeTempsBeside(path);
    return { name: basename(path), bytes, token: this.tokens.issue(entry.id, path) };
  }

  /** Crash backups no window owns: left by a crash or a kill of the app. */
  backupsLeftBehind(): Promise<LeftBehind> {
    return this.deps.backups.leftBehind(new Set([...this.windows.values()].map((e) => e.slot)));
  }

  /** Says, once (they are gone from the backups the next start looks at), that unreadable backups were kept aside. */
  async tellOfDamagedBackups(entry: DocWindow, count: number): Promise<void> {
    const folder = this.deps.backups.damagedDir;
    const box: MessageBoxOptions = {
      type: 'warning',
      message: count === 1 ? 'A crash backup could not be read' : `${count} crash backups could not be read`,
      detail: `${count === 1 ? 'It was' : 'They were'} not offered back, and nothing was deleted: ${count === 1 ? 'it is' : 'they are'} kept in ${folder}`,
      buttons: ['OK', 'Show Folder'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    };
    try {
      const { response } = await (entry.win.isDestroyed() ? dialog.showMessageBox(box) : dialog.showMessageBox(entry.win, box));
      if (response === 1) await shell.openPath(folder);
    } catch (err) {
      console.warn('Argument Atlas could not say that backups were damaged:', err);
    }
  }

  /**
   * A map the OS asks to open (argv, open-file, second launch) or one from Open Recent: the
   * window showing it already is brought forward; else it goes to `into`, or (Open Recent)
   * the window in front, whose renderer asks about unsaved changes first; else to a window
   * whose document is untouched; else to a new window.
   */
  async openPath(path: string, options: { preferFront?: boolean; into?: DocWindow } = {}): Promise<void> {
    const showing = this.windowShowing(path);
    if (showing) return this.focus(showing);
    const front = this.front();
    const candidates = [...(front ? [front] : []), ...this.windows.values()];
    const target = options.into ?? (options.preferFront && front ? front : candidates.find((e) => this.pristine(e)));
    if (target) {
      await this.sendFile(target, path);
      this.focus(target);
      return;
    }
    await this.createWindow({ then: (entry) => void this.sendFile(entry, path) });
  }

  private async sendFile(entry: DocWindow, path: string): Promise<void> {
    let file: WireFile;
    entry.receivingFile = true;
    try {
      file = await this.readForWindow(entry, path);
    } catch (err) {
      entry.receivingFile = false;
      if (err instanceof FileServiceError && err.code === 'ENOENT') await this.deps.recent.remove(path);
      void this.rebuildMenu();
      const box: MessageBoxOptions = { type: 'error', message: `Could not open “${basename(path)}”`, detail: err instanceof Error ? err.message : String(err), noLink: true };
      await (entry.win.isDestroyed() ? dialog.showMessageBox(box) : dialog.showMessageBox(entry.win, box));
      return;
    }
    this.whenReady(entry, () => {
      if (!entry.win.isDestroyed()) entry.win.webContents.send('host:open-file', file);
    });
    await this.remember(path);
  }

  /** A menu command for the document in front; New and Open with no window open one first. */
  command(command: HostCommand): void {
    const front = this.front();
    if (front) return this.whenReady(front, () => front.win.webContents.send('host:command', command));
    if (command === 'new' || command === 'open') void this.createWindow({ then: (entry) => entry.win.webContents.send('host:command', command) });
  }

  newWindow(): void {
    void this.createWindow({ then: (entry) => entry.win.webContents.send('host:command', 'new') });
  }

  focusOrCreate(): void {
    const front = this.front() ?? [...this.windows.values()][0];
    if (front) this.focus(front);
    else void this.createWindow();
  }

  async clearRecent(): Promise<void> {
    if (process.platform === 'darwin' || process.platform === 'win32') app.clearRecentDocuments();
    await this.deps.recent.clear();
    await this.rebuildMenu();
  }

  about(): void {
    app.showAboutPanel();
  }

  /** File > Print…: the window in front prints its map (the page fits it and hides the rest: renderer/print). */
  print(): void {
    const front = this.front();
    if (!front || front.win.isDestroyed()) return;
    front.win.webContents.print({}, (printed, reason) => {
      if (!printed && reason !== 'cancelled') console.warn('Argument Atlas could not print:', reason);
    });
  }

  /** The theme chosen in a window: every window's frame follows it (nativeTheme is the app's), and View > Theme shows it. */
  setTheme(choice: ThemeChoice): void {
    this.theme = choice;
    nativeTheme.themeSource = choice;
    void this.rebuildMenu();
  }

  // ----- the menu ---------------------------------------------------------------------------

  async rebuildMenu(): Promise<void> {
    const recent = await this.deps.recent.prune();
    const front = this.front();
    const doc = front ? { canRevert: front.state?.canRevert ?? false, panes: front.state?.panes ?? { sources: true, inspector: true } } : null;
    const home = app.getPath('home');
    const hosting = front !== null && this.live.hosting(front.id);
    const ctx = { platform: process.platform, appName: PRODUCT_NAME, packaged: this.deps.packaged, recent: recent.map((path) => ({ path, label: recentMenuLabel(path, home) })), document: doc, theme: this.theme, hosting };
    const key = JSON.stringify(ctx);
    if (key === this.menuKey) return;
    this.menuKey = key;
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate(ctx, {
          command: (c) => this.command(c),
          newWindow: () => this.newWindow(),
          openRecent: (path) => void this.openPath(path, { preferFront: true }),
          clearRecent: () => void this.clearRecent(),
          about: () => this.about(),
          print: () => this.print(),
          // The window in front when clicked (the menu is not rebuilt when focus moves between two hosting windows).
          stopLiveSeminar: () => {
            const now = this.front();
            if (!now) return;
            void this.live.stopAndTell(now.id, 'The live seminar was stopped from the menu; the map was saved.').then((failure) => {
              if (failure !== null && !now.win.isDestroyed()) void dialog.showMessageBox(now.win, liveStopFailedBox(failure));
            });
          },
        }),
      ),
    );
  }

  // ----- what each window's IPC does ----------------------------------------------------------

  private servicesFor(entry: DocWindow): WindowServices {
    const parent = () => entry.win;
    return {
      openFile: async (): Promise<InvokeChannels['file:open']['result']> => {
        const options: OpenDialogOptions = { title: 'Open Map', properties: ['openFile'], filters: FILE_FILTERS, ...(this.lastFolder ? { defaultPath: this.lastFolder } : {}) };
        const chosen = await dialog.showOpenDialog(parent(), options);
        const path = chosen.canceled ? undefined : chosen.filePaths[0];
        if (!path) return { ok: true, value: null };
        const elsewhere = this.windowShowing(path, entry);
        if (elsewhere) {
          this.focus(elsewhere);
          return { ok: true, value: null };
        }
        try {
          const file = await this.readForWindow(entry, path);
          await this.remember(path);
          return { ok: true, value: file };
        } catch (err) {
          return outcomeError(err, 'The file could not be read.');
        }
      },

      saveFile: async (text: string, suggestedName: string, token: FileToken | null): Promise<InvokeChannels['file:save']['result']> => {
        // Only a map the app could open again is written: not whatever text a page sends.
        const refused = (await writeChecks()).mapRefusal(text, displayName(suggestedName));
        if (refused) {
          if (!entry.win.isDestroyed()) void dialog.showMessageBox(entry.win, { type: 'error', message: `Could not save “${displayName(suggestedName)}”`, detail: refused.message, noLink: true });
          return { ok: false, message: refused.message };
        }
        let path: string | null;
        if (token !== null) {
          path = this.tokens.resolve(entry.id, token);
          if (!path) return { ok: false, message: 'Argument Atlas no longer knows where this map’s file is; use Save As.' };
        } else {
          const options: SaveDialogOptions = {
            title: 'Save Map',
            defaultPath: join(this.lastFolder ?? app.getPath('documents'), safeFileName(suggestedName)),
            filters: FILE_FILTERS.slice(0, 1),
            properties: ['createDirectory', 'showOverwriteConfirmation'],
          };
          const chosen = await dialog.showSaveDialog(parent(), options);
          if (chosen.canceled || !chosen.filePath) return { ok: true, value: null };
          path = chosen.filePath;
          const elsewhere = this.windowShowing(path, entry);
          if (elsewhere) return { ok: false, message: `“${basename(path)}” is open in another window. Close it there, or save under another name.` };
        }
        const hosted = this.live.saveRefusal(entry.id, path);
        if (hosted) return { ok: false, message: hosted };
        try {
          await writeFileAtomic(path, text, { previousVersionPath: previousVersionPath(this.deps.paths.previousVersions, path) });
        } catch (err) {
          const message = err instanceof Error ? err.message : 'The file could not be written.';
          // The old file is untouched and the document stays unsaved; the user is told why, in a dialog.
          if (!entry.win.isDestroyed())
            void dialog.showMessageBox(entry.win, { type: 'error', message: `Could not save “${displayName(basename(path))}”`, detail: `${message}\n\nThe file on disk was left as it was, and your changes are still open.`, noLink: true });
          return { ok: false, message };
        }
        const saved = { name: basename(path), token: this.tokens.issue(entry.id, path) };
        await this.remember(path);
        return { ok: true, value: saved };
      },

      reread: async (token: FileToken): Promise<InvokeChannels['file:reread']['result']> => {
        const path = this.tokens.resolve(entry.id, token);
        if (!path) return { ok: false, message: 'Argument Atlas no longer knows where this map’s file is.' };
        try {
          const file = await this.readForWindow(entry, path);
          this.live.reread(entry.id);
          return { ok: true, value: file };
        } catch (err) {
          return outcomeError(err, 'The file could not be read.');
        }
      },

      saveBinary: async (bytes: Uint8Array, suggestedName: string, mime: ExportMime, purpose?: ExportPurpose): Promise<InvokeChannels['file:save-binary']['result']> => {
        // The renderer names the format and suggests a name; the path is the one the user confirms here.
        const refused = await (await writeChecks()).exportRefusal(bytes, mime, suggestedName);
        if (refused) return { ok: false, message: refused.message };
        const { extension: ext, kind } = EXPORT_TYPES[mime];
        let path: string;
        try {
          const options: SaveDialogOptions = {
            title: EXPORT_DIALOG_TITLES[purpose ?? KIND_PURPOSES[kind]],
            defaultPath: join(this.lastExportFolder ?? this.lastFolder ?? app.getPath('documents'), safeExportName(suggestedName, ext)),
            filters: [{ name: EXPORT_FILTER_NAMES[mime], extensions: [ext] }],
            properties: ['createDirectory', 'showOverwriteConfirmation'],
          };
          const chosen = await dialog.showSaveDialog(parent(), options);
          if (chosen.canceled || !chosen.filePath) return { ok: true, value: null };
          path = chosen.filePath;
        } catch (err) {
          console.error('Argument Atlas could not show the Save dialog:', err);
          return { ok: false, message: 'The Save dialog could not be shown.' };
        }
        if (extname(path).toLowerCase() !== `.${ext}`) {
          // Some dialogs (Linux) do not add the filter's extension. The user confirmed
          // overwriting the name typed, not this one: an existing file is not replaced.
          path = `${path}.${ext}`;
          if (existsSync(path)) return { ok: false, message: `A file named “${basename(path)}” is already there; export again and choose it or another name.` };
        }
        if (this.windowShowing(path)) return { ok: false, message: `“${basename(path)}” is open as a map in a window; export again and choose another name.` };
        try {
          await writeFileAtomic(path, bytes);
        } catch (err) {
          // The Export dialog shows the sentence; whatever was at `path` is left as it was.
          return { ok: false, message: exportWriteMessage(err, basename(path)) };
        }
        this.lastExportFolder = dirname(path);
        return { ok: true, value: { name: basename(path) } };
      },

      openDocument: async (purpose: DocumentPurpose): Promise<InvokeChannels['file:open-document']['result']> => {
        // Copied into the map: no token is issued and it does not join Open Recent (which lists maps).
        const { outcome, chosen } = await openDocument(purpose, (options) => dialog.showOpenDialog(parent(), options), this.lastDocumentFolder ?? this.lastFolder);
        if (chosen) this.lastDocumentFolder = dirname(chosen);
        return outcome;
      },

      writeBackup: async (backup: Backup) => {
        if (entry.backupsClosed) return;
        await this.deps.backups.write(entry.slot, backup);
      },
      readBackup: () => this.deps.backups.read(entry.slot),
      clearBackup: () => this.deps.backups.clear(entry.slot),

      setDocumentState: (state: WireDocumentState) => {
        const first = !entry.ready;
        entry.state = { ...state, name: displayName(state.name), ref: state.ref && this.tokens.resolve(entry.id, state.ref) ? state.ref : null };
        entry.ready = true;
        if (entry.state.ref) entry.receivingFile = false;
        const { win } = entry;
        if (!win.isDestroyed()) {
          win.setTitle(windowTitle(entry.state, process.platform));
          if (process.platform === 'darwin') {
            win.setDocumentEdited(entry.state.dirty);
            win.setRepresentedFilename(this.pathOf(entry) ?? '');
          }
        }
        if (first) for (const fn of entry.queue.splice(0)) fn();
        if (this.front() === entry) void this.rebuildMenu();
      },

      saveResult: (requestId: number, saved: boolean) => {
        const resolve = entry.pendingSaves.get(requestId);
        entry.pendingSaves.delete(requestId);
        resolve?.(saved);
      },

      setTheme: (choice: ThemeChoice) => this.setTheme(choice),

      liveAddresses: async () => this.live.addresses(),
      liveStart: async (token, request) => {
        const path = this.tokens.resolve(entry.id, token);
        if (!path) return { ok: false, message: 'Argument Atlas no longer knows where this map’s file is; save it again, then start the seminar.' };
        // The room starts from the file: changes not yet saved would not be in it.
        if (entry.state?.dirty === true) return { ok: false, message: 'Save the map first: the seminar starts from the saved file, and your unsaved changes would not be in it.' };
        const started = await this.live.start(entry.id, path, request);
        void this.rebuildMenu();
        return started.ok ? { ok: true, value: seminarForWindow(started.value) } : started;
      },
      liveStop: async () => {
        try {
          // The host's close ends the window's relayed socket too; the window hears of it (host:live-socket-close).
          await this.live.stop(entry.id);
          return { ok: true, value: null };
        } catch (err) {
          // The host stopped all the same (its last save failed): the window hears that it ended, and why, instead of "saved".
          const failure = stopFailure(err);
          if (!entry.win.isDestroyed()) entry.win.webContents.send('host:live-ended', { reason: failure, saved: false });
          return { ok: false, message: failure };
        } finally {
          void this.rebuildMenu();
        }
      },
      liveCurrent: async () => {
        const now = this.live.now(entry.id);
        // The window's own token for the file it hosts (the same one it had before a reload).
        return now ? { seminar: seminarForWindow(now.seminar), peers: now.peers, token: this.tokens.issue(entry.id, now.mapPath) } : null;
      },
      liveRoomInfo: async (name) => this.relay.roomInfo(entry.id, name),
      liveSocketOpen: async (name) => this.relay.open(entry.id, name),
      liveSocketSend: (id, bytes) => this.relay.send(entry.id, id, bytes),
      liveSocketClose: (id) => this.relay.close(entry.id, id),
      liveDrafts: async () => this.live.drafts(entry.id),
      liveDraft: async (name) => this.live.draft(entry.id, name),
    };
  }
}

