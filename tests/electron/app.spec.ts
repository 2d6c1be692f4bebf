// The desktop app end to end, in Electron: launch, open, edit and save, the close prompt,
// and recovery after a crash. Run by `node tests/electron/run.mjs` wherever the Electron
// binary is installed (it skips with one line where it is not).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import type { ElectronApplication } from '@playwright/test';
import { loadMap } from '../../arguments/format/load';
import { CONTENT_SECURITY_POLICY } from '../../renderer/csp';
import { asked, dataFolder, editNode, ELECTRON, expect, fitAll, launch, MAIN, nativeTitle, node, SHIPPED, stubDialogs, test } from './app';

const mac = process.platform === 'darwin';
const dirtyTitle = (name: string) => `${mac ? '' : '• '}${name} — Argument Atlas`;
const cleanTitle = (name: string) => `${name} — Argument Atlas`;
const shipped = readFileSync(SHIPPED, 'utf8');

function workDir(): string {
  return mkdtempSync(join(tmpdir(), 'aa-electron-files-'));
}

/** A copy of the shipped map under another name and title. */
function mapFile(dir: string, name: string, title = 'Another reading of the letter'): string {
  const map = JSON.parse(shipped) as { meta: { title: string } };
  map.meta.title = title;
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(map, null, 2) + '\n');
  return path;
}

const windowCount = (app: ElectronApplication) => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
const backupFiles = (userData: string) => (existsSync(join(userData, 'backups')) ? readdirSync(join(userData, 'backups')).filter((f) => f.endsWith('.json')) : []);

/** Ends a test's app whatever its state: unsaved changes are discarded. */
async function quit(app: ElectronApplication): Promise<void> {
  if (app.process().exitCode !== null) return;
  await stubDialogs(app, { answer: "Don't Save" }).catch(() => undefined);
  await app.close().catch(() => undefined);
}

test('launch shows the analyst’s map in a locked-down window', async () => {
  const { app, page } = await launch();
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!/^(app:\/\/argument-atlas\/|data:|blob:)/.test(r.url())) outside.push(r.url());
  });
  try {
    await expect(page.getByTestId('document-name')).toHaveText('stalin-gottwald-1950.argmap.json');
    await fitAll(page);
    await expect(page.locator('.react-flow__node')).toHaveCount(39);
    expect(page.url()).toBe('app://argument-atlas/index.html');
    expect(await nativeTitle(app)).toBe(cleanTitle('stalin-gottwald-1950.argmap.json'));
    // Using the map (selecting, the inspector, the sources) makes no request that leaves the app.
    await node(page, /anti-war mood/).first().click();
    await expect(page.locator('.aa-inspector-title').first()).toBeVisible();
    expect(outside, 'requests that left the app').toEqual([]);

    // The page has no Node: only the bridge's named functions.
    expect(await page.evaluate('[typeof require, typeof process, typeof module, window.argumentAtlas.kind]')).toEqual(['undefined', 'undefined', 'undefined', 'electron']);
    expect(await page.evaluate('Object.keys(window.argumentAtlas).sort().join(",")')).toBe('backups,kind,onMenuCommand,onOpenRequest,onSaveRequest,openDocument,openDropped,openFile,reread,saveBinary,saveFile,setDocumentState');
    // The CSP comes as a header too.
    expect(await page.evaluate('fetch("app://argument-atlas/index.html").then((r) => r.headers.get("content-security-policy"))')).toBe(CONTENT_SECURITY_POLICY);
    // No way out: navigation is prevented, new windows are denied, the network is refused.
    await page.evaluate('location.href = "https://example.org/"');
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://argument-atlas/index.html');
    expect(await page.evaluate('window.open("file:///etc/passwd") === null')).toBe(true);
    expect(await windowCount(app)).toBe(1);
    expect(await page.evaluate('fetch("https://example.org/").then(() => "fetched", () => "refused")')).toBe('refused');
    // The app protocol's path-traversal guard.
    expect(await page.evaluate('fetch("app://argument-atlas/..%2f..%2f..%2fetc%2fpasswd").then((r) => r.status)')).toBe(404);
  } finally {
    await quit(app);
  }
});

