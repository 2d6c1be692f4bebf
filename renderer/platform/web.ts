// The browser platform. Files: the File System Access API (Chromium) when present, so Save
// writes back to the opened file; otherwise a hidden <input type=file> to open and a
// download to save. Backups: IndexedDB. Nothing touches the DOM until it is used.
import { checkFileSize } from '../../arguments/intake/limits';
import {
  DOCUMENT_EXTENSIONS,
  SaveError,
  type Backup,
  type BackupStore,
  type DocumentPurpose,
  type DroppedFile,
  type FileRef,
  type OpenedDocument,
  type OpenedFile,
  type Platform,
  type SavedFile,
} from './types';

/** Set to 'classic' to use the input/download path even where the pickers exist (Playwright cannot drive them). */
export const PICKER_SWITCH_KEY = 'argument-atlas.filePickers';
/** The hidden input the classic Open uses (stays in the page, so tests can set files on it). */
export const OPEN_INPUT_TEST_ID = 'aa-open-file-input';
/** The hidden input Add Source and Import Bibliography use (tests set files on it). */
export const DOCUMENT_INPUT_TEST_ID = 'aa-open-document-input';

const ACCEPT_EXTENSIONS = ['.argmap.json', '.json'];
/** Open also imports Argdown and AIF (JSON); Save writes maps only. */
const OPEN_EXTENSIONS = [...ACCEPT_EXTENSIONS, '.argdown', '.ad'];
const FILE_TYPES: PickerAcceptType[] = [{ description: 'Argument maps', accept: { 'application/json': ACCEPT_EXTENSIONS } }];
const OPEN_TYPES: PickerAcceptType[] = [{ description: 'Argument maps, Argdown and AIF', accept: { 'application/json': ACCEPT_EXTENSIONS, 'text/plain': ['.argdown', '.ad'] } }];

// ----- the File System Access API, which lib.dom does not (yet) declare -----------------

interface PickerAcceptType {
  description?: string;
  accept: Record<string, string[]>;
}
interface OpenPickerOptions {
  id?: string;
  types?: PickerAcceptType[];
  multiple?: boolean;
}
interface SavePickerOptions {
  id?: string;
  types?: PickerAcceptType[];
  suggestedName?: string;
}
interface Pickers {
  showOpenFilePicker(options?: OpenPickerOptions): Promise<FileSystemFileHandle[]>;
  showSaveFilePicker(options?: SavePickerOptions): Promise<FileSystemFileHandle>;
}
type Permission = 'granted' | 'denied' | 'prompt';
interface PermissionHandle {
  queryPermission?(d: { mode: 'read' | 'readwrite' }): Promise<Permission>;
  requestPermission?(d: { mode: 'read' | 'readwrite' }): Promise<Permission>;
}

function pickers(): Pickers | null {
  const w = window as Window & Partial<Pickers>;
  if (typeof w.showOpenFilePicker !== 'function' || typeof w.showSaveFilePicker !== 'function') return null;
  try {
    if (window.localStorage.getItem(PICKER_SWITCH_KEY) === 'classic') return null;
  } catch {
    // Storage can be disabled; the pickers are then fine to use.
  }
  return w as Pickers;
}

const isAbort = (err: unknown) => err instanceof DOMException && err.name === 'AbortError';
/** The pickers need a fresh user gesture; one spent on an earlier dialog makes them throw this. */
const isNoGesture = (err: unknown) => err instanceof DOMException && (err.name === 'SecurityError' || err.name === 'NotAllowedError');

function isHandle(ref: FileRef | null): ref is FileSystemFileHandle {
  return typeof FileSystemFileHandle !== 'undefined' && ref instanceof FileSystemFileHandle;
}

async function readFile(file: File, ref: FileRef | null): Promise<OpenedFile> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), ref };
}

// ----- open -------------------------------------------------------------------------

let openInput: HTMLInputElement | null = null;
/** Settles the pending classic Open; a new Open settles the previous one as cancelled. */
let settleOpen: ((file: File | null) => void) | null = null;
/** Receives a file put on the input when no Open is pending (scripts and tests set files directly). */
let offered: ((file: OpenedFile) => void) | null = null;

