// Crash backups in the app's data folder (userData/backups/): one slot per window, one file
// per slot, written atomically by the renderer's debounced writer (renderer/files/backups.ts,
// within a second of the last edit) and cleared when the document is saved, reverted, or
// its changes are declined. Slots left behind by a crash or a kill are "orphans": on the
// next start each is adopted by a window, whose renderer then offers it back.
//
// Only regular files are backups: a folder, a link or anything else named like a slot is
// left alone and never read or written through (a link at a slot is replaced by the next
// write, never followed). A slot file that cannot be read as a backup is moved to damaged/,
// never deleted. Pure Node: no Electron.
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { Backup } from '../../renderer/platform/types';
import { FileServiceError, MAX_FILE_BYTES, readFileGuarded, writeFileAtomic, type ServiceOptions } from './fileService';
import { removeStaleTemps } from './tempFiles';

export const SLOT_PATTERN = /^w_[0-9a-f]{16}$/;
const FILE_PATTERN = /^(w_[0-9a-f]{16})\.json$/;
/** The folder inside the backups folder where unreadable backups are kept aside. */
export const DAMAGED_FOLDER = 'damaged';
/** A backup holds a map of up to MAX_FILE_BYTES as a JSON string: escaping at most sextuples it. */
const MAX_BACKUP_BYTES = 6 * MAX_FILE_BYTES + 64 * 1024;

export const newSlotId = (): string => `w_${randomBytes(8).toString('hex')}`;

interface StoredBackup extends Backup {
  format: 'argument-atlas/backup';
  version: 1;
}

/** A backup as stored, or null for anything that is not one. */
export function parseBackup(text: string): Backup | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  const { format, version, text: body, name, savedAt } = value as Record<string, unknown>;
  if (format !== 'argument-atlas/backup' || version !== 1) return null;
  return typeof body === 'string' && typeof name === 'string' && typeof savedAt === 'string' ? { text: body, name, savedAt } : null;
}

export interface Orphan {
  slot: string;
  name: string;
  savedAt: string;
}

/** What a start finds in the backups folder. */
export interface LeftBehind {
  /** Backups no running window owns, newest first. */
  orphans: Orphan[];
  /** How many slot files could not be read as backups and were moved to damaged/ just now. */
  damaged: number;
}

export class BackupFolder {
  /** Operations on one slot run in the order they were asked for, so a clear never overtakes a write. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    readonly dir: string,
    private readonly options: ServiceOptions = {},
  ) {}

  pathOf(slot: string): string {
    if (!SLOT_PATTERN.test(slot)) throw new Error(`Not a backup slot: ${slot}`);
    return join(this.dir, `${slot}.json`);
  }

  private inOrder<T>(slot: string, op: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(slot) ?? Promise.resolve();
    const next = previous.then(op, op);
    const settled = next.catch(() => undefined);
    this.queues.set(slot, settled);
    void settled.then(() => {
      if (this.queues.get(slot) === settled) this.queues.delete(slot);
    });
    return next;
  }

  /** The folder unreadable backups are moved to. */
  get damagedDir(): string {
    return join(this.dir, DAMAGED_FOLDER);
  }

  write(slot: string, backup: Backup): Promise<void> {
    const path = this.pathOf(slot);
    const stored: StoredBackup = { format: 'argument-atlas/backup', version: 1, name: backup.name, savedAt: backup.savedAt, text: backup.text };
    return this.inOrder(slot, async () => {
      await fsp.mkdir(this.dir, { recursive: true });
      // A link at the slot is replaced, not written through: the file it points to is not ours.
      await writeFileAtomic(path, JSON.stringify(stored), { ...this.options, links: 'replace' });
    });
  }

  read(slot: string): Promise<Backup | null> {
    const path = this.pathOf(slot);
    return this.inOrder(slot, async () => {
      const found = await this.load(path);
      return typeof found === 'string' ? null : found;
    });
  }

  /** The backup in a slot file; 'not a backup' for bytes that are not one; 'unreadable' when none could be read (gone, not a regular file, locked). */
  private async load(path: string): Promise<Backup | 'not a backup' | 'unreadable'> {
    let bytes: Uint8Array;
    try {
      bytes = await readFileGuarded(path, MAX_BACKUP_BYTES, { ...this.options, noFollow: true });
    } catch (err) {
      return err instanceof FileServiceError && err.code === 'ETOOLARGE' ? 'not a backup' : 'unreadable';
    }
    try {
      return parseBackup(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) ?? 'not a backup';
    } catch {
      return 'not a backup';
    }
  }

  clear(slot: string): Promise<void> {
    const path = this.pathOf(slot);
    return this.inOrder(slot, async () => {
      await fsp.rm(path, { force: true });
    });
  }

  /**
   * What a crash or a kill left: backups no running window owns (`live` are the slots of those
   * that run). Unreadable slot files are moved to damaged/; temporary files of slots no window
   * owns (writes that were killed) are removed. Never rejects: a folder it cannot read has no orphans.
   */
  async leftBehind(live: ReadonlySet<string> = new Set()): Promise<LeftBehind> {
    let entries: string[];
    try {
      entries = await fsp.readdir(this.dir);
    } catch {
      return { orphans: [], damaged: 0 };
    }
    const orphans: Orphan[] = [];
    let damaged = 0;
    for (const entry of entries) {
      const slot = FILE_PATTERN.exec(entry)?.[1];
      if (!slot || live.has(slot)) continue;
      const found = await this.inOrder(slot, () => this.examine(slot));
      if (found === 'damaged') damaged += 1;
      else if (found) orphans.push(found);
    }
    await removeStaleTemps(this.dir, { of: (name) => this.ownerless(name, live), olderThanMs: 0 });
    orphans.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
    return { orphans, damaged };
  }

  /** A slot's temporary file no running window can be writing. */
  private ownerless(fileName: string, live: ReadonlySet<string>): boolean {
    const slot = FILE_PATTERN.exec(fileName)?.[1];
    return slot !== undefined && !live.has(slot);
  }

  /** An orphan's backup; 'damaged' once an unreadable one is moved aside; null for what is not a backup file. */
  private async examine(slot: string): Promise<Orphan | 'damaged' | null> {
    const path = this.pathOf(slot);
    try {
      if (!(await fsp.lstat(path)).isFile()) return null; // a folder, a link, a pipe…: not ours, left alone
    } catch {
      return null;
    }
    const backup = await this.load(path);
    // One that could not be read at all (locked, no permission) may be fine: it stays for the next start.
    if (backup === 'unreadable') return null;
    if (backup !== 'not a backup') return { slot, name: backup.name, savedAt: backup.savedAt };
    try {
      await fsp.mkdir(this.damagedDir, { recursive: true });
      await fsp.rename(path, join(this.damagedDir, `${slot}.json`));
      return 'damaged';
    } catch (err) {
      console.warn('Argument Atlas could not move an unreadable backup aside:', err);
      return null;
    }
  }

  /** Moves an orphan into a window's slot, so that window's renderer is offered it; its temporary files go. */
  adopt(orphan: string, slot: string): Promise<void> {
    const from = this.pathOf(orphan);
    const to = this.pathOf(slot);
    return this.inOrder(orphan, () =>
      this.inOrder(slot, async () => {
        await fsp.rename(from, to);
        await removeStaleTemps(this.dir, { of: (name) => name === `${orphan}.json`, olderThanMs: 0 });
      }),
    );
  }
}
