// The Electron main process: app lifecycle, the app:// protocol, the session's hardening,
// IPC, and the document windows (windows.ts). Built by scripts/build-electron.mjs into
// dist/electron/main.cjs, next to preload.cjs; the renderer is dist/renderer.
import { app, ipcMain, protocol, session, shell } from 'electron';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { filesFromArgv } from './argv';
import { BackupFolder } from './backups';
import { registerIpc } from './ipc';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { RecentFiles } from './recentFiles';
import { hardenSession, hardenWebContents } from './security';
import { WindowStateStore } from './state';
import { APP_SCHEME } from '../ipc-contract';
import { PRODUCT_NAME } from './window';
import { WindowManager } from './windows';
import { listLiveAddresses } from './liveChoices';

/** Set by the build from package.json. */
declare const __APP_VERSION__: string;
/** The builder config's appId, for Windows taskbar grouping and jump lists. */
const APP_ID = 'org.argumentatlas.desktop';

// ----- before ready ------------------------------------------------------------------------

app.setName(PRODUCT_NAME);
// Tests (unpackaged only) keep their own data folder; otherwise the platform's folder for the product.
const testData = !app.isPackaged ? process.env.ARGUMENT_ATLAS_USER_DATA : undefined;
app.setPath('userData', testData || join(app.getPath('appData'), PRODUCT_NAME));
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
// Every renderer sandboxed, whatever its web preferences say.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);

// One app process: a second launch hands its files to this one and exits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  const userData = app.getPath('userData');
  const windows = new WindowManager({
    paths: {
      rendererRoot: join(__dirname, '..', 'renderer'),
      preload: join(__dirname, 'preload.cjs'),
      icon: join(__dirname, 'icon.png'),
      previousVersions: join(userData, 'previous-versions'),
    },
    backups: new BackupFolder(join(userData, 'backups')),
    recent: new RecentFiles(join(userData, 'recent-files.json')),
    windowState: new WindowStateStore(join(userData, 'window-state.json')),
    packaged: app.isPackaged,
    live: {
      // The host (Yjs, the WebSocket server) is loaded when the first seminar starts, not at launch.
      startHost: async (options) => (await import('../../arguments/cli/live/host')).startLiveHost(options),
      addresses: () => listLiveAddresses(networkInterfaces()),
    },
  });

  /** Files the OS asked for before the app was ready (macOS open-file at launch). */
  const early: string[] = filesFromArgv(process.argv, process.cwd(), { packaged: app.isPackaged });
  let ready = false;

  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (ready) void windows.openPath(path);
    else early.push(path);
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const files = filesFromArgv(argv, workingDirectory, { packaged: app.isPackaged });
    if (!ready) return void early.push(...files);
    if (files.length === 0) windows.focusOrCreate();
    for (const f of files) void windows.openPath(f);
  });

  // Every web contents, whatever creates it: no navigation, no new windows (http, https and
  // mailto links go to the OS), no <webview>.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { openExternal: (url) => void shell.openExternal(url) })); // eng-disable OPEN_EXTERNAL_JS_CHECK -- only URLs that passed safeExternalUrl() (http, https, mailto parsed with new URL; security.test.ts)

  app.on('before-quit', () => windows.beginQuit());
  // Every hosting window asked to stop its seminar as it closed; whatever still runs saves and stops before the app exits.
  let seminarsStopped = false;
  app.on('will-quit', (event) => {
    if (seminarsStopped || windows.live.count === 0) return;
    event.preventDefault();
    void windows.live.stopAll().finally(() => {
      seminarsStopped = true;
      app.quit();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (ready && windows.count === 0) void windows.createWindow();
  });

  void app.whenReady().then(async () => {
    app.setAboutPanelOptions({
      applicationName: PRODUCT_NAME,
      applicationVersion: __APP_VERSION__,
      credits: 'Argument maps of historical evidence.',
      copyright: 'Argument Atlas contributors',
      ...(process.platform === 'darwin' ? {} : { iconPath: join(__dirname, 'icon.png') }),
    });
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(windows.rendererRoot));
    registerIpc(ipcMain, windows.services);
    // The app always starts with a window: nothing awaited before it may reject or hang.
    await beforeFirstWindow(windows.init(), undefined, 'could not read its settings');
    await beforeFirstWindow(windows.rebuildMenu(), undefined, 'could not build its menu');

    // Unsaved work left by a crash or a kill: each backup is offered back in a window of its own.
    const { orphans, damaged } = await beforeFirstWindow(windows.backupsLeftBehind(), { orphans: [], damaged: 0 }, 'could not look for crash backups');
    const first = await windows.createWindow(orphans[0] ? { adopt: orphans[0].slot } : {});
    if (damaged > 0) void windows.tellOfDamagedBackups(first, damaged);
    for (const orphan of orphans.slice(1)) await windows.createWindow({ adopt: orphan.slot });
    ready = true;
    // The files the OS asked for: the first replaces the analyst's map in the first window.
    for (const [i, f] of early.entries()) await windows.openPath(f, i === 0 ? { into: first } : {});
  });
}

/** How long a step before the first window may take before the app opens the window without it. */
const STARTUP_STEP_MS = 5000;

/** `step`'s result, or `fallback` when it fails or takes too long (logged: the window opens either way). */
async function beforeFirstWindow<T>(step: Promise<T>, fallback: T, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => {
      console.warn(`Argument Atlas ${what} in time; it goes on without.`);
      resolve(fallback);
    }, STARTUP_STEP_MS);
  });
  try {
    return await Promise.race([step, late]);
  } catch (err) {
    console.warn(`Argument Atlas ${what}:`, err);
    return fallback;
  } finally {
    clearTimeout(timer);
  }
}