function classicInput(): HTMLInputElement {
  if (openInput?.isConnected) return openInput;
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = [...OPEN_EXTENSIONS, 'application/json'].join(',');
  input.hidden = true;
  input.dataset.testid = OPEN_INPUT_TEST_ID;
  input.setAttribute('aria-hidden', 'true');
  input.tabIndex = -1;
  input.addEventListener('change', () => {
    const file = input.files?.[0] ?? null;
    input.value = ''; // choosing the same file again must fire change again
    if (settleOpen) settleOpen(file);
    else if (file && offered) void readFile(file, null).then(offered, (err: unknown) => console.warn('Argument Atlas could not read the file:', err));
  });
  // Chromium 113+ reports a dismissed chooser; elsewhere a pending Open is settled by the next one.
  input.addEventListener('cancel', () => settleOpen?.(null));
  document.body.append(input);
  openInput = input;
  return input;
}

function chooseClassic(): Promise<File | null> {
  settleOpen?.(null);
  const input = classicInput();
  return new Promise((resolve) => {
    settleOpen = (file) => {
      settleOpen = null;
      resolve(file);
    };
    input.click();
  });
}

async function openFile(): Promise<OpenedFile | null> {
  const p = pickers();
  if (!p) {
    const file = await chooseClassic();
    return file ? readFile(file, null) : null;
  }
  let handle: FileSystemFileHandle | undefined;
  try {
    [handle] = await p.showOpenFilePicker({ id: 'argument-maps', types: OPEN_TYPES });
  } catch (err) {
    if (isAbort(err)) return null;
    throw isNoGesture(err) ? new Error('The Open dialog could not be shown. Choose Open again.') : err;
  }
  return handle ? readFile(await handle.getFile(), handle) : null;
}

// ----- documents to add as sources (copied into the map: no file reference) ------------

let documentInput: HTMLInputElement | null = null;
let settleDocument: ((file: File | null) => void) | null = null;

function chooseDocumentClassic(purpose: DocumentPurpose): Promise<File | null> {
  settleDocument?.(null);
  if (!documentInput?.isConnected) {
    const input = document.createElement('input');
    input.type = 'file';
    input.hidden = true;
    input.dataset.testid = DOCUMENT_INPUT_TEST_ID;
    input.setAttribute('aria-hidden', 'true');
    input.tabIndex = -1;
    input.addEventListener('change', () => {
      const file = input.files?.[0] ?? null;
      input.value = '';
      settleDocument?.(file);
    });
    input.addEventListener('cancel', () => settleDocument?.(null));
    document.body.append(input);
    documentInput = input;
  }
  const input = documentInput;
  input.accept = DOCUMENT_EXTENSIONS[purpose].join(',');
  input.dataset.purpose = purpose;
  return new Promise((resolve) => {
    settleDocument = (file) => {
      settleDocument = null;
      resolve(file);
    };
    input.click();
  });
}

const DOCUMENT_TYPES: Record<DocumentPurpose, PickerAcceptType[]> = {
  source: [{ description: 'Documents (text, Markdown, PDF, Word, HTML)', accept: { 'application/octet-stream': [...DOCUMENT_EXTENSIONS.source] } }],
  bibliography: [{ description: 'Bibliographies (BibTeX, BibLaTeX, CSL-JSON)', accept: { 'application/octet-stream': [...DOCUMENT_EXTENSIONS.bibliography] } }],
};

