// Which browser runs the browser tests. On CI: Debian's Chromium. On a user's machine:
// CHROMIUM_PATH, else a Chrome/Chromium on PATH or in the usual places. Never downloads one.
import { accessSync, constants } from 'node:fs';
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
  'The browser tests need Chrome or Chromium and none was found. Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: `brew install --cask chromium`; Windows: install Google Chrome), or set CHROMIUM_PATH to its executable.';

/** Flags for headless Chromium on a machine without network or GPU. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
