// What the app does first: open the bundled map, offer to recover unsaved work from a
// crash or a closed tab, and from then on back up unsaved changes, guard against leaving
// with them, and open maps dropped on the window. In the desktop shell it also connects the
// native menu and tells the window the document's name and state (platform/hostCommands.ts).
import { serializeMap } from '../../arguments/format/serialize';
import { platform } from '../platform';
import { connectHost, type HostUi } from '../platform/hostCommands';
import { SHORTCUTS } from '../keyboard';
import { togglePane, ui } from '../panels/uiState';
import type { Backup } from '../platform/types';
import { isDirty } from '../store/store';
import { startBackups, type BackupWriter } from './backups';
import { fileDialogs, offerRecovery } from './dialogState';
import { openBytes, openDroppedFile, restoreBackup, setFilePlatform, showDocument } from './fileCommands';
import { SEED_NAME, seedMap } from './seed';

/** The app is shown after this even if the backup store does not answer (a blocked IndexedDB). */
const BACKUP_READ_TIMEOUT_MS = 2000;

let writer: BackupWriter | null = null;

async function readBackup(): Promise<Backup | null> {
  let timeout: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timeout = setTimeout(() => resolve(null), BACKUP_READ_TIMEOUT_MS);
  });
  try {
    return await Promise.race([platform.backups.read(), late]);
  } catch (err) {
    console.warn('Argument Atlas could not read its backup:', err);
    return null;
  } finally {
    clearTimeout(timeout);
  }
}

export async function startApp(): Promise<void> {
  if (writer) return; // started already (hot reload)
  setFilePlatform(platform);
  const backup = await readBackup();
  const seed = seedMap();
  showDocument(seed, SEED_NAME, null, new TextEncoder().encode(serializeMap(seed)));
  // A pending offer holds the writer, so the backup is neither overwritten nor cleared until the user decides.
  writer = startBackups(platform.backups, { held: backup !== null });
  offerRecovery(backup);
  installWindowHandlers(writer);
  platform.onOpenRequest?.((file) => void openBytes(file.name, file.bytes, file.ref));
  connectHost(platform, hostUi);
}

/** What the desktop host's menu reaches besides the document: the panes and the shortcut table. */
const hostUi: HostUi = {
  panes: () => ui.getState().panes,
  togglePane,
  onPanesChange: (listener) => ui.subscribe(listener),
  shortcuts: SHORTCUTS,
};

/** The banner's Restore: the backup becomes the open, unsaved document. */
export async function restoreRecovery(): Promise<void> {
  const backup = fileDialogs.getState().recovery;
  if (!backup) return;
  const outcome = await restoreBackup(backup);
  if (outcome === 'cancelled') return;
  offerRecovery(null);
  if (outcome === 'unreadable') await platform.backups.clear().catch(() => undefined);
  writer?.hold(false);
}

/** The banner's Discard: the backup is deleted. */
export async function discardRecovery(): Promise<void> {
  if (!fileDialogs.getState().recovery) return;
  offerRecovery(null);
  await platform.backups.clear().catch((err: unknown) => console.warn('Argument Atlas could not delete its backup:', err));
  writer?.hold(false);
}

function hasFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

function installWindowHandlers(w: BackupWriter): void {
  window.addEventListener('beforeunload', (e) => {
    if (!isDirty()) return;
    e.preventDefault();
    e.returnValue = ''; // older browsers and Electron still look at returnValue
  });
  // The last edits may be younger than the backup delay when the tab goes away.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void w.flush();
  });
  window.addEventListener('pagehide', () => void w.flush());

  // Without preventDefault on dragover the browser would navigate to a dropped file, leaving the app.
  window.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    const file = e.dataTransfer?.files[0];
    if (file) void openDroppedFile(file);
  });
}
