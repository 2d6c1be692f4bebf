// Which maps the operating system asks the app to open on its command line (a double-click
// in the file manager, "Open with", a second launch). Pure: main.ts hands in argv.
import { isAbsolute, resolve } from 'node:path';

/** The files the app opens: maps by their double extension, and plain JSON by "Open with". */
export function isMapFileName(path: string): boolean {
  const lower = path.toLowerCase();
  return lower.endsWith('.argmap.json') || lower.endsWith('.json');
}

/**
 * The map files named on a command line. `argv` is the process's whole argv: the executable
 * comes first and, when run unpackaged (`electron main.cjs …`), the app's script is the first
 * argument that is not a switch. Switches (Chromium's, Electron's, macOS's -psn_…) are
 * skipped; relative paths are taken from `cwd`.
 */
export function filesFromArgv(argv: readonly string[], cwd: string, options: { packaged: boolean }): string[] {
  const files: string[] = [];
  let appPathSkipped = options.packaged;
  let afterDoubleDash = false;
  for (const arg of argv.slice(1)) {
    if (!afterDoubleDash && arg === '--') {
      afterDoubleDash = true;
      continue;
    }
    if (!afterDoubleDash && arg.startsWith('-')) continue;
    if (!appPathSkipped) {
      appPathSkipped = true;
      continue;
    }
    if (arg.length === 0 || arg.length > 4096 || arg.includes('\0') || /^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) continue;
    if (!isMapFileName(arg)) continue;
    files.push(isAbsolute(arg) ? arg : resolve(cwd, arg));
  }
  return files;
}
