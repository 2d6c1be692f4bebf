// The Open Recent list: the last maps opened or saved, newest first, kept in the app's data
// folder. Files that no longer exist are dropped when the list is loaded and every time the
// menu is built. Pure Node: no Electron.
import { promises as fsp } from 'node:fs';
import { basename, dirname, isAbsolute, relative, sep } from 'node:path';
import { writeFileAtomic } from './fileService';
import { removeStaleTemps } from './tempFiles';
import { samePath } from './tokens';

export const MAX_RECENT = 10;

export async function isExistingFile(path: string): Promise<boolean> {
  try {
    return (await fsp.stat(path)).isFile();
  } catch {
    return false;
  }
}

export interface RecentFilesOptions {
  max?: number;
  exists?: (path: string) => Promise<boolean>;
  platform?: NodeJS.Platform;
}

export class RecentFiles {
  private files: string[] = [];
  private readonly max: number;
  private readonly exists: (path: string) => Promise<boolean>;
  private readonly platform: NodeJS.Platform;

  constructor(
    private readonly storePath: string,
    options: RecentFilesOptions = {},
  ) {
    this.max = options.max ?? MAX_RECENT;
    this.exists = options.exists ?? isExistingFile;
    this.platform = options.platform ?? process.platform;
  }

  list(): readonly string[] {
    return this.files;
  }

  /** Reads the stored list (a missing or damaged store is an empty list) and drops missing files. */
  async load(): Promise<readonly string[]> {
    // Loaded once, at start, before anything stores the list: a temporary file of it is a killed store's.
    const own = basename(this.storePath);
    await removeStaleTemps(dirname(this.storePath), { of: (n) => n === own, olderThanMs: 0 });
    let stored: unknown = null;
    try {
      stored = JSON.parse(await fsp.readFile(this.storePath, 'utf8'));
    } catch {
      stored = null;
    }
    const files = stored && typeof stored === 'object' && Array.isArray((stored as { files?: unknown }).files) ? (stored as { files: unknown[] }).files : [];
    this.files = files.filter((f): f is string => typeof f === 'string' && f.length > 0 && f.length < 4096 && isAbsolute(f)).slice(0, this.max);
    return this.prune();
  }

  /** Drops files that no longer exist; saves when that changed the list. */
  async prune(): Promise<readonly string[]> {
    const kept: string[] = [];
    for (const f of this.files) if (await this.exists(f)) kept.push(f);
    if (kept.length !== this.files.length) {
      this.files = kept;
      await this.save();
    }
    return this.files;
  }

  async add(path: string): Promise<void> {
    this.files = [path, ...this.files.filter((f) => !samePath(f, path, this.platform))].slice(0, this.max);
    await this.save();
  }

  async remove(path: string): Promise<void> {
    const before = this.files.length;
    this.files = this.files.filter((f) => !samePath(f, path, this.platform));
    if (this.files.length !== before) await this.save();
  }

  async clear(): Promise<void> {
    this.files = [];
    await this.save();
  }

  private async save(): Promise<void> {
    try {
      await fsp.mkdir(dirname(this.storePath), { recursive: true });
      await writeFileAtomic(this.storePath, JSON.stringify({ version: 1, files: this.files }, null, 2) + '\n', { durable: false, links: 'replace' });
    } catch (err) {
      // The list is a convenience: a failure to store it must not fail the open or save that updated it.
      console.warn('Argument Atlas could not store its recent files:', err);
    }
  }
}

/** "letter.argmap.json — ~/Maps" with "&" doubled (a single one marks a keyboard mnemonic in menus). */
export function recentMenuLabel(path: string, home: string): string {
  const folder = dirname(path);
  const inHome = home && (folder === home || !relative(home, folder).startsWith('..')) && !isAbsolute(relative(home, folder));
  const where = inHome ? (folder === home ? '~' : `~${sep}${relative(home, folder)}`) : folder;
  return `${basename(path)} — ${where}`.replaceAll('&', '&&');
}
