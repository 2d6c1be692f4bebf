// Launching the desktop app for a test: a fresh data folder per test (or a given one, to
// restart on the same data), the real main process (dist/electron/main.cjs) and its first
// window. Native dialogs cannot be driven, so tests replace dialog functions in the main
// process (stubDialogs) and read back what was asked.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitAll, node } from '../canvas';

const root = new URL('../../', import.meta.url).pathname;
export const MAIN = join(root, 'dist', 'electron', 'main.cjs');
export const SHIPPED = join(root, 'arguments', 'maps', 'stalin-gottwald-1950.argmap.json');

function binary(): string | null {
  try {
    const path = createRequire(join(root, 'package.json'))('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export const ELECTRON = binary();

export function dataFolder(): string {
  return mkdtempSync(join(tmpdir(), 'aa-electron-data-'));
}

export interface Launched {
  app: ElectronApplication;
  page: Page;
  userData: string;
}

export async function launch(options: { userData?: string; files?: string[] } = {}): Promise<Launched> {
  test.skip(!ELECTRON, 'the Electron binary is not installed');
  const userData = options.userData ?? dataFolder();
  // Chromium refuses to run as root with its sandbox (CI containers).
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const app = await electron.launch({
    executablePath: ELECTRON!,
    args: [...(asRoot ? ['--no-sandbox'] : []), MAIN, ...(options.files ?? [])],
    env: { ...process.env, ARGUMENT_ATLAS_USER_DATA: userData, ELECTRON_ENABLE_LOGGING: '1' },
  });
  const page = await app.firstWindow();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  return { app, page, userData };
}

/** The native title of the first window. */
export const nativeTitle = (app: ElectronApplication) => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? null);

/** What the stubbed dialogs were asked, in the main process. */
export interface Asked {
  open: number;
  /** What each Open dialog was asked: its title, filters and starting folder. */
  openOptions: { title?: string; defaultPath?: string; filters?: { name: string; extensions: string[] }[] }[];
  save: { defaultPath?: string }[];
  messages: { message: string; buttons: string[] }[];
}

/**
 * Replaces the main process's native dialogs: Open answers `open`, Save answers `save`
 * (null: cancelled), a message box answers the button labelled `answer`.
 */
export async function stubDialogs(app: ElectronApplication, answers: { open?: string | null; save?: string | null; answer?: string }): Promise<void> {
  await app.evaluate(({ dialog }, a) => {
    const g = globalThis as unknown as { __asked?: { open: number; openOptions: unknown[]; save: unknown[]; messages: unknown[] } };
    g.__asked ??= { open: 0, openOptions: [], save: [], messages: [] };
    const asked = g.__asked;
    Object.assign(dialog, {
      showOpenDialog: async (_w: unknown, options?: { title?: string; defaultPath?: string; filters?: unknown[] }) => {
        asked.open += 1;
        asked.openOptions.push({ title: options?.title, defaultPath: options?.defaultPath, filters: options?.filters });
        return a.open ? { canceled: false, filePaths: [a.open] } : { canceled: true, filePaths: [] };
      },
      showSaveDialog: async (_w: unknown, options: { defaultPath?: string }) => {
        asked.save.push({ defaultPath: options?.defaultPath });
        return a.save ? { canceled: false, filePath: a.save } : { canceled: true, filePath: '' };
      },
      showMessageBox: async (_w: unknown, options?: { message: string; buttons?: string[] }) => {
        const box = options ?? (_w as { message: string; buttons?: string[] });
        asked.messages.push({ message: box.message, buttons: box.buttons ?? [] });
        const i = (box.buttons ?? []).indexOf(a.answer ?? '');
        return { response: i >= 0 ? i : 0, checkboxChecked: false };
      },
    });
  }, answers);
}

export const asked = (app: ElectronApplication): Promise<Asked> =>
  app.evaluate(() => (globalThis as unknown as { __asked?: Asked }).__asked ?? { open: 0, openOptions: [], save: [], messages: [] });

/** Edits a node's text in place (double-click, type, Enter). */
export async function editNode(page: Page, find: string | RegExp, text: string): Promise<void> {
  await fitAll(page);
  await node(page, find).first().dblclick();
  await page.getByRole('textbox', { name: 'Node text' }).fill(text);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
}

export { expect, test };

export { fitAll, node };