test('open a file: from the Open dialog, from the command line, and from a second launch', async () => {
  const dir = workDir();
  const other = mapFile(dir, 'other.argmap.json');
  const third = mapFile(dir, 'third.argmap.json', 'A third reading');
  const { app, page, userData } = await launch();
  try {
    await stubDialogs(app, { open: other });
    await page.getByRole('button', { name: 'Open…' }).click();
    await expect(page.getByTestId('document-name')).toHaveText('other.argmap.json');
    await expect(page.locator('.aa-maptitle')).toHaveText('Another reading of the letter');
    await expect.poll(() => nativeTitle(app)).toBe(cleanTitle('other.argmap.json'));
    expect((await asked(app)).open).toBe(1);
    // It is now in Open Recent.
    expect(JSON.parse(readFileSync(join(userData, 'recent-files.json'), 'utf8')).files).toEqual([other]);

    // A second launch with a file hands it to this app, which opens it in a new window
    // (the one in front holds a file already).
    const second = spawn(ELECTRON!, [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), MAIN, third], {
      env: { ...process.env, ARGUMENT_ATLAS_USER_DATA: userData },
      stdio: 'ignore',
    });
    const exited = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(exited).toBe(0);
    await expect.poll(() => windowCount(app)).toBe(2);
    const titles = () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.getTitle()).sort());
    await expect.poll(titles).toEqual([cleanTitle('other.argmap.json'), cleanTitle('third.argmap.json')].sort());
  } finally {
    await quit(app);
  }

  // On the command line (a double-click in the file manager): it opens instead of the analyst's map.
  const fromArgv = await launch({ files: [other] });
  try {
    await expect(fromArgv.page.getByTestId('document-name')).toHaveText('other.argmap.json');
  } finally {
    await quit(fromArgv.app);
  }
});

test('edit and save: the file is written, the title follows, the old version is kept', async () => {
  const dir = workDir();
  const path = mapFile(dir, 'saved.argmap.json');
  const before = readFileSync(path, 'utf8');
  const { app, page, userData } = await launch({ files: [path] });
  try {
    await expect(page.getByTestId('document-name')).toHaveText('saved.argmap.json');
    await editNode(page, /anti-war mood/, 'Edited in the desktop app.');
    await expect.poll(() => nativeTitle(app)).toBe(dirtyTitle('saved.argmap.json'));
    if (mac) expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isDocumentEdited())).toBe(true);

    await page.keyboard.press('ControlOrMeta+S');
    await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
    const written = readFileSync(path, 'utf8');
    expect(written).toContain('Edited in the desktop app.');
    expect(loadMap(written).ok).toBe(true);
    await expect.poll(() => nativeTitle(app)).toBe(cleanTitle('saved.argmap.json'));
    // The version it replaced is in the app's data folder; no temporary file is left beside the map.
    const previous = readdirSync(join(userData, 'previous-versions'));
    expect(previous).toHaveLength(1);
    expect(readFileSync(join(userData, 'previous-versions', previous[0]!), 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['saved.argmap.json']);
    // Saved: no crash backup is left.
    await expect.poll(() => backupFiles(userData)).toEqual([]);

    // Save As, with the name suggested in the dialog.
    const copy = join(dir, 'copy.argmap.json');
    await stubDialogs(app, { save: copy });
    await page.getByRole('button', { name: 'Save As…' }).click();
    await expect(page.getByTestId('document-name')).toHaveText('copy.argmap.json');
    expect((await asked(app)).save[0]?.defaultPath).toMatch(/saved\.argmap\.json$/);
    expect(readFileSync(copy, 'utf8')).toContain('Edited in the desktop app.');

    // Undo from the Edit menu undoes the document's last change.
    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()!.getMenuItemById('undo')!.click());
    await expect(node(page, /anti-war mood/)).toHaveCount(1);
    await expect(page.getByTestId('dirty-marker')).toBeVisible();
  } finally {
    await quit(app);
  }
});

