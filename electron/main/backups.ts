// Crash backups in the app's data folder (userData/backups/): one slot per window, one file
// per slot, written atomically by the renderer's debounced writer (renderer/files/backups.ts,
// within a second of the last edit) and cleared when the document is saved, reverted, or
// its changes are declined. Slots left behind by a crash or a kill are "orphans": on the
// next start each is adopted by a window, whose renderer then offers it back.
// Pure Node: no Electron.
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { Backup } from '../../renderer/platform/types';
import { writeFileAtomic, type ServiceOptions } from './fileService';

export const SLOT_PATTERN = /^w_[0-9a-f]{16}$/;
const FILE_PATTERN = /^(w_[0-9a-f]{16})\.json$/;

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

  write(slot: string, backup: Backup): Promise<void> {
    const path = this.pathOf(slot);
    const stored: StoredBackup = { format: 'argument-atlas/backup', version: 1, name: backup.name, savedAt: backup.savedAt, text: backup.text };
    return this.inOrder(slot, async () => {
      await fsp.mkdir(this.dir, { recursive: true });
      await writeFileAtomic(path, JSON.stringify(stored), this.options);
    });
  }

  read(slot: string): Promise<Backup | null> {
    const path = this.pathOf(slot);
    return this.inOrder(slot, async () => {
      try {
        return parseBackup(await fsp.readFile(path, 'utf8'));
      } catch {
        return null;
      }
    });
  }

  clear(slot: string): Promise<void> {
    const path = this.pathOf(slot);
    return this.inOrder(slot, async () => {
      await fsp.rm(path, { force: true });
    });
  }

  /** Backups no running window owns (left by a crash or a kill), newest first; unreadable files are removed. */
  async orphans(live: ReadonlySet<string> = new Set()): Promise<Orphan[]> {
    let entries: string[];
    try {
      entries = await fsp.readdir(this.dir);
    } catch {
      return [];
    }
    const found: Orphan[] = [];
    for (const entry of entries) {
      const slot = FILE_PATTERN.exec(entry)?.[1];
      if (!slot || live.has(slot)) continue;
      const backup = await this.read(slot);
      if (backup) found.push({ slot, name: backup.name, savedAt: backup.savedAt });
      else await this.clear(slot);
    }
    return found.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
  }

  /** Moves an orphan into a window's slot, so that window's renderer is offered it. */
  adopt(orphan: string, slot: string): Promise<void> {
    const from = this.pathOf(orphan);
    const to = this.pathOf(slot);
    return this.inOrder(orphan, () => this.inOrder(slot, () => fsp.rename(from, to)));
  }
}
