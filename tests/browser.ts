// Which browser runs the browser tests. On CI: Debian's Chromium. On a user's machine:
// CHROMIUM_PATH, else a Chrome/Chromium on PATH or in the usual places, else the Electron
// binary that `npm install` fetched. Never downloads one.
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const PLACES = [
  '/usr/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findBrowser(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return executable(fromEnv) ? fromEnv : null;
  for (const p of PLACES) if (executable(p)) return p;
  for (const dir of (process.env.PATH ?? '').split(delimiter))
    for (const name of NAMES) {
      const p = join(dir, process.platform === 'win32' ? `${name}.exe` : name);
      if (executable(p)) return p;
    }
  return null;
}

export const NO_BROWSER_MESSAGE =
  'The browser tests need Chrome, Chromium or the Electron binary, and none was found. Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: `brew install --cask chromium`; Windows: install Google Chrome) or set CHROMIUM_PATH to its executable, or run `npm install` without ELECTRON_SKIP_BINARY_DOWNLOAD to get Electron.';

/** Flags for headless Chromium on a machine without network or GPU. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * The Electron binary, where `npm install` fetched it: the browser tests can run the web
 * build in an Electron window when no Chrome/Chromium is installed.
 */
export function findElectron(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const path = require('electron') as unknown;
    return typeof path === 'string' && executable(path) ? path : null;
  } catch {
    return null; // installed without its binary (ELECTRON_SKIP_BINARY_DOWNLOAD)
  }
}

export type TestBrowser = { kind: 'chromium'; path: string } | { kind: 'electron'; path: string };

/** Chrome/Chromium first (CHROMIUM_PATH, Debian's, PATH); else the Electron binary; else null. */
export function chooseTestBrowser(): TestBrowser | null {
  const chromium = findBrowser();
  if (chromium) return { kind: 'chromium', path: chromium };
  const electron = process.env.CHROMIUM_PATH ? null : findElectron();
  return electron ? { kind: 'electron', path: electron } : null;
}
