// The platform the renderer runs on, chosen once: the Electron preload bridge when the
// shell exposes one, else the browser.
import type { Platform } from './types';
import { webPlatform } from './web';

declare global {
  interface Window {
    /** Exposed by the Electron preload script with contextBridge; absent in a browser. */
    argumentAtlas?: Platform;
  }
}

export const platform: Platform = (typeof window !== 'undefined' && window.argumentAtlas) || webPlatform;

export type { Backup, BackupStore, DocumentState, DroppedFile, FileRef, HostCommand, OpenedFile, Platform, SavedFile } from './types';
export { HOST_COMMANDS, SaveError } from './types';