test('a failed save leaves the file alone, keeps the document unsaved and says why', async () => {
  const dir = workDir();
  const blocker = join(dir, 'not-a-folder');
  writeFileSync(blocker, 'a file where a folder should be');
  const { app, page } = await launch();
  try {
    await editNode(page, /anti-war mood/, 'Changes that cannot be saved there.');
    await stubDialogs(app, { save: join(blocker, 'map.argmap.json'), answer: 'OK' });
    await page.getByRole('button', { name: 'Save As…' }).click();
    await expect(page.getByRole('alert')).toContainText('Could not save');
    await expect(page.getByTestId('dirty-marker')).toBeVisible();
    const messages = (await asked(app)).messages;
    expect(messages.at(-1)?.message).toBe('Could not save “map.argmap.json”');
    expect(readFileSync(blocker, 'utf8')).toBe('a file where a folder should be');
  } finally {
    await quit(app);
  }
});

test('closing with unsaved changes asks Save / Don’t Save / Cancel', async () => {
  const dir = workDir();
  const { app, page, userData } = await launch();
  try {
    await editNode(page, /anti-war mood/, 'Not saved yet.');
    await expect.poll(() => backupFiles(userData).length).toBe(1);

    // Cancel: the window stays, with its changes.
    await stubDialogs(app, { answer: 'Cancel' });
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    await expect.poll(async () => (await asked(app)).messages.length).toBe(1);
    const prompt = (await asked(app)).messages[0]!;
    expect(prompt.message).toBe('Do you want to save the changes you made to “stalin-gottwald-1950.argmap.json”?');
    expect([...prompt.buttons].sort()).toEqual(['Cancel', "Don't Save", 'Save']);
    await page.waitForTimeout(300);
    expect(await windowCount(app)).toBe(1);
    await expect(page.getByTestId('dirty-marker')).toBeVisible();

    // Save: the map has no file yet, so Save As asks where; the window closes once it is written.
    const target = join(dir, 'closing.argmap.json');
    await stubDialogs(app, { answer: 'Save', save: target });
    const closed = mac ? null : app.waitForEvent('close');
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    if (closed) await closed;
    else await expect.poll(() => windowCount(app)).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('Not saved yet.');
    expect(backupFiles(userData)).toEqual([]);
  } finally {
    await quit(app);
  }

  // Don't Save: the window closes, and the discarded changes are not offered back.
  const again = await launch({ userData });
  try {
    await editNode(again.page, /anti-war mood/, 'Discarded.');
    await expect.poll(() => backupFiles(userData).length).toBe(1);
    await stubDialogs(again.app, { answer: "Don't Save" });
    await again.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    await expect.poll(() => backupFiles(userData)).toEqual([]);
  } finally {
    await quit(again.app);
  }
});

test('after a crash or a kill, the next start offers the unsaved work back', async () => {
  const userData = dataFolder();
  const first = await launch({ userData });
  await editNode(first.page, /anti-war mood/, 'Unsaved when the app was killed.');
  // Backed up within a second of the edit.
  await expect.poll(() => backupFiles(userData).length, { timeout: 3000 }).toBe(1);
  const gone = first.app.waitForEvent('close');
  first.app.process().kill('SIGKILL');
  await gone;

  const second = await launch({ userData });
  try {
    await expect(second.page.getByRole('region', { name: 'Recover unsaved work' })).toBeVisible();
    await second.page.getByRole('button', { name: 'Restore' }).click();
    await fitAll(second.page);
    await expect(node(second.page, 'Unsaved when the app was killed.')).toHaveCount(1);
    await expect(second.page.getByTestId('dirty-marker')).toBeVisible();

    // A crash of the window's renderer: reopening it offers the work back too.
    await stubDialogs(second.app, { answer: 'Reopen' });
    await expect.poll(() => backupFiles(userData).length).toBe(1);
    await second.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer());
    await expect(second.page.getByRole('region', { name: 'Recover unsaved work' })).toBeVisible({ timeout: 20_000 });
    expect((await asked(second.app)).messages.some((m) => m.message.includes('stopped unexpectedly'))).toBe(true);

    // Declined: the backup is deleted and not offered again.
    await second.page.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => backupFiles(userData)).toEqual([]);
  } finally {
    await quit(second.app);
  }
});
