// Runs the Playwright tests of the desktop app (tests/electron/*.spec.ts) where Electron's
// binary exists, and says in one line that they were skipped where it does not (CI here:
// npm ci runs with ELECTRON_SKIP_BINARY_DOWNLOAD=1). Builds the renderer and the shell first.
//   node tests/electron/run.mjs [playwright test arguments…]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function electronBinary() {
  try {
    // The electron package exports the binary's path, and throws when it was never downloaded.
    const path = createRequire(join(root, 'package.json'))('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function onPath(name) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, name)));
}

if (!electronBinary()) {
  console.log('Electron tests skipped: the Electron binary is not installed (npm install without ELECTRON_SKIP_BINARY_DOWNLOAD fetches it).');
  process.exit(0);
}

// Linux without a display: run under a virtual one when xvfb-run is there.
const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (needsDisplay && !onPath('xvfb-run')) {
  console.log('Electron tests skipped: no display to open windows on (install xvfb: `apt-get install xvfb`, or set DISPLAY).');
  process.exit(0);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(npm, ['run', 'build:web']);
run(process.execPath, [join(root, 'scripts', 'build-electron.mjs')]);
const playwright = [join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '-c', 'playwright.electron.config.ts', ...process.argv.slice(2)];
if (needsDisplay) run('xvfb-run', ['-a', process.execPath, ...playwright]);
else run(process.execPath, playwright);
