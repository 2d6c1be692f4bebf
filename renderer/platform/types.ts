// What the renderer needs from its host, and nothing else: files and crash backups.
// The browser implements it in web.ts; the Electron preload bridge exposes the same shape
// as `window.argumentAtlas`. Everything here must survive Electron's contextBridge:
// plain data, Uint8Array, promises and functions, no class instances across the bridge.
// This module has no DOM types, so Node unit tests (and the root tsconfig) can import it.
import { ACCEPTED_EXTENSIONS } from '../../arguments/intake/kinds';
import type { ThemeChoice } from '../theme/choices';
import type { LiveHostBridge } from './live';

/**
 * Opaque to the renderer: a FileSystemFileHandle in the browser, a path token in Electron.
 * Only the platform that produced it interprets it; it is never shown or stored in a backup.
 */
export type FileRef = unknown;

export interface OpenedFile {
  /** The file's name without folders, e.g. "letter.argmap.json". */
  name: string;
  bytes: Uint8Array;
  /** Where Save writes back to; null when the platform cannot write there (a browser upload). */
  ref: FileRef | null;
}

export interface SavedFile {
  name: string;
  ref: FileRef | null;
}

/**
 * A save that did not happen, with a sentence for the user as its message. Across the
 * Electron bridge the class is lost, so callers show the message of any Error.
 */
export class SaveError extends Error {
  override name = 'SaveError';
}

/** The unsaved state of the open document, kept so a crash or closed tab loses nothing. */
export interface Backup {
  /** The map as serializeMap writes it. */
  text: string;
  /** The document's name when it was backed up. */
  name: string;
  /** ISO 8601. */
  savedAt: string;
  /** File references are not backed up: a restored document is saved with Save As. */
  fileRef?: never;
}

/** One backup slot: the newest backup replaces the previous one. */
export interface BackupStore {
  write(backup: Backup): Promise<void>;
  read(): Promise<Backup | null>;
  clear(): Promise<void>;
}

/** What a document is being opened for: a source to add to the map, or bibliographic records to import. */
/**
 * What the user is exporting: the browser's save picker remembers a folder per purpose, and
 * Electron's Save dialog takes its title from it (a PDF is a figure or a handout; a web page a
 * handout or a comparison's report). Main accepts these only.
 */
export const EXPORT_PURPOSES = ['figure', 'bibliography', 'outline', 'handout', 'report'] as const;
export type ExportPurpose = (typeof EXPORT_PURPOSES)[number];

export type DocumentPurpose = 'source' | 'bibliography';

/** File-name extensions the Open dialog offers for each purpose (the content decides in the end). */
export const DOCUMENT_EXTENSIONS = {
  // The intake's own list: every kind of document it reads.
  source: ACCEPTED_EXTENSIONS,
  bibliography: ['.bib', '.json'],
} as const satisfies Record<DocumentPurpose, readonly string[]>;

/** A document read to be copied into the map: it has no file reference (sources live in the map, not beside it). */
export interface OpenedDocument {
  name: string;
  bytes: Uint8Array;
}

/** A file dropped on the window; a DOM File satisfies it. */
export interface DroppedFile {
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Commands a desktop host sends from its native menu. The renderer maps each to the same
 * function its toolbar and keyboard use (renderer/platform/hostCommands.ts).
 */
export const HOST_COMMANDS = [
  'new',
  'open',
  'save',
  'saveAs',
  'revert',
  'export',
  'exportOutline',
  'exportHandout',
  // File > Compare with a Student's Map… and Merge Edits from… (renderer/compare/commands.ts).
  'compare',
  'merge',
  'addSource',
  'importBibliography',
  'undo',
  'redo',
  'fit',
  'toggleSources',
  'toggleInspector',
  'showShortcuts',
  // File > Start Live Seminar… (renderer/seminar-host); Stop Live Seminar is main's own (electron/main/live.ts).
  'startLiveSeminar',
  // View > Theme: one command per choice (renderer/theme/themeState.ts: THEME_CHOICES).
  'theme:system',
  'theme:light',
  'theme:dark',
] as const;
export type HostCommand = (typeof HOST_COMMANDS)[number];

/** The host command that chooses a theme (a choice without its command in the list above does not compile). */
export function themeCommand(choice: ThemeChoice): HostCommand {
  return `theme:${choice}`;
}

/** What the host shows of the open document: window title, dirty marker, close prompt, menu state. */
export interface DocumentState {
  /** The file's name without folders. */
  name: string;
  dirty: boolean;
  /** The document's file, as the platform gave it (null: never saved, or not from disk). */
  ref: FileRef | null;
  /** Whether Revert has something to go back to. */
  canRevert: boolean;
  panes: { sources: boolean; inspector: boolean };
}

export interface Platform {
  readonly kind: 'web' | 'electron';
  /** Asks the user for a map to open; null when they cancel. Throws when the file cannot be read. */
  openFile(): Promise<OpenedFile | null>;
  /**
   * Writes `text` (UTF-8) to `ref`, or with ref null asks where (Save As) suggesting
   * `suggestedName`. Null when the user cancels; throws SaveError when it cannot be written.
   */
  saveFile(text: string, suggestedName: string, ref: FileRef | null): Promise<SavedFile | null>;
  /**
   * False where Save As has no dialog of its own that asks for a name (a browser that can only
   * download): the app then asks for the name itself. Absent: the host's Save dialog asks.
   */
  hasSaveDialog?(): boolean;
  /**
   * Asks the user for a document to add as a source or for bibliographic records to import;
   * null when they cancel. Throws an Error worded for the user when it cannot be read
   * (files over the intake size limit are refused before they are read).
   */
  openDocument(purpose: DocumentPurpose): Promise<OpenedDocument | null>;
  /** Reads the file again (Revert). Throws when it is gone or unreadable. */
  reread(ref: FileRef): Promise<OpenedFile>;
  /**
   * Desktop hosts: asks where to save a figure (the Save dialog, suggesting `suggestedName`)
   * and writes `bytes`; `mime` is image/svg+xml, image/png or application/pdf. Null when the
   * user cancels; throws an Error worded for the user when it cannot be written.
   * The browser has none (renderer/export/save.ts uses its own picker or a download).
   */
  saveBinary?(bytes: Uint8Array, suggestedName: string, mime: string, purpose?: ExportPurpose): Promise<{ name: string } | null>;
  /** Reads a file dropped on the window (Electron can give its path, so Save goes back to it). */
  openDropped(file: DroppedFile): Promise<OpenedFile>;
  /**
   * Files the host asks the app to open outside openFile(): Electron's "Open with" and
   * second launches; in the browser, a file put on the open input with no Open pending.
   */
  onOpenRequest?(open: (file: OpenedFile) => void): void;
  /** Desktop hosts: the native menu's commands (File, Edit, View, Help) for this window's document. */
  onMenuCommand?(run: (command: HostCommand) => void): void;
  /**
   * Desktop hosts: the host asks the document to be saved (Save in its close prompt) and
   * acts on the outcome: true when the file was written, false when cancelled or failed.
   */
  onSaveRequest?(save: () => Promise<boolean>): void;
  /** Desktop hosts: the document's name, dirtiness and file, for the title and the close prompt. */
  setDocumentState?(state: DocumentState): void;
  /**
   * Desktop hosts: the theme chosen in the app (at start and at each change), so the window's
   * own frame and the View menu follow it. The browser has none: the page themes itself.
   */
  setTheme?(choice: ThemeChoice): void;
  /** Desktop hosts: hosting a live seminar from this window (renderer/platform/live.ts). The browser has none. */
  live?: LiveHostBridge;
  backups: BackupStore;
}