async function readDocument(file: File): Promise<OpenedDocument> {
  const tooLarge = checkFileSize(file.name, file.size);
  if (tooLarge) throw new Error(tooLarge.message);
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

async function openDocument(purpose: DocumentPurpose): Promise<OpenedDocument | null> {
  const p = pickers();
  if (!p) {
    const file = await chooseDocumentClassic(purpose);
    return file ? readDocument(file) : null;
  }
  let handle: FileSystemFileHandle | undefined;
  try {
    [handle] = await p.showOpenFilePicker({ id: purpose === 'source' ? 'source-documents' : 'bibliographies', types: DOCUMENT_TYPES[purpose] });
  } catch (err) {
    if (isAbort(err)) return null;
    throw isNoGesture(err) ? new Error('The Open dialog could not be shown. Choose Add Source again.') : err;
  }
  return handle ? readDocument(await handle.getFile()) : null;
}

// ----- save -------------------------------------------------------------------------

function reason(err: unknown, name: string): string {
  const kind = err instanceof DOMException ? err.name : '';
  if (kind === 'NotAllowedError' || kind === 'SecurityError') return `Argument Atlas was not allowed to write to “${name}”.`;
  if (kind === 'QuotaExceededError') return `There is not enough space to save “${name}”.`;
  if (kind === 'NotFoundError') return `“${name}” is no longer where it was (it was moved or deleted); use Save As.`;
  if (kind === 'NoModificationAllowedError' || kind === 'InvalidStateError') return `“${name}” is locked or in use by another program.`;
  const detail = err instanceof Error && err.message ? ` (${err.message})` : '';
  return `“${name}” could not be written${detail}.`;
}

async function writeHandle(handle: FileSystemFileHandle, text: string): Promise<void> {
  const h = handle as FileSystemFileHandle & PermissionHandle;
  try {
    if (h.queryPermission && (await h.queryPermission({ mode: 'readwrite' })) !== 'granted' && h.requestPermission)
      if ((await h.requestPermission({ mode: 'readwrite' })) !== 'granted') throw new SaveError(`Argument Atlas was not allowed to write to “${handle.name}”.`);
    // The browser writes to a temporary file and swaps it in on close: a failed write leaves the old file.
    const stream = await handle.createWritable();
    try {
      await stream.write(text);
      await stream.close();
    } catch (err) {
      await stream.abort().catch(() => undefined);
      throw err;
    }
  } catch (err) {
    throw err instanceof SaveError ? err : new SaveError(reason(err, handle.name));
  }
}

/** Anchor + blob URL: the browser's download (maps here, figures in renderer/export). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started reading the blob by the next task; revoking later frees it.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

const download = (text: string, name: string) => downloadBlob(new Blob([text], { type: 'application/json' }), name);

async function saveFile(text: string, suggestedName: string, ref: FileRef | null): Promise<SavedFile | null> {
  if (isHandle(ref)) {
    await writeHandle(ref, text);
    return { name: ref.name, ref };
  }
  const p = pickers();
  if (!p) {
    download(text, suggestedName);
    return { name: suggestedName, ref: null };
  }
  let handle: FileSystemFileHandle;
  try {
    handle = await p.showSaveFilePicker({ id: 'argument-maps', suggestedName, types: FILE_TYPES });
  } catch (err) {
    if (isAbort(err)) return null;
    throw new SaveError(isNoGesture(err) ? 'The Save dialog could not be shown. Choose Save As again.' : reason(err, suggestedName));
  }
  await writeHandle(handle, text);
  return { name: handle.name, ref: handle };
}

async function reread(ref: FileRef): Promise<OpenedFile> {
  if (!isHandle(ref)) throw new Error('This file was not opened from disk, so it cannot be read again.');
  const h = ref as FileSystemFileHandle & PermissionHandle;
  if (h.queryPermission && (await h.queryPermission({ mode: 'read' })) !== 'granted') await h.requestPermission?.({ mode: 'read' });
  return readFile(await ref.getFile(), ref);
}

// ----- backups: one record in IndexedDB ------------------------------------------------

const DB_NAME = 'argument-atlas';
const STORE = 'backups';
const KEY = 'current';

let db: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  db ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened.'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab.'));
  }).catch((err: unknown) => {
    db = null; // try again next time
    throw err;
  });
  return db;
}

async function request<T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const tx = (await database()).transaction(STORE, mode);
  const req = op(tx.objectStore(STORE));
  // Commit now rather than when the event loop next turns: a write flushed as the page unloads still lands.
  if (typeof tx.commit === 'function') tx.commit();
  return new Promise<T>((resolve, reject) => {
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error ?? req.error ?? new Error('IndexedDB request failed.'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction was aborted.'));
  });
}

function asBackup(value: unknown): Backup | null {
  if (value === null || typeof value !== 'object') return null;
  const { text, name, savedAt } = value as Record<string, unknown>;
  return typeof text === 'string' && typeof name === 'string' && typeof savedAt === 'string' ? { text, name, savedAt } : null;
}

const indexedDbBackups: BackupStore = {
  async write(b) {
    await request('readwrite', (s) => s.put({ text: b.text, name: b.name, savedAt: b.savedAt }, KEY));
  },
  async read() {
    return asBackup(await request<unknown>('readonly', (s) => s.get(KEY)));
  },
  async clear() {
    await request('readwrite', (s) => s.delete(KEY));
  },
};

export const webPlatform: Platform = {
  kind: 'web',
  openFile,
  openDocument,
  saveFile,
  hasSaveDialog: () => pickers() !== null,
  reread,
  openDropped: async (file: DroppedFile) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), ref: null }),
  onOpenRequest(open) {
    offered = open;
    classicInput(); // in the page from the start, so it can be given files at any time
  },
  backups: indexedDbBackups,
};
